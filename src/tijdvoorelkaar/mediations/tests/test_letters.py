"""A letter on paper for a participant without email, and both sides' phone numbers on
the broker's mediation page."""

import datetime as dt
import io

import pytest
import time_machine
from pypdf import PdfReader

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Conversation, Message
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import services
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.django_db

WRITTEN = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
PRINTED = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def world():
    """Utrecht Zuid, where reactions go through the broker: Gerda (no email, a phone number
    and a postal address) asks for help with her shopping; Piet (email, no phone number)
    reacts and writes again; the broker proposes them to each other."""
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    area.matching_mode = "broker"
    area.save(update_fields=["matching_mode"])
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    gerda = participant(area, "Gerda", last_name="Vos", email=None, phone="06 12345678")
    gerda.address = "Hoofdstraat 1\n3521 AB Utrecht"
    gerda.save(update_fields=["address"])
    piet = participant(area, "Piet", last_name="de Groot", email="piet@example.org")
    shopping = ad(gerda, "Boodschappen op vrijdag")
    with time_machine.travel(WRITTEN - dt.timedelta(days=1), tick=False):
        conversation = marketplace.react(
            ad=shopping, participant=piet, body="Ik kan op vrijdag.", base_url="http://x"
        )
    with time_machine.travel(WRITTEN, tick=False):
        marketplace.reply(
            conversation=conversation,
            participant=piet,
            body="Zal ik om 10 uur langskomen? Ik neem een boodschappentas mee & een lijstje.",
            base_url="http://x",
        )
    mediation = services.propose(
        area=area, broker=broker, requester=gerda, provider=piet, ad=shopping
    )
    return area, broker, gerda, piet, mediation


def url(mediation, side="hulpvrager", area_slug="utrecht-zuid"):
    return f"/{area_slug}/makelaar/bemiddelingen/{mediation.pk}/brief/{side}/"


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_letter_is_a_pdf_with_the_newest_message_and_the_phone_number(client, world):
    area, broker, gerda, piet, mediation = world
    client.force_login(broker)
    with time_machine.travel(PRINTED, tick=False):
        response = client.get(url(mediation))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response)
    assert "Zal ik om 10 uur langskomen? Ik neem een boodschappentas mee & een lijstje." in text
    assert "Ik kan op vrijdag." not in text  # only the newest message
    assert "030 123 45 67" in text
    assert "maandag tot en met vrijdag van 9.00 tot 12.30 uur" in text
    assert "Welzijn Utrecht Zuid" in text
    assert "Vraag naar Sanne" in text  # the broker's first name
    assert "Gerda Vos" in text and "Hoofdstraat 1" in text and "3521 AB Utrecht" in text
    assert "29 november 2026" in text  # the date, in Dutch
    assert "Beste Gerda," in text
    assert "U heeft een nieuw bericht van Piet" in text
    assert "Dit schreef Piet op 27 november 2026:" in text


def test_printing_a_letter_is_written_to_the_audit_log(client, world):
    area, broker, gerda, piet, mediation = world
    client.force_login(broker)
    client.get(url(mediation))
    event = AuditEvent.objects.get(action="letter.print")
    assert event.actor == broker and event.area == area
    assert (event.subject_type, event.subject_id) == ("participants.participant", str(gerda.pk))
    assert event.detail == f"bemiddeling {mediation.pk}"  # no personal data


def test_a_reaction_is_named_a_reaction_and_a_hidden_message_is_not_printed(client, world):
    area, broker, gerda, piet, mediation = world
    Message.objects.filter(body__startswith="Zal ik").update(hidden_for_review=True)
    client.force_login(broker)
    text = pdf_text(client.get(url(mediation)))
    assert "Piet heeft gereageerd op" in text and "Boodschappen op vrijdag" in text
    assert "Ik kan op vrijdag." in text
    assert "Zal ik om 10 uur" not in text


def test_without_a_message_to_that_side_there_is_no_letter(client, world):
    area, broker, gerda, piet, mediation = world
    client.force_login(broker)
    response = client.get(url(mediation, "helper"))  # Gerda wrote nothing to Piet
    assert response.status_code == 404
    assert client.get(url(mediation, "onbekend")).status_code == 404
    assert not AuditEvent.objects.filter(action="letter.print").exists()


