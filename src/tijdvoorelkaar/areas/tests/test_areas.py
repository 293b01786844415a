import pytest
from django.core.management import CommandError, call_command

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas.models import Area, Neighbourhood

pytestmark = pytest.mark.django_db


def test_create_area_is_idempotent():
    call_command(
        "create_area",
        "zeist-centrum",
        "Zeist Centrum",
        "--neighbourhoods",
        "griffensteijn,kerckebosch",
    )
    call_command(
        "create_area",
        "zeist-centrum",
        "Zeist Centrum",
        "--neighbourhoods",
        "griffensteijn,kerckebosch,vollenhove",
    )
    area = Area.objects.get(slug="zeist-centrum")
    assert area.name == "Zeist Centrum"
    assert sorted(area.neighbourhoods.values_list("slug", flat=True)) == [
        "griffensteijn",
        "kerckebosch",
        "vollenhove",
    ]
    assert area.time_credits_enabled is False
    assert area.max_support_conversations == 3
    assert area.matching_mode == "direct"


@pytest.mark.parametrize("slug", ["admin", "Met Spaties", "privacy", ""])
def test_create_area_refuses_bad_slugs(slug):
    with pytest.raises(CommandError):
        call_command("create_area", slug, "Iets")
    assert not Area.objects.exists()


def test_seed_demo_is_idempotent_and_complete():
    call_command("seed_demo")
    counts = (Area.objects.count(), Neighbourhood.objects.count(), User.objects.count())
    call_command("seed_demo")
    assert counts == (Area.objects.count(), Neighbourhood.objects.count(), User.objects.count())
    uz = Area.objects.get(slug="utrecht-zuid")
    assert uz.name == "Utrecht Zuid"
    assert sorted(uz.neighbourhoods.values_list("slug", flat=True)) == sorted(
        ["lunetten", "hoograven", "tolsteeg", "bokkenbuurt", "rotsoord"]
    )
    breda = Area.objects.get(slug="breda-hoge-vucht")
    assert breda.name == "Breda Hoge Vucht"
    assert sorted(breda.neighbourhoods.values_list("slug", flat=True)) == sorted(
        ["biesdonk", "wisselaar", "geeren-noord", "geeren-zuid"]
    )
    kinds = set(User.objects.filter(roles__isnull=False).values_list("roles__kind", flat=True))
    assert kinds == {"organisation", "broker", "coordinator", "funder"}
    assert User.objects.filter(is_superuser=True).exists()
    assert User.objects.filter(participations__isnull=False).exists()
