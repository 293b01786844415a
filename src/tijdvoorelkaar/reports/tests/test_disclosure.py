"""Disclosure control: no value a funder sees as "<5" follows from what is published.

The check is independent of the equations `funder.equations` writes down. It models the
year's records at the finest grain the report distinguishes (a mediation by quarter of
start, quarter of end, end reason, supported and successful; an ad by quarter, kind and
category; a newcomer's answer to each question per quarter) and writes every published
cell of all seven fixed periods as a linear form over those unknown counts. A hidden cell
is safe when its form is not a rational combination of the published forms (plus what
a reader knows without the report: every question's answers add up to the same number
of newcomers). That is an exact rank test over the rationals, so relations nobody listed
(a difference of two periods, a table against another table) are covered too.
"""

import copy
import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tijdvoorelkaar.participants.models import Inflow
from tijdvoorelkaar.reports import disclosure, funder, periods
from tijdvoorelkaar.reports.funder import (
    END_REASONS,
    INFLOW_KEYS,
    INFLOW_REPORT_KEYS,
    UNKNOWN,
    YearData,
    assemble,
    composition_keys,
)

YEAR = 2025
REFERRERS = ["Huisarts Oost", "GGZ West", UNKNOWN]
CATEGORIES = ["Klussen", "Tuin", "Taal"]
KINDS = {"vraag": "ads_new_requests", "aanbod": "ads_new_offers", "vacature": "ads_new_vacancies"}
QUARTERLY = [
    "volunteer_placements",
    "reactions_total",
    "website_page_views",
    "website_visits",
    "website_unique_visitors",
    "website_regular_visitors",
    "group_visits",
    "group_visits_reached",
    "group_visits_joined",
]
QUESTIONS = ["gender", "age", "household", "work_situation", "origin"]


# --- An exact rank test ----------------------------------------------------------------------


class Span:
    """The span of some sparse rational vectors, in row echelon form."""

    def __init__(self):
        self.rows: list[tuple[object, dict]] = []  # (pivot, row with row[pivot] == 1)

    def reduce(self, vector: dict) -> dict:
        rest = {k: Fraction(v) for k, v in vector.items() if v}
        for pivot, row in self.rows:
            factor = rest.get(pivot)
            if factor:
                for k, v in row.items():
                    value = rest.get(k, 0) - factor * v
                    if value:
                        rest[k] = value
                    else:
                        rest.pop(k, None)
        return rest

    def add(self, vector: dict) -> None:
        rest = self.reduce(vector)
        if rest:
            pivot = min(rest, key=repr)
            scale = rest[pivot]
            self.rows.append((pivot, {k: v / scale for k, v in rest.items()}))

    def holds(self, vector: dict) -> bool:
        return not self.reduce(vector)


# --- The model: every published cell as a linear form over the unknown counts --------------


def mediation_types():
    for q in range(1, 5):
        for ended in [*range(q, 5), 5]:
            for supported in (False, True):
                for ok in (False, True):
                    for reason in END_REASONS if ended <= 4 else [None]:
                        yield ("mediation", q, ended, reason, supported, ok)


def source_categories(figures: funder.YearFigures):
    """How newcomers came, with a referral split by referrer."""
    plain = [k for k in INFLOW_KEYS if k != Inflow.REFERRAL]
    return plain + [(Inflow.REFERRAL.value, org) for org in figures.referrers]


