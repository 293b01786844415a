"""Mediation rules: proposing, agreeing, following up and ending a match well.

Every change is written to MediationEvent (who, when, from which status to which).
Brokers never delete a mediation; they end it with a coded reason. A coordinator can
correct fields with a logged reason."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.i18n import in_language, language_of, site_language
from tijdvoorelkaar.marketplace.models import Ad, Conversation
from tijdvoorelkaar.participants.models import Participant, Stage

from . import figures
from .models import Agreement, Cancellation, Flag, Mediation, MediationEvent

S = Mediation.Status
NO_SHOW_THRESHOLD = 2


class MediationError(ServiceError):
    """A request about a mediation that cannot be carried out; the message is for the
    person who asked (translated)."""


def _event(mediation: Mediation, actor, kind: str, *, before: str = "", note: str = "") -> None:
    MediationEvent.objects.create(
        mediation=mediation,
        at=clock.now(),
        actor=actor,
        kind=kind,
        from_status=before,
        to_status=mediation.status if before else "",
        note=note[:500],
    )


def _set_status(mediation: Mediation, status: str, actor, kind: str, note: str = "") -> None:
    before = mediation.status
    mediation.status = status
    if status == S.RUNNING and mediation.reached_active_on is None:
        mediation.reached_active_on = clock.today()
        mediation.next_follow_up_on = next_follow_up_on(mediation.area, clock.today(), 0)
    mediation.save()
    figures.recount(mediation.area_id, [mediation.started_on])
    _event(mediation, actor, kind, before=before, note=note)


def _advance_stage(participant: Participant, stage: str) -> None:
    """Move a participant's routing stage forward (never backwards automatically)."""
    order = list(Stage.values)
    if participant.routing_stage in (Stage.STOPPED,):
        return
    if order.index(stage) > order.index(participant.routing_stage):
        participant.routing_stage = stage
        participant.save(update_fields=["routing_stage"])


def follow_up_offsets(area: Area) -> list[int]:
    days = []
    for part in (area.follow_up_days or "").split(","):
        part = part.strip()
        if part.isdigit() and int(part) > 0:
            days.append(int(part))
    return sorted(days) or [14, 91]


def next_follow_up_on(area: Area, started: dt.date, done: int) -> dt.date:
    """The date of follow-up number `done` (0-based) for a match that started on
    `started`: the area's offsets first (default two weeks, three months), then every
    `follow_up_repeat_days` (default six months) while it runs."""
    offsets = follow_up_offsets(area)
    if done < len(offsets):
        return started + dt.timedelta(days=offsets[done])
    extra = done - len(offsets) + 1
    return started + dt.timedelta(days=offsets[-1] + extra * area.follow_up_repeat_days)


def _check_pair(area: Area, requester: Participant, provider: Participant) -> None:
    if requester.pk == provider.pk:
        raise MediationError(
            _("Iemand kan niet aan zichzelf gekoppeld worden. Kies twee verschillende deelnemers.")
        )
    for person in (requester, provider):
        if person.area_id != area.pk:
            raise MediationError(_("Beide deelnemers moeten bij dit werkgebied horen."))
        if is_paused(person):
            raise MediationError(
                _("%(name)s staat op pauze of is gestopt en kan nu niet voorgesteld worden.")
                % {"name": person.public_name}
            )


def is_paused(participant: Participant) -> bool:
    if participant.routing_stage == Stage.STOPPED:
        return True
    until = getattr(participant, "paused_until", None)
    return until is not None and until >= clock.today()


@transaction.atomic
def record_self_made(
    *, conversation, requester: Participant, provider: Participant, ad, actor
) -> Mediation:
    """Both sides of a marketplace conversation said "We gaan het doen": a match made
    without the broker (broker_supported = False), running from today."""
    mediation = Mediation.objects.create(
        area_id=conversation.area_id,
        requester=requester,
        provider=provider,
        ad=ad,
        category_id=ad.category_id if ad else None,
        conversation=conversation,
        broker_supported=False,
        started_on=clock.today(),
        created_by=actor,
        requester_answer=Mediation.Answer.YES,
        provider_answer=Mediation.Answer.YES,
        broker=requester.assigned_broker or provider.assigned_broker,
    )
    with site_language():
        note = _("zelf gemaakt via de marktplaats")
    _event(mediation, actor, "aangemaakt", note=note)
    _set_status(mediation, S.RUNNING, actor, "koppeling")
    for person in (requester, provider):
        _advance_stage(person, Stage.MATCHED)
    return mediation


