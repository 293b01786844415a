"""A broker walks the workspace in Chromium: Mevrouw Jansen phones, and bad input."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.workspace.models import ContactMoment


def seed_people() -> dict:
    """Areas and a user for every role (not the marketplace demo data, which changes)."""
    areas = demo.seed_areas()
    demo.seed_users(areas)
    return areas


pytestmark = pytest.mark.browser

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=AMS)
BROKER = "makelaar@utrecht-zuid.test"


def h1(page) -> str:
    return page.locator("h1").inner_text()


def _register_her(page) -> Participant:
    # She phones; she has no email. I register her.
    page.click("text=Bewoner inschrijven")
    assert_accessible(page)
    page.fill("#id_first_name", "Riet")
    page.fill("#id_last_name", "Jansen")
    page.fill("#id_phone", "06 1234 5678")
    page.select_option("#id_neighbourhood", label="Lunetten")
    page.check("input[name=preferred_channel][value=telefoon]")
    page.click("button:has-text('Inschrijven')")
    assert h1(page) == "Riet Jansen"
    assert "Riet Jansen is ingeschreven" in page.content()
    assert "Aangemeld" in page.locator(".stage").inner_text()
    assert_accessible(page)
    jansen = Participant.objects.get(user__first_name="Riet")
    assert jansen.user.email is None
    return jansen


def _intake(page) -> None:
    # The intake.
    page.click("a:has-text('Kennismaking')")
    assert_accessible(page)
    page.check("input[name=channel][value=telefoon]")
    page.fill("#id_good_at", "Breien en naaien, vroeger naaister geweest")
    page.fill("#id_likes_doing", "Praatje maken, koffie drinken")
    page.fill("#id_needs_help_with", "Boodschappen dragen sinds mijn heupoperatie")
    page.fill("#id_languages_text", "Nederlands")
    page.check("#id_availability_di_ochtend")
    page.check("input[name=inflow_source][value=mond-tot-mond]")
    page.click("button:has-text('Kennismaking opslaan')")
    assert "De kennismaking is opgeslagen." in page.content()
    assert "Kennismaking gehad" in page.locator(".stage").inner_text()


def _ads_for_her(page, jansen) -> None:
    # A vraag and an aanbod on her behalf.
    page.click("text=Vraag plaatsen")
    assert_accessible(page)
    page.fill("#id_title", "Wie helpt met de boodschappen?")
    page.fill("#id_description", "Eens per week, de tassen zijn te zwaar.")
    page.select_option("#id_category", label="Boodschappen")
    page.click("button:has-text('Plaatsen')")
    assert "staat op de site" in page.content()
    page.click("text=Aanbod plaatsen")
    page.fill("#id_title", "Ik repareer uw kleding")
    page.select_option("#id_category", label="Creatief")
    page.click("button:has-text('Plaatsen')")
    assert "Vraag/aanbod staat" in page.locator(".stage").inner_text()
    assert Ad.objects.filter(owner=jansen, placed_by__email=BROKER).count() == 2

    # Both in the public listing, marked as placed with help.
    page.goto("/utrecht-zuid/advertenties/")
    for title in ("Wie helpt met de boodschappen?", "Ik repareer uw kleding"):
        card = page.locator(".ad-card", has_text=title)
        assert "geplaatst met hulp van de sociaal makelaar" in card.inner_text()


def _note_and_call_back(page, jansen) -> None:
    # A confidential note.
    page.goto(f"/utrecht-zuid/makelaar/deelnemers/{jansen.pk}/")
    page.click("text=Vertrouwelijke notities")
    page.fill("#id_body", "Slechthorend: spreek langzaam en duidelijk.")
    page.click("button:has-text('Notitie opslaan')")
    assert "Slechthorend" in page.locator(".note-list").inner_text()
    assert_accessible(page)

    # Schedule a call-back for tomorrow.
    page.click("text=Terug naar Riet Jansen")
    page.click("a:has-text('plannen')")
    assert_accessible(page)
    page.fill("#id_on", "2026-03-03")
    page.fill("#id_note", "hoe gaat het met de heup")
    page.click("button:has-text('Inplannen')")
    assert "Ingepland" in page.content()


def _call_her_the_next_day(page, traveller, jansen) -> None:
    # The next day the call-back is on my dashboard (staff sessions last a working
    # day, so the broker signs in again in the morning).
    traveller.move_to(MONDAY + dt.timedelta(days=1))
    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto("/utrecht-zuid/makelaar/")
    tasks = page.locator(".task-list").first.inner_text()
    assert "Contact opnemen met Riet Jansen: hoe gaat het met de heup" in tasks
    assert_accessible(page)

    # I call her and log it.
    page.click(".task-list a:has-text('Riet Jansen')")
    page.click("text=Contactmoment vastleggen")
    assert_accessible(page)
    assert page.input_value("#id_happened_on") == "2026-03-03"
    page.check("input[name=kind][value=nazorg]")
    page.fill("#id_summary", "Heup gaat beter; vraag blijft staan.")
    page.click("button:has-text('Vastleggen')")
    assert "Het contactmoment is vastgelegd." in page.content()
    assert "Heup gaat beter" in page.locator(".contact-list").inner_text()
    moment = ContactMoment.objects.get(kind="nazorg")
    assert moment.happened_on == dt.date(2026, 3, 3)
    assert not Task.objects.filter(done_at__isnull=True, participant=jansen).exists()
    page.goto("/utrecht-zuid/makelaar/")
    assert "Geen taken voor vandaag." in page.content()


def _hand_her_over(page, jansen) -> None:
    # I hand her over to my colleague.
    page.goto("/utrecht-zuid/makelaar/deelnemers/?q=0612345678")
    assert_accessible(page)
    page.click("table >> text=Riet Jansen")
    page.click("a:has-text('overdragen')")
    assert_accessible(page)
    page.select_option("#id_to_broker", label="Youssef Amrani")
    page.click("button:has-text('Overdragen')")
    assert "is overgedragen aan Youssef Amrani" in page.content()
    assert "Youssef Amrani" in page.locator(".assigned-broker").inner_text()
    jansen.refresh_from_db()
    assert jansen.assigned_broker.email == "makelaar2@utrecht-zuid.test"
    # She has no email: the colleague gets a task to introduce himself.
    assert Task.objects.filter(assignee=jansen.assigned_broker, source="overdracht").exists()


def test_mevrouw_jansen_phones(page):
    """A resident without email phones the broker: registration, intake, ads placed for
    her, a confidential note, a call-back the next day, and a handover."""
    with time_machine.travel(MONDAY, tick=True) as traveller:
        seed_people()
        sign_in_with_password(page, "utrecht-zuid", BROKER, demo.DEMO_PASSWORD)
        page.click("nav >> text=Werkplek")
        assert h1(page) == "Werkplek sociaal makelaar"
        assert_accessible(page)
        jansen = _register_her(page)
        _intake(page)
        _ads_for_her(page, jansen)
        _note_and_call_back(page, jansen)
        _call_her_the_next_day(page, traveller, jansen)
        _hand_her_over(page, jansen)


def test_bad_input_gets_clear_messages_and_saves_nothing(page):
    seed_people()
    sign_in_with_password(page, "utrecht-zuid", BROKER, demo.DEMO_PASSWORD)
    page.goto("/utrecht-zuid/makelaar/deelnemers/nieuw/")
    page.fill("#id_first_name", "Riet")
    page.fill("#id_phone", "0612345678")
    page.click("button:has-text('Inschrijven')")
    jansen = Participant.objects.get(user__first_name="Riet")

    # The same number again, written differently: caught, with a link to the existing one.
    page.goto("/utrecht-zuid/makelaar/deelnemers/nieuw/")
    page.fill("#id_first_name", "Henk")
    page.fill("#id_phone", "+31 6 12 34 56 78")
    page.click("button:has-text('Inschrijven')")
    assert "al een deelnemer met dit telefoonnummer" in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    page.click(".duplicate >> text=open Riet")
    assert h1(page) == "Riet"
    assert Participant.objects.filter(user__first_name="Henk").count() == 0

    # An empty intake.
    page.click("a:has-text('Kennismaking')")
    page.fill("#id_languages_text", "Nederlands")
    page.click("button:has-text('Kennismaking opslaan')")
    assert "Vul minstens één van de drie vragen in" in page.locator(".error-summary").inner_text()
    assert page.input_value("#id_languages_text") == "Nederlands"
    assert_accessible(page)
    jansen.refresh_from_db()
    assert jansen.intakes.count() == 0 and jansen.languages == []

    # A birth year in the future.
    page.goto(f"/utrecht-zuid/makelaar/deelnemers/{jansen.pk}/achtergrond/")
    assert_accessible(page)
    page.check("input[name=gender][value=niet_zeggen]")
    page.fill("#id_birth_year", "2999")
    page.click("button:has-text('Opslaan')")
    assert (
        "Het geboortejaar kan niet in de toekomst liggen."
        in page.locator("#id_birth_year_error").inner_text()
    )
    assert page.locator("#id_birth_year").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    from tijdvoorelkaar.workspace.models import Background

    assert not Background.objects.exists()

    # The coordinator sees every note and background read in the log.
    reads = AuditEvent.objects.filter(action="background.read").count()
    assert reads == 1
    page.click("button:has-text('Uitloggen')")
    sign_in_with_password(page, "utrecht-zuid", "coordinator@utrecht-zuid.test", demo.DEMO_PASSWORD)
    page.goto("/utrecht-zuid/makelaar/logboek/")
    assert "Achtergrondgegevens gelezen" in page.locator("table").inner_text()
    assert_accessible(page)
