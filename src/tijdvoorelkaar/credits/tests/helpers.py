"""Builders shared by the Roosjes tests."""

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.credits import services
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.mediations.models import Mediation


def seed(enabled: bool = True) -> dict:
    areas = demo.seed_areas()
    demo.seed_users(areas)
    for area in areas.values():
        area.time_credits_enabled = enabled
        area.save(update_fields=["time_credits_enabled"])
    return areas


def match(requester, provider) -> Mediation:
    """A mediation that became a match (reached lopend)."""
    today = clock.today()
    return Mediation.objects.create(
        area=requester.area,
        requester=requester,
        provider=provider,
        status=Mediation.Status.RUNNING,
        started_on=today,
        reached_active_on=today,
        requester_answer="ja",
        provider_answer="ja",
    )


def organisation(area, name="Buurthuis De Linde", *, accepts=True, contact_email=None):
    contacts = []
    if contact_email:
        contacts = [User.objects.get(email=contact_email)]
        assert Role.objects.filter(user=contacts[0], area=area, kind="organisation").exists()
    return services.create_organisation(
        area=area, name=name, contacts=contacts, accepts_roosjes=accepts
    )
