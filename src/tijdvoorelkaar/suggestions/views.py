"""The broker's suggestion pages: who could help whom, with reasons; the broker decides."""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.core.access import STAFF_ROLES, area_view
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.participants.models import Participant

from . import services


def _ad_or_404(request, area, ad_id) -> Ad:
    ad = (
        Ad.objects.visible_to(request.user, area)
        .filter(pk=ad_id, kind__in=(Ad.Kind.REQUEST, Ad.Kind.OFFER), owner__isnull=False)
        .select_related("owner__user", "owner__neighbourhood", "category", "neighbourhood")
        .first()
    )
    if ad is None:
        raise Http404
    return ad


def _participant_or_404(request, area, pk):
    participant = Participant.objects.registry(request.user, area).filter(pk=pk).first()
    if participant is None:
        raise Http404
    return participant


@area_view(roles=STAFF_ROLES)
def for_ad(request, area, ad_id):
    ad = _ad_or_404(request, area, ad_id)
    rows = services.suggestions_for_ad(area, ad)
    for row in rows:
        row.propose_url = reverse("mediations:new", args=[area.slug]) + services.proposal_query(
            ad, row.participant
        )
    return render(
        request,
        "suggestions/for_ad.html",
        {
            "ad": ad,
            "rows": rows,
            "is_request": ad.kind == Ad.Kind.REQUEST,
            "dismissed_count": ad.suggestion_dismissals.count(),
        },
    )


@area_view(roles=STAFF_ROLES)
def for_participant(request, area, participant_id):
    participant = _participant_or_404(request, area, participant_id)
    rows = services.suggestions_for_participant(area, participant)
    for row in rows:
        row.propose_url = reverse("mediations:new", args=[area.slug]) + services.proposal_query(
            row.ad, participant
        )
    return render(
        request,
        "suggestions/for_participant.html",
        {
            "p": participant,
            "rows": rows,
            "has_strengths": services.has_strengths(area, participant),
        },
    )


@area_view(roles=STAFF_ROLES)
def dismiss(request, area):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    ad_id, person_id = request.POST.get("advertentie", ""), request.POST.get("deelnemer", "")
    back = request.POST.get("terug", "advertentie")
    if not (ad_id.isdigit() and person_id.isdigit()):
        return _bad_request(request, area)
    ad = Ad.objects.visible_to(request.user, area).filter(pk=ad_id).first()
    participant = Participant.objects.registry(request.user, area).filter(pk=person_id).first()
    if ad is None or participant is None:
        return _bad_request(request, area)
    try:
        services.dismiss(area=area, broker=request.user, ad=ad, participant=participant)
    except services.SuggestionError as exc:
        return _bad_request(request, area, str(exc))
    if back == "deelnemer":
        messages.success(
            request,
            _("%(ad)s wordt niet meer voorgesteld voor %(name)s.")
            % {"ad": ad.title, "name": participant.user.full_name},
        )
        return redirect("suggestions:participant", area.slug, participant.pk)
    messages.success(
        request,
        _("%(name)s wordt niet meer voorgesteld bij deze advertentie.")
        % {"name": participant.user.full_name},
    )
    return redirect("suggestions:ad", area.slug, ad.pk)


def _bad_request(request, area, message=None):
    return render(
        request,
        "suggestions/error.html",
        {
            "message": message
            or _("Deze suggestie bestaat niet (meer). Ga terug en laad de pagina opnieuw.")
        },
        status=400,
    )
