"""Outreach and the notice-board papers walked in Chromium, in Dutch."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.services import ensure_default_categories, set_status
from tijdvoorelkaar.marketplace.tests.factories import ad as make_ad
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant as make_participant

pytestmark = pytest.mark.browser

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = dt.datetime(2026, 11, 16, 9, 0, tzinfo=AMS)
BROKER = "makelaar@utrecht-zuid.test"
PASSWORD = demo.DEMO_PASSWORD


def seed() -> dict:
    areas = demo.seed_areas()
    demo.seed_users(areas)
    return areas


def h1(page) -> str:
    return page.locator("h1").inner_text()


def test_group_visit_with_twelve_reached_and_three_sign_ups_shows_25_percent(page):
    with time_machine.travel(MONDAY, tick=True):
        seed()
        sign_in_with_password(page, "utrecht-zuid", BROKER, PASSWORD)
        page.goto("/utrecht-zuid/makelaar/outreach/")
        assert_accessible(page)
        page.select_option("#id_kind", "groepsbezoek")
        page.fill("#id_place", "Buurthuis De Leeuw")
        page.fill("#id_reached", "12")
        page.click("button:has-text('Vastleggen')")
        assert "Vul in welke groep u bezocht." in page.content()
        page.fill("#id_group", "Koffieochtend ouderen")
        page.click("button:has-text('Vastleggen')")
        assert "De activiteit is vastgelegd." in page.content()
        assert_accessible(page)
        for i, name in enumerate(["Ria", "Hans", "Fatima"]):
            page.fill("#id_first_name", name)
            page.fill("#id_phone", f"06 2000 000{i}")
            page.check("input[name=preferred_channel][value=telefoon]")
            page.click("button:has-text('Inschrijven')")
            assert f"{name} is ingeschreven" in page.content()
        assert page.locator(".joined").inner_text() == "3"
        assert page.locator(".conversion").inner_text() == "25%"
        assert Participant.objects.filter(inflow_source="groepsbezoek").count() == 3

        page.goto("/utrecht-zuid/verslag/?van=2026-11-01&tot=2026-11-30")
        row = page.locator("tr", has_text="Conversie")
        assert row.locator("td").first.inner_text() == "25%"


def test_pdf_ad_list_carries_current_ads_with_codes_and_the_broker_finds_one(page):
    with time_machine.travel(MONDAY, tick=True):
        areas = seed()
        area = areas["utrecht-zuid"]
        ensure_default_categories(area)
        owner = make_participant(area, "Els")
        current = make_ad(owner, "Wie helpt met mijn tuin?", category="Tuin")
        closed = make_ad(owner, "Oude vraag die klaar is")
        set_status(closed, "gesloten")
        sign_in_with_password(page, "utrecht-zuid", BROKER, PASSWORD)
        page.goto("/utrecht-zuid/makelaar/prikbord/")
        assert_accessible(page)
        with page.expect_response("**/advertenties.pdf") as response_info:
            page.evaluate("url => fetch(url)", "/utrecht-zuid/makelaar/prikbord/advertenties.pdf")
        body = response_info.value.body()
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
        assert f"advertentie {current.pk}" in text
        assert "Wie helpt met mijn tuin?" in text
        assert "Oude vraag" not in text
        with page.expect_response("**/poster.pdf") as response_info:
            page.evaluate("url => fetch(url)", "/utrecht-zuid/makelaar/prikbord/poster.pdf")
        poster = response_info.value
        assert poster.headers["content-type"] == "application/pdf"
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(poster.body())).pages)
        assert f"advertentie {current.pk}: Wie helpt met mijn tuin?" in text
        assert "Meedoen: http" in text and "/utrecht-zuid/" in text

        # Someone phones about "advertentie <code>": the broker finds it.
        page.fill("#id_code", f"advertentie {current.pk}")
        page.click("button:has-text('Advertentie zoeken')")
        assert h1(page) == "Wie helpt met mijn tuin?"
        page.goto("/utrecht-zuid/makelaar/advertentie-zoeken/?code=999999")
        assert "geen advertentie met dit nummer" in page.content()
        assert_accessible(page)
