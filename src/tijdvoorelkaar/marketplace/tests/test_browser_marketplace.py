"""Residents use the marketplace in Chromium, as described in the issue."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tijdvoorelkaar.core.testing import assert_accessible, link_from_mail, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.models import Ad, Conversation
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.tests.factories import participant

from .factories import ad

pytestmark = pytest.mark.browser


def sign_up_and_confirm(page, first_name, email, neighbourhood="Lunetten"):
    page.goto("/utrecht-zuid/aanmelden/")
    page.fill("#id_first_name", first_name)
    page.fill("#id_email", email)
    page.select_option("#id_neighbourhood", label=neighbourhood)
    page.check("#id_privacy")
    page.click("button:has-text('Aanmelden')")
    page.goto(link_from_mail(mail.outbox[-1]))
    page.click("text=Bevestig en log in")


def test_resident_asks_offers_finds_reacts_and_both_go_ahead(page, browser, live_server):
    area = demo.seed_areas()["utrecht-zuid"]
    henk = participant(
        area,
        "Henk",
        neighbourhood="hoograven",
        email="henk@example.org",
        last_name="Pietersen",
        password="henk-wachtwoord-1",
    )
    offer = ad(
        henk,
        "Ik help met computers, laptops en tablets",
        kind="aanbod",
        category="Computer en digitaal",
        description="Installeren, e-mail instellen, videobellen met de kleinkinderen.",
    )

    sign_up_and_confirm(page, "Lotte", "lotte@example.org")
    page.click("text=Vraag en aanbod")
    page.click("text=Ik zoek hulp")
    assert_accessible(page)
    page.fill("#id_title", "Wie wil mijn hond uitlaten?")
    page.fill("#id_description", "Mijn hond Bobby is oud en lief. Twee keer per week even lopen.")
    page.select_option("#id_category", label="Dieren")
    page.select_option("#id_neighbourhood", label="Lunetten")
    page.check("#id_frequency_2")  # wekelijks
    page.check("#id_availability_wo_middag")
    page.click("button:has-text('Plaatsen')")
    expect(page.locator("h1")).to_have_text("Uw vraag staat op de site")
    next_step = page.get_by_role("heading", name="Wat zou u voor een ander kunnen doen?")
    expect(next_step).to_be_visible()
    assert_accessible(page)

    page.click("text=Ja, ik bied iets aan")
    page.fill("#id_title", "Ik help met computers en tablets")
    page.select_option("#id_category", label="Computer en digitaal")
    page.click("button:has-text('Plaatsen')")
    expect(page.locator("h1")).to_have_text("Uw aanbod staat op de site")
    next_step = page.get_by_role("heading", name="Kunt u zelf ergens hulp bij gebruiken?")
    expect(next_step).to_be_visible()
    lotte_ads = Ad.objects.filter(owner__user__email="lotte@example.org")
    assert sorted(lotte_ads.values_list("kind", flat=True)) == ["aanbod", "vraag"]

    page.goto("/utrecht-zuid/advertenties/")
    page.fill("#id_zoek_q", "computer")
    page.click("button:has-text('Zoeken')")
    assert_accessible(page)
    found = page.locator(f'[data-ad-id="{offer.pk}"]')
    assert found.count() == 1
    found.locator("a").click()
    assert page.locator("h1").inner_text() == offer.title
    page.fill("#id_body", "Hallo Henk, mijn tablet doet raar. Kunt u helpen?")
    page.click("button:has-text('Reactie versturen')")
    assert "Gesprek met Henk" in page.locator("h1").inner_text()
    assert_accessible(page)

    to_henk = mail.outbox[-1]
    assert to_henk.to == ["henk@example.org"]
    conversation_path = link_from_mail(to_henk)

    other = browser.new_context(base_url=live_server.url, locale="nl-NL")
    henk_page = other.new_page()
    sign_in_with_password(henk_page, "utrecht-zuid", "henk@example.org", "henk-wachtwoord-1")
    henk_page.goto(conversation_path)
    assert "mijn tablet doet raar" in henk_page.content()
    henk_page.fill("#id_body", "Dat kan! Zaterdagochtend?")
    henk_page.click("button:has-text('Versturen')")
    henk_page.click("button:has-text('We gaan het doen')")
    assert "We wachten op de ander" in henk_page.content()
    other.close()

    page.reload()
    assert "Zaterdagochtend" in page.content()
    page.click("button:has-text('We gaan het doen')")
    assert "Jullie gaan het doen" in page.content()
    mediation = Mediation.objects.get()
    assert mediation.provider == henk
    assert mediation.requester.user.email == "lotte@example.org"
    assert mediation.broker_supported is False and mediation.ad == offer


def test_visitor_sees_first_names_only_and_is_invited_to_sign_up(page):
    area = demo.seed_areas()["utrecht-zuid"]
    ria = participant(
        area,
        "Ria",
        last_name="Vermeulen",
        email="ria@example.org",
        phone="030 123 4567",
        neighbourhood="tolsteeg",
    )
    made = ad(ria, "Boodschappen doen voor een buurtgenoot", kind="aanbod", category="Boodschappen")
    page.goto("/utrecht-zuid/advertenties/?q=boodschap")
    card = page.locator(f'[data-ad-id="{made.pk}"]')
    assert "Ria" in card.inner_text()
    html = page.content()
    for secret in ("Vermeulen", "ria@example.org", "030 123 4567"):
        assert secret not in html
    assert_accessible(page)
    card.locator("a").click()
    assert "Wilt u reageren?" in page.content()
    assert page.locator("#id_body").count() == 0
    page.click(".invite >> text=Meld u aan")
    assert page.locator("h1").inner_text() == "Meedoen met TijdVoorElkaar"


def test_bad_input_on_the_ad_form_and_in_a_reaction(page):
    area = demo.seed_areas()["utrecht-zuid"]
    lotte = participant(
        area,
        "Lotte",
        email="lotte@example.org",
        password="lotte-wachtwoord",
        neighbourhood="lunetten",
    )
    mine = ad(lotte, "Mijn eigen vraag")
    sign_in_with_password(page, "utrecht-zuid", "lotte@example.org", "lotte-wachtwoord")

    page.goto("/utrecht-zuid/advertenties/nieuw/?soort=vraag")
    page.fill("#id_description", "<script>alert('x')</script>" + "a" * 4980)
    page.click("button:has-text('Plaatsen')")
    summary = page.locator(".error-summary").inner_text()
    assert "Geef uw advertentie een titel." in summary
    assert "hoogstens 2000 tekens" in summary
    assert "Kies een categorie." in summary
    assert page.input_value("#id_description").startswith("<script>")
    assert_accessible(page)

    page.fill("#id_title", "<b>Hulp</b> met de tuin")
    page.fill("#id_description", "<script>alert('x')</script> snoeien")
    page.select_option("#id_category", label="Tuin")
    # A double click on submit makes one ad.
    page.dblclick("button:has-text('Plaatsen')")
    page.wait_for_url("**/geplaatst/")
    assert Ad.objects.filter(title="<b>Hulp</b> met de tuin").count() == 1
    made = Ad.objects.get(title="<b>Hulp</b> met de tuin")
    page.goto(f"/utrecht-zuid/advertenties/{made.pk}/")
    assert page.locator("h1").inner_text() == "<b>Hulp</b> met de tuin"
    assert "<script>alert('x')</script> snoeien" in page.locator(".ad-text").inner_text()

    page.goto(f"/utrecht-zuid/advertenties/{mine.pk}/")
    assert page.locator("#id_body").count() == 0  # no reaction form on one's own ad
    assert Conversation.objects.count() == 0
    assert re.search(r"Uw advertentie beheren", page.content())
