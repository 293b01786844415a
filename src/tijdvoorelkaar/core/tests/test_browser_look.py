"""What a resident and a broker see, checked in Chromium on both themes: the skip link
can be read when focused, a dropdown shows its arrow, an empty required field looks
normal until the server refuses it, the unread count is in the link's name, and no broker
list page is wider than a 390 px phone."""

import datetime as dt
import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from PIL import Image
from playwright.sync_api import expect

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import services as mediations
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.browser

AREAS = ("utrecht-zuid", "breda-hoge-vucht")
PHONE = {"width": 390, "height": 844}

# The contrast of an element's text against its effective background (its own, else the
# nearest ancestor's that is not transparent), by WCAG 2's relative luminance; and where
# the element is in the window.
CONTRAST_JS = """(el) => {
  const rgba = (c) => {
    const p = c.match(/[\\d.]+/g).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const channel = (v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const lum = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  let bg = null;
  for (let node = el; node && !bg; node = node.parentElement) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if (c.a > 0) bg = c;
  }
  bg = bg || {r: 255, g: 255, b: 255, a: 1};
  const fg = rgba(getComputedStyle(el).color);
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  const box = el.getBoundingClientRect();
  return {ratio: (hi + 0.05) / (lo + 0.05), top: box.top, left: box.left, bottom: box.bottom,
          right: box.right, width: innerWidth, height: innerHeight};
}"""


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE])
def test_the_skip_link_is_readable_and_in_the_window_when_focused(page, viewport):
    demo.seed_areas()
    page.set_viewport_size(viewport)
    for slug in AREAS:
        page.goto(f"/{slug}/")
        page.keyboard.press("Tab")
        skip = page.locator(".utrecht-skip-link")
        expect(skip).to_be_focused()
        seen = skip.evaluate(CONTRAST_JS)
        assert seen["ratio"] >= 4.5, (slug, seen)
        assert 0 <= seen["top"] and seen["bottom"] <= seen["height"], (slug, seen)
        assert 0 <= seen["left"] and seen["right"] <= seen["width"], (slug, seen)
        page.keyboard.press("Enter")
        expect(page.locator("#inhoud")).to_be_focused()


