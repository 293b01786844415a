"""Rules for organisations, vacancies and placements, referrals in, the social map,
outreach, notice-board PDFs and the newsletter. Plain functions with explicit arguments;
each change runs in one transaction so bad input saves nothing."""

import datetime as dt
import io

from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import slugify

from tijdvoorelkaar.accounts.models import Role, User, normalise_email
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.access import is_staff_in, roles_in_area
from tijdvoorelkaar.core.audit import record
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Ad, Conversation
from tijdvoorelkaar.marketplace.services import MarketplaceError
from tijdvoorelkaar.mediations.models import Mediation, MediationEvent
from tijdvoorelkaar.participants.models import Channel, Inflow, Participant, Stage, Visibility
from tijdvoorelkaar.participants.phones import normalise_phone
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import create_task
from tijdvoorelkaar.workspace.services import find_duplicate, record_referral, register_participant

from .models import (
    DoorToDoorReminder,
    IncomingReferral,
    NewsletterSubscription,
    Organisation,
    OrganisationContact,
    OutreachActivity,
    PhoneInstead,
    SocialMapEntry,
    Story,
    StoryConsent,
)


class OrganisationError(ServiceError):
    """A request that cannot be carried out; the message is Dutch and meant for the user."""


# --- Organisations and their contacts ----------------------------------------------------


def _unique_slug(area: Area, name: str, exclude_pk=None) -> str:
    base = slugify(name)[:70] or "organisatie"
    slug, n = base, 2
    taken = Organisation.objects.filter(area=area)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_organisation(*, area: Area, actor, data: dict) -> Organisation:
    """A broker or coordinator adds a local organisation to the area."""
    if not is_staff_in(actor, area):
        raise OrganisationError("Alleen de sociaal makelaar kan organisaties toevoegen.")
    name = (data.get("name") or "").strip()
    if not name:
        raise OrganisationError("Vul de naam van de organisatie in.")
    fields = {k: v for k, v in data.items() if k != "name"}
    return Organisation.objects.create(
        area=area,
        name=name,
        slug=_unique_slug(area, name),
        created_at=clock.now(),
        **fields,
    )


@transaction.atomic
def add_contact(*, organisation: Organisation, actor, email: str, first_name: str, last_name=""):
    """Give a person a sign-in for the organisation (Role "organisation" in the area).
    An existing account with this address is reused; a new one signs in by email link."""
    if not is_staff_in(actor, organisation.area):
        raise OrganisationError("Alleen de sociaal makelaar kan contactpersonen toevoegen.")
    email = normalise_email(email)
    if not email:
        raise OrganisationError("Een contactpersoon heeft een e-mailadres nodig om in te loggen.")
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, first_name=(first_name or "").strip(), last_name=(last_name or "").strip()
        )
    Role.objects.get_or_create(user=user, area=organisation.area, kind=Role.Kind.ORGANISATION)
    contact, _ = OrganisationContact.objects.get_or_create(
        organisation=organisation, user=user, defaults={"created_at": clock.now()}
    )
    return contact


def inbox_participant(organisation: Organisation) -> Participant:
    """The participant record that holds the organisation's side of conversations and
    placements: that of its first contact person, made on first use (not shown
    publicly; the organisation's name is what residents see on the vacancy)."""
    contact = organisation.contacts.select_related("user").first()
    if contact is None:
        raise OrganisationError(
            "Deze organisatie heeft nog geen contactpersoon; reageren kan nog niet. "
            "Bel de sociaal makelaar."
        )
    participant, _ = Participant.objects.get_or_create(
        area=organisation.area,
        user=contact.user,
        defaults={
            "profile_visibility": Visibility.BROKERS,
            "display_name": f"{contact.user.first_name} ({organisation.name})"[:60],
            "registered_on": clock.today(),
            "routing_stage": Stage.INDEPENDENT,
            "inflow_source": Inflow.OTHER,
        },
    )
    return participant


