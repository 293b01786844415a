from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tijdvoorelkaar.core.access import area_view
from tijdvoorelkaar.core.formviews import handle_form, render_form
from tijdvoorelkaar.core.uploads import serve_stored_image

from . import services
from .forms import ProfileForm
from .models import Participant


@area_view(login=True)
def edit_profile(request, area):
    participant = Participant.objects.of(request.user, area)
    if participant is None:
        raise Http404
    form = ProfileForm(request.POST or None, request.FILES or None, instance=participant)
    done = handle_form(
        request,
        form,
        lambda data: services.update_profile(participant, data),
        success=reverse("marketplace:my_page", args=[area.slug]),
        message=_("Uw gegevens zijn opgeslagen."),
    )
    return done or render_form(request, "participants/edit_profile.html", {"form": form}, form)


def visible_profile_or_404(user, area, pk) -> Participant:
    """A participant of `area` whose personal page (and so their photo) `user` may see, by
    the participant's own choice; 404 for anyone else and for other areas."""
    participant = get_object_or_404(
        Participant.objects.select_related("user", "neighbourhood", "area"), pk=pk, area=area
    )
    if not participant.page_visible_to(user):
        raise Http404
    return participant


@require_GET
@area_view()
def photo(request, area, pk):
    """A participant's profile photo, for exactly those who may see their page.

    Photos are never served from a public media URL: this view checks the participant's
    visibility choice first. Stored photos were re-encoded by core.uploads, so they are
    JPEG or PNG; anything else is not served."""
    participant = visible_profile_or_404(request.user, area, pk)
    return serve_stored_image(participant.photo, cache_control="private, max-age=300")