@transaction.atomic
def confirm_going_ahead(conversation: Conversation, participant: Participant):
    """One side clicks "We gaan het doen". When both have, a self-made mediation is
    recorded once. Returns the mediation when it exists."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    now = clock.now()
    if participant.pk == conversation.initiator_id:
        conversation.initiator_confirmed_at = conversation.initiator_confirmed_at or now
    elif participant.pk == conversation.owner_id:
        conversation.owner_confirmed_at = conversation.owner_confirmed_at or now
    else:
        raise MediationError(_("U doet niet mee aan dit gesprek."))
    conversation.save(update_fields=["initiator_confirmed_at", "owner_confirmed_at"])
    if not (conversation.initiator_confirmed_at and conversation.owner_confirmed_at):
        return None
    existing = Mediation.objects.filter(conversation=conversation).first()
    if existing is not None:
        return existing
    ad = conversation.ad
    if ad.kind == Ad.Kind.OFFER:
        requester, provider = conversation.initiator, conversation.owner
    else:
        requester, provider = conversation.owner, conversation.initiator
    mediation = record_self_made(
        conversation=conversation,
        requester=requester,
        provider=provider,
        ad=ad,
        actor=participant.user,
    )
    if ad.organisation_id is not None:
        # A vacancy taken up: a volunteer placement, counted apart from mediations.
        Mediation.objects.filter(pk=mediation.pk).update(organisation_id=ad.organisation_id)
        mediation.organisation_id = ad.organisation_id
        figures.recount(mediation.area_id, [mediation.started_on])
    if ad.kind == Ad.Kind.REQUEST and ad.status == Ad.Status.OPEN:
        ad.status = Ad.Status.IN_TALKS
        ad.save(update_fields=["status", "updated_at"])
    return mediation


@transaction.atomic
def propose(
    *, area: Area, broker, requester: Participant, provider: Participant, ad=None, note: str = ""
) -> Mediation:
    """The broker proposes two people to each other. Nothing is matched until both say yes."""
    _check_pair(area, requester, provider)
    if ad is not None and ad.area_id != area.pk:
        raise MediationError(_("Deze advertentie hoort niet bij dit werkgebied."))
    duplicate = Mediation.objects.filter(
        area=area, requester=requester, provider=provider, status__in=Mediation.OPEN_STATUSES
    ).first()
    if duplicate is not None:
        raise MediationError(
            _("Deze twee hebben al een lopende bemiddeling (#%(number)s).")
            % {"number": duplicate.pk}
        )
    mediation = Mediation.objects.create(
        area=area,
        requester=requester,
        provider=provider,
        ad=ad,
        category_id=ad.category_id if ad else None,
        broker_supported=True,
        broker=broker,
        started_on=clock.today(),
        created_by=broker,
        status=S.PROPOSED,
    )
    figures.recount(area.pk, [mediation.started_on])
    _event(mediation, broker, "voorgesteld", note=note)
    for person in (requester, provider):
        _advance_stage(person, Stage.MEDIATING)
    return mediation


def proposal_texts(mediation: Mediation) -> dict[str, dict[str, str]]:
    """Ready texts for each side, for email, letter and phone, in that person's language
    (`language_of`: the one they read the site in, Dutch when they never chose): "language"
    names it. When it is not the broker's, "broker_email" and "broker_phone" hold the same
    texts in the broker's language, so the broker knows what they send."""
    broker_language = translation.get_language()
    texts = {}
    for side, me, other in (
        ("requester", mediation.requester, mediation.provider),
        ("provider", mediation.provider, mediation.requester),
    ):
        language = language_of(me.user)
        with in_language(language):
            email, phone = _proposal_text(mediation, side, me, other)
        texts[side] = {
            "email": email,
            "letter": email,
            "phone": phone,
            "language": language,
            "language_name": dict(settings.LANGUAGES).get(language, language),
        }
        if language != broker_language:
            texts[side]["broker_email"], texts[side]["broker_phone"] = _proposal_text(
                mediation, side, me, other
            )
    return texts