@transaction.atomic
def post_vacancy(
    *, organisation: Organisation, actor, data: dict, submission_token: str | None = None
) -> Ad:
    """An organisation contact (or the broker) posts a volunteer vacancy: an ad of kind
    vacature without an owner, carrying the organisation."""
    area = organisation.area
    is_contact = organisation.contacts.filter(user=actor).exists()
    if not (is_contact or is_staff_in(actor, area)):
        raise OrganisationError("U kunt alleen vacatures plaatsen voor uw eigen organisatie.")
    inbox_participant(organisation)  # reactions need somewhere to go
    ad, _created = marketplace.create_ad(
        area=area,
        owner=None,
        kind=Ad.Kind.VACANCY,
        data={**data, "organisation": organisation},
        submission_token=submission_token,
    )
    return ad


def vacancy_reactions(organisation: Organisation):
    """Conversations opened by residents reacting to the organisation's vacancies."""
    return (
        Conversation.objects.filter(ad__organisation=organisation)
        .select_related("ad", "initiator__user")
        .annotate(message_count=Count("messages"))
        .order_by("-created_at")
    )


@transaction.atomic
def record_placement(
    *, organisation: Organisation, participant: Participant, actor, ad: Ad | None = None
) -> Mediation:
    """A resident starts as a volunteer at the organisation: a mediation between the
    organisation and the participant, running from today and counted separately."""
    area = organisation.area
    is_contact = organisation.contacts.filter(user=actor).exists()
    staff = is_staff_in(actor, area)
    if not (is_contact or staff):
        raise OrganisationError("Alleen de organisatie of de sociaal makelaar legt dit vast.")
    if participant.area_id != area.pk:
        raise OrganisationError("Deze deelnemer hoort niet bij dit werkgebied.")
    if ad is not None and ad.organisation_id != organisation.pk:
        raise OrganisationError("Deze vacature hoort niet bij deze organisatie.")
    if Mediation.objects.filter(
        organisation=organisation, provider=participant, ended_on__isnull=True
    ).exists():
        raise OrganisationError("Deze deelnemer staat al als vrijwilliger bij deze organisatie.")
    inbox = inbox_participant(organisation)
    if inbox.pk == participant.pk:
        raise OrganisationError("De contactpersoon kan niet bij de eigen organisatie starten.")
    today = clock.today()
    mediation = Mediation.objects.create(
        area=area,
        requester=inbox,
        provider=participant,
        organisation=organisation,
        ad=ad,
        category_id=ad.category_id if ad else None,
        broker_supported=staff,
        broker=actor if staff else participant.assigned_broker,
        status=Mediation.Status.RUNNING,
        started_on=today,
        reached_active_on=today,
        requester_answer=Mediation.Answer.YES,
        provider_answer=Mediation.Answer.YES,
        created_by=actor,
    )
    MediationEvent.objects.create(
        mediation=mediation,
        at=clock.now(),
        actor=actor,
        kind="plaatsing",
        to_status=mediation.status,
        note=f"vrijwilligersplaatsing bij {organisation.name}"[:500],
    )
    return mediation


def placements_count(area: Area, start: dt.date, end: dt.date) -> int:
    return Mediation.objects.filter(
        area=area, organisation__isnull=False, started_on__gte=start, started_on__lte=end
    ).count()


# --- Referral in -------------------------------------------------------------------------


