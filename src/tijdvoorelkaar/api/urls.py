from django.http import JsonResponse
from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

from tijdvoorelkaar.areas.settings_page import area_settings

from . import views
from .api import api


@csrf_exempt
def not_found(request):
    """Any other address under /api/ answers in JSON too, not with the HTML 404 page."""
    return JsonResponse({"detail": "Niet gevonden."}, status=404)


urlpatterns = [
    path("api/", api.urls),
    re_path(r"^api/", not_found),
    path("<slug:area_slug>/mijn/api-sleutels/", views.tokens, name="api_tokens"),
    # The coordinator's settings page lives in the areas app; it is routed here because
    # this is the one include this work added to the root URLconf.
    path("<slug:area_slug>/makelaar/instellingen/", area_settings, name="area_settings"),
]
