"""Factories for the marketplace: ads, placed through the service as a resident does."""

from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.marketplace.models import Ad, Category
from tijdvoorelkaar.participants.models import Participant


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
