"""Fixed periods: calendar quarters, half-years and calendar years.

A funder (an aggregate-only reader) sees the report of a fixed period only. A calendar
year is its two halves and its four quarters, so the seven fixed periods of one year (its
*family*) are computed and protected together (reports/funder.py, docs/privacy.md).
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

QUARTER, HALF, YEAR = "kwartaal", "halfjaar", "jaar"


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * (quarter - 1) + 1, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    if quarter == 4:
        return dt.date(year, 12, 31)
    return quarter_start(year, quarter + 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class FixedPeriod:
    kind: str
    year: int
    number: int = 1  # 1-4 for a quarter, 1-2 for a half-year, 1 for a year

    @property
    def quarters(self) -> range:
        """The quarter numbers (1-4) the period covers."""
        if self.kind == YEAR:
            return range(1, 5)
        if self.kind == HALF:
            return range(2 * self.number - 1, 2 * self.number + 1)
        return range(self.number, self.number + 1)

    @property
    def start(self) -> dt.date:
        return quarter_start(self.year, self.quarters[0])

    @property
    def end(self) -> dt.date:
        return quarter_end(self.year, self.quarters[-1])

    @property
    def value(self) -> str:
        """How the period's choice is sent by the form: `JJJJ-MM-DD_JJJJ-MM-DD`."""
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def has_started(self, today: dt.date) -> bool:
        return self.start <= today

    def overlaps(self, other: "FixedPeriod") -> bool:
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        if self.kind == YEAR:
            return str(self.year)
        if self.kind == HALF:
            return _("%(number)se halfjaar %(year)s") % {"number": self.number, "year": self.year}
        return _("%(number)se kwartaal %(year)s") % {"number": self.number, "year": self.year}


def family(year: int) -> list[FixedPeriod]:
    """The year, its halves and its quarters, in that order."""
    return [
        FixedPeriod(YEAR, year),
        *(FixedPeriod(HALF, year, n) for n in (1, 2)),
        *(FixedPeriod(QUARTER, year, n) for n in (1, 2, 3, 4)),
    ]


def fixed_period(start: dt.date, end: dt.date) -> FixedPeriod | None:
    """The fixed period that runs exactly from `start` to `end`, or None."""
    for period in family(start.year):
        if period.start == start and period.end == end:
            return period
    return None


def parse(value: str) -> FixedPeriod | None:
    """A fixed period from the form's `JJJJ-MM-DD_JJJJ-MM-DD`, or None."""
    first, _sep, last = (value or "").partition("_")
    try:
        return fixed_period(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    except ValueError:
        return None


def started_in(year: int, today: dt.date) -> list[FixedPeriod]:
    """The fixed periods of `year` that have started by `today`."""
    return [period for period in family(year) if period.has_started(today)]


def choices(first_year: int, today: dt.date) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every fixed period that has started, grouped per year (newest year first), as
    choices for a select: [(year, [(value, label), ...]), ...]."""
    groups = []
    for year in range(today.year, min(first_year, today.year) - 1, -1):
        periods = started_in(year, today)
        groups.append((str(year), [(p.value, choice_label(p)) for p in periods]))
    return groups


def choice_label(period: FixedPeriod) -> str:
    """How a period reads in a list of choices: "heel 2026", "1e kwartaal 2026"."""
    if period.kind == YEAR:
        return _("heel %(year)s") % {"year": period.year}
    return str(period)
