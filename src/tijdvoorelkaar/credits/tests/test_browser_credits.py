"""Roosjes walked in Chromium: a thank-you after a match, and paper Roosjes booked by the
broker for a resident without email."""

import pytest

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.credits import services
from tijdvoorelkaar.credits.models import Transfer
from tijdvoorelkaar.participants.tests.factories import participant

from .helpers import match, seed

pytestmark = pytest.mark.browser
PASSWORD = "een-goed-wachtwoord"


def test_resident_thanks_the_other_after_a_match_and_they_confirm(page):
    area = seed()["utrecht-zuid"]
    liesbeth = participant(
        area, "Liesbeth", last_name="de Boer", email="liesbeth@example.org", password=PASSWORD
    )
    serkan = participant(
        area, "Serkan", last_name="Demir", email="serkan@example.org", password=PASSWORD
    )
    match(liesbeth, serkan)

    sign_in_with_password(page, "utrecht-zuid", "liesbeth@example.org", PASSWORD)
    page.goto("/utrecht-zuid/mijn/roosjes/")
    assert page.locator(".credit-balance strong").inner_text() == "0 uur"
    assert_accessible(page)
    page.check("text=Serkan")
    page.fill("#id_amount", "1,3")
    page.click("button:has-text('Bedanken')")
    assert "Roosjes gaan per kwartier" in page.content()
    assert_accessible(page)
    page.fill("#id_amount", "1,5 uur")
    page.fill("#id_message", "Dank je wel voor de wandeling!")
    page.click("button:has-text('Bedanken')")
    assert "wacht op bevestiging" in page.content()
    assert "U bedankt Serkan met 1,5 uur." in page.content()
    assert not Transfer.objects.exists()
    assert_accessible(page)

    # Serkan signs in in his own browser and takes the thank-you.
    other = page.context.browser.new_context(
        base_url=page.url.split("/utrecht")[0], locale="nl-NL", bypass_csp=True
    )
    serkan_page = other.new_page()
    sign_in_with_password(serkan_page, "utrecht-zuid", "serkan@example.org", PASSWORD)
    serkan_page.goto("/utrecht-zuid/mijn/roosjes/")
    assert "Liesbeth bedankt u met 1,5 uur." in serkan_page.content()
    assert "Dank je wel voor de wandeling!" in serkan_page.content()
    assert_accessible(serkan_page)
    serkan_page.click("button:has-text('Bedankje van Liesbeth aannemen')")
    assert "Bevestigd: 1,5 uur staat op uw Roosjes." in serkan_page.content()
    assert serkan_page.locator(".credit-balance strong").inner_text() == "1,5 uur"
    assert "+1,5 uur" in serkan_page.locator(".credit-history").inner_text()
    assert_accessible(serkan_page)
    other.close()

    page.goto("/utrecht-zuid/mijn/roosjes/")
    assert page.locator(".credit-balance strong").inner_text() == "-1,5 uur"
    assert "Wacht op bevestiging" not in page.content()
    assert "Serkan" not in page.locator(".credit-history").inner_text()  # own history only
    assert services.find_mismatches() == ([], [])


def test_broker_books_paper_roosjes_for_a_resident_without_email(page):
    area = seed()["utrecht-zuid"]
    gerrit = participant(area, "Gerrit", last_name="Hendriks", email=None)
    participant(area, "Aylin", last_name="Kaya")

    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto("/utrecht-zuid/makelaar/roosjes/")
    assert_accessible(page)
    page.click("text=Papieren Roosjes boeken")
    assert_accessible(page)
    page.select_option("#id_receiver", label="Gerrit Hendriks")
    page.select_option("#id_payer", label="Aylin Kaya")
    page.fill("#id_amount", "2")
    page.click("button:has-text('Roosjes boeken')")
    assert "Schrijf erbij waar de papieren Roosjes vandaan komen." in page.content()
    assert not Transfer.objects.exists()
    assert_accessible(page)
    page.fill("#id_note", "Twee papieren Roosjes van Aylin, ingeleverd op het spreekuur")
    page.click("button:has-text('Roosjes boeken')")
    assert "2 uur papieren Roosjes geboekt voor Gerrit Hendriks." in page.content()
    assert page.locator(".credit-balance strong").inner_text() == "2 uur"
    assert "ingeleverd op het spreekuur" in page.content()
    assert_accessible(page)
    transfer = Transfer.objects.get()
    assert transfer.kind == "papier" and transfer.created_by.email == "makelaar@utrecht-zuid.test"
    assert services.balance_of(gerrit) == 8


