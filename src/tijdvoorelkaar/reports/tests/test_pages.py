"""Who may see the report, the "<5" rule, and the downloads."""

import io
from io import StringIO

import pytest
from django.core.management import call_command

from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.reports import tables

pytestmark = pytest.mark.django_db

YEARS = "van=2005-07-01&tot=2006-06-30&vergelijk_van=2006-07-01&vergelijk_tot=2007-06-30"
URL = "/utrecht-zuid-2005/verslag/"


@pytest.fixture
def scenario():
    areas = demo.seed_areas()
    demo.seed_users(areas)
    call_command("seed_demo", scenario="utrecht-zuid-2005", stdout=StringIO())


def sign_in(client, email):
    from tijdvoorelkaar.accounts.models import User

    client.force_login(User.objects.get(email=email))


def test_masking_hides_small_counts_shares_over_few_and_their_growth():
    figures = [
        {
            "start": "2026-01-01",
            "end": "2026-03-31",
            "mediations_total": 4,
            "mediations_supported": 0,
            "reciprocity_gave_and_received_share": 0.5,
            "match_participants": 4,
            "inflow_by_source": {"website": 12, "markt": 3},
        },
        {
            "start": "2026-04-01",
            "end": "2026-06-30",
            "mediations_total": 12,
            "mediations_supported": 6,
            "reciprocity_gave_and_received_share": 0.25,
            "match_participants": 8,
            "inflow_by_source": {"website": 30},
        },
    ]
    report = tables.build(figures, masked=True)
    rows = {row[0]: row[1:] for t in report.tables for row in report.rows_as_text(t)}
    assert rows["Bemiddelingen tussen bewoners"] == ["<5", "12", ""]
    first = report.rows_as_text(report.tables[0])
    assert first[1] == ["waarvan actief ondersteund door de makelaar", "<5", "6", ""]
    assert rows["Deden iets voor een ander én kregen hulp (van wie in een koppeling zat)"][:2] == [
        "<5",
        "25%",
    ]
    assert rows["website"] == ["12", "30", "2,5"]
    full = tables.build(figures, masked=False)
    rows = {row[0]: row[1:] for t in full.tables for row in full.rows_as_text(t)}
    assert rows["Bemiddelingen tussen bewoners"] == ["4", "12", "3"]


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
    assert client.get(URL + "download.pdf?" + YEARS).status_code == 403
    assert client.get("/nergens/verslag/").status_code == 404
    for email in (
        "coordinator@utrecht-zuid.test",
        "makelaar@utrecht-zuid.test",
        "financier@utrecht-zuid.test",
    ):
        sign_in(client, email)
        assert client.get(URL + "?" + YEARS).status_code == 200, email


def test_staff_see_exact_figures_and_growth(client, scenario):
    sign_in(client, "coordinator@utrecht-zuid.test")
    html = client.get(URL + "?" + YEARS).content.decode()
    assert "<td>48</td><td>141</td><td>2,9</td>" in html
    assert "<svg" in html and "&lt;5" not in html.split("<main")[1].split("</form>")[1]


def test_funder_sees_aggregates_with_small_cells_hidden_and_no_names(client, scenario):
    sign_in(client, "financier@utrecht-zuid.test")
    html = client.get(URL + "?" + YEARS).content.decode()
    assert "<td>48</td><td>141</td><td>2,9</td>" in html
    assert "<td>&lt;5</td>" in html  # e.g. referrals from one organisation
    for name in ("Deelnemer 1", "Anna", "Jansen", "Petra"):
        assert name not in html.split("<main")[1]


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
    assert [c.value for c in sheet[4]] == ["Bemiddelingen tussen bewoners", 48, 141, "2,9"]
    assert len(book.sheetnames) >= 10

    sign_in(client, "financier@utrecht-zuid.test")
    response = client.get(URL + "download.pdf?" + YEARS)
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Bemiddelingen tussen bewoners" in text and "189" not in text
    assert "<5" in text and "Deelnemer 1" not in text
