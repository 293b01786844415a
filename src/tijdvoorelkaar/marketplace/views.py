from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.core.access import (
    STAFF_ROLES,
    area_view,
)
from tijdvoorelkaar.core.formviews import handle_button, handle_form, render_form
from tijdvoorelkaar.participants.models import Participant, Visibility

from . import services
from .access import conversation_or_404, my_side_or_404
from .forms import AdForm, MessageForm, ReactionForm, ReportForm, SearchForm
from .listing import AdFilters, search_ads
from .models import Ad, Category, Conversation, Message, Report


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


@area_view()
def ad_list(request, area):
    categories = list(Category.objects.filter(area=area))
    neighbourhoods = list(Neighbourhood.objects.filter(area=area))
    form = SearchForm(
        request.GET or None, area=area, categories=categories, neighbourhoods=neighbourhoods
    )
    data = form.cleaned_data if form.is_valid() else {}
    # The form only accepts slugs from these lists.
    filters = AdFilters(
        kind=data.get("soort") or None,
        category=next((c for c in categories if c.slug == data.get("categorie")), None),
        neighbourhood=next((n for n in neighbourhoods if n.slug == data.get("buurt")), None),
        q=data.get("q") or "",
    )
    page = search_ads(request.user, area, filters, request.GET.get("page") or 1)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "marketplace/ad_list.html",
        {
            "form": form,
            "page": page,
            "ads": page.object_list,
            "query": query.urlencode(),
            "filtered": filters.any,
            "invalid_filter": form.is_bound and not form.is_valid(),
        },
    )


def _without_token(data: dict) -> dict:
    """The ad's fields from AdForm, without its double-click guard."""
    return {k: v for k, v in data.items() if k != "submission_token"}


def _visible_ad_or_404(request, area, pk) -> Ad:
    ad = (
        Ad.objects.visible_to(request.user, area)
        .select_related("category", "neighbourhood", "owner__user", "organisation")
        .filter(pk=pk)
        .first()
    )
    if ad is None:
        raise Http404
    return ad


def _is_owner_or_staff(request, ad) -> bool:
    if request.area_roles & STAFF_ROLES:
        return True
    return ad.owner is not None and ad.owner.user_id == request.user.pk


@area_view()
def ad_detail(request, area, pk):
    ad = _visible_ad_or_404(request, area, pk)
    me = Participant.objects.of(request.user, area)
    existing = None
    if me is not None:
        existing = Conversation.objects.filter(ad=ad, initiator=me).first()
    can_react = (
        me is not None
        and (ad.owner_id not in (None, me.pk) or ad.organisation_id is not None)
        and ad.is_listed
    )
    return _render_detail(
        request,
        ad,
        me,
        reaction_form=ReactionForm() if can_react else None,
        existing_conversation=existing,
    )


def _render_detail(request, ad, me, *, status=200, **extra):
    """The ad page; shared by the page itself and a refused reaction."""
    context = {
        "ad": ad,
        "me": me,
        "can_manage": _is_owner_or_staff(request, ad),
        "scope_note": services.scope_note(ad),
        "is_listed": ad.is_listed,
        **extra,
    }
    return render(request, "marketplace/ad_detail.html", context, status=status)


@area_view()
def ad_create(request, area):
    if not request.user.is_authenticated:
        # Someone without an account writes what they need first (first_request_page.py).
        if request.GET.get("soort") == Ad.Kind.OFFER:
            return redirect("marketplace:offer_help", area.slug)
        return redirect("marketplace:ask_for_help", area.slug)
    me = Participant.objects.of(request.user, area)
    if me is None:
        messages.error(
            request, _("Om een advertentie te plaatsen moet u deelnemer zijn in dit werkgebied.")
        )
        return redirect("marketplace:ad_list", area.slug)
    kind = request.POST.get("soort") or request.GET.get("soort") or Ad.Kind.REQUEST
    if kind not in (Ad.Kind.REQUEST, Ad.Kind.OFFER):
        kind = Ad.Kind.REQUEST
    initial = {
        "neighbourhood": me.neighbourhood_id,
        "frequency": Ad.Frequency.ONCE,
        "duration": Ad.Duration.HOURS,
        "visibility": Visibility.PARTICIPANTS,
    }
    form = AdForm(request.POST or None, area=area, initial=initial)
    done = handle_form(
        request,
        form,
        lambda data: services.place_own_ad(
            area=area,
            owner=me,
            kind=kind,
            data=_without_token(data),
            submission_token=data.get("submission_token"),
        ),
        success=lambda placed: reverse("marketplace:ad_placed", args=[area.slug, placed[0].pk]),
    )
    return done or render_form(
        request,
        "marketplace/ad_form.html",
        {"form": form, "kind": kind, "editing": False},
        form,
    )


