"""Every URL of the site, opened by every role and an anonymous visitor (docs/security.md).

Each URL pattern must match a rule (privacy/tests/matrix.py), so a new page cannot be
added without saying who may open it; each rule names exactly one outcome per role, for
GET and for POST. The GET pass opens every URL; the POST pass sends every URL a minimal
POST and checks, besides the outcome, that a POST answered with a sign-in redirect or a
4xx changed nothing in the database, and every POST without a CSRF token is refused
(403) outside the API and the one-click unsubscribe. A last pass opens every staff object of Utrecht
Zuid from Breda's address with Breda's broker, with GET and POST: 404, nothing changed."""

import re

import pytest
from django.db import transaction
from django.test import Client

from .matrix import (
    CSRF_EXEMPT,
    LOGIN,
    POST_DATA,
    ROLES,
    RULES,
    build_world,
    changed_tables,
    changes_nothing,
    concrete,
    database_fingerprint,
    outcome,
    routes,
    rule_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    settings.ALLOWED_HOSTS = ["*"]
    return build_world()


def test_every_url_is_covered_by_a_rule():
    missing = [r for r in routes() if rule_for(r) is None]
    assert not missing, f"Pagina's zonder regel in de toegangsmatrix: {missing}"


def test_every_rule_is_used_and_names_one_outcome_per_role():
    all_routes = list(routes())
    problems = []
    for rule in RULES:
        if not any(rule_for(route) is rule for route in all_routes):
            problems.append(f"{rule.name}: geen enkele URL valt (als eerste) onder deze regel")
        for method, expected in (("GET", rule.get), ("POST", rule.post)):
            if list(expected) != ROLES:
                problems.append(f"{rule.name} {method}: rollen {list(expected)}")
            for role, value in expected.items():
                if not (value == LOGIN or (isinstance(value, int) and 200 <= value < 600)):
                    problems.append(f"{rule.name} {method} {role}: {value!r} is geen uitkomst")
    assert not problems, "\n".join(problems)


def _sign_in(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_get(client, world, role):
    area, ids, users = world
    _sign_in(client, users, role)
    failures = []
    for route in routes():
        rule = rule_for(route)
        url = concrete(route, area.slug, ids)
        got = outcome(client.get(url))
        if got != rule.get[role]:
            failures.append(f"GET {url} [{rule.name}]: {got}, verwacht {rule.get[role]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_post(client, world, role):
    """Each POST runs in a savepoint that is rolled back afterwards, so every POST meets
    the same world (an allowed action, such as confirming a thank-you, is undone)."""
    area, ids, users = world
    failures, checked = [], 0
    for route in routes():
        rule = rule_for(route)
        expected = rule.post[role]
        url = concrete(route, area.slug, ids)
        _sign_in(client, users, role)  # again: signing out ends the session
        with transaction.atomic():
            before = database_fingerprint() if changes_nothing(expected) else None
            got = outcome(client.post(url, POST_DATA))
            if got != expected:
                failures.append(f"POST {url} [{rule.name}]: {got}, verwacht {expected}")
            elif before is not None:
                checked += 1
                changed = changed_tables(before, database_fingerprint())
                changed -= rule.writes_when_refused
                if changed:
                    failures.append(f"POST {url} [{rule.name}]: {got}, maar gewijzigd: {changed}")
            transaction.set_rollback(True)
    assert not failures, "\n".join(failures)
    assert checked >= 20, f"{role}: maar {checked} geweigerde POSTs op wijzigingen gecontroleerd"


@pytest.mark.parametrize("role", ROLES)
def test_posts_without_a_csrf_token_are_refused(world, role):
    """The POST pass above runs without CSRF checks; here the same POSTs come without a
    token from a client that enforces them: 403 before any view runs (so also where the
    matrix says 302 or 400), except at the URLs that are exempt by design."""
    area, ids, users = world
    client = Client(enforce_csrf_checks=True)
    _sign_in(client, users, role)
    failures = []
    for route in routes():
        exempt = re.search(CSRF_EXEMPT, route)
        expected = rule_for(route).post[role] if exempt else 403
        url = concrete(route, area.slug, ids)
        with transaction.atomic():
            got = outcome(client.post(url, POST_DATA))
            transaction.set_rollback(True)
        if got != expected:
            failures.append(f"POST {url} zonder CSRF-token: {got}, verwacht {expected}")
    assert not failures, "\n".join(failures)


def _staff_object_routes():
    """Routes of the area's staff (workspace, organisation pages) that name an object."""
    for route in routes():
        if not route.startswith(("<a>/makelaar/", "<a>/organisatie/")):
            continue
        if "<" not in route.replace("<a>", ""):
            continue
        rule = rule_for(route)
        if rule.get["broker"] == 403:  # the coordinator's own pages: 403 before any object
            continue
        yield route


def test_objects_of_another_area_answer_404(client, world):
    """Breda's broker opens Utrecht Zuid's objects at Breda's address: the object is looked
    up within Breda, so 404 with GET and with POST, and the POST changes nothing."""
    area, ids, users = world
    client.force_login(users["other_broker"])
    failures, checked = [], 0
    for route in _staff_object_routes():
        url = concrete(route, "breda-hoge-vucht", ids)
        if rule_for(route).get["broker"] != 405:  # POST-only actions: the POST below
            got = client.get(url).status_code
            if got != 404:
                failures.append(f"GET {url}: {got}")
        with transaction.atomic():
            before = database_fingerprint()
            got = client.post(url, POST_DATA).status_code
            changed = changed_tables(before, database_fingerprint())
            transaction.set_rollback(True)
        if got != 404 or changed:
            failures.append(f"POST {url}: {got}, gewijzigd: {changed or 'niets'}")
        checked += 1
    assert not failures, "\n".join(failures)
    assert checked >= 30, checked