@transaction.atomic
def refer_resident(
    *, area: Area, data: dict, referred_by=None, organisation: Organisation | None = None
) -> IncomingReferral:
    """A professional refers a resident with the resident's consent. The referral waits
    in the broker's inbox: nobody is registered and nothing counts in a report until a
    broker accepts it (accept_referral), so the public form cannot inflate the figures."""
    if not data.get("resident_consent"):
        raise OrganisationError("Verwijzen kan alleen als de bewoner daarmee instemt.")
    first_name = (data.get("first_name") or "").strip()
    if not first_name:
        raise OrganisationError("Vul de voornaam van de bewoner in.")
    organisation_name = organisation.name if organisation else ""
    organisation_name = organisation_name or (data.get("organisation_name") or "").strip()
    referrer_name = (data.get("referrer_name") or "").strip()
    if not organisation_name or not referrer_name:
        raise OrganisationError("Vul uw naam en de naam van uw organisatie in.")
    neighbourhood = data.get("neighbourhood")
    if neighbourhood is not None and neighbourhood.area_id != area.pk:
        neighbourhood = None
    signed_in = getattr(referred_by, "is_authenticated", False)
    return IncomingReferral.objects.create(
        area=area,
        status=IncomingReferral.Status.PENDING,
        first_name=first_name[:80],
        last_name=(data.get("last_name") or "").strip()[:120],
        phone=(data.get("phone") or "").strip()[:30],
        email=normalise_email(data.get("email")) or "",
        address=(data.get("address") or "").strip()[:300],
        neighbourhood=neighbourhood,
        organisation=organisation,
        organisation_name=organisation_name[:120],
        referrer_name=referrer_name[:120],
        referrer_email=normalise_email(data.get("referrer_email")) or "",
        referrer_phone=(data.get("referrer_phone") or "").strip()[:30],
        reason=(data.get("reason") or "").strip()[:1000],
        resident_consent=True,
        feedback_consent=bool(data.get("feedback_consent")),
        referred_by=referred_by if signed_in else None,
        created_at=clock.now(),
    )


def _lock_pending(referral: IncomingReferral) -> IncomingReferral:
    locked = IncomingReferral.objects.select_for_update().get(pk=referral.pk)
    if locked.status != IncomingReferral.Status.PENDING:
        raise OrganisationError("Deze doorverwijzing is al beoordeeld.")
    return locked


RESIDENT_FIELDS = {
    "first_name": "",
    "last_name": "",
    "phone": "",
    "email": "",
    "address": "",
    "neighbourhood": None,
}


@transaction.atomic
def accept_referral(*, referral: IncomingReferral, broker) -> IncomingReferral:
    """A broker accepts a waiting referral: the resident is registered (email optional;
    someone already known by phone or email is linked, not registered twice), counts
    from today in the reports, and the broker gets a task to get acquainted. The
    resident's details move to the registry and are cleared from the referral."""

    if not is_staff_in(broker, referral.area):
        raise OrganisationError("Alleen de sociaal makelaar beoordeelt doorverwijzingen.")
    referral = _lock_pending(referral)
    area = referral.area
    email = normalise_email(referral.email)
    note = ""
    duplicate = find_duplicate(area, phone=referral.phone, email=email)
    if duplicate is not None:
        participant = duplicate[0]
        note = " (al bekend)"
    else:
        waiting = ""
        if email and User.objects.filter(email__iexact=email).exists():
            # An account elsewhere has this address: it waits on the registry entry and
            # joins that account only if the broker invites and the person uses the link.
            waiting, email, note = email, None, " (e-mailadres hoort bij een ander account)"
        user = User.objects.create_user(
            email=email, first_name=referral.first_name, last_name=referral.last_name
        )
        participant = Participant.objects.create(
            area=area,
            user=user,
            neighbourhood=referral.neighbourhood,
            phone=referral.phone,
            phone_normalised=normalise_phone(referral.phone),
            registry_email=waiting,
            address=referral.address,
            preferred_channel=Channel.PHONE if referral.phone or not email else Channel.EMAIL,
            registered_on=clock.today(),
            registered_by=referral.referred_by,
            routing_stage=Stage.SIGNED_UP,
            inflow_source=Inflow.REFERRAL,
            referrer_organisation=referral.organisation_name[:120],
            referrer_person=referral.referrer_name[:120],
            profile_visibility=Visibility.BROKERS,
        )
    referral.participant = participant
    referral.status = IncomingReferral.Status.ACCEPTED
    referral.decided_at, referral.decided_by = clock.now(), broker
    for name, empty in RESIDENT_FIELDS.items():
        setattr(referral, name, empty)
    referral.save()
    create_task(
        area=area,
        preferred=(participant.assigned_broker, broker),
        title=f"Doorverwijzing van {referral.organisation_name}: kennismaken met "
        f"{participant.user.full_name}{note}",
        due_on=clock.today(),
        participant=participant,
        incoming_referral=referral,
        created_by=broker,
        source=Task.Source.REFERRAL,
    )
    audit.record(broker, "referral.accept", referral, area=area)
    return referral


