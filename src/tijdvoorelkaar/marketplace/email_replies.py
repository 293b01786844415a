"""Replying by email to a conversation.

The email about a new reaction or message carries a Reply-To address of its own for that
conversation and that recipient, signed (reply_addresses.py): `antwoord+<conversation>-
<participant>-<day>-<signature>@<REPLY_EMAIL_DOMAIN>`. Without REPLY_EMAIL_DOMAIN there is
no such address and nothing changes.

An address works (it "expires with the conversation") while
- the conversation exists (it goes when the ad is deleted or a person is erased),
- the person is still in it and active,
- the ad is not closed ("gesloten"), and
- it is at most REPLY_ADDRESS_DAYS (90) days old; every new email brings a fresh one.

`receive(raw, ...)` is the one way in, for the SMTP server (`manage.py receive_mail`,
core/smtp_inbound.py) and the provider's webhook (POST /inkomende-mail/, inbound.py). A
reply is stored through `services.reply`, as on the site, when the mail comes from the
address of the person the reply address belongs to; only the new text is kept
(core/mailparse.py). Anything else is refused and nothing is stored; when the sender's
address belongs to someone we know, they get a kind email saying why, in their language
(at most REFUSALS_PER_HOUR an hour). Mail sent by machines (out-of-office replies,
bounces) is dropped without an answer."""

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.accounts.models import User, normalise_email
from tijdvoorelkaar.core import clock, mailparse, throttle
from tijdvoorelkaar.core.i18n import in_language, language_of
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.participants.models import Participant

from . import reply_addresses, services
from .models import MESSAGE_MAX_LENGTH, Ad, Conversation, Message
from .reply_addresses import ReplyAddress, is_reply_address

logger = logging.getLogger(__name__)

REPLIES_PER_HOUR = 20  # per reply address
REFUSALS_PER_HOUR = 5  # kind emails to one address


class Refusal:
    """Why a reply was not stored (the values are also the webhook's answer)."""

    UNKNOWN_ADDRESS = "onbekend_adres"
    EXPIRED = "verlopen"
    WRONG_SENDER = "andere_afzender"
    EMPTY = "leeg"
    TOO_LONG = "te_lang"
    TOO_LARGE = "te_groot"
    TOO_MANY = "te_veel"
    NOT_ACCEPTED = "niet_aangenomen"
    AUTOMATIC = "automatisch"


@dataclass(frozen=True)
class Outcome:
    message: Message | None = None
    refusal: str | None = None
    answered: bool = False  # a kind email went back

    @property
    def stored(self) -> bool:
        return self.message is not None


# --- Receiving ----------------------------------------------------------------------------


@dataclass
class _Reply:
    """What is known about one incoming reply while it is checked."""

    sender: str
    conversation: Conversation | None = None
    participant: Participant | None = None

    @property
    def from_the_participant(self) -> bool:
        email = self.participant.user.email if self.participant else None
        return bool(email) and normalise_email(email) == self.sender


class _Refused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _recipient(message, recipients: list[str] | None) -> str | None:
    candidates = recipients or mailparse.addresses_in(
        message, "Delivered-To", "X-Original-To", "To", "Cc"
    )
    return next((a for a in candidates if is_reply_address(a)), None)


def _conversation_and_participant(reply: _Reply, address: ReplyAddress) -> None:
    reply.conversation = (
        Conversation.objects.select_related("ad", "area", "owner__user", "initiator__user")
        .filter(pk=address.conversation_id)
        .first()
    )
    if reply.conversation is None or address.participant_id not in (
        reply.conversation.owner_id,
        reply.conversation.initiator_id,
    ):
        reply.conversation = None
        raise _Refused(Refusal.EXPIRED)  # the conversation is gone
    reply.participant = (
        reply.conversation.owner
        if address.participant_id == reply.conversation.owner_id
        else reply.conversation.initiator
    )
    too_old = clock.today() - address.made_on > dt.timedelta(days=settings.REPLY_ADDRESS_DAYS)
    closed = reply.conversation.ad.status == Ad.Status.CLOSED
    if too_old or closed or not reply.participant.user.is_active:
        raise _Refused(Refusal.EXPIRED)


