"""The one way a form view runs: form -> service -> error on the field -> redirect."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory

from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.formviews import handle_form, render_form


class NameForm(forms.Form):
    name = forms.CharField()


def post(data):
    request = RequestFactory().post("/", data)
    SessionMiddleware(lambda r: None).process_request(request)
    request._messages = FallbackStorage(request)
    return request


def test_a_valid_form_runs_the_service_and_redirects_with_a_message():
    request = post({"name": "Anna"})
    done = []
    response = handle_form(
        request,
        NameForm(request.POST),
        lambda data: done.append(data["name"]) or 7,
        success=lambda result: f"/klaar/{result}/",
        message="Opgeslagen.",
    )
    assert response.status_code == 302 and response["Location"] == "/klaar/7/"
    assert done == ["Anna"]
    assert [str(m) for m in get_messages(request)] == ["Opgeslagen."]


def test_a_refusal_lands_on_its_field_and_the_page_answers_400():
    request = post({"name": "Anna"})
    form = NameForm(request.POST)

    def refuse(data):
        raise ServiceError("Deze naam is al bezet.", field="name")

    assert handle_form(request, form, refuse, success="/") is None
    assert form.errors == {"name": ["Deze naam is al bezet."]}
    assert render_form(request, "400.html", {}, form).status_code == 400


@pytest.mark.parametrize("field", [None, "bestaat-niet"])
def test_a_refusal_without_a_known_field_lands_on_the_form(field):
    request = post({"name": "Anna"})
    form = NameForm(request.POST)

    def refuse(data):
        raise ServiceError("Dat kan nu niet.", field=field)

    assert handle_form(request, form, refuse, success="/") is None
    assert form.non_field_errors() == ["Dat kan nu niet."]


def test_an_invalid_form_never_reaches_the_service():
    request = post({"name": ""})
    called = []
    form = NameForm(request.POST)
    assert handle_form(request, form, called.append, success="/") is None
    assert called == [] and "name" in form.errors


def test_a_get_shows_the_form_with_status_200():
    request = RequestFactory().get("/")
    form = NameForm()
    assert handle_form(request, form, lambda d: None, success="/") is None
    assert render_form(request, "400.html", {}, form).status_code == 200
