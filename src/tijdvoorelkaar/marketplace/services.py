"""Marketplace rules: placing ads, reacting, talking, reporting, reminders."""

import datetime as dt
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.i18n import in_language, language_of
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.participants.models import Participant

from . import hooks
from .models import (
    DEFAULT_CATEGORIES,
    MESSAGE_MAX_LENGTH,
    Ad,
    Category,
    Conversation,
    Message,
    Report,
    Signal,
)
from .reply_addresses import reply_address
from .search import ad_stems

AD_LIFETIME = dt.timedelta(days=91)
RENEWAL_NOTICE = dt.timedelta(days=7)
UNANSWERED_AFTER = dt.timedelta(days=5)

# Words in an ad that suggest a big job rather than a small, bounded task.
BIG_JOB_WORDS = re.compile(
    r"\b(verbouw\w*|verhuiz\w*|renovat\w*|hele (dag|week|weekend)|(meerdere|een paar|"
    r"twee|drie|vier|vijf) (dagen|weken)|dagen werk|fulltime|elke dag|dagelijks|"
    r"\d{2,} uur|[5-9] uur|badkamer|dakgoot vervangen|schilderen van het hele huis)\b",
    re.IGNORECASE,
)


class MarketplaceError(ServiceError):
    """A request the marketplace refuses; the message is meant for the user (translated)."""


def ensure_default_categories(area: Area) -> None:
    existing = set(Category.objects.filter(area=area).values_list("slug", flat=True))
    Category.objects.bulk_create(
        Category(area=area, name=name, slug=slugify(name), position=i)
        for i, name in enumerate(DEFAULT_CATEGORIES)
        if slugify(name) not in existing
    )


def scope_note(ad: Ad) -> bool:
    """Whether the ad asks more than a small, bounded task (about four hours at once)."""
    if ad.duration in (Ad.Duration.LONGER, Ad.Duration.DAYS):
        return True
    return bool(BIG_JOB_WORDS.search(f"{ad.title} {ad.description}"))


def _link(base_url: str, name: str, *args) -> str:
    return base_url.rstrip("/") + reverse(name, args=args)


@transaction.atomic
def create_ad(
    *,
    area: Area,
    owner: Participant | None,
    kind: str,
    data: dict,
    placed_by=None,
    submission_token: str | None = None,
    created_at: dt.datetime | None = None,
) -> tuple[Ad, bool]:
    """Place an ad. A repeated submission (same token, e.g. a double click) returns the
    ad made the first time instead of a second one."""
    if submission_token:
        existing = Ad.objects.filter(submission_token=submission_token).first()
        if existing is not None and existing.owner_id == (owner.pk if owner else None):
            return existing, False
        if existing is not None:  # someone else's token: never hand back their ad
            submission_token = None
    if owner is not None and owner.area_id != area.pk:
        raise MarketplaceError(_("Deze deelnemer hoort niet bij dit werkgebied."))
    if kind not in (Ad.Kind.REQUEST, Ad.Kind.OFFER, Ad.Kind.VACANCY):
        raise MarketplaceError(_("Kies of het een vraag of een aanbod is."))
    now = created_at or clock.now()
    ad = Ad(
        area=area,
        owner=owner,
        kind=kind,
        placed_by=placed_by,
        submission_token=submission_token or None,
        created_at=now,
        expires_on=(now + AD_LIFETIME).date(),
    )
    for field, value in data.items():
        setattr(ad, field, value)
    ad.search_stems = ad_stems(ad)
    try:
        with transaction.atomic():
            ad.save()
    except IntegrityError:
        existing = Ad.objects.filter(submission_token=submission_token).first()
        if existing is None:
            raise
        return existing, False
    hooks.ad_text_changed(ad)
    return ad, True


@transaction.atomic
def place_own_ad(
    *, area: Area, owner: Participant, kind: str, data: dict, submission_token: str | None = None
) -> tuple[Ad, bool]:
    """A resident places their own ad. A new request is also a signal on the broker's
    dashboard: the broker reads every new request (and may call)."""
    ad, created = create_ad(
        area=area, owner=owner, kind=kind, data=data, submission_token=submission_token
    )
    if created and ad.kind == Ad.Kind.REQUEST:
        Signal.objects.create(
            area=area, kind=Signal.Kind.NEW_REQUEST, ad=ad, created_at=clock.now()
        )
    return ad, created


