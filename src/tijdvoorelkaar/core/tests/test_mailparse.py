"""Reading replies as the mail programs people use write them: Gmail, Outlook, Apple Mail
and phones, in Dutch and in English, as plain text, as HTML and as both."""

import pytest

from tijdvoorelkaar.core import mailparse

SIGNATURE_LINE = "-- "  # dash, dash, space
ORIGINAL = """Beste Henk,

Fatima heeft gereageerd op uw advertentie "Wie laat mijn hond uit?".

Met vriendelijke groet,
TijdVoorElkaar Utrecht Zuid

--=20
Welzijn Utrecht Zuid
Telefoon: 030 123 45 67"""


def quoted(text: str = ORIGINAL, prefix: str = "> ") -> str:
    return "\n".join((prefix + line).rstrip() for line in text.replace("--=20", "-- ").split("\n"))


def raw(body: str, *, headers: str = "", content_type: str = "text/plain; charset=utf-8") -> bytes:
    return (
        "From: Henk Pietersen <henk@example.org>\n"
        "To: antwoord+1-2-3-abcdefghijklmnop@antwoord.tve.example\n"
        "Subject: Re: Fatima reageert op uw advertentie\n"
        "Date: Sun, 29 Nov 2026 14:30:00 +0100\n"
        "Message-ID: <abc123@mail.example.org>\n"
        "MIME-Version: 1.0\n"
        f"{headers}"
        f"Content-Type: {content_type}\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n"
        f"{body}"
    ).encode()


GMAIL_NL = f"""Ja hoor, dinsdag om 10 uur kan ik.

Groet, Henk

Op zo 29 nov 2026 om 14:02 schreef TijdVoorElkaar Utrecht Zuid <
noreply@tve.example>:

{quoted()}
"""

GMAIL_EN = f"""Yes, Tuesday at 10 works for me.

On Sun, Nov 29, 2026 at 2:02 PM TijdVoorElkaar Utrecht Zuid <noreply@tve.example>
wrote:

{quoted()}
"""

OUTLOOK_DESKTOP_NL = f"""Dat is goed, ik zie je dinsdag.

Met vriendelijke groet,
Henk Pietersen

-----Oorspronkelijk bericht-----
Van: TijdVoorElkaar Utrecht Zuid <noreply@tve.example>
Verzonden: zondag 29 november 2026 14:02
Aan: henk@example.org
Onderwerp: Nieuw bericht van Fatima

{ORIGINAL}
"""

OUTLOOK_WEB_NL = f"""Dat is goed, ik zie je dinsdag.

________________________________
Van: TijdVoorElkaar Utrecht Zuid <noreply@tve.example>
Verzonden: zondag 29 november 2026 14:02
Aan: henk@example.org <henk@example.org>
Onderwerp: Nieuw bericht van Fatima

{ORIGINAL}
"""

OUTLOOK_EN_HEADERS_ONLY = f"""See you on Tuesday.

From: TijdVoorElkaar Utrecht Zuid <noreply@tve.example>
Sent: Sunday, November 29, 2026 2:02 PM
To: henk@example.org
Subject: New message from Fatima

{ORIGINAL}
"""

OUTLOOK_EN_ORIGINAL_MESSAGE = f"""See you on Tuesday.
Henk

-----Original Message-----
From: TijdVoorElkaar Utrecht Zuid <noreply@tve.example>
Sent: Sunday, November 29, 2026 2:02 PM

{ORIGINAL}
"""

APPLE_IPHONE_NL = f"""Prima, tot dinsdag!

Verstuurd vanaf mijn iPhone

> Op 29 nov. 2026 om 14:02 heeft TijdVoorElkaar <noreply@tve.example> het volgende geschreven:
>
{quoted()}
"""

APPLE_MAIL_EN = f"""Lovely, see you Tuesday!

Sent from my iPhone

> On 29 Nov 2026, at 14:02, TijdVoorElkaar Utrecht Zuid <noreply@tve.example> wrote:
>
{quoted()}
"""

ANDROID_OUTLOOK_NL = f"""Kan helaas niet, volgende week wel.

Outlook voor Android downloaden
________________________________
From: TijdVoorElkaar Utrecht Zuid <noreply@tve.example>
Sent: Sunday, November 29, 2026 2:02:11 PM
To: henk@example.org <henk@example.org>
Subject: Nieuw bericht van Fatima

{ORIGINAL}
"""

WITH_SIGNATURE = f"""Goed plan.

{SIGNATURE_LINE}
Henk Pietersen
06 1111 2222 | henk@example.org

Op zo 29 nov 2026 om 14:02 schreef TijdVoorElkaar <noreply@tve.example>:
{quoted()}
"""

