"""Imported people are registry entries: no sign-in until a broker invites them, and an
import never attaches rows to an account of another area."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tijdvoorelkaar.accounts.models import LoginToken, User
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.core.testing import link_from_mail
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.imports.services import ADS, MEDIATIONS, PARTICIPANTS
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant

from .helpers import csv_bytes, good_rows, xlsx_bytes

pytestmark = pytest.mark.django_db

AREA = "utrecht-zuid"
UPLOAD = f"/{AREA}/makelaar/importeren/"
RIET = "riet@example.org"


@pytest.fixture
def areas():
    areas = demo.seed_areas()
    demo.seed_users(areas)
    return areas


def upload(areas) -> Participant:
    """The coordinator imports Riet (with email) through the upload page."""
    rows = good_rows()
    for row in rows[PARTICIPANTS]:
        row["neighbourhood"] = "lunetten"
    rows[ADS][0]["neighbourhood"] = "hoograven"
    client = Client()
    client.force_login(User.objects.get(email="coordinator@utrecht-zuid.test"))
    response = client.post(
        UPLOAD,
        {
            "participants": SimpleUploadedFile(
                "p.xlsx", xlsx_bytes(PARTICIPANTS, rows[PARTICIPANTS])
            ),
            "ads": SimpleUploadedFile("a.csv", csv_bytes(ADS, rows[ADS])),
            "mediations": SimpleUploadedFile("m.csv", csv_bytes(MEDIATIONS, rows[MEDIATIONS])),
            "action": "import",
        },
    )
    assert "Import geslaagd" in response.text
    return Participant.objects.get(area=areas[AREA], external_id="P1")


def without_csrf(response, email: str = "") -> str:
    """The page without CSRF tokens, and with the typed address (shown back in the form)
    replaced, so two answers can be compared."""
    html = response.content.decode()
    if email:
        html = html.replace(email, "ADRES")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def ask_link(client, email):
    return client.post(f"/{AREA}/inloggen/", {"method": "link", "email": email})


def try_password(client, email):
    return client.post(
        f"/{AREA}/inloggen/", {"method": "password", "email": email, "password": "geheim123"}
    )


def invite(client, riet):
    return client.post(f"/{AREA}/makelaar/deelnemers/{riet.pk}/uitnodigen/")


def broker_client() -> Client:
    client = Client()
    client.force_login(User.objects.get(email="makelaar@utrecht-zuid.test"))
    return client


def test_an_imported_person_cannot_sign_in_and_the_answer_is_that_for_an_unknown_address(
    areas,
):
    riet = upload(areas)
    assert riet.user.email is None and riet.registry_email == RIET
    mail.outbox.clear()
    client = Client()
    imported, unknown = ask_link(client, RIET), ask_link(client, "niemand@example.org")
    assert imported.status_code == unknown.status_code == 200
    assert without_csrf(imported) == without_csrf(unknown)
    assert mail.outbox == []  # no link for Riet, as for an unknown address
    imported, unknown = try_password(client, RIET), try_password(client, "niemand@example.org")
    assert imported.status_code == unknown.status_code
    assert without_csrf(imported, RIET) == without_csrf(unknown, "niemand@example.org")
    assert "horen niet bij elkaar" in imported.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_broker_invites_once_and_the_link_makes_the_account_work(areas):
    riet = upload(areas)
    broker = broker_client()
    page = broker.get(f"/{AREA}/makelaar/deelnemers/{riet.pk}/").content.decode()
    assert "nog niet uitgenodigd" in page and "Uitnodigen" in page
    assert broker.get(f"/{AREA}/makelaar/deelnemers/{riet.pk}/uitnodigen/").status_code == 405
    mail.outbox.clear()
    response = invite(broker, riet)
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[RIET]]
    assert "nodigt u uit" in mail.outbox[0].body
    riet.refresh_from_db()
    assert riet.invited_at is not None and riet.user.email is None
    event = AuditEvent.objects.get(action="participant.invite")
    assert event.subject_id == str(riet.pk) and event.actor.email == "makelaar@utrecht-zuid.test"
    assert RIET not in event.detail
    page = broker.get(f"/{AREA}/makelaar/deelnemers/{riet.pk}/").content.decode()
    assert "De uitnodiging is verstuurd" in page and "Opnieuw uitnodigen" in page

    # Riet uses the link: a button (mail scanners do not use it up), then she is in.
    path = link_from_mail(mail.outbox[0])
    resident = Client()
    assert "Uitnodiging aannemen" in resident.get(path).content.decode()
    assert resident.post(path).status_code == 302
    assert "Hallo Riet" in resident.get(f"/{AREA}/mijn/").content.decode()
    riet.refresh_from_db()
    assert riet.user.email == RIET and riet.registry_email == ""
    assert resident.post(path).status_code == 400  # once
    # From now on she signs in like anyone else.
    mail.outbox.clear()
    ask_link(Client(), RIET)
    assert [m.to for m in mail.outbox] == [[RIET]]


def test_a_new_invitation_replaces_the_old_link_and_others_cannot_invite(areas):
    riet = upload(areas)
    broker = broker_client()
    invite(broker, riet)
    old = link_from_mail(mail.outbox[-1])
    invite(broker, riet)
    new = link_from_mail(mail.outbox[-1])
    assert LoginToken.objects.filter(purpose="invite", used_at__isnull=True).count() == 1
    assert Client().post(old).status_code == 400
    assert Client().post(new).status_code == 302
    # Other roles and another area's broker cannot send invitations.
    for email, status in (
        ("deelnemer@utrecht-zuid.test", 403),
        ("financier@utrecht-zuid.test", 403),
        ("makelaar@breda-hoge-vucht.test", 403),
    ):
        client = Client()
        client.force_login(User.objects.get(email=email))
        assert invite(client, riet).status_code == status


def test_an_address_with_an_account_elsewhere_is_joined_only_when_the_person_uses_the_link(
    areas,
):
    elsewhere = participant(areas["breda-hoge-vucht"], "Riet", email=RIET)
    riet = upload(areas)
    # The import made a separate registry entry: Breda's account was not touched.
    assert riet.user != elsewhere.user
    assert list(elsewhere.user.participations.all()) == [elsewhere]
    placeholder = riet.user.pk
    invite(broker_client(), riet)
    resident = Client()
    assert resident.post(link_from_mail(mail.outbox[-1])).status_code == 302
    # She proved the address is hers: her one account now holds both participations.
    riet.refresh_from_db()
    assert riet.user == elsewhere.user and riet.registry_email == ""
    assert set(elsewhere.user.participations.values_list("area__slug", flat=True)) == {
        "breda-hoge-vucht",
        AREA,
    }
    assert not User.objects.filter(pk=placeholder).exists()


def test_an_invitation_to_an_address_of_another_participant_here_is_refused(areas):
    riet = upload(areas)
    participant(areas[AREA], "Riet", last_name="Tweede", email=RIET)
    mail.outbox.clear()
    broker = broker_client()
    response = invite(broker, riet)
    assert response.status_code == 302
    assert mail.outbox == []
    page = broker.get(response["Location"]).content.decode()
    assert "hoort al bij een andere deelnemer in dit werkgebied" in page
    assert not AuditEvent.objects.filter(action="participant.invite").exists()
