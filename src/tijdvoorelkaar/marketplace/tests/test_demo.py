import pytest
from django.core.management import call_command

from tijdvoorelkaar.demo.marketplace import ADS, RESIDENTS
from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.marketplace.models import (
    AVAILABILITY_SLOTS,
    DEFAULT_CATEGORIES,
    Ad,
    Conversation,
    Message,
)
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Ad.objects.count(),
        Participant.objects.count(),
        Conversation.objects.count(),
        Message.objects.count(),
        Mediation.objects.count(),
    )


@pytest.fixture
def seeded():
    call_command("seed_demo")


def test_seed_demo_twice_changes_nothing(seeded):
    counts = _counts()
    call_command("seed_demo")
    assert _counts() == counts


def test_ads_are_spread_over_areas_categories_and_kinds(seeded):
    assert 55 <= Ad.objects.count() <= 70
    assert Ad.objects.count() == sum(len(ads) for ads in ADS.values())
    uz = Ad.objects.filter(area__slug="utrecht-zuid")
    for name in DEFAULT_CATEGORIES:
        assert uz.filter(category__name=name).exists(), name
    for slug in ("utrecht-zuid", "breda-hoge-vucht"):
        kinds = set(Ad.objects.filter(area__slug=slug).values_list("kind", flat=True))
        assert kinds == {Ad.Kind.REQUEST, Ad.Kind.OFFER}, slug
        nbs = set(Ad.objects.filter(area__slug=slug).values_list("neighbourhood__slug", flat=True))
        assert nbs == {r.neighbourhood for r in RESIDENTS[slug]}
    assert Ad.objects.filter(placed_by__isnull=False).count() >= 8
    assert all(
        set(a) <= set(AVAILABILITY_SLOTS) for a in Ad.objects.values_list("availability", flat=True)
    )
    assert Ad.objects.listed().count() == Ad.objects.count()


def test_required_demo_ads_exist(seeded):
    uz = Ad.objects.filter(area__slug="utrecht-zuid")
    computers = uz.get(title="Ik help met computers, laptops en tablets")
    assert computers.kind == Ad.Kind.OFFER
    assert computers.category.name == "Computer en digitaal"
    assert computers.owner.user.email != "deelnemer@utrecht-zuid.test"
    assert uz.get(title="Boodschappen doen voor een buurtgenoot").kind == Ad.Kind.OFFER
    scoot = uz.get(title="Wie gaat er mee de stad in? Ik rijd een scootmobiel")
    assert scoot.kind == Ad.Kind.REQUEST
    assert scoot.category.name == "Vervoer en begeleiding"
    assert scoot.owner.user.first_name == "Liesbeth"
    walk = uz.get(title="Gezelschap en een wandeling")
    assert walk.kind == Ad.Kind.OFFER
    assert walk.category.name == "Gezelschap en samen iets doen"
    assert walk.owner.user.first_name == "Serkan"
    assert not Ad.objects.filter(title="Wie wil mijn hond uitlaten?").exists()
    assert any(services.scope_note(ad) for ad in Ad.objects.all())


def test_residents_have_no_password_and_one_has_no_email(seeded):
    residents = Participant.objects.filter(
        user__last_name__in=[r.last_name for rs in RESIDENTS.values() for r in rs]
    )
    assert residents.count() == sum(len(rs) for rs in RESIDENTS.values())
    assert not any(p.user.has_usable_password() for p in residents)
    no_email = residents.get(user__email__isnull=True)
    assert no_email.registered_by.email == "makelaar@utrecht-zuid.test"
    assert no_email.ads.filter(placed_by=no_email.registered_by).exists()


def test_a_self_made_mediation_exists(seeded):
    mediation = Mediation.objects.get(ad__title__startswith="Wie gaat er mee de stad in?")
    assert not mediation.broker_supported
    assert mediation.requester.user.first_name == "Liesbeth"
    assert mediation.provider.user.first_name == "Serkan"
    assert 3 <= Conversation.objects.count() <= 4


def test_public_ads_carry_no_personal_details(seeded):
    secrets = []
    for area_slug, residents in RESIDENTS.items():
        for r in residents:
            secrets.append(r.last_name.lower())
            if r.phone:
                secrets.append(r.phone.lower())
            if r.has_email:
                secrets.append(r.email(area_slug))
    for ad in Ad.objects.all():
        text = f"{ad.title} {ad.description}".lower()
        for secret in secrets:
            assert secret not in text, (ad.title, secret)
