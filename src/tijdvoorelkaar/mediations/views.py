from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.access import (
    COORDINATOR,
    STAFF_ROLES,
    area_view,
)
from tijdvoorelkaar.core.formviews import handle_button, handle_form, render_form
from tijdvoorelkaar.core.i18n import language_of
from tijdvoorelkaar.marketplace import search
from tijdvoorelkaar.marketplace.access import conversation_or_404, my_side_or_404
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.participants.models import Participant

from . import follow_up, letters, pdf, services
from .forms import (
    AgreementForm,
    AnswerForm,
    ButtonForm,
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
    done = handle_form(
        request,
        form,
        lambda data: services.propose(
            area=area,
            broker=request.user,
            requester=data["requester"],
            provider=data["provider"],
            ad=ad,
            note=data["note"],
        ),
        success=lambda mediation: reverse("mediations:detail", args=[area.slug, mediation.pk]),
        message=_(
            "Het voorstel is vastgelegd. Hieronder staan teksten om beide deelnemers te benaderen."
        ),
    )
    if done:
        return done
    query = request.GET.get("zoek", "")
    open_side = "provider" if "requester" in fixed else "requester"
    return render_form(
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
        form,
    )


def _mediation_or_404(request, area, pk) -> Mediation:
    mediation = (
        Mediation.objects.visible_to(request.user, area)
        .select_related(
            "area",
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
        "allowed": mediation.allowed_actions(),
        "texts": services.proposal_texts(mediation) if mediation.may("answer") else None,
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
        "parties": _parties(request, mediation),
    }
    if context["is_coordinator"]:
        context["correct_form"] = CorrectionForm(instance=Mediation.objects.get(pk=mediation.pk))
    context.update(forms)
    return context


@area_view(roles=STAFF_ROLES)
def mediation_detail(request, area, pk):
    mediation = _mediation_or_404(request, area, pk)
    return render(request, "mediations/mediation_detail.html", _detail_context(request, mediation))


def _parties(request, mediation) -> list[dict]:
    """Both sides for the page's contact block: their phone number and whether there is a
    message for them to print as a letter."""
    parties = []
    for side, field in letters.SIDES.items():
        person = getattr(mediation, field)
        message = letters.newest_message_for(request.user, mediation, person)
        parties.append({"side": side, "person": person, "has_letter": message is not None})
    return parties


@area_view(roles=STAFF_ROLES)
def mediation_letter(request, area, pk, side):
    """A letter (PDF) to one side of the mediation, for someone without email: the newest
    reaction or message to them and how to reach the broker. 404 when there is nothing
    the broker may print. GET only; the mediation is looked up first, so another area's
    mediation is a 404 whatever the method."""
    mediation = _mediation_or_404(request, area, pk)
    if side not in letters.SIDES:
        raise Http404
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    letter = letters.letter_for(
        mediation, getattr(mediation, letters.SIDES[side]), reader=request.user
    )
    if letter is None:
        raise Http404
    response = HttpResponse(pdf.letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="brief-bemiddeling-{mediation.pk}-{side}.pdf"'
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def _record_introduction(request, mediation, data) -> None:
    details = {k: v for k, v in data.items() if k != "goes_ahead"}
    services.record_introduction(
        mediation, actor=request.user, agreement=details, goes_ahead=data["goes_ahead"]
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


def _correct(request, mediation, data) -> None:
    changes = {k: v for k, v in data.items() if k != "reason"}
    services.correct(mediation, coordinator=request.user, changes=changes, reason=data["reason"])


def _one_of(model, request, mediation, field: str):
    return get_object_or_404(model, pk=_digits(request.POST.get(field)), mediation=mediation)


@dataclass(frozen=True)
class Action:
    """One action on a mediation: its name in Mediation.ACTION_STATUSES (which says in
    which statuses it may be taken), the form the broker fills in and its name on the
    page (ButtonForm for a plain button), the service that carries it out, and who may."""

    name: str
    run: Callable  # (request, mediation, cleaned_data) -> None
    form: type = ButtonForm
    form_key: str | None = None
    roles: frozenset = STAFF_ROLES


ACTIONS = {
    "antwoord": Action(
        "answer",
        lambda r, m, d: services.record_answer(m, side=d["side"], answer=d["answer"], actor=r.user),
        AnswerForm,
        "answer_form",
    ),
    "kennismaking-plannen": Action(
        "plan_introduction",
        lambda r, m, d: services.plan_introduction(m, on=d["on"], actor=r.user),
        PlanIntroductionForm,
        "plan_form",
    ),
    "kennismaking": Action(
        "record_introduction", _record_introduction, AgreementForm, "agreement_form"
    ),
    "starten": Action("start", lambda r, m, d: services.start(m, actor=r.user)),
    "pauzeren": Action(
        "pause", lambda r, m, d: services.pause(m, actor=r.user, note=r.POST.get("note", ""))
    ),
    "hervatten": Action("resume", lambda r, m, d: services.resume(m, actor=r.user)),
    "afzegging": Action(
        "log_cancellation",
        lambda r, m, d: services.log_cancellation(
            m, by_requester=d["by"] == "requester", on=d["on"], note=d["note"], actor=r.user
        ),
        CancellationForm,
        "cancel_form",
    ),
    "signaal": Action(
        "raise_flag",
        lambda r, m, d: services.raise_flag(m, kind=d["kind"], note=d["note"], actor=r.user),
        FlagForm,
        "flag_form",
    ),
    "signaal-opgelost": Action(
        "resolve_flag",
        lambda r, m, d: services.resolve_flag(_one_of(Flag, r, m, "flag"), actor=r.user),
    ),
    "nazorg-gezien": Action(
        "check_in_seen",
        lambda r, m, d: follow_up.mark_check_in_seen(
            _one_of(CheckIn, r, m, "check_in"), actor=r.user
        ),
    ),
    "beeindigen": Action(
        "end", lambda r, m, d: services.end(m, actor=r.user, **d), EndForm, "end_form"
    ),
    "corrigeren": Action(
        "correct", _correct, CorrectionForm, "correct_form", roles=frozenset({COORDINATOR})
    ),
}


@require_POST
@area_view(roles=STAFF_ROLES)
def mediation_action(request, area, pk, action):
    """Every action on the broker's mediation page, by the table above: the one way of
    core/formviews.py (form -> service -> error on the form -> back to the page)."""
    mediation = _mediation_or_404(request, area, pk)
    spec = ACTIONS.get(action)
    if spec is None or not (request.area_roles & spec.roles):
        raise Http404
    if spec.form is CorrectionForm:
        form = CorrectionForm(request.POST, instance=Mediation.objects.get(pk=mediation.pk))
    else:
        form = spec.form(request.POST)

    # Each service refuses its action outside the statuses of Mediation.ACTION_STATUSES,
    # with a message that says why; the page offers only the allowed ones.
    done = handle_form(
        request,
        form,
        lambda data: spec.run(request, mediation, data),
        success=reverse("mediations:detail", args=[area.slug, mediation.pk]),
        message=_("Vastgelegd."),
    )
    if done:
        return done
    mediation = _mediation_or_404(request, area, pk)
    forms = {spec.form_key: form} if spec.form_key else {}
    return render_form(
        request,
        "mediations/mediation_detail.html",
        _detail_context(request, mediation, **forms, failed_form=form),
        form,
    )


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
    return handle_button(
        request,
        lambda: follow_up.request_stop(mediation, me),
        back=reverse("mediations:my_contacts", args=[area.slug]),
        message=_(
            "De sociaal makelaar weet dat u wilt stoppen en neemt "
            "contact met u op om het goed af te sluiten."
        ),
    )


@require_POST
@area_view(login=True)
def my_call_me(request, area):
    me = Participant.objects.of(request.user, area)
    if me is None:
        raise Http404
    form = CallMeForm(request.POST)
    back = reverse("mediations:my_contacts", args=[area.slug])
    if not form.is_valid():  # the form sits on the contacts page: its error is a message
        messages.error(request, _("Uw bericht is te lang; houd het kort."))
        return redirect(back)
    return handle_button(
        request,
        lambda: follow_up.ask_broker_to_call(me, message=form.cleaned_data["message"]),
        back=back,
        message=_("De sociaal makelaar neemt zo snel mogelijk contact met u op."),
    )


def check_in(request, area_slug, token, answer):
    """The answer link from the check-in email; no sign-in needed. Opening it (GET) only
    shows the chosen answer and one button: mail scanners open every link in an email,
    and must not answer for the person. The button (a POST, with the CSRF token) records
    it and comes back here, where the page then says it was passed on."""
    area = get_object_or_404(Area, slug=area_slug)
    request.area = area
    request.area_roles = frozenset()
    try:
        item = follow_up.check_in_from_token(token)
        if item.mediation.area_id != area.pk:
            raise services.MediationError(_("Deze link klopt niet."))
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            # Opened from the email, on a device that never chose: the email's language.
            translation.activate(language_of(item.participant.user))
            request.LANGUAGE_CODE = translation.get_language()
        if request.method == "POST":
            chosen = request.POST.get("answer", "")
            follow_up.answer_check_in(item, chosen)
            return redirect("mediations:check_in", area.slug, token, chosen)
        follow_up.check_answer(item, answer)
    except services.MediationError as exc:
        return render(request, "mediations/check_in.html", {"error": str(exc)}, status=400)
    return render(
        request,
        "mediations/check_in.html",
        {
            "item": item,
            "answer": answer,
            "answer_label": CheckIn.Answer(answer).label,
            "recorded": item.answer == answer,
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
    return handle_button(
        request,
        lambda: services.confirm_going_ahead(conversation, me),
        back=reverse("marketplace:conversation", args=[area.slug, conversation.pk]),
        message=_going_ahead,
    )


def _going_ahead(mediation) -> list:
    if mediation is not None:
        return [
            (
                messages.SUCCESS,
                _(
                    "Mooi! Jullie gaan het doen. De sociaal makelaar weet "
                    "ervan en belt misschien later eens hoe het gaat."
                ),
            )
        ]
    return [(messages.INFO, _("Genoteerd. Zodra de ander ook bevestigt, is het afgesproken."))]