@area_view(login=True)
def ad_placed(request, area, pk):
    ad = _visible_ad_or_404(request, area, pk)
    if not _is_owner_or_staff(request, ad):
        raise Http404
    return render(
        request,
        "marketplace/ad_placed.html",
        {
            "ad": ad,
            "scope_note": services.scope_note(ad),
            "other_kind": Ad.Kind.OFFER if ad.kind == Ad.Kind.REQUEST else Ad.Kind.REQUEST,
        },
    )


@area_view(login=True)
def ad_edit(request, area, pk):
    ad = _visible_ad_or_404(request, area, pk)
    if not _is_owner_or_staff(request, ad):
        raise Http404
    form = AdForm(request.POST or None, instance=ad, area=area)
    done = handle_form(
        request,
        form,
        lambda data: services.update_ad(ad, _without_token(data)),
        success=reverse("marketplace:ad_detail", args=[area.slug, ad.pk]),
        message=_("Uw advertentie is bijgewerkt."),
    )
    return done or render_form(
        request,
        "marketplace/ad_form.html",
        {"form": form, "kind": ad.kind, "editing": True, "ad": ad},
        form,
    )


def _ad_status_button(ad, action):
    """What one of the owner's buttons under the ad does: the service and its message."""
    if action == "verlengen":
        return (
            lambda: services.renew(ad),
            _("Uw advertentie staat weer drie maanden online."),
        )
    if action in (Ad.Status.OPEN, Ad.Status.IN_TALKS, Ad.Status.HELPED, Ad.Status.CLOSED):
        return (
            lambda: services.set_status(ad, action),
            lambda changed: (
                _("De status is aangepast naar: %(status)s.")
                % {"status": changed.get_status_display()}
            ),
        )

    def unknown():
        raise services.MarketplaceError(_("Die keuze kennen we niet. Er is niets veranderd."))

    return unknown, None


@require_POST
@area_view(login=True)
def ad_status(request, area, pk):
    ad = _visible_ad_or_404(request, area, pk)
    if not _is_owner_or_staff(request, ad):
        raise Http404
    run, message = _ad_status_button(ad, request.POST.get("action"))
    return handle_button(
        request,
        run,
        back=reverse("marketplace:ad_detail", args=[area.slug, ad.pk]),
        message=message,
    )


@require_POST
@area_view(login=True)
def ad_react(request, area, pk):
    ad = _visible_ad_or_404(request, area, pk)
    me = Participant.objects.of(request.user, area)
    form = ReactionForm(request.POST)

    def react(data):
        if me is None:
            raise services.MarketplaceError(
                _("Om te reageren moet u deelnemer zijn in dit werkgebied.")
            )
        return services.react(
            ad=ad,
            participant=me,
            body=data["body"],
            base_url=_base_url(request),
            submission_token=data.get("submission_token"),
        )

    done = handle_form(
        request,
        form,
        react,
        success=lambda conversation: reverse(
            "marketplace:conversation", args=[area.slug, conversation.pk]
        ),
        message=_("Uw reactie is verstuurd. U krijgt een e-mail als er antwoord is."),
    )
    return done or _render_detail(request, ad, me, status=400, reaction_form=form)


@area_view(login=True)
def ad_report(request, area, pk):
    ad = _visible_ad_or_404(request, area, pk)
    form = ReportForm(request.POST or None)
    done = handle_form(
        request,
        form,
        lambda data: services.report(area=area, reporter=request.user, ad=ad, **data),
        success=reverse("marketplace:ad_list", args=[area.slug]),
        message=_(
            "Dank u. De advertentie is verborgen tot de sociaal makelaar ernaar heeft gekeken."
        ),
    )
    return done or render_form(
        request, "marketplace/report_form.html", {"form": form, "ad": ad}, form
    )


