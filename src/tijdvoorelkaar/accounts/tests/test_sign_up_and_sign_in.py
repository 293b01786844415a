import datetime as dt
import re

import pytest
import time_machine
from django.core import mail

from tijdvoorelkaar.accounts.models import LoginToken, PrivacyConsent, User
from tijdvoorelkaar.core.testing import link_from_mail
from tijdvoorelkaar.participants.models import Participant

pytestmark = pytest.mark.django_db


def sign_up(client, **overrides):
    data = {
        "first_name": "Lotte",
        "email": "lotte@example.org",
        "neighbourhood": "",
        "privacy": "on",
    }
    data.update(overrides)
    return client.post("/utrecht-zuid/aanmelden/", data)


def lunetten(areas):
    return areas["utrecht-zuid"].neighbourhoods.get(slug="lunetten").pk


def test_sign_up_creates_account_only_when_link_is_used(client, areas):
    response = sign_up(client, neighbourhood=lunetten(areas))
    assert response.status_code == 200
    assert "Kijk in uw e-mail" in response.content.decode()
    assert not User.objects.filter(email="lotte@example.org").exists()
    assert len(mail.outbox) == 1
    path = link_from_mail(mail.outbox[0])

    # Opening the link (as a mail scanner would) does not use it up.
    assert client.get(path).status_code == 200
    assert not User.objects.exists() or not User.objects.filter(email="lotte@example.org").exists()

    response = client.post(path)
    assert response.status_code == 302
    user = User.objects.get(email="lotte@example.org")
    participant = Participant.objects.get(user=user)
    assert participant.area.slug == "utrecht-zuid"
    assert participant.neighbourhood.slug == "lunetten"
    consent = PrivacyConsent.objects.get(user=user)
    assert consent.version == "2026-11"
    assert not user.has_usable_password()
    page = client.get("/utrecht-zuid/mijn/")
    assert "Hallo Lotte" in page.content.decode()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"email": "lotte@"}, "Dit is geen geldig e-mailadres"),
        ({"email": ""}, "Vul uw e-mailadres in."),
        ({"first_name": "   "}, "Vul uw voornaam in."),
        ({"neighbourhood": ""}, "Kies de buurt waar u woont."),
        ({"neighbourhood": "999999"}, "Kies een buurt uit de lijst."),
        ({"privacy": ""}, "akkoord met de privacyverklaring"),
    ],
)
def test_bad_sign_up_input_gets_dutch_message_and_changes_nothing(
    client, areas, overrides, message
):
    data = {"neighbourhood": lunetten(areas), **overrides}
    response = sign_up(client, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert User.objects.filter(participations__isnull=False).count() == 0
    assert LoginToken.objects.count() == 0
    assert mail.outbox == []


def test_neighbourhood_of_another_area_is_refused(client, areas):
    biesdonk = areas["breda-hoge-vucht"].neighbourhoods.get(slug="biesdonk").pk
    response = sign_up(client, neighbourhood=biesdonk)
    assert response.status_code == 400
    assert "Kies een buurt uit de lijst." in response.content.decode()


def _without_csrf(response) -> str:
    """The page as text with every CSRF token taken out (they differ per request)."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken"', html)
    return html.replace(response.wsgi_request.META.get("CSRF_COOKIE", "") or "\0", "")


def test_sign_up_with_a_registered_email_reveals_nothing(client, areas):
    User.objects.create_user(email="Bestaand@Example.org", first_name="Bert")
    known = sign_up(client, email="bestaand@example.org", neighbourhood=lunetten(areas))
    known_mail = list(mail.outbox)
    mail.outbox.clear()
    unknown = sign_up(client, email="nieuw@example.org", neighbourhood=lunetten(areas))
    unknown_mail = list(mail.outbox)
    # The same answer: status, and the page byte for byte apart from the CSRF token.
    assert known.status_code == unknown.status_code == 200
    assert "Kijk in uw e-mail" in _without_csrf(known)
    assert _without_csrf(known) == _without_csrf(unknown)
    # Each address gets exactly one email, at that address only; what it says differs
    # (a sign-in link instead of a second account), which only the address's owner sees.
    assert [m.to for m in known_mail] == [["bestaand@example.org"]]
    assert [m.to for m in unknown_mail] == [["nieuw@example.org"]]
    assert "logt u in" in known_mail[0].body
    assert User.objects.filter(email="bestaand@example.org").count() == 1
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_sign_in_page_says_the_same_for_known_and_unknown_addresses(client, areas):
    User.objects.create_user(email="anna@example.org", first_name="Anna")
    known = client.post("/utrecht-zuid/inloggen/", {"method": "link", "email": "anna@example.org"})
    unknown = client.post("/utrecht-zuid/inloggen/", {"method": "link", "email": "x@example.org"})
    assert known.status_code == unknown.status_code == 200
    text = "Als dit e-mailadres bij ons bekend is"
    assert text in known.content.decode() and text in unknown.content.decode()
    assert len(mail.outbox) == 1


def test_link_works_once(client, areas):
    User.objects.create_user(email="anna@example.org", first_name="Anna")
    client.post("/utrecht-zuid/inloggen/", {"method": "link", "email": "ANNA@example.org"})
    path = link_from_mail(mail.outbox[0])
    assert client.post(path).status_code == 302
    client.logout()
    again = client.post(path)
    assert again.status_code == 400
    assert "al gebruikt of verlopen" in again.content.decode()
    assert "_auth_user_id" not in client.session


def test_link_expires_after_fifteen_minutes(client, areas):
    User.objects.create_user(email="anna@example.org", first_name="Anna")
    start = dt.datetime(2026, 11, 1, 10, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        client.post("/utrecht-zuid/inloggen/", {"method": "link", "email": "anna@example.org"})
    path = link_from_mail(mail.outbox[0])
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        response = client.post(path)
    assert response.status_code == 400
    assert "al gebruikt of verlopen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_tampered_link_is_refused(client, areas):
    response = client.get("/utrecht-zuid/inloggen/link/niet-echt/")
    assert response.status_code == 400
    assert "Deze link werkt niet meer" in response.content.decode()


def test_ten_link_requests_in_a_minute_are_throttled(client, areas):
    User.objects.create_user(email="anna@example.org", first_name="Anna")
    responses = [
        client.post("/utrecht-zuid/inloggen/", {"method": "link", "email": "anna@example.org"})
        for _ in range(10)
    ]
    throttled = [r for r in responses if "te vaak een link gevraagd" in r.content.decode()]
    assert len(throttled) == 5
    assert len(mail.outbox) == 5
    # An unknown address is throttled the same way, so the limit tells nothing.
    unknown = [
        client.post("/utrecht-zuid/inloggen/", {"method": "link", "email": "x@example.org"})
        for _ in range(6)
    ]
    assert "te vaak een link gevraagd" in unknown[-1].content.decode()


def test_sign_up_requests_are_throttled_and_make_nothing(client, areas):
    for _ in range(10):
        response = sign_up(client, neighbourhood=lunetten(areas))
    assert "te vaak een link gevraagd" in response.content.decode()
    assert LoginToken.objects.count() == 5
    assert not User.objects.filter(email="lotte@example.org").exists()


def test_two_sign_ups_before_confirming_make_one_account(client, areas):
    sign_up(client, neighbourhood=lunetten(areas))
    sign_up(client, neighbourhood=lunetten(areas))
    first, second = (link_from_mail(m) for m in mail.outbox)
    assert client.post(first).status_code == 302
    client.logout()
    assert client.post(second).status_code == 302
    assert User.objects.filter(email="lotte@example.org").count() == 1
    assert Participant.objects.filter(user__email="lotte@example.org").count() == 1


def test_password_sign_in_and_wrong_password(client, areas):
    User.objects.create_user(email="anna@example.org", first_name="Anna", password="lang-genoeg-1")
    wrong = client.post(
        "/utrecht-zuid/inloggen/",
        {"method": "password", "email": "anna@example.org", "password": "fout"},
    )
    assert wrong.status_code == 400
    assert "horen niet bij elkaar" in wrong.content.decode()
    right = client.post(
        "/utrecht-zuid/inloggen/",
        {
            "method": "password",
            "email": "Anna@Example.org",
            "password": "lang-genoeg-1",
            "next": "https://elders.example/",
        },
    )
    assert right.status_code == 302
    assert right["Location"] == "/utrecht-zuid/mijn/"


def test_my_page_needs_sign_in(client, areas):
    response = client.get("/utrecht-zuid/mijn/")
    assert response.status_code == 302
    assert response["Location"].startswith("/utrecht-zuid/inloggen/?next=")