@transaction.atomic
def update_ad(ad: Ad, data: dict) -> Ad:
    for field, value in data.items():
        setattr(ad, field, value)
    ad.search_stems = ad_stems(ad)
    ad.save()
    if {"title", "description"} & data.keys():
        hooks.ad_text_changed(ad)
    return ad


def set_status(ad: Ad, status: str) -> Ad:
    if status not in Ad.Status.values:
        raise MarketplaceError(_("Onbekende status."))
    ad.status = status
    ad.closed_at = clock.now() if status in (Ad.Status.CLOSED, Ad.Status.HELPED) else None
    ad.save(update_fields=["status", "closed_at", "updated_at"])
    return ad


def renew(ad: Ad) -> Ad:
    """Keep the ad online for another three months from today."""
    ad.expires_on = clock.today() + AD_LIFETIME
    ad.renewal_reminder_sent_on = None
    if ad.status == Ad.Status.CLOSED:
        ad.status = Ad.Status.OPEN
        ad.closed_at = None
    ad.save(
        update_fields=[
            "expires_on",
            "renewal_reminder_sent_on",
            "status",
            "closed_at",
            "updated_at",
        ]
    )
    return ad


@transaction.atomic
def react(
    *,
    ad: Ad,
    participant: Participant,
    body: str,
    base_url: str,
    submission_token: str | None = None,
) -> Conversation:
    """A participant reacts to an ad: this opens (or continues) their conversation with
    the owner, who gets an email with a link."""
    body = (body or "").strip()
    if not body:
        raise MarketplaceError(_("Schrijf een kort bericht bij uw reactie."), field="body")
    owner_id = ad.owner_id
    if owner_id is None:
        # E.g. a vacancy: the organisation's contact person answers (organisations app).
        recipients = [found for found in hooks.reaction_recipient(ad) if found is not None]
        owner_id = recipients[0].pk if recipients else None
    if owner_id is None:
        raise MarketplaceError(
            _("Hierop kunt u (nog) niet via de site reageren. Bel de sociaal makelaar.")
        )
    if owner_id == participant.pk:
        raise MarketplaceError(_("Dit is uw eigen advertentie; daar kunt u niet op reageren."))
    if ad.area_id != participant.area_id:
        raise MarketplaceError(_("U kunt alleen reageren op vraag en aanbod uit uw eigen buurt."))
    if ad.status not in Ad.LISTED_STATUSES or ad.expires_on < clock.today():
        raise MarketplaceError(_("Dit is gesloten. Reageren kan niet meer."))
    if ad.hidden_for_review:
        raise MarketplaceError(
            _("De sociaal makelaar kijkt hier eerst naar. Reageren kan nu even niet.")
        )
    now = clock.now()
    conversation, created = Conversation.objects.get_or_create(
        ad=ad,
        initiator=participant,
        defaults={"owner_id": owner_id, "area_id": ad.area_id, "created_at": now},
    )
    message, message_created = _add_message(conversation, participant, body, submission_token)
    if message_created:
        mark_read(conversation, participant, at=message.created_at)
    if created:
        if ad.area.matching_mode == Area.MatchingMode.BROKER:
            Signal.objects.create(
                area_id=ad.area_id,
                kind=Signal.Kind.NEW_REACTION,
                ad=ad,
                conversation=conversation,
                created_at=now,
            )
        _notify(
            conversation,
            recipient=conversation.owner,
            base_url=base_url,
            first=True,
            message=message,
        )
    elif message_created:
        _notify(
            conversation,
            recipient=conversation.owner,
            base_url=base_url,
            first=False,
            message=message,
        )
    return conversation


def _add_message(
    conversation: Conversation, sender: Participant, body: str, submission_token: str | None
) -> tuple[Message, bool]:
    if submission_token:
        existing = Message.objects.filter(submission_token=submission_token).first()
        if existing is not None and (existing.conversation_id, existing.sender_id) == (
            conversation.pk,
            sender.pk,
        ):
            return existing, False
        if existing is not None:  # a token from another conversation: ignore it
            submission_token = None
    message = Message.objects.create(
        conversation=conversation,
        sender=sender,
        body=body,
        created_at=clock.now(),
        submission_token=submission_token or None,
    )
    return message, True


