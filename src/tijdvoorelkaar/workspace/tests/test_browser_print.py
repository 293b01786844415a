"""The broker prints a participant's page, a mediation and the task list: in print, only
the content remains (no navigation, header, buttons, forms or footer), black on white.
And the mediation page with both phone numbers and the letter link passes axe."""

import pytest
from playwright.sync_api import expect

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import services
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.workspace.services import schedule_next_contact

pytestmark = pytest.mark.browser

BROKER = "makelaar@utrecht-zuid.test"


def _world():
    """Gerda (no email, a phone number) and Piet, who reacted to her request, proposed to
    each other; two phone tasks for Gerda today (the reaction she cannot read by email, and
    a call-back). Reactions go through the broker."""
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    area.matching_mode = "broker"
    area.save(update_fields=["matching_mode"])
    broker = User.objects.get(email=BROKER)
    gerda = participant(area, "Gerda", last_name="Vos", email=None, phone="06 12345678")
    piet = participant(area, "Piet", last_name="de Groot", email="piet@example.org")
    shopping = ad(gerda, "Boodschappen op vrijdag")
    marketplace.react(ad=shopping, participant=piet, body="Ik kan op vrijdag.", base_url="x")
    mediation = services.propose(
        area=area, broker=broker, requester=gerda, provider=piet, ad=shopping
    )
    schedule_next_contact(participant=gerda, broker=broker, on=clock.today())
    return gerda, mediation


def _only_the_content_prints(page) -> None:
    page.emulate_media(media="print")
    main = page.locator("main#inhoud")
    expect(main).to_be_visible()
    expect(main.locator("h1")).to_be_visible()
    for hidden in ("nav.site-nav", "header.site-header", "footer.site-footer"):
        expect(page.locator(hidden)).to_be_hidden()
    for button in main.locator("button").all():
        expect(button).to_be_hidden()
    for form in main.locator("form:not(.answer-form)").all():
        expect(form).to_be_hidden()
    style = main.locator("h1").evaluate(
        "h => { const s = getComputedStyle(h); return [s.color, getComputedStyle(document.body)"
        ".backgroundColor]; }"
    )
    assert style == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    link = main.locator("a[href]").first
    assert link.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    page.emulate_media(media="screen")
    expect(page.locator("nav.site-nav")).to_be_visible()


def test_the_brokers_pages_print_only_their_content(page):
    gerda, mediation = _world()
    sign_in_with_password(page, "utrecht-zuid", BROKER, demo.DEMO_PASSWORD)

    page.goto(f"/utrecht-zuid/makelaar/deelnemers/{gerda.pk}/")
    expect(page.locator("h1")).to_have_text("Gerda Vos")
    _only_the_content_prints(page)

    page.goto(f"/utrecht-zuid/makelaar/bemiddelingen/{mediation.pk}/")
    expect(page.locator("a.phone-link[href='tel:+31612345678']")).to_be_visible()
    _only_the_content_prints(page)
    page.emulate_media(media="print")
    expect(page.locator("a.phone-link[href='tel:+31612345678']")).to_be_visible()
    expect(page.locator("a.letter-link")).to_be_hidden()
    page.emulate_media(media="screen")

    page.goto("/utrecht-zuid/makelaar/taken/")
    expect(page.locator(".task__phones a[href='tel:+31612345678']").first).to_be_visible()
    _only_the_content_prints(page)


def test_the_mediation_page_with_phone_numbers_and_letter_passes_axe(page):
    gerda, mediation = _world()
    sign_in_with_password(page, "utrecht-zuid", BROKER, demo.DEMO_PASSWORD)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"/utrecht-zuid/makelaar/bemiddelingen/{mediation.pk}/")
        expect(page.get_by_role("link", name="Brief afdrukken voor Gerda")).to_be_visible()
        assert_accessible(page)
        page.goto("/utrecht-zuid/makelaar/taken/")
        expect(page.locator(".task__phones").first).to_be_visible()
        assert_accessible(page)
