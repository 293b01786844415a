import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.core.access import roles_in_area
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.participants.models import Participant

pytestmark = pytest.mark.django_db


def test_email_is_unique_case_insensitively():
    User.objects.create_user(email="Piet@Example.org", first_name="Piet")
    assert User.objects.get(email="piet@example.org").first_name == "Piet"
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="PIET@example.org", first_name="Andere Piet")


def test_people_without_email_are_possible():
    a = User.objects.create_user(email=None, first_name="Mevrouw")
    b = User.objects.create_user(email="", first_name="Meneer")
    assert a.email is None and b.email is None


@pytest.mark.parametrize(
    "role", ["participant", "organisation", "broker", "coordinator", "funder", "admin"]
)
def test_create_user_command_for_every_role(role):
    demo.seed_areas()
    call_command(
        "create_user",
        f"{role}@example.org",
        "--role",
        role,
        "--area",
        "utrecht-zuid",
        "--password",
        "een-lang-wachtwoord",
    )
    call_command("create_user", f"{role}@example.org", "--role", role, "--area", "utrecht-zuid")
    user = User.objects.get(email=f"{role}@example.org")
    assert user.check_password("een-lang-wachtwoord")
    area = demo.seed_areas()["utrecht-zuid"]
    assert role in roles_in_area(user, area)
    assert User.objects.filter(email=f"{role}@example.org").count() == 1
    if role == "participant":
        assert Participant.objects.filter(user=user).count() == 1
    elif role != "admin":
        assert Role.objects.filter(user=user, kind=role).count() == 1


def test_create_user_command_refuses_bad_input():
    demo.seed_areas()
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("create_user", "a@example.org", "--role", "broker", "--area", "nergens")
    with pytest.raises(CommandError, match="geen geldig e-mailadres"):
        call_command("create_user", "geen-adres", "--role", "broker", "--area", "utrecht-zuid")
    with pytest.raises(CommandError, match="werkgebied"):
        call_command("create_user", "a@example.org", "--role", "broker")
    assert not User.objects.filter(email="a@example.org").exists()


def test_roles_stay_within_their_area():
    areas = demo.seed()
    broker = User.objects.get(email="makelaar@breda-hoge-vucht.test")
    assert roles_in_area(broker, areas["breda-hoge-vucht"]) == {"broker"}
    assert roles_in_area(broker, areas["utrecht-zuid"]) == frozenset()