def _text(message) -> str:
    text = mailparse.reply_text(message)
    if not text:
        raise _Refused(Refusal.EMPTY)
    if len(text) > MESSAGE_MAX_LENGTH:
        raise _Refused(Refusal.TOO_LONG)
    return text


def _submission_token(message, raw: bytes) -> str:
    """The same email delivered twice (a mail server's retry) makes one message."""
    key = str(message.get("Message-ID", "")).strip() or hashlib.sha256(raw).hexdigest()
    return "mail-" + hashlib.sha256(key.encode()).hexdigest()[:35]


def receive(
    raw: bytes,
    *,
    recipients: list[str] | None = None,
    envelope_sender: str | None = None,
    too_large: bool = False,
) -> Outcome:
    """Store an emailed reply in its conversation, or refuse it (see the module's text).

    `recipients` are the envelope's (SMTP); without them the reply address is looked for
    in the headers (a webhook). `too_large`: the message was cut off at
    INBOUND_EMAIL_MAX_BYTES (only its beginning is in `raw`)."""
    message = mailparse.parse(raw)
    if mailparse.is_automatic(message, envelope_sender):
        return Outcome(refusal=Refusal.AUTOMATIC)
    reply = _Reply(sender=mailparse.sender_address(message))
    try:
        found = _recipient(message, recipients)
        address = reply_addresses.read(found) if found else None
        if address is None:
            raise _Refused(Refusal.UNKNOWN_ADDRESS)
        if too_large:
            raise _Refused(Refusal.TOO_LARGE)
        _conversation_and_participant(reply, address)
        if not reply.from_the_participant:
            raise _Refused(Refusal.WRONG_SENDER)
        key = f"reply-mail:{address.conversation_id}:{address.participant_id}"
        if not throttle.hit(key, REPLIES_PER_HOUR, dt.timedelta(hours=1)):
            raise _Refused(Refusal.TOO_MANY)
        text = _text(message)
        try:
            stored = services.reply(
                conversation=reply.conversation,
                participant=reply.participant,
                body=text,
                base_url=settings.SITE_URL,
                submission_token=_submission_token(message, raw),
            )
        except services.MarketplaceError as exc:
            raise _Refused(Refusal.NOT_ACCEPTED) from exc
    except _Refused as refused:
        logger.info("Antwoord per e-mail geweigerd: %s", refused.reason)
        return Outcome(refusal=refused.reason, answered=_tell_sender(reply, refused.reason))
    return Outcome(message=stored)


# --- The kind email back ------------------------------------------------------------------


def _tell_sender(reply: _Reply, reason: str) -> bool:
    """Email the sender why their reply was not passed on, when we know them (an active
    account with that address) and have not written to them too often. Only to the
    conversation's own person does it link to the conversation; anyone else learns
    nothing about it."""
    user = (
        User.objects.filter(email__iexact=reply.sender, is_active=True).first()
        if reply.sender
        else None
    )
    if user is None:
        return False
    if not throttle.hit(f"reply-refusal:{reply.sender}", REFUSALS_PER_HOUR, dt.timedelta(hours=1)):
        return False
    own = reply.conversation is not None and reply.from_the_participant
    if own:
        area, name = reply.conversation.area, reply.participant.public_name
        link = reverse("marketplace:conversation", args=[area.slug, reply.conversation.pk])
    else:
        participation = (
            Participant.objects.filter(user=user).select_related("area").order_by("pk").first()
        )
        area = participation.area if participation else None
        name = participation.public_name if participation else user.first_name
        link = reverse("marketplace:conversation_list", args=[area.slug]) if area else "/"
    language = language_of(user)
    with in_language(language):
        subject = _("Uw e-mail is niet doorgegeven")
    queue_email(
        user.email,
        subject,
        "marketplace/email/reply_refused",
        {
            "name": name,
            "reason": reason,
            "link": settings.SITE_URL + link,
            "days": settings.REPLY_ADDRESS_DAYS,
            "max_length": MESSAGE_MAX_LENGTH,
            "max_megabytes": settings.INBOUND_EMAIL_MAX_BYTES // (1024 * 1024),
        },
        area=area,
        language=language,
        headers={"Auto-Submitted": "auto-replied"},
    )
    return True
