"""The language a person chose is kept on their account, so their email is in it."""

import pytest
from django.conf import settings
from django.core import mail

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core.testing import link_from_mail
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.django_db


def test_the_language_switch_stores_the_choice_on_the_account(client, area):
    person = participant(area, "Gerda")
    client.force_login(person.user)
    response = client.post("/taal/", {"language": "en", "next": f"/{area.slug}/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    person.user.refresh_from_db()
    assert person.user.language == "en"

    client.post("/taal/", {"language": "xx", "next": f"/{area.slug}/"})
    person.user.refresh_from_db()
    assert person.user.language == "en"

    client.post("/taal/", {"language": "nl", "next": f"/{area.slug}/"})
    person.user.refresh_from_db()
    assert person.user.language == "nl"


def test_switching_without_an_account_only_sets_the_cookie(client, area):
    response = client.post("/taal/", {"language": "en", "next": f"/{area.slug}/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert not User.objects.exclude(language="").exists()


def sign_up_data(area) -> dict:
    lunetten = area.neighbourhoods.get(slug="lunetten").pk
    return {
        "first_name": "Lotte",
        "email": "lotte@example.org",
        "neighbourhood": lunetten,
        "privacy": "on",
    }


def test_someone_who_signs_up_in_english_gets_english_email_and_keeps_english(client, area):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        f"/{area.slug}/aanmelden/",
        sign_up_data(area),
    )
    assert response.status_code == 200
    message = mail.outbox[-1]
    assert message.subject == "Confirm your sign-up with TijdVoorElkaar Utrecht Zuid"
    assert message.body.startswith("Dear Lotte,")
    html = message.alternatives[0][0]
    assert '<html lang="en">' in html and "Confirm sign-up" in html
    client.post(link_from_mail(message))
    assert User.objects.get(email="lotte@example.org").language == "en"


def test_someone_who_never_chose_gets_dutch(client, area):
    client.post(
        f"/{area.slug}/aanmelden/",
        sign_up_data(area),
    )
    assert mail.outbox[-1].body.startswith("Beste Lotte,")


def test_the_language_on_the_account_follows_the_person_to_a_new_device(client, area):
    person = participant(area, "Oksana")
    person.user.language = "uk"
    person.user.save(update_fields=["language"])
    client.force_login(person.user)  # a new phone: no language cookie yet
    first = client.get(f"/{area.slug}/", HTTP_ACCEPT_LANGUAGE="nl")
    assert first.cookies[settings.LANGUAGE_COOKIE_NAME].value == "uk"
    assert '<html lang="uk">' in client.get(f"/{area.slug}/").content.decode()


@pytest.mark.parametrize("language", ["tr", "ar", "pl", "uk"])
def test_the_switch_stores_every_residents_language(client, area, language):
    person = participant(area, "Gerda")
    client.force_login(person.user)
    client.post("/taal/", {"language": language, "next": f"/{area.slug}/"})
    person.user.refresh_from_db()
    assert person.user.language == language
