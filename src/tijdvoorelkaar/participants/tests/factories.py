"""Factories for participants."""

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.accounts.tests.factories import UserFactory
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.participants.models import Participant


def participant(
    area: Area,
    first_name: str = "Bewoner",
    *,
    neighbourhood: str | None = None,
    email: str | None = "auto",
    last_name: str = "Achternaam",
    phone: str = "",
    password: str | None = None,
) -> Participant:
    """A resident of `area` with an account (no email when email=None)."""
    fields = {"first_name": first_name, "last_name": last_name, "password": password}
    if email is None:  # someone the broker registers without email
        user = User.objects.create_user(email=None, **fields)
    else:
        user = UserFactory(**fields) if email == "auto" else UserFactory(email=email, **fields)
    nb = area.neighbourhoods.get(slug=neighbourhood) if neighbourhood else None
    return Participant.objects.create(area=area, user=user, neighbourhood=nb, phone=phone)
