"""Handing participants over to another broker of the area: one or a whole caseload."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.i18n import in_language, language_of, site_language
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import create_task

from .services import WorkspaceError


def _check_broker(area: Area, user) -> None:
    if user is None or not User.objects.brokers_of(area).filter(pk=user.pk).exists():
        raise WorkspaceError(_("Kies een sociaal makelaar van dit werkgebied."), field="to_broker")


@transaction.atomic
def hand_over(*, participants, to_broker, by, base_url: str | None = None) -> int:
    """Move participants (and their open tasks) to another broker of the area. Those we
    can email hear who their new broker is; for the others the new broker gets a task to
    introduce themselves. Returns how many were handed over."""
    participants = list(participants)
    if not participants:
        raise WorkspaceError(_("Er is niemand om over te dragen."))
    area = participants[0].area
    _check_broker(area, to_broker)
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    count = 0
    for participant in participants:
        if participant.area_id != area.pk:
            raise WorkspaceError(_("Deze deelnemer hoort niet bij dit werkgebied."))
        if participant.assigned_broker_id == to_broker.pk:
            continue
        participant.assigned_broker = to_broker
        participant.save(update_fields=["assigned_broker"])
        Task.objects.filter(participant=participant, done_at__isnull=True).update(
            assignee=to_broker
        )
        audit.record(
            by, "handover", participant, area=area, detail=f"naar gebruiker {to_broker.pk}"
        )
        if participant.user.email:
            language = language_of(participant.user)
            with in_language(language):
                subject = _("Uw sociaal makelaar bij TijdVoorElkaar %(area)s") % {"area": area.name}
            queue_email(
                participant.user.email,
                subject,
                "workspace/email/handover",
                {
                    "participant": participant,
                    "broker": to_broker,
                    "link": base_url + reverse("pages:area_home", args=[area.slug]),
                },
                area=area,
                language=language,
            )
        else:
            with site_language():
                title = _("Stel uzelf voor als nieuwe makelaar aan %(name)s") % {
                    "name": participant.user.full_name
                }
            create_task(
                area=area,
                assignee=to_broker,
                title=title,
                due_on=clock.today() + dt.timedelta(days=7),
                created_by=by,
                participant=participant,
                source=Task.Source.HANDOVER,
            )
        count += 1
    return count


def hand_over_caseload(
    *, area: Area, from_broker, to_broker, by, base_url: str | None = None
) -> int:
    if from_broker is not None and to_broker is not None and from_broker.pk == to_broker.pk:
        raise WorkspaceError(
            _("Kies een andere makelaar om aan over te dragen."), field="to_broker"
        )
    caseload = Participant.objects.filter(area=area, assigned_broker=from_broker).select_related(
        "user", "area"
    )
    return hand_over(participants=caseload, to_broker=to_broker, by=by, base_url=base_url)
