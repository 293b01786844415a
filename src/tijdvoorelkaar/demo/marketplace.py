"""Demo content for the marketplace: residents, ads and a few conversations.

Called by `demo.seed.seed()` (so by `manage.py seed_demo`) after the areas and staff users
exist. Idempotent: residents are found by email (the one without email by name), ads by
`external_id` ("demo-1", ...) per area, messages by their submission token.
The texts are written for the demo, loosely after examples from the Utrecht Zuid pilot."""

import datetime as dt

from django.db import transaction

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.mail import emails_suppressed
from tijdvoorelkaar.core.phones import normalise_phone
from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.marketplace.models import Ad, Category, Conversation
from tijdvoorelkaar.mediations.services import confirm_going_ahead
from tijdvoorelkaar.participants.models import Participant, Visibility

from . import ads_breda, ads_utrecht, ads_utrecht_more
from .residents import BROKERS, RESIDENTS, Resident

BASE_URL = "http://127.0.0.1:8000"
ADS = {
    "utrecht-zuid": ads_utrecht.ADS + ads_utrecht_more.ADS,
    "breda-hoge-vucht": ads_breda.ADS,
}
# Conversations between residents: (area, ad external id, initiator, messages as
# (sender side, text), both confirm "We gaan het doen").
CONVERSATIONS = [
    (
        "utrecht-zuid",
        "demo-3",
        "serkan",
        [
            (
                "initiator",
                "Hallo Liesbeth, ik ga graag met u mee de stad in. Ik ken het centrum goed. "
                "Wilt u mij misschien helpen met mijn Nederlands?",
            ),
            (
                "owner",
                "Wat leuk, Serkan! Dat wil ik heel graag. Zullen we eerst kennismaken bij mij "
                "thuis, met een kop koffie?",
            ),
            ("initiator", "Ja, graag. Donderdagmiddag kan ik, om twee uur?"),
            ("owner", "Donderdag om twee uur is goed. Tot dan!"),
        ],
        True,
    ),
    (
        "utrecht-zuid",
        "demo-1",
        "ria",
        [
            (
                "initiator",
                "Hoi Bram, ik wil graag leren hoe ik de foto's van mijn telefoon op de "
                "computer zet. Kun je een keer langskomen?",
            ),
            (
                "owner",
                "Dag Ria, dat kan zeker. Zaterdagmiddag komt mij goed uit. Past dat bij u?",
            ),
        ],
        False,
    ),
    (
        "utrecht-zuid",
        "demo-11",
        "mohamed",
        [
            (
                "initiator",
                "Goedemiddag, ik geef graag bijles rekenen. Woensdagmiddag heb ik tijd. "
                "Zal ik een keer langskomen om kennis te maken?",
            ),
        ],
        False,
    ),
    (
        "breda-hoge-vucht",
        "demo-1",
        "piet",
        [
            (
                "initiator",
                "Goedendag Marianne, ik heb een nieuwe telefoon van mijn kleinzoon gekregen en "
                "kom er niet uit. Wilt u mij helpen met de foto's en de berichten?",
            ),
            (
                "owner",
                "Natuurlijk, Piet. Komt woensdagmiddag bij u uit? Dan neem ik de tijd.",
            ),
        ],
        False,
    ),
]


def _broker(area_slug: str) -> User | None:
    return User.objects.filter(email=BROKERS[area_slug]).first()


