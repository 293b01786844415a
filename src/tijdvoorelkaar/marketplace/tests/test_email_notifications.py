"""The email about a reaction or a message: in the recipient's language, from the area's
sender, with the message itself in both parts."""

import pytest
from django.core import mail

from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.participants.tests.factories import participant

from .factories import ad

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(area):
    area.sender_name, area.sender_email = "Welzijn Zuid", "tve@welzijn-zuid.example"
    area.save()
    owner = participant(area, "Henk", email="henk@example.org")
    helper = participant(area, "Fatima", email="fatima@example.org")
    return owner, helper, ad(owner, "Wie laat mijn hond uit?", category="Dieren")


def test_the_notice_comes_from_the_area_with_the_message_in_both_parts(pair):
    owner, helper, the_ad = pair
    services.react(ad=the_ad, participant=helper, body="Ik loop graag & vaak.", base_url="x")
    message = mail.outbox[-1]
    assert message.from_email == "Welzijn Zuid <tve@welzijn-zuid.example>"
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert message.subject == "Fatima reageert op uw advertentie"
    assert "Ik loop graag & vaak." in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Ik loop graag &amp; vaak." in html
    assert "030 123 45 67" in message.body and "030 123 45 67" in html


def test_a_recipient_who_chose_english_gets_it_in_english(pair):
    owner, helper, the_ad = pair
    owner.user.language = "en"
    owner.user.save()
    conversation = services.react(ad=the_ad, participant=helper, body="Hallo", base_url="x")
    english = mail.outbox[-1]
    assert english.subject == "Fatima is replying to your ad"
    assert english.body.startswith("Dear Henk,")
    assert 'Fatima has reacted to your ad "Wie laat mijn hond uit?"' in english.body
    services.reply(conversation=conversation, participant=owner, body="Graag!", base_url="x")
    dutch = mail.outbox[-1]
    assert dutch.to == ["fatima@example.org"]
    assert dutch.subject == "Nieuw bericht van Henk" and dutch.body.startswith("Beste Fatima,")