def form(period: periods.FixedPeriod, key: tuple, figures: funder.YearFigures) -> dict:
    """The cell `key` of `period` as {unknown: coefficient}."""
    quarters, last = period.quarters, period.quarters[-1]
    name = key[0]
    result: dict = {}
    if name.startswith("mediation") or name.startswith("matches") or name == "end_reasons":
        for unknown in mediation_types():
            _kind, q, ended, reason, supported, ok = unknown
            if q not in quarters:
                continue
            hit = {
                "mediations_total": True,
                "mediations_supported": supported,
                "matches_successful": ok,
                "matches_successful_supported": ok and supported,
                "mediations_supported_failed": supported and not ok and ended <= last,
                "mediations_running": ended > last,
                "end_reasons": ended <= last and reason == key[-1],
            }[name]
            if hit:
                result[unknown] = 1
    elif name.startswith("ads_new") or name == "ads_by_category":
        for q in quarters:
            for kind, kind_name in KINDS.items():
                for category in figures.categories:
                    hit = {
                        "ads_new": True,
                        "ads_by_category": category == key[-1],
                    }.get(name, name == kind_name)
                    if hit:
                        result[("ad", q, kind, category)] = 1
    elif name in ("participants_new", "inflow_by_source", "referrals_by_organisation"):
        for q in quarters:
            for category in source_categories(figures):
                referral = isinstance(category, tuple)
                hit = {
                    "participants_new": True,
                    "inflow_by_source": (Inflow.REFERRAL.value if referral else category)
                    == key[-1],
                    "referrals_by_organisation": referral and category[1] == key[-1],
                }[name]
                if hit:
                    result[("answer", q, "source", category)] = 1
    elif name == "composition":
        for q in quarters:
            result[("answer", q, key[1], key[2])] = 1
    else:
        for q in quarters:
            result[("count", name, q)] = 1
    assert result or name in ("end_reasons",), key
    return result


def background_knowledge(figures: funder.YearFigures) -> list[dict]:
    """What a reader knows without the report: each quarter, every question is answered
    (perhaps with "onbekend") by all newcomers, so the answers add up to the same total."""
    rows = []
    for q in range(1, 5):
        sources = {("answer", q, "source", c): 1 for c in source_categories(figures)}
        for question in QUESTIONS:
            row = dict(sources)
            for answer in composition_keys(question):
                row[("answer", q, question, answer)] = -1
            rows.append(row)
    return rows


def exposed(figures: funder.YearFigures) -> set:
    """The hidden cells whose value the published cells fix."""
    span = Span()
    for row in background_knowledge(figures):
        span.add(row)
    published = [cell for cell in figures.values if cell not in figures.hidden]
    for period, key in published:
        span.add(form(period, key, figures))
    return {(p, key) for p, key in figures.hidden if span.holds(form(p, key, figures))}


def value_of(linear: dict, data: YearData) -> int:
    """A linear form evaluated on the year's rows."""
    counts: dict = {}
    for row in data.mediations:
        reason = (row["end_reason"] or UNKNOWN) if row["ended_q"] <= 4 else None
        unknown = (
            "mediation",
            row["q"],
            row["ended_q"],
            reason,
            row["broker_supported"],
            row["ok"],
        )
        counts[unknown] = counts.get(unknown, 0) + row["n"]
    for row in data.ads:
        unknown = ("ad", row["q"], row["kind"], row["category__name"])
        counts[unknown] = counts.get(unknown, 0) + row["n"]
    for row in data.participants:
        source = row["inflow_source"] or UNKNOWN
        source = INFLOW_REPORT_KEYS.get(source, source)
        if source == Inflow.REFERRAL:
            source = (source, row["referrer_organisation"] or UNKNOWN)
        answers = [("source", source)] + [(name, row[f"c_{name}"]) for name in QUESTIONS]
        for question, answer in answers:
            unknown = ("answer", row["q"], question, answer)
            counts[unknown] = counts.get(unknown, 0) + row["n"]
    for name, per_quarter in data.quarterly.items():
        for q, n in per_quarter.items():
            counts[("count", name, q)] = n
    return sum(coefficient * counts.get(unknown, 0) for unknown, coefficient in linear.items())


# --- Random small populations -----------------------------------------------------------------

quarter = st.integers(1, 4)
# Counts around the threshold, and some well above it, so tables mix hidden and shown cells.
count = st.sampled_from([1, 2, 3, 4, 6, 9, 14])


