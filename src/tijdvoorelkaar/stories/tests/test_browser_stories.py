"""Success stories walked in Chromium, in Dutch: the broker writes a story, records
consent, publishes it on the home page; the participant withdraws and it is gone."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.participants.tests.factories import participant as make_participant
from tijdvoorelkaar.stories.models import StoryConsent

pytestmark = pytest.mark.browser

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = dt.datetime(2026, 11, 16, 9, 0, tzinfo=AMS)
PASSWORD = demo.DEMO_PASSWORD
TITLE = "Samen de tuin weer op orde"


def h1(page) -> str:
    return page.locator("h1").inner_text()


def sign_out(page) -> None:
    page.click("button:has-text('Uitloggen')")
    page.wait_for_load_state()


def test_story_with_consent_on_the_home_page_and_withdrawn_at_once(page):
    with time_machine.travel(MONDAY, tick=True):
        areas = demo.seed_areas()
        demo.seed_users(areas)
        area = Area.objects.get(slug="utrecht-zuid")
        bert = make_participant(
            area, "Bert", last_name="Verhoeven", email="bert@buurt.test", password=PASSWORD
        )
        carla = make_participant(area, "Carla", email="carla@buurt.test")
        carla.display_name = "Tante Carla"
        carla.save()

        # The broker writes the story; the last name slips in and is refused.
        sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", PASSWORD)
        page.goto("/utrecht-zuid/makelaar/verhalen/")
        assert h1(page) == "Verhalen"
        assert_accessible(page)
        page.fill("#id_title", TITLE)
        page.fill("#id_body", "Bert Verhoeven hielp Tante Carla met haar tuin.")
        page.fill("#id_participants", f"{bert.pk}, {carla.pk}")
        page.click("button:has-text('Verhaal opslaan')")
        assert "niet 'Verhoeven'" in page.content()
        assert_accessible(page)
        page.fill(
            "#id_body", "Bert hielp Tante Carla met haar tuin. Nu drinken ze elke week koffie."
        )
        page.click("button:has-text('Verhaal opslaan')")
        assert h1(page) == TITLE
        assert_accessible(page)

        # Publishing before everyone consented is refused.
        page.click("button:has-text('Op de startpagina zetten')")
        assert "pas op de site als iedereen" in page.content()
        assert_accessible(page)

        for person, channel in ((bert, "persoonlijk"), (carla, "telefoon")):
            consent = StoryConsent.objects.get(participant=person)
            page.select_option(f"#id_c{consent.pk}-channel", channel)
            page.click(f"button:has-text('Toestemming van {person.public_name} vastleggen')")
            assert "De toestemming is vastgelegd." in page.content()
        page.click("button:has-text('Op de startpagina zetten')")
        assert "Het verhaal staat op de startpagina." in page.content()
        assert "staat op de startpagina" in page.content()
        assert_accessible(page)
        sign_out(page)

        # Anyone sees it on the area's home page, with first or chosen names only.
        page.goto("/utrecht-zuid/")
        expect(page.locator("h2:has-text('Verhalen uit de buurt')")).to_be_visible()
        expect(page.locator(f"h3:has-text('{TITLE}')")).to_be_visible()
        assert "Met: Bert, Tante Carla" in page.content()
        assert "Verhoeven" not in page.content()
        assert_accessible(page)

        # Bert withdraws his consent on his own page: the story is gone at once.
        sign_in_with_password(page, "utrecht-zuid", "bert@buurt.test", PASSWORD)
        page.goto("/utrecht-zuid/mijn/verhalen/")
        assert h1(page) == "Verhalen over mij"
        assert "U gaf toestemming op" in page.content()
        assert_accessible(page)
        page.click("button:has-text('Toestemming intrekken')")
        assert "Het verhaal staat niet meer op de site." in page.content()
        assert "U hebt uw toestemming ingetrokken" in page.content()
        assert_accessible(page)
        page.goto("/utrecht-zuid/")
        assert TITLE not in page.content()
        sign_out(page)
        page.goto("/utrecht-zuid/")
        assert TITLE not in page.content()

        # The broker sees why it went down.
        sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", PASSWORD)
        page.goto("/utrecht-zuid/makelaar/verhalen/")
        assert "offline gehaald" in page.content()
        assert "ingetrokken" in page.content()