@transaction.atomic
def decline_referral(*, referral: IncomingReferral, broker) -> IncomingReferral:
    """A broker declines a waiting referral (not for us, sent twice, spam). The
    resident's details, the reason and the referrer's name and contact details are
    removed; what stays is that organisation X referred someone on that date and that it
    was declined, by whom and when."""

    if not is_staff_in(broker, referral.area):
        raise OrganisationError("Alleen de sociaal makelaar beoordeelt doorverwijzingen.")
    referral = _lock_pending(referral)
    referral.status = IncomingReferral.Status.DECLINED
    referral.decided_at, referral.decided_by = clock.now(), broker
    for name, empty in RESIDENT_FIELDS.items():
        setattr(referral, name, empty)
    referral.reason = referral.referrer_name = referral.referrer_email = ""
    referral.referrer_phone = ""
    referral.feedback_consent = False
    referral.save()
    audit.record(broker, "referral.decline", referral, area=referral.area)
    return referral


def tell_referrers_about_intake(participant: Participant) -> int:
    """After the kennismaking: email referrers who left an address, only when the
    resident agreed to that. Once per referral. Says nothing about the content."""
    due = IncomingReferral.objects.filter(
        participant=participant, feedback_consent=True, feedback_sent_at__isnull=True
    ).exclude(referrer_email="")
    sent = 0
    for referral in due.select_related("area"):
        if not IncomingReferral.objects.filter(
            pk=referral.pk, feedback_sent_at__isnull=True
        ).update(feedback_sent_at=clock.now()):
            continue
        queue_email(
            referral.referrer_email,
            f"TijdVoorElkaar {referral.area.name}: de kennismaking heeft plaatsgevonden",
            "organisations/email/referral_feedback",
            {"referral": referral, "area": referral.area},
            from_email=referral.area.from_email,
        )
        sent += 1
    return sent


# --- Social map ----------------------------------------------------------------------------


@transaction.atomic
def save_social_map_entry(*, area: Area, actor, data: dict, entry=None) -> SocialMapEntry:
    if not is_staff_in(actor, area):
        raise OrganisationError("Alleen de sociaal makelaar beheert de sociale kaart.")
    entry = entry or SocialMapEntry(area=area, created_at=clock.now())
    for field, value in data.items():
        setattr(entry, field, value)
    entry.save()
    return entry


def refer_out(*, participant: Participant, entry: SocialMapEntry, broker, reason: str, on=None):
    """Refer a participant to an entry of the social map, with a follow-up task."""

    if entry.area_id != participant.area_id:
        raise OrganisationError("Dit item hoort niet bij dit werkgebied.")
    return record_referral(
        participant=participant,
        broker=broker,
        organisation=entry.name,
        contact=entry.how_to_reach[:120],
        reason=reason,
        follow_up_on=on or clock.today() + dt.timedelta(days=14),
    )


# --- Outreach --------------------------------------------------------------------------------

INFLOW_FOR_KIND = {
    OutreachActivity.Kind.GROUP_VISIT: Inflow.GROUP_VISIT,
    OutreachActivity.Kind.STAND: Inflow.MARKET,
    OutreachActivity.Kind.MARKET: Inflow.MARKET,
    OutreachActivity.Kind.DOOR_TO_DOOR: Inflow.DOOR_TO_DOOR,
}


def share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


@transaction.atomic
def record_activity(*, area: Area, actor, data: dict) -> OutreachActivity:
    if not is_staff_in(actor, area):
        raise OrganisationError("Alleen de sociaal makelaar legt outreach vast.")
    return OutreachActivity.objects.create(
        area=area, created_by=actor, created_at=clock.now(), **data
    )


@transaction.atomic
def sign_up_at_activity(*, activity: OutreachActivity, broker, data: dict) -> Participant:
    """Register a resident who signed up at a group visit, stand or door-to-door round
    and link them to it, so conversion is counted."""

    participant = register_participant(area=activity.area, broker=broker, data=data)
    participant.inflow_source = INFLOW_FOR_KIND[activity.kind]
    participant.save(update_fields=["inflow_source"])
    activity.joined.add(participant)
    return participant


def activities_with_counts(area: Area):
    return OutreachActivity.objects.filter(area=area).annotate(joined_count=Count("joined"))


