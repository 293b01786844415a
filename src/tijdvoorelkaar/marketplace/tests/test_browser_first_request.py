"""A 74-year-old on her phone, from the site's front page to her placed request: the phone
number on the first screen, the request written first, then who she is, then the emailed
button, and she lands on her request with what happens now."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from tijdvoorelkaar.core.testing import assert_accessible, link_from_mail
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.models import Ad

pytestmark = pytest.mark.browser

PHONE_WIDTH, PHONE_HEIGHT = 390, 844
REQUEST = "Ik kan slecht lopen. Wie doet op dinsdag boodschappen met mij?"


def on_first_screen(page, selector) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE_HEIGHT


def fits_the_window(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_from_the_front_page_to_her_placed_request_on_a_phone(page):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    page.set_viewport_size({"width": PHONE_WIDTH, "height": PHONE_HEIGHT})
    screens = []

    def arrived():
        screens.append(page.url)
        assert fits_the_window(page), page.url
        assert_accessible(page)

    page.goto("/")
    arrived()
    assert on_first_screen(page, 'a[href="tel:+31301234567"]')
    page.get_by_role("link", name="Utrecht Zuid").click()
    arrived()
    assert on_first_screen(page, 'a[href="tel:+31301234567"]')
    assert on_first_screen(page, "text=Ik zoek hulp")
    page.get_by_role("link", name="Ik zoek hulp").click()
    arrived()

    # She forgets her email address the first time: everything she typed stays.
    page.get_by_label("Waar zoekt u hulp bij?").fill(REQUEST)
    page.get_by_label("Uw voornaam").fill("Gerda")
    page.get_by_label("Uw buurt").select_option(label="Lunetten")
    page.get_by_label("Ik heb de privacyverklaring gelezen").check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Vul uw e-mailadres in, of kies: bel mij terug.").first).to_be_visible()
    assert page.get_by_label("Waar zoekt u hulp bij?").input_value() == REQUEST
    assert page.get_by_label("Uw voornaam").input_value() == "Gerda"
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill("gerda@example.org")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", name="Kijk in uw e-mail")).to_be_visible()
    arrived()
    assert not Ad.objects.exists()

    page.goto(link_from_mail(mail.outbox[-1]))  # she opens the email and presses its button
    arrived()
    page.get_by_role("button", name="Bevestig en log in").click()
    expect(page.get_by_role("heading", name="Uw vraag staat op de site")).to_be_visible()
    arrived()
    expect(page.get_by_role("heading", name="Wat gebeurt er nu?")).to_be_visible()
    expect(page.get_by_text("Buurtbewoners die meedoen en ingelogd zijn")).to_be_visible()
    ad = Ad.objects.get()
    assert ad.description == REQUEST and ad.owner.user.first_name == "Gerda"
    assert page.url.endswith(f"/utrecht-zuid/advertenties/{ad.pk}/geplaatst/")
    # The front page, the area, the form, "look in your email", the email's button page
    # and her placed request: six screens, five fields to fill in (before: ten screens from
    # the front page, six fields, and the request typed last, after signing up).
    assert len(screens) == 6


def test_without_email_she_asks_to_be_called_back(page):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    page.set_viewport_size({"width": PHONE_WIDTH, "height": PHONE_HEIGHT})
    page.goto("/utrecht-zuid/hulp-vragen/")
    page.get_by_label("Waar zoekt u hulp bij?").fill(REQUEST)
    page.get_by_label("Uw voornaam").fill("Gerda")
    page.get_by_label("Uw buurt").select_option(label="Lunetten")
    page.get_by_label("Bel mij terug: ik heb geen e-mail").check()
    page.get_by_label("Telefoonnummer (als u wilt dat we u bellen)").fill("030 25 11")
    page.get_by_label("Ik heb de privacyverklaring gelezen").check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Een telefoonnummer heeft 10 cijfers").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Telefoonnummer (als u wilt dat we u bellen)").fill("030 251 11 22")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", name="Dank u, Gerda. We bellen u terug.")).to_be_visible()
    assert fits_the_window(page)
    assert_accessible(page)
    assert mail.outbox == []
    assert Ad.objects.get().owner.phone == "030 251 11 22"