BELOW_THE_QUOTE = f"""On Sun, Nov 29, 2026 at 2:02 PM TijdVoorElkaar <noreply@tve.example> wrote:
{quoted()}

Sorry for the late answer: Tuesday is fine.
"""

INLINE = """> Kunt u dinsdag?
Ja, om 10 uur.
> Heeft u een riem voor de hond?
Nee, die neem ik mee.
"""

GMAIL_HTML = """<div dir="ltr">Ja hoor, dinsdag &amp; woensdag kan ik.<div><br></div><div>Groet, Henk</div></div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Op zo 29 nov 2026 om 14:02 schreef TijdVoorElkaar Utrecht Zuid &lt;<a href="mailto:noreply@tve.example">noreply@tve.example</a>&gt;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><p>Beste Henk,</p><p>Fatima heeft gereageerd.</p></blockquote></div>"""  # noqa: E501

OUTLOOK_HTML_NL = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr"><div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">Dat is goed.</div><div class="elementToProof">Met vriendelijke groet, Henk</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>Van:</b> TijdVoorElkaar Utrecht Zuid &lt;noreply@tve.example&gt;<br><b>Verzonden:</b> zondag 29 november 2026 14:02<br><b>Aan:</b> henk@example.org<br><b>Onderwerp:</b> Nieuw bericht van Fatima</font><div>&nbsp;</div></div><div><p>Beste Henk,</p><p>Fatima heeft gereageerd.</p></div></body></html>"""  # noqa: E501

APPLE_HTML_EN = """<html><head></head><body dir="auto"><div dir="ltr">Lovely, see you Tuesday!</div><div dir="ltr"><br><div>Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">On 29 Nov 2026, at 14:02, TijdVoorElkaar &lt;noreply@tve.example&gt; wrote:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr"><p>Dear Henk,</p><p>Fatima has reacted.</p></div></blockquote></div></body></html>"""  # noqa: E501


@pytest.mark.parametrize(
    "body, expected",
    [
        (GMAIL_NL, "Ja hoor, dinsdag om 10 uur kan ik.\n\nGroet, Henk"),
        (GMAIL_EN, "Yes, Tuesday at 10 works for me."),
        (
            OUTLOOK_DESKTOP_NL,
            "Dat is goed, ik zie je dinsdag.\n\nMet vriendelijke groet,\nHenk Pietersen",
        ),
        (OUTLOOK_WEB_NL, "Dat is goed, ik zie je dinsdag."),
        (OUTLOOK_EN_HEADERS_ONLY, "See you on Tuesday."),
        (OUTLOOK_EN_ORIGINAL_MESSAGE, "See you on Tuesday.\nHenk"),
        (APPLE_IPHONE_NL, "Prima, tot dinsdag!"),
        (APPLE_MAIL_EN, "Lovely, see you Tuesday!"),
        (ANDROID_OUTLOOK_NL, "Kan helaas niet, volgende week wel."),
        (WITH_SIGNATURE, "Goed plan."),
        (BELOW_THE_QUOTE, "Sorry for the late answer: Tuesday is fine."),
        (INLINE, "Ja, om 10 uur.\nNee, die neem ik mee."),
    ],
    ids=[
        "gmail-nl", "gmail-en", "outlook-desktop-nl", "outlook-web-nl", "outlook-en-headers",
        "outlook-en-original-message", "iphone-nl", "apple-mail-en", "outlook-android-nl",
        "signature", "below-the-quote", "inline",
    ],
)  # fmt: skip
def test_the_new_text_of_a_plain_text_reply(body, expected):
    assert mailparse.reply_text(mailparse.parse(raw(body))) == expected


@pytest.mark.parametrize(
    "html, expected",
    [
        (GMAIL_HTML, "Ja hoor, dinsdag & woensdag kan ik.\n\nGroet, Henk"),
        (OUTLOOK_HTML_NL, "Dat is goed.\nMet vriendelijke groet, Henk"),
        (APPLE_HTML_EN, "Lovely, see you Tuesday!"),
    ],
    ids=["gmail", "outlook", "apple-mail"],
)
def test_an_html_only_reply_becomes_text(html, expected):
    message = mailparse.parse(raw(html, content_type="text/html; charset=utf-8"))
    assert mailparse.reply_text(message) == expected


def test_the_plain_part_of_a_two_part_message_is_read():
    body = (
        "--b1\nContent-Type: text/plain; charset=utf-8\n\nDinsdag kan ik.\n\n"
        f"Op zo 29 nov 2026 om 14:02 schreef TijdVoorElkaar <noreply@tve.example>:\n{quoted()}\n"
        "--b1\nContent-Type: text/html; charset=utf-8\n\n<div>HTML-tekst</div>\n--b1--\n"
    )
    message = mailparse.parse(raw(body, content_type='multipart/alternative; boundary="b1"'))
    assert mailparse.reply_text(message) == "Dinsdag kan ik."


def test_attachments_are_left_out_and_an_empty_plain_part_falls_back_to_html():
    body = (
        "--m\nContent-Type: multipart/alternative; boundary=a\n\n"
        "--a\nContent-Type: text/plain; charset=utf-8\n\n\n"
        "--a\nContent-Type: text/html; charset=utf-8\n\n<p>Zie de foto.</p>\n--a--\n"
        "--m\nContent-Type: image/jpeg; name=hond.jpg\nContent-Disposition: attachment; "
        "filename=hond.jpg\nContent-Transfer-Encoding: base64\n\n/9j/4AAQSkZJRg==\n--m--\n"
    )
    message = mailparse.parse(raw(body, content_type='multipart/mixed; boundary="m"'))
    assert mailparse.reply_text(message) == "Zie de foto."


def test_quoted_printable_latin1_and_format_flowed_are_read():
    body = "Graag, dat is heel =\naardig van u. Tot =E9=E9n uur!\n"
    latin1 = raw(body, content_type="text/plain; charset=iso-8859-1; format=flowed")
    message = mailparse.parse(latin1.replace(b"8bit", b"quoted-printable"))
    assert mailparse.reply_text(message) == "Graag, dat is heel aardig van u. Tot één uur!"
    flowed = "Dit is een lange zin die de \nmail-app heeft afgebroken.\n-- \nHenk"
    assert mailparse.unflow(flowed) == (
        "Dit is een lange zin die de mail-app heeft afgebroken.\n-- \nHenk"
    )


def test_a_reply_with_only_the_quote_is_empty():
    body = f"Op zo 29 nov 2026 om 14:02 schreef TijdVoorElkaar <noreply@tve.example>:\n{quoted()}\n"
    assert mailparse.reply_text(mailparse.parse(raw(body))) == ""
    assert mailparse.reply_text(mailparse.parse(raw("\n\nVerzonden vanaf mijn iPhone\n"))) == ""


def test_ordinary_sentences_are_not_taken_for_a_quote():
    text = (
        "Op dinsdag heeft mijn buurvrouw tijd:\n"
        "Van: tien tot twaalf.\n"
        "On the way back I can buy bread.\n"
        "Mijn broer schreef:\n"
        "het lukt wel."
    )
    assert mailparse.strip_reply(text) == text


def test_sender_and_addresses():
    message = mailparse.parse(
        raw("Hoi", headers="Cc: Fatima <FATIMA@example.org>\nDelivered-To: x@antwoord.example\n")
    )
    assert mailparse.sender_address(message) == "henk@example.org"
    assert mailparse.addresses_in(message, "To", "Cc", "Delivered-To") == [
        "antwoord+1-2-3-abcdefghijklmnop@antwoord.tve.example",
        "fatima@example.org",
        "x@antwoord.example",
    ]


@pytest.mark.parametrize(
    "headers",
    [
        "Auto-Submitted: auto-replied\n",
        "Precedence: bulk\n",
        "X-Autoreply: yes\n",
        "List-Id: <buurt.lists.example>\n",
        "X-Auto-Response-Suppress: All\n",
    ],
)
def test_machines_are_recognised_by_their_headers(headers):
    assert mailparse.is_automatic(mailparse.parse(raw("Ik ben afwezig", headers=headers)))


def test_machines_are_recognised_by_sender_and_subject():
    person = mailparse.parse(raw("Dinsdag kan ik."))
    assert not mailparse.is_automatic(person, envelope_sender="henk@example.org")
    assert not mailparse.is_automatic(person)
    assert mailparse.is_automatic(person, envelope_sender="<>")
    bounce = raw("Mail delivery failed").replace(
        b"From: Henk Pietersen <henk@example.org>", b"From: MAILER-DAEMON@mx.example.org"
    )
    assert mailparse.is_automatic(mailparse.parse(bounce))
    away = raw("Ik ben er niet").replace(
        b"Subject: Re: Fatima", b"Subject: Automatisch antwoord: Fatima"
    )
    assert mailparse.is_automatic(mailparse.parse(away))
