"""Rules of the broker's workspace: registering residents, intake, routing, notes, tasks,
handover and the morning digest. Plain functions with explicit arguments."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.accounts.models import Role, User, normalise_email
from tijdvoorelkaar.accounts.services import InvitationRefused, send_invitation
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.access import is_staff_in
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.i18n import in_language, language_of, site_language
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.core.phones import normalise_phone
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Ad, Signal
from tijdvoorelkaar.participants.models import Channel, Participant, Stage
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import create_task

from . import hooks
from .models import (
    Concern,
    ContactMoment,
    Intake,
    ReferralOut,
    StageChange,
)

# Stages in their order; used to move a participant forward but never back automatically.
STAGE_ORDER = list(Stage.values)


class WorkspaceError(ServiceError):
    """A request the workspace refuses; the message is meant for the broker (translated)."""


class DuplicateParticipant(WorkspaceError):
    """Someone with this phone number or email address is already registered."""

    def __init__(self, existing: Participant, reason: str):
        self.existing = existing
        self.reason = reason
        super().__init__(reason)


# --- Phone numbers and duplicates --------------------------------------------------------


def find_duplicate(
    area: Area, *, phone: str = "", email: str | None = None, exclude_pk=None
) -> tuple[Participant, str] | None:
    """The participant of `area` with the same phone number or email address, if any."""
    qs = Participant.objects.filter(area=area).select_related("user")
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    phone_key = normalise_phone(phone)
    if phone_key:
        match = qs.filter(phone_normalised=phone_key).first()
        if match is not None:
            return match, "telefoon"
    email = normalise_email(email)
    if email:
        match = qs.filter(Q(user__email__iexact=email) | Q(registry_email__iexact=email)).first()
        if match is not None:
            return match, "e-mail"
    return None


# --- Registering a resident ----------------------------------------------------------------


def _set_stage(participant: Participant, stage: str, by) -> None:
    if participant.routing_stage == stage and participant.stage_changes.exists():
        return
    StageChange.objects.create(
        participant=participant,
        from_stage=participant.routing_stage if participant.stage_changes.exists() else "",
        to_stage=stage,
        changed_by=by,
        changed_at=clock.now(),
    )
    participant.routing_stage = stage
    participant.save(update_fields=["routing_stage"])


def _advance_stage(participant: Participant, stage: str, by) -> None:
    """Move forward to `stage` when the participant is at an earlier stage."""
    current = participant.routing_stage
    if current == Stage.STOPPED:
        return
    if STAGE_ORDER.index(current) < STAGE_ORDER.index(stage):
        _set_stage(participant, stage, by)


@transaction.atomic
def register_participant(*, area: Area, broker, data: dict) -> Participant:
    """Register a resident who phoned or was visited. People without email get a user
    without an address (no made-up addresses). Raises DuplicateParticipant when the phone
    number or email address is already known in this area."""
    if not is_staff_in(broker, area):
        raise WorkspaceError(_("Alleen de sociaal makelaar kan deelnemers inschrijven."))
    email = normalise_email(data.get("email"))
    phone = (data.get("phone") or "").strip()
    duplicate = find_duplicate(area, phone=phone, email=email)
    if duplicate is not None:
        existing, how = duplicate
        if how == "telefoon":
            reason = _(
                "Er staat al een deelnemer met dit telefoonnummer ingeschreven. Open de "
                "bestaande deelnemer in plaats van een nieuwe te maken."
            )
        else:
            reason = _(
                "Er staat al een deelnemer met dit e-mailadres ingeschreven. Open de "
                "bestaande deelnemer in plaats van een nieuwe te maken."
            )
        raise DuplicateParticipant(existing, reason)
    if email and User.objects.filter(email__iexact=email).exists():
        raise WorkspaceError(
            _(
                "Dit e-mailadres hoort al bij een account (in een ander werkgebied of als "
                "medewerker). Vraag de bewoner zich met dit adres zelf aan te melden, of laat "
                "het e-mailadres leeg."
            ),
            field="email",
        )
    user = User.objects.create_user(
        email=email,
        first_name=data["first_name"].strip(),
        last_name=(data.get("last_name") or "").strip(),
    )
    has_contact_person = bool((data.get("contact_person_name") or "").strip())
    participant = Participant.objects.create(
        area=area,
        user=user,
        neighbourhood=data.get("neighbourhood"),
        phone=phone,
        phone_normalised=normalise_phone(phone),
        address=(data.get("address") or "").strip(),
        preferred_channel=data.get("preferred_channel") or Channel.PHONE,
        contact_person_name=(data.get("contact_person_name") or "").strip(),
        contact_person_relation=(data.get("contact_person_relation") or "").strip(),
        contact_person_phone=(data.get("contact_person_phone") or "").strip(),
        contact_person_email=(data.get("contact_person_email") or "").strip(),
        contact_person_consent_at=(
            clock.now() if has_contact_person and data.get("contact_person_consent") else None
        ),
        registered_on=clock.today(),
        registered_by=broker,
        assigned_broker=broker
        if Role.objects.filter(user=broker, area=area, kind=Role.Kind.BROKER).exists()
        else None,
        routing_stage=Stage.SIGNED_UP,
    )
    _set_stage(participant, Stage.SIGNED_UP, broker)
    return participant


@transaction.atomic
def invite_participant(*, participant: Participant, broker, base_url: str) -> Participant:
    """Send a registry entry (an imported person) one invitation email with a sign-in
    link; until they use it they cannot sign in. Audit-logged (without the address)."""

    if not is_staff_in(broker, participant.area):
        raise WorkspaceError(_("Alleen de sociaal makelaar nodigt deelnemers uit."))
    try:
        send_invitation(participant, base_url=base_url)
    except InvitationRefused as exc:
        raise WorkspaceError(str(exc)) from exc
    participant.invited_at = clock.now()
    participant.save(update_fields=["invited_at"])
    audit.record(broker, "participant.invite", participant, area=participant.area)
    return participant


def search_registry(queryset, q: str):
    """Filter the registry by name, phone, email or neighbourhood."""
    q = (q or "").strip()
    if not q:
        return queryset
    condition = Q()
    for word in q.split():
        word_condition = (
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(display_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(registry_email__icontains=word)
            | Q(neighbourhood__name__icontains=word)
            | Q(phone__icontains=word)
        )
        condition &= word_condition
    phone_key = normalise_phone(q)
    if len(phone_key) >= 4:
        condition |= Q(phone_normalised__contains=phone_key)
    return queryset.filter(condition)


# --- Intake and ads on someone's behalf ----------------------------------------------------


@transaction.atomic
def record_intake(*, participant: Participant, broker, data: dict) -> Intake:
    """Save the kennismaking. It needs at least one answer about what the participant is
    good at, likes doing or could use help with."""
    answers = [
        (data.get(key) or "").strip() for key in ("good_at", "likes_doing", "needs_help_with")
    ]
    if not any(answers):
        raise WorkspaceError(
            _(
                "Vul minstens één van de drie vragen in: waar is de deelnemer goed in, wat "
                "doet hij of zij graag, of waar zou hulp welkom zijn."
            )
        )
    now = clock.now()
    held_on = data.get("held_on") or clock.today()
    intake = Intake.objects.create(
        participant=participant,
        held_on=held_on,
        held_by=broker,
        good_at=answers[0],
        likes_doing=answers[1],
        needs_help_with=answers[2],
        availability=list(data.get("availability") or []),
        created_at=now,
    )
    participant.languages = list(data.get("languages") or [])
    participant.interests = list(data.get("interests") or [])
    participant.inflow_source = data.get("inflow_source") or ""
    participant.referrer_organisation = (data.get("referrer_organisation") or "").strip()
    participant.referrer_person = (data.get("referrer_person") or "").strip()
    participant.save(
        update_fields=[
            "languages",
            "interests",
            "inflow_source",
            "referrer_organisation",
            "referrer_person",
        ]
    )
    with site_language():
        summary = _("Kennismaking gehouden.")
    ContactMoment.objects.create(
        participant=participant,
        broker=broker,
        happened_on=held_on,
        channel=data.get("channel") or ContactMoment.Medium.VISIT,
        kind=ContactMoment.Kind.INTRODUCTION,
        summary=summary,
        created_at=now,
    )
    _advance_stage(participant, Stage.INTRODUCED, broker)
    # Apps above may act on it (organisations tells the referrers, with consent).
    hooks.intake_recorded(participant)
    return intake


@transaction.atomic
def place_ad_for(
    *,
    participant: Participant,
    broker,
    kind: str,
    data: dict,
    submission_token: str | None = None,
    base_url: str | None = None,
) -> Ad:
    """Place a vraag or aanbod on the participant's behalf ("geplaatst met hulp van de
    sociaal makelaar"). A participant with an email address gets a short message."""
    if kind not in (Ad.Kind.REQUEST, Ad.Kind.OFFER):
        raise WorkspaceError(_("Kies of het een vraag of een aanbod is."))
    ad, created = marketplace.create_ad(
        area=participant.area,
        owner=participant,
        kind=kind,
        data=data,
        placed_by=broker,
        submission_token=submission_token,
    )
    if created:
        _advance_stage(participant, Stage.AD_PLACED, broker)
        email = participant.user.email
        if email:
            base_url = (base_url or settings.SITE_URL).rstrip("/")
            language = language_of(participant.user)
            with in_language(language):
                subject = _("Uw %(kind)s staat op TijdVoorElkaar %(area)s") % {
                    "kind": ad.get_kind_display(),
                    "area": participant.area.name,
                }
            queue_email(
                email,
                subject,
                "workspace/email/ad_placed",
                {
                    "participant": participant,
                    "ad": ad,
                    "broker": broker,
                    "link": base_url
                    + reverse("marketplace:ad_detail", args=[participant.area.slug, ad.pk]),
                },
                area=participant.area,
                language=language,
            )
    return ad


