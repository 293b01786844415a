"""Follow-up of a running match: the broker's follow-up tasks on the dates of the area's
schedule, the "Hoe gaat het?" check-in emails with one-click answers, a participant's
request to stop or to be called, and the matches that need the broker's attention."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.i18n import in_language, language_of, site_language
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import create_task

from .models import CheckIn, Flag, Mediation
from .services import MediationError, _event, next_follow_up_on

S = Mediation.Status
CHECK_IN_SALT = "tijdvoorelkaar.mediations.check-in"
CHECK_IN_MAX_AGE = dt.timedelta(days=30)


def _preferred_brokers(mediation: Mediation) -> tuple:
    """Who should get a task about this mediation, first choice first (the rest is the
    one rule of tasks.services.assignee_for)."""
    return (
        mediation.broker,
        mediation.requester.assigned_broker,
        mediation.provider.assigned_broker,
    )


def check_in_token(check_in: CheckIn) -> str:
    return signing.dumps({"c": check_in.pk}, salt=CHECK_IN_SALT, compress=True)


def check_in_link(check_in: CheckIn, answer: str, base_url: str) -> str:
    return base_url.rstrip("/") + reverse(
        "mediations:check_in", args=[check_in.mediation.area.slug, check_in_token(check_in), answer]
    )


def send_check_ins(mediation: Mediation, *, base_url: str | None = None) -> list[CheckIn]:
    """Email "Hoe gaat het met jullie contact?" to each side that has an email address."""
    base_url = base_url or settings.SITE_URL
    sent = []
    for person in (mediation.requester, mediation.provider):
        if not person.user.email:
            continue
        check_in = CheckIn.objects.create(
            mediation=mediation, participant=person, sent_at=clock.now()
        )
        other = mediation.provider if person.pk == mediation.requester_id else mediation.requester
        language = language_of(person.user)
        with in_language(language):
            subject = _("Hoe gaat het met jullie contact?")
            links = [
                (str(label), check_in_link(check_in, value, base_url))
                for value, label in CheckIn.Answer.choices
            ]
        queue_email(
            person.user.email,
            subject,
            "mediations/email/check_in",
            {
                "person": person,
                "other": other,
                "links": links,
                "days": CHECK_IN_MAX_AGE.days,
            },
            area=mediation.area,
            language=language,
        )
        sent.append(check_in)
    return sent


def run_follow_ups(*, base_url: str | None = None) -> int:
    """Create a follow-up task for every running match whose follow-up date has come,
    email the check-in question to both sides, and set the next date. Idempotent per
    date. Returns the number of mediations followed up."""
    today = clock.today()
    due = Mediation.objects.filter(status=S.RUNNING, next_follow_up_on__lte=today).select_related(
        "area", "requester__user", "provider__user", "broker"
    )
    count = 0
    for mediation in due:
        with transaction.atomic():
            locked = Mediation.objects.select_for_update().get(pk=mediation.pk)
            if locked.next_follow_up_on is None or locked.next_follow_up_on > today:
                continue
            with site_language():
                title = _(
                    "Nazorg: bel %(requester)s en %(provider)s hoe het gaat "
                    "(bemiddeling #%(number)s)"
                ) % {
                    "requester": mediation.requester.public_name,
                    "provider": mediation.provider.public_name,
                    "number": mediation.pk,
                }
            create_task(
                area=mediation.area,
                preferred=_preferred_brokers(mediation),
                participant=mediation.requester,
                mediation=mediation,
                title=title,
                due_on=locked.next_follow_up_on,
                source=Task.Source.FOLLOW_UP,
                phone_call=True,
            )
            send_check_ins(mediation, base_url=base_url)
            locked.follow_ups_done += 1
            locked.next_follow_up_on = next_follow_up_on(
                mediation.area,
                locked.reached_active_on or locked.started_on,
                locked.follow_ups_done,
            )
            locked.save(update_fields=["follow_ups_done", "next_follow_up_on"])
            with site_language():
                note = _("nazorgmoment %(number)s") % {"number": locked.follow_ups_done}
            _event(locked, None, "nazorg", note=note)
            count += 1
    return count


def check_in_from_token(token: str) -> CheckIn:
    try:
        data = signing.loads(token, salt=CHECK_IN_SALT, max_age=CHECK_IN_MAX_AGE.total_seconds())
    except signing.SignatureExpired as exc:
        raise MediationError(_("Deze link is verlopen. Bel gerust de sociaal makelaar.")) from exc
    except signing.BadSignature as exc:
        raise MediationError(
            _("Deze link klopt niet. Gebruik de link uit de e-mail, of bel de sociaal makelaar.")
        ) from exc
    check_in = (
        CheckIn.objects.select_related("mediation__area", "participant")
        .filter(pk=data.get("c"))
        .first()
    )
    if check_in is None:
        raise MediationError(_("Deze link klopt niet meer."))
    return check_in


def check_answer(check_in: CheckIn, answer: str) -> None:
    """Refuse an answer the link cannot give (unknown, or the contact has ended)."""
    if answer not in CheckIn.Answer.values:
        raise MediationError(_("Dit antwoord kennen we niet."))
    if check_in.mediation.status in Mediation.ENDED_STATUSES:
        raise MediationError(_("Dit contact is al afgesloten. Bel gerust de sociaal makelaar."))


@transaction.atomic
def answer_check_in(check_in: CheckIn, answer: str) -> CheckIn:
    """Record the answer (the button on the check-in page, a POST; opening the link
    records nothing). The same answer twice is recorded once."""
    check_in = CheckIn.objects.select_for_update().select_related("mediation").get(pk=check_in.pk)
    check_answer(check_in, answer)
    if check_in.answer == answer:
        return check_in
    check_in.answer = answer
    check_in.answered_at = clock.now()
    check_in.seen_at = None
    check_in.save(update_fields=["answer", "answered_at", "seen_at"])
    with site_language():
        answer_label = str(check_in.get_answer_display())
    _event(
        check_in.mediation,
        check_in.participant.user,
        "antwoord nazorg",
        note=f"{check_in.participant.public_name}: {answer_label}",
    )
    if answer == CheckIn.Answer.WANT_TO_STOP:
        request_stop(check_in.mediation, check_in.participant)
    return check_in


def mark_check_in_seen(check_in: CheckIn, *, actor) -> None:
    check_in.seen_at = clock.now()
    check_in.save(update_fields=["seen_at"])


@transaction.atomic
def request_stop(mediation: Mediation, participant: Participant) -> Mediation:
    """A participant asks to stop (from their page or a check-in): the broker is alerted."""
    if participant.pk not in (mediation.requester_id, mediation.provider_id):
        raise MediationError(_("U hoort niet bij dit contact."))
    if mediation.status in Mediation.ENDED_STATUSES:
        raise MediationError(_("Dit contact is al afgesloten."))
    if mediation.stop_requested_at is None:
        mediation.stop_requested_at = clock.now()
        mediation.save(update_fields=["stop_requested_at"])
        _event(mediation, participant.user, "wil stoppen", note=participant.public_name)
        with site_language():
            title = _(
                "%(name)s wil stoppen met contact (bemiddeling #%(number)s): bel en sluit goed af"
            ) % {"name": participant.public_name, "number": mediation.pk}
        create_task(
            area=mediation.area,
            preferred=_preferred_brokers(mediation),
            participant=participant,
            mediation=mediation,
            title=title,
            due_on=clock.today(),
            source=Task.Source.FOLLOW_UP,
            phone_call=True,
        )
    return mediation


def ask_broker_to_call(participant: Participant, *, message: str = ""):
    """The "bel of mail mijn makelaar" button: a task for the participant's broker."""
    with site_language():
        title = _("%(name)s vraagt: bel of mail mij") % {"name": participant.public_name}
    if message.strip():
        title += f" ({message.strip()[:120]})"
    task = create_task(
        area=participant.area,
        preferred=(participant.assigned_broker,),
        participant=participant,
        title=title,
        due_on=clock.today(),
        source=Task.Source.FOLLOW_UP,
        phone_call=True,
    )
    if task is None:
        raise MediationError(
            _("Er is nog geen sociaal makelaar in dit werkgebied. Probeer het later opnieuw.")
        )
    return task


def attention_needed(area: Area):
    """For the dashboard: unseen check-in answers other than "goed", open flags, stop
    requests, and matches whose follow-up date has passed."""
    today = clock.today()
    return {
        "check_ins": CheckIn.objects.filter(
            mediation__area=area,
            answered_at__isnull=False,
            seen_at__isnull=True,
        )
        .exclude(answer=CheckIn.Answer.GOOD)
        .select_related("mediation", "participant"),
        "flags": Flag.objects.filter(mediation__area=area, resolved_at__isnull=True).select_related(
            "mediation"
        ),
        "stop_requests": Mediation.objects.filter(
            area=area, stop_requested_at__isnull=False, status__in=Mediation.OPEN_STATUSES
        ),
        "follow_up_due": Mediation.objects.filter(
            area=area, status=S.RUNNING, next_follow_up_on__lte=today
        ),
    }