@area_view(login=True)
def conversation_list(request, area):
    conversations = (
        Conversation.objects.for_user(request.user, area)
        .select_related("ad", "initiator__user", "owner__user")
        .order_by("-created_at")
    )
    return render(
        request,
        "marketplace/conversation_list.html",
        {
            "conversations": conversations,
            "me": Participant.objects.of(request.user, area),
            "unread_ids": set(
                Conversation.objects.filter(area=area)
                .unread_by(request.user)
                .values_list("pk", flat=True)
            ),
        },
    )


@area_view(login=True)
def conversation_detail(request, area, pk):
    conversation = conversation_or_404(request.user, area, pk)
    me = Participant.objects.of(request.user, area)
    in_it = me is not None and me.pk in (conversation.initiator_id, conversation.owner_id)
    form = MessageForm(request.POST or None) if in_it else None
    if in_it:
        done = handle_form(
            request,
            form,
            lambda data: services.reply(
                conversation=conversation,
                participant=me,
                body=data["body"],
                base_url=_base_url(request),
                submission_token=data.get("submission_token"),
            ),
            success=reverse("marketplace:conversation", args=[area.slug, conversation.pk]),
        )
        if done:
            return done
    if in_it:
        services.mark_read(conversation, me)
    visible_messages = conversation.messages.select_related("sender")
    if not (request.area_roles & STAFF_ROLES):
        visible_messages = visible_messages.filter(hidden_for_review=False)
    other = conversation.other_side(me) if in_it else None
    i_share = in_it and (
        conversation.initiator_shares_contact
        if me.pk == conversation.initiator_id
        else conversation.owner_shares_contact
    )
    i_confirmed = in_it and bool(
        conversation.initiator_confirmed_at
        if me.pk == conversation.initiator_id
        else conversation.owner_confirmed_at
    )
    return render_form(
        request,
        "marketplace/conversation_detail.html",
        {
            "conversation": conversation,
            "me": me,
            "other": other,
            "in_it": in_it,
            "form": form,
            "chat": visible_messages,
            "i_share": i_share,
            "i_confirmed": i_confirmed,
            "mediation": getattr(conversation, "mediation", None),
        },
        form,
    )


@require_POST
@area_view(login=True)
def conversation_share(request, area, pk):
    conversation = conversation_or_404(request.user, area, pk)
    me = my_side_or_404(request.user, area, conversation)
    share = request.POST.get("share") == "ja"
    return handle_button(
        request,
        lambda: services.set_contact_sharing(conversation, me, share),
        back=reverse("marketplace:conversation", args=[area.slug, conversation.pk]),
        message=lambda changed: (
            [(messages.INFO, _("Zodra de ander ook wil delen, ziet u elkaars gegevens."))]
            if share and not changed.contact_shared
            else None
        ),
    )


@area_view(login=True)
def message_report(request, area, pk, message_pk):
    conversation = conversation_or_404(request.user, area, pk)
    message = get_object_or_404(Message, pk=message_pk, conversation=conversation)
    form = ReportForm(request.POST or None)
    done = handle_form(
        request,
        form,
        lambda data: services.report(area=area, reporter=request.user, message=message, **data),
        success=reverse("marketplace:conversation", args=[area.slug, conversation.pk]),
        message=_("Dank u. Het bericht is verborgen tot de sociaal makelaar ernaar heeft gekeken."),
    )
    return done or render_form(
        request,
        "marketplace/report_form.html",
        {"form": form, "message": message, "conversation": conversation},
        form,
    )


@area_view(roles=STAFF_ROLES)
def report_review(request, area):
    if request.method == "POST":
        report_id = request.POST.get("report", "")
        if not report_id.isdigit():
            messages.error(request, _("Kies een melding uit de lijst."))
            return redirect("marketplace:report_review", area.slug)
        report_obj = get_object_or_404(Report, pk=report_id, area=area)
        return handle_button(
            request,
            lambda: services.review_report(
                report_obj, request.user, restore=request.POST.get("action") == "terugzetten"
            ),
            back=reverse("marketplace:report_review", args=[area.slug]),
            message=_("De melding is afgehandeld."),
        )
    reports = Report.objects.filter(area=area).select_related(
        "ad", "message__conversation", "reporter"
    )
    return render(
        request,
        "marketplace/report_review.html",
        {
            "pending": [r for r in reports if r.outcome == Report.Outcome.PENDING],
            "done": [r for r in reports if r.outcome != Report.Outcome.PENDING][:20],
        },
    )