def group_visit_figures(area: Area, start: dt.date, end: dt.date) -> dict:
    """Group visits held in the period: how many, residents reached, who joined."""
    visits = OutreachActivity.objects.filter(
        area=area, kind=OutreachActivity.Kind.GROUP_VISIT, held_on__gte=start, held_on__lte=end
    )
    figures = visits.aggregate(
        group_visits=Count("pk", distinct=True), reached=Coalesce(Sum("reached"), 0)
    )
    joined = OutreachActivity.joined.through.objects.filter(outreachactivity__in=visits).count()
    return {
        "group_visits": figures["group_visits"],
        "group_visits_reached": figures["reached"],
        "group_visits_joined": joined,
        "group_visits_conversion": share(joined, figures["reached"]),
    }


def remind_door_to_door(*, today: dt.date | None = None, month: int = 3) -> int:
    """Once a year (from `month` on) each area's broker gets a task to plan the
    door-to-door round. Returns how many tasks were made."""
    today = today or clock.today()
    if today.month < month:
        return 0
    made = 0
    for area in Area.objects.all():
        with transaction.atomic():
            reminder, created = DoorToDoorReminder.objects.get_or_create(area=area, year=today.year)
            if not created:
                continue
            reminder.task = create_task(
                area=area,
                title=f"Deur-aan-deurronde {today.year} plannen",
                due_on=today + dt.timedelta(days=14),
                source=Task.Source.MANUAL,
            )
            reminder.save(update_fields=["task"])
            made += 1
    return made


# --- Paper: notice-board list and poster ----------------------------------------------------


def ad_code(ad: Ad) -> str:
    return f"advertentie {ad.pk}"


def notice_board_ads(area: Area):
    """Current public ads for paper: listed, public, not hidden; newest first."""
    return (
        Ad.objects.filter(area=area)
        .public()
        .listed()
        .select_related("category", "organisation")
        .order_by("kind", "category__position", "-created_at")
    )


def find_ad_by_code(user, area: Area, code: str) -> Ad | None:
    """The ad a caller names by its code ("4821" or "advertentie 4821"), for staff."""
    digits = "".join(ch for ch in (code or "") if ch.isdigit())
    if not digits or len(digits) > 12 or not is_staff_in(user, area):
        return None
    return Ad.objects.filter(area=area, pk=int(digits)).first()


def ads_list_pdf(area: Area) -> bytes:
    """An A4 list of current ads for notice boards, each with its short code."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=f"Vraag en aanbod {area.name}",
        lang="nl",
    )
    story = [
        Paragraph(escape(f"TijdVoorElkaar {area.name}: vraag en aanbod"), styles["Title"]),
        Paragraph(
            escape(
                f"Stand van {clock.today():%d-%m-%Y}. Interesse? Bel de sociaal makelaar "
                "en noem het nummer van de advertentie."
            ),
            styles["Normal"],
        ),
        Spacer(1, 0.5 * cm),
    ]
    ads = list(notice_board_ads(area))
    if not ads:
        story.append(Paragraph("Er staan op dit moment geen advertenties.", styles["Normal"]))
    for ad in ads:
        who = f" · {ad.organisation.name}" if ad.organisation_id else ""
        story.append(
            Paragraph(
                f"<b>{escape(ad_code(ad))}</b> · {escape(ad.get_kind_display())} · "
                f"{escape(ad.category.name)}{escape(who)}",
                styles["Heading4"],
            )
        )
        story.append(Paragraph(escape(ad.title), styles["Normal"]))
        if ad.description:
            text = ad.description if len(ad.description) < 300 else ad.description[:297] + "..."
            story.append(Paragraph(escape(text), styles["Normal"]))
        story.append(Spacer(1, 0.3 * cm))
    doc.build(story)
    return buffer.getvalue()


def poster_pdf(area: Area, base_url: str) -> bytes:
    """A printable monthly poster: the idea, the newest ads and how to take part."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=f"TijdVoorElkaar {area.name}", topMargin=2.5 * cm
    )
    month = clock.today()
    story = [
        Paragraph(escape(f"TijdVoorElkaar {area.name}"), styles["Title"]),
        Paragraph(escape(f"Wie doet wat voor een ander? {month:%m-%Y}"), styles["Heading2"]),
        Paragraph(
            "Buurtbewoners vertellen elkaar wat ze voor een ander kunnen doen en waar ze zelf "
            "hulp bij kunnen gebruiken. Geen internet? Bel de sociaal makelaar.",
            styles["Normal"],
        ),
        Spacer(1, 0.6 * cm),
    ]
    for ad in list(notice_board_ads(area))[:8]:
        story.append(
            Paragraph(
                f"<b>{escape(ad_code(ad))}</b>: {escape(ad.title)} "
                f"({escape(ad.get_kind_display())})",
                styles["Heading3"],
            )
        )
    story += [
        Spacer(1, 0.6 * cm),
        Paragraph(escape(f"Meedoen: {base_url.rstrip('/')}/{area.slug}/"), styles["Heading3"]),
    ]
    doc.build(story)
    return buffer.getvalue()


