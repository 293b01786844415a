"""Demo data for `manage.py seed_demo`: two areas, a user for every role, and (through
demo.marketplace and demo.organisations) residents, ads, conversations, organisations and
the Roosjes organisation of Utrecht Zuid."""

from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area

from .marketplace import seed_marketplace
from .organisations import seed_credits, seed_organisations

DEMO_PASSWORD = "tijdvoorelkaar"

AREAS = {
    "utrecht-zuid": (
        "Utrecht Zuid",
        [
            NeighbourhoodSpec("lunetten", "Lunetten", 52.0640, 5.1400),
            NeighbourhoodSpec("hoograven", "Hoograven", 52.0745, 5.1290),
            NeighbourhoodSpec("tolsteeg", "Tolsteeg", 52.0790, 5.1245),
            NeighbourhoodSpec("bokkenbuurt", "Bokkenbuurt", 52.0772, 5.1190),
            NeighbourhoodSpec("rotsoord", "Rotsoord", 52.0805, 5.1270),
        ],
    ),
    "breda-hoge-vucht": (
        "Breda Hoge Vucht",
        [
            NeighbourhoodSpec("biesdonk", "Biesdonk", 51.6055, 4.8010),
            NeighbourhoodSpec("wisselaar", "Wisselaar", 51.6010, 4.8125),
            NeighbourhoodSpec("geeren-noord", "Geeren-Noord", 51.6000, 4.7945),
            NeighbourhoodSpec("geeren-zuid", "Geeren-Zuid", 51.5930, 4.7960),
        ],
    ),
}

# (email, role, area, first name, last name, neighbourhood for participants)
USERS = [
    ("admin@tijdvoorelkaar.test", "admin", None, "Beheer", "Systeem", None),
    ("coordinator@utrecht-zuid.test", "coordinator", "utrecht-zuid", "Petra", "de Wit", None),
    ("makelaar@utrecht-zuid.test", "broker", "utrecht-zuid", "Sanne", "Bakker", None),
    ("makelaar2@utrecht-zuid.test", "broker", "utrecht-zuid", "Youssef", "Amrani", None),
    ("financier@utrecht-zuid.test", "funder", "utrecht-zuid", "Gemeente", "Utrecht", None),
    ("buurthuis@utrecht-zuid.test", "organisation", "utrecht-zuid", "Karin", "Visser", None),
    ("deelnemer@utrecht-zuid.test", "participant", "utrecht-zuid", "Anna", "Jansen", "lunetten"),
    (
        "coordinator@breda-hoge-vucht.test",
        "coordinator",
        "breda-hoge-vucht",
        "Marloes",
        "van Dijk",
        None,
    ),
    ("makelaar@breda-hoge-vucht.test", "broker", "breda-hoge-vucht", "Kees", "Verhoeven", None),
    ("financier@breda-hoge-vucht.test", "funder", "breda-hoge-vucht", "Gemeente", "Breda", None),
    (
        "deelnemer@breda-hoge-vucht.test",
        "participant",
        "breda-hoge-vucht",
        "Fatma",
        "Yilmaz",
        "biesdonk",
    ),
]


# The organisation behind each demo area and how to reach it (made-up details).
CONTACTS = {
    "utrecht-zuid": {
        "organisation_name": "Welzijn Utrecht Zuid",
        "phone": "030 123 45 67",
        "phone_hours": "maandag tot en met vrijdag van 9.00 tot 12.30 uur",
        "contact_email": "tijdvoorelkaar@welzijn-utrecht-zuid.test",
        "visiting_address": "Buurthuis De Boog, Rivierenlaan 2, 3522 AB Utrecht",
        "broker_first_name": "Sanne",
    },
    "breda-hoge-vucht": {
        "organisation_name": "Welzijn Breda Hoge Vucht",
        "phone": "076 123 45 67",
        "phone_hours": "maandag, woensdag en donderdag van 9.00 tot 17.00 uur",
        "contact_email": "buurthulp@welzijn-hoge-vucht.test",
        "visiting_address": "Wijkcentrum Hoge Vucht, Biesdonkweg 10, 4823 AB Breda",
        "broker_first_name": "Kees",
    },
}


def seed_areas() -> dict:
    areas = {slug: create_area(slug, name, nbs)[0] for slug, (name, nbs) in AREAS.items()}
    areas["breda-hoge-vucht"].theme = "breda"  # each area its own look (issue X)
    for slug, contact in CONTACTS.items():
        for field, value in contact.items():
            setattr(areas[slug], field, value)
        areas[slug].save(update_fields=["theme", *contact])
    return areas


def seed_users(areas: dict) -> None:
    for email, role, area_slug, first, last, nb_slug in USERS:
        area = areas.get(area_slug)
        nb = Neighbourhood.objects.get(area=area, slug=nb_slug) if nb_slug else None
        create_user_with_role(
            email,
            role,
            area,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            neighbourhood=nb,
        )


def seed() -> dict:
    areas = seed_areas()
    seed_users(areas)
    seed_marketplace(areas)
    seed_organisations(areas)
    seed_credits(areas)
    return areas