def _resident(area, resident: Resident, broker: User | None) -> Participant:
    nb = Neighbourhood.objects.get(area=area, slug=resident.neighbourhood)
    email = resident.email(area.slug)
    if email:
        user = create_user_with_role(
            email,
            "participant",
            area,
            first_name=resident.first_name,
            last_name=resident.last_name,
            neighbourhood=nb,
        ).user
        participant = Participant.objects.get(area=area, user=user)
    else:
        # Registered by the broker, without email. `create_user_with_role` looks users up
        # by email, which would match any email-less user, so find this one by name.
        participant = Participant.objects.filter(
            area=area,
            user__email__isnull=True,
            user__first_name=resident.first_name,
            user__last_name=resident.last_name,
        ).first()
        if participant is None:
            user = User.objects.create_user(
                email=None, first_name=resident.first_name, last_name=resident.last_name
            )
            participant = Participant.objects.create(
                area=area, user=user, neighbourhood=nb, registered_by=broker
            )
    # Fill the profile once; a later edit (in the demo) is kept.
    changed = []
    for name in ("phone", "languages", "interests", "intro"):
        value = getattr(resident, name)
        if value and not getattr(participant, name):
            setattr(participant, name, value)
            changed.append(name)
    if changed:
        participant.phone_normalised = normalise_phone(participant.phone)
        participant.save()
    return participant


def _seed_ads(area, residents: dict, broker: User | None) -> dict:
    categories = {c.name: c for c in Category.objects.filter(area=area)}
    now = clock.now()
    ads = {}
    for i, spec in enumerate(ADS[area.slug]):
        owner_key, kind, category, title, description, frequency, duration, slots, by_broker = spec
        external_id = f"demo-{i + 1}"
        existing = Ad.objects.filter(area=area, external_id=external_id).first()
        if existing is not None:
            ads[external_id] = existing
            continue
        owner = residents[owner_key]
        # Spread over the last 60 days; the first ads in the list are the most recent.
        created_at = now - dt.timedelta(days=(i * 23) % 59 + 1, hours=(i * 5) % 11)
        ad, _created = services.create_ad(
            area=area,
            owner=owner,
            kind=kind,
            placed_by=broker if by_broker else None,
            created_at=created_at,
            data={
                "title": title,
                "description": description,
                "category": categories[category],
                "neighbourhood": owner.neighbourhood,
                "frequency": frequency,
                "duration": duration,
                "availability": slots.split(),
                "external_id": external_id,
                # Residents chose: offers for everyone, requests for neighbours who take
                # part (the default; a request often says more about someone).
                "visibility": Visibility.PUBLIC
                if kind == Ad.Kind.OFFER
                else Visibility.PARTICIPANTS,
            },
        )
        ads[external_id] = ad
    return ads


def _seed_conversations(areas: dict, residents: dict, ads: dict) -> None:
    for area_slug, external_id, initiator_key, messages, confirm in CONVERSATIONS:
        if area_slug not in areas:
            continue
        ad = ads[area_slug][external_id]
        initiator = residents[area_slug][initiator_key]
        token = f"demo-{area_slug}-{external_id}"
        conversation = Conversation.objects.filter(ad=ad, initiator=initiator).first()
        if conversation is None:
            try:
                conversation = services.react(
                    ad=ad,
                    participant=initiator,
                    body=messages[0][1],
                    base_url=BASE_URL,
                    submission_token=f"{token}-1",
                )
            except services.MarketplaceError:
                continue  # the ad was closed in the meantime
        for n, (side, body) in enumerate(messages[1:], start=2):
            sender = initiator if side == "initiator" else conversation.owner
            services.reply(
                conversation=conversation,
                participant=sender,
                body=body,
                base_url=BASE_URL,
                submission_token=f"{token}-{n}",
            )
        if confirm and not (
            conversation.initiator_confirmed_at and conversation.owner_confirmed_at
        ):
            confirm_going_ahead(conversation, conversation.owner)
            confirm_going_ahead(conversation, initiator)


@transaction.atomic
def seed_marketplace(areas: dict) -> None:
    """Demo residents, ads and conversations for the demo areas in `areas`."""
    # The demo's notification emails go nowhere: they would only clutter the console
    # (or a test's outbox) with messages about made-up conversations.
    with emails_suppressed():
        residents, ads = {}, {}
        for area_slug, area in areas.items():
            if area_slug not in RESIDENTS:
                continue
            broker = _broker(area_slug)
            residents[area_slug] = {r.key: _resident(area, r, broker) for r in RESIDENTS[area_slug]}
            ads[area_slug] = _seed_ads(area, residents[area_slug], broker)
        _seed_conversations(areas, residents, ads)
