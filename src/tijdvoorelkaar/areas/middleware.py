"""An area on its own domain: `/` on that domain opens the area's home page."""

from django.http import HttpResponseRedirect
from django.urls import reverse

from .models import Area


class AreaDomainMiddleware:
    """When the request's host is an area's `domain`, `/` is sent to `/<slug>/`. All other
    addresses work as on the main domain, so links inside the area keep working; the
    domain must be in ALLOWED_HOSTS (see docs/deployment.md)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in ("GET", "HEAD"):
            host = request.get_host().rsplit(":", 1)[0].lower().rstrip(".")
            slug = Area.objects.filter(domain=host).values_list("slug", flat=True).first()
            if slug:
                return HttpResponseRedirect(reverse("pages:area_home", args=[slug]))
        return self.get_response(request)
