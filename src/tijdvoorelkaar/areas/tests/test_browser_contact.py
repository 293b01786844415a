"""The coordinator fills in the organisation's phone number; a resident on a phone sees it
on the first screen and can press it."""

import pytest
from playwright.sync_api import expect

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo

pytestmark = pytest.mark.browser


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_coordinator_sets_the_number_and_a_resident_on_a_phone_can_press_it(page, media):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    sign_in_with_password(page, "utrecht-zuid", "coordinator@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto("/utrecht-zuid/makelaar/instellingen/")
    page.get_by_role("link", name="Naam van de organisatie, telefoonnummer en adres").click()
    expect(page.get_by_role("heading", name="Organisatie en contact")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Telefoonnummer").fill("030 98")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Een telefoonnummer heeft 10 cijfers").first).to_be_visible()
    assert_accessible(page)
    assert Area.objects.get(slug="utrecht-zuid").phone == "030 123 45 67"
    page.get_by_label("Telefoonnummer").fill("030 987 65 43")
    page.get_by_label("Voornaam van de sociaal makelaar").fill("Ilse")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De gegevens zijn opgeslagen.")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/utrecht-zuid/")
    assert_accessible(page)
    links = page.locator('a[href="tel:+31309876543"]')
    first = links.first
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, "not on the first screen"
    assert box["height"] >= 44 and box["width"] >= 44, "too small to press"
    assert "030 987 65 43" in first.inner_text()
    call_us = page.locator(".call-us")
    assert "Bel Ilse, de sociaal makelaar" in call_us.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
