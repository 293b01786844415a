"""The one way a form view runs: form -> service -> error on the field -> redirect."""

import pytest
from django import forms
from django.contrib import messages
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.formviews import handle_button, handle_form, render_form


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


def test_success_may_be_a_page_shown_instead_of_a_redirect():
    request = post({"name": "Anna"})
    page = HttpResponse("Kijk in uw e-mail.")
    response = handle_form(
        request, NameForm(request.POST), lambda data: None, success=lambda r: page
    )
    assert response is page


def test_a_message_may_be_several_of_different_levels():
    request = post({"name": "Anna"})
    handle_form(
        request,
        NameForm(request.POST),
        lambda data: 3,
        success="/",
        message=lambda n: [
            (messages.SUCCESS, "Geboekt."),
            (messages.WARNING, f"Let op: {n} over de grens."),
        ],
    )
    said = [(m.level, str(m)) for m in get_messages(request)]
    assert said == [(messages.SUCCESS, "Geboekt."), (messages.WARNING, "Let op: 3 over de grens.")]


def test_the_refusal_stays_on_the_form_for_the_page():
    request = post({"name": "Anna"})
    form = NameForm(request.POST)
    refusal = ServiceError("Deze naam staat er al.")
    refusal.existing = "Anna de Vries"

    def refuse(data):
        raise refusal

    assert handle_form(request, form, refuse, success="/") is None
    assert form.refusal is refusal
    unbound = NameForm()
    handle_form(RequestFactory().get("/"), unbound, refuse, success="/")
    assert unbound.refusal is None


def test_a_button_runs_the_service_and_goes_back_with_its_message():
    request = post({})
    done = []
    response = handle_button(
        request, lambda: done.append(1) or "Riet", back="/terug/", message=lambda n: f"{n} bedankt."
    )
    assert response.status_code == 302 and response["Location"] == "/terug/"
    assert done == [1]
    assert [(m.level, str(m)) for m in get_messages(request)] == [
        (messages.SUCCESS, "Riet bedankt.")
    ]


def test_a_refused_button_goes_back_with_the_refusal_as_an_error():
    request = post({})

    def refuse():
        raise ServiceError("Dit bedankje is al bevestigd.")

    response = handle_button(request, refuse, back="/terug/", message="Bevestigd.")
    assert response.status_code == 302 and response["Location"] == "/terug/"
    said = [(m.level, str(m)) for m in get_messages(request)]
    assert said == [(messages.ERROR, "Dit bedankje is al bevestigd.")]


NameFormSet = forms.formset_factory(NameForm, extra=2)


def test_a_formset_posted_with_the_form_must_be_valid_too():
    # An initial row may not be left empty.
    data = {"name": "Anna", "regel-TOTAL_FORMS": "1", "regel-INITIAL_FORMS": "1"}
    called = []
    request = post({**data, "regel-0-name": ""})
    lines = NameFormSet(request.POST, prefix="regel")
    form = NameForm(request.POST)
    assert handle_form(request, form, called.append, success="/", others=[lines]) is None
    assert called == []
    assert render_form(request, "400.html", {}, form, lines).status_code == 400

    request = post({**data, "regel-0-name": "Bert"})
    lines = NameFormSet(request.POST, prefix="regel")
    response = handle_form(
        request,
        NameForm(request.POST),
        lambda d: called.append([row["name"] for row in lines.cleaned_data]),
        success="/",
        others=[lines],
    )
    assert response.status_code == 302 and called == [["Bert"]]


def test_a_valid_formset_on_a_page_answers_200():
    request = post({"regel-TOTAL_FORMS": "1", "regel-INITIAL_FORMS": "0", "regel-0-name": "A"})
    lines = NameFormSet(request.POST, prefix="regel")
    assert render_form(request, "400.html", {}, lines).status_code == 200
