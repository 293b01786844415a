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
everything typed stays in the form."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from .errors import ServiceError


def handle_form(
    request,
    form,
    action: Callable[[dict], Any],
    *,
    success: str | Callable[[Any], str],
    message: str | Callable[[Any], str] | None = None,
) -> HttpResponse | None:
    """On a POST with a valid form, run `action(cleaned_data)` and redirect to `success`
    (a URL, or a function of the action's result) with `message`; None when the page
    should show the form (again)."""
    if request.method != "POST" or not form.is_bound or not form.is_valid():
        return None
    try:
        result = action(form.cleaned_data)
    except ServiceError as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
        return None
    if message:
        messages.success(request, message(result) if callable(message) else message)
    return HttpResponseRedirect(success(result) if callable(success) else success)


def render_form(request, template: str, context: dict, *forms) -> HttpResponse:
    """The page with its form(s); status 400 when a submitted form has errors."""
    status = 400 if any(f is not None and f.is_bound and f.errors for f in forms) else 200
    return render(request, template, context, status=status)
