"""The funder's report: figures of fixed periods, protected together per calendar year.

`kpi()` stays the exact report for coordinators, brokers and commands. A funder (an
aggregate-only reader, `reports.access.report_view_for(...) == "aggregate"`) asks for a fixed
period (reports/periods.py) and gets `funder_report()`: the same figures, except that

- the composition tables describe the participants who registered *in the period* (a
  flow, so a year is the sum of its quarters) instead of everyone registered by its end;
- the stock "registered at the end of the period" is rounded to tens;
- every table with categories lists all of them in a fixed order, also those at 0;
- the cells to show as "<5" come from `disclosure.protect` run over the whole calendar
  year: the year, both halves and all four quarters, with every relation the report
  publishes between their cells (docs/privacy.md lists them).

The year's figures come from a handful of GROUP BY queries over the year (per quarter, and
for mediations per quarter of start and of end), not from seven runs of `kpi()`.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import BooleanField, Case, Count, IntegerField, Min, Sum, Value, When

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.marketplace.models import Ad, Category, Conversation
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.organisations.services import placements
from tijdvoorelkaar.participants.models import Inflow, Participant
from tijdvoorelkaar.workspace.models import DECLINED, Background, BackgroundTally

from . import disclosure, periods
from .periods import FixedPeriod
from .services import (
    COMPOSITION_FIELDS,
    INFLOW_REPORT_KEYS,
    TALLY_DIMENSIONS,
    UNKNOWN,
    _age_group,
    _choice_or_unknown,
    _success,
    age_group_of,
    group_visit_figures,
    kpi,
    website_figures,
)

SMALL = disclosure.THRESHOLD

# The fixed row sets (all choices, in the order of the model; "onbekend" last).
INFLOW_KEYS = [INFLOW_REPORT_KEYS.get(value, value) for value in Inflow.values] + [UNKNOWN]
AGE_GROUPS = ["jonger dan 30", "30 tot 50", "50 tot 65", "65 tot 80", "80 of ouder", UNKNOWN]
COMPOSITION_KEYS = {
    "gender": Background.Gender,
    "age": None,
    "household": Background.Household,
    "work_situation": Background.Work,
    "origin": Background.Origin,
}
END_REASONS = [*Mediation.EndReason.values, UNKNOWN]

MEDIATION_COUNTS = [
    "mediations_total",
    "mediations_supported",
    "matches_successful",
    "matches_successful_supported",
    "mediations_supported_failed",
    "mediations_running",
    "volunteer_placements",
]
AD_COUNTS = ["ads_new", "ads_new_requests", "ads_new_offers", "ads_new_vacancies"]
WEBSITE_COUNTS = [
    "website_page_views",
    "website_visits",
    "website_unique_visitors",
    "website_regular_visitors",
]
GROUP_VISIT_COUNTS = ["group_visits", "group_visits_reached", "group_visits_joined"]
AD_KIND_COUNTS = {
    Ad.Kind.REQUEST: "ads_new_requests",
    Ad.Kind.OFFER: "ads_new_offers",
    Ad.Kind.VACANCY: "ads_new_vacancies",
}
# Counts that depend on the period's end (not the sum of the quarters).
NOT_ADDITIVE = {"mediations_supported_failed", "mediations_running", "end_reasons"}
# Tables about people's background, how they came, who referred them and why their
# mediations ended: here a 0 is hidden too ("<5"), because "nobody" is a fact about
# people, and a visible 0 beside a "<5" would tell that the "<5" is at least 1. In the
# other tables (numbers of mediations, ads, reactions, visits) a 0 is shown.
ZERO_HIDDEN = {"inflow_by_source", "referrals_by_organisation", "composition", "end_reasons"}


def composition_keys(name: str) -> list[str]:
    choices = COMPOSITION_KEYS[name]
    if choices is None:
        return AGE_GROUPS
    return [value for value in choices.values if value != DECLINED] + [UNKNOWN]


@dataclass
class YearFigures:
    """The counts of one calendar year's seven fixed periods, the relations between them,
    and the cells to hide."""

    year: int
    referrers: list[str]
    categories: list[str]
    group_visits: bool
    values: dict[tuple, int] = field(default_factory=dict)  # (period, key) -> count
    equations: list[dict] = field(default_factory=list)
    known: set = field(default_factory=set)
    hidden: set = field(default_factory=set)

    def period(self, period: FixedPeriod) -> dict[tuple, int]:
        return {key: n for (p, key), n in self.values.items() if p == period}


# --- The year's counts ----------------------------------------------------------------------


def _quarter_of(lookup: str, year: int) -> Case:
    """The quarter (1-4) of a date in `year`; `lookup` may be "created_at__date"."""
    return Case(
        When(**{f"{lookup}__lt": periods.quarter_start(year, 2)}, then=Value(1)),
        When(**{f"{lookup}__lt": periods.quarter_start(year, 3)}, then=Value(2)),
        When(**{f"{lookup}__lt": periods.quarter_start(year, 4)}, then=Value(3)),
        default=Value(4),
        output_field=IntegerField(),
    )


def _in_year(lookup: str, year: int) -> dict:
    return {f"{lookup}__gte": dt.date(year, 1, 1), f"{lookup}__lte": dt.date(year, 12, 31)}


def _mediation_rows(area: Area, year: int) -> list[dict]:
    """Mediations started in `year` per (quarter started, quarter ended, end reason,
    supported, successful); a mediation still running or ended after the year has end
    quarter 5, one ended before the year (bad data) end quarter 1."""
    end_quarter = Case(
        When(ended_on__isnull=True, then=Value(5)),
        When(ended_on__gt=dt.date(year, 12, 31), then=Value(5)),
        When(ended_on__lt=periods.quarter_start(year, 2), then=Value(1)),
        When(ended_on__lt=periods.quarter_start(year, 3), then=Value(2)),
        When(ended_on__lt=periods.quarter_start(year, 4), then=Value(3)),
        default=Value(4),
        output_field=IntegerField(),
    )
    return list(
        Mediation.objects.filter(
            area=area, organisation__isnull=True, **_in_year("started_on", year)
        )
        .annotate(
            q=_quarter_of("started_on", year),
            ended_q=end_quarter,
            ok=Case(
                When(_success(), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .values("q", "ended_q", "end_reason", "broker_supported", "ok")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _participant_rows(area: Area, year: int) -> list[dict]:
    """Participants registered in `year` per (quarter, inflow, referrer, background);
    erased participants apart, their background being in the tallies (_tally_rows)."""
    dimensions = {f"c_{name}": _choice_or_unknown(f) for name, f in COMPOSITION_FIELDS.items()}
    dimensions["c_age"] = _age_group(dt.date(year, 12, 31))
    erased = Case(
        When(erased_at__isnull=False, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    return list(
        Participant.objects.filter(area=area, **_in_year("registered_on", year))
        .annotate(q=_quarter_of("registered_on", year), erased=erased, **dimensions)
        .values("q", "erased", "inflow_source", "referrer_organisation", *dimensions)
        .annotate(n=Count("pk"))
        .order_by()
    )


def _tally_rows(area: Area, year: int) -> list[tuple[int, str, str, int]]:
    """(quarter, question, answer, count) of the erased participants registered in
    `year`, from the anonymous tallies per registration month (BackgroundTally)."""
    rows = (
        BackgroundTally.objects.filter(area=area, month__year=year)
        .values("month", "field", "value")
        .annotate(n=Sum("count"))
        .order_by()
    )
    result = []
    for row in rows:
        name = TALLY_DIMENSIONS.get(row["field"])
        if name is None:
            continue
        value = row["value"] or UNKNOWN
        if name == "age":
            value = age_group_of(value, dt.date(year, 12, 31))
        result.append(((row["month"].month - 1) // 3 + 1, name, value, row["n"]))
    return result


def _ad_rows(area: Area, year: int) -> list[dict]:
    return list(
        Ad.objects.filter(area=area, **_in_year("created_at__date", year))
        .annotate(q=_quarter_of("created_at__date", year))
        .values("q", "kind", "category__name")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _per_quarter(queryset, lookup: str, year: int) -> dict[int, int]:
    rows = (
        queryset.filter(**_in_year(lookup, year))
        .annotate(q=_quarter_of(lookup, year))
        .values("q")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["q"]: row["n"] for row in rows}


def referrers_of(area: Area) -> list[str]:
    """Every referring organisation the area has ever recorded (the same rows in every
    period, so a row says nothing about when someone was referred), "onbekend" last."""
    names = (
        Participant.objects.filter(area=area, inflow_source=Inflow.REFERRAL)
        .exclude(referrer_organisation="")
        .values_list("referrer_organisation", flat=True)
        .distinct()
    )
    return sorted(set(names), key=lambda name: (name.casefold(), name)) + [UNKNOWN]


def categories_of(area: Area) -> list[str]:
    names = Category.objects.filter(area=area).values_list("name", flat=True)
    return list(dict.fromkeys(names))


def period_keys(figures: YearFigures) -> list[tuple]:
    """The cells of one period, in the order of the report's tables."""
    keys = [(name,) for name in MEDIATION_COUNTS]
    keys.append(("participants_new",))
    keys += [("inflow_by_source", k) for k in INFLOW_KEYS]
    keys += [("referrals_by_organisation", k) for k in figures.referrers]
    keys += [(name,) for name in AD_COUNTS]
    keys.append(("reactions_total",))
    keys += [("ads_by_category", k) for k in figures.categories]
    keys += [("end_reasons", k) for k in END_REASONS]
    keys += [(name,) for name in WEBSITE_COUNTS]
    for name in COMPOSITION_KEYS:
        keys += [("composition", name, k) for k in composition_keys(name)]
    if figures.group_visits:
        keys += [(name,) for name in GROUP_VISIT_COUNTS]
    return keys