@st.composite
def mediation_rows(draw):
    q = draw(quarter)
    return {
        "q": q,
        "ended_q": draw(st.sampled_from([*range(q, 5), 5])),
        "end_reason": draw(st.sampled_from(["", *END_REASONS[:-1]])),
        "broker_supported": draw(st.booleans()),
        "ok": draw(st.booleans()),
        "n": draw(count),
    }


@st.composite
def participant_rows(draw):
    source = draw(st.sampled_from(["", *Inflow.values]))
    referrer = draw(st.sampled_from(REFERRERS[:2] + [""])) if source == "doorverwijzing" else ""
    row = {"q": draw(quarter), "inflow_source": source, "referrer_organisation": referrer}
    for name in QUESTIONS:
        row[f"c_{name}"] = draw(st.sampled_from(composition_keys(name)))
    row["n"] = draw(count)
    return row


@st.composite
def ad_rows(draw):
    return {
        "q": draw(quarter),
        "kind": draw(st.sampled_from(list(KINDS))),
        "category__name": draw(st.sampled_from(CATEGORIES)),
        "n": draw(count),
    }


@st.composite
def years(draw):
    quarterly = {
        name: {q: draw(st.sampled_from([0, 1, 3, 6, 12])) for q in range(1, 5)}
        for name in QUARTERLY
    }
    return YearData(
        year=YEAR,
        referrers=REFERRERS,
        categories=CATEGORIES,
        group_visits=True,
        mediations=draw(st.lists(mediation_rows(), max_size=24)),
        participants=draw(st.lists(participant_rows(), max_size=20)),
        ads=draw(st.lists(ad_rows(), max_size=12)),
        quarterly=quarterly,
    )


TODAY = st.sampled_from([dt.date(YEAR + 1, 2, 1), dt.date(YEAR, 8, 15), dt.date(YEAR, 2, 1)])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=years(), today=TODAY)
def test_no_hidden_value_follows_from_the_published_cells_of_the_year(data, today):
    figures = assemble(data, today)
    # The model counts what the report counts.
    for (period, key), value in figures.values.items():
        assert value_of(form(period, key, figures), data) == value, (period, key)
    # Each equation over a table and its margins has no hidden cell or at least two, and
    # hidden cells on one side of an equation with other counts never add up to 0 (a
    # reader would know each is 0, counts being never negative) ...
    for equation in figures.equations:
        hidden = [cell for cell in equation if cell in figures.hidden]
        assert len(hidden) != 1
        if hidden and len({equation[cell] for cell in hidden}) == 1:
            hidden_sum = sum(figures.values[cell] for cell in hidden)
            assert hidden_sum or not any(figures.values[cell] for cell in equation)
    # ... and no combination of published cells gives a hidden one.
    assert not exposed(figures)
    # Nothing of a period that has not started is hidden (the reader knows it is 0).
    assert not {cell for cell in figures.hidden if cell in figures.known}


@settings(max_examples=25, deadline=None)
@given(data=years(), today=TODAY)
def test_the_same_data_always_gives_the_same_pattern(data, today):
    first = assemble(data, today).hidden
    shuffled = YearData(
        **{
            **data.__dict__,
            "participants": list(reversed(data.participants)),
            "mediations": list(reversed(data.mediations)),
            "ads": list(reversed(data.ads)),
        }
    )
    assert assemble(shuffled, today).hidden == first


def test_a_count_under_5_is_hidden_and_a_lone_hidden_cell_gets_a_partner():
    values = {"a": 2, "b": 10, "c": 7, "total": 19}
    hidden = disclosure.protect(values, [{"a": 1, "b": 1, "c": 1, "total": -1}])
    assert hidden == {"a", "c"}  # c is the smallest published part


def test_hidden_zeros_that_add_up_to_nothing_get_a_partner():
    # Two hidden zeros and a published total equal to the published parts: a reader
    # would know both are 0.
    values = {"woman": 10, "man": 8, "other": 0, "unknown": 0, "total": 18}
    equation = {"woman": 1, "man": 1, "other": 1, "unknown": 1, "total": -1}
    assert disclosure.protect(values, [equation]) == {"other", "unknown", "man"}


