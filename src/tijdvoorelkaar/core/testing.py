"""Helpers for tests: accessibility checks and signing in through the pages."""

import re
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def assert_accessible(page, *, impacts=("moderate", "serious", "critical")) -> None:
    """Run axe-core on the current page; fail on any violation of the given impacts."""
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [v for v in result["violations"] if v.get("impact") in impacts]
    detail = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in bad
    )
    assert not bad, f"axe vond toegankelijkheidsproblemen op {page.url}:\n{detail}"


def link_from_mail(message) -> str:
    """The path of the first link to this site in an email's text."""
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, f"geen link in de e-mail: {message.body!r}"
    return match.group(1)


def sign_in_with_password(page, area_slug: str, email: str, password: str) -> None:
    page.goto(f"/{area_slug}/inloggen/")
    page.click("details.password-sign-in summary")  # the password form is folded away
    page.fill("#id_pw_email", email)
    page.fill("#id_pw_password", password)
    page.click("text=Inloggen met wachtwoord")
    page.wait_for_load_state()


def switch_language(page, code: str) -> None:
    """Choose a language with the switch in the page header (a list and a button, a POST
    to /taal/) and wait until the page answers in it."""
    page.select_option("#language-switch", code)
    page.locator(".language-switch button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", code)
