"""A participant's own page ("Mijn pagina") and the personal page others see: the person
with their ads, so they live here, above participants."""

from django.shortcuts import render

from tijdvoorelkaar.core.access import area_view
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.views import visible_profile_or_404

from .models import Ad


def _ads_by_kind(ads):
    ads = list(ads.select_related("category", "neighbourhood").order_by("-created_at"))
    return (
        [a for a in ads if a.kind == Ad.Kind.OFFER],
        [a for a in ads if a.kind == Ad.Kind.REQUEST],
    )


@area_view(login=True)
def my_page(request, area):
    participant = Participant.objects.of(request.user, area)
    offers, requests = ([], [])
    if participant is not None:
        offers, requests = _ads_by_kind(Ad.objects.filter(owner=participant))
    return render(
        request,
        "marketplace/my_page.html",
        {"participant": participant, "offers": offers, "requests": requests},
    )


@area_view()
def profile(request, area, pk):
    participant = visible_profile_or_404(request.user, area, pk)
    offers, requests = _ads_by_kind(
        Ad.objects.visible_to(request.user, area, include_own=False)
        .listed()
        .filter(owner=participant)
    )
    return render(
        request,
        "marketplace/profile.html",
        {"participant": participant, "offers": offers, "requests": requests},
    )
