"""The first visit: someone who came to ask for help (or to offer it) writes it down first,
then says who they are and how to reach them, on one page.

With an email address, what they wrote travels with the confirmation link
(accounts.services.request_sign_up(pending=...)); using the link creates the account and
places the ad (place_pending_ad, registered on accounts.hooks.link_used), and the person
lands on their placed request. Nothing is stored as an account or an ad before that.

Without email ("Bel mij terug"), the person becomes a registry entry with their phone
number, the ad is placed visible to the broker only, and the broker gets a task to call
back; after the call the broker opens the ad to the neighbourhood."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.accounts.models import PrivacyConsent, User
from tijdvoorelkaar.accounts.services import Throttled, request_sign_up
from tijdvoorelkaar.areas.models import Area, Neighbourhood
from tijdvoorelkaar.core import clock, throttle
from tijdvoorelkaar.core.access import is_staff_in
from tijdvoorelkaar.core.phones import normalise_phone
from tijdvoorelkaar.participants.models import Channel, Inflow, Participant, Stage, Visibility
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import create_task

from .models import Ad, Category
from .services import create_ad, place_own_ad

TITLE_LENGTH = 70
CALLBACKS_PER_CLIENT_PER_HOUR = 5
CALLBACKS_PER_NUMBER_PER_DAY = 2
FALLBACK_CATEGORY = "Overig"


def title_from(text: str) -> str:
    """A short title from what the person wrote: the first sentence, cut at a word."""
    first = " ".join(text.strip().splitlines()[0].split()) if text.strip() else ""
    for end in ".!?":
        head, found, _rest = first.partition(end)
        if found and len(head) >= 10:
            first = head + (end if end != "." else "")
    if len(first) <= TITLE_LENGTH:
        return first
    cut = first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def fallback_category(area: Area) -> Category:
    """The category a first request gets until the broker chooses a better one."""
    categories = Category.objects.filter(area=area)
    return categories.filter(name=FALLBACK_CATEGORY).first() or categories.last()


def pending_ad(kind: str, data: dict) -> dict:
    """What the person wrote, as JSON that can travel with a link."""
    return {
        "what": "ad",
        "kind": kind,
        "title": title_from(data["text"]),
        "description": data["text"],
        "neighbourhood": data["neighbourhood"].pk,
        "visibility": data["visibility"],
        # Makes placing idempotent: one ad, however often the link's hook runs.
        "token": secrets.token_hex(16),
    }


def _ad_data(area: Area, pending: dict, *, visibility: str) -> dict:
    return {
        "title": pending["title"],
        "description": pending["description"],
        "category": fallback_category(area),
        "neighbourhood": Neighbourhood.objects.filter(
            area=area, pk=pending["neighbourhood"]
        ).first(),
        "visibility": visibility,
    }


def place_pending_ad(area: Area, user, pending) -> str | None:
    """accounts.hooks.link_used: the person confirmed their address; place what they wrote
    and return the page they land on (their placed ad)."""
    if not isinstance(pending, dict) or pending.get("what") != "ad":
        return None
    participant = Participant.objects.of(user, area)
    if participant is None:
        if is_staff_in(user, area):
            return None
        participant = Participant.objects.create(
            area=area,
            user=user,
            neighbourhood=Neighbourhood.objects.filter(
                area=area, pk=pending.get("neighbourhood")
            ).first(),
        )
    visibility = pending.get("visibility")
    if visibility not in (Visibility.PUBLIC, Visibility.PARTICIPANTS):
        visibility = Visibility.PARTICIPANTS
    kind = (
        pending.get("kind")
        if pending.get("kind") in (Ad.Kind.REQUEST, Ad.Kind.OFFER)
        else Ad.Kind.REQUEST
    )
    ad, _created = place_own_ad(
        area=area,
        owner=participant,
        kind=kind,
        data=_ad_data(area, pending, visibility=visibility),
        submission_token=pending.get("token"),
    )
    return reverse("marketplace:ad_placed", args=[area.slug, ad.pk])


class CallbackRefused(Throttled):
    """Too many call-back requests; the message says the broker will call (translated)."""


def _check_callback_throttle(phone_key: str, client_key: str) -> None:
    ok_client = throttle.hit(
        f"callback-client:{client_key}", CALLBACKS_PER_CLIENT_PER_HOUR, dt.timedelta(hours=1)
    )
    ok_number = throttle.hit(
        f"callback-number:{phone_key}", CALLBACKS_PER_NUMBER_PER_DAY, dt.timedelta(days=1)
    )
    if not (ok_client and ok_number):
        raise CallbackRefused(
            _(
                "We hebben uw vraag om teruggebeld te worden al. De sociaal makelaar belt u zo "
                "snel mogelijk."
            )
        )


def _registry_participant(area: Area, *, first_name: str, neighbourhood, phone: str) -> Participant:
    """The participant with this number in the area, or a new registry entry (no account,
    no email) that the broker completes after the call."""
    phone_key = normalise_phone(phone)
    existing = Participant.objects.filter(area=area, phone_normalised=phone_key).first()
    if existing is not None:
        return existing
    user = User.objects.create_user(email=None, first_name=first_name)
    PrivacyConsent.objects.create(
        user=user, version=settings.PRIVACY_STATEMENT_VERSION, given_at=clock.now()
    )
    return Participant.objects.create(
        area=area,
        user=user,
        neighbourhood=neighbourhood,
        phone=phone,
        phone_normalised=phone_key,
        preferred_channel=Channel.PHONE,
        inflow_source=Inflow.WEBSITE,
        registered_on=clock.today(),
        routing_stage=Stage.SIGNED_UP,
    )


def request_callback(*, area: Area, kind: str, data: dict, client_key: str) -> Participant:
    """ "Bel mij terug": the request is kept for the broker (visible to the broker only) and
    the broker gets a task to call, with the number. Returns the participant."""
    phone = data["phone"]
    _check_callback_throttle(normalise_phone(phone), client_key)
    with transaction.atomic():
        participant = _registry_participant(
            area, first_name=data["first_name"], neighbourhood=data["neighbourhood"], phone=phone
        )
        pending = pending_ad(kind, data)
        ad, _created = create_ad(
            area=area,
            owner=participant,
            kind=kind,
            data=_ad_data(area, pending, visibility=Visibility.BROKERS),
        )
        wish = dict(Visibility.choices)[data["visibility"]]
        create_task(
            area=area,
            title=_(
                'Bel %(name)s terug op %(phone)s over "%(title)s" (nr. %(number)s). Zet de '
                "advertentie daarna open voor: %(wish)s."
            )
            % {
                "name": data["first_name"],
                "phone": phone,
                "title": ad.title,
                "number": ad.pk,
                "wish": wish,
            },
            due_on=clock.today(),
            participant=participant,
            source=Task.Source.CALL_BACK,
            phone_call=True,
        )
    return participant


def start_first_request(
    *, area: Area, kind: str, data: dict, base_url: str, client_key: str
) -> str:
    """Send the confirmation link that carries what the person wrote ("email"), or keep it
    for the broker to call back ("phone"). Returns which of the two happened."""
    if data["reach"] == "phone":
        request_callback(area=area, kind=kind, data=data, client_key=client_key)
        return "phone"
    request_sign_up(
        first_name=data["first_name"],
        email=data["email"],
        neighbourhood=data["neighbourhood"],
        area=area,
        base_url=base_url,
        client_key=client_key,
        pending=pending_ad(kind, data),
    )
    return "email"
