"""The page where a participant makes and withdraws their API keys."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from tijdvoorelkaar.core.access import PARTICIPANT, area_view

from .auth import TokenError, create_token, revoke_token
from .forms import TokenForm
from .models import ApiToken


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
            form.add_error(exc.field, str(exc))
        else:
            form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "area": area,
            "form": form or TokenForm(),
            "new_key": new_key,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
    )