@dataclass
class YearData:
    """The grouped rows of one calendar year, as the database returns them: the finest
    grain the report uses (`load_year`); `assemble` turns them into the seven periods."""

    year: int
    referrers: list[str]
    categories: list[str]
    group_visits: bool
    mediations: list[dict]  # q, ended_q, end_reason, broker_supported, ok, n
    participants: list[dict]  # q, erased, inflow_source, referrer_organisation, c_<question>, n
    ads: list[dict]  # q, kind, category__name, n
    quarterly: dict[str, dict[int, int]]  # other counts: name -> quarter -> count
    # q, question, answer, n: the erased participants' background (anonymous tallies)
    tallies: list[tuple] = field(default_factory=list)


def load_year(area: Area, year: int) -> YearData:
    quarterly: dict[str, dict[int, int]] = {
        "volunteer_placements": _per_quarter(placements(area), "started_on", year),
        "reactions_total": _per_quarter(
            Conversation.objects.filter(area=area), "created_at__date", year
        ),
    }
    group_visits = apps.is_installed("tijdvoorelkaar.outreach")
    names = WEBSITE_COUNTS + (GROUP_VISIT_COUNTS if group_visits else [])
    quarterly.update({name: {} for name in names})
    for q in range(1, 5):
        start, end = periods.quarter_start(year, q), periods.quarter_end(year, q)
        figures = website_figures(area, start, end)
        if group_visits:
            figures.update(group_visit_figures(area, start, end) or {})
        for name in names:
            quarterly[name][q] = figures.get(name, 0)
    return YearData(
        year=year,
        referrers=referrers_of(area),
        categories=categories_of(area),
        group_visits=group_visits,
        mediations=_mediation_rows(area, year),
        participants=_participant_rows(area, year),
        tallies=_tally_rows(area, year),
        ads=_ad_rows(area, year),
        quarterly=quarterly,
    )


