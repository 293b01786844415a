"""Demo organisations for `seed_demo`: hook `seed_organisations(areas)` into core/demo.py
after the users exist (buurthuis@utrecht-zuid.test becomes the buurthuis's contact)."""

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.credits import services as credits
from tijdvoorelkaar.credits.models import CreditOrganisation
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


# Roosjes in the demo: on in Utrecht Zuid (where the pilot had them), off in Breda (which
# left them out). Per area: (organisation, contact person, what it gives for Roosjes).
CREDIT_ORGANISATIONS = {
    "utrecht-zuid": [
        (
            "Buurthuis De Leeuw",
            "buurthuis@utrecht-zuid.test",
            "Een kop koffie of thee, of korting op een cursus",
        ),
    ],
}


def seed_credits(areas: dict) -> None:
    """Switch Roosjes on where the demo has them and make the organisation that issues
    and takes them, with the demo organisation contact as its contact person (so
    buurthuis@utrecht-zuid.test can issue Roosjes and record redeeming them). Run after
    `seed_organisations` (which gives the contact the organisation role). Idempotent."""
    for slug, items in CREDIT_ORGANISATIONS.items():
        area = areas.get(slug)
        if area is None:
            continue
        if not area.time_credits_enabled:
            area.time_credits_enabled = True
            area.save(update_fields=["time_credits_enabled"])
        for name, contact_email, discount in items:
            contact = User.objects.filter(email=contact_email).first()
            organisation = CreditOrganisation.objects.filter(area=area, name=name).first()
            if organisation is None:
                organisation = credits.create_organisation(
                    area=area,
                    name=name,
                    contacts=[contact] if contact else [],
                    accepts_roosjes=True,
                    discount_text=discount,
                )
            elif contact is not None:
                organisation.contacts.add(contact)
