"""Period reports: every figure a funder asks for, computed from the raw records.

`kpi(area, start, end)` is the one function behind the command, the pages and the
exports. Every figure is an aggregate computed by the database (COUNT/SUM with FILTER,
GROUP BY, subqueries); Python only renames the handful of groups that come back.
The period is `start..end`, both days included. Definitions are in docs/rapportage.md.
"""

import datetime as dt
import functools

from django.apps import apps
from django.db import connection, transaction
from django.db.models import (
    Aggregate,
    BooleanField,
    Case,
    CharField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Least, TruncDate
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.credits.models import Account, Movement, Transfer
from tijdvoorelkaar.credits.services import QUARTERS_PER_HOUR
from tijdvoorelkaar.marketplace.models import Ad, Conversation
from tijdvoorelkaar.mediations import figures as monthly_counts
from tijdvoorelkaar.mediations.models import MatchDurationMonth, Mediation, MediationMonth
from tijdvoorelkaar.organisations.services import placements_count, vacancy_organisations_count
from tijdvoorelkaar.outreach.services import group_visit_figures as figures
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.workspace.models import DECLINED, BackgroundTally

from .models import TrafficDay, TrafficMonth, VisitorMark

UNKNOWN = "onbekend"
# The participant model says "markt"; reports and the import contract say "evenement".
INFLOW_REPORT_KEYS = {"markt": "evenement"}
REGULAR_VISITS = 6

CONTRACT_KEYS = (
    "mediations_total",
    "mediations_supported",
    "matches_successful",
    "matches_successful_supported",
    "mediations_supported_failed",
    "mediations_running",
    "participants_new",
    "participants_total",
    "reciprocity_gave_and_received_share",
    "participants_with_request_and_offer_share",
    "reactions_total",
    "referrals_by_organisation",
    "inflow_by_source",
    "end_reasons",
)


class ReportError(ServiceError):
    """A report that cannot be made; the message is for the reader (translated)."""


def share(part: int, whole: int) -> float:
    """A fraction from 0 to 1 with three decimals; 0.0 when there is nobody."""
    return round(part / whole, 3) if whole else 0.0


def growth(before, after) -> float | None:
    """How many times larger `after` is than `before` (one decimal); None when undefined."""
    if not isinstance(before, int | float) or not isinstance(after, int | float) or not before:
        return None
    return round(after / before, 1)


def parse_period(start: str, end: str) -> tuple[dt.date, dt.date]:
    """Two ISO dates as a period, or a ReportError."""
    try:
        first = dt.date.fromisoformat(start)
    except (TypeError, ValueError):
        raise ReportError(
            _("'%(date)s' is geen geldige begindatum; gebruik JJJJ-MM-DD.") % {"date": start}
        ) from None
    try:
        last = dt.date.fromisoformat(end)
    except (TypeError, ValueError):
        raise ReportError(
            _("'%(date)s' is geen geldige einddatum; gebruik JJJJ-MM-DD.") % {"date": end}
        ) from None
    if first > last:
        raise ReportError(_("De begindatum ligt na de einddatum."))
    return first, last


# --- Pieces ------------------------------------------------------------------------------


def _groups(queryset, field: str, *, rename: dict | None = None) -> dict[str, int]:
    """{value: count} by GROUP BY in the database; blank values become "onbekend"."""
    rename = rename or {}
    result: dict[str, int] = {}
    rows = queryset.values(field).annotate(n=Count("pk")).order_by(field)
    for row in rows:
        key = row[field] or UNKNOWN
        key = rename.get(key, key)
        result[key] = result.get(key, 0) + row["n"]
    return dict(sorted(result.items(), key=lambda item: (-item[1], item[0])))


def _success() -> Q:
    """Reached lopend (kept in reached_active_on even after it ended)."""
    return monthly_counts.successful()


def _ended_by(end: dt.date) -> Q:
    return Q(ended_on__isnull=False, ended_on__lte=end)


def whole_months(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first days of the first and the last month lying wholly in start..end, or
    None when no month does."""
    first = start if start.day == 1 else monthly_counts.next_month(start)
    after = end + dt.timedelta(days=1)
    last_day = end if after.day == 1 else after.replace(day=1) - dt.timedelta(days=1)
    last = last_day.replace(day=1)
    return (first, last) if first <= last else None


def mediation_figures(area: Area, start: dt.date, end: dt.date, *, monthly: bool = True) -> dict:
    """The mediation figures of the period. With `monthly` (the default) the mediations
    started in the period's whole months are counted from the stored monthly counts
    (MediationMonth, MatchDurationMonth) and only the other days' mediations are read;
    without it every mediation of the period is read. Both give the same figures."""
    # Volunteer placements at organisations are counted apart (volunteer_placements).
    mediations = Mediation.objects.filter(
        area=area, started_on__gte=start, started_on__lte=end, organisation__isnull=True
    )
    ended = _ended_by(end)
    supported = Q(broker_supported=True)
    # One GROUP BY pass gives the counts, the end reasons and the categories: the
    # conditional counts per (ended, end reason, category) group are summed up here
    # (a few dozen groups, not rows).
    counts = {
        "mediations_total": Count("pk"),
        "mediations_supported": Count("pk", filter=supported),
        "matches_successful": Count("pk", filter=_success()),
        "matches_successful_supported": Count("pk", filter=_success() & supported),
        "mediations_supported_failed": Count(
            "pk", filter=supported & Q(reached_active_on__isnull=True) & ~_success() & ended
        ),
        "mediations_running": Count("pk", filter=Q(ended_on__isnull=True) | Q(ended_on__gt=end)),
    }
    months = whole_months(start, end) if monthly else None
    raw, stored, stored_durations = mediations, [], {}
    if months is not None:
        raw, stored, stored_durations = _stored_mediation_groups(area, mediations, end, months)
    grouped = (
        raw.annotate(
            is_ended=Case(
                When(ended, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )
        .values("is_ended", "end_reason", "category__name")
        .annotate(**counts)
        .order_by()
    )
    figures = dict.fromkeys([*counts, "mediations_ended"], 0)
    end_reasons: dict[str, int] = {}
    categories: dict[str, int] = {}
    for row in [*grouped, *stored]:
        for key in counts:
            figures[key] += row[key]
        n = row["mediations_total"]
        category = row["category__name"] or UNKNOWN
        categories[category] = categories.get(category, 0) + n
        if row["is_ended"]:
            figures["mediations_ended"] += n
            reason = row["end_reason"] or UNKNOWN
            end_reasons[reason] = end_reasons.get(reason, 0) + n
    figures["end_reasons"] = _by_count(end_reasons)
    figures["mediations_by_category"] = _by_count(categories)

    # Reciprocity: of the people in the period's successful matches, those who were the
    # requester in one of them and the provider in another: one pass over the matches,
    # both sides as rows, grouped per person. Distinct people do not add up over months,
    # so this reads the mediations (index-only on PostgreSQL: mediation_report_cover).
    matches = mediations.filter(_success())
    people, both = _sides_per_person(matches)
    figures["match_participants"] = people
    figures["match_participants_gave_and_received"] = both
    figures["reciprocity_gave_and_received_share"] = share(both, people)
    if months is None:
        figures.update(_median_match_days(matches.filter(ended)))
    else:
        durations = stored_durations
        rows = (
            raw.filter(_success())
            .filter(ended)
            .annotate(d=ExpressionWrapper(monthly_counts.duration(), DurationField()))
            .values("d")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in rows:
            days = round(_days(row["d"]))
            durations[days] = durations.get(days, 0) + row["n"]
        figures.update(_median_of_counts(durations))
    return figures


def _stored_mediation_groups(area: Area, mediations, end: dt.date, months) -> tuple:
    """(the mediations still to read, the stored groups in the shape of mediation_figures'
    GROUP BY rows, {duration in days: matches}) for a period with whole months.

    Stored counts serve the mediations started in the whole months. When the period ends
    within a month, the stored counts cannot tell which of the mediations that ended in
    that month ended by `end`: those are read with the other days' mediations."""
    first, last = months
    after_last = monthly_counts.next_month(last)
    in_months = Q(started_on__gte=first, started_on__lt=after_last)
    end_month = None if (end + dt.timedelta(days=1)).day == 1 else end.replace(day=1)
    stored = MediationMonth.objects.filter(area=area, month__gte=first, month__lte=last)
    durations = MatchDurationMonth.objects.filter(area=area, month__gte=first, month__lte=last)
    raw = mediations.exclude(in_months)
    if end_month is not None:
        ending_then = Q(ended_on__gte=end_month, ended_on__lt=monthly_counts.next_month(end_month))
        raw = mediations.filter(~in_months | ending_then)
        stored = stored.exclude(ended_month=end_month)
        durations = durations.exclude(ended_month=end_month)
    # ended_month is a first day: before or in the month of `end`, and (after the
    # exclusion above) never the month of a mid-month `end`, so "<= end" is "ended by end".
    ended = Q(ended_month__isnull=False, ended_month__lte=end)
    yes = Q(broker_supported=True)

    def total(condition=None) -> Coalesce:
        return Coalesce(Sum("count", filter=condition), 0, output_field=IntegerField())

    groups = (
        stored.annotate(
            is_ended=Case(
                When(ended, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )
        .values("is_ended", "end_reason", "category__name")
        .annotate(
            mediations_total=total(),
            mediations_supported=total(yes),
            matches_successful=total(Q(successful=True)),
            matches_successful_supported=total(yes & Q(successful=True)),
            mediations_supported_failed=total(yes & Q(successful=False) & ended),
            mediations_running=total(Q(ended_month__isnull=True) | Q(ended_month__gt=end)),
        )
        .order_by()
    )
    days = durations.filter(ended_month__lte=end).values("days").annotate(n=Sum("count"))
    return raw, list(groups), {row["days"]: row["n"] for row in days.order_by()}


def _median_of_counts(counts: dict[int, int]) -> dict:
    """The median of whole days given as {days: how many}: the middle value, or the mean
    of the two middle values (what percentile_cont(0.5) gives)."""
    n = sum(counts.values())
    result = {"median_match_days_n": n, "median_match_days": None}
    if not n:
        return result
    wanted = sorted({(n - 1) // 2, n // 2})
    middle, seen = [], 0
    for days in sorted(counts):
        following = seen + counts[days]
        middle += [days for position in wanted if seen <= position < following]
        seen = following
    result["median_match_days"] = round(sum(middle) / len(middle), 1)
    return result


def _by_count(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _sides_per_person(matches) -> tuple[int, int]:
    """(people in the matches, people who were requester in one and provider in another)."""
    sub_sql, params = matches.values("requester_id", "provider_id").query.sql_with_params()
    sql = f"""
        WITH m AS ({sub_sql}),
        sides AS (
            SELECT requester_id AS person, 1 AS side FROM m
            UNION ALL
            SELECT provider_id AS person, 2 AS side FROM m
        ),
        per_person AS (
            SELECT person, MIN(side) AS lo, MAX(side) AS hi FROM sides GROUP BY person
        )
        SELECT COUNT(*), COALESCE(SUM(CASE WHEN lo <> hi THEN 1 ELSE 0 END), 0)
        FROM per_person"""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        people, both = cursor.fetchone()
    return int(people or 0), int(both or 0)


class Median(Aggregate):
    """PostgreSQL's continuous median of an expression."""

    function = "percentile_cont"
    name = "Median"
    template = "percentile_cont(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _median_match_days(finished) -> dict:
    """Median duration (days) of matches that ended by the period's end. PostgreSQL
    computes it in one pass (percentile_cont); elsewhere the middle rows are fetched."""
    if connection.vendor == "postgresql":
        row = finished.aggregate(
            n=Count("pk"),
            median=Median(F("ended_on") - Coalesce("reached_active_on", "started_on")),
        )
        median = row["median"]
        return {
            "median_match_days_n": row["n"],
            "median_match_days": None if median is None else round(_days(median), 1),
        }
    duration = ExpressionWrapper(
        F("ended_on") - Coalesce("reached_active_on", "started_on"), output_field=DurationField()
    )
    ordered = finished.annotate(duration=duration).order_by("duration").values("duration")
    n = ordered.count()
    result = {"median_match_days_n": n, "median_match_days": None}
    if n:
        middle = [row["duration"] for row in ordered[(n - 1) // 2 : n // 2 + 1]]
        days = [_days(value) for value in middle]
        result["median_match_days"] = round(sum(days) / len(days), 1)
    return result


def _distinct_count(queryset, field: str) -> int:
    return queryset.aggregate(n=Count(field, distinct=True))["n"]


def _days(value) -> float:
    if isinstance(value, dt.timedelta):
        return value.days + value.seconds / 86400
    return float(value) / 86_400_000_000  # SQLite may hand back microseconds


def _choice_or_unknown(field: str, declined=(DECLINED,)) -> Case:
    return Case(
        When(**{f"{field}__isnull": True}, then=Value(UNKNOWN)),
        When(**{f"{field}__in": ["", *declined]}, then=Value(UNKNOWN)),
        default=F(field),
        output_field=CharField(),
    )


# (born after end-year minus this many years, group); older than the last: "80 of ouder".
AGE_GROUPS = ((30, "jonger dan 30"), (50, "30 tot 50"), (65, "50 tot 65"), (80, "65 tot 80"))
OLDEST_GROUP = "80 of ouder"


def _age_group(end: dt.date) -> Case:
    year = end.year
    born = "background__birth_year"
    return Case(
        When(**{f"{born}__isnull": True}, then=Value(UNKNOWN)),
        *[When(**{f"{born}__gt": year - age}, then=Value(group)) for age, group in AGE_GROUPS],
        default=Value(OLDEST_GROUP),
        output_field=CharField(),
    )


def age_group_of(birth_year: str, end: dt.date) -> str:
    """The same grouping for a birth year kept as text in the erased people's tallies."""
    if not birth_year.isdigit():
        return UNKNOWN
    for age, group in AGE_GROUPS:
        if int(birth_year) > end.year - age:
            return group
    return OLDEST_GROUP


COMPOSITION_FIELDS = {
    "gender": "background__gender",
    "household": "background__household",
    "work_situation": "background__work_situation",
    "origin": "background__origin",
}


def participant_figures(area: Area, start: dt.date, end: dt.date) -> dict:
    registered = Participant.objects.filter(area=area, registered_on__lte=end)
    new = registered.filter(registered_on__gte=start)
    # Active: placed an ad, reacted, or took part in a mediation running in the period.
    # Asked per registered participant (EXISTS, stopping at the first hit) through the
    # indexes that start with the person (mediation_requester_period and _provider_period
    # read on PostgreSQL without the table), instead of gathering and de-duplicating every
    # side of every mediation: distinct people cannot come from monthly counts.
    running = Mediation.objects.filter(
        area=area, started_on__lte=end, organisation__isnull=True
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    active = (
        Exists(running.filter(requester=OuterRef("pk")))
        | Exists(running.filter(provider=OuterRef("pk")))
        | Exists(
            Ad.objects.filter(
                area=area,
                owner=OuterRef("pk"),
                created_at__date__gte=start,
                created_at__date__lte=end,
            )
        )
        | Exists(
            Conversation.objects.filter(
                area=area,
                initiator=OuterRef("pk"),
                created_at__date__gte=start,
                created_at__date__lte=end,
            )
        )
    )
    figures = registered.aggregate(
        participants_total=Count("pk"),
        participants_new=Count("pk", filter=Q(registered_on__gte=start)),
    )
    figures["participants_active"] = registered.filter(active).count()
    figures["inflow_by_source"] = _groups(new, "inflow_source", rename=INFLOW_REPORT_KEYS)
    figures["referrals_by_organisation"] = _groups(
        new.filter(inflow_source="doorverwijzing"), "referrer_organisation"
    )
    # All background questions in one GROUP BY; each question's counts are then summed
    # over the (at most a few thousand) combinations. Erased participants have no
    # Background any more: their answers are in anonymous tallies, added below.
    dimensions = {name: _choice_or_unknown(field) for name, field in COMPOSITION_FIELDS.items()}
    dimensions["age"] = _age_group(end)
    rows = (
        registered.filter(erased_at__isnull=True)
        .annotate(**{f"c_{k}": v for k, v in dimensions.items()})
        .values(*[f"c_{k}" for k in dimensions])
        .annotate(n=Count("pk"))
        .order_by()
    )
    composition: dict[str, dict[str, int]] = {name: {} for name in dimensions}

    def add(name: str, value: str, n: int) -> None:
        if n:
            composition[name][value] = composition[name].get(value, 0) + n

    for row in rows:
        for name in dimensions:
            add(name, row[f"c_{name}"] or UNKNOWN, row["n"])
    for name, value, n in _erased_composition(area, end):
        add(name, value, n)
    figures["composition"] = {name: _by_count(counts) for name, counts in composition.items()}
    return figures


TALLY_DIMENSIONS = {
    "gender": "gender",
    "household": "household",
    "work_situation": "work_situation",
    "origin": "origin",
    "birth_year": "age",
}


def _erased_composition(area: Area, end: dt.date) -> list[tuple[str, str, int]]:
    """(table, value, count) for erased participants registered by `end`, from the
    tallies per registration month (BackgroundTally). Months before the month of `end`
    count whole. In the month of `end` the tally counts whole when every erased person
    of that month registered by `end`; otherwise the tally would also count people who
    registered after `end`, so those who did register by `end` (their number is known
    from their anonymous rows) count as "onbekend" (see docs/privacy.md)."""
    first = end.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    month = Participant.objects.filter(
        area=area, erased_at__isnull=False, registered_on__gte=first, registered_on__lt=following
    ).aggregate(n=Count("pk"), by_end=Count("pk", filter=Q(registered_on__lte=end)))
    whole_months = Q(month__lt=first)
    if month["n"] == month["by_end"]:
        whole_months |= Q(month=first)
    tallies = (
        BackgroundTally.objects.filter(whole_months, area=area)
        .values("field", "value")
        .annotate(n=Sum("count"))
        .order_by()
    )
    result = []
    for row in tallies:
        name = TALLY_DIMENSIONS.get(row["field"])
        if name is None:
            continue
        value = row["value"]
        if name == "age":
            value = age_group_of(value, end)
        result.append((name, value or UNKNOWN, row["n"]))
    if month["n"] != month["by_end"]:
        result += [(name, UNKNOWN, month["by_end"]) for name in TALLY_DIMENSIONS.values()]
    return result


def ad_figures(area: Area, start: dt.date, end: dt.date) -> dict:
    ads = Ad.objects.filter(area=area)
    placed = ads.filter(created_at__date__gte=start, created_at__date__lte=end)
    figures = placed.aggregate(
        ads_new=Count("pk"),
        ads_new_requests=Count("pk", filter=Q(kind=Ad.Kind.REQUEST)),
        ads_new_offers=Count("pk", filter=Q(kind=Ad.Kind.OFFER)),
        ads_new_vacancies=Count("pk", filter=Q(kind=Ad.Kind.VACANCY)),
    )
    figures["ads_by_category"] = _groups(placed, "category__name")

    # Average number online per day: the days each ad was online within the period
    # (from its placing to its closing or expiry, both included), summed, divided by the
    # number of days of the period (up to today).
    last = min(end, clock.today())
    days = (last - start).days + 1
    online_from = Greatest(TruncDate("created_at"), Value(start))
    online_until = Least(
        Coalesce(TruncDate("closed_at"), F("expires_on")), F("expires_on"), Value(last)
    )
    span = ExpressionWrapper(online_until - online_from, output_field=DurationField())
    online = (
        ads.annotate(online_from=online_from, online_until=online_until)
        .filter(online_from__lte=F("online_until"))
        .aggregate(span=Sum(span), n=Count("pk"))
    )
    total_days = (_days(online["span"]) if online["span"] is not None else 0) + online["n"]
    figures["ads_online_per_day"] = round(total_days / days, 1) if days > 0 else 0.0

    # Of the participants who placed an ad in the period, those who placed both kinds.
    own = placed.filter(owner__isnull=False)
    requests = own.filter(kind=Ad.Kind.REQUEST)
    offers = own.filter(kind=Ad.Kind.OFFER)
    asked = _distinct_count(requests, "owner_id")
    offered = _distinct_count(offers, "owner_id")
    both = _distinct_count(requests.filter(owner_id__in=offers.values("owner_id")), "owner_id")
    figures["ad_participants"] = asked + offered - both
    figures["ad_participants_both"] = both
    figures["participants_with_request_and_offer_share"] = share(both, asked + offered - both)

    figures["reactions_total"] = Conversation.objects.filter(
        area=area, created_at__date__gte=start, created_at__date__lte=end
    ).count()
    return figures


def website_figures(area: Area, start: dt.date, end: dt.date) -> dict:
    days = TrafficDay.objects.filter(area=area, day__gte=start, day__lte=end).aggregate(
        page_views=Coalesce(Sum("page_views"), 0),
        visits=Coalesce(Sum("visits"), 0),
        visitor_days=Coalesce(Sum("unique_visitors"), 0),
    )
    length = (end - start).days + 1
    # Visitors and regular visitors are counted per calendar month (months whose first
    # day lies in the period): closed months from their totals, the running month from
    # its marks. A person who comes in two months counts in both.
    closed = TrafficMonth.objects.filter(area=area, month__gte=start, month__lte=end).aggregate(
        unique=Coalesce(Sum("unique_visitors"), 0), regular=Coalesce(Sum("regular_visitors"), 0)
    )
    running = VisitorMark.objects.filter(
        area=area, kind="maand", starts_on__gte=start, starts_on__lte=end
    ).aggregate(unique=Count("pk"), regular=Count("pk", filter=Q(visits__gte=REGULAR_VISITS)))
    unique = closed["unique"] + running["unique"]
    regular = closed["regular"] + running["regular"]
    return {
        "website_page_views": days["page_views"],
        "website_visits": days["visits"],
        "website_visits_per_day": days["visits"] // length if length else 0,
        "website_unique_visitors_per_day": round(days["visitor_days"] / length, 1),
        "website_unique_visitors": unique,
        "website_regular_visitors": regular,
        "website_regular_share": share(regular, unique),
    }


def group_visit_figures(area: Area, start: dt.date, end: dt.date) -> dict | None:
    """Group visits held in the period (outreach app): {group_visits,
    group_visits_reached, group_visits_joined, group_visits_conversion}."""
    if not apps.is_installed("tijdvoorelkaar.outreach"):
        return None

    return figures(area, start, end)


def _hours(quarters: int | None) -> int | float:
    """Quarter hours as hours: a whole number when whole (3736), else a decimal (1.5)."""
    hours = (quarters or 0) / QUARTERS_PER_HOUR
    return int(hours) if hours.is_integer() else hours


def time_credit_figures(area: Area, start: dt.date, end: dt.date) -> dict | None:
    """Roosjes booked in the period, None while the area has them switched off:
    {issued, transfers, hours, participants_giving, participants_receiving,
    organisations_issuing, organisations_redeeming}. Only bookings that stand count (a
    booking undone by a correction counts nowhere). Two aggregate queries: the bookings,
    and their movements grouped by the kind of account."""
    if not area.time_credits_enabled:
        return None
    bookings = (
        Transfer.objects.booked_between(area, start, end)
        .standing()
        .aggregate(n=Count("pk"), quarters=Sum("amount"))
    )
    out, into = Q(amount__lt=0), Q(amount__gt=0)
    per_kind = {
        row["account__kind"]: row
        for row in Movement.objects.booked_between(area, start, end)
        .standing()
        .values("account__kind")
        .annotate(
            giving=Count("account", distinct=True, filter=out),
            receiving=Count("account", distinct=True, filter=into),
            paid_out=Sum("amount", filter=out),
        )
        .order_by()
    }
    empty = {"giving": 0, "receiving": 0, "paid_out": 0}
    people = per_kind.get(Account.Kind.PARTICIPANT, empty)
    organisations = per_kind.get(Account.Kind.ORGANISATION, empty)
    project = per_kind.get(Account.Kind.PROJECT, empty)
    # Into circulation: what organisations issued and the project handed out on paper.
    issued = -((organisations["paid_out"] or 0) + (project["paid_out"] or 0))
    return {
        "issued": _hours(issued),
        "transfers": bookings["n"],
        "hours": _hours(bookings["quarters"]),
        "participants_giving": people["giving"],
        "participants_receiving": people["receiving"],
        "organisations_issuing": organisations["giving"],
        "organisations_redeeming": organisations["receiving"],
    }


def time_credits_in_circulation(area: Area, end: dt.date) -> int | float | None:
    """Hours of Roosjes residents hold at the end of `end` (None while switched off)."""
    if not area.time_credits_enabled:
        return None
    held = Movement.objects.held_by_participants(area, end).aggregate(total=Sum("amount"))
    return _hours(held["total"])


def _without_jit(function):
    """Run `function` in one transaction in which PostgreSQL compiles no query (JIT).

    The report is a few dozen queries over an area's rows; the planner's cost estimates for
    the per-person EXISTS queries are high enough to trigger JIT compilation with inlining
    and optimisation, which took longer (about 0.8 s for one query on a 1,000,000-mediation
    area, measured) than running the query. SET LOCAL ends with the transaction, so other
    queries on the same connection keep the server's setting."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL jit = off")
            return function(*args, **kwargs)

    return wrapper


@_without_jit
def kpi(area: Area, start: dt.date, end: dt.date, *, monthly: bool = True) -> dict:
    """Every figure of the period report for `area`, `start..end` inclusive. `monthly`
    (the default) lets the mediation counts of whole months come from the stored monthly
    counts; the figures are the same without it (see mediation_figures)."""
    if start > end:
        raise ReportError(_("De begindatum ligt na de einddatum."))
    result: dict = {"area": area.slug, "start": start.isoformat(), "end": end.isoformat()}
    result.update(mediation_figures(area, start, end, monthly=monthly))
    result.update(participant_figures(area, start, end))
    result.update(ad_figures(area, start, end))
    result.update(website_figures(area, start, end))
    result["group_visits"] = group_visit_figures(area, start, end)
    result["volunteer_placements"] = placements_count(area, start, end)
    result["time_credits"] = time_credit_figures(area, start, end)
    result["time_credits_in_circulation"] = time_credits_in_circulation(area, end)
    result["vacancy_organisations"] = vacancy_organisations_count(area, start, end)
    return result


# --- Presets -----------------------------------------------------------------------------


def quarter_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first_month = 3 * ((day.month - 1) // 3) + 1
    first = dt.date(day.year, first_month, 1)
    next_first = dt.date(
        day.year + (first_month == 10), 1 if first_month == 10 else first_month + 3, 1
    )
    return first, next_first - dt.timedelta(days=1)


def presets(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """Quarter and year presets around `today`: (label, start, end)."""
    this_q = quarter_of(today)
    previous_q = quarter_of(this_q[0] - dt.timedelta(days=1))

    def q_label(first_day: dt.date) -> str:
        return _("%(number)se kwartaal %(year)s") % {
            "number": (first_day.month - 1) // 3 + 1,
            "year": first_day.year,
        }

    return [
        (q_label(this_q[0]), *this_q),
        (q_label(previous_q[0]), *previous_q),
        (f"{today.year}", dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
        (f"{today.year - 1}", dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)),
    ]
