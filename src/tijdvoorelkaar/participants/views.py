from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tijdvoorelkaar.core.access import (
    area_view,
    participant_of,
    visible_ads,
    visible_profile_or_404,
)
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.marketplace.services import listed

from . import services
from .forms import ProfileForm


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
    form = ProfileForm(request.POST or None, request.FILES or None, instance=participant)
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
    participant = visible_profile_or_404(request.user, area, pk)
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


PHOTO_TYPES = {"jpg": "image/jpeg", "png": "image/png"}


@require_GET
@area_view()
def photo(request, area, pk):
    """A participant's profile photo, for exactly those who may see their page.

    Photos are never served from a public media URL: this view checks the participant's
    visibility choice first. Stored photos were re-encoded by core.uploads, so they are
    JPEG or PNG; anything else is not served."""
    participant = visible_profile_or_404(request.user, area, pk)
    if not participant.photo:
        raise Http404
    content_type = PHOTO_TYPES.get(participant.photo.name.rsplit(".", 1)[-1].lower())
    if content_type is None:
        raise Http404
    try:
        handle = participant.photo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=300"
    return response