# --- Newsletter ----------------------------------------------------------------------------

UNSUBSCRIBE_SALT = "tijdvoorelkaar.organisations.newsletter-unsubscribe"


def subscribe(*, area: Area, user) -> NewsletterSubscription:
    if not user.is_authenticated or not user.email:
        raise OrganisationError("Voor de nieuwsbrief is een e-mailadres nodig.")
    sub, created = NewsletterSubscription.objects.get_or_create(
        area=area, user=user, defaults={"subscribed_at": clock.now()}
    )
    if not created and sub.unsubscribed_at is not None:
        sub.unsubscribed_at = None
        sub.subscribed_at = clock.now()
        sub.save(update_fields=["unsubscribed_at", "subscribed_at"])
    return sub


def unsubscribe_token(sub: NewsletterSubscription) -> str:
    return signing.dumps({"s": sub.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_link(sub: NewsletterSubscription, base_url: str) -> str:
    path = reverse("organisations:unsubscribe", args=[sub.area.slug, unsubscribe_token(sub)])
    return base_url.rstrip("/") + path


def subscription_from_token(area: Area, token: str) -> NewsletterSubscription | None:
    """The subscription a signed link names, or None for a tampered or unknown link.
    These links do not expire: an old newsletter must still unsubscribe."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return NewsletterSubscription.objects.filter(area=area, pk=data.get("s")).first()


def unsubscribe(sub: NewsletterSubscription) -> NewsletterSubscription:
    if sub.unsubscribed_at is None:
        sub.unsubscribed_at = clock.now()
        sub.save(update_fields=["unsubscribed_at"])
    return sub


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
    due = (
        NewsletterSubscription.objects.filter(unsubscribed_at__isnull=True)
        .filter(Q(last_sent_month__isnull=True) | Q(last_sent_month__lt=month))
        .exclude(user__email__isnull=True)
        .select_related("area", "user")
        .order_by("area_id", "pk")[:batch_size]
    )
    contents: dict[int, dict] = {}
    sent = 0
    for sub in due:
        if (
            not NewsletterSubscription.objects.filter(pk=sub.pk)
            .filter(Q(last_sent_month__isnull=True) | Q(last_sent_month__lt=month))
            .update(last_sent_month=month)
        ):
            continue
        if sub.area_id not in contents:
            contents[sub.area_id] = newsletter_content(sub.area, month)
        link = unsubscribe_link(sub, base_url)
        queue_email(
            sub.user.email,
            f"Nieuws van TijdVoorElkaar {sub.area.name}",
            "organisations/email/newsletter",
            {
                "area": sub.area,
                "user": sub.user,
                "unsubscribe": link,
                "site": base_url.rstrip("/") + f"/{sub.area.slug}/",
                **contents[sub.area_id],
            },
            headers={
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
            from_email=sub.area.from_email,
        )
        sent += 1
    return sent


def is_contact_in(user, area: Area) -> bool:
    return "organisation" in roles_in_area(user, area)


# --- Success stories ---------------------------------------------------------------------


def _named_in_text(participants, *texts: str) -> str | None:
    """A last name of a named participant that appears in the text (stories use first
    names or chosen display names only)."""
    import re

    haystack = " ".join(texts).lower()
    for p in participants:
        last = (p.user.last_name or "").strip().lower()
        if len(last) >= 2 and re.search(rf"(?<!\w){re.escape(last)}(?!\w)", haystack):
            return p.user.last_name
    return None


@transaction.atomic
def write_story(
    *, area: Area, actor, title: str, body: str, participants, photo=None, photo_alt: str = ""
) -> Story:
    """A broker writes a story about participants of the area. Each named participant
    must consent before it can be published."""
    if not is_staff_in(actor, area):
        raise OrganisationError("Alleen de sociaal makelaar schrijft verhalen.")
    title, body = (title or "").strip(), (body or "").strip()
    if not title or not body:
        raise OrganisationError("Geef het verhaal een titel en schrijf het verhaal.")
    participants = list({p.pk: p for p in participants}.values())
    if not participants:
        raise OrganisationError("Noem ten minste één deelnemer over wie het verhaal gaat.")
    if any(p.area_id != area.pk for p in participants):
        raise OrganisationError("Deze deelnemer hoort niet bij dit werkgebied.")
    last = _named_in_text(participants, title, body)
    if last:
        raise OrganisationError(
            f"Gebruik in het verhaal alleen voornamen of de gekozen naam, niet '{last}'."
        )
    if photo is not None and not (photo_alt or "").strip():
        raise OrganisationError("Beschrijf kort wat er op de foto staat.")
    story = Story.objects.create(
        area=area,
        title=title[:120],
        body=body[:3000],
        photo=photo or "",
        photo_alt=(photo_alt or "").strip()[:200] if photo is not None else "",
        named_count=len(participants),
        written_by=actor,
        created_at=clock.now(),
    )
    StoryConsent.objects.bulk_create(StoryConsent(story=story, participant=p) for p in participants)
    return story


def _may_act_for(actor, participant: Participant) -> bool:
    return participant.user_id == getattr(actor, "pk", None) or is_staff_in(actor, participant.area)


@transaction.atomic
def give_story_consent(
    *, story: Story, participant: Participant, actor, channel: str
) -> StoryConsent:
    """Record a participant's consent: by the participant on their own page (channel
    site), or by the broker who heard it in person, by phone, email or on paper."""
    consent = StoryConsent.objects.select_for_update().filter(story=story, participant=participant)
    consent = consent.first()
    if consent is None or not _may_act_for(actor, participant):
        raise OrganisationError("U kunt alleen toestemming geven voor een verhaal over uzelf.")
    own = participant.user_id == actor.pk
    if not own and (
        channel not in StoryConsent.Channel.values or channel == StoryConsent.Channel.ONLINE
    ):
        raise OrganisationError("Kies hoe de deelnemer toestemming gaf.")
    consent.given_at = clock.now()
    consent.channel = StoryConsent.Channel.ONLINE if own else channel
    consent.recorded_by = actor
    consent.withdrawn_at, consent.withdrawn_by, consent.withdrawal_channel = None, None, ""
    consent.save()
    return consent


@transaction.atomic
def withdraw_story_consent(
    *, story: Story, participant: Participant, actor, channel: str = ""
) -> StoryConsent:
    """Withdraw consent: the story is taken down at once and stays down until the broker
    publishes it again after new consent."""

    consent = StoryConsent.objects.select_for_update().filter(story=story, participant=participant)
    consent = consent.first()
    if consent is None or not _may_act_for(actor, participant):
        raise OrganisationError("U kunt alleen uw eigen toestemming intrekken.")
    own = participant.user_id == actor.pk
    now = clock.now()
    consent.withdrawn_at = now
    consent.withdrawn_by = actor
    consent.withdrawal_channel = StoryConsent.Channel.ONLINE if own else (channel or "")
    consent.save()
    Story.objects.filter(pk=story.pk).update(
        published_at=None, taken_down_at=now, taken_down_reason="toestemming ingetrokken"
    )
    record(actor, "verhaal offline: toestemming ingetrokken", story, area=story.area)
    return consent


@transaction.atomic
def publish_story(*, story: Story, actor) -> Story:
    if not is_staff_in(actor, story.area):
        raise OrganisationError("Alleen de sociaal makelaar zet verhalen op de site.")
    story = Story.objects.select_for_update().get(pk=story.pk)
    valid = story.consents.filter(given_at__isnull=False, withdrawn_at__isnull=True).count()
    if story.named_count == 0 or valid < story.named_count:
        raise OrganisationError(
            "Het verhaal kan pas op de site als iedereen die erin staat toestemming gaf."
        )
    story.published_at = clock.now()
    story.taken_down_at, story.taken_down_reason = None, ""
    story.save(update_fields=["published_at", "taken_down_at", "taken_down_reason"])
    return story


@transaction.atomic
def take_down_story(*, story: Story, actor) -> Story:
    if not is_staff_in(actor, story.area):
        raise OrganisationError("Alleen de sociaal makelaar haalt verhalen van de site.")
    Story.objects.filter(pk=story.pk).update(
        published_at=None, taken_down_at=clock.now(), taken_down_reason="door de makelaar"
    )
    story.refresh_from_db()
    return story


def public_stories(area: Area):
    """Stories anyone may read: published, and every participant named at writing still
    has a valid consent (an erased or withdrawn participant keeps it down)."""
    return (
        Story.objects.filter(area=area, published_at__isnull=False, named_count__gt=0)
        .annotate(
            valid_consents=Count(
                "consents",
                filter=Q(consents__given_at__isnull=False, consents__withdrawn_at__isnull=True),
            )
        )
        .filter(valid_consents=models.F("named_count"))
        .order_by("-published_at", "-id")
    )


def story_names(story: Story) -> list[str]:
    """First names or chosen display names of the people in a story, never more."""
    return [c.participant.public_name for c in story.consents.all()]


# --- Sign-up opt-in ------------------------------------------------------------------------


def subscribe_at_sign_up(area: Area, user, choices: dict) -> NewsletterSubscription | None:
    """When a new participant's account is made (accounts.hooks.signed_up): the sign-up
    form's opt-in."""
    if not choices.get("newsletter") or not user.email:
        return None
    return subscribe(area=area, user=user)


# --- Upcoming activities for the newsletter -------------------------------------------------

PUBLIC_ACTIVITY_KINDS = (OutreachActivity.Kind.STAND, OutreachActivity.Kind.MARKET)


def upcoming_activities(area: Area, start: dt.date, end: dt.date):
    """Stands and markets in the period (group visits and door-to-door rounds are not
    announced: they are for a group or a street)."""
    return OutreachActivity.objects.filter(
        area=area, kind__in=PUBLIC_ACTIVITY_KINDS, held_on__gte=start, held_on__lte=end
    ).order_by("held_on", "id")[:10]


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
    )