def _proposal_text(
    mediation: Mediation, side: str, me: Participant, other: Participant
) -> tuple[str, str]:
    """(email or letter, phone) for `me`, in the active language."""
    what = mediation.ad.title if mediation.ad else _("een klus of wat gezelschap")
    broker = mediation.broker.first_name if mediation.broker else _("de sociaal makelaar")
    if side == "requester":
        # Translators: said of the other person ("Piet ... wil u graag helpen").
        role = _("wil u graag helpen")
    else:
        # Translators: said of the other person ("Piet ... kan uw hulp goed gebruiken").
        role = _("kan uw hulp goed gebruiken")
    who = other.public_name
    if other.neighbourhood:
        who = _("%(name)s uit %(neighbourhood)s") % {
            "name": who,
            "neighbourhood": other.neighbourhood.name,
        }
    body = _(
        "Beste %(name)s,\n\n"
        "Via TijdVoorElkaar ken ik iemand die u misschien kan helpen, of die u kunt "
        "helpen: %(other)s %(role)s. Het gaat om: %(what)s.\n\n"
        "Lijkt het u wat om kennis te maken? Ik kom graag mee naar de eerste ontmoeting. "
        "Dan spreken we samen af wat jullie doen, hoe vaak en hoe lang. U zit nergens "
        "aan vast: ook als u nee zegt, is dat goed.\n\n"
        "Met vriendelijke groet,\n%(broker)s, sociaal makelaar TijdVoorElkaar %(area)s"
    ) % {
        "name": me.public_name,
        "other": who,
        "role": role,
        "what": what,
        "broker": broker,
        "area": mediation.area.name,
    }
    phone = _(
        "Goedendag, u spreekt met %(broker)s van TijdVoorElkaar. Ik bel over %(what)s. "
        "Ik ken %(other)s, die %(role)s. Zou u kennis willen maken? Ik ga mee naar de "
        "eerste ontmoeting en we maken samen afspraken. Nee zeggen mag ook."
    ) % {"broker": broker, "what": what, "other": other.public_name, "role": role}
    return body, phone


@transaction.atomic
def record_answer(mediation: Mediation, *, side: str, answer: str, actor) -> Mediation:
    mediation = Mediation.objects.select_for_update().get(pk=mediation.pk)
    if not mediation.may("answer"):
        raise MediationError(_("Antwoorden kunnen alleen bij een voorstel worden vastgelegd."))
    if answer not in (Mediation.Answer.YES, Mediation.Answer.NO):
        raise MediationError(_("Kies ja of nee."))
    if side == "requester":
        mediation.requester_answer = answer
    elif side == "provider":
        mediation.provider_answer = answer
    else:
        raise MediationError(_("Onbekende kant van de bemiddeling."))
    mediation.save()
    who = mediation.requester if side == "requester" else mediation.provider
    _event(mediation, actor, "antwoord", note=f"{who.public_name}: {answer}")
    if answer == Mediation.Answer.NO:
        with site_language():
            reason_text = _("%(name)s zei nee op het voorstel") % {"name": who.public_name}
        _end(mediation, actor=actor, reason=Mediation.EndReason.OTHER, reason_text=reason_text)
    return mediation


@transaction.atomic
def plan_introduction(mediation: Mediation, *, on: dt.date, actor) -> Mediation:
    if mediation.status not in mediation.ACTION_STATUSES["plan_introduction"]:
        raise MediationError(_("Een kennismaking plannen kan alleen na een voorstel."))
    if not mediation.both_agreed:
        raise MediationError(_("Eerst moeten beide deelnemers ja zeggen op het voorstel."))
    if on < clock.today() - dt.timedelta(days=30):
        raise MediationError(_("Die datum ligt te ver in het verleden."))
    mediation.intro_planned_on = on
    _set_status(mediation, S.INTRO_PLANNED, actor, "kennismaking gepland", note=str(on))
    return mediation


