"""Every email a resident receives, in all six languages: the subject and both parts are
written in the recipient's language, with no Dutch sentence left where the catalogue has a
translation, and the Arabic HTML part reads right to left.

The emails and their contexts are the ones of test_email_templates (found on disk); the
staff emails (the broker's morning email, feedback to a referring organisation) stay Dutch
or English and are left out here. A subject is written by the service that sends the
email (inside `in_language`), so the subjects are listed here by their Dutch text, and
`test_every_resident_subject_is_sent_by_its_service` checks the list against the code."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags

from tijdvoorelkaar.core.i18n import in_language
from tijdvoorelkaar.core.mail import render_email

from .test_email_templates import area, cases

LANGUAGES = [code for code, _name in settings.LANGUAGES]
STAFF_EMAILS = {"workspace/email/morning_digest", "organisations/email/referral_feedback"}
RESIDENT_EMAILS = sorted(set(cases()) - STAFF_EMAILS)
APP_DIR = Path(__file__).resolve().parents[2]

# The subject each resident email goes out with (Dutch source) and the file that sends it.
SUBJECTS = {
    "accounts/email/invitation": ("Uitnodiging voor TijdVoorElkaar %(area)s", "accounts"),
    "accounts/email/sign_in": ("Uw inloglink voor TijdVoorElkaar %(area)s", "accounts"),
    "accounts/email/sign_up": ("Bevestig uw aanmelding bij TijdVoorElkaar %(area)s", "accounts"),
    "marketplace/email/new_message": ("Nieuw bericht van %(name)s", "marketplace"),
    "marketplace/email/renewal": ('Uw advertentie "%(title)s" verloopt bijna', "marketplace"),
    "marketplace/email/reply_refused": ("Uw e-mail is niet doorgegeven", "marketplace"),
    "marketplace/email/unanswered": ("%(name)s wacht op uw antwoord", "marketplace"),
    "mediations/email/check_in": ("Hoe gaat het met jullie contact?", "mediations"),
    "newsletter/email/newsletter": ("Nieuws van TijdVoorElkaar %(area)s", "newsletter"),
    "privacy/email/retention_warning": ("Doet u nog mee met TijdVoorElkaar?", "privacy"),
    "workspace/email/ad_placed": ("Uw %(kind)s staat op TijdVoorElkaar %(area)s", "workspace"),
    "workspace/email/handover": ("Uw sociaal makelaar bij TijdVoorElkaar %(area)s", "workspace"),
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{[^}]*\}\}|\{%[^%]*%\}|<[^>]+>")


def email_sentences(language: str) -> list[str]:
    """The Dutch sentences of the resident emails that the `language` catalogue translates
    differently: pieces of at least four words between placeholders and tags."""
    po = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    found = []
    for entry in po:
        where = [path for path, _line in entry.occurrences]
        if not any("/email/" in path for path in where) or not entry.translated():
            continue
        translated = entry.msgstr or entry.msgstr_plural.get(0, "")
        if translated == entry.msgid:
            continue
        for piece in PLACEHOLDER.split(entry.msgid):
            piece = " ".join(piece.split()).strip(" ,.:;!?()\"'")
            if len(piece.split()) >= 4:
                found.append(piece)
    return found


@pytest.fixture(scope="module")
def dutch_sentences():
    return {language: email_sentences(language) for language in LANGUAGES if language != "nl"}


def test_every_resident_email_has_its_subject_here():
    assert set(SUBJECTS) == set(RESIDENT_EMAILS)


def test_every_resident_subject_is_sent_by_its_service():
    for template, (subject, app) in SUBJECTS.items():
        code = "\n".join(p.read_text() for p in (APP_DIR / app).glob("*.py"))
        assert subject.replace('"', '\\"') in code or subject in code, (template, subject)
        assert template.split("/", 1)[1] in code.replace('"' + app + "/", '"'), template


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", RESIDENT_EMAILS)
def test_a_resident_email_is_written_in_the_recipients_language(
    template, language, dutch_sentences
):
    with in_language(language):
        subject = translation.gettext(SUBJECTS[template][0])
    text, html = render_email(
        template, {"area": area(), "subject": subject, **cases()[template]}, language=language
    )
    bidi = ' dir="rtl"' if language == "ar" else ""
    assert f'<html lang="{language}"{bidi}>' in html
    if language == "nl":
        assert text.startswith(("Beste", "Hallo", "Goedendag")) or "Beste" in text
        return
    assert subject != SUBJECTS[template][0], f"{language}: subject not translated"
    with in_language(language):
        greeting = translation.gettext("Met vriendelijke groet,")
    assert greeting != "Met vriendelijke groet," and greeting in text and greeting in html
    html_text = " ".join(strip_tags(html).split())
    text_flat = " ".join(text.split())
    for sentence in dutch_sentences[language]:
        assert sentence not in text_flat, f"{language} {template}: Dutch left in text: {sentence}"
        assert sentence not in html_text, f"{language} {template}: Dutch left in HTML: {sentence}"