def test_a_zero_is_shown_where_hide_zero_says_so():
    values = {"requests": 20, "offers": 30, "vacancies": 0, "ads": 50}
    equation = {"requests": 1, "offers": 1, "vacancies": 1, "ads": -1}
    assert disclosure.protect(values, [equation], hide_zero=lambda cell: False) == set()
    assert disclosure.protect(values, [equation]) == {"vacancies", "requests"}


def test_the_audit_finds_a_cell_fixed_by_a_combination_of_equations():
    # a + b = 7, b + c = 8, a + c = 9: every equation has two hidden cells, yet together
    # they fix a, b and c.
    values = {"a": 4, "b": 3, "c": 5, "ab": 7, "bc": 8, "ac": 9}
    equations = [
        {"a": 1, "b": 1, "ab": -1},
        {"b": 1, "c": 1, "bc": -1},
        {"a": 1, "c": 1, "ac": -1},
    ]
    hidden = {"a", "b", "c"}
    order = {cell: i for i, cell in enumerate(values)}
    assert disclosure.determined(hidden, equations, order) == {"a", "b", "c"}
    protected = disclosure.protect(values, equations)
    assert not disclosure.determined(protected, equations, order)
    assert {"a", "b"} <= protected


def test_one_residents_background_in_a_small_area_reveals_nothing():
    """Attack 1: 18 newcomers, one of whom filled in everything (man, 65-80, alone,
    arbeidsongeschikt, Marokkaans); the others left it open."""
    unknown_row = {
        "q": 2,
        "inflow_source": "website",
        "referrer_organisation": "",
        **{f"c_{name}": UNKNOWN for name in QUESTIONS},
        "n": 17,
    }
    resident = {
        "q": 2,
        "inflow_source": "website",
        "referrer_organisation": "",
        "c_gender": "man",
        "c_age": "65 tot 80",
        "c_household": "alleen",
        "c_work_situation": "arbeidsongeschikt",
        "c_origin": "marokkaans",
        "n": 1,
    }
    data = YearData(
        year=YEAR,
        referrers=[UNKNOWN],
        categories=CATEGORIES,
        group_visits=False,
        mediations=[],
        participants=[unknown_row, resident],
        ads=[],
        quarterly={},
    )
    figures = assemble(data, dt.date(YEAR + 1, 1, 10))
    assert not exposed(figures)
    for period in periods.family(YEAR):
        shown = {key: n for (p, key), n in figures.values.items() if p == period}
        for question in QUESTIONS:
            cells = [key for key in shown if key[:2] == ("composition", question)]
            hidden = [key for key in cells if (period, key) in figures.hidden]
            # Every answer that anyone gave, and every 0, reads "<5".
            assert all((period, key) in figures.hidden for key in cells if shown[key] < 5)
            # The published answers plus the total leave at least two unknowns.
            unknowns = len(hidden) + ((period, ("participants_new",)) in figures.hidden)
            assert unknowns >= 2


# --- Each published relation, one at a time -----------------------------------------------------


