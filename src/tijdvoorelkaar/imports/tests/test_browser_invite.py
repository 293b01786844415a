"""Sanne, broker in Utrecht Zuid, invites Riet (imported from the old Excel list) to the
website; Riet uses the link from her email. In Chromium, in Dutch."""

import pytest
from django.core import mail

from tijdvoorelkaar.core.testing import assert_accessible, link_from_mail, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.imports import services
from tijdvoorelkaar.imports.services import PARTICIPANTS
from tijdvoorelkaar.participants.models import Participant

from .helpers import csv_bytes, good_rows

pytestmark = pytest.mark.browser


def test_broker_invites_an_imported_person_who_then_signs_in(page):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    rows = good_rows()[PARTICIPANTS]
    for row in rows:
        row["neighbourhood"] = "lunetten"
    table = services.read_csv(PARTICIPANTS, "participants.csv", csv_bytes(PARTICIPANTS, rows))
    assert services.import_files(areas["utrecht-zuid"], participants=table).ok
    riet = Participant.objects.get(external_id="P1")

    # Before the invitation Riet cannot get a sign-in link.
    mail.outbox.clear()
    page.goto("/utrecht-zuid/inloggen/")
    page.fill("#id_email", "riet@example.org")
    page.click("text=Stuur mij een inloglink")
    assert "Als dit e-mailadres bij ons bekend is" in page.content()
    assert mail.outbox == []

    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", demo.DEMO_PASSWORD)
    page.goto(f"/utrecht-zuid/makelaar/deelnemers/{riet.pk}/")
    email = page.locator("dd.email")
    assert "riet@example.org" in email.inner_text()
    assert "nog niet uitgenodigd" in email.inner_text()
    assert_accessible(page)
    page.click("dd.email button:has-text('Uitnodigen')")
    assert "De uitnodiging is verstuurd naar riet@example.org." in page.content()
    assert "uitgenodigd op" in page.locator("dd.email").inner_text()
    assert page.locator("dd.email button").inner_text() == "Opnieuw uitnodigen"
    assert_accessible(page)
    assert [m.to for m in mail.outbox] == [["riet@example.org"]]
    page.click("button:has-text('Uitloggen')")
    page.wait_for_load_state()

    # Riet opens the link from her email and accepts the invitation.
    page.goto(link_from_mail(mail.outbox[0]))
    assert page.locator("h1").inner_text() == "Uitnodiging aannemen"
    assert_accessible(page)
    page.click("button:has-text('Uitnodiging aannemen en inloggen')")
    assert "Hallo Riet" in page.content()
    riet.refresh_from_db()
    assert riet.user.email == "riet@example.org"
