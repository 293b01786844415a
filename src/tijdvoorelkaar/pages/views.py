"""The site's own pages: the list of areas, an area's home page and the privacy
statement. They gather from many apps (the area home shows success stories), so they sit
in the top layer."""

from django.shortcuts import redirect, render

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.access import area_view
from tijdvoorelkaar.stories.services import public_stories


def home(request):
    areas = list(Area.objects.all())
    if len(areas) == 1:
        return redirect("pages:area_home", areas[0].slug)
    return render(request, "pages/home.html", {"areas": areas})


@area_view()
def area_home(request, area):
    stories = public_stories(area).prefetch_related("consents__participant__user")[:3]
    return render(request, "pages/area_home.html", {"stories": stories})


def privacy(request):
    return render(request, "pages/privacy.html", {})


@area_view()
def area_privacy(request, area):
    return render(request, "pages/privacy.html", {})
