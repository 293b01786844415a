"""Replying by email: the notice's own reply address, the reply in the conversation, and
everything else refused with nothing stored; through the SMTP server and the webhook."""

import base64
import datetime as dt
import smtplib
import socket

import pytest
import time_machine
from django.core import mail

from tijdvoorelkaar.core.smtp_inbound import make_server
from tijdvoorelkaar.marketplace import email_replies, reply_addresses, services
from tijdvoorelkaar.marketplace.management.commands.receive_mail import deliver
from tijdvoorelkaar.marketplace.models import Ad, Conversation, Message
from tijdvoorelkaar.participants.tests.factories import participant

from .factories import ad

DOMAIN = "antwoord.tve.example"
NOW = dt.datetime(2026, 11, 29, 13, 0, tzinfo=dt.UTC)


@pytest.fixture
def replies_on(settings):
    settings.REPLY_EMAIL_DOMAIN = DOMAIN
    settings.SITE_URL = "https://tve.example"


@pytest.fixture
def talk(db, area, replies_on):
    """Fatima reacted to Henk's ad; Henk got the notice with his reply address."""
    area.sender_name, area.sender_email = "Welzijn Zuid", "tve@welzijn-zuid.example"
    area.save()
    owner = participant(area, "Henk", email="henk@example.org")
    helper = participant(area, "Fatima", email="fatima@example.org")
    the_ad = ad(owner, "Wie laat mijn hond uit?", category="Dieren")
    with time_machine.travel(NOW, tick=False):
        conversation = services.react(
            ad=the_ad, participant=helper, body="Ik loop graag met honden!", base_url="x"
        )
    notice = mail.outbox[-1]
    assert notice.to == ["henk@example.org"]
    return conversation, owner, helper, notice.reply_to[0]


def gmail_reply(to: str, text: str, *, sender="Henk <henk@example.org>", headers="", msgid="1"):
    return (
        f"From: {sender}\r\n"
        f"To: {to}\r\n"
        "Subject: Re: Fatima reageert op uw advertentie\r\n"
        f"Message-ID: <{msgid}@mail.gmail.example>\r\n"
        "Date: Sun, 29 Nov 2026 14:30:00 +0100\r\n"
        f"{headers}"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
        "\r\n"
        f"{text}\r\n"
        "\r\n"
        "Op zo 29 nov 2026 om 14:02 schreef Welzijn Zuid <tve@welzijn-zuid.example>:\r\n"
        "\r\n"
        "> Beste Henk,\r\n"
        ">\r\n"
        "> Fatima heeft gereageerd op uw advertentie.\r\n"
    ).encode()


def other_address(address: str) -> str:
    """The same address with its signature changed: a forgery."""
    local, domain = address.split("@")
    head, signature = local.rsplit("-", 1)
    forged = ("a" if signature[0] != "a" else "b") + signature[1:]
    return f"{head}-{forged}@{domain}"


# --- The address ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_conversation_and_recipient_has_its_own_signed_address(talk):
    conversation, owner, helper, address = talk
    assert address.startswith("antwoord+") and address.endswith(f"@{DOMAIN}")
    assert len(address.split("@")[0]) <= 64
    notice = mail.outbox[-1]
    assert "U kunt gewoon op deze e-mail antwoorden" in notice.body
    with time_machine.travel(NOW, tick=False):
        services.reply(conversation=conversation, participant=owner, body="Graag!", base_url="x")
    to_helper = mail.outbox[-1]
    assert to_helper.to == ["fatima@example.org"] and to_helper.reply_to[0] != address
    read = reply_addresses.read(address)
    assert (read.conversation_id, read.participant_id) == (conversation.pk, owner.pk)
    assert reply_addresses.read(address.upper()) == read  # a server that shouts
    assert reply_addresses.read(other_address(address)) is None
    assert reply_addresses.read(address.replace(DOMAIN, "elders.example")) is None


