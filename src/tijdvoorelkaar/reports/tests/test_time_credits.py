"""Roosjes in the period report: the figures from the ledger, the table when they are on,
the sentence when they are off, and the funder's "<5"."""

import datetime as dt
import json
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.credits import services as credits
from tijdvoorelkaar.credits.tests.helpers import match
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.reports import tables
from tijdvoorelkaar.reports.services import kpi, time_credit_figures

pytestmark = pytest.mark.django_db

D = dt.date
START, END = D(2026, 1, 1), D(2026, 3, 31)
KEYS = {
    "issued",
    "transfers",
    "hours",
    "participants_giving",
    "participants_receiving",
    "organisations_issuing",
    "organisations_redeeming",
}


def at(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


@pytest.fixture
def roosjes(zuid):
    zuid.time_credits_enabled = True
    zuid.save(update_fields=["time_credits_enabled"])
    return zuid


@pytest.fixture
def coordinator(zuid):
    return create_user_with_role("c@zuid.test", "coordinator", zuid, first_name="Petra").user


def _book_a_quarter_of_roosjes(area, coordinator):
    """Bookings around and inside START..END; returns the people and organisations."""
    anna, bert, carla = (participant(area, name) for name in ("Anna", "Bert", "Carla"))
    leeuw = credits.create_organisation(area=area, name="Buurthuis", accepts_roosjes=True)
    winkel = credits.create_organisation(area=area, name="Winkel", accepts_roosjes=True)

    def on(moment, book):
        with time_machine.travel(moment, tick=False):
            return book()

    # The evening before the period: counts only in what is held at its end.
    on(
        at(START - dt.timedelta(days=1), 23, 30),
        lambda: credits.issue(area=area, organisation=leeuw, lines=[(anna, 4)], actor=coordinator),
    )
    # The first minutes of the period: 3.5 hours issued to two volunteers.
    on(
        at(START, 0, 30),
        lambda: credits.issue(
            area=area, organisation=leeuw, lines=[(anna, 8), (bert, 6)], actor=coordinator
        ),
    )
    # Paper Roosjes: handed out by the project (issued), and from Anna to Bert (not issued).
    on(
        at(D(2026, 1, 10)),
        lambda: credits.book_paper(
            area=area, broker=coordinator, receiver=carla, quarters=4, note="Markt"
        ),
    )
    on(
        at(D(2026, 1, 11)),
        lambda: credits.book_paper(
            area=area, broker=coordinator, receiver=bert, quarters=4, note="Klus", payer=anna
        ),
    )

    # Bert thanks Anna after their match.
    def thanks():
        thank_you = credits.thank(sender=bert, mediation=match(anna, bert), quarters=4)
        return credits.confirm_thanks(thank_you=thank_you, receiver=anna)

    on(at(D(2026, 2, 1)), thanks)
    # An issue booked by mistake and undone the next day: counts nowhere.
    wrong = on(
        at(D(2026, 2, 3)),
        lambda: credits.issue(
            area=area, organisation=winkel, lines=[(carla, 8)], actor=coordinator
        ),
    )
    on(
        at(D(2026, 2, 4)),
        lambda: credits.reverse(transfer=wrong.transfer, actor=coordinator, reason="Vergissing"),
    )
    # The last minutes of the period: Anna exchanges two hours for a discount.
    on(
        at(END, 23, 30),
        lambda: credits.redeem(
            area=area, organisation=leeuw, participant=anna, quarters=8, actor=coordinator
        ),
    )
    # The day after: outside the period.
    on(
        at(END + dt.timedelta(days=1), 0, 30),
        lambda: credits.issue(
            area=area, organisation=winkel, lines=[(carla, 40)], actor=coordinator
        ),
    )


def test_switched_off_the_figures_are_null(zuid):
    figures = kpi(zuid, START, END)
    assert figures["time_credits"] is None
    assert figures["time_credits_in_circulation"] is None


def test_roosjes_figures_count_the_bookings_of_the_period_that_stand(roosjes, coordinator):
    _book_a_quarter_of_roosjes(roosjes, coordinator)
    figures = time_credit_figures(roosjes, START, END)
    assert figures == {
        # 3.5 hours issued by the Buurthuis, 1 hour handed out on paper by the project
        "issued": 4.5,
        # issue, two paper bookings, thanks, redeeming (the undone issue and its
        # correction are left out)
        "transfers": 5,
        "hours": 8.5,
        "participants_giving": 2,  # Anna (paper, redeeming), Bert (thanks)
        "participants_receiving": 3,  # Anna, Bert, Carla
        "organisations_issuing": 1,
        "organisations_redeeming": 1,
    }
    # Held at the end of the period: Anna 1 h, Bert 1.5 h, Carla 1 h (the next day's
    # issue not yet), the same as the ledger's own circulation figure.
    report = kpi(roosjes, START, END)
    assert report["time_credits"] == figures
    assert report["time_credits_in_circulation"] == 3.5
    assert credits.circulation(roosjes, START, END)["outstanding"] == 14  # quarters
    # Whole hours are whole numbers.
    later = time_credit_figures(roosjes, END + dt.timedelta(days=1), END + dt.timedelta(days=1))
    assert later["issued"] == 10 and isinstance(later["issued"], int)


def test_kpi_report_prints_exactly_the_roosjes_keys_as_numbers(roosjes, coordinator):
    _book_a_quarter_of_roosjes(roosjes, coordinator)
    out = StringIO()
    call_command(
        "kpi_report", "--area", "zuid", "--start", str(START), "--end", str(END), stdout=out
    )
    figures = json.loads(out.getvalue())
    assert set(figures["time_credits"]) == KEYS
    assert all(isinstance(v, int | float) for v in figures["time_credits"].values())
    assert figures["time_credits"]["issued"] == 4.5
    roosjes.time_credits_enabled = False
    roosjes.save(update_fields=["time_credits_enabled"])
    out = StringIO()
    call_command(
        "kpi_report", "--area", "zuid", "--start", str(START), "--end", str(END), stdout=out
    )
    assert json.loads(out.getvalue())["time_credits"] is None


def test_the_page_shows_the_roosjes_table_when_on_and_the_sentence_only_when_off(
    client, roosjes, coordinator
):
    _book_a_quarter_of_roosjes(roosjes, coordinator)
    client.force_login(coordinator)
    url = f"/zuid/verslag/?van={START}&tot={END}"
    html = client.get(url).content.decode()
    assert 'data-table="roosjes"' in html
    assert "staan in dit werkgebied uit" not in html
    assert '<th scope="row">Deelnemers die Roosjes kregen</th><td>3</td>' in html
    assert "<td>4,5</td>" in html  # issued, in hours
    roosjes.time_credits_enabled = False
    roosjes.save(update_fields=["time_credits_enabled"])
    html = client.get(url).content.decode()
    assert 'data-table="roosjes"' not in html
    assert "Roosjes (tijdtegoed) staan in dit werkgebied uit." in html


def test_a_funder_sees_small_numbers_of_people_and_organisations_as_less_than_five():
    credits_figures = {
        "issued": 120.5,
        "transfers": 31,
        "hours": 140,
        "participants_giving": 3,
        "participants_receiving": 12,
        "organisations_issuing": 2,
        "organisations_redeeming": 0,
    }
    figures = [
        {
            "start": "2026-01-01",
            "end": "2026-03-31",
            "time_credits": credits_figures,
            "time_credits_in_circulation": 88.25,
        }
    ]
    report = tables.build(figures, masked=True, hidden=[set()])
    (table,) = [t for t in report.tables if t.key == "roosjes"]
    rows = {row[0]: row[1] for row in report.rows_as_text(table)}
    assert rows["Deelnemers die Roosjes gaven"] == "<5"
    assert rows["Deelnemers die Roosjes kregen"] == "12"
    assert rows["Organisaties die Roosjes uitgaven"] == "<5"
    assert rows["Organisaties die Roosjes innamen voor korting"] == "0"
    assert rows["Boekingen"] == "31"
    assert rows["Roosjes uitgegeven (uren): door organisaties en het project"] == "120,5"
    assert report.time_credits
    exact = tables.build(figures, masked=False)
    rows = {row[0]: row[1] for t in exact.tables for row in exact.rows_as_text(t)}
    assert rows["Deelnemers die Roosjes gaven"] == "3"
    off = tables.build(
        [{"start": "2026-01-01", "end": "2026-03-31", "time_credits": None}], masked=False
    )
    assert not off.time_credits and "roosjes" not in [t.key for t in off.tables]
