"""The site's own pages: the list of areas, an area's home page, the privacy statement,
the words of the site explained, and a resident's further settings. They gather from many
apps (the area home shows success stories; the settings page asks the newsletter, stories
and API apps whether the person uses them), so they sit in the top layer."""

from django.shortcuts import redirect, render

from tijdvoorelkaar.api.models import ApiToken
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.access import area_view
from tijdvoorelkaar.newsletter.models import NewsletterSubscription
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.stories.models import StoryConsent
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


@area_view()
def glossary(request, area):
    """The words of the site in plain Dutch (B1)."""
    return render(request, "pages/glossary.html", {})


@area_view(login=True)
def more_settings(request, area):
    """What a resident rarely needs: their details, privacy, the newsletter, stories about
    them and API keys, each with whether they use it."""
    participant = Participant.objects.of(request.user, area)
    subscription = NewsletterSubscription.objects.filter(area=area, user=request.user).first()
    return render(
        request,
        "pages/more_settings.html",
        {
            "participant": participant,
            "newsletter": subscription is not None and subscription.active,
            "stories": StoryConsent.objects.own(request.user, area).count(),
            "api_keys": ApiToken.objects.filter(user=request.user).count(),
        },
    )