def test_organisation_issues_and_coordinator_sees_circulation_and_corrects(page):
    from .helpers import organisation

    area = seed()["utrecht-zuid"]
    participant(area, "Gerrit", last_name="Hendriks", email=None)
    participant(area, "Aylin", last_name="Kaya")
    organisation(
        area, "Buurthuis De Linde", accepts=True, contact_email="buurthuis@utrecht-zuid.test"
    )

    sign_in_with_password(page, "utrecht-zuid", "buurthuis@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto("/utrecht-zuid/organisatie/roosjes/")
    assert_accessible(page)
    page.click("text=Roosjes uitgeven aan vrijwilligers")
    page.select_option("#id_regel-0-participant", label="Gerrit Hendriks")
    page.fill("#id_regel-0-amount", "3")
    page.select_option("#id_regel-1-participant", label="Aylin Kaya")
    page.fill("#id_note", "Vrijwilligers buurtfeest")
    page.click("button:has-text('Roosjes uitgeven')")
    assert "Vul in hoeveel uur." in page.content()
    assert_accessible(page)
    page.fill("#id_regel-1-amount", "2,5")
    page.click("button:has-text('Roosjes uitgeven')")
    assert "5,5 uur Roosjes uitgegeven aan 2 vrijwilligers." in page.content()
    page.click("text=Inwisselen vastleggen")
    assert_accessible(page)
    page.select_option("#id_organisation", label="Buurthuis De Linde")
    page.select_option("#id_participant", label="Aylin Kaya")
    page.fill("#id_amount", "1")
    page.click("button:has-text('Inwisselen vastleggen')")
    assert "Aylin Kaya heeft 1 uur ingewisseld bij Buurthuis De Linde." in page.content()

    sign_in_with_password(page, "utrecht-zuid", "coordinator@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto("/utrecht-zuid/makelaar/roosjes/")
    assert page.locator("#uitgegeven").inner_text() == "5,5 uur"
    assert page.locator("#ingewisseld").inner_text() == "1 uur"
    assert page.locator("#in-omloop").inner_text() == "4,5 uur"
    assert_accessible(page)
    page.fill("#id_min_hours", "-10")
    page.click("button:has-text('Grenzen opslaan')")
    assert "De grenzen zijn opgeslagen." in page.content()
    redemption = Transfer.objects.get(kind="inwisseling")
    page.goto(f"/utrecht-zuid/makelaar/roosjes/boekingen/{redemption.pk}/")
    assert_accessible(page)
    page.fill("#id_reason", "Verkeerd bedrag")
    page.click("button:has-text('Boeking terugdraaien')")
    assert "De boeking is teruggedraaid met een correctie." in page.content()
    page.goto("/utrecht-zuid/makelaar/roosjes/")
    assert page.locator("#ingewisseld").inner_text() == "0 uur"
    assert page.locator("#in-omloop").inner_text() == "5,5 uur"
    gerrit_account = Transfer.objects.get(kind="uitgifte").movements.get(amount=12).account
    page.goto(f"/utrecht-zuid/makelaar/roosjes/deelnemers/{gerrit_account.participant_id}/")
    assert page.locator(".credit-balance strong").inner_text() == "3 uur"
    assert_accessible(page)