def year_figures(area: Area, year: int, today: dt.date) -> YearFigures:
    """The counts of the seven fixed periods of `year`, their relations and the cells to
    hide (see the module docstring)."""
    return assemble(load_year(area, year), today)


def _quarterly_counts(data: YearData, keys: list[tuple]) -> dict[int, dict[tuple, int]]:
    """quarter -> key -> count, for the counts that add up over quarters."""
    quarterly: dict[int, dict[tuple, int]] = {q: dict.fromkeys(keys, 0) for q in range(1, 5)}

    def add(q: int, key: tuple, n: int) -> None:
        counts = quarterly[q]
        counts[key] = counts.get(key, 0) + n

    for row in data.mediations:
        q, n = row["q"], row["n"]
        add(q, ("mediations_total",), n)
        if row["broker_supported"]:
            add(q, ("mediations_supported",), n)
        if row["ok"]:
            add(q, ("matches_successful",), n)
            if row["broker_supported"]:
                add(q, ("matches_successful_supported",), n)
    for row in data.participants:
        q, n = row["q"], row["n"]
        add(q, ("participants_new",), n)
        source = row["inflow_source"] or UNKNOWN
        add(q, ("inflow_by_source", INFLOW_REPORT_KEYS.get(source, source)), n)
        if row["inflow_source"] == Inflow.REFERRAL:
            add(q, ("referrals_by_organisation", row["referrer_organisation"] or UNKNOWN), n)
        if not row.get("erased"):
            for name in COMPOSITION_KEYS:
                add(q, ("composition", name, row[f"c_{name}"] or UNKNOWN), n)
    for q, name, value, n in data.tallies:
        add(q, ("composition", name, value), n)
    for row in data.ads:
        q, n = row["q"], row["n"]
        add(q, ("ads_new",), n)
        add(q, (AD_KIND_COUNTS.get(row["kind"], "ads_new_vacancies"),), n)
        add(q, ("ads_by_category", row["category__name"] or UNKNOWN), n)
    for name, per_quarter in data.quarterly.items():
        for q, n in per_quarter.items():
            add(q, (name,), n)
    return quarterly


