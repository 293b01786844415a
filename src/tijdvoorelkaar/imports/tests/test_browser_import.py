"""Petra, coordinator in Utrecht Zuid, moves the old Outlook and Excel lists in, in Chromium."""

import pytest

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.imports.services import ADS, MEDIATIONS, PARTICIPANTS
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant

from .helpers import csv_bytes, good_rows, xlsx_bytes

pytestmark = pytest.mark.browser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def demo_rows():
    rows = good_rows()
    for row in rows[PARTICIPANTS]:
        row["neighbourhood"] = "lunetten"
    rows[ADS][0]["neighbourhood"] = "hoograven"
    return rows


def choose(page, field: str, name: str, data: bytes, mime: str = "text/csv") -> None:
    page.set_input_files(f"#id_{field}", files=[{"name": name, "mimeType": mime, "buffer": data}])


def test_coordinator_sees_the_bad_line_then_imports_a_good_workbook(page):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    before = Participant.objects.count()

    sign_in_with_password(page, "utrecht-zuid", "coordinator@utrecht-zuid.test", "tijdvoorelkaar")
    page.click("nav >> text=Werkplek")
    page.click("text=Registraties importeren")
    assert page.locator("h1").inner_text() == "Registraties importeren"
    assert_accessible(page)

    # The Outlook list has one bad line in the middle: a date written the Dutch way.
    rows = demo_rows()
    rows[PARTICIPANTS][1]["registered_on"] = "15-4-2024"
    choose(page, "participants", "deelnemers.csv", csv_bytes(PARTICIPANTS, rows[PARTICIPANTS]))
    choose(page, "ads", "advertenties.csv", csv_bytes(ADS, rows[ADS]))
    page.click("button:has-text('Importeren')")

    assert "Niets geïmporteerd: 1 fout gevonden" in page.locator("[role=alert]").inner_text()
    cells = page.locator("table.import-problems tbody tr").first.locator("td").all_inner_texts()
    assert cells == [
        "deelnemers.csv",
        "3",
        '"registered_on": "15-4-2024" is geen datum in de vorm JJJJ-MM-DD',
    ]
    assert page.locator("table.import-problems tbody tr").count() == 1
    assert_accessible(page)
    assert Participant.objects.count() == before
    assert not Ad.objects.filter(external_id__isnull=False).exists()

    # She fixes it in Excel and checks the workbook first.
    rows = demo_rows()
    participants = xlsx_bytes(PARTICIPANTS, rows[PARTICIPANTS])
    mediations = xlsx_bytes(MEDIATIONS, rows[MEDIATIONS])
    choose(page, "participants", "deelnemers.xlsx", participants, XLSX)
    choose(page, "ads", "advertenties.csv", csv_bytes(ADS, rows[ADS]))
    choose(page, "mediations", "bemiddelingen.xlsx", mediations, XLSX)
    page.click("button:has-text('Controleren')")
    summary = page.locator(".import-summary").inner_text()
    assert "Controle geslaagd: er is nog niets opgeslagen" in summary
    assert "deelnemers (participants): 3 aan te maken, 0 ongewijzigd" in summary
    assert "categorieën toe te voegen: fietsen repareren" in summary
    assert_accessible(page)
    assert Participant.objects.count() == before

    # Then imports it.
    choose(page, "participants", "deelnemers.xlsx", participants, XLSX)
    choose(page, "ads", "advertenties.csv", csv_bytes(ADS, rows[ADS]))
    choose(page, "mediations", "bemiddelingen.xlsx", mediations, XLSX)
    page.click("button:has-text('Importeren')")
    summary = page.locator(".import-summary").inner_text()
    assert "Import geslaagd" in summary
    assert "bemiddelingen (mediations): 4 aangemaakt, 0 ongewijzigd" in summary
    assert_accessible(page)
    assert Participant.objects.filter(area=areas["utrecht-zuid"], external_id="P1").exists()
    assert Mediation.objects.filter(area=areas["utrecht-zuid"]).count() == 4

    # The new people are in the broker's registry.
    page.goto("/utrecht-zuid/makelaar/deelnemers/?q=Serkan")
    assert "Serkan Demir" in page.content()