@pytest.mark.django_db
def test_without_a_reply_domain_the_notice_has_no_reply_address(area, settings):
    settings.REPLY_EMAIL_DOMAIN = ""
    owner = participant(area, "Henk", email="henk@example.org")
    helper = participant(area, "Fatima", email="fatima@example.org")
    services.react(ad=ad(owner), participant=helper, body="Hallo", base_url="x")
    notice = mail.outbox[-1]
    assert notice.reply_to == []
    assert "Lees en beantwoord het bericht op de site" in notice.body
    assert "op deze e-mail antwoorden" not in notice.body


# --- Receiving ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_reply_lands_in_the_conversation_as_the_recipients_message(talk):
    conversation, owner, helper, address = talk
    mail.outbox.clear()
    with time_machine.travel(NOW + dt.timedelta(hours=2), tick=False):
        outcome = email_replies.receive(gmail_reply(address, "Ja graag, dinsdag om 10 uur?"))
    assert outcome.stored and outcome.refusal is None
    message = conversation.messages.last()
    assert message.sender == owner and message.body == "Ja graag, dinsdag om 10 uur?"
    conversation.refresh_from_db()
    assert conversation.owner_replied_at is not None
    # Fatima hears of it as of any message, with her own reply address.
    assert [m.to for m in mail.outbox] == [["fatima@example.org"]]
    assert "Ja graag, dinsdag om 10 uur?" in mail.outbox[0].body
    assert mail.outbox[0].reply_to[0] not in (address,)


@pytest.mark.django_db
def test_the_same_email_delivered_twice_is_stored_once(talk):
    conversation, _owner, _helper, address = talk
    for _ in range(2):
        assert email_replies.receive(gmail_reply(address, "Dinsdag?", msgid="same")).refusal is None
    assert conversation.messages.count() == 2  # the reaction and this reply


def refused(talk, raw, reason, **kwargs):
    conversation = talk[0]
    conversation.refresh_from_db()
    before = (Message.objects.count(), conversation.owner_replied_at)
    mail.outbox.clear()
    outcome = email_replies.receive(raw, **kwargs)
    assert outcome.refusal == reason and not outcome.stored
    conversation.refresh_from_db()
    assert (Message.objects.count(), conversation.owner_replied_at) == before
    return outcome


@pytest.mark.django_db
def test_a_forged_address_is_refused_with_a_kind_email(talk):
    _conversation, _owner, _helper, address = talk
    outcome = refused(talk, gmail_reply(other_address(address), "Hallo"), "onbekend_adres")
    assert outcome.answered
    kind = mail.outbox[-1]
    assert kind.to == ["henk@example.org"] and kind.subject == "Uw e-mail is niet doorgegeven"
    assert "Het adres waar u naartoe schreef, kennen wij niet." in kind.body
    assert kind.from_email == "Welzijn Zuid <tve@welzijn-zuid.example>"
    assert kind.extra_headers["Auto-Submitted"] == "auto-replied"
    assert "030 123 45 67" in kind.body and "030 123 45 67" in kind.alternatives[0][0]


@pytest.mark.django_db
def test_an_address_expires_after_its_days_and_with_a_closed_ad(talk):
    conversation, owner, _helper, address = talk
    with time_machine.travel(NOW + dt.timedelta(days=91), tick=False):
        refused(talk, gmail_reply(address, "Nog steeds?"), "verlopen")
    assert "Dit antwoordadres werkt niet meer" in mail.outbox[-1].body
    assert f"/gesprekken/{conversation.pk}/" in mail.outbox[-1].body
    with time_machine.travel(NOW + dt.timedelta(days=89), tick=False):
        Ad.objects.filter(pk=conversation.ad_id).update(status=Ad.Status.CLOSED)
        refused(talk, gmail_reply(address, "Nog steeds?"), "verlopen")


@pytest.mark.django_db
def test_an_address_of_a_deleted_conversation_is_refused(talk):
    conversation, _owner, _helper, address = talk
    Conversation.objects.filter(pk=conversation.pk).delete()
    mail.outbox.clear()
    outcome = email_replies.receive(gmail_reply(address, "Hallo?"))
    assert outcome.refusal == "verlopen" and not Message.objects.exists()


