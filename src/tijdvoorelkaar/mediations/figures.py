"""Monthly counts of mediations, so that a period report costs what its months cost.

`recount(area_id, days)` replaces the MediationMonth and MatchDurationMonth rows of the
months in which the given days fall with fresh counts from the mediations started in
those months (one GROUP BY each). Every service that creates or changes a mediation calls
it in its own transaction, with the start day before and after the change; bulk writers
(import, demo data, bench data) call it once with no days, which recounts the whole area.
`manage.py check_report_aggregates` compares the stored rows with a fresh count and can
repair them. The report (reports/services.py) sums the rows of the whole months of a
period and reads the mediations of the remaining days itself.
"""

import datetime as dt
from collections.abc import Iterable

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth

from .models import MatchDurationMonth, Mediation, MediationMonth


def successful() -> Q:
    """A successful match: it reached "lopend" (kept in reached_active_on after it ended)
    or is running or paused now."""
    return Q(reached_active_on__isnull=False) | Q(
        status__in=[Mediation.Status.RUNNING, Mediation.Status.PAUSED]
    )


def duration():
    """Days from reaching "lopend" (or the start) to the end, as a duration."""
    return F("ended_on") - Coalesce("reached_active_on", "started_on")


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def as_days(value) -> float:
    """A duration from the database in days (SQLite may hand back microseconds)."""
    if isinstance(value, dt.timedelta):
        return value.days + value.seconds / 86400
    return float(value) / 86_400_000_000


def _in_months(months: list[dt.date]) -> Q:
    condition = Q()
    for month in months:
        condition |= Q(started_on__gte=month, started_on__lt=next_month(month))
    return condition


def counted_rows(area_id: int, months: list[dt.date] | None = None):
    """(MediationMonth rows, MatchDurationMonth rows) as unsaved objects, counted now
    from the mediations of `area_id` (started in `months`, or all)."""
    mediations = Mediation.objects.filter(area_id=area_id, organisation__isnull=True)
    if months is not None:
        mediations = mediations.filter(_in_months(months))
    grouped = (
        mediations.annotate(
            m=TruncMonth("started_on"),
            em=TruncMonth("ended_on"),
            ok=Case(
                When(successful(), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .values("m", "em", "category_id", "end_reason", "broker_supported", "ok")
        .annotate(n=Count("pk"))
        .order_by()
    )
    month_rows = [
        MediationMonth(
            area_id=area_id,
            month=row["m"],
            ended_month=row["em"],
            category_id=row["category_id"],
            end_reason=row["end_reason"],
            broker_supported=row["broker_supported"],
            successful=row["ok"],
            count=row["n"],
        )
        for row in grouped
    ]
    durations = (
        mediations.filter(successful(), ended_on__isnull=False)
        .annotate(
            m=TruncMonth("started_on"),
            em=TruncMonth("ended_on"),
            d=ExpressionWrapper(duration(), output_field=DurationField()),
        )
        .values("m", "em", "d")
        .annotate(n=Count("pk"))
        .order_by()
    )
    duration_rows: dict[tuple, int] = {}
    for row in durations:
        key = (row["m"], row["em"], round(as_days(row["d"])))
        duration_rows[key] = duration_rows.get(key, 0) + row["n"]
    return month_rows, [
        MatchDurationMonth(area_id=area_id, month=m, ended_month=em, days=d, count=n)
        for (m, em, d), n in duration_rows.items()
    ]


def recount(area_id: int, days: Iterable[dt.date | None] | None = None) -> None:
    """Replace the stored counts of `area_id` for the months of `days` (None: all months)
    with a fresh count. Call it inside the transaction that changed the mediations."""
    months = None
    stored = MediationMonth.objects.filter(area_id=area_id)
    durations = MatchDurationMonth.objects.filter(area_id=area_id)
    if days is not None:
        months = sorted({first_of_month(day) for day in days if day is not None})
        if not months:
            return
        stored = stored.filter(month__in=months)
        durations = durations.filter(month__in=months)
    month_rows, duration_rows = counted_rows(area_id, months)
    stored.delete()
    durations.delete()
    MediationMonth.objects.bulk_create(month_rows, batch_size=2000)
    MatchDurationMonth.objects.bulk_create(duration_rows, batch_size=2000)


def differences(area_id: int) -> list[str]:
    """What differs between the stored counts of `area_id` and a fresh count (empty when
    they agree), one line per differing key."""

    def month_key(row):
        return (
            row.month,
            row.ended_month,
            row.category_id,
            row.end_reason,
            row.broker_supported,
            row.successful,
        )

    def duration_key(row):
        return (row.month, row.ended_month, row.days)

    fresh_months, fresh_durations = counted_rows(area_id)
    found = []
    for name, fresh, stored, key in (
        ("bemiddelingen", fresh_months, MediationMonth.objects.filter(area_id=area_id), month_key),
        (
            "duur",
            fresh_durations,
            MatchDurationMonth.objects.filter(area_id=area_id),
            duration_key,
        ),
    ):
        expected: dict[tuple, int] = {}
        for row in fresh:
            expected[key(row)] = expected.get(key(row), 0) + row.count
        actual: dict[tuple, int] = {}
        for row in stored:
            actual[key(row)] = actual.get(key(row), 0) + row.count
        for k in sorted(set(expected) | set(actual), key=str):
            if expected.get(k, 0) != actual.get(k, 0):
                stored_n, counted_n = actual.get(k, 0), expected.get(k, 0)
                found.append(f"{name} {k}: opgeslagen {stored_n}, geteld {counted_n}")
    return found
