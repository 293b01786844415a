"""A neighbour who reads Arabic, Turkish or Ukrainian, on a phone (390 px): she picks her
language with the switch, writes her request, confirms it from the email and reads what
happens now, in her language, with no element wider than the window; in Arabic the page
reads right to left. axe finds no violation on the resident's pages in any of the six
languages.

What the page should say is looked up in the catalogue (`say`), so the test reads the page
as the resident does, whatever the translators chose."""

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from tijdvoorelkaar.core.testing import assert_accessible, link_from_mail, switch_language
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.models import Ad

pytestmark = pytest.mark.browser

PHONE_WIDTH, PHONE_HEIGHT = 390, 844
NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "tr": "Türkçe",
    "ar": "العربية",
    "pl": "Polski",
    "uk": "Українська",
}
REQUESTS = {
    "ar": "أحتاج إلى مساعدة في التسوق يوم الثلاثاء.",
    "tr": "Salı günleri alışverişte yardıma ihtiyacım var.",
    "uk": "Мені потрібна допомога з покупками у вівторок.",
}

# Every element's box against the window: one sticking out on either side (right to left
# pages overflow to the left) is named. Hidden helpers (the skip link, visually hidden
# text) are meant to sit outside.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.visually-hidden, .utrecht-skip-link')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      const where = `${Math.round(box.left)}..${Math.round(box.right)}`;
      wide.push(`${el.tagName.toLowerCase()}.${el.className} ${where}`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10)};
}"""


def say(language: str, dutch: str) -> str:
    with translation.override(language):
        text = translation.gettext(dutch)
    assert language == "nl" or text != dutch, f"not translated into {language}: {dutch}"
    return text


def assert_fits(page) -> None:
    found = page.evaluate(OVERFLOW)
    assert found["scroll"] <= PHONE_WIDTH and not found["wide"], (page.url, found)


def assert_language(page, language: str) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    if language == "ar":
        expect(html).to_have_attribute("dir", "rtl")
    else:
        assert html.get_attribute("dir") is None


def choose_language(page, language: str) -> None:
    switch_language(page, language)
    assert_language(page, language)


@pytest.fixture
def phone(page):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    page.set_viewport_size({"width": PHONE_WIDTH, "height": PHONE_HEIGHT})
    return page


@pytest.mark.parametrize("language", ["ar", "tr", "uk"])
def test_a_neighbour_places_her_request_in_her_own_language_on_a_phone(phone, language):
    page = phone

    def arrived():
        assert_language(page, language)
        assert_fits(page)
        assert_accessible(page)

    page.goto("/utrecht-zuid/")
    expect(page.locator("#language-switch option", has_text=NAMES[language])).to_have_attribute(
        "lang", language
    )
    choose_language(page, language)
    arrived()
    page.get_by_role("link", name=say(language, "Ik zoek hulp")).first.click()
    expect(page.get_by_label(say(language, "Waar zoekt u hulp bij?"))).to_be_visible()
    arrived()

    page.get_by_label(say(language, "Waar zoekt u hulp bij?")).fill(REQUESTS[language])
    page.get_by_label(say(language, "Uw voornaam")).fill("Leyla")
    page.get_by_label(say(language, "Uw buurt")).select_option(label="Lunetten")
    page.get_by_label(
        say(language, "Ik heb de privacyverklaring gelezen en ga ermee akkoord.")
    ).check()
    # She forgets her email address: the error summary and the field's message, mirrored.
    page.get_by_role("button", name=say(language, "Versturen")).click()
    expect(
        page.get_by_text(say(language, "Vul uw e-mailadres in, of kies: bel mij terug.")).first
    ).to_be_visible()
    arrived()
    page.get_by_label(say(language, "E-mailadres"), exact=True).fill("leyla@example.org")
    page.get_by_role("button", name=say(language, "Versturen")).click()
    expect(page.get_by_role("heading", name=say(language, "Kijk in uw e-mail"))).to_be_visible()
    arrived()

    message = mail.outbox[-1]
    assert f'<html lang="{language}"' in message.alternatives[0][0]
    page.goto(link_from_mail(message))
    expect(page.get_by_role("button", name=say(language, "Bevestig en log in"))).to_be_visible()
    arrived()
    page.get_by_role("button", name=say(language, "Bevestig en log in")).click()
    expect(
        page.get_by_role("heading", name=say(language, "Uw vraag staat op de site"))
    ).to_be_visible()
    expect(page.get_by_role("heading", name=say(language, "Wat gebeurt er nu?"))).to_be_visible()
    arrived()
    ad = Ad.objects.get()
    assert ad.description == REQUESTS[language]
    assert ad.owner.user.language == language


@pytest.mark.parametrize("language", list(NAMES))
def test_the_residents_pages_pass_axe_in_every_language(phone, language):
    page = phone
    page.goto("/utrecht-zuid/")
    if language != "nl":
        choose_language(page, language)
    for path in (
        "/utrecht-zuid/",
        "/utrecht-zuid/advertenties/",
        "/utrecht-zuid/privacy/",
        "/utrecht-zuid/aanmelden/",
    ):
        page.goto(path)
        assert_language(page, language)
        assert_fits(page)
        assert_accessible(page)
