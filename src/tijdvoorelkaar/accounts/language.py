"""The language switch (/taal/): Django's set_language (the cookie, the redirect back),
and for a signed-in person also the choice on their account, so their email is written in
the language they read (core.i18n.language_of)."""

from django.views.i18n import set_language

from .services import remember_language


def switch_language(request):
    response = set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        remember_language(request.user, request.POST.get("language", ""))
    return response