def _notify(
    conversation: Conversation,
    *,
    recipient: Participant,
    base_url: str,
    first: bool,
    message: Message | None = None,
) -> None:
    email = recipient.user.email
    if not email:
        hooks.not_emailable(conversation, recipient)  # e.g. the broker phones instead
        return
    sender = conversation.other_side(recipient)
    language = language_of(recipient.user)
    with in_language(language):
        subject = (
            _("%(name)s reageert op uw advertentie") if first else _("Nieuw bericht van %(name)s")
        ) % {"name": sender.public_name}
    answer_to = reply_address(conversation, recipient)
    queue_email(
        email,
        subject,
        "marketplace/email/new_message",
        {
            "recipient": recipient,
            "sender": sender,
            "ad": conversation.ad,
            "first": first,
            "text": message.body if message is not None else "",
            "reply_address": answer_to,
            "link": _link(
                base_url, "marketplace:conversation", conversation.area.slug, conversation.pk
            ),
        },
        area=conversation.area,
        language=language,
        reply_to=answer_to,
    )


@transaction.atomic
def reply(
    *,
    conversation: Conversation,
    participant: Participant,
    body: str,
    base_url: str,
    submission_token: str | None = None,
) -> Message:
    body = (body or "").strip()
    if not body:
        raise MarketplaceError(_("Uw bericht is leeg. Schrijf eerst iets."), field="body")
    if len(body) > MESSAGE_MAX_LENGTH:
        raise MarketplaceError(
            _("Uw bericht mag hoogstens 2000 tekens hebben (nu %(show_value)d).")
            % {"show_value": len(body)},
            field="body",
        )
    if participant.pk not in (conversation.initiator_id, conversation.owner_id):
        raise MarketplaceError(_("U doet niet mee aan dit gesprek."))
    message, created = _add_message(conversation, participant, body, submission_token)
    if created:
        mark_read(conversation, participant, at=message.created_at)
        if participant.pk == conversation.owner_id and conversation.owner_replied_at is None:
            conversation.owner_replied_at = message.created_at
            conversation.save(update_fields=["owner_replied_at"])
            Signal.objects.filter(
                conversation=conversation,
                resolved_at__isnull=True,
                kind=Signal.Kind.UNANSWERED_REACTION,
            ).update(resolved_at=message.created_at)
        _notify(
            conversation,
            recipient=conversation.other_side(participant),
            base_url=base_url,
            first=False,
            message=message,
        )
    return message


def mark_read(conversation: Conversation, participant: Participant, *, at=None) -> None:
    """The participant has seen the conversation up to now (opened it, or wrote in it):
    nothing in it counts as unread for them any more. Someone who does not take part
    (a broker looking on) marks nothing."""
    if participant is None:
        return
    if participant.pk == conversation.initiator_id:
        field = "initiator_read_at"
    elif participant.pk == conversation.owner_id:
        field = "owner_read_at"
    else:
        return
    setattr(conversation, field, at or clock.now())
    conversation.save(update_fields=[field])


def set_contact_sharing(
    conversation: Conversation, participant: Participant, share: bool
) -> Conversation:
    if participant.pk == conversation.initiator_id:
        conversation.initiator_shares_contact = share
    elif participant.pk == conversation.owner_id:
        conversation.owner_shares_contact = share
    else:
        raise MarketplaceError(_("U doet niet mee aan dit gesprek."))
    conversation.save(update_fields=["initiator_shares_contact", "owner_shares_contact"])
    return conversation


@transaction.atomic
def report(
    *, area: Area, reporter, reason: str, ad: Ad | None = None, message: Message | None = None
) -> Report:
    """Report an ad or a message: it is hidden at once until a broker has looked at it."""
    reason = (reason or "").strip()
    if not reason:
        raise MarketplaceError(_("Schrijf kort op waarom u dit meldt."), field="reason")
    if (ad is None) == (message is None):
        raise MarketplaceError(_("Meld een advertentie of een bericht."))
    target = ad or message
    target.hidden_for_review = True
    target.save(update_fields=["hidden_for_review"])
    return Report.objects.create(
        area=area, ad=ad, message=message, reporter=reporter, reason=reason, created_at=clock.now()
    )


