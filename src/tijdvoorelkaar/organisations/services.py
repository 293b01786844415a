"""Rules for organisations and their contact persons, vacancies and placements, referrals
in (the broker's inbox) and the social map. Plain functions with explicit arguments; each
change runs in one transaction so bad input saves nothing."""

import datetime as dt

from django.db import transaction
from django.db.models import Count
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tijdvoorelkaar.accounts.models import Role, User, normalise_email
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.access import is_staff_in
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.i18n import site_language
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.core.phones import normalise_phone
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Ad, Conversation
from tijdvoorelkaar.marketplace.services import MarketplaceError
from tijdvoorelkaar.mediations.models import Mediation, MediationEvent
from tijdvoorelkaar.participants.models import Channel, Inflow, Participant, Stage, Visibility
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import create_task
from tijdvoorelkaar.workspace.services import find_duplicate, record_referral

from .models import IncomingReferral, Organisation, OrganisationContact, SocialMapEntry


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
        raise OrganisationError(_("Alleen de sociaal makelaar kan organisaties toevoegen."))
    name = (data.get("name") or "").strip()
    if not name:
        raise OrganisationError(_("Vul de naam van de organisatie in."), field="name")
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
        raise OrganisationError(_("Alleen de sociaal makelaar kan contactpersonen toevoegen."))
    email = normalise_email(email)
    if not email:
        raise OrganisationError(
            _("Een contactpersoon heeft een e-mailadres nodig om in te loggen."), field="email"
        )
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, first_name=(first_name or "").strip(), last_name=(last_name or "").strip()
        )
    Role.objects.get_or_create(user=user, area=organisation.area, kind=Role.Kind.ORGANISATION)
    contact, _created = OrganisationContact.objects.get_or_create(
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
            _(
                "Deze organisatie heeft nog geen contactpersoon; reageren kan nog niet. "
                "Bel de sociaal makelaar."
            )
        )
    participant, _created = Participant.objects.get_or_create(
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
        raise OrganisationError(_("U kunt alleen vacatures plaatsen voor uw eigen organisatie."))
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
        raise OrganisationError(_("Alleen de organisatie of de sociaal makelaar legt dit vast."))
    if participant.area_id != area.pk:
        raise OrganisationError(_("Deze deelnemer hoort niet bij dit werkgebied."))
    if ad is not None and ad.organisation_id != organisation.pk:
        raise OrganisationError(_("Deze vacature hoort niet bij deze organisatie."))
    if Mediation.objects.filter(
        organisation=organisation, provider=participant, ended_on__isnull=True
    ).exists():
        raise OrganisationError(_("Deze deelnemer staat al als vrijwilliger bij deze organisatie."))
    inbox = inbox_participant(organisation)
    if inbox.pk == participant.pk:
        raise OrganisationError(_("De contactpersoon kan niet bij de eigen organisatie starten."))
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


def placements(area: Area):
    """Volunteer placements at the area's organisations: mediations with an organisation.
    Reports count them apart from the mediations between residents."""
    return Mediation.objects.filter(area=area, organisation__isnull=False)


def placements_count(area: Area, start: dt.date, end: dt.date) -> int:
    """Placements that started from `start` to `end` (both inclusive)."""
    return placements(area).filter(started_on__gte=start, started_on__lte=end).count()


def vacancy_organisations_count(area: Area, start: dt.date, end: dt.date) -> int:
    """Organisations that placed a volunteer vacancy from `start` to `end` (both
    inclusive), each counted once."""
    return Ad.objects.filter(
        area=area,
        kind=Ad.Kind.VACANCY,
        organisation__isnull=False,
        created_at__date__gte=start,
        created_at__date__lte=end,
    ).aggregate(n=Count("organisation", distinct=True))["n"]


# --- Referral in -------------------------------------------------------------------------


@transaction.atomic
def refer_resident(
    *, area: Area, data: dict, referred_by=None, organisation: Organisation | None = None
) -> IncomingReferral:
    """A professional refers a resident with the resident's consent. The referral waits
    in the broker's inbox: nobody is registered and nothing counts in a report until a
    broker accepts it (accept_referral), so the public form cannot inflate the figures."""
    if not data.get("resident_consent"):
        raise OrganisationError(
            _("Verwijzen kan alleen als de bewoner daarmee instemt."), field="resident_consent"
        )
    first_name = (data.get("first_name") or "").strip()
    if not first_name:
        raise OrganisationError(_("Vul de voornaam van de bewoner in."), field="first_name")
    organisation_name = organisation.name if organisation else ""
    organisation_name = organisation_name or (data.get("organisation_name") or "").strip()
    referrer_name = (data.get("referrer_name") or "").strip()
    if not organisation_name or not referrer_name:
        raise OrganisationError(_("Vul uw naam en de naam van uw organisatie in."))
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
        raise OrganisationError(_("Deze doorverwijzing is al beoordeeld."))
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
        raise OrganisationError(_("Alleen de sociaal makelaar beoordeelt doorverwijzingen."))
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
        raise OrganisationError(_("Alleen de sociaal makelaar beoordeelt doorverwijzingen."))
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
        # The referrer has no account here, so no chosen language: the site's.
        with site_language():
            subject = _("TijdVoorElkaar %(area)s: de kennismaking heeft plaatsgevonden") % {
                "area": referral.area.name
            }
        queue_email(
            referral.referrer_email,
            subject,
            "organisations/email/referral_feedback",
            {"referral": referral},
            area=referral.area,
            language=None,
        )
        sent += 1
    return sent


# --- Social map ----------------------------------------------------------------------------


@transaction.atomic
def save_social_map_entry(*, area: Area, actor, data: dict, entry=None) -> SocialMapEntry:
    if not is_staff_in(actor, area):
        raise OrganisationError(_("Alleen de sociaal makelaar beheert de sociale kaart."))
    entry = entry or SocialMapEntry(area=area, created_at=clock.now())
    for field, value in data.items():
        setattr(entry, field, value)
    entry.save()
    return entry


def refer_out(*, participant: Participant, entry: SocialMapEntry, broker, reason: str, on=None):
    """Refer a participant to an entry of the social map, with a follow-up task."""

    if entry.area_id != participant.area_id:
        raise OrganisationError(_("Dit item hoort niet bij dit werkgebied."), field="entry")
    return record_referral(
        participant=participant,
        broker=broker,
        organisation=entry.name,
        contact=entry.how_to_reach[:120],
        reason=reason,
        follow_up_on=on or clock.today() + dt.timedelta(days=14),
    )


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