@pytest.mark.django_db
def test_only_the_recipient_may_answer_at_their_address(talk):
    conversation, _owner, _helper, address = talk
    outcome = refused(
        talk, gmail_reply(address, "Ik ook!", sender="fatima@example.org"), "andere_afzender"
    )
    kind = mail.outbox[-1]
    assert outcome.answered and kind.to == ["fatima@example.org"]
    assert "ander e-mailadres" in kind.body
    # She learns nothing about a conversation that is not hers.
    assert "hond" not in kind.body and f"/gesprekken/{conversation.pk}/" not in kind.body
    stranger = refused(
        talk, gmail_reply(address, "Koop nu!", sender="spam@elders.example"), "andere_afzender"
    )
    assert not stranger.answered and mail.outbox == []


@pytest.mark.django_db
def test_an_empty_reply_a_long_one_and_a_large_one_are_refused(talk):
    _conversation, _owner, _helper, address = talk
    refused(talk, gmail_reply(address, "\r\nVerstuurd vanaf mijn iPhone"), "leeg")
    assert "We vonden geen tekst in uw e-mail." in mail.outbox[-1].body
    refused(talk, gmail_reply(address, "lang " * 500), "te_lang")
    assert "langer dan 2000 tekens" in mail.outbox[-1].body
    refused(talk, gmail_reply(address, "Foto erbij"), "te_groot", too_large=True)
    assert "groter dan 10 MB" in mail.outbox[-1].body


@pytest.mark.django_db
def test_out_of_office_replies_are_dropped_without_an_answer(talk):
    _conversation, _owner, _helper, address = talk
    auto = gmail_reply(
        address, "Ik ben tot 4 januari afwezig.", headers="Auto-Submitted: auto-replied\r\n"
    )
    outcome = refused(talk, auto, "automatisch")
    assert not outcome.answered and mail.outbox == []


@pytest.mark.django_db
def test_the_kind_email_is_in_the_senders_language(talk):
    _conversation, owner, _helper, address = talk
    owner.user.language = "en"
    owner.user.save()
    refused(talk, gmail_reply(address, " "), "leeg")
    kind = mail.outbox[-1]
    assert kind.subject == "Your email was not passed on"
    assert kind.body.startswith("Dear Henk,") and "We found no text in your email." in kind.body


@pytest.mark.django_db
def test_many_replies_in_an_hour_are_refused_and_kind_emails_are_limited(talk):
    _conversation, _owner, _helper, address = talk
    for number in range(email_replies.REPLIES_PER_HOUR):
        outcome = email_replies.receive(gmail_reply(address, f"Bericht {number}", msgid=number))
        assert outcome.stored
    refused(talk, gmail_reply(address, "Nog een", msgid="extra"), "te_veel")
    answered = [
        email_replies.receive(gmail_reply(other_address(address), "x", msgid=n)).answered
        for n in range(email_replies.REFUSALS_PER_HOUR + 2)
    ]
    # The refusal just above was the first kind email of this hour.
    assert answered.count(True) == email_replies.REFUSALS_PER_HOUR - 1


# --- The webhook --------------------------------------------------------------------------


def post_mail(client, raw, **headers):
    return client.post("/inkomende-mail/", raw, content_type="message/rfc822", **headers)


@pytest.mark.django_db
def test_the_webhook_needs_its_secret_and_runs_the_same_code(client, talk, settings):
    conversation, owner, _helper, address = talk
    raw = gmail_reply(address, "Via de webhook")
    assert post_mail(client, raw).status_code == 404  # no secret configured: not there
    settings.INBOUND_EMAIL_SECRET = "geheim-0123456789"
    assert post_mail(client, raw).status_code == 401
    assert post_mail(client, raw, HTTP_AUTHORIZATION="Bearer fout").status_code == 401
    assert client.get("/inkomende-mail/").status_code == 405
    assert not conversation.messages.filter(sender=owner).exists()

    response = post_mail(client, raw, HTTP_AUTHORIZATION="Bearer geheim-0123456789")
    assert response.status_code == 200 and response.json() == {"stored": True, "refused": None}
    assert conversation.messages.filter(sender=owner).get().body == "Via de webhook"

    basic = base64.b64encode(b"tve:geheim-0123456789").decode()
    forged = gmail_reply(other_address(address), "Vals", msgid="2")
    response = post_mail(client, forged, HTTP_AUTHORIZATION=f"Basic {basic}")
    assert response.json() == {"stored": False, "refused": "onbekend_adres"}
    assert conversation.messages.filter(sender=owner).count() == 1