# --- Routing and contact moments ------------------------------------------------------------


@transaction.atomic
def set_pause(*, participant: Participant, broker, until: dt.date | None) -> Participant:
    """Pause a participant until a date (inclusive), or lift the pause with None."""
    if until is not None and until < clock.today():
        raise WorkspaceError(
            _("Kies een datum vanaf vandaag, of laat het veld leeg."), field="until"
        )
    participant.paused_until = until
    participant.save(update_fields=["paused_until"])
    audit.record(
        broker,
        "participant.pause",
        participant,
        area=participant.area,
        detail=f"tot {until:%d-%m-%Y}" if until else "opgeheven",
    )
    return participant


def change_stage(*, participant: Participant, broker, stage: str) -> None:
    if stage not in Stage.values:
        raise WorkspaceError(_("Kies een fase uit de lijst."), field="stage")
    if stage == participant.routing_stage:
        raise WorkspaceError(_("De deelnemer staat al in deze fase."), field="stage")
    _set_stage(participant, stage, broker)


def support_conversation_count(participant: Participant) -> int:
    return ContactMoment.objects.filter(
        participant=participant, kind=ContactMoment.Kind.SUPPORT
    ).count()


def support_limit_passed(participant: Participant) -> bool:
    return support_conversation_count(participant) > participant.area.max_support_conversations