def rich_year(skip=(), extra_mediations=(), extra_participants=(), extra_ads=(), quarterly=None):
    """A year in which every cell is 6 or more, except what `skip` leaves out (pairs such
    as ("origin", "turks"), ("source", "huisbezoek"), ("kind", "vacature"), ("reason",
    "gezondheid")) and what the extra rows add."""
    skip = set(skip)
    mediations = []
    for q in range(1, 5):
        for reason in END_REASONS:
            if ("reason", reason) in skip:
                continue
            raw = "" if reason == UNKNOWN else reason
            for supported, ok in ((True, True), (False, False)):
                mediations.append(
                    {"q": q, "ended_q": q, "end_reason": raw, "broker_supported": supported,
                     "ok": ok, "n": 6}
                )  # fmt: skip
        for supported, ok in ((True, False), (False, True)):
            mediations.append(
                {"q": q, "ended_q": 5, "end_reason": "", "broker_supported": supported, "ok": ok,
                 "n": 6}
            )  # fmt: skip
    sources = [k for k in INFLOW_KEYS if k != Inflow.REFERRAL] + [
        (Inflow.REFERRAL.value, org) for org in REFERRERS
    ]
    sources = [s for s in sources if ("source", s) not in skip]
    options = {
        name: [k for k in composition_keys(name) if (name, k) not in skip] for name in QUESTIONS
    }
    participants = []
    for q in range(1, 5):
        for i in range(10):
            participants.append(participant(q, sources[i % len(sources)], options, i, 6))
    ads = [
        {"q": q, "kind": kind, "category__name": category, "n": 6}
        for q in range(1, 5)
        for kind in KINDS
        for category in CATEGORIES
        if ("kind", kind) not in skip and ("category", category) not in skip
    ]
    counts = {name: dict.fromkeys(range(1, 5), 12) for name in QUARTERLY}
    counts.update(quarterly or {})
    return YearData(
        year=YEAR,
        referrers=REFERRERS,
        categories=CATEGORIES,
        group_visits=True,
        mediations=mediations + list(extra_mediations),
        participants=participants + list(extra_participants),
        ads=ads + list(extra_ads),
        quarterly=counts,
    )


def participant(q, source, options, i, n):
    inflow, referrer = source if isinstance(source, tuple) else (source, "")
    row = {
        "q": q,
        "inflow_source": "" if inflow == UNKNOWN else {"evenement": "markt"}.get(inflow, inflow),
        "referrer_organisation": "" if referrer == UNKNOWN else referrer,
        "n": n,
    }
    for name in QUESTIONS:
        row[f"c_{name}"] = options[name][i % len(options[name])]
    return row


ALL_OPTIONS = {name: composition_keys(name) for name in QUESTIONS}
RELATIONS = {
    "origin against the newcomers": rich_year(
        skip=[("origin", "turks")],
        extra_participants=[participant(1, "website", {**ALL_OPTIONS, "origin": ["turks"]}, 0, 2)],
    ),
    "inflow against the newcomers": rich_year(
        skip=[("source", "huisbezoek")],
        extra_participants=[participant(2, "huisbezoek", ALL_OPTIONS, 0, 2)],
    ),
    "referrers against the referral inflow": rich_year(
        skip=[("source", ("doorverwijzing", "GGZ West"))],
        extra_participants=[participant(3, ("doorverwijzing", "GGZ West"), ALL_OPTIONS, 0, 1)],
    ),
    "categories against the new ads": rich_year(
        skip=[("category", "Taal")],
        extra_ads=[{"q": 1, "kind": "vraag", "category__name": "Taal", "n": 2}],
    ),
    "requests, offers and vacancies against the new ads": rich_year(
        skip=[("kind", "vacature")],
        extra_ads=[{"q": 4, "kind": "vacature", "category__name": "Klussen", "n": 1}],
    ),
    "end reasons and running against the mediations": rich_year(
        skip=[("reason", "gezondheid")],
        extra_mediations=[
            {
                "q": 2,
                "ended_q": 2,
                "end_reason": "gezondheid",
                "broker_supported": False,
                "ok": False,
                "n": 1,
            }
        ],  # fmt: skip
    ),
    "a quarter against its half-year and year": rich_year(
        quarterly={"reactions_total": {1: 3, 2: 12, 3: 12, 4: 12}}
    ),
}


@pytest.mark.parametrize("relation", RELATIONS)
def test_a_small_cell_cannot_be_computed_back_through(relation):
    data = RELATIONS[relation]
    figures = assemble(data, dt.date(YEAR + 1, 3, 1))
    # Without secondary suppression the small cell would follow from the others ...
    naive = copy.copy(figures)
    naive.hidden = {
        cell
        for cell, n in figures.values.items()
        if 0 < n < 5 or (n == 0 and cell[1][0] in funder.ZERO_HIDDEN)
    }
    assert exposed(naive)
    # ... with it, nothing does.
    assert not exposed(figures)
