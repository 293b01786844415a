"""Demo organisations for `seed_demo`: hook `seed_organisations(areas)` into core/demo.py
after the users exist (buurthuis@utrecht-zuid.test becomes the buurthuis's contact)."""

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.organisations.models import Organisation, OrganisationContact, SocialMapEntry

ORGANISATIONS = {
    "utrecht-zuid": [
        ("Buurthuis De Leeuw", "buurthuis", "buurthuis@utrecht-zuid.test"),
        ("Scouting De Vonk", "scouting", None),
        ("Huisartsenpraktijk Lunetten", "huisartsenpraktijk", None),
    ],
    "breda-hoge-vucht": [("Wijkcentrum Hoge Vucht", "buurthuis", None)],
}
SOCIAL_MAP = {
    "utrecht-zuid": [
        ("Voedselbank Utrecht", "Voedselpakketten bij geldzorgen", "Via de wijkteams"),
        ("Taalcafé", "Nederlands oefenen in een groep", "Dinsdag 10-12 uur, Buurthuis De Leeuw"),
    ],
}


def seed_organisations(areas: dict) -> None:
    """Idempotent: existing organisations (by area and slug) are left alone."""
    from django.utils.text import slugify

    now = clock.now()
    for slug, items in ORGANISATIONS.items():
        area = areas.get(slug)
        if area is None:
            continue
        for name, kind, contact_email in items:
            org, _ = Organisation.objects.get_or_create(
                area=area,
                slug=slugify(name),
                defaults={"name": name, "kind": kind, "created_at": now},
            )
            user = User.objects.filter(email=contact_email).first() if contact_email else None
            if user is not None:
                Role.objects.get_or_create(user=user, area=area, kind=Role.Kind.ORGANISATION)
                OrganisationContact.objects.get_or_create(
                    organisation=org, user=user, defaults={"created_at": now}
                )
        for name, what_for, how in SOCIAL_MAP.get(slug, []):
            SocialMapEntry.objects.get_or_create(
                area=area,
                name=name,
                defaults={"what_for": what_for, "how_to_reach": how, "created_at": now},
            )