@transaction.atomic
def schedule_next_contact(*, participant: Participant, broker, on: dt.date, note: str = "") -> Task:
    """Set the next contact date and put a call-back task on the broker's list."""
    if on < clock.today():
        raise WorkspaceError(_("Kies een datum vanaf vandaag."), field="on")
    participant.next_contact_on = on
    participant.save(update_fields=["next_contact_on"])
    with site_language():
        title = _("Contact opnemen met %(name)s") % {"name": participant.user.full_name}
    if note.strip():
        title += f": {note.strip()}"
    return create_task(
        area=participant.area,
        preferred=(participant.assigned_broker, broker),
        participant=participant,
        title=title,
        due_on=on,
        source=Task.Source.CALL_BACK,
        phone_call=True,
        created_by=broker,
    )


@dataclass
class LoggedContact:
    moment: ContactMoment
    support_count: int
    limit: int
    closed_tasks: int = 0
    over_limit: bool = field(init=False)

    def __post_init__(self):
        self.over_limit = self.support_count > self.limit


@transaction.atomic
def log_contact(*, participant: Participant, broker, data: dict) -> LoggedContact:
    """Log a call, visit or email. Open call-back tasks for this participant due by the
    contact's date are ticked off. Tells whether the support limit is passed."""
    summary = (data.get("summary") or "").strip()
    if not summary:
        raise WorkspaceError(_("Schrijf een korte samenvatting van het contact."), field="summary")
    happened_on = data["happened_on"]
    if happened_on > clock.today():
        raise WorkspaceError(
            _("Een contactmoment kan niet in de toekomst liggen."), field="happened_on"
        )
    now = clock.now()
    moment = ContactMoment.objects.create(
        participant=participant,
        broker=broker,
        happened_on=happened_on,
        channel=data["channel"],
        kind=data["kind"],
        summary=summary,
        created_at=now,
    )
    closed = Task.objects.filter(
        participant=participant,
        source=Task.Source.CALL_BACK,
        done_at__isnull=True,
        due_on__lte=max(happened_on, clock.today()),
    ).update(done_at=now, done_by=broker)
    if participant.next_contact_on and participant.next_contact_on <= clock.today():
        participant.next_contact_on = None
        participant.save(update_fields=["next_contact_on"])
    return LoggedContact(
        moment=moment,
        support_count=support_conversation_count(participant),
        limit=participant.area.max_support_conversations,
        closed_tasks=closed,
    )