def test_where_brokers_do_not_read_along_only_the_party_without_email_gets_a_letter(client, world):
    area, broker, gerda, piet, mediation = world
    area.matching_mode = "direct"
    area.save(update_fields=["matching_mode"])
    with time_machine.travel(WRITTEN, tick=False):
        marketplace.reply(
            conversation=Conversation.objects.get(initiator=piet),
            participant=gerda,
            body="Graag, tot vrijdag.",
            base_url="http://x",
        )
    client.force_login(broker)
    # Gerda has no email address: the broker is her only way to read Piet's message.
    response = client.get(url(mediation))
    assert response.status_code == 200
    assert "boodschappentas" in pdf_text(response)
    # Piet has an email address: what Gerda wrote him stays between the two of them.
    assert client.get(url(mediation, "helper")).status_code == 404
    page = client.get(f"/utrecht-zuid/makelaar/bemiddelingen/{mediation.pk}/").content.decode()
    assert page.count("Brief afdrukken") == 1
    assert "Alleen voor wie geen e-mailadres heeft" in page
    assert AuditEvent.objects.filter(action="letter.print").count() == 1


@pytest.mark.parametrize(
    "email, expected",
    [
        ("makelaar@breda-hoge-vucht.test", 403),
        ("coordinator@breda-hoge-vucht.test", 403),
        ("piet@example.org", 403),
        ("deelnemer@utrecht-zuid.test", 403),
        ("financier@utrecht-zuid.test", 403),
        ("coordinator@utrecht-zuid.test", 200),
    ],
)
def test_only_the_areas_staff_may_print_a_letter(client, world, email, expected):
    area, broker, gerda, piet, mediation = world
    client.force_login(User.objects.get(email=email))
    assert client.get(url(mediation)).status_code == expected
    assert AuditEvent.objects.filter(action="letter.print").exists() == (expected == 200)


def test_another_areas_broker_finds_no_mediation_at_their_own_address(client, world):
    area, broker, gerda, piet, mediation = world
    client.force_login(User.objects.get(email="makelaar@breda-hoge-vucht.test"))
    assert client.get(url(mediation, area_slug="breda-hoge-vucht")).status_code == 404
    assert client.post(url(mediation, area_slug="breda-hoge-vucht")).status_code == 404
    assert not AuditEvent.objects.filter(action="letter.print").exists()


def test_anonymous_visitors_are_sent_to_sign_in_and_post_is_refused(client, world):
    area, broker, gerda, piet, mediation = world
    response = client.get(url(mediation))
    assert response.status_code == 302 and "/utrecht-zuid/inloggen/" in response["Location"]
    client.force_login(broker)
    assert client.post(url(mediation)).status_code == 405


def test_the_mediation_page_shows_both_phone_numbers_and_the_letter_link(client, world):
    area, broker, gerda, piet, mediation = world
    client.force_login(broker)
    page = client.get(f"/utrecht-zuid/makelaar/bemiddelingen/{mediation.pk}/").content.decode()
    assert '<a class="phone-link" href="tel:+31612345678">06 12345678</a>' in page
    assert "geen telefoonnummer bekend" in page  # Piet left no number
    assert f'href="{url(mediation)}"' in page  # a letter to Gerda, who got a message
    assert f'href="{url(mediation, "helper")}"' not in page
    assert "Geen bericht aan Piet om als brief af te drukken." in page


def test_the_phone_number_on_the_page_is_the_participants_current_one(client, world):
    area, broker, gerda, piet, mediation = world
    piet.phone = "+31 30 765 43 21"
    piet.save(update_fields=["phone"])
    client.force_login(broker)
    page = client.get(f"/utrecht-zuid/makelaar/bemiddelingen/{mediation.pk}/").content.decode()
    assert 'href="tel:+31307654321">+31 30 765 43 21</a>' in page
    assert "geen telefoonnummer bekend" not in page
