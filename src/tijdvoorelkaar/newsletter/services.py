"""Rules for the monthly newsletter (subscribing, the sign-up opt-in, the content, sending
in batches, one-click unsubscribe links) and for mail that cannot be delivered: no address
or a bounce makes a task for the broker to phone instead."""

import datetime as dt
import hashlib

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.accounts.models import normalise_email
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.i18n import in_language, language_of
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.marketplace.models import Conversation
from tijdvoorelkaar.organisations.models import SocialMapEntry
from tijdvoorelkaar.outreach.services import notice_board_ads, upcoming_activities
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.stories.services import public_stories
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import create_task

from .models import NewsletterSubscription, PhoneInstead

# The salt of the signed unsubscribe links. It keeps the name it had when the newsletter
# was part of the organisations app: links in newsletters already sent must still work.
UNSUBSCRIBE_SALT = "tijdvoorelkaar.organisations.newsletter-unsubscribe"


class NewsletterError(ServiceError):
    """A request that cannot be carried out; the message is meant for the user."""


# --- Subscriptions -------------------------------------------------------------------------


def subscribe(*, area: Area, user) -> NewsletterSubscription:
    if not user.is_authenticated or not user.email:
        raise NewsletterError(_("Voor de nieuwsbrief is een e-mailadres nodig."))
    sub, created = NewsletterSubscription.objects.get_or_create(
        area=area, user=user, defaults={"subscribed_at": clock.now()}
    )
    if not created and sub.unsubscribed_at is not None:
        sub.unsubscribed_at = None
        sub.subscribed_at = clock.now()
        sub.save(update_fields=["unsubscribed_at", "subscribed_at"])
    return sub


def unsubscribe(sub: NewsletterSubscription) -> NewsletterSubscription:
    if sub.unsubscribed_at is None:
        sub.unsubscribed_at = clock.now()
        sub.save(update_fields=["unsubscribed_at"])
    return sub


def choose(*, area: Area, user, wanted: bool) -> NewsletterSubscription | None:
    """The newsletter page's choice: on subscribes (again), off unsubscribes if there is a
    subscription. Returns the subscription, if any."""
    if wanted:
        return subscribe(area=area, user=user)
    sub = NewsletterSubscription.objects.filter(area=area, user=user).first()
    return unsubscribe(sub) if sub is not None else None


def subscribe_at_sign_up(area: Area, user, choices: dict) -> NewsletterSubscription | None:
    """When a new participant's account is made (accounts.hooks.signed_up): the sign-up
    form's opt-in."""
    if not choices.get("newsletter") or not user.email:
        return None
    return subscribe(area=area, user=user)


