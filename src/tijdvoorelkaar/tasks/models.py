"""Tasks: a due-dated job for one broker (or coordinator), made by hand or by the system.

A task points at what it is about with real foreign keys: the participant, a mediation,
a worry (concern), a referral onward or a referral in, a signal of the site. Those models
live in apps above this one; they are named here by their model name (Django's lazy
references), so this app imports none of them. The apps above create tasks through
tasks.services.create_task."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.access import is_staff_in


class TaskQuerySet(models.QuerySet):
    def visible_to(self, user, area):
        """Tasks of `area` the user may see: all of the area's tasks for its staff."""
        qs = self.filter(area=area)
        if not is_staff_in(user, area):
            return qs.none()
        return qs.select_related(
            "participant__user",
            "assignee",
            "mediation__requester__user",
            "mediation__provider__user",
        )

    def open(self, *, until=None):
        """Not done yet (and due on or before `until`, when given), soonest first."""
        qs = self.filter(done_at__isnull=True)
        if until is not None:
            qs = qs.filter(due_on__lte=until)
        return qs.order_by("due_on", "id")


class Task(models.Model):
    """A due-dated task for one broker, made by hand or by the system."""

    class Source(models.TextChoices):
        MANUAL = "hand", _("zelf gemaakt")
        CALL_BACK = "terugbellen", _("terugbelafspraak")
        SIGNAL = "signaal", _("signaal van de site")
        CONCERN = "zorg", _("zorgsignaal")
        REFERRAL = "doorverwijzing", _("doorverwijzing")
        HANDOVER = "overdracht", _("overdracht")
        FOLLOW_UP = "nazorg", _("nazorg")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workspace_tasks"
    )
    participant = models.ForeignKey(
        "participants.Participant",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    mediation = models.ForeignKey(
        "mediations.Mediation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    concern = models.ForeignKey(
        "workspace.Concern", null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    referral = models.ForeignKey(
        "workspace.ReferralOut",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    incoming_referral = models.ForeignKey(
        "organisations.IncomingReferral",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    title = models.CharField(_("wat moet er gebeuren"), max_length=200)
    due_on = models.DateField(_("uiterlijk op"))
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL)
    # The task asks the broker to phone someone ("Bel Gerda terug", a follow-up call): the
    # task list then shows the number, read from the participant when it is shown.
    phone_call = models.BooleanField(_("telefoontaak"), default=False)
    signal = models.ForeignKey(
        "marketplace.Signal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = TaskQuerySet.as_manager()

    class Meta:
        # The table keeps the name it had when tasks lived in the workspace app.
        db_table = "workspace_task"
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["area", "assignee", "done_at", "due_on"], name="task_open_due")
        ]

    def __str__(self) -> str:
        return self.title

    def people_to_call(self) -> list:
        """Whom a phone task asks to call: its participant and, for a task about a
        mediation, both sides of it (its participant first). Empty for other tasks."""
        if not self.phone_call:
            return []
        people = [self.participant] if self.participant_id else []
        if self.mediation_id:
            people += [
                person
                for person in (self.mediation.requester, self.mediation.provider)
                if person.pk != self.participant_id
            ]
        return people
