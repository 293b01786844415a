"""Outreach: group visits, stands, markets and door-to-door rounds, and the yearly
reminder to plan the door-to-door round. The notice-board papers (ads list, poster) are
made from marketplace ads and need no model of their own.

The tables keep the names they had in the organisations app (Meta.db_table)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutreachActivity(models.Model):
    """Outreach: a group visit, a stand, a market or a door-to-door round."""

    class Kind(models.TextChoices):
        GROUP_VISIT = "groepsbezoek", _("groepsbezoek")
        STAND = "kraam", _("kraam of stand")
        MARKET = "markt", _("markt of evenement")
        DOOR_TO_DOOR = "deur_aan_deur", _("deur-aan-deurronde")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("datum"))
    group = models.CharField(_("groep"), max_length=160, blank=True)
    place = models.CharField(_("plaats"), max_length=200)
    reached = models.PositiveIntegerField(_("bereikte bewoners"), default=0)
    addresses_visited = models.PositiveIntegerField(_("bezochte adressen"), default=0)
    conversations = models.PositiveIntegerField(_("gesprekken"), default=0)
    joined = models.ManyToManyField(
        "participants.Participant", blank=True, related_name="outreach_activities"
    )
    notes = models.TextField(_("aantekeningen"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        db_table = "organisations_outreachactivity"
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["area", "kind", "held_on"], name="outreach_area_kind_day")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class DoorToDoorReminder(models.Model):
    """Remembers that this year's reminder task for the door-to-door round was made."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    task = models.ForeignKey(
        "tasks.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        db_table = "organisations_doortodoorreminder"
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="door_reminder_once_a_year"),
        ]

    def __str__(self) -> str:
        return f"Herinnering deur-aan-deur {self.year}"
