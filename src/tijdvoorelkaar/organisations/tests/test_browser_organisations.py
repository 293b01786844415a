"""Organisations, referrals, outreach and paper walked in Chromium, in Dutch."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from pypdf import PdfReader

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.models import Conversation
from tijdvoorelkaar.marketplace.tests.factories import ad as make_ad
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.organisations import services
from tijdvoorelkaar.organisations.models import IncomingReferral, NewsletterSubscription
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant as make_participant
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


def test_scouting_posts_a_vacancy_a_resident_reacts_and_the_placement_is_reported(page):
    with time_machine.travel(MONDAY, tick=True):
        areas = seed()
        area = areas["utrecht-zuid"]
        # The broker adds the scouting and its contact person.
        sign_in_with_password(page, "utrecht-zuid", BROKER, PASSWORD)
        page.goto("/utrecht-zuid/makelaar/organisaties/")
        assert_accessible(page)
        page.fill("#id_name", "Scouting De Vonk")
        page.select_option("#id_kind", "scouting")
        page.fill("#id_address", "Clubhuis, Hoograven")
        page.click("button:has-text('Organisatie toevoegen')")
        assert h1(page) == "Scouting De Vonk"
        assert_accessible(page)
        page.fill("#id_first_name", "Joost")
        page.fill("#id_email", "joost@scouting.test")
        page.click("form[action$='contactpersoon/'] button")
        assert "De contactpersoon kan nu inloggen" in page.content()
        sign_out(page)
        joost = User.objects.get(email="joost@scouting.test")
        joost.set_password(PASSWORD)
        joost.save()

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


def test_group_visit_with_twelve_reached_and_three_sign_ups_shows_25_percent(page):
    with time_machine.travel(MONDAY, tick=True):
        seed()
        sign_in_with_password(page, "utrecht-zuid", BROKER, PASSWORD)
        page.goto("/utrecht-zuid/makelaar/outreach/")
        assert_accessible(page)
        page.select_option("#id_kind", "groepsbezoek")
        page.fill("#id_place", "Buurthuis De Leeuw")
        page.fill("#id_reached", "12")
        page.click("button:has-text('Vastleggen')")
        assert "Vul in welke groep u bezocht." in page.content()
        page.fill("#id_group", "Koffieochtend ouderen")
        page.click("button:has-text('Vastleggen')")
        assert "De activiteit is vastgelegd." in page.content()
        assert_accessible(page)
        for i, name in enumerate(["Ria", "Hans", "Fatima"]):
            page.fill("#id_first_name", name)
            page.fill("#id_phone", f"06 2000 000{i}")
            page.check("input[name=preferred_channel][value=telefoon]")
            page.click("button:has-text('Inschrijven')")
            assert f"{name} is ingeschreven" in page.content()
        assert page.locator(".joined").inner_text() == "3"
        assert page.locator(".conversion").inner_text() == "25%"
        assert Participant.objects.filter(inflow_source="groepsbezoek").count() == 3

        page.goto("/utrecht-zuid/verslag/?van=2026-11-01&tot=2026-11-30")
        row = page.locator("tr", has_text="Conversie")
        assert row.locator("td").first.inner_text() == "25%"


def test_pdf_ad_list_carries_current_ads_with_codes_and_the_broker_finds_one(page):
    with time_machine.travel(MONDAY, tick=True):
        areas = seed()
        area = areas["utrecht-zuid"]
        from tijdvoorelkaar.marketplace.services import ensure_default_categories, set_status

        ensure_default_categories(area)
        owner = make_participant(area, "Els")
        current = make_ad(owner, "Wie helpt met mijn tuin?", category="Tuin")
        closed = make_ad(owner, "Oude vraag die klaar is")
        set_status(closed, "gesloten")
        sign_in_with_password(page, "utrecht-zuid", BROKER, PASSWORD)
        page.goto("/utrecht-zuid/makelaar/prikbord/")
        assert_accessible(page)
        with page.expect_response("**/advertenties.pdf") as response_info:
            page.evaluate("url => fetch(url)", "/utrecht-zuid/makelaar/prikbord/advertenties.pdf")
        body = response_info.value.body()
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
        assert f"advertentie {current.pk}" in text
        assert "Wie helpt met mijn tuin?" in text
        assert "Oude vraag" not in text

        # Someone phones about "advertentie <code>": the broker finds it.
        page.fill("#id_code", f"advertentie {current.pk}")
        page.click("button:has-text('Advertentie zoeken')")
        assert h1(page) == "Wie helpt met mijn tuin?"
        page.goto("/utrecht-zuid/makelaar/advertentie-zoeken/?code=999999")
        assert "geen advertentie met dit nummer" in page.content()
        assert_accessible(page)


def test_unsubscribe_link_works_without_signing_in_and_a_tampered_one_does_not(page):
    with time_machine.travel(MONDAY, tick=True):
        areas = seed()
        anna = User.objects.get(email="deelnemer@utrecht-zuid.test")
        sub = services.subscribe(area=areas["utrecht-zuid"], user=anna)
        mail.outbox.clear()
        assert services.send_newsletters(base_url="http://testserver") == 1
        message = mail.outbox[0]
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        path = link.removeprefix("http://testserver")

        tampered = path.rstrip("/")[:-3] + "abc/"
        page.goto(tampered)
        assert h1(page) == "Deze afmeldlink werkt niet"
        assert_accessible(page)
        sub.refresh_from_db()
        assert sub.active

        page.goto(path)
        assert h1(page) == "Afmelden voor de nieuwsbrief"
        assert_accessible(page)
        page.click("button:has-text('Afmelden')")
        assert h1(page) == "U bent afgemeld"
        assert_accessible(page)
        assert not NewsletterSubscription.objects.get(pk=sub.pk).active