def _period_counts(data: YearData, quarterly: dict, keys: list[tuple], period) -> dict:
    """The counts of one fixed period: sums of its quarters, and the counts that depend on
    the period's end (running, ended with a reason, failed) from the quarter of ending."""
    counts = {
        key: sum(quarterly[q].get(key, 0) for q in period.quarters)
        for key in keys
        if key[0] not in NOT_ADDITIVE
    }
    last = period.quarters[-1]
    counts[("mediations_running",)] = counts[("mediations_supported_failed",)] = 0
    for row in data.mediations:
        if row["q"] not in period.quarters:
            continue
        if row["ended_q"] > last:
            counts[("mediations_running",)] += row["n"]
            continue
        reason = ("end_reasons", row["end_reason"] or UNKNOWN)
        counts[reason] = counts.get(reason, 0) + row["n"]
        if row["broker_supported"] and not row["ok"]:
            counts[("mediations_supported_failed",)] += row["n"]
    return counts


def assemble(data: YearData, today: dt.date) -> YearFigures:
    """The seven periods' counts from the year's rows (a quarter's counts add up to its
    half and year, except the counts that depend on the period's end, which come from
    the mediations' quarter of ending), the equations and the protection."""
    figures = YearFigures(
        year=data.year,
        referrers=data.referrers,
        categories=data.categories,
        group_visits=data.group_visits,
    )
    keys = period_keys(figures)
    quarterly = _quarterly_counts(data, keys)
    # Values outside the fixed rows (a category of another area, an old inflow value) get
    # rows of their own after the fixed ones.
    extra = {key for counts in quarterly.values() for key in counts if key not in keys}
    extra |= {("end_reasons", row["end_reason"]) for row in data.mediations if row["end_reason"]}
    keys += sorted(extra - set(keys), key=str)
    for period in periods.family(data.year):
        counts = _period_counts(data, quarterly, keys, period)
        for key in keys:
            figures.values[(period, key)] = counts.get(key, 0)
        if not period.has_started(today):
            figures.known |= {(period, key) for key in keys}
    figures.equations = equations(figures)
    figures.hidden = disclosure.protect(
        figures.values,
        figures.equations,
        known=figures.known,
        hide_zero=lambda cell: cell[1][0] in ZERO_HIDDEN,
    )
    return figures


def equations(figures: YearFigures) -> list[dict]:
    """Every linear relation the report publishes between the cells of the year's fixed
    periods, each as {cell: coefficient} adding up to 0."""
    result = []
    family = periods.family(figures.year)
    year, first_half, second_half, *quarters = family
    for period in family:
        cells = [key for (p, key) in figures.values if p == period]

        def c(*key, period=period):
            return (period, key)

        def of(*prefix, period=period, cells=cells):
            return [(period, key) for key in cells if key[: len(prefix)] == prefix]

        new = c("participants_new")
        result.append(_total(of("inflow_by_source"), new))
        result.append(
            _total(of("referrals_by_organisation"), c("inflow_by_source", Inflow.REFERRAL))
        )
        for name in COMPOSITION_KEYS:
            result.append(_total(of("composition", name), new))
        result.append(
            _total(
                [c("ads_new_requests"), c("ads_new_offers"), c("ads_new_vacancies")], c("ads_new")
            )
        )
        result.append(_total(of("ads_by_category"), c("ads_new")))
        result.append(_total([*of("end_reasons"), c("mediations_running")], c("mediations_total")))
    additive = [key for (p, key) in figures.values if p == year and key[0] not in NOT_ADDITIVE]
    for key in additive:
        result.append({(year, key): 1, (first_half, key): -1, (second_half, key): -1})
        result.append({(first_half, key): 1, (quarters[0], key): -1, (quarters[1], key): -1})
        result.append({(second_half, key): 1, (quarters[2], key): -1, (quarters[3], key): -1})
        result.append({(year, key): 1, **{(q, key): -1 for q in quarters}})
    return result