# --- Tasks and signals ----------------------------------------------------------------------


@transaction.atomic
def task_from_signal(*, signal: Signal, broker) -> Task:
    """Turn a system signal (e.g. an unanswered reaction) into a task for today and mark
    the signal as handled."""
    existing = Task.objects.filter(signal=signal).first()
    if existing is not None:
        return existing
    ad = signal.ad
    owner = ad.owner if ad is not None else None
    with site_language():
        title = str(signal.get_kind_display()).capitalize()
    if ad is not None:
        title += f": {ad.title}"
    task = create_task(
        area=signal.area,
        assignee=broker,
        title=title,
        due_on=clock.today(),
        created_by=None,
        participant=owner,
        source=Task.Source.SIGNAL,
        signal=signal,
    )
    resolve_signal(signal=signal, broker=broker)
    return task


def resolve_signal(*, signal: Signal, broker) -> Signal:
    if signal.resolved_at is None:
        signal.resolved_at = clock.now()
        signal.resolved_by = broker
        signal.save(update_fields=["resolved_at", "resolved_by"])
    return signal


# --- Worries and referrals out --------------------------------------------------------------


@transaction.atomic
def record_concern(
    *, participant: Participant, broker, kind: str, description: str, follow_up_on: dt.date
) -> Concern:
    if kind not in Concern.Kind.values:
        raise WorkspaceError(_("Kies wat voor zorg het is."), field="kind")
    concern = Concern.objects.create(
        participant=participant,
        kind=kind,
        description=(description or "").strip(),
        recorded_by=broker,
        recorded_at=clock.now(),
    )
    with site_language():
        title = _("Zorgsignaal opvolgen (%(kind)s): %(name)s") % {
            "kind": concern.get_kind_display(),
            "name": participant.user.full_name,
        }
    create_task(
        area=participant.area,
        preferred=(participant.assigned_broker, broker),
        title=title,
        due_on=follow_up_on,
        created_by=broker,
        participant=participant,
        concern=concern,
        source=Task.Source.CONCERN,
    )
    return concern


@transaction.atomic
def record_referral(
    *,
    participant: Participant,
    broker,
    organisation: str,
    contact: str,
    reason: str,
    follow_up_on: dt.date,
) -> ReferralOut:
    organisation = (organisation or "").strip()
    if not organisation:
        raise WorkspaceError(
            _("Vul in naar welke organisatie u doorverwijst."), field="organisation"
        )
    referral = ReferralOut.objects.create(
        participant=participant,
        organisation=organisation,
        contact=(contact or "").strip(),
        reason=(reason or "").strip(),
        made_by=broker,
        made_on=clock.today(),
    )
    with site_language():
        title = _("Doorverwijzing naar %(organisation)s nagaan: %(name)s") % {
            "organisation": organisation,
            "name": participant.user.full_name,
        }
    create_task(
        area=participant.area,
        preferred=(participant.assigned_broker, broker),
        title=title,
        due_on=follow_up_on,
        created_by=broker,
        participant=participant,
        referral=referral,
        source=Task.Source.REFERRAL,
    )
    return referral
