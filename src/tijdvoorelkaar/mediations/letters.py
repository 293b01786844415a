"""A letter on paper for a participant without email: the newest reaction or message the
other side of a mediation wrote to them, and how to reach the broker by phone.

What the letter says is gathered here (in the participant's language, Dutch unless they
chose another); pdf.py only lays it out. The message is read through the conversations'
own access rule (`Conversation.objects.for_user`): where reactions go through the broker,
the broker reads every conversation. Where they go straight to the advertiser, brokers do
not read residents' conversations, with one exception: a participant without an email
address can only be reached through the broker, so the messages written to that person
(and only those) may be printed for them. The caller (the view) has already checked that
the reader is staff of the area. Every letter printed is written to the audit log, like
other reads of a participant's data."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.contact import organisation_label, phone_with_hours
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.i18n import in_language, language_of
from tijdvoorelkaar.core.pdf_fonts import pdf_language
from tijdvoorelkaar.marketplace.models import Conversation, Message
from tijdvoorelkaar.participants.models import Participant

from .models import Mediation

# The side of a mediation in the letter's address (Dutch, like the page's actions).
SIDES = {"hulpvrager": "requester", "helper": "provider"}


@dataclass(frozen=True)
class Letter:
    """Everything a letter says, as plain text; `sender` and `address` are lines."""

    language: str
    sender: list[str]
    address: list[str]
    date: str
    subject: str
    greeting: str
    intro: str
    message_heading: str
    message: str
    paragraphs: list[str]
    closing: str
    signature: list[str]
    footer: list[str]
    title: str


def other_side(mediation: Mediation, person: Participant) -> Participant:
    return mediation.provider if person.pk == mediation.requester_id else mediation.requester


def relayed_by_broker(person: Participant) -> bool:
    """Whether messages reach `person` only through the broker: no email address."""
    return not person.user.email


def newest_message_for(viewer, mediation: Mediation, person: Participant) -> Message | None:
    """The newest reaction or message the other side of `mediation` wrote to `person`, in
    any conversation between the two that `viewer` may read; None when there is none.
    Messages hidden while a report is reviewed are left out."""
    other = other_side(mediation, person)
    readable = (
        Conversation.objects.filter(area=mediation.area)
        if relayed_by_broker(person)
        else Conversation.objects.for_user(viewer, mediation.area)
    )
    between = readable.filter(Q(initiator=person, owner=other) | Q(initiator=other, owner=person))
    return (
        Message.objects.filter(conversation__in=between, sender=other, hidden_for_review=False)
        .select_related("conversation__ad")
        .order_by("-created_at", "-id")
        .first()
    )


def _is_reaction(message: Message) -> bool:
    """Whether `message` opened its conversation (the reaction to the ad)."""
    first = message.conversation.messages.order_by("created_at", "id").values_list("pk", flat=True)
    return first.first() == message.pk


def broker_name(mediation: Mediation, reader) -> str:
    """Who signs: the mediation's broker, else the area's broker as the coordinator named
    them, else the person printing."""
    for name in (
        mediation.broker.first_name if mediation.broker else "",
        mediation.area.broker_first_name,
        getattr(reader, "first_name", ""),
    ):
        if name:
            return name
    return _("de sociaal makelaar")


def _sender_lines(area) -> list[str]:
    lines = [organisation_label(area)]
    if area.visiting_address:
        lines.append(area.visiting_address)
    if area.phone:
        lines.append(_("Telefoon: %(phone)s") % {"phone": phone_with_hours(area)})
    if area.contact_email:
        lines.append(_("E-mail: %(email)s") % {"email": area.contact_email})
    return lines


def _footer_lines(area) -> list[str]:
    """At the foot of every page: the organisation and its phone number."""
    lines = [organisation_label(area)]
    if area.phone:
        lines.append(_("Telefoon: %(phone)s") % {"phone": phone_with_hours(area)})
    return lines


def _address_lines(person: Participant) -> list[str]:
    name = person.user.full_name or person.public_name
    lines = [line.strip() for line in person.address.splitlines() if line.strip()]
    return [name, *lines]


def _call_me(area, broker: str) -> str:
    if area.phone:
        return _(
            "Wilt u antwoorden, of heeft u een vraag? Bel mij gerust op %(phone)s. "
            "Vraag naar %(name)s. Ik help u verder."
        ) % {"phone": phone_with_hours(area), "name": broker}
    return _(
        "Wilt u antwoorden, of heeft u een vraag? Neem dan contact met mij op. "
        "Vraag naar %(name)s. Ik help u verder."
    ) % {"name": broker}


def letter_for(mediation: Mediation, person: Participant, *, reader) -> Letter | None:
    """The letter to `person` (one side of `mediation`) with the newest reaction or message
    of the other side that `reader` may read, or None when there is none. Logged."""
    message = newest_message_for(reader, mediation, person)
    if message is None:
        return None
    area = mediation.area
    other = other_side(mediation, person)
    broker = broker_name(mediation, reader)
    # The reader's language where the PDF's fonts can write it, else Dutch (pdf_fonts).
    language = pdf_language(language_of(person.user))
    with in_language(language):
        values = {
            "sender": other.public_name,
            "title": message.conversation.ad.title,
            "date": formats.date_format(timezone.localdate(message.created_at), "j F Y"),
        }
        if _is_reaction(message):
            subject = _("Reactie van %(sender)s op: %(title)s") % values
            intro = _('%(sender)s heeft gereageerd op "%(title)s".') % values
        else:
            subject = _("Nieuw bericht van %(sender)s over: %(title)s") % values
            intro = _('U heeft een nieuw bericht van %(sender)s over "%(title)s".') % values
        letter = Letter(
            language=language,
            sender=_sender_lines(area),
            address=_address_lines(person),
            date=formats.date_format(clock.today(), "j F Y"),
            subject=subject,
            greeting=_("Beste %(name)s,") % {"name": person.public_name},
            intro=intro,
            message_heading=_("Dit schreef %(sender)s op %(date)s:") % values,
            message=message.body,
            paragraphs=[
                _call_me(area, broker),
                _(
                    "Wij geven uw adres en telefoonnummer niet aan %(sender)s, "
                    "tenzij u dat zelf wilt."
                )
                % values,
            ],
            closing=_("Met vriendelijke groet,"),
            signature=[
                broker,
                _("sociaal makelaar, %(organisation)s")
                % {"organisation": organisation_label(area)},
            ],
            footer=_footer_lines(area),
            title=_("Brief aan %(name)s") % {"name": person.public_name},
        )
    audit.record(reader, "letter.print", person, area=area, detail=f"bemiddeling {mediation.pk}")
    return letter
