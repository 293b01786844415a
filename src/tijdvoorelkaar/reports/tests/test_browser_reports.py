"""The coordinator compares the two Utrecht Zuid years and downloads the report; the
funder sees only totals, small cells as "<5", in Chromium."""

import io
import re
from io import StringIO

import pytest
from django.core.management import call_command

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo

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
    assert ["Bemiddelingen tussen bewoners", 48, 141, "2,9"] in rows
    assert ["waarvan actief ondersteund door de makelaar", 35, 76, "2,2"] in rows

    with page.expect_download() as pdf:
        page.click("text=Verslag als PDF (voor de gemeente)")
    with open(pdf.value.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert re.search(r"Bemiddelingen tussen bewoners\s+48\s+141\s+2,9", text)
    assert re.search(r"Reacties op advertenties\s+75\s+122\s+1,6", text)
    assert "1-7-2005 t/m 30-6-2006" in text


def test_funder_sees_small_cells_as_less_than_five_and_no_names(page):
    _setup()
    sign_in_with_password(
        page, "utrecht-zuid-2005", "financier@utrecht-zuid.test", "tijdvoorelkaar"
    )
    _compare_years(page)
    assert "Aantallen kleiner dan 5" in page.content()
    assert _row(page, "bemiddelingen", "Bemiddelingen tussen bewoners") == ["48", "141", "2,9"]
    referrals = _row(page, "verwijzers", "Huisartsenpraktijk Hoograven")
    assert referrals == ["<5", "<5", ""]
    main = page.inner_text("main")
    for name in ("Deelnemer 1", "Petra", "Sanne", "Jansen"):
        assert name not in main
    assert_accessible(page)
