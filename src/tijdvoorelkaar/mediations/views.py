from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.access import (
    COORDINATOR,
    STAFF_ROLES,
    area_view,
)
from tijdvoorelkaar.marketplace import search
from tijdvoorelkaar.marketplace.access import conversation_or_404, my_side_or_404
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.participants.models import Participant

from . import services
from .forms import (
    AgreementForm,
    AnswerForm,
    CallMeForm,
    CancellationForm,
    CorrectionForm,
    EndForm,
    FlagForm,
    PlanIntroductionForm,
    ProposeForm,
)
from .models import CheckIn, Flag, Mediation

PAGE_SIZE = 25
LIST_FILTERS = [("", _("Open (nog niet beëindigd)")), ("alle", _("Alle"))] + list(
    Mediation.Status.choices
)


def _digits(value) -> int:
    """An id from a form; anything else finds nothing (404) instead of an error."""
    return int(value) if str(value or "").isdigit() else 0


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@area_view(roles=STAFF_ROLES)
def mediation_list(request, area):
    status = request.GET.get("status", "")
    qs = Mediation.objects.visible_to(request.user, area).select_related(
        "requester__user", "provider__user", "ad", "broker"
    )
    if status == "alle":
        pass
    elif status in Mediation.Status.values:
        qs = qs.filter(status=status)
    else:
        status = ""
        qs = qs.filter(status__in=Mediation.OPEN_STATUSES)
    page = _page(request, qs.order_by("-started_on", "-id"))
    return render(
        request,
        "mediations/mediation_list.html",
        {
            "page": page,
            "mediations": page.object_list,
            "status": status,
            "filters": LIST_FILTERS,
            "counts": services.status_counts(area),
        },
    )


def _candidates(area: Area, query: str, exclude: Participant | None):
    """Participants found by name or by the words of their open ads (for proposing)."""

    if not query.strip():
        return []
    by_ads = search.matches(
        Ad.objects.filter(area=area, status__in=Ad.LISTED_STATUSES), query
    ).values("owner_id")
    qs = (
        Participant.objects.filter(area=area)
        .filter(
            Q(pk__in=by_ads)
            | Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(display_name__icontains=query)
        )
        .select_related("user", "neighbourhood")
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return list(qs.order_by("user__first_name")[:25])


@area_view(roles=STAFF_ROLES)
def mediation_new(request, area):
    ad = None
    ad_id = request.GET.get("advertentie") or request.POST.get("advertentie")
    if ad_id and str(ad_id).isdigit():
        ad = (
            Ad.objects.visible_to(request.user, area)
            .filter(pk=ad_id)
            .select_related("owner__user")
            .first()
        )
    fixed = {}
    if ad is not None and ad.owner is not None:
        fixed["requester" if ad.kind == Ad.Kind.REQUEST else "provider"] = ad.owner
    for key, param in (("requester", "vrager"), ("provider", "helper")):
        value = request.GET.get(param)
        if value and value.isdigit() and key not in fixed:
            person = Participant.objects.filter(area=area, pk=value).select_related("user").first()
            if person is not None:
                fixed[key] = person
    form = ProposeForm(request.POST or None, area=area, initial={k: v.pk for k, v in fixed.items()})
    if request.method == "POST" and form.is_valid():
        try:
            mediation = services.propose(
                area=area,
                broker=request.user,
                requester=form.cleaned_data["requester"],
                provider=form.cleaned_data["provider"],
                ad=ad,
                note=form.cleaned_data["note"],
            )
        except services.MediationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _(
                    "Het voorstel is vastgelegd. Hieronder staan teksten "
                    "om beide deelnemers te benaderen."
                ),
            )
            return redirect("mediations:detail", area.slug, mediation.pk)
    query = request.GET.get("zoek", "")
    open_side = "provider" if "requester" in fixed else "requester"
    return render(
        request,
        "mediations/mediation_new.html",
        {
            "form": form,
            "ad": ad,
            "fixed": fixed,
            "query": query,
            "open_side": open_side,
            "candidates": _candidates(area, query, fixed.get("requester") or fixed.get("provider")),
        },
        status=400 if form.errors else 200,
    )


def _mediation_or_404(request, area, pk) -> Mediation:
    mediation = (
        Mediation.objects.visible_to(request.user, area)
        .select_related(
            "requester__user",
            "provider__user",
            "ad",
            "broker",
            "requester__neighbourhood",
            "provider__neighbourhood",
        )
        .filter(pk=pk)
        .first()
    )
    if mediation is None:
        raise Http404
    return mediation