@transaction.atomic
def record_introduction(
    mediation: Mediation, *, actor, agreement: dict, goes_ahead: bool = True
) -> Mediation:
    """The introduction took place; record the agreement. When both want to go ahead the
    mediation becomes a running match and the follow-up schedule starts."""
    if mediation.status not in mediation.ACTION_STATUSES["record_introduction"]:
        raise MediationError(
            _("Bij deze bemiddeling kan geen kennismaking meer worden vastgelegd.")
        )
    if not mediation.both_agreed:
        raise MediationError(_("Eerst moeten beide deelnemers ja zeggen op het voorstel."))
    ends, starts = agreement.get("ends_on"), agreement["starts_on"]
    if ends and ends < starts:
        raise MediationError(_("De einddatum ligt vóór de startdatum."))
    Agreement.objects.update_or_create(
        mediation=mediation,
        defaults={**agreement, "recorded_by": actor, "recorded_at": clock.now()},
    )
    _set_status(mediation, S.INTRO_HELD, actor, "kennismaking gehad")
    if goes_ahead:
        _set_status(mediation, S.RUNNING, actor, "koppeling")
        for person in (mediation.requester, mediation.provider):
            _advance_stage(person, Stage.MATCHED)
    return mediation


@transaction.atomic
def start(mediation: Mediation, *, actor) -> Mediation:
    if not mediation.may("start"):
        raise MediationError(_("Alleen na een kennismaking kan de koppeling starten."))
    _set_status(mediation, S.RUNNING, actor, "koppeling")
    return mediation


@transaction.atomic
def pause(mediation: Mediation, *, actor, note: str = "") -> Mediation:
    if not mediation.may("pause"):
        raise MediationError(_("Alleen een lopende koppeling kan gepauzeerd worden."))
    _set_status(mediation, S.PAUSED, actor, "gepauzeerd", note=note)
    return mediation


@transaction.atomic
def resume(mediation: Mediation, *, actor) -> Mediation:
    if not mediation.may("resume"):
        raise MediationError(_("Deze koppeling is niet gepauzeerd."))
    _set_status(mediation, S.RUNNING, actor, "hervat")
    return mediation


def _end(
    mediation: Mediation,
    *,
    actor,
    reason: str,
    reason_text: str = "",
    key_returned: bool = False,
    both_told: bool = False,
    thanks_said: bool = False,
) -> None:
    mediation.end_reason = reason
    mediation.end_reason_text = reason_text.strip()[:300]
    mediation.ended_on = clock.today()
    mediation.key_returned, mediation.both_told = key_returned, both_told
    mediation.thanks_said = thanks_said
    mediation.next_follow_up_on = None
    final = S.COMPLETED if mediation.reached_active_on else S.CANCELLED
    _set_status(mediation, final, actor, "beëindigd", note=reason)
    Flag.objects.filter(mediation=mediation, resolved_at__isnull=True).update(
        resolved_at=clock.now(), resolved_by=actor
    )


@transaction.atomic
def end(
    mediation: Mediation,
    *,
    actor,
    reason: str,
    reason_text: str = "",
    key_returned: bool = False,
    both_told: bool = False,
    thanks_said: bool = False,
) -> Mediation:
    """End a mediation with a coded reason and the closing checklist."""
    mediation = Mediation.objects.select_for_update().get(pk=mediation.pk)
    if not mediation.may("end"):
        raise MediationError(_("Deze bemiddeling is al beëindigd."))
    if reason not in Mediation.EndReason.values:
        raise MediationError(_("Kies een reden om te stoppen."))
    if reason == Mediation.EndReason.OTHER and not reason_text.strip():
        raise MediationError(_("Bij 'anders': schrijf kort op wat de reden is."))
    agreement = Agreement.objects.filter(mediation=mediation).first()
    if agreement and agreement.helper_holds_key and not key_returned:
        raise MediationError(
            _("De helper had een sleutel. Vink aan dat de sleutel terug is voordat u afsluit."),
            field="key_returned",
        )
    _end(
        mediation,
        actor=actor,
        reason=reason,
        reason_text=reason_text,
        key_returned=key_returned,
        both_told=both_told,
        thanks_said=thanks_said,
    )
    if reason == Mediation.EndReason.INDEPENDENT:
        for person in (mediation.requester, mediation.provider):
            _advance_stage(person, Stage.INDEPENDENT)
    return mediation


