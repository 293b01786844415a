"""What the broker's day starts with: the stages of the registry, new sign-ups to
welcome, and the morning email with the tasks due."""

import datetime as dt

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.access import is_staff_in
from tijdvoorelkaar.core.i18n import in_language, language_of, staff_language
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.participants.models import Participant, Stage
from tijdvoorelkaar.tasks.models import Task


def stage_counts(area: Area) -> list[tuple[str, str, int]]:
    """(value, label, count) per routing stage, counted in the database."""
    counts = dict(
        Participant.objects.filter(area=area)
        .values_list("routing_stage")
        .annotate(n=Count("id"))
        .values_list("routing_stage", "n")
    )
    return [(value, label, counts.get(value, 0)) for value, label in Stage.choices]


def new_sign_ups(area: Area):
    """Participants who signed up themselves and have not had a kennismaking yet."""
    return (
        Participant.objects.filter(area=area, routing_stage=Stage.SIGNED_UP)
        .select_related("user", "neighbourhood")
        .order_by("-registered_on", "-id")
    )


def send_morning_digest(*, today: dt.date | None = None, base_url: str | None = None) -> int:
    """Email each broker their open tasks due today or earlier, one email per area.
    Returns how many emails were queued."""
    today = today or clock.today()
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    due = (
        Task.objects.filter(
            done_at__isnull=True,
            due_on__lte=today,
            assignee__is_active=True,
            assignee__email__isnull=False,
        )
        .select_related("area", "assignee", "participant__user")
        .order_by("assignee_id", "area_id", "due_on", "id")
    )
    groups: dict[tuple[int, int], list[Task]] = {}
    for task in due:
        groups.setdefault((task.assignee_id, task.area_id), []).append(task)
    sent = 0
    for tasks in groups.values():
        first = tasks[0]
        if not is_staff_in(first.assignee, first.area):
            continue
        language = staff_language(language_of(first.assignee))
        with in_language(language):
            subject = _("Uw taken voor vandaag (%(count)s) – TijdVoorElkaar %(area)s") % {
                "count": len(tasks),
                "area": first.area.name,
            }
        queue_email(
            first.assignee.email,
            subject,
            "workspace/email/morning_digest",
            {
                "broker": first.assignee,
                "today": today,
                "tasks_today": [t for t in tasks if t.due_on == today],
                "tasks_overdue": [t for t in tasks if t.due_on < today],
                "link": base_url + reverse("workspace:dashboard", args=[first.area.slug]),
            },
            area=first.area,
            language=language,
        )
        sent += 1
    return sent