def _detail_context(request, mediation, **forms):
    agreement = getattr(mediation, "agreement", None)
    context = {
        "m": mediation,
        "agreement": agreement,
        "texts": services.proposal_texts(mediation) if mediation.status == "voorgesteld" else None,
        "answer_form": AnswerForm(),
        "plan_form": PlanIntroductionForm(),
        "agreement_form": AgreementForm(instance=agreement)
        if agreement
        else AgreementForm(initial={"goes_ahead": True}),
        "cancel_form": CancellationForm(),
        "flag_form": FlagForm(),
        "end_form": EndForm(),
        "events": mediation.events.select_related("actor"),
        "flags": mediation.flags.all(),
        "check_ins": mediation.check_ins.select_related("participant"),
        "cancellations": mediation.cancellations.all(),
        "is_coordinator": COORDINATOR in request.area_roles,
        "both_agreed": services.both_agreed(mediation),
    }
    if context["is_coordinator"]:
        context["correct_form"] = CorrectionForm(instance=Mediation.objects.get(pk=mediation.pk))
    context.update(forms)
    return context


@area_view(roles=STAFF_ROLES)
def mediation_detail(request, area, pk):
    mediation = _mediation_or_404(request, area, pk)
    return render(request, "mediations/mediation_detail.html", _detail_context(request, mediation))


@require_POST
@area_view(roles=STAFF_ROLES)
def mediation_action(request, area, pk, action):
    mediation = _mediation_or_404(request, area, pk)
    user = request.user
    form = None
    form_key = None
    try:
        if action == "antwoord":
            form, form_key = AnswerForm(request.POST), "answer_form"
            if form.is_valid():
                services.record_answer(
                    mediation,
                    side=form.cleaned_data["side"],
                    answer=form.cleaned_data["answer"],
                    actor=user,
                )
        elif action == "kennismaking-plannen":
            form, form_key = PlanIntroductionForm(request.POST), "plan_form"
            if form.is_valid():
                services.plan_introduction(mediation, on=form.cleaned_data["on"], actor=user)
        elif action == "kennismaking":
            form, form_key = AgreementForm(request.POST), "agreement_form"
            if form.is_valid():
                data = {k: v for k, v in form.cleaned_data.items() if k != "goes_ahead"}
                services.record_introduction(
                    mediation,
                    actor=user,
                    agreement=data,
                    goes_ahead=form.cleaned_data["goes_ahead"],
                )
                mediation.refresh_from_db()
                if mediation.agreement.expectations_differ:
                    messages.warning(
                        request,
                        _(
                            "Let op: de verwachtingen verschillen (de een verwacht een praktische "
                            "klus, de ander gezelschap). Bespreek dat nu, dat voorkomt "
                            "teleurstelling."
                        ),
                    )
        elif action == "starten":
            services.start(mediation, actor=user)
        elif action == "pauzeren":
            services.pause(mediation, actor=user, note=request.POST.get("note", ""))
        elif action == "hervatten":
            services.resume(mediation, actor=user)
        elif action == "afzegging":
            form, form_key = CancellationForm(request.POST), "cancel_form"
            if form.is_valid():
                services.log_cancellation(
                    mediation,
                    by_requester=form.cleaned_data["by"] == "requester",
                    on=form.cleaned_data["on"],
                    note=form.cleaned_data["note"],
                    actor=user,
                )
        elif action == "signaal":
            form, form_key = FlagForm(request.POST), "flag_form"
            if form.is_valid():
                services.raise_flag(
                    mediation,
                    kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                    actor=user,
                )
        elif action == "signaal-opgelost":
            flag = get_object_or_404(
                Flag, pk=_digits(request.POST.get("flag")), mediation=mediation
            )
            services.resolve_flag(flag, actor=user)
        elif action == "nazorg-gezien":
            check_in = get_object_or_404(
                CheckIn, pk=_digits(request.POST.get("check_in")), mediation=mediation
            )
            services.mark_check_in_seen(check_in, actor=user)
        elif action == "beeindigen":
            form, form_key = EndForm(request.POST), "end_form"
            if form.is_valid():
                services.end(mediation, actor=user, **form.cleaned_data)
        elif action == "corrigeren":
            if COORDINATOR not in request.area_roles:
                raise Http404
            form = CorrectionForm(request.POST, instance=Mediation.objects.get(pk=mediation.pk))
            form_key = "correct_form"
            if form.is_valid():
                changes = {k: v for k, v in form.cleaned_data.items() if k != "reason"}
                services.correct(
                    mediation, coordinator=user, changes=changes, reason=form.cleaned_data["reason"]
                )
        else:
            raise Http404
    except services.MediationError as exc:
        if form is not None:
            form.add_error(None, str(exc))
        else:
            messages.error(request, str(exc))
            return redirect("mediations:detail", area.slug, mediation.pk)
    if form is not None and form.errors:
        mediation = _mediation_or_404(request, area, pk)
        return render(
            request,
            "mediations/mediation_detail.html",
            _detail_context(request, mediation, **{form_key: form}, failed_form=form),
            status=400,
        )
    messages.success(request, _("Vastgelegd."))
    return redirect("mediations:detail", area.slug, mediation.pk)


