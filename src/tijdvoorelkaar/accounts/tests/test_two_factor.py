import re

import pytest

from tijdvoorelkaar.accounts import totp
from tijdvoorelkaar.accounts.models import Role, TwoFactorDevice, User
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.core.testing import assert_accessible, sign_in_with_password
from tijdvoorelkaar.demo import seed as demo

pytestmark = pytest.mark.django_db


def test_totp_matches_the_rfc_6238_test_vector():
    # RFC 6238, appendix B: secret "12345678901234567890" (ASCII), SHA-1, T = 59 s.
    import base64

    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp.code_at(secret, 59 // 30) == "287082"
    assert totp.matching_step(secret, "287 082", now=59) == 1
    assert totp.matching_step(secret, "287083", now=59) is None


@pytest.fixture
def broker(settings):
    settings.STAFF_TWO_FACTOR = True
    area = demo.seed_areas()["utrecht-zuid"]
    user = User.objects.create_user(
        email="b@example.org", first_name="B", password="lang-wachtwoord-1"
    )
    Role.objects.create(user=user, area=area, kind="broker")
    return user


def sign_in(client, email, password):
    return client.post(
        "/utrecht-zuid/inloggen/", {"method": "password", "email": email, "password": password}
    )


def test_staff_must_pass_the_second_step(client, broker):
    sign_in(client, "b@example.org", "lang-wachtwoord-1")
    response = client.get("/utrecht-zuid/makelaar/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/tweestaps/")
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and "Sleutel" in page
    device = TwoFactorDevice.objects.get(user=broker)
    wrong = client.post(
        "/account/tweestaps/", {"code": "000000", "next": "/utrecht-zuid/makelaar/"}
    )
    assert wrong.status_code == 400 and "klopt niet" in wrong.content.decode()
    code = totp.code_at(device.secret, totp.current_step())
    ok = client.post("/account/tweestaps/", {"code": code, "next": "/utrecht-zuid/makelaar/"})
    assert ok.status_code == 302 and ok["Location"] == "/utrecht-zuid/makelaar/"
    assert client.get("/utrecht-zuid/makelaar/").status_code == 200
    assert AuditEvent.objects.filter(action="two_factor.setup").count() == 1
    # The same code cannot be used again in a new session.
    client.logout()
    sign_in(client, "b@example.org", "lang-wachtwoord-1")
    replay = client.post("/account/tweestaps/", {"code": code})
    assert replay.status_code == 400 and "al gebruikt" in replay.content.decode()
    assert client.get("/utrecht-zuid/makelaar/").status_code == 302


def test_too_many_codes_are_refused(client, broker):
    sign_in(client, "b@example.org", "lang-wachtwoord-1")
    for _ in range(5):
        client.post("/account/tweestaps/", {"code": "000000"})
    device = TwoFactorDevice.objects.get(user=broker)
    code = totp.code_at(device.secret, totp.current_step())
    response = client.post("/account/tweestaps/", {"code": code})
    assert "Te veel pogingen" in response.content.decode()


def test_residents_are_not_asked_for_a_second_step(client, broker):
    from tijdvoorelkaar.participants.tests.factories import participant

    resident = participant(
        demo.seed_areas()["utrecht-zuid"], "R", email="r@example.org", password="lang-wachtwoord-2"
    )
    sign_in(client, "r@example.org", "lang-wachtwoord-2")
    assert client.get("/utrecht-zuid/mijn/").status_code == 200
    assert resident.pk


@pytest.mark.browser
def test_broker_links_an_authenticator_in_the_browser(page, settings):
    settings.STAFF_TWO_FACTOR = True
    areas = demo.seed_areas()
    demo.seed_users(areas)
    sign_in_with_password(page, "utrecht-zuid", "makelaar@utrecht-zuid.test", "tijdvoorelkaar")
    page.goto("/utrecht-zuid/makelaar/")
    assert page.locator("h1").inner_text() == "Tweestapsverificatie"
    assert_accessible(page)
    secret = re.sub(r"\s", "", page.locator(".secret").inner_text())
    page.fill("#id_code", totp.code_at(secret, totp.current_step()))
    page.click("button:has-text('Bevestigen')")
    assert page.locator("h1").inner_text() == "Werkplek sociaal makelaar"