@transaction.atomic
def review_report(report_obj: Report, broker, *, restore: bool) -> Report:
    if report_obj.outcome != Report.Outcome.PENDING:
        raise MarketplaceError(_("Deze melding is al beoordeeld."))
    target = report_obj.ad or report_obj.message
    still_reported = (
        Report.objects.filter(
            Q(ad=report_obj.ad) if report_obj.ad_id else Q(message=report_obj.message),
            outcome=Report.Outcome.PENDING,
        )
        .exclude(pk=report_obj.pk)
        .exists()
    )
    if restore and not still_reported:
        target.hidden_for_review = False
        target.save(update_fields=["hidden_for_review"])
    report_obj.outcome = Report.Outcome.RESTORED if restore else Report.Outcome.REMOVED
    report_obj.reviewed_by = broker
    report_obj.reviewed_at = clock.now()
    report_obj.save(update_fields=["outcome", "reviewed_by", "reviewed_at"])
    return report_obj


def remind_unanswered(*, base_url: str | None = None) -> int:
    """Remind owners of reactions unanswered for five days and signal the broker.
    Each conversation is reminded once. Returns how many were reminded."""
    base_url = base_url or settings.SITE_URL
    now = clock.now()
    due = Conversation.objects.filter(
        owner_replied_at__isnull=True,
        unanswered_reminder_sent_at__isnull=True,
        created_at__lte=now - UNANSWERED_AFTER,
    ).select_related("owner__user", "initiator__user", "ad", "area")
    count = 0
    for conversation in due:
        with transaction.atomic():
            claimed = Conversation.objects.filter(
                pk=conversation.pk, unanswered_reminder_sent_at__isnull=True
            ).update(unanswered_reminder_sent_at=now)
            if not claimed:
                continue
            Signal.objects.create(
                area_id=conversation.area_id,
                kind=Signal.Kind.UNANSWERED_REACTION,
                ad=conversation.ad,
                conversation=conversation,
                created_at=now,
            )
            if conversation.owner.user.email:
                language = language_of(conversation.owner.user)
                with in_language(language):
                    subject = _("%(name)s wacht op uw antwoord") % {
                        "name": conversation.initiator.public_name
                    }
                answer_to = reply_address(conversation, conversation.owner)
                queue_email(
                    conversation.owner.user.email,
                    subject,
                    "marketplace/email/unanswered",
                    {
                        "recipient": conversation.owner,
                        "sender": conversation.initiator,
                        "ad": conversation.ad,
                        "reply_address": answer_to,
                        "link": _link(
                            base_url,
                            "marketplace:conversation",
                            conversation.area.slug,
                            conversation.pk,
                        ),
                    },
                    area=conversation.area,
                    language=language,
                    reply_to=answer_to,
                )
            count += 1
    return count


def send_renewal_reminders(*, base_url: str | None = None) -> int:
    """Email owners whose ad goes offline within a week, once per period."""
    base_url = base_url or settings.SITE_URL
    today = clock.today()
    due = Ad.objects.filter(
        status__in=Ad.LISTED_STATUSES,
        renewal_reminder_sent_on__isnull=True,
        expires_on__lte=today + RENEWAL_NOTICE,
        expires_on__gte=today,
        owner__user__email__isnull=False,
    ).select_related("owner__user", "area")
    count = 0
    for ad in due:
        updated = Ad.objects.filter(pk=ad.pk, renewal_reminder_sent_on__isnull=True).update(
            renewal_reminder_sent_on=today
        )
        if not updated:
            continue
        language = language_of(ad.owner.user)
        with in_language(language):
            subject = _('Uw advertentie "%(title)s" verloopt bijna') % {"title": ad.title}
        queue_email(
            ad.owner.user.email,
            subject,
            "marketplace/email/renewal",
            {
                "ad": ad,
                "recipient": ad.owner,
                "link": _link(base_url, "marketplace:ad_detail", ad.area.slug, ad.pk),
            },
            area=ad.area,
            language=language,
        )
        count += 1
    return count
