"""The page where a participant makes and withdraws their API keys."""

from pathlib import Path

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from tijdvoorelkaar.accounts.models import ApiToken
from tijdvoorelkaar.core.access import PARTICIPANT, area_view

from .auth import TokenError, create_token, revoke_token
from .forms import TokenForm

TEMPLATES = Path(__file__).parent / "templates" / "api"


def _render(request, name: str, context: dict, status: int = 200) -> HttpResponse:
    # This package is not an app, so its templates are loaded from here by path; they
    # still extend base.html through the project's template engine.
    template = engines["django"].from_string((TEMPLATES / name).read_text())
    return HttpResponse(template.render(context, request), status=status)


@never_cache
@area_view(roles=[PARTICIPANT])
def tokens(request, area):
    form = TokenForm(request.POST or None) if request.POST.get("action") != "revoke" else None
    new_key = None
    if request.method == "POST" and request.POST.get("action") == "revoke":
        try:
            token_id = int(request.POST.get("token", ""))
        except ValueError:
            token_id = 0
        if revoke_token(request.user, token_id):
            messages.success(request, _("De sleutel is ingetrokken; hij werkt niet meer."))
        else:
            messages.error(request, _("Deze sleutel bestaat niet (meer)."))
        return redirect("api_tokens", area.slug)
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = create_token(request.user, form.cleaned_data["name"])
        except TokenError as exc:
            form.add_error("name", str(exc))
        else:
            form = TokenForm()
    return _render(
        request,
        "tokens.html",
        {
            "area": area,
            "form": form or TokenForm(),
            "new_key": new_key,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
    )