def _dark_pixels(png: bytes, left: float, right: float) -> int:
    """Dark pixels in a vertical band of a screenshot (fractions of its width), a few
    pixels in from the top and bottom edge (the border)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    w, h = image.size
    band = image.crop((int(w * left), 4, int(w * right), h - 4))
    return sum(band.histogram()[:110])


def test_a_dropdown_shows_an_arrow_in_both_themes(page, tmp_path):
    demo.seed_areas()
    for slug in AREAS:
        page.goto(f"/{slug}/aanmelden/")
        select = page.locator("select#id_neighbourhood")
        style = select.evaluate(
            "el => { const s = getComputedStyle(el); return {image: s.backgroundImage,"
            " padding: parseFloat(s.paddingRight), appearance: s.appearance}; }"
        )
        assert "data:image/svg+xml" in style["image"], style
        assert style["padding"] >= 32, style  # room for the arrow: text never runs under it
        shot = select.screenshot(path=str(tmp_path / f"{slug}-select.png"))
        # The arrow is drawn at the right end; a text box's right end is empty.
        width = select.bounding_box()["width"]
        arrow_band = (1 - 40 / width, 1 - 8 / width)
        assert _dark_pixels(shot, *arrow_band) > 20, slug
        textbox = page.locator("input#id_first_name")
        assert _dark_pixels(textbox.screenshot(), *arrow_band) == 0, slug


BORDER_JS = """(el) => {
  // The border an element of the same kind has when nothing is wrong with it: a fresh
  // copy without `required`, next to it in the same form.
  const plain = el.cloneNode(false);
  plain.removeAttribute('required'); plain.removeAttribute('aria-invalid');
  plain.removeAttribute('id'); plain.removeAttribute('name');
  plain.className = el.className.replace(/\\S*--invalid/g, '');
  el.parentElement.appendChild(plain);
  const look = (e) => { const s = getComputedStyle(e);
    return [s.borderTopColor, s.borderTopWidth, s.backgroundColor].join(' '); };
  const result = {field: look(el), plain: look(plain), invalid: el.getAttribute('aria-invalid')};
  plain.remove();
  return result;
}"""


def _looks_normal(locator) -> None:
    seen = locator.evaluate(BORDER_JS)
    assert seen["invalid"] is None and seen["field"] == seen["plain"], seen


def _looks_refused(locator) -> None:
    seen = locator.evaluate(BORDER_JS)
    assert seen["invalid"] == "true" and seen["field"] != seen["plain"], seen


def test_empty_required_fields_look_normal_until_the_server_refuses_them(
    page, browser, live_server
):
    area = demo.seed_areas()["utrecht-zuid"]
    henk = participant(
        area, "Henk", neighbourhood="hoograven", email="henk@example.org", password="henk-ww-1234"
    )
    participant(
        area, "Lotte", neighbourhood="lunetten", email="lotte@example.org", password="lotte-ww-1234"
    )
    offer = ad(henk, "Ik help met de computer", kind="aanbod", category="Computer en digitaal")

    # The reply box under an ad.
    sign_in_with_password(page, "utrecht-zuid", "lotte@example.org", "lotte-ww-1234")
    page.goto(f"/utrecht-zuid/advertenties/{offer.pk}/")
    body = page.locator("#id_body")
    expect(body).to_have_attribute("required", "")
    _looks_normal(body)
    page.click("button:has-text('Reactie versturen')")
    expect(page.locator("#foutmeldingen")).to_be_visible()
    _looks_refused(page.locator("#id_body"))
    page.fill("#id_body", "Mijn tablet doet raar. Kunt u helpen?")
    page.click("button:has-text('Reactie versturen')")
    expect(page.locator("h1")).to_contain_text("Gesprek met Henk")

    # The message box in the conversation.
    _looks_normal(page.locator("#id_body"))
    page.click("button:has-text('Versturen')")
    expect(page.locator("#foutmeldingen")).to_be_visible()
    _looks_refused(page.locator("#id_body"))

    # Henk has one conversation with news; the link says so in words.
    other = browser.new_context(base_url=live_server.url, locale="nl-NL", bypass_csp=True)
    henk_page = other.new_page()
    sign_in_with_password(henk_page, "utrecht-zuid", "henk@example.org", "henk-ww-1234")
    link = henk_page.get_by_role("link", name="Gesprekken, 1 ongelezen")
    expect(link).to_be_visible()
    assert_accessible(henk_page)
    link.click()
    henk_page.get_by_role("link", name="Ik help met de computer").click()
    expect(henk_page.get_by_role("link", name="Gesprekken", exact=True)).to_be_visible()
    other.close()


def test_the_end_radios_look_normal_until_the_server_refuses_them(page):
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    asker = participant(area, "Liesbeth", neighbourhood="lunetten")
    helper = participant(area, "Serkan", neighbourhood="hoograven")
    m = mediations.propose(area=area, broker=broker, requester=asker, provider=helper)
    mediations.record_answer(m, side="requester", answer="ja", actor=broker)
    mediations.record_answer(m, side="provider", answer="ja", actor=broker)
    m.refresh_from_db()
    today = dt.date.today()
    mediations.record_introduction(
        m,
        actor=broker,
        agreement={
            "what": "Samen wandelen",
            "how_often": "wekelijks",
            "hours_each_time": 2,
            "starts_on": today,
            "ends_on": today + dt.timedelta(days=180),
            "review_on": None,
            "helper_holds_key": False,
            "requester_expects": "gezelschap",
            "provider_expects": "gezelschap",
        },
    )

    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", demo.DEMO_PASSWORD)
    page.goto(f"/utrecht-zuid/makelaar/bemiddelingen/{m.pk}/")
    radios = page.locator("input[name=reason]")
    expect(radios.first).to_be_visible()
    for i in range(radios.count()):
        _looks_normal(radios.nth(i))
    page.click("button:has-text('Bemiddeling beëindigen')")
    expect(page.locator("#foutmeldingen")).to_be_visible()
    _looks_refused(page.locator("input[name=reason]").first)


def _broker_pages(area_slug: str) -> list[str]:
    """Every address under /<area>/makelaar/ that needs nothing but the area (the lists,
    the dashboard and the forms that start there), from the URL configuration."""
    found = []

    def walk(patterns, prefix=""):
        for p in patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                walk(p.url_patterns, route)
            elif isinstance(p, URLPattern):
                rest = route.removeprefix("<slug:area_slug>/")
                if rest.startswith("makelaar/") and "<" not in rest and "." not in rest:
                    found.append(f"/{area_slug}/{rest}")

    walk(get_resolver().url_patterns)
    return sorted(set(found))


def test_no_broker_list_page_is_wider_than_a_phone(page, tmp_path):
    demo.seed()
    paths = _broker_pages("utrecht-zuid")
    for contract in ("bemiddelingen/", "deelnemers/", "taken/"):
        assert f"/utrecht-zuid/makelaar/{contract}" in paths
    assert len(paths) >= 12, paths

    page.set_viewport_size(PHONE)
    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", demo.DEMO_PASSWORD)
    too_wide, statuses = {}, {}
    for path in paths:
        if page.request.get(path).status == 405:  # takes a POST only: no page to show
            continue
        response = page.goto(path)
        statuses[path] = response.status
        width = page.evaluate("document.documentElement.scrollWidth")
        name = path.strip("/").replace("/", "_")
        page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
        if width > PHONE["width"]:
            too_wide[path] = width
    assert too_wide == {}, f"wider than {PHONE['width']} px: {too_wide}"
    for contract in ("bemiddelingen/", "deelnemers/", "taken/"):
        assert statuses[f"/utrecht-zuid/makelaar/{contract}"] == 200
        page.goto(f"/utrecht-zuid/makelaar/{contract}")
        assert_accessible(page)  # a table that scrolls is a named region one can tab to
    assert [p for p, status in statuses.items() if status >= 500] == []
