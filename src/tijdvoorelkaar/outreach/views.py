from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.access import STAFF_ROLES, area_view
from tijdvoorelkaar.core.formviews import handle_form, render_form

from . import pdf, services
from .forms import ActivityForm, AdCodeForm, SignUpForm


def _activity_url(area, activity) -> str:
    return reverse("outreach:activity", args=[area.slug, activity.pk])


@area_view(roles=STAFF_ROLES)
def outreach(request, area):
    form = ActivityForm(request.POST or None, initial={"held_on": clock.today()})
    done = handle_form(
        request,
        form,
        lambda data: services.record_activity(area=area, actor=request.user, data=data),
        success=lambda activity: _activity_url(area, activity),
        message=_("De activiteit is vastgelegd."),
    )
    return done or render_form(
        request,
        "outreach/outreach.html",
        {"form": form, "activities": services.activities_with_counts(area)[:100]},
        form,
    )


@area_view(roles=STAFF_ROLES)
def activity(request, area, pk):
    item = get_object_or_404(services.activities_with_counts(area), pk=pk)
    form = SignUpForm(request.POST or None, area=area)
    done = handle_form(
        request,
        form,
        lambda data: services.sign_up_at_activity(activity=item, broker=request.user, data=data),
        success=_activity_url(area, item),
        message=lambda participant: (
            _("%(name)s is ingeschreven en telt mee bij deze activiteit.")
            % {"name": participant.user.full_name}
        ),
    )
    return done or render_form(
        request,
        "outreach/activity.html",
        {
            "activity": item,
            "conversion": services.share(item.joined_count, item.reached),
            "joined": item.joined.select_related("user"),
            "form": form,
        },
        form,
    )


@area_view(roles=STAFF_ROLES)
def notice_board(request, area):
    """The notice-board papers, and finding the ad a caller names by its number."""
    form = AdCodeForm(request.GET or None)
    not_found = False
    if form.is_bound and form.is_valid():
        ad = services.find_ad_by_code(request.user, area, form.cleaned_data["code"])
        if ad is not None:
            return redirect("marketplace:ad_detail", area.slug, ad.pk)
        not_found = True
    response = render_form(
        request, "outreach/notice_board.html", {"form": form, "not_found": not_found}, form
    )
    if not_found:
        response.status_code = 404
    return response


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@area_view(roles=STAFF_ROLES)
def ads_pdf(request, area):
    return _pdf(pdf.ads_list_pdf(services.ads_list(area)), f"advertenties-{area.slug}.pdf")


@area_view(roles=STAFF_ROLES)
def poster(request, area):
    paper = services.poster(area, request.build_absolute_uri("/"))
    return _pdf(pdf.poster_pdf(paper), f"poster-{area.slug}.pdf")
