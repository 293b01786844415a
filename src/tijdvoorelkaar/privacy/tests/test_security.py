import pytest

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.demo import seed as demo

pytestmark = pytest.mark.django_db


def test_strict_security_headers_on_every_page(client):
    demo.seed_areas()
    for url in ["/", "/utrecht-zuid/", "/utrecht-zuid/advertenties/", "/bestaat-niet/"]:
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_scripts(client):
    demo.seed_areas()
    for url in ["/utrecht-zuid/", "/utrecht-zuid/aanmelden/", "/utrecht-zuid/inloggen/"]:
        html = client.get(url).content.decode()
        assert "<script" not in html and "onclick=" not in html


def test_staff_sessions_are_short_and_sign_ins_are_logged(client):
    area = demo.seed_areas()["utrecht-zuid"]
    broker = User.objects.create_user(
        email="b@example.org", first_name="B", password="lang-wachtwoord-1"
    )
    Role.objects.create(user=broker, area=area, kind="broker")
    client.post(
        "/utrecht-zuid/inloggen/",
        {"method": "password", "email": "b@example.org", "password": "lang-wachtwoord-1"},
    )
    assert client.session.get_expiry_age() == 8 * 3600
    event = AuditEvent.objects.get(action="sign_in")
    assert event.actor == broker and event.detail == "wachtwoord"
    resident = User.objects.create_user(
        email="r@example.org", first_name="R", password="lang-wachtwoord-2"
    )
    client.logout()
    client.post(
        "/utrecht-zuid/inloggen/",
        {"method": "password", "email": "r@example.org", "password": "lang-wachtwoord-2"},
    )
    assert client.session.get_expiry_age() == 14 * 24 * 3600
    assert resident.pk
