"""The page where a participant makes and withdraws their API keys."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from tijdvoorelkaar.core.access import PARTICIPANT, area_view
from tijdvoorelkaar.core.formviews import handle_button, handle_form, render_form

from .auth import create_token, revoke_token
from .forms import TokenForm
from .models import ApiToken


def _posted_id(request) -> int:
    """The key's number from the button; 0 (no key) when it is not a number."""
    try:
        return int(request.POST.get("token", ""))
    except ValueError:
        return 0


def _page(request, area, form, new_key=None):
    return render_form(
        request,
        "api/tokens.html",
        {
            "area": area,
            "form": form,
            "new_key": new_key,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
        form,
    )


@never_cache
@area_view(roles=[PARTICIPANT])
def tokens(request, area):
    if request.method == "POST" and request.POST.get("action") == "revoke":
        return handle_button(
            request,
            lambda: revoke_token(request.user, _posted_id(request)),
            back=reverse("api_tokens", args=[area.slug]),
            message=_("De sleutel is ingetrokken; hij werkt niet meer."),
        )
    form = TokenForm(request.POST or None)
    done = handle_form(
        request,
        form,
        lambda data: create_token(request.user, data["name"]),
        # The new key is shown once, on this page (never in a URL or a message).
        success=lambda made: _page(request, area, TokenForm(), new_key=made[1]),
    )
    return done or _page(request, area, form)
