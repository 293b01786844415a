"""Organisations, vacancies, placements and referrals walked in Chromium, in Dutch."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.models import Conversation
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.organisations.models import IncomingReferral
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.tasks.models import Task

pytestmark = pytest.mark.browser

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = dt.datetime(2026, 11, 16, 9, 0, tzinfo=AMS)
BROKER = "makelaar@utrecht-zuid.test"
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


def test_gp_practice_refers_a_resident_and_the_broker_picks_it_up(page):
    with time_machine.travel(MONDAY, tick=True):
        seed()
        # The GP's assistant has no account: the public form.
        page.goto("/utrecht-zuid/doorverwijzen/")
        assert h1(page) == "Een bewoner doorverwijzen"
        assert_accessible(page)
        # Without the resident's consent nothing is saved.
        page.fill("#id_first_name", "Gerrit")
        page.fill("#id_phone", "06 1111 2222")
        page.fill("#id_organisation_name", "Huisartsenpraktijk Lunetten")
        page.fill("#id_referrer_name", "Dokter Smit")
        page.click("button:has-text('Doorverwijzing versturen')")
        assert "Verwijs alleen door als de bewoner ermee instemt" in page.content()
        assert_accessible(page)
        assert not Participant.objects.filter(user__first_name="Gerrit").exists()

        page.fill("#id_last_name", "de Boer")
        page.fill("#id_reason", "Zit veel alleen thuis, houdt van tuinieren.")
        page.fill("#id_referrer_email", "praktijk@huisarts.test")
        page.check("#id_resident_consent")
        page.check("#id_feedback_consent")
        page.click("button:has-text('Doorverwijzing versturen')")
        assert h1(page) == "Dank u, de doorverwijzing is ontvangen"
        assert "de sociaal makelaar bekijkt uw doorverwijzing" in page.content()
        assert_accessible(page)
        # Nobody is registered yet: the referral waits in the broker's inbox.
        assert not Participant.objects.filter(user__first_name="Gerrit").exists()
        assert IncomingReferral.objects.get().status == "wacht"

        # The broker accepts it from the inbox on the dashboard.
        sign_in_with_password(page, "utrecht-zuid", BROKER, PASSWORD)
        page.goto("/utrecht-zuid/makelaar/")
        inbox = page.locator(".referral-inbox")
        assert "Gerrit de Boer" in inbox.inner_text()
        assert "Dokter Smit, Huisartsenpraktijk Lunetten" in inbox.inner_text()
        assert "Zit veel alleen thuis" in inbox.inner_text()
        assert_accessible(page)
        page.click("button:has-text('Aannemen: Gerrit inschrijven')")
        assert "Doorverwijzing aangenomen: Gerrit de Boer" in page.content()
        assert "Geen doorverwijzingen die wachten." in page.content()
        gerrit = Participant.objects.get(user__first_name="Gerrit")
        assert gerrit.user.email is None
        assert gerrit.inflow_source == "doorverwijzing"
        assert gerrit.referrer_organisation == "Huisartsenpraktijk Lunetten"
        assert gerrit.referrer_person == "Dokter Smit"

        # The task is on the dashboard and the referral in the list.
        assert "Doorverwijzing van Huisartsenpraktijk Lunetten" in page.content()
        page.goto("/utrecht-zuid/makelaar/doorverwijzingen/")
        assert_accessible(page)
        assert "Dokter Smit, Huisartsenpraktijk Lunetten" in page.content()
        page.click("a:has-text('Gerrit de Boer')")
        assert h1(page) == "Gerrit de Boer"

        # The introduction: only now does the referrer hear, and only that it took place.
        mail.outbox.clear()
        page.click("a:has-text('Kennismaking')")
        page.check("input[name=channel][value=telefoon]")
        page.fill("#id_likes_doing", "Tuinieren")
        page.click("button:has-text('Kennismaking opslaan')")
        assert "De kennismaking is opgeslagen." in page.content()
        to_referrer = [m for m in mail.outbox if m.to == ["praktijk@huisarts.test"]]
        assert len(to_referrer) == 1
        assert "kennismaking met de sociaal makelaar heeft plaatsgevonden" in to_referrer[0].body
        assert "Tuinieren" not in to_referrer[0].body
        assert IncomingReferral.objects.get().feedback_sent_at is not None
        assert Task.objects.filter(participant=gerrit, source="doorverwijzing").exists()


def add_the_scouting_and_its_contact_person(page) -> None:
    """The broker adds the scouting and its contact person (whose password is set, so the
    test can sign in as him)."""
    sign_in_with_password(page, "utrecht-zuid", BROKER, PASSWORD)
    page.goto("/utrecht-zuid/makelaar/organisaties/")
    assert_accessible(page)
    page.fill("#id_name", "Scouting De Vonk")
    page.select_option("#id_kind", "scouting")
    page.fill("#id_address", "Clubhuis, Hoograven")
    page.click("button:has-text('Organisatie toevoegen')")
    assert h1(page) == "Scouting De Vonk"
    assert_accessible(page)
    # A mistyped address is refused on its field; the name stays filled in.
    page.fill("#id_first_name", "Joost")
    page.fill("#id_email", "joost@scouting")
    page.click("form[action$='contactpersoon/'] button")
    assert "Dit is geen geldig e-mailadres." in page.content()
    assert page.input_value("#id_first_name") == "Joost"
    assert_accessible(page)
    page.fill("#id_email", "joost@scouting.test")
    page.click("form[action$='contactpersoon/'] button")
    assert "De contactpersoon kan nu inloggen" in page.content()
    sign_out(page)
    joost = User.objects.get(email="joost@scouting.test")
    joost.set_password(PASSWORD)
    joost.save()


def test_scouting_posts_a_vacancy_a_resident_reacts_and_the_placement_is_reported(page):
    with time_machine.travel(MONDAY, tick=True):
        areas = seed()
        area = areas["utrecht-zuid"]
        add_the_scouting_and_its_contact_person(page)

        # Joost signs in and posts a vacancy.
        sign_in_with_password(page, "utrecht-zuid", "joost@scouting.test", PASSWORD)
        page.goto("/utrecht-zuid/organisatie/")
        assert h1(page) == "Scouting De Vonk"
        page.click("text=Vacature plaatsen")
        assert_accessible(page)
        page.click("button:has-text('Vacature plaatsen')")
        assert "Geef uw advertentie een titel." in page.content()
        page.fill("#id_title", "Leiding voor de welpen op zaterdag")
        page.fill("#id_description", "Twee uur per week spelletjes met kinderen van 7 tot 11.")
        page.select_option("#id_category", label="Kinderen en oppas")
        page.click("button:has-text('Vacature plaatsen')")
        assert "De vacature staat op de site." in page.content()
        sign_out(page)

        # A resident finds it in the marketplace, with the scouting's name, and reacts.
        anna_email = "deelnemer@utrecht-zuid.test"
        sign_in_with_password(page, "utrecht-zuid", anna_email, PASSWORD)
        page.goto("/utrecht-zuid/advertenties/?soort=vacature")
        card = page.locator(".ad-card", has_text="Leiding voor de welpen")
        assert "Scouting De Vonk" in card.inner_text()
        assert_accessible(page)
        card.locator("a").click()
        assert "Scouting De Vonk" in page.content()
        page.fill("#id_body", "Ik was zelf welp en help graag!")
        page.click("button:has-text('Reactie versturen')")
        assert "Uw reactie is verstuurd" in page.content()
        assert "joost@scouting.test" not in page.content()
        sign_out(page)

        # Joost sees the reaction on the organisation's page and records the placement.
        sign_in_with_password(page, "utrecht-zuid", "joost@scouting.test", PASSWORD)
        page.goto("/utrecht-zuid/organisatie/scouting-de-vonk/")
        assert "Anna" in page.locator("table").inner_text()
        assert anna_email not in page.content()
        assert_accessible(page)
        page.click("button:has-text('Gestart als vrijwilliger')")
        assert "Anna staat nu als vrijwilliger bij Scouting De Vonk" in page.content()
        sign_out(page)
        placement = Mediation.objects.get(organisation__slug="scouting-de-vonk")
        assert placement.provider.user.email == anna_email
        assert Conversation.objects.count() == 1

        # The report shows the placement, apart from the mediations between residents.
        sign_in_with_password(page, "utrecht-zuid", BROKER, PASSWORD)
        page.goto("/utrecht-zuid/verslag/?van=2026-11-01&tot=2026-11-30")
        row = page.locator("tr", has_text="Vrijwilligersplaatsingen")
        assert row.locator("td").first.inner_text() == "1"
        mediations_row = page.locator("tr", has_text="Bemiddelingen tussen bewoners")
        assert mediations_row.locator("td").first.inner_text() == "0"
        assert_accessible(page)
        assert Mediation.objects.filter(area=area, organisation__isnull=True).count() == 0
