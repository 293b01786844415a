from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import views
from .api import api
from .auth import refuse_wrong_key


@csrf_exempt
def not_found(request):
    """Any other address under /api/ answers in JSON too, not with the HTML 404 page."""
    return JsonResponse({"detail": _("Niet gevonden.")}, status=404)


def _guarded(urls):
    """ninja's URL patterns (a flat list), each view wrapped in refuse_wrong_key."""
    patterns, app_name, namespace = urls
    for pattern in patterns:
        pattern.callback = refuse_wrong_key(pattern.callback)
    return patterns, app_name, namespace


urlpatterns = [
    path("api/", _guarded(api.urls)),
    re_path(r"^api/", refuse_wrong_key(not_found)),
    path("<slug:area_slug>/mijn/api-sleutels/", views.tokens, name="api_tokens"),
]
