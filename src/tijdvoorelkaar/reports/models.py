"""Website use without cookies: only aggregates per area per day (and per month) are kept.

A visitor is recognised within one day by a keyed hash of (IP, user agent, area) whose
key (the salt) is random per day and deleted after that day; within one calendar month
by the same construction with a monthly salt, only to count visitors who came 6 or more
times. The marks are turned into counts and deleted once their day or month is over.
No IP address, user agent or cookie is ever stored. See docs/privacy.md."""

from django.db import models


class TrafficDay(models.Model):
    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    page_views = models.PositiveIntegerField(default=0)
    visits = models.PositiveIntegerField(default=0)
    unique_visitors = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "day"], name="traffic_day_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.area_id} {self.day}"


class TrafficMonth(models.Model):
    """A closed calendar month: its visitors and those with 6 or more visits in it."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="The first day of the month.")
    unique_visitors = models.PositiveIntegerField(default=0)
    regular_visitors = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "month"], name="traffic_month_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.area_id} {self.month:%Y-%m}"


class VisitorSalt(models.Model):
    """The random key of one day ("dag") or month ("maand"); deleted when it is over."""

    kind = models.CharField(max_length=5)
    starts_on = models.DateField()
    value = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "starts_on"], name="visitor_salt_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.starts_on}"


class VisitorMark(models.Model):
    """A keyed hash seen in one day or month, with its number of visits; deleted (after
    being counted) when the day or month is over."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=5)
    starts_on = models.DateField()
    digest = models.CharField(max_length=64)
    visits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "kind", "starts_on", "digest"], name="visitor_mark_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.starts_on}"
