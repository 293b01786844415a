from django.shortcuts import redirect, render

from tijdvoorelkaar.areas.models import Area

from .access import area_view


def home(request):
    areas = list(Area.objects.all())
    if len(areas) == 1:
        return redirect("core:area_home", areas[0].slug)
    return render(request, "core/home.html", {"areas": areas})


@area_view()
def area_home(request, area):
    from tijdvoorelkaar.organisations.services import public_stories

    stories = public_stories(area).prefetch_related("consents__participant__user")[:3]
    return render(request, "core/area_home.html", {"stories": stories})


def privacy(request):
    return render(request, "core/privacy.html", {})


@area_view()
def area_privacy(request, area):
    return render(request, "core/privacy.html", {})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    return render(request, "500.html", status=500)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)