def unsubscribe_token(sub: NewsletterSubscription) -> str:
    return signing.dumps({"s": sub.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_link(sub: NewsletterSubscription, base_url: str) -> str:
    path = reverse("newsletter:unsubscribe", args=[sub.area.slug, unsubscribe_token(sub)])
    return base_url.rstrip("/") + path


def subscription_from_token(area: Area, token: str) -> NewsletterSubscription | None:
    """The subscription a signed link names, or None for a tampered or unknown link.
    These links do not expire: an old newsletter must still unsubscribe."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return NewsletterSubscription.objects.filter(area=area, pk=data.get("s")).first()


# --- Content and sending -------------------------------------------------------------------


def newsletter_content(area: Area, month: dt.date) -> dict:
    """New public ads of the month before `month`, grouped by category; stories that are
    public right now (published since then, at most three); coming stands and markets
    (eight weeks ahead) and what is new on the social map."""
    first = (month.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    ads = notice_board_ads(area).filter(created_at__date__gte=first)
    by_category: dict[str, list] = {}
    for ad in ads.order_by("category__position", "-created_at")[:60]:
        by_category.setdefault(ad.category.name, []).append(ad)
    today = clock.today()
    return {
        "by_category": by_category,
        "since": first,
        "stories": list(
            public_stories(area).filter(published_at__date__gte=first).order_by("-published_at")[:3]
        ),
        "activities": list(upcoming_activities(area, today, today + dt.timedelta(weeks=8))),
        "new_on_map": list(
            SocialMapEntry.objects.filter(area=area, active=True, created_at__date__gte=first)[:10]
        ),
    }


def send_newsletters(
    *, month: dt.date | None = None, batch_size: int = 200, base_url: str | None = None
) -> int:
    """Queue this month's newsletter for subscribers not yet sent it, at most
    `batch_size` per run (run it again for the next batch). Returns how many."""
    base_url = base_url or settings.SITE_URL
    month = (month or clock.today()).replace(day=1)
    not_sent = Q(last_sent_month__isnull=True) | Q(last_sent_month__lt=month)
    due = (
        NewsletterSubscription.objects.filter(unsubscribed_at__isnull=True)
        .filter(not_sent)
        .exclude(user__email__isnull=True)
        .select_related("area", "user")
        .order_by("area_id", "pk")[:batch_size]
    )
    contents: dict[int, dict] = {}
    sent = 0
    for sub in due:
        # Claim the row first, so two runs at once never send it twice.
        if (
            not NewsletterSubscription.objects.filter(pk=sub.pk)
            .filter(not_sent)
            .update(last_sent_month=month)
        ):
            continue
        if sub.area_id not in contents:
            contents[sub.area_id] = newsletter_content(sub.area, month)
        _queue_newsletter(sub, contents[sub.area_id], base_url)
        sent += 1
    return sent


def _queue_newsletter(sub: NewsletterSubscription, content: dict, base_url: str) -> None:
    link = unsubscribe_link(sub, base_url)
    language = language_of(sub.user)
    with in_language(language):
        subject = _("Nieuws van TijdVoorElkaar %(area)s") % {"area": sub.area.name}
    queue_email(
        sub.user.email,
        subject,
        "newsletter/email/newsletter",
        {
            "user": sub.user,
            "unsubscribe": link,
            "site": base_url.rstrip("/") + f"/{sub.area.slug}/",
            **content,
        },
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        area=sub.area,
        language=language,
    )


# --- No email, or email bounced: the broker phones -----------------------------------------


def _phone_task(area: Area, participant: Participant, title: str):
    """A task to phone: for the participant's broker by the rule of tasks.services
    (None when the area has no staff)."""
    return create_task(
        area=area,
        preferred=(participant.assigned_broker,),
        title=title,
        due_on=clock.today(),
        participant=participant,
        source=Task.Source.SIGNAL,
        phone_call=True,
    )


def phone_instead_of_email(conversation: Conversation, recipient: Participant) -> bool:
    """A message in `conversation` could not be emailed to `recipient` (no address):
    the broker gets a task to phone, at most once per conversation per day. Returns
    whether a task was made. Registered on marketplace.hooks.not_emailable."""
    today = clock.today()
    area = conversation.area
    try:
        with transaction.atomic():
            notice, created = PhoneInstead.objects.get_or_create(
                kind=PhoneInstead.Kind.NO_EMAIL,
                conversation=conversation,
                participant=recipient,
                on_day=today,
                defaults={"area": area, "at": clock.now()},
            )
    except IntegrityError:  # made at the same moment by another request
        return False
    if not created:
        return False
    notice.task = _phone_task(
        area,
        recipient,
        f"Bel {recipient.public_name}: er is een bericht over {conversation.ad.title}",
    )
    notice.save(update_fields=["task"])
    return notice.task is not None


def email_hash(email: str) -> str:
    return hashlib.sha256((normalise_email(email) or "").encode()).hexdigest()


def record_bounce(email: str, reason: str = "") -> list[PhoneInstead]:
    """Mail to `email` came back. For each participant with that address the broker gets
    a task to phone (once per participant per day); the address itself is stored only
    as a hash. Returns the rows made (one without participant when nobody matched)."""
    email = normalise_email(email)
    if not email:
        raise NewsletterError(_("Geef het e-mailadres waarvan de mail terugkwam."), field="email")
    reason = (reason or "").strip()[:200]
    now, today, digest = clock.now(), clock.today(), email_hash(email)
    made = []
    participants = Participant.objects.filter(user__email__iexact=email).select_related(
        "area", "user", "assigned_broker"
    )
    for participant in participants:
        with transaction.atomic():
            seen_today = PhoneInstead.objects.filter(
                kind=PhoneInstead.Kind.BOUNCE, participant=participant, on_day=today
            ).exists()
            row = PhoneInstead.objects.create(
                area=participant.area,
                kind=PhoneInstead.Kind.BOUNCE,
                participant=participant,
                email_hash=digest,
                reason=reason,
                on_day=today,
                at=now,
            )
            if not seen_today:
                row.task = _phone_task(
                    participant.area,
                    participant,
                    f"Bel {participant.public_name}: e-mail kwam niet aan"
                    + (f" ({reason})" if reason else ""),
                )
                row.save(update_fields=["task"])
            made.append(row)
    if not made:
        made.append(
            PhoneInstead.objects.create(
                kind=PhoneInstead.Kind.BOUNCE,
                email_hash=digest,
                reason=reason,
                on_day=today,
                at=now,
            )
        )
    return made
