"""The funder's report: fixed periods only, and nothing small that can be computed back."""

import csv
import datetime as dt
import io
import re

import pytest
import time_machine

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.reports import charts, funder, periods, tables
from tijdvoorelkaar.reports.services import kpi
from tijdvoorelkaar.workspace.confidential import save_background

from .conftest import sign_in
from .test_disclosure import exposed

pytestmark = pytest.mark.django_db

URL = "/utrecht-zuid-2005/verslag/"
TODAY = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def fixed_today():
    with time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC), tick=False):
        yield


def cells(html: str, table: str) -> dict[str, list[str]]:
    """{row label: shown cells} of one table on the page."""
    body = html.split(f'data-table="{table}"')[1].split("</table>")[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        label = re.findall(r'<th scope="row">(.*?)</th>', row)
        if label:
            rows[label[0]] = re.findall(r"<td>(.*?)</td>", row)
    return rows


# --- Fixed periods ----------------------------------------------------------------------------


def test_a_funder_gets_fixed_periods_and_free_dates_are_refused_in_dutch(client, scenario):
    sign_in(client, "financier@utrecht-zuid.test")
    for query in (
        "van=2006-01-01&tot=2006-12-31",
        "van=2006-07-01&tot=2006-12-31",
        "van=2006-04-01&tot=2006-06-30",
        "van=2005-01-01&tot=2005-12-31&vergelijk_van=2006-01-01&vergelijk_tot=2006-12-31",
    ):
        assert client.get(URL + "?" + query).status_code == 200, query
    response = client.get(URL + "?van=2005-07-01&tot=2006-06-30")
    html = response.content.decode()
    assert response.status_code == 400
    assert "alleen over een vaste periode" in html
    # The message lists the choices of that year; the form offers them all.
    assert "kiezen uit: heel 2005, 1e halfjaar 2005, 2e halfjaar 2005, 1e kwartaal 2005" in html
    assert '<option value="2006-04-01_2006-06-30">2e kwartaal 2006</option>' in html
    assert 'data-table="bemiddelingen"' not in html

    download = client.get(URL + "download.csv?van=2006-01-01&tot=2006-02-15")
    assert download.status_code == 400
    assert download["Content-Type"] == "text/plain; charset=utf-8"
    assert "alleen over een vaste periode" in download.content.decode()
    for fmt in ("csv", "xlsx", "pdf"):
        ok = client.get(URL + f"download.{fmt}?van=2006-10-01&tot=2006-12-31")
        assert ok.status_code == 200, fmt


def test_a_funder_compares_only_two_periods_of_the_same_kind(client, scenario):
    sign_in(client, "financier@utrecht-zuid.test")
    mixed = "van=2006-01-01&tot=2006-12-31&vergelijk_van=2007-01-01&vergelijk_tot=2007-03-31"
    response = client.get(URL + "?" + mixed)
    assert response.status_code == 400
    assert "dezelfde soort" in response.content.decode()
    same = "van=2006-01-01&tot=2006-06-30&vergelijk_van=2006-01-01&vergelijk_tot=2006-06-30"
    assert client.get(URL + "?" + same).status_code == 400
    assert client.get(URL + "download.xlsx?" + mixed).status_code == 400


def test_a_funder_cannot_ask_for_a_period_that_has_not_started(client, scenario):
    sign_in(client, "financier@utrecht-zuid.test")
    response = client.get(URL + "?van=2027-01-01&tot=2027-03-31")
    assert response.status_code == 400
    assert "nog niet begonnen" in response.content.decode()
    # This year's last quarter has started; the year itself is offered whole.
    assert client.get(URL + "?van=2026-10-01&tot=2026-12-31").status_code == 200
    assert client.get(URL).status_code == 200  # without a choice: this calendar year


def test_the_funders_select_leads_to_the_address_with_van_and_tot(client, scenario):
    sign_in(client, "financier@utrecht-zuid.test")
    response = client.get(URL + "?periode=2006-07-01_2006-09-30&vergelijk=2005-07-01_2005-09-30")
    assert response.status_code == 302
    assert response["Location"] == (
        URL + "?van=2006-07-01&tot=2006-09-30&vergelijk_van=2005-07-01&vergelijk_tot=2005-09-30"
    )
    assert client.get(URL + "?periode=2006-07-01_2006-10-15").status_code == 400


def test_coordinators_keep_free_dates_and_exact_figures(client, scenario):
    sign_in(client, "coordinator@utrecht-zuid.test")
    response = client.get(URL + "?van=2005-07-01&tot=2007-06-30")
    assert response.status_code == 200
    rows = cells(response.content.decode(), "samenstelling-origin")
    area = Area.objects.get(slug="utrecht-zuid-2005")
    exact = kpi(area, dt.date(2005, 7, 1), dt.date(2007, 6, 30))["composition"]["origin"]
    assert 0 < exact["turks"] < 5
    assert rows["Turks"] == [str(exact["turks"])]
    assert "&lt;5" not in str(rows)


# --- The figures ------------------------------------------------------------------------------


def test_the_years_figures_are_the_exact_figures_of_each_fixed_period(scenario):
    area = Area.objects.get(slug="utrecht-zuid-2005")
    year = funder.year_figures(area, 2006, TODAY)
    for period in periods.family(2006):
        exact = kpi(area, period.start, period.end)
        new = exact["participants_new"]
        for key, n in year.period(period).items():
            name = key[0]
            if name == "composition":
                continue  # the funder's composition is of the newcomers, checked below
            if name.startswith("group_visits"):
                expected = (exact["group_visits"] or {}).get(name, 0)
            elif len(key) == 1:
                expected = exact[name]
            else:
                expected = exact[name].get(key[1], 0)
            assert n == expected, (period, key)
        for question in funder.COMPOSITION_KEYS:
            answers = {key[2]: n for key, n in year.period(period).items() if key[:2] == (
                "composition", question)}  # fmt: skip
            assert sum(answers.values()) == new


def test_the_composition_a_funder_sees_is_of_the_newcomers_in_the_period(scenario):
    area = Area.objects.get(slug="utrecht-zuid-2005")
    period = periods.FixedPeriod(periods.HALF, 2006, 2)
    newcomers = Participant.objects.filter(
        area=area, registered_on__gte=period.start, registered_on__lte=period.end
    )
    men = newcomers.filter(background__gender="man").count()
    ((figures, hidden),) = funder.funder_report(area, [period], TODAY)
    assert figures["composition"]["gender"]["man"] == men
    assert sum(figures["composition"]["gender"].values()) == newcomers.count()
    assert figures["participants_total"] % 10 == 0
    exact_total = Participant.objects.filter(area=area, registered_on__lte=period.end).count()
    assert abs(figures["participants_total"] - exact_total) <= 5
    # Every fixed category is a row, in the model's order, also at 0.
    assert list(figures["composition"]["origin"]) == funder.composition_keys("origin")
    assert list(figures["inflow_by_source"]) == funder.INFLOW_KEYS


def test_turks_under_5_cannot_be_computed_on_the_utrecht_zuid_scenario(client, scenario):
    """The figures page used to show origin "Turks <5" beside 168 and the other origins:
    168 - (133 + 13 + 10 + 5 + 5) = 2. Now, in every fixed period of the scenario, a hidden
    Turks comes with at least one other hidden cell of the origin table or its total, and
    no hidden cell of the whole year follows from the published ones."""
    area = Area.objects.get(slug="utrecht-zuid-2005")
    sign_in(client, "financier@utrecht-zuid.test")
    for year in (2005, 2006, 2007):
        figures = funder.year_figures(area, year, TODAY)
        assert not exposed(figures), year
        for period in periods.family(year):
            html = client.get(URL + f"?van={period.start}&tot={period.end}").content.decode()
            origin = cells(html, "samenstelling-origin")
            if origin["Turks"] != ["&lt;5"]:
                continue
            hidden = [label for label, shown in origin.items() if shown == ["&lt;5"]]
            total_hidden = cells(html, "deelnemers")["Nieuw aangemeld"] == ["&lt;5"]
            assert len(hidden) + total_hidden >= 2, (period, origin)


def test_one_residents_background_in_the_demo_area_reveals_nothing(client):
    """Attack 1: the broker fills one resident's background (man, 1950, alone,
    arbeidsongeschikt, Marokkaans) in the demo area; the funder's report shows no table
    whose published cells and total give a hidden cell, in any fixed period of the year."""
    areas = demo.seed()
    area = areas["utrecht-zuid"]
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    resident = Participant.objects.filter(area=area).order_by("pk").first()
    save_background(
        participant=resident,
        broker=broker,
        data={
            "gender": "man",
            "birth_year": 1950,
            "household": "alleen",
            "work_situation": "arbeidsongeschikt",
            "origin": "marokkaans",
        },
    )
    figures = funder.year_figures(area, TODAY.year, TODAY)
    assert not exposed(figures)
    sign_in(client, "financier@utrecht-zuid.test")
    for period in periods.started_in(TODAY.year, TODAY):
        response = client.get(f"/utrecht-zuid/verslag/?van={period.start}&tot={period.end}")
        html = response.content.decode()
        total = cells(html, "deelnemers")["Nieuw aangemeld"][0]
        for question in funder.COMPOSITION_KEYS:
            shown = cells(html, f"samenstelling-{question}")
            hidden = [label for label, value in shown.items() if value == ["&lt;5"]]
            # The resident's answers (and the zeros beside them) all read "<5" ...
            assert all(value == ["&lt;5"] or int(value[0]) >= 5 for value in shown.values())
            # ... and never as the only unknown next to a published total.
            assert len(hidden) != 1 or total == "&lt;5", (period, question, shown)


def test_charts_draw_no_bar_for_a_hidden_value():
    figures = [
        {
            "start": "2026-01-01",
            "end": "2026-03-31",
            "mediations_total": 40,
            "mediations_supported": 30,
            "matches_successful": 2,
            "inflow_by_source": {"website": 12, "evenement": 20},
        }
    ]
    report = tables.build(figures, masked=True, hidden=[{("mediations_supported",)}])
    (mediations, inflow) = charts.charts_for(report)
    _name, heights, texts = mediations.series[0]
    assert heights[:3] == [40, None, None] and texts[:3] == ["40", "<5", "<5"]
    svg = charts.svg(mediations)
    bars = [height for height in heights if height is not None]
    assert svg.count("<rect") == len(bars) + 1  # and the legend's colour swatch
    assert "&lt;5" in svg


def test_a_funders_csv_has_one_section_per_table_and_only_less_than_five(client, scenario):
    sign_in(client, "financier@utrecht-zuid.test")
    text = client.get(URL + "download.csv?van=2006-01-01&tot=2006-06-30").content.decode(
        "utf-8-sig"
    )
    sections = text.split("\r\n\r\n")
    area = Area.objects.get(slug="utrecht-zuid-2005")
    ((figures, hidden),) = funder.funder_report(
        area, [periods.FixedPeriod(periods.HALF, 2006, 1)], TODAY
    )
    report = tables.build([figures], masked=True, hidden=[hidden])
    assert text.endswith("\r\n\r\n")
    assert len(sections) == len(report.tables) + 1
    for section, table in zip(sections, report.tables, strict=False):
        title, header, *rows = list(csv.reader(io.StringIO(section), delimiter=";"))
        assert title == [table.title]
        assert header == ["", "1-1-2006 t/m 30-6-2006"]
        # The page's text, as Dutch Excel reads numbers: no thousands separator.
        page = [[_without_grouping(cell) for cell in row] for row in report.rows_as_text(table)]
        assert rows == page
        for row, (_label, shown) in zip(table.rows, rows, strict=True):
            if row.kind == "count" and row.values[0] is not None:
                assert shown in ("<5", "0") or row.values[0] >= 5, (table.title, row.label)
                assert (shown == "<5") == (row.key in hidden or 0 < row.values[0] < 5)


def _without_grouping(cell: str) -> str:
    return cell.replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", cell) else cell
