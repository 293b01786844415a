"""Issue N on the broker's side: the resident's language on the participant page, the
proposal's ready texts in that language (with the broker's own alongside), letters in it
where the PDF's font can write it, staff pages in Dutch whatever the broker last read the
residents' side in, and the check-in page in the language of the email."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from tijdvoorelkaar.core.pdf_fonts import pdf_fonts, pdf_language
from tijdvoorelkaar.core.pdf_rtl import _CONTROLS, has_arabic, logical
from tijdvoorelkaar.mediations import follow_up, services
from tijdvoorelkaar.mediations.models import Mediation

from .test_letters import pdf_text, url, world  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def say(language: str, dutch: str) -> str:
    with translation.override(language):
        return translation.gettext(dutch)


def speaks(person, language: str) -> None:
    person.user.language = language
    person.user.save(update_fields=["language"])


def test_the_proposal_texts_are_in_each_residents_language(client, world):  # noqa: F811
    area, broker, gerda, piet, mediation = world
    speaks(gerda, "tr")
    texts = services.proposal_texts(mediation)
    assert texts["requester"]["language"] == "tr"
    assert texts["requester"]["email"].startswith(say("tr", "Beste %(name)s,") % {"name": "Gerda"})
    assert texts["requester"]["broker_email"].startswith("Beste Gerda,")
    assert texts["provider"]["language"] == "nl" and "broker_email" not in texts["provider"]

    client.force_login(broker)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"  # she tried the Arabic side
    page = client.get(f"/{area.slug}/makelaar/bemiddelingen/{mediation.pk}/").content.decode()
    assert '<html lang="nl">' in page  # the workspace stays Dutch
    assert '<pre class="ready-text" lang="tr">' in page
    assert "In de taal van deze deelnemer: Türkçe." in page
    assert texts["requester"]["email"].split("\n")[0] in page


def test_the_participant_page_names_the_residents_language(client, world):  # noqa: F811
    area, broker, gerda, piet, mediation = world
    speaks(gerda, "ar")
    client.force_login(broker)
    page = client.get(f"/{area.slug}/makelaar/deelnemers/{gerda.pk}/").content.decode()
    assert '<html lang="nl">' in page
    assert '<span lang="ar">العربية</span> (Arabisch)' in page
    # Letters are written in Arabic too where the font is installed; else in Dutch, said so.
    fonts = pdf_fonts()[0] != "Helvetica"
    assert ("Brieven (PDF) gaan in het Nederlands" in page) is not fonts


@pytest.mark.skipif(pdf_fonts()[0] == "Helvetica", reason="DejaVu Sans is not installed")
def test_a_letter_is_written_in_the_residents_language_where_the_font_can(client, world):  # noqa: F811
    area, broker, gerda, piet, mediation = world
    client.force_login(broker)
    speaks(gerda, "uk")
    text = pdf_text(client.get(url(mediation)))
    assert say("uk", "Beste %(name)s,") % {"name": "Gerda"} in text
    assert "Zal ik om 10 uur langskomen?" in text  # the message stays as written
    speaks(gerda, "pl")
    assert say("pl", "Beste %(name)s,") % {"name": "Gerda"} in pdf_text(client.get(url(mediation)))
    # Arabic: shaped and set right to left (core/pdf_rtl.py); the text drawn is the
    # greeting's joined letters in visual order, the message still as written.
    speaks(gerda, "ar")
    assert pdf_language("ar") == "ar"
    text = pdf_text(client.get(url(mediation)))
    # The greeting's Arabic words in their joined forms (pypdf reads them back in reading
    # order), not the Dutch.
    greeting = say("ar", "Beste %(name)s,") % {"name": "Gerda"}
    arabic_words = [w for w in logical(greeting).split() if w.isalpha() and has_arabic(w)]
    assert arabic_words and all(_CONTROLS.sub("", w) in text for w in arabic_words)
    assert "Beste Gerda," not in text
    assert "Zal ik om 10 uur langskomen?" in text


def test_the_check_in_page_speaks_the_language_of_the_email(client, world):  # noqa: F811
    area, broker, gerda, piet, mediation = world
    speaks(piet, "tr")
    Mediation.objects.filter(pk=mediation.pk).update(status=Mediation.Status.RUNNING)
    mail.outbox.clear()
    follow_up.send_check_ins(mediation, base_url="http://testserver")
    message = next(m for m in mail.outbox if m.to == ["piet@example.org"])
    assert message.subject == say("tr", "Hoe gaat het met jullie contact?")
    path = re.sub(
        r"https?://[^/]+", "", re.search(r"https?://\S+/hoe-gaat-het/\S+", message.body)[0]
    )
    page = client.get(path).content.decode()
    assert '<html lang="tr">' in page
    # Someone who chose a language on this device keeps it.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert '<html lang="nl">' in client.get(path).content.decode()
