from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tijdvoorelkaar.core.access import area_view, can_see_profile, participant_of, visible_ads
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.marketplace.services import listed

from . import services
from .forms import ProfileForm
from .models import Participant


def _ads_by_kind(ads):
    ads = list(ads.select_related("category", "neighbourhood").order_by("-created_at"))
    return (
        [a for a in ads if a.kind == Ad.Kind.OFFER],
        [a for a in ads if a.kind == Ad.Kind.REQUEST],
    )


@area_view(login=True)
def my_page(request, area):
    participant = participant_of(request.user, area)
    offers, requests = ([], [])
    if participant is not None:
        offers, requests = _ads_by_kind(Ad.objects.filter(owner=participant))
    return render(
        request,
        "participants/my_page.html",
        {
            "participant": participant,
            "offers": offers,
            "requests": requests,
        },
    )


@area_view(login=True)
def edit_profile(request, area):
    participant = participant_of(request.user, area)
    if participant is None:
        raise Http404
    form = ProfileForm(request.POST or None, instance=participant)
    if request.method == "POST" and form.is_valid():
        services.update_profile(participant, form.cleaned_data)
        messages.success(request, _("Uw gegevens zijn opgeslagen."))
        return redirect("participants:my_page", area.slug)
    return render(
        request,
        "participants/edit_profile.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@area_view()
def profile(request, area, pk):
    participant = get_object_or_404(
        Participant.objects.select_related("user", "neighbourhood"), pk=pk, area=area
    )
    if not can_see_profile(request.user, participant):
        raise Http404
    offers, requests = _ads_by_kind(
        listed(visible_ads(request.user, area, include_own=False)).filter(owner=participant)
    )
    return render(
        request,
        "participants/profile.html",
        {
            "participant": participant,
            "offers": offers,
            "requests": requests,
        },
    )
