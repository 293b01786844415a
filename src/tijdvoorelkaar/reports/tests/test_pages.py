"""Who may see the report, the "<5" rule, and the downloads."""

import datetime as dt
import io

import pytest

from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.reports import tables

from .conftest import sign_in

pytestmark = pytest.mark.django_db

YEARS = "van=2005-07-01&tot=2006-06-30&vergelijk_van=2006-07-01&vergelijk_tot=2007-06-30"
# A funder chooses fixed periods: here the calendar years 2006 and 2007.
FUNDER_YEARS = "van=2006-01-01&tot=2006-12-31&vergelijk_van=2007-01-01&vergelijk_tot=2007-12-31"
URL = "/utrecht-zuid-2005/verslag/"


def test_funder_tables_show_every_hidden_cell_as_less_than_five_without_growth():
    figures = [
        {
            "start": "2026-01-01",
            "end": "2026-03-31",
            "mediations_total": 4,
            "mediations_supported": 0,
            "matches_successful": 40,
            "reciprocity_gave_and_received_share": 0.5,
            "inflow_by_source": {"website": 12, "evenement": 0},
        },
        {
            "start": "2026-04-01",
            "end": "2026-06-30",
            "mediations_total": 12,
            "mediations_supported": 6,
            "matches_successful": 80,
            "reciprocity_gave_and_received_share": 0.25,
            "inflow_by_source": {"website": 30, "evenement": 7},
        },
    ]
    # A count of 1-4 always reads "<5"; other cells when the funder's report hides them
    # (here a secondary cell of 40 and a share).
    first = {
        ("matches_successful",),
        ("reciprocity_gave_and_received_share",),
        ("inflow_by_source", "evenement"),
    }
    hidden = [first, set()]
    report = tables.build(figures, masked=True, hidden=hidden)
    rows = {row[0]: row[1:] for t in report.tables for row in report.rows_as_text(t)}
    assert rows["Bemiddelingen tussen bewoners"] == ["<5", "12", ""]
    mediations = report.rows_as_text(report.tables[0])
    assert mediations[1] == ["waarvan actief ondersteund door de makelaar", "0", "6", ""]
    assert rows["Geslaagde koppelingen"] == ["<5", "80", ""]
    share = "Deden iets voor een ander én kregen hulp (van wie in een koppeling zat)"
    assert rows[share][:2] == ["<5", "25%"]
    assert rows["markt of evenement"] == ["<5", "7", ""]
    assert rows["website"] == ["12", "30", "2,5"]
    # The funder's rows keep their fixed order, whatever the counts.
    assert [r.label for r in report.tables[3].rows] == ["website", "markt of evenement"]
    full = tables.build(figures, masked=False)
    rows = {row[0]: row[1:] for t in full.tables for row in full.rows_as_text(t)}
    assert rows["Bemiddelingen tussen bewoners"] == ["4", "12", "3"]
    assert rows["Geslaagde koppelingen"] == ["40", "80", "2"]


def test_who_may_see_the_report(client, scenario):
    response = client.get(URL)
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
    from tijdvoorelkaar.areas.models import Area

    create_user_with_role(
        "deelnemer@utrecht-zuid.test", "participant", Area.objects.get(slug="utrecht-zuid-2005")
    )
    sign_in(client, "deelnemer@utrecht-zuid.test")  # a participant of this area
    assert client.get(URL).status_code == 403
    sign_in(client, "financier@breda-hoge-vucht.test")
    assert client.get(URL).status_code == 403
    assert client.get(URL + "download.pdf?" + FUNDER_YEARS).status_code == 403
    assert client.get("/nergens/verslag/").status_code == 404
    for email in ("coordinator@utrecht-zuid.test", "makelaar@utrecht-zuid.test"):
        sign_in(client, email)
        assert client.get(URL + "?" + YEARS).status_code == 200, email
    sign_in(client, "financier@utrecht-zuid.test")
    assert client.get(URL + "?" + FUNDER_YEARS).status_code == 200


def test_staff_see_exact_figures_and_growth(client, scenario):
    sign_in(client, "coordinator@utrecht-zuid.test")
    html = client.get(URL + "?" + YEARS).content.decode()
    assert "<td>48</td><td>141</td><td>2,9</td>" in html
    assert "<svg" in html and "&lt;5" not in html.split("<main")[1].split("</form>")[1]


def test_funder_sees_aggregates_with_small_cells_hidden_and_no_names(client, scenario):
    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.reports.services import kpi

    area = Area.objects.get(slug="utrecht-zuid-2005")
    exact = [kpi(area, dt.date(year, 1, 1), dt.date(year, 12, 31)) for year in (2006, 2007)]
    sign_in(client, "financier@utrecht-zuid.test")
    html = client.get(URL + "?" + FUNDER_YEARS).content.decode()
    a, b = exact[0]["mediations_total"], exact[1]["mediations_total"]
    assert f"<td>{a}</td><td>{b}</td><td>{_factor(b / a)}</td>" in html
    assert "<td>&lt;5</td>" in html  # e.g. referrals from one organisation
    for name in ("Deelnemer 1", "Anna", "Jansen", "Petra"):
        assert name not in html.split("<main")[1]


def _factor(x: float) -> str:
    return f"{round(x, 1)}".replace(".", ",").removesuffix(",0")


def test_bad_dates_get_a_dutch_message_and_no_report(client, scenario):
    sign_in(client, "coordinator@utrecht-zuid.test")
    response = client.get(URL + "?van=2026-05-01&tot=2026-04-01")
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    response = client.get(URL + "?van=morgen&tot=2026-04-01&vergelijk_van=2026-01-01")
    html = response.content.decode()
    assert "Vul een geldige datum in" in html
    bad = client.get(URL + "download.xlsx?van=2026-05-01&tot=2026-04-01")
    assert bad.status_code == 400 and "klopt niet" in bad.content.decode()


def test_downloads_hold_every_table_and_the_funder_rule(client, scenario):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    sign_in(client, "coordinator@utrecht-zuid.test")
    csv_text = client.get(URL + "download.csv?" + YEARS).content.decode("utf-8-sig")
    assert "Bemiddelingen tussen bewoners;48;141;2,9" in csv_text
    book = load_workbook(io.BytesIO(client.get(URL + "download.xlsx?" + YEARS).content))
    sheet = book["Bemiddelingen en koppelingen"]
    assert [c.value for c in sheet[4]] == ["Bemiddelingen tussen bewoners", 48, 141, 2.9]
    assert [c.number_format for c in sheet[4]][1:] == ["#,##0", "#,##0", "#,##0.0"]
    assert len(book.sheetnames) >= 10

    sign_in(client, "financier@utrecht-zuid.test")
    response = client.get(URL + "download.pdf?" + FUNDER_YEARS)
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Bemiddelingen tussen bewoners" in text and "189" not in text
    assert "<5" in text and "Deelnemer 1" not in text
