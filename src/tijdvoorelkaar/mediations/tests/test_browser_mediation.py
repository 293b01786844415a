"""A broker brings Liesbeth and Serkan together and follows the match up, in Chromium."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations.models import CheckIn, Mediation
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.browser

START = dt.datetime(2026, 11, 2, 8, 30, tzinfo=dt.UTC)


def _two_residents():
    """Liesbeth asks for company into town; Serkan offers company and a walk."""
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    liesbeth = participant(
        area,
        "Liesbeth",
        last_name="de Boer",
        email="liesbeth@example.org",
        neighbourhood="lunetten",
    )
    serkan = participant(
        area, "Serkan", last_name="Demir", email="serkan@example.org", neighbourhood="hoograven"
    )
    vraag = ad(
        liesbeth,
        "Wie gaat er mee de stad in? Ik rijd een scootmobiel",
        category="Vervoer en begeleiding",
    )
    ad(
        serkan,
        "Gezelschap en een wandeling",
        kind="aanbod",
        category="Gezelschap en samen iets doen",
    )
    return vraag, serkan


def _propose_and_agree(page, vraag, serkan) -> Mediation:
    with time_machine.travel(START, tick=True):
        sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
        page.goto(f"/utrecht-zuid/makelaar/bemiddelingen/nieuw/?advertentie={vraag.pk}")
        page.fill("#zoek", "wandeling")
        page.click("button:has-text('Zoeken')")
        page.check(f"#kandidaat-{serkan.pk}")
        assert_accessible(page)
        page.click("button:has-text('Voorstel vastleggen')")
        assert "Teksten om beiden te benaderen" in page.content()
        assert_accessible(page)
        m = Mediation.objects.get()
        assert m.status == "voorgesteld" and m.broker_supported

        page.check("#antwoord-requester-ja")
        page.click("button:has-text('Antwoord van Liesbeth opslaan')")
        page.check("#antwoord-provider-ja")
        page.click("button:has-text('Antwoord van Serkan opslaan')")

        page.fill("#id_afspraak_what", "Samen de stad in met de scootmobiel, en een wandeling")
        page.fill("#id_afspraak_how_often", "wekelijks")
        page.fill("#id_afspraak_hours_each_time", "2")
        page.fill("#id_afspraak_starts_on", "2026-11-02")
        page.fill("#id_afspraak_ends_on", "2027-05-02")
        page.check("#id_afspraak_requester_expects_1")  # gezelschap
        page.check("#id_afspraak_provider_expects_1")
        page.click("button:has-text('Kennismaking en afspraken opslaan')")
        assert page.locator(".mediation-status").inner_text() == "lopend"
        assert_accessible(page)
    return m


def _follow_up_two_weeks_later(page, m) -> None:
    # Two weeks later the hourly job makes a follow-up task and emails both sides.
    with time_machine.travel(START + dt.timedelta(days=14), tick=True):
        call_command("run_periodic")
        sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
        page.goto("/utrecht-zuid/makelaar/")
        assert "Nazorg: bel Liesbeth en Serkan" in page.content()
        message = next(msg for msg in mail.outbox if msg.to == ["liesbeth@example.org"])
        link = re.search(r"Het kan beter:\n(https?://\S+)", message.body).group(1)

        # Liesbeth answers from her email without signing in (another browser). Opening
        # the link records nothing (a mail scanner opens it too); her button does.
        other = page.context.browser.new_context(
            base_url=page.url.split("/utrecht")[0],
            bypass_csp=True,
            viewport={"width": 390, "height": 844},
        )
        answer_page = other.new_page()
        answer_page.goto(re.sub(r"https?://[^/]+", "", link))
        assert "U koos: Het kan beter." in answer_page.locator("main").inner_text()
        assert answer_page.evaluate("document.documentElement.scrollWidth") <= 390
        assert_accessible(answer_page)
        assert not CheckIn.objects.filter(answered_at__isnull=False).exists()
        answer_page.click("button:has-text('Doorgeven')")
        assert "Uw antwoord is doorgegeven" in answer_page.content()
        assert_accessible(answer_page)
        assert CheckIn.objects.get(participant__user__email="liesbeth@example.org").answer == (
            "kan_beter"
        )
        other.close()

        page.goto("/utrecht-zuid/makelaar/")
        assert "Het kan beter" in page.content()
        page.goto(f"/utrecht-zuid/makelaar/bemiddelingen/{m.pk}/")
        assert "Het kan beter" in page.content()


def _end_after_four_months(page, m) -> None:
    with time_machine.travel(START + dt.timedelta(days=120), tick=True):
        sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
        page.goto(f"/utrecht-zuid/makelaar/bemiddelingen/{m.pk}/")
        page.click("button:has-text('Bemiddeling beëindigen')")
        assert "Kies een reden om te stoppen." in page.content()
        page.check("#id_einde_reason_1")  # zelfstandig_verder
        page.check("#id_einde_both_told")
        page.check("#id_einde_thanks_said")
        page.click("button:has-text('Bemiddeling beëindigen')")
        assert page.locator(".mediation-status").inner_text() == "afgerond"
        m.refresh_from_db()
        assert m.end_reason == "zelfstandig_verder" and m.is_match


def test_broker_proposes_agrees_follows_up_and_ends(page):
    vraag, serkan = _two_residents()
    m = _propose_and_agree(page, vraag, serkan)
    _follow_up_two_weeks_later(page, m)
    _end_after_four_months(page, m)