CORRECTABLE = (
    "status",
    "started_on",
    "reached_active_on",
    "ended_on",
    "end_reason",
    "broker_supported",
)


@transaction.atomic
def correct(mediation: Mediation, *, coordinator, changes: dict, reason: str) -> Mediation:
    """A coordinator corrects a mistake; every changed field and the reason are logged."""
    if not reason.strip():
        raise MediationError(_("Schrijf op waarom u dit corrigeert."))
    changed = []
    started_before = mediation.started_on
    for field, value in changes.items():
        if field not in CORRECTABLE:
            raise MediationError(_("'%(field)s' kan niet gecorrigeerd worden.") % {"field": field})
        old = getattr(mediation, field)
        if old != value:
            setattr(mediation, field, value)
            changed.append(f"{field}: {old} -> {value}")
    if not changed:
        raise MediationError(_("Er is niets veranderd."))
    mediation.save()
    figures.recount(mediation.area_id, [started_before, mediation.started_on])
    _event(mediation, coordinator, "correctie", note=f"{reason.strip()} ({'; '.join(changed)})")
    audit.record(
        coordinator,
        "mediation.correct",
        mediation,
        area=mediation.area,
        detail=", ".join(f.split(":")[0] for f in changed),
    )
    return mediation


@transaction.atomic
def raise_flag(mediation: Mediation, *, kind: str, actor=None, note: str = "") -> Flag:
    """A broker's (or, with actor None, the system's) worry about a mediation."""
    if kind not in Flag.Kind.values:
        raise MediationError(_("Onbekend soort signaal."))
    if actor is not None and not mediation.may("raise_flag"):
        raise MediationError(_("Een signaal hoort bij een geplande of lopende koppeling."))
    existing = Flag.objects.filter(mediation=mediation, kind=kind, resolved_at__isnull=True).first()
    if existing is not None:
        return existing
    flag = Flag.objects.create(
        mediation=mediation, kind=kind, note=note[:500], raised_by=actor, raised_at=clock.now()
    )
    with site_language():
        note = str(flag.get_kind_display())
    _event(mediation, actor, "signaal", note=note)
    return flag


def resolve_flag(flag: Flag, *, actor) -> Flag:
    if flag.resolved_at is None:
        flag.resolved_at, flag.resolved_by = clock.now(), actor
        flag.save(update_fields=["resolved_at", "resolved_by"])
        with site_language():
            note = str(flag.get_kind_display())
        _event(flag.mediation, actor, "signaal opgelost", note=note)
    return flag


@transaction.atomic
def log_cancellation(
    mediation: Mediation, *, by_requester: bool, on: dt.date, actor, note: str = ""
) -> Cancellation:
    """One side called off a meeting. From the second one on the system raises a flag."""
    if not mediation.may("log_cancellation"):
        raise MediationError(_("Afzeggingen horen bij een geplande of lopende koppeling."))
    cancellation = Cancellation.objects.create(
        mediation=mediation,
        by_requester=by_requester,
        on=on,
        note=note[:300],
        logged_by=actor,
        logged_at=clock.now(),
    )
    _event(mediation, actor, "afzegging", note=note)
    if mediation.cancellations.count() >= NO_SHOW_THRESHOLD:
        with site_language():
            note = _("%(count)s keer afgezegd of niet gekomen") % {
                "count": mediation.cancellations.count()
            }
        raise_flag(mediation, kind=Flag.Kind.NO_SHOWS, note=note)
    return cancellation


def running_matches_count(participant: Participant) -> int:
    return Mediation.objects.filter(
        Q(requester=participant) | Q(provider=participant), status=S.RUNNING
    ).count()


def status_counts(area: Area) -> dict[str, int]:
    rows = Mediation.objects.filter(area=area).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}
