"""A new resident walks the site in Chromium: home, sign up, link, personal page, language."""

import pytest
from django.core import mail

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core.testing import assert_accessible, link_from_mail, switch_language
from tijdvoorelkaar.demo import seed as demo

pytestmark = pytest.mark.browser


def test_resident_signs_up_signs_in_and_switches_language(page):
    demo.seed_areas()
    page.goto("/")
    assert_accessible(page)
    page.click("text=Utrecht Zuid")
    assert page.locator("h1").inner_text() == "Welkom bij TijdVoorElkaar Utrecht Zuid"
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)

    page.click("nav >> text=Aanmelden")
    assert_accessible(page)
    page.fill("#id_first_name", "Lotte")
    page.fill("#id_email", "lotte@example.org")
    page.select_option("#id_neighbourhood", label="Lunetten")
    page.check("#id_privacy")
    page.click("button:has-text('Aanmelden')")
    assert page.locator("h1").inner_text() == "Kijk in uw e-mail"

    assert len(mail.outbox) == 1
    page.goto(link_from_mail(mail.outbox[0]))
    page.click("text=Bevestig en log in")
    assert page.locator("h1").inner_text() == "Mijn pagina"
    assert "Hallo Lotte!" in page.content()
    assert "U heeft nog geen aanbod geplaatst." in page.content()
    assert_accessible(page)

    switch_language(page, "en")
    assert page.locator("h1").inner_text() == "My page"
    switch_language(page, "nl")
    assert page.locator("h1").inner_text() == "Mijn pagina"
    assert User.objects.filter(email="lotte@example.org").count() == 1


def test_bad_sign_up_shows_dutch_errors_tied_to_fields(page):
    demo.seed_areas()
    page.goto("/utrecht-zuid/aanmelden/")
    page.fill("#id_first_name", "Lotte")
    page.fill("#id_email", "lotte@")
    page.click("button:has-text('Aanmelden')")
    summary = page.locator(".error-summary")
    assert "Controleer het formulier" in summary.inner_text()
    assert "Kies de buurt waar u woont." in summary.inner_text()
    email = page.locator("#id_email")
    assert email.get_attribute("aria-invalid") == "true"
    assert "id_email_error" in email.get_attribute("aria-describedby")
    assert "geen geldig e-mailadres" in page.locator("#id_email_error").inner_text()
    # What was typed is kept.
    assert page.input_value("#id_first_name") == "Lotte"
    assert_accessible(page)
    assert User.objects.count() == 0
    assert mail.outbox == []


def test_used_link_shows_a_clear_message(page):
    demo.seed()
    page.goto("/utrecht-zuid/inloggen/")
    assert_accessible(page)
    page.fill("#id_email", "deelnemer@utrecht-zuid.test")
    page.click("text=Stuur mij een inloglink")
    path = link_from_mail(mail.outbox[0])
    page.goto(path)
    page.click("text=Log mij in")
    assert page.locator("h1").inner_text() == "Mijn pagina"
    page.click("button:has-text('Uitloggen')")
    page.goto(path)
    assert page.locator("h1").inner_text() == "Deze link werkt niet meer"
    assert_accessible(page)


def test_privacy_and_404_pages(page):
    demo.seed_areas()
    page.goto("/utrecht-zuid/privacy/")
    assert page.locator("h1").inner_text() == "Privacyverklaring"
    assert_accessible(page)
    response = page.goto("/utrecht-zuid/bestaat-niet/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet"
    assert_accessible(page)