def phone_instead_of_email(conversation: Conversation, recipient: Participant) -> bool:
    """A message in `conversation` could not be emailed to `recipient` (no address):
    the broker gets a task to phone, at most once per conversation per day. Returns
    whether a task was made."""
    from django.db import IntegrityError

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
    import hashlib

    return hashlib.sha256((normalise_email(email) or "").encode()).hexdigest()


def record_bounce(email: str, reason: str = "") -> list[PhoneInstead]:
    """Mail to `email` came back. For each participant with that address the broker gets
    a task to phone (once per participant per day); the address itself is stored only
    as a hash. Returns the rows made (one without participant when nobody matched)."""
    email = normalise_email(email)
    if not email:
        raise OrganisationError("Geef het e-mailadres waarvan de mail terugkwam.")
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


# --- Registered for the hooks of lower apps (apps.py) ---------------------------------------


def referral_inbox(request, area):
    """The broker's dashboard section with the referrals waiting for a decision."""
    return {
        "template": "organisations/_dashboard_referrals.html",
        "pending": IncomingReferral.objects.waiting_for(request.user, area),
    }


def vacancy_inbox(ad):
    """Reactions to a vacancy go to the contact person of the organisation."""
    if ad.organisation_id is None:
        return None
    try:
        return inbox_participant(ad.organisation)
    except OrganisationError as exc:
        raise MarketplaceError(str(exc)) from None
