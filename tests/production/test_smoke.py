"""The production profile, served by gunicorn, opened by every demo role over HTTP.

Run by scripts/prod-smoke.sh (and so by .ci/run), never by `make test`: it needs the server
that script starts (TVE_SMOKE_URL) and the database that server uses (DATABASE_URL). For
every role it signs in the way a person does (password form, and the two-step code for
staff, as DJANGO_ENV=production requires), then opens every page of the access matrix
(docs/security.md, privacy/tests/matrix.py) that the role may see (the matrix's GET outcome
for the role is 200), and checks: 200, the security headers, and every stylesheet, script
and image the page names answering 200 (stylesheets compressed when asked)."""

import os
import re
from urllib.parse import urljoin

import pytest

from tijdvoorelkaar.demo.http_visitor import Visitor
from tijdvoorelkaar.privacy.tests.matrix import (
    LOGIN,
    ROLES,
    build_world,
    concrete,
    routes,
    rule_for,
)

BASE = os.environ.get("TVE_SMOKE_URL", "").rstrip("/")
pytestmark = pytest.mark.skipif(not BASE, reason="needs TVE_SMOKE_URL (scripts/prod-smoke.sh)")

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'",
    "Strict-Transport-Security": "max-age=",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')
STAFF_ROLES = {"broker", "coordinator", "admin", "other_broker"}


def outcome(response):
    if response.status_code == 302 and "inloggen" in response.headers.get("Location", ""):
        return LOGIN
    return response.status_code


@pytest.fixture(scope="module")
def world(django_db_blocker):
    with django_db_blocker.unblock():
        area, ids, users = build_world()
        return area.slug, ids, {role: (user.email, _area_of(user)) for role, user in users.items()}


def _area_of(user) -> str:
    role = user.roles.select_related("area").first()
    if role is not None and role.area is not None:
        return role.area.slug
    participation = user.participations.select_related("area").first()
    return participation.area.slug if participation else "utrecht-zuid"


class Assets:
    """Every static file named by a page, fetched once per run."""

    def __init__(self):
        self.seen: dict[str, str] = {}

    def check(self, browser: Visitor, html: str) -> list[str]:
        problems = []
        for path in set(ASSET.findall(html)):
            if path not in self.seen:
                response = browser.get(path, headers={"Accept-Encoding": "gzip, br"})
                problem = ""
                if response.status_code != 200:
                    problem = f"{path}: {response.status_code}"
                elif path.endswith(".css") and response.headers.get("Content-Encoding") not in (
                    "gzip",
                    "br",
                ):
                    problem = f"{path}: niet gecomprimeerd"
                self.seen[path] = problem
            if self.seen[path]:
                problems.append(self.seen[path])
        return problems


ASSETS = Assets()


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_role_may_open_works_in_production(world, role):
    area_slug, ids, accounts = world
    browser = Visitor(BASE)
    if role != "anonymous":
        email, home = accounts[role]
        asked = browser.sign_in(email, home)
        assert asked == (role in STAFF_ROLES), f"{role}: tweestapsverificatie {asked}"
    failures, opened = [], 0
    for route in routes():
        rule = rule_for(route)
        if rule.get[role] != 200:
            continue  # not a page this role may see
        url = concrete(route, area_slug, ids)
        response = browser.get(url)
        got = outcome(response)
        if got != 200:
            failures.append(f"{url} [{rule.name}]: {got}, verwacht 200")
            continue
        opened += 1
        for header, value in SECURITY_HEADERS.items():
            if value not in response.headers.get(header, ""):
                failures.append(f"{url}: kop {header} ontbreekt of klopt niet")
        if response.headers.get("Content-Type", "").startswith("text/html"):
            failures.extend(f"{url}: {p}" for p in ASSETS.check(browser, response.text))
    assert not failures, "\n".join(failures)
    assert opened >= 5, f"{role}: maar {opened} pagina's geopend"


def test_css_url_references_resolve():
    """Every url() in the served stylesheets answers 200 (the manifest storage checked
    them at collectstatic; this checks what is actually served)."""
    browser = Visitor(BASE)
    html = browser.get("/utrecht-zuid/").text
    sheets = [p for p in ASSET.findall(html) if p.endswith(".css")]
    assert len(sheets) == 1, f"verwacht één stylesheet, gevonden: {sheets}"
    css = browser.get(sheets[0]).text
    for target in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
        if target.startswith("data:"):
            continue
        assert browser.get(urljoin(sheets[0], target)).status_code == 200, target
