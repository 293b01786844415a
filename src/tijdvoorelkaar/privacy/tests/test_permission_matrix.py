"""Every URL of the site, opened by every role and an anonymous visitor (docs/security.md).

Each URL pattern must match one rule (privacy/tests/matrix.py), so a new page cannot be
added without saying who may open it. GET only; POST-only views must refuse GET. A second
pass opens every staff object page of Utrecht Zuid from Breda's address with Breda's
broker: 404."""

import pytest

from .matrix import ROLES, build_world, concrete, outcome, routes, rule_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    settings.ALLOWED_HOSTS = ["*"]
    return build_world()


def test_every_url_is_covered_by_a_rule():
    missing = [r for r in routes() if rule_for(r)[0] is None]
    assert not missing, f"Pagina's zonder regel in de toegangsmatrix: {missing}"


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role):
    area, ids, users = world
    if role != "anonymous":
        client.force_login(users[role])
    failures = []
    for route in routes():
        name, expected = rule_for(route)
        url = concrete(route, area.slug, ids)
        got = outcome(client.get(url))
        if got not in expected[role]:
            failures.append(f"{url} [{name}]: {got}, verwacht {sorted(map(str, expected[role]))}")
    assert not failures, "\n".join(failures)


def test_objects_of_another_area_answer_404(client, world):
    area, ids, users = world
    client.force_login(users["other_broker"])
    checked = 0
    for route in routes():
        if not route.startswith("<a>/makelaar/") or "<" not in route.replace("<a>", ""):
            continue
        if rule_for(route)[0] in ("POST-only actions", "coordinator only"):
            continue
        url = concrete(route, "breda-hoge-vucht", ids)
        response = client.get(url)
        assert response.status_code == 404, f"{url}: {response.status_code}"
        checked += 1
    assert checked >= 10
