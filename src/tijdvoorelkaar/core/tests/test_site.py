import os
import subprocess
import sys

import pytest
from django.conf import settings

from tijdvoorelkaar.demo import seed as demo

pytestmark = pytest.mark.django_db


def test_root_lists_areas_or_goes_to_the_only_one(client):
    from tijdvoorelkaar.areas.services import create_area

    create_area("utrecht-zuid", "Utrecht Zuid")
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/utrecht-zuid/"
    create_area("breda-hoge-vucht", "Breda Hoge Vucht")
    response = client.get("/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Utrecht Zuid" in text and "Breda Hoge Vucht" in text


def test_area_home_is_dutch_and_names_the_area(client):
    demo.seed_areas()
    response = client.get("/utrecht-zuid/")
    text = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in text
    assert "Welkom bij TijdVoorElkaar Utrecht Zuid" in text
    assert "Direct naar de inhoud" in text


@pytest.mark.parametrize("path", ["/bestaat-niet/", "/utrecht-zuid/iets/anders/", "/x/y/z/"])
def test_unknown_urls_answer_404_with_a_dutch_page(client, path):
    demo.seed_areas()
    response = client.get(path)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_language_switch_sets_english_and_back(client):
    demo.seed_areas()
    response = client.post("/taal/", {"language": "en", "next": "/utrecht-zuid/"})
    assert response.status_code == 302
    english = client.get("/utrecht-zuid/").content.decode()
    assert '<html lang="en">' in english
    assert "Welcome to TijdVoorElkaar Utrecht Zuid" in english
    client.post("/taal/", {"language": "nl", "next": "/utrecht-zuid/"})
    assert "Welkom bij TijdVoorElkaar" in client.get("/utrecht-zuid/").content.decode()


def test_a_first_visit_is_in_the_browsers_language_when_the_site_offers_it(client):
    """Issue N: the language is offered from Accept-Language on the first visit; Dutch
    when the browser lists Dutch first or names no language the site has; the cookie (a
    choice made with the switch) wins over the browser."""
    demo.seed_areas()
    cases = [
        ("tr-TR,tr;q=0.9,en;q=0.8", "tr", ""),
        ("ar-MA,ar;q=0.9", "ar", ' dir="rtl"'),
        ("pl-PL", "pl", ""),
        ("uk-UA,uk;q=0.9,ru;q=0.8", "uk", ""),
        ("en-US,en;q=0.9", "en", ""),
        ("nl-NL,nl;q=0.9,en;q=0.8", "nl", ""),
        ("fr-FR,de;q=0.9", "nl", ""),
        ("", "nl", ""),
    ]
    for header, language, direction in cases:
        page = client.get("/utrecht-zuid/", HTTP_ACCEPT_LANGUAGE=header).content.decode()
        assert f'<html lang="{language}"{direction}>' in page, header
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    page = client.get("/utrecht-zuid/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="nl">' in page


def test_the_switch_offers_every_language_in_its_own_name_without_javascript(client):
    demo.seed_areas()
    page = client.get("/utrecht-zuid/").content.decode()
    assert '<form class="language-switch" action="/taal/" method="post">' in page
    for code, name in [
        ("nl", "Nederlands"),
        ("en", "English"),
        ("tr", "Türkçe"),
        ("ar", "العربية"),
        ("pl", "Polski"),
        ("uk", "Українська"),
    ]:
        assert f'value="{code}" lang="{code}"' in page and f">{name}</option>" in page
    assert '<button class="utrecht-button utrecht-button--subtle" type="submit">' in page
    for code in ("tr", "ar", "pl", "uk"):
        response = client.post("/taal/", {"language": code, "next": "/utrecht-zuid/"})
        assert response.status_code == 302 and response["Location"] == "/utrecht-zuid/"
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == code
        page = client.get("/utrecht-zuid/").content.decode()
        assert f'<html lang="{code}"' in page
        assert (' dir="rtl"' in page.split(">")[1]) == (code == "ar")


def test_privacy_statement_is_a_dutch_page(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    assert f"Versie {settings.PRIVACY_STATEMENT_VERSION}" in response.content.decode()


def test_check_deploy_is_clean_in_production_mode():
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "ALLOWED_HOSTS": "tijdvoorelkaar.example",
        "SECRET_KEY": "k" * 20 + "-productie-geheim-9f8e7d6c5b4a3210zyxwvu",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
