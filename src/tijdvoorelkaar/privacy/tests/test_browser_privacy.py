"""A resident downloads and erases their data; a broker erases on a phone request."""

import json

import pytest
from pypdf import PdfReader

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.browser


def test_resident_downloads_then_erases_their_account(page, tmp_path):
    area = demo.seed_areas()["utrecht-zuid"]
    henk = participant(
        area,
        "Henk",
        last_name="Pietersen",
        email="henk@example.org",
        password="henk-wachtwoord-1",
        phone="06 1234 9876",
    )
    ad(henk, "Wie wil mijn hond uitlaten?")
    sign_in_with_password(page, "utrecht-zuid", "henk@example.org", "henk-wachtwoord-1")
    page.goto("/utrecht-zuid/mijn/")
    page.click("text=Meer instellingen")
    page.click("text=Mijn gegevens downloaden of verwijderen")
    assert_accessible(page)
    with page.expect_download() as pdf_download:
        page.click("text=Mijn gegevens als PDF")
    pdf_path = tmp_path / "gegevens.pdf"
    pdf_download.value.save_as(pdf_path)
    text = "".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert "Wie wil mijn hond uitlaten?" in text and "henk@example.org" in text
    with page.expect_download() as json_download:
        page.click("text=Mijn gegevens als JSON")
    json_path = tmp_path / "gegevens.json"
    json_download.value.save_as(json_path)
    data = json.loads(json_path.read_text())
    assert data["account"]["achternaam"] == "Pietersen"

    page.click("text=Mijn account en gegevens verwijderen")
    page.click("button:has-text('Definitief verwijderen')")
    assert "Vink aan dat u uw account echt wilt verwijderen." in page.content()
    assert_accessible(page)
    page.check("#id_confirm")
    page.click("button:has-text('Definitief verwijderen')")
    assert "Uw account en uw gegevens zijn verwijderd" in page.content()
    assert not User.objects.filter(email="henk@example.org").exists()
    page.goto("/utrecht-zuid/advertenties/")
    assert "Wie wil mijn hond uitlaten?" not in page.content()


def test_broker_erases_on_a_phone_request(page):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    ria = participant(area, "Ria", last_name="Vermeulen", email=None, phone="030 123 4567")
    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto(f"/utrecht-zuid/makelaar/deelnemers/{ria.pk}/")
    page.click("text=Gegevens verwijderen (AVG)")
    page.click("button:has-text('Definitief verwijderen')")
    assert "Geef een reden op." in page.content()
    assert_accessible(page)
    page.fill("#id_reason", "verzoek per telefoon")
    page.check("#id_confirm")
    page.click("button:has-text('Definitief verwijderen')")
    ria.refresh_from_db()
    ria.user.refresh_from_db()
    assert ria.user.last_name == "deelnemer" and ria.phone == ""
    event = AuditEvent.objects.get(action="person.erase")
    assert event.actor.email == "makelaar@utrecht-zuid.test" and "telefoon" in event.detail
