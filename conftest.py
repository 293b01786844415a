"""Shared test fixtures: a headless Chromium (the system's, never a downloaded one) driven by
Playwright against Django's live test server, and an axe-core accessibility check."""

import os

import pytest
from hypothesis import settings as hypothesis_settings

# No per-example time limit: how fast something runs is measured in bench/, not asserted in
# a test (a busy machine would make such a test fail at random).
hypothesis_settings.register_profile("tijdvoorelkaar", deadline=None)
hypothesis_settings.load_profile("tijdvoorelkaar")

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# test itself (to arrange data or check results) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server, transactional_db, settings):
    settings.ALLOWED_HOSTS = ["*"]
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        bypass_csp=True,
        viewport={"width": 1100, "height": 900},
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()