@pytest.mark.django_db
def test_the_webhook_reads_no_further_than_the_limit(client, talk, settings):
    conversation, owner, _helper, address = talk
    settings.INBOUND_EMAIL_SECRET = "geheim-0123456789"
    settings.INBOUND_EMAIL_MAX_BYTES = 2000
    raw = gmail_reply(address, "Met een grote bijlage " + "x" * 3000)
    mail.outbox.clear()
    response = post_mail(client, raw, HTTP_AUTHORIZATION="Bearer geheim-0123456789")
    assert response.json() == {"stored": False, "refused": "te_groot"}
    assert mail.outbox[-1].to == ["henk@example.org"]
    assert not conversation.messages.filter(sender=owner).exists()


# --- The SMTP server ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(transactional_db, replies_on):
    port = free_port()
    server = make_server(
        host="127.0.0.1",
        port=port,
        max_bytes=20_000,
        accepts=reply_addresses.is_reply_address,
        deliver=deliver,
    )
    server.start()
    yield port
    server.stop()


def test_a_reply_sent_by_smtp_appears_in_the_conversation(area, smtp_server):
    owner = participant(area, "Henk", email="henk@example.org")
    helper = participant(area, "Fatima", email="fatima@example.org")
    conversation = services.react(
        ad=ad(owner, "Wie laat mijn hond uit?", category="Dieren"),
        participant=helper,
        body="Ik loop graag met honden!",
        base_url="x",
    )
    address = mail.outbox[-1].reply_to[0]
    with smtplib.SMTP("127.0.0.1", smtp_server, timeout=10) as smtp:
        refused_now = smtp.sendmail(
            "henk@example.org", [address], gmail_reply(address, "Dinsdag om 10 uur?")
        )
    assert refused_now == {}
    reply = conversation.messages.get(sender=owner)
    assert reply.body == "Dinsdag om 10 uur?"
    assert mail.outbox[-1].to == ["fatima@example.org"]

    # A forged or expired address: accepted by the server, refused, nothing stored.
    forged = other_address(address)
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=120)):
        with smtplib.SMTP("127.0.0.1", smtp_server, timeout=10) as smtp:
            smtp.sendmail("henk@example.org", [forged], gmail_reply(forged, "Vals", msgid="f"))
            smtp.sendmail("henk@example.org", [address], gmail_reply(address, "Laat", msgid="l"))
    assert conversation.messages.filter(sender=owner).count() == 1
    assert [m.subject for m in mail.outbox[-2:]] == ["Uw e-mail is niet doorgegeven"] * 2


def test_the_smtp_server_takes_mail_for_reply_addresses_only(area, smtp_server):
    with smtplib.SMTP("127.0.0.1", smtp_server, timeout=10) as smtp:
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused_rcpt:
            smtp.sendmail("a@example.org", ["postmaster@" + DOMAIN], b"Subject: x\r\n\r\nx")
        assert refused_rcpt.value.recipients["postmaster@" + DOMAIN][0] == 550
        smtp.ehlo()
        assert int(smtp.esmtp_features["size"]) == 20_000
        code, _ = smtp.mail("a@example.org")
        assert code == 250
        for number in range(5):
            assert smtp.rcpt(f"antwoord+1-1-1-{'a' * 15}{'abcde'[number]}@{DOMAIN}")[0] == 250
        assert smtp.rcpt(f"antwoord+1-1-1-{'b' * 16}@{DOMAIN}")[0] == 452
        smtp.rset()
        with pytest.raises(smtplib.SMTPSenderRefused) as too_big:
            smtp.sendmail("a@example.org", [f"antwoord+1-1-1-{'a' * 16}@{DOMAIN}"], b"x" * 30_000)
        assert too_big.value.smtp_code == 552
    assert not Message.objects.exists()
