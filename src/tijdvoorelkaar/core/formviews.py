"""The one way a page handles a form: form -> service -> an error on the field or a
message -> redirect.

    form = ReportForm(request.POST or None)
    done = handle_form(
        request, form,
        lambda data: services.report(area=area, reporter=request.user, **data),
        success=reverse("marketplace:ad_list", args=[area.slug]),
        message=_("Dank u. ..."),
    )
    if done:
        return done
    return render_form(request, "marketplace/report_form.html", {"form": form}, form)

Nothing is saved when the form or the service refuses: the service runs in its own
transaction and raises a ServiceError (core/errors.py), which lands on the form field it
names (or on the form as a whole) in the person's language, with status 400, and
everything typed stays in the form. The refusal itself stays on the form as
`form.refusal`, for a page that shows more than its message.

A button without fields (confirm, withdraw, hand over, ...) is the same without a form:
handle_button runs the service and goes back to the page, with the refusal's message as
an error message.

The message after success is a text, or a function of the service's result giving one;
a page that says more (a warning next to the confirmation, or "nothing changed" as
information) gives a list of (level, text) pairs instead. `success` is the URL to go to,
or a function of the result giving the URL or a whole page (a response) to show instead.

GET filter forms (a period, a search) are read with form.is_valid() and never change
anything; they do not use these helpers."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from .errors import ServiceError

# A text, a list of (level, text) pairs, or None (say nothing).
Message = str | list[tuple[int, str]] | None


def _say(request, message: Message | Callable[[Any], Message], result: Any) -> None:
    said = message(result) if callable(message) else message
    if not said:
        return
    for level, text in said if isinstance(said, list) else [(messages.SUCCESS, said)]:
        messages.add_message(request, level, text)


def handle_form(
    request,
    form,
    action: Callable[[dict], Any],
    *,
    success: str | Callable[[Any], str | HttpResponse],
    message: Message | Callable[[Any], Message] = None,
    others=(),
) -> HttpResponse | None:
    """On a POST with a valid form, run `action(cleaned_data)` and redirect to `success`
    (a URL, or a function of the action's result giving a URL or a response) with
    `message`; None when the page should show the form (again). `others` are more forms
    or formsets posted with it (the action reads them): they must be valid too."""
    form.refusal = None
    if request.method != "POST" or not form.is_bound:
        return None
    if not all([f.is_valid() for f in (form, *others)]):  # a list: every error shows
        return None
    try:
        result = action(form.cleaned_data)
    except ServiceError as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
        form.refusal = error
        return None
    _say(request, message, result)
    target = success(result) if callable(success) else success
    return target if isinstance(target, HttpResponse) else HttpResponseRedirect(target)


def handle_button(
    request,
    action: Callable[[], Any],
    *,
    back: str,
    message: Message | Callable[[Any], Message] = None,
) -> HttpResponse:
    """A button without fields: run `action()`, show `message` (or the refusal's message
    as an error) and go back to `back`. The view itself accepts only POST."""
    try:
        result = action()
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        _say(request, message, result)
    return HttpResponseRedirect(back)


def render_form(request, template: str, context: dict, *forms) -> HttpResponse:
    """The page with its form(s) or formset(s); status 400 when a submitted one has
    errors."""
    status = 400 if any(f is not None and f.is_bound and not f.is_valid() for f in forms) else 200
    return render(request, template, context, status=status)
