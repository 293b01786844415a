"""Making and finishing tasks, and the one rule for who gets a task."""

import datetime as dt

from django.utils.translation import gettext as _

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.access import is_staff_in
from tijdvoorelkaar.core.errors import ServiceError

from .models import Task


class TaskError(ServiceError):
    """A task that cannot be made; the message is for the user."""


def assignee_for(area, *preferred):
    """Who gets a task in `area`: the first of `preferred` (e.g. the mediation's broker,
    the participant's own broker, the broker who is acting) who is still a broker or
    coordinator of the area; else the area's first broker; else its first coordinator;
    None when the area has no staff at all."""
    for user in preferred:
        if user is not None and user.is_active and is_staff_in(user, area):
            return user
    broker = User.objects.brokers_of(area).first()
    if broker is not None:
        return broker
    return (
        User.objects.filter(roles__area=area, roles__kind=Role.Kind.COORDINATOR, is_active=True)
        .order_by("pk")
        .first()
    )


def create_task(
    *,
    area,
    title: str,
    due_on: dt.date,
    assignee=None,
    preferred=(),
    created_by=None,
    participant=None,
    mediation=None,
    concern=None,
    referral=None,
    incoming_referral=None,
    signal=None,
    source: str = Task.Source.MANUAL,
    phone_call: bool = False,
) -> Task | None:
    """A task about `participant` (and the mediation, concern, referral or signal it is
    about). A named `assignee` must be staff of the area; without one, `assignee_for`
    chooses (from `preferred` first). `phone_call` marks a task that asks the broker to
    phone the participant (and both sides of the mediation): the task list shows their
    numbers. Returns None only when the area has no staff."""
    title = (title or "").strip()
    if not title:
        raise TaskError(_("Schrijf op wat er moet gebeuren."), field="title")
    if participant is not None and participant.area_id != area.pk:
        raise TaskError(_("Deze deelnemer hoort niet bij dit werkgebied."))
    if assignee is not None:
        if not is_staff_in(assignee, area):
            raise TaskError(
                _("Een taak kan alleen naar een medewerker van dit werkgebied."), field="assignee"
            )
    else:
        assignee = assignee_for(area, *preferred)
        if assignee is None:
            return None
    return Task.objects.create(
        area=area,
        assignee=assignee,
        participant=participant,
        mediation=mediation,
        concern=concern,
        referral=referral,
        incoming_referral=incoming_referral,
        title=title[:200],
        due_on=due_on,
        source=source,
        phone_call=phone_call,
        signal=signal,
        created_by=created_by,
        created_at=clock.now(),
    )


def complete_task(task: Task, user) -> Task:
    if task.done_at is None:
        task.done_at = clock.now()
        task.done_by = user
        task.save(update_fields=["done_at", "done_by"])
    return task
