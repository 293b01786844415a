"""Two areas with their own look on one installation, and a coordinator changing theirs."""

import pytest
from playwright.sync_api import expect

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo

pytestmark = pytest.mark.browser

HEADER_COLOUR = "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
NAV_COLOUR = "getComputedStyle(document.querySelector('.site-nav')).backgroundColor"


def test_two_areas_look_different_and_a_coordinator_changes_the_theme(page, tmp_path):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    assert (areas["utrecht-zuid"].theme, areas["breda-hoge-vucht"].theme) == ("utrecht", "breda")

    shots, colours = {}, {}
    for slug in ("utrecht-zuid", "breda-hoge-vucht"):
        page.goto(f"/{slug}/")
        assert_accessible(page)
        colours[slug] = (page.evaluate(HEADER_COLOUR), page.evaluate(NAV_COLOUR))
        path = tmp_path / f"{slug}.png"
        page.screenshot(path=str(path), full_page=True)
        shots[slug] = path.read_bytes()
    assert shots["utrecht-zuid"] != shots["breda-hoge-vucht"]
    assert colours["utrecht-zuid"] == ("rgb(36, 87, 143)", "rgb(27, 68, 113)")
    assert colours["breda-hoge-vucht"] == ("rgb(158, 28, 35)", "rgb(58, 58, 58)")

    # Breda on its own domain: the live server's host stands in for it.
    Area.objects.filter(slug="breda-hoge-vucht").update(domain="localhost")
    page.goto("/")
    assert page.url.endswith("/breda-hoge-vucht/")
    assert page.evaluate(HEADER_COLOUR) == "rgb(158, 28, 35)"

    # The coordinator of Utrecht Zuid gives their area the Breda colours and a new name.
    sign_in_with_password(page, "utrecht-zuid", "coordinator@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto("/utrecht-zuid/makelaar/instellingen/")
    expect(page.get_by_role("heading", name="Instellingen van het werkgebied")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Nazorg na (dagen, met komma's)").fill("over twee weken")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("hele getallen tussen 1 en 730").first).to_be_visible()
    assert_accessible(page)
    assert Area.objects.get(slug="utrecht-zuid").follow_up_days == "14,91"

    page.get_by_label("Nazorg na (dagen, met komma's)").fill("14,91")
    page.get_by_label("Naam van het werkgebied").fill("Utrecht Zuid-West")
    page.get_by_label("Breda (rood en antraciet)").check()
    page.get_by_label("Nieuwe categorie").fill("Fietsen repareren")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De instellingen zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_label("Categorie: Fietsen repareren")).to_be_visible()
    assert page.evaluate(HEADER_COLOUR) == "rgb(158, 28, 35)"
    assert page.locator(".site-brand__area").inner_text() == "Utrecht Zuid-West"
    assert_accessible(page)
