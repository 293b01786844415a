"""The newsletter walked in Chromium, in Dutch: turning it on and off, and the one-click
unsubscribe link."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from playwright.sync_api import expect

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.newsletter import services
from tijdvoorelkaar.newsletter.models import NewsletterSubscription

pytestmark = pytest.mark.browser

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = dt.datetime(2026, 11, 16, 9, 0, tzinfo=AMS)
PASSWORD = demo.DEMO_PASSWORD


def seed() -> dict:
    areas = demo.seed_areas()
    demo.seed_users(areas)
    return areas


def h1(page) -> str:
    return page.locator("h1").inner_text()


def sign_out(page) -> None:
    page.click("button:has-text('Uitloggen')")
    page.wait_for_load_state()


def test_a_participant_turns_the_newsletter_on_and_off_on_its_page(page):
    with time_machine.travel(MONDAY, tick=True):
        seed()
        sign_in_with_password(page, "utrecht-zuid", "deelnemer@utrecht-zuid.test", PASSWORD)
        page.goto("/utrecht-zuid/mijn/")
        page.click("a:has-text('Meer instellingen')")
        page.click("a:has-text('Nieuwsbrief')")
        assert h1(page) == "Maandelijkse nieuwsbrief"
        assert_accessible(page)
        page.click("button:has-text('Ja, stuur mij de nieuwsbrief')")
        assert "U krijgt voortaan de maandelijkse nieuwsbrief." in page.content()
        assert "U ontvangt de nieuwsbrief." in page.content()
        assert_accessible(page)
        assert NewsletterSubscription.objects.get().active
        page.click("button:has-text('Afmelden')")
        assert "U krijgt de nieuwsbrief niet meer." in page.content()
        expect(page.locator("button:has-text('Ja, stuur mij de nieuwsbrief')")).to_be_visible()
        assert not NewsletterSubscription.objects.get().active
        sign_out(page)


def test_unsubscribe_link_works_without_signing_in_and_a_tampered_one_does_not(page):
    with time_machine.travel(MONDAY, tick=True):
        areas = seed()
        anna = User.objects.get(email="deelnemer@utrecht-zuid.test")
        sub = services.subscribe(area=areas["utrecht-zuid"], user=anna)
        mail.outbox.clear()
        assert services.send_newsletters(base_url="http://testserver") == 1
        message = mail.outbox[0]
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        path = link.removeprefix("http://testserver")

        tampered = path.rstrip("/")[:-3] + "abc/"
        page.goto(tampered)
        assert h1(page) == "Deze afmeldlink werkt niet"
        assert_accessible(page)
        sub.refresh_from_db()
        assert sub.active

        page.goto(path)
        assert h1(page) == "Afmelden voor de nieuwsbrief"
        assert_accessible(page)
        page.click("button:has-text('Afmelden')")
        assert h1(page) == "U bent afgemeld"
        assert_accessible(page)
        assert not NewsletterSubscription.objects.get(pk=sub.pk).active
