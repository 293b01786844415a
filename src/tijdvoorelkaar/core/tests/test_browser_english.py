"""Petra, coordinator, reads the site in English: she switches the language with the
switch, checks an import file with a bad line and reads the problem in English, on a wide
screen and on a phone, in Chromium."""

import pytest

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password, switch_language
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.imports.services import COLUMNS, PARTICIPANTS
from tijdvoorelkaar.participants.models import Participant

pytestmark = pytest.mark.browser

BAD_FILE = (
    ",".join(COLUMNS[PARTICIPANTS]) + "\n"
    "p1,Anna Jansen,,,lunetten,,,2024-04-15,,\n"
    "p2,Henk de Vries,,,lunetten,,,15-4-2024,,\n"
).encode()


@pytest.mark.parametrize("width", [1280, 390])
def test_coordinator_reads_an_import_problem_in_english(page, width):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_with_password(page, "utrecht-zuid", "coordinator@utrecht-zuid.test", "tijdvoorelkaar")
    switch_language(page, "en")

    page.goto("/utrecht-zuid/makelaar/importeren/")
    assert page.locator("h1").inner_text() == "Import registrations"
    page.set_input_files(
        "#id_participants",
        files=[{"name": "deelnemers.csv", "mimeType": "text/csv", "buffer": BAD_FILE}],
    )
    page.click("button:has-text('Check')")

    cells = page.locator("table.import-problems tbody tr").first.locator("td").all_inner_texts()
    assert cells == [
        "deelnemers.csv",
        "3",
        '"registered_on": "15-4-2024" is not a date in the form YYYY-MM-DD',
    ]
    assert "geen datum" not in page.content()
    assert_accessible(page)
    assert not Participant.objects.filter(external_id__in=["p1", "p2"]).exists()