def _total(parts: list, whole) -> dict:
    """The parts add up to the whole."""
    equation = dict.fromkeys(parts, 1)
    equation[whole] = equation.get(whole, 0) - 1
    return equation


# --- The funder's report -----------------------------------------------------------------


def first_year(area: Area, today: dt.date) -> int:
    """The first calendar year with records in the area (this year when there are none)."""
    firsts = [
        Participant.objects.filter(area=area).aggregate(d=Min("registered_on"))["d"],
        Mediation.objects.filter(area=area).aggregate(d=Min("started_on"))["d"],
        Ad.objects.filter(area=area).aggregate(d=Min("created_at"))["d"],
    ]
    years = [day.year for day in firsts if day is not None]
    return min([*years, today.year])


def round_to_tens(n: int) -> int:
    return (n + 5) // 10 * 10


def funder_report(
    area: Area, requested: list[FixedPeriod], today: dt.date
) -> list[tuple[dict, set[tuple]]]:
    """For each requested fixed period: its figures as the funder sees them (same keys as
    `kpi()`, composition of the newcomers, the stock rounded to tens, every fixed row) and
    the keys of the cells to show as "<5"."""
    years: dict[int, YearFigures] = {}
    result = []
    for period in requested:
        if period.year not in years:
            years[period.year] = year_figures(area, period.year, today)
        year = years[period.year]
        exact = kpi(area, period.start, period.end)
        shown = dict(exact)
        for name in (
            "inflow_by_source",
            "referrals_by_organisation",
            "ads_by_category",
            "end_reasons",
        ):
            shown[name] = {}
        shown["composition"] = {name: {} for name in COMPOSITION_KEYS}
        if year.group_visits:
            shown["group_visits"] = dict(exact.get("group_visits") or {})
        for key, n in year.period(period).items():
            if key[0] in GROUP_VISIT_COUNTS:
                shown["group_visits"][key[0]] = n
            elif len(key) == 1:
                shown[key[0]] = n
            elif len(key) == 2:
                shown[key[0]][key[1]] = n
            else:
                shown[key[0]][key[1]][key[2]] = n
        shown["participants_total"] = round_to_tens(exact["participants_total"])
        hidden = {key for (p, key) in year.hidden if p == period}
        hidden |= _derived_hidden(exact, hidden)
        result.append((shown, hidden))
    return result


def _derived_hidden(exact: dict, hidden: set[tuple]) -> set[tuple]:
    """Figures outside the equations: a count on its own under 5, a share whose people
    who did and who did not are not both 5 or more, a median over fewer than 5, and a
    figure computed from a hidden count."""
    result = set()
    for name in ("participants_total", "participants_active"):
        if 0 < exact[name] < SMALL:
            result.add((name,))
    if (exact.get("median_match_days_n") or 0) < SMALL:
        result.add(("median_match_days",))
    shares = {
        "reciprocity_gave_and_received_share": (
            "match_participants_gave_and_received",
            "match_participants",
        ),
        "participants_with_request_and_offer_share": ("ad_participants_both", "ad_participants"),
    }
    for name, (part, whole) in shares.items():
        part, whole = exact.get(part) or 0, exact.get(whole) or 0
        if part < SMALL or whole - part < SMALL:
            result.add((name,))
    depends = {
        "website_visits_per_day": ["website_visits"],
        "website_unique_visitors_per_day": ["website_unique_visitors"],
        "group_visits_conversion": ["group_visits_joined", "group_visits_reached"],
    }
    for name, sources in depends.items():
        if any((source,) in hidden for source in sources):
            result.add((name,))
    return result
