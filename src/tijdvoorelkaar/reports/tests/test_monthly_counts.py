"""The stored monthly mediation counts stay equal to the mediations through the services,
and the report gives the same figures with and without them."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db.models import Sum

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import figures, services
from tijdvoorelkaar.mediations.models import MatchDurationMonth, Mediation, MediationMonth
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.reports.services import kpi, whole_months

pytestmark = pytest.mark.django_db

D = dt.date
AGREEMENT = {
    "what": "Samen boodschappen doen",
    "how_often": "wekelijks",
    "hours_each_time": 1,
    "starts_on": D(2026, 1, 1),
    "ends_on": None,
    "review_on": None,
    "helper_holds_key": False,
    "requester_expects": "hulp",
    "provider_expects": "gezelschap",
}
# Whole year, whole months, both ends within a month, one day, a period ending the day
# before and on the day a match ended (mid-month), a period without whole months.
PERIODS = [
    (D(2026, 1, 1), D(2026, 12, 31)),
    (D(2026, 2, 1), D(2026, 3, 31)),
    (D(2026, 1, 15), D(2026, 6, 10)),
    (D(2026, 2, 10), D(2026, 2, 10)),
    (D(2026, 1, 1), D(2026, 6, 13)),
    (D(2026, 1, 1), D(2026, 6, 14)),
    (D(2026, 2, 1), D(2026, 2, 10)),
    (D(2026, 1, 20), D(2026, 2, 20)),
    (D(2025, 12, 1), D(2026, 4, 30)),
]


def on(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.UTC))


@pytest.fixture
def staff(area):
    broker = User.objects.create_user(email="sanne@example.org", first_name="Sanne")
    Role.objects.create(user=broker, area=area, kind="broker")
    coordinator = User.objects.create_user(email="petra@example.org", first_name="Petra")
    Role.objects.create(user=coordinator, area=area, kind="coordinator")
    return broker, coordinator


def propose_and_start(area, broker, requester, provider, **extra):
    m = services.propose(area=area, broker=broker, requester=requester, provider=provider, **extra)
    services.record_answer(m, side="requester", answer="ja", actor=broker)
    services.record_answer(m, side="provider", answer="ja", actor=broker)
    m.refresh_from_db()
    services.record_introduction(m, actor=broker, agreement=AGREEMENT)
    m.refresh_from_db()
    return m


@pytest.fixture
def history(area, staff):
    """Half a year of mediations, every change made through the services."""
    broker, coordinator = staff
    people = [participant(area, f"Bewoner {i}") for i in range(8)]
    a, b, c, d, e, f, g, h = people
    with on(D(2026, 1, 15)):
        request = ad(a, "Hulp bij de boodschappen", category="Boodschappen")
        first = propose_and_start(area, broker, a, b, ad=request)
    with on(D(2026, 2, 10)):
        services.end(first, actor=broker, reason="klus_klaar")
    with on(D(2026, 2, 20)):
        refused = services.propose(area=area, broker=broker, requester=c, provider=d)
        services.record_answer(refused, side="provider", answer="nee", actor=broker)
    with on(D(2026, 3, 5)):
        third = propose_and_start(area, broker, b, c)
    with on(D(2026, 3, 20)):
        services.pause(third, actor=broker)
    with on(D(2026, 4, 3)):
        third.refresh_from_db()
        services.resume(third, actor=broker)
    with on(D(2026, 4, 15)):
        offer = ad(e, "Ik help met de computer", kind="aanbod", category="Computer en digitaal")
        conversation = marketplace.react(ad=offer, participant=f, body="Graag", base_url="http://x")
        services.confirm_going_ahead(conversation, e)
        services.confirm_going_ahead(conversation, f)
    with on(D(2026, 5, 10)):
        moved = services.propose(area=area, broker=broker, requester=g, provider=h)
    with on(D(2026, 6, 2)):
        services.correct(
            moved,
            coordinator=coordinator,
            changes={"started_on": D(2026, 2, 27), "broker_supported": False},
            reason="Verkeerd ingevoerd",
        )
    with on(D(2026, 6, 14)):
        services.end(third, actor=broker, reason="geen_tijd")
    return people


def test_after_the_services_the_stored_counts_equal_a_fresh_count(area, history):
    assert figures.differences(area.pk) == []
    stored = MediationMonth.objects.filter(area=area).aggregate(n=Sum("count"))["n"]
    assert stored == Mediation.objects.filter(area=area, organisation__isnull=True).count() == 5
    # The corrected mediation moved from May to February.
    months = set(MediationMonth.objects.filter(area=area).values_list("month", flat=True))
    assert D(2026, 5, 1) not in months and D(2026, 2, 1) in months
    # Two matches ended: 26 days (15 Jan to 10 Feb) and 101 days (5 Mar to 14 Jun).
    assert set(MatchDurationMonth.objects.filter(area=area).values_list("days", "count")) == {
        (26, 1),
        (101, 1),
    }


def test_the_report_is_the_same_with_and_without_the_stored_counts(area, history):
    for start, end in PERIODS:
        assert kpi(area, start, end) == kpi(area, start, end, monthly=False), (start, end)
    year = kpi(area, D(2026, 1, 1), D(2026, 12, 31))
    assert year["mediations_total"] == 5
    assert year["matches_successful"] == 3
    assert year["mediations_supported_failed"] == 1
    assert year["median_match_days"] == 63.5
    assert year["end_reasons"] == {"anders": 1, "geen_tijd": 1, "klus_klaar": 1}
    assert year["mediations_by_category"]["Boodschappen"] == 1
    # On 13 June the third match was still running; on 14 June it had ended.
    assert kpi(area, D(2026, 1, 1), D(2026, 6, 13))["median_match_days_n"] == 1
    assert kpi(area, D(2026, 1, 1), D(2026, 6, 14))["median_match_days_n"] == 2


def test_whole_months_of_a_period():
    assert whole_months(D(2026, 1, 1), D(2026, 12, 31)) == (D(2026, 1, 1), D(2026, 12, 1))
    assert whole_months(D(2026, 1, 15), D(2026, 3, 31)) == (D(2026, 2, 1), D(2026, 3, 1))
    assert whole_months(D(2026, 1, 1), D(2026, 1, 30)) is None
    assert whole_months(D(2026, 2, 1), D(2026, 2, 28)) == (D(2026, 2, 1), D(2026, 2, 1))
    assert whole_months(D(2026, 1, 2), D(2026, 2, 27)) is None


def test_check_command_finds_and_repairs_a_wrong_count(area, history):
    out = StringIO()
    call_command("check_report_aggregates", stdout=out)
    assert "kloppen" in out.getvalue()
    before = kpi(area, D(2026, 1, 1), D(2026, 12, 31))
    row = MediationMonth.objects.filter(area=area, month=D(2026, 1, 1)).get()
    row.count += 4
    row.save()
    # The report reads the stored counts: the damage shows until it is repaired.
    assert kpi(area, D(2026, 1, 1), D(2026, 12, 31))["mediations_total"] == 9
    with pytest.raises(CommandError, match="--fix"):
        call_command("check_report_aggregates", stdout=StringIO())
    out = StringIO()
    call_command("check_report_aggregates", "--fix", "--area", area.slug, stdout=out)
    assert f"{area.slug}: opnieuw geteld" in out.getvalue()
    assert figures.differences(area.pk) == []
    assert kpi(area, D(2026, 1, 1), D(2026, 12, 31)) == before


def test_check_command_refuses_an_unknown_area(db):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("check_report_aggregates", "--area", "nergens", stdout=StringIO())
