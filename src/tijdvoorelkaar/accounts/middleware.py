from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor

ALLOWED_PREFIXES = ("/static/", "/taal/", "/account/tweestaps/")


class TwoFactorMiddleware:
    """Sends staff who signed in but did not pass the two-step check to that step."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if (
            not path.startswith(ALLOWED_PREFIXES)
            and not path.endswith("/uitloggen/")
            and two_factor.required(request)
        ):
            target = reverse("accounts:two_factor")
            return redirect(f"{target}?next={request.get_full_path()}")
        return self.get_response(request)
