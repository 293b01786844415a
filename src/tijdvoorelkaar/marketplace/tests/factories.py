"""Small builders for marketplace tests."""

import itertools

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.marketplace.models import Ad, Category
from tijdvoorelkaar.participants.models import Participant

_counter = itertools.count(1)


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
    n = next(_counter)
    if email == "auto":
        email = f"bewoner{n}@example.org"
    user = User.objects.create_user(
        email=email, first_name=first_name, last_name=last_name, password=password
    )
    nb = area.neighbourhoods.get(slug=neighbourhood) if neighbourhood else None
    return Participant.objects.create(area=area, user=user, neighbourhood=nb, phone=phone)


def ad(
    owner: Participant,
    title: str = "Wie helpt mij?",
    *,
    kind: str = "vraag",
    category: str = "Overig",
    description: str = "",
    **data,
) -> Ad:
    cat = Category.objects.get(area=owner.area, name=category)
    fields = {
        "title": title,
        "description": description,
        "category": cat,
        "neighbourhood": owner.neighbourhood,
        "frequency": "eenmalig",
        "duration": "uur",
        "visibility": "public",
        **data,
    }
    created, _ = services.create_ad(area=owner.area, owner=owner, kind=kind, data=fields)
    return created
