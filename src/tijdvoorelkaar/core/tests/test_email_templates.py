"""Every email template, rendered with names full of & < > ' ": the text part shows them as
typed, the HTML part escapes them once, and both carry the organisation's phone number.

The list of templates is found on disk (`*/templates/*/email/*.txt`), so an email added
without a case here fails the first test."""

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.utils.html import escape

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.mail import render_email
from tijdvoorelkaar.marketplace.email_replies import Refusal
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.organisations.models import IncomingReferral, SocialMapEntry
from tijdvoorelkaar.outreach.models import OutreachActivity
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.stories.models import Story
from tijdvoorelkaar.tasks.models import Task

NASTY = "Anna & <b>Bob</b> 'O\"Neil'"
PHONE = "030 123 45 67"
LINK = "https://tve.example/utrecht-zuid/x/?a=1&b=2"
APP_DIR = Path(__file__).resolve().parents[2]


def email_templates() -> set[str]:
    return {
        path.relative_to(path.parents[2]).with_suffix("").as_posix()
        for path in APP_DIR.glob("*/templates/*/email/*.txt")
        if path.parent.parent.name != "core"  # the shared layout and footer
        and not path.name.startswith("_")  # pieces included by an email
    }


def person(name=NASTY) -> Participant:
    return Participant(user=User(first_name=name, email="anna@example.org"))


def cases() -> dict[str, dict]:
    someone, other = person(), person(f"{NASTY} 2")
    ad = Ad(title=NASTY, kind=Ad.Kind.REQUEST, expires_on=dt.date(2026, 12, 1), pk=4821)
    staff = User(first_name=NASTY, last_name=NASTY, email="makelaar@example.org")
    task = Task(title=NASTY, due_on=dt.date(2026, 11, 20))
    return {
        "accounts/email/invitation": {"user": someone.user, "link": LINK, "days": 14},
        "accounts/email/sign_in": {"user": someone.user, "link": LINK, "minutes": 15},
        "accounts/email/sign_up": {"first_name": NASTY, "link": LINK, "minutes": 15},
        "marketplace/email/new_message": {
            "recipient": someone,
            "sender": other,
            "ad": ad,
            "first": True,
            "text": f"Hallo {NASTY}",
            "link": LINK,
            "reply_address": "antwoord+abc@reply.example",
        },
        "marketplace/email/renewal": {"recipient": someone, "ad": ad, "link": LINK},
        "marketplace/email/reply_refused": {
            "name": NASTY,
            "reason": "te_lang",
            "link": LINK,
            "days": 90,
            "max_length": 2000,
            "max_megabytes": 10,
        },
        "marketplace/email/unanswered": {
            "recipient": someone,
            "sender": other,
            "ad": ad,
            "link": LINK,
        },
        "mediations/email/check_in": {
            "person": someone,
            "other": other,
            "links": [("Goed", LINK), ("Bel mij", LINK)],
            "days": 30,
        },
        "newsletter/email/newsletter": {
            "user": someone.user,
            "by_category": {NASTY: [ad]},
            "stories": [Story(title=NASTY, body=f"{NASTY}\n\nEn verder.")],
            "activities": [
                OutreachActivity(
                    kind=OutreachActivity.Kind.STAND,
                    held_on=dt.date(2026, 12, 5),
                    place=NASTY,
                    group=NASTY,
                )
            ],
            "new_on_map": [SocialMapEntry(name=NASTY, when=NASTY, where=NASTY)],
            "site": LINK,
            "unsubscribe": LINK,
        },
        "organisations/email/referral_feedback": {
            "referral": IncomingReferral(
                referrer_name=NASTY, created_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
            )
        },
        "privacy/email/retention_warning": {"participant": someone, "link": LINK, "days": 30},
        "workspace/email/ad_placed": {
            "participant": someone,
            "broker": staff,
            "ad": ad,
            "link": LINK,
        },
        "workspace/email/handover": {"participant": someone, "broker": staff, "link": LINK},
        "workspace/email/morning_digest": {
            "broker": staff,
            "today": dt.date(2026, 11, 29),
            "tasks_today": [task],
            "tasks_overdue": [task],
            "link": LINK,
        },
    }


def area() -> Area:
    return Area(
        slug="utrecht-zuid",
        name=NASTY,
        organisation_name=NASTY,
        phone=PHONE,
        phone_hours="ma-vr 9-12 <uur>",
        contact_email="info@welzijn.example",
    )


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.images = 0
        self.external_styles = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.images += tag == "img"
        self.external_styles += tag in ("style", "link")


def test_every_email_template_has_a_case_here():
    assert email_templates() == set(cases())


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("template", sorted(cases()))
def test_both_parts_show_names_as_typed_and_carry_the_phone_number(template, language):
    context = {"area": area(), "subject": NASTY, **cases()[template]}
    text, html = render_email(template, context, language=language)

    assert NASTY in text
    for escaped in ("&amp;", "&lt;", "&gt;", "&#x27;", "&quot;", "&#39;"):
        assert escaped not in text, (template, escaped)
    if "tve.example" in text:
        assert LINK in text  # the link's & as typed, so it still works when copied
    assert PHONE in text and "ma-vr 9-12 <uur>" in text

    assert escape(NASTY) in html
    assert "&amp;amp;" not in html and "&amp;lt;" not in html and "&amp;#x27;" not in html
    assert NASTY not in html and "<b>" not in html
    assert PHONE in html and 'href="tel:+31301234567"' in html
    parsed = Tags()
    parsed.feed(html)
    assert "b" not in parsed.tags
    assert parsed.images == 0 and parsed.external_styles == 0
    assert f'<html lang="{language}">' in html


def test_the_text_part_ends_with_a_signature_block_and_the_contact_lines():
    text, _ = render_email(
        "accounts/email/sign_in",
        {"area": area(), "user": User(first_name="Gerda"), "link": LINK, "minutes": 15},
        language="nl",
    )
    signature = text.split("\n-- \n", 1)[1]
    assert signature.splitlines() == [
        NASTY,
        f"Telefoon: {PHONE} (ma-vr 9-12 <uur>)",
        "E-mail: info@welzijn.example",
    ]
    assert "\n\n\n" not in text


def test_an_email_is_written_in_the_language_asked_for():
    context = {"area": area(), "user": User(first_name="Gerda"), "link": LINK, "minutes": 15}
    dutch_text, dutch_html = render_email("accounts/email/sign_in", context, language="nl")
    english_text, english_html = render_email("accounts/email/sign_in", context, language="en")
    assert dutch_text.startswith("Beste Gerda,") and "Met vriendelijke groet," in dutch_text
    assert english_text.startswith("Dear Gerda,") and "Kind regards," in english_text
    assert "Telefoon:" in dutch_html and "Phone:" in english_html


def test_every_reason_for_refusing_a_reply_has_its_own_sentence():
    reasons = [value for key, value in vars(Refusal).items() if key.isupper()]
    sentences = set()
    for reason in reasons:
        context = {**cases()["marketplace/email/reply_refused"], "reason": reason}
        text, _ = render_email(
            "marketplace/email/reply_refused", {"area": area(), **context}, language="nl"
        )
        sentences.add(text.split("niet doorgegeven:\n\n", 1)[1].split("\n")[0])
    # "automatisch" is never answered and shares the general sentence with "niet_aangenomen"
    assert len(sentences) == len(reasons) - 1