# --- Participants ---------------------------------------------------------------------


@area_view(login=True)
def my_contacts(request, area):
    me = Participant.objects.of(request.user, area)
    mediations = []
    if me is not None:
        mediations = list(
            Mediation.objects.visible_to(request.user, area)
            .exclude(status=Mediation.Status.CANCELLED)
            .select_related("requester__user", "provider__user", "ad", "agreement")
            .order_by("-started_on")
        )
    return render(
        request,
        "mediations/my_contacts.html",
        {
            "me": me,
            "mediations": mediations,
            "call_form": CallMeForm(),
            "broker": (me.assigned_broker if me else None),
        },
    )


@require_POST
@area_view(login=True)
def my_contact_stop(request, area, pk):
    mediation = Mediation.objects.visible_to(request.user, area).filter(pk=pk).first()
    me = Participant.objects.of(request.user, area)
    if mediation is None or me is None:
        raise Http404
    try:
        services.request_stop(mediation, me)
    except services.MediationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _(
                "De sociaal makelaar weet dat u wilt stoppen en neemt "
                "contact met u op om het goed af te sluiten."
            ),
        )
    return redirect("mediations:my_contacts", area.slug)


@require_POST
@area_view(login=True)
def my_call_me(request, area):
    me = Participant.objects.of(request.user, area)
    if me is None:
        raise Http404
    form = CallMeForm(request.POST)
    if form.is_valid():
        try:
            services.ask_broker_to_call(me, message=form.cleaned_data["message"])
        except services.MediationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("De sociaal makelaar neemt zo snel mogelijk contact met u op.")
            )
    else:
        messages.error(request, _("Uw bericht is te lang; houd het kort."))
    return redirect("mediations:my_contacts", area.slug)


def check_in(request, area_slug, token, answer):
    """The one-click answer from the check-in email; no sign-in needed. The answer is
    recorded on opening the link; the page lets the person change it."""
    area = get_object_or_404(Area, slug=area_slug)
    request.area = area
    request.area_roles = frozenset()
    try:
        item = services.check_in_from_token(token)
        if item.mediation.area_id != area.pk:
            raise services.MediationError("Deze link klopt niet.")
        if request.method == "POST":
            answer = request.POST.get("answer", "")
        item = services.answer_check_in(item, answer)
    except services.MediationError as exc:
        return render(request, "mediations/check_in.html", {"error": str(exc)}, status=400)
    return render(
        request,
        "mediations/check_in.html",
        {
            "item": item,
            "token": token,
            "answers": CheckIn.Answer.choices,
        },
    )


@require_POST
@area_view(login=True)
def conversation_go_ahead(request, area, pk):
    """ "We gaan het doen" in a conversation between residents (marketplace): when both
    sides clicked it, a self-made mediation is recorded."""
    conversation = conversation_or_404(request.user, area, pk)
    me = my_side_or_404(request.user, area, conversation)
    try:
        mediation = services.confirm_going_ahead(conversation, me)
    except services.MediationError as exc:
        messages.error(request, str(exc))
        return redirect("marketplace:conversation", area.slug, conversation.pk)
    if mediation is not None:
        messages.success(
            request,
            _(
                "Mooi! Jullie gaan het doen. De sociaal makelaar weet "
                "ervan en belt misschien later eens hoe het gaat."
            ),
        )
    else:
        messages.info(request, _("Genoteerd. Zodra de ander ook bevestigt, is het afgesproken."))
    return redirect("marketplace:conversation", area.slug, conversation.pk)
