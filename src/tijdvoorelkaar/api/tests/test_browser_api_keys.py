"""A participant makes an API key, uses it, and withdraws it, as a person would."""

import pytest
from playwright.sync_api import expect

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.tests.factories import ad

pytestmark = pytest.mark.browser


def test_participant_makes_uses_and_revokes_a_key(page):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    from tijdvoorelkaar.participants.models import Participant

    anna = Participant.objects.get(user__email="deelnemer@utrecht-zuid.test")
    ad(anna, "Wie helpt mij met de tuin?", category="Overig")

    sign_in_with_password(page, "utrecht-zuid", "deelnemer@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto("/utrecht-zuid/mijn/api-sleutels/")
    expect(page.get_by_role("heading", name="API-sleutels")).to_be_visible()
    expect(page.get_by_text("U heeft nog geen sleutels.")).to_be_visible()
    assert_accessible(page)

    # Without a name: a clear message, nothing made.
    page.get_by_role("button", name="Sleutel maken").click()
    expect(page.get_by_text("Geef de sleutel een naam").first).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Naam van de sleutel").fill("Mijn tablet")
    page.get_by_role("button", name="Sleutel maken").click()
    key = page.locator("#api-sleutel").inner_text()
    assert key.startswith("tve_")
    expect(page.get_by_text("u ziet hem maar één keer")).to_be_visible()
    expect(page.get_by_role("cell", name="Mijn tablet", exact=True)).to_be_visible()
    assert_accessible(page)

    mine = page.request.get(
        "/api/areas/utrecht-zuid/me/ads", headers={"Authorization": f"Bearer {key}"}
    )
    assert mine.status == 200
    assert [a["title"] for a in mine.json()] == ["Wie helpt mij met de tuin?"]

    page.goto("/utrecht-zuid/mijn/api-sleutels/")
    assert key not in page.content()
    assert "nog niet" not in page.locator("table").inner_text()  # last used is filled in
    page.get_by_role("button", name="Intrekken: Mijn tablet").click()
    expect(page.get_by_text("De sleutel is ingetrokken")).to_be_visible()
    assert_accessible(page)
    gone = page.request.get(
        "/api/areas/utrecht-zuid/me/ads", headers={"Authorization": f"Bearer {key}"}
    )
    assert gone.status == 401
    assert gone.json()["detail"].startswith("Geen of een ongeldige API-sleutel")
