"""Roosjes pages. Every page is a 404 while the area has time credits switched off.

Residents: /<area>/mijn/roosjes/ (own balance, history, thanking, confirming).
Staff: /<area>/makelaar/roosjes/ (bookings, paper Roosjes, corrections; circulation and
limits for coordinators). Organisations: /<area>/organisatie/roosjes/ (issue, redeem).
"""

import datetime as dt
from functools import partial

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.access import (
    COORDINATOR,
    ORGANISATION,
    PARTICIPANT,
    STAFF_ROLES,
    area_view,
    is_staff_in,
)
from tijdvoorelkaar.core.formviews import handle_button, handle_form, render_form
from tijdvoorelkaar.participants.models import Participant

from . import services
from .forms import (
    IssueForm,
    IssueLineFormSet,
    LimitsForm,
    PaperForm,
    PeriodForm,
    RedeemForm,
    ReverseForm,
    ThankForm,
)
from .models import Account, CreditOrganisation, ThankYou, Transfer
from .services import format_quarters

ORG_ROLES = STAFF_ROLES | {ORGANISATION}


def credits_enabled_or_404(area) -> None:
    """Every Roosjes page is a 404 while the area has time credits switched off."""
    if not area.time_credits_enabled:
        raise Http404


def recipients_for(user, area):
    """Participants the user may book Roosjes for (by name, never with a balance): the
    area's staff, and contacts of one of the area's organisations."""
    qs = Participant.objects.filter(area=area).select_related("user")
    if is_staff_in(user, area) or CreditOrganisation.objects.managed_by(user, area).exists():
        return qs.order_by("user__first_name", "user__last_name", "pk")
    return qs.none()


def _with_warnings(text, booked) -> list:
    """The confirmation of a booking, then a warning for each limit it passed."""
    return [(messages.SUCCESS, text)] + [
        (messages.WARNING, _("%(w)s. De makelaar krijgt een taak.") % {"w": warning})
        for warning in booked.warnings
    ]


# --- Residents -------------------------------------------------------------------------------


@area_view(login=True)
def my_credits(request, area):
    credits_enabled_or_404(area)
    me = Participant.objects.of(request.user, area)
    if me is None or PARTICIPANT not in request.area_roles:
        raise Http404
    matches = services.thankable_matches(me)
    form = ThankForm(request.POST or None, matches=matches, me=me)

    def thank(data):
        mediation = matches.filter(pk=data["mediation"]).first()
        if mediation is None:
            raise services.CreditError(_("Kies wie u wilt bedanken."), field="mediation")
        return services.thank(
            sender=me, mediation=mediation, quarters=data["amount"], message=data["message"]
        )

    done = handle_form(
        request,
        form,
        thank,
        success=reverse("credits:mine", args=[area.slug]),
        message=lambda thank_you: (
            _("Uw bedankje van %(amount)s aan %(name)s wacht op bevestiging.")
            % {
                "amount": format_quarters(thank_you.amount),
                "name": thank_you.receiver.public_name,
            }
        ),
    )
    if done:
        return done
    account = Account.objects.filter(participant=me).first()
    thanks = ThankYou.objects.own(request.user, area).select_related(
        "sender__user", "receiver__user"
    )
    return render_form(
        request,
        "credits/mine.html",
        {
            "me": me,
            "balance": account.balance if account else 0,
            "movements": services.history(account)[:50],
            "to_confirm": [t for t in thanks if t.receiver_id == me.pk and t.is_pending],
            "waiting": [t for t in thanks if t.sender_id == me.pk and t.is_pending],
            "form": form,
            "has_matches": bool(form.fields["mediation"].choices),
        },
        form,
    )


@area_view(login=True)
def thanks_action(request, area, pk, action):
    credits_enabled_or_404(area)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    me = Participant.objects.of(request.user, area)
    if me is None or action not in ("bevestigen", "afwijzen", "intrekken"):
        raise Http404
    thank_you = get_object_or_404(ThankYou.objects.own(request.user, area), pk=pk)
    if action == "bevestigen":
        # A limit passed here becomes a task for the broker; residents see no limits.
        run = partial(services.confirm_thanks, thank_you=thank_you, receiver=me)
        message = _("Bevestigd: %(amount)s staat op uw Roosjes.") % {
            "amount": format_quarters(thank_you.amount)
        }
    elif action == "afwijzen":
        run = partial(services.decline_thanks, thank_you=thank_you, receiver=me)
        message = _("U heeft het bedankje niet aangenomen.")
    else:
        run = partial(services.withdraw_thanks, thank_you=thank_you, sender=me)
        message = _("Uw bedankje is ingetrokken.")
    return handle_button(
        request, run, back=reverse("credits:mine", args=[area.slug]), message=message
    )


# --- Staff -----------------------------------------------------------------------------------


def _default_period():
    today = clock.today()
    return dt.date(today.year, 1, 1), today


@area_view(roles=STAFF_ROLES)
def staff_home(request, area):
    credits_enabled_or_404(area)
    is_coordinator = COORDINATOR in request.area_roles
    context = {
        "recent": Transfer.objects.visible_to(request.user, area)
        .select_related("created_by", "reversal")
        .prefetch_related("movements__account__participant__user")[:25],
        "is_coordinator": is_coordinator,
        "limits": services.limits(area),
    }
    status = 200
    if is_coordinator:
        start, end = _default_period()
        period = PeriodForm(request.GET or None, initial={"start": start, "end": end})
        if period.is_bound and period.is_valid():
            start, end = period.cleaned_data["start"], period.cleaned_data["end"]
        elif period.is_bound:
            status = 400
        limits = services.limits(area)
        context.update(
            period=period,
            start=start,
            end=end,
            figures=services.circulation(area, start, end),
            limits_form=LimitsForm(
                initial={
                    "min_hours": None if limits.min_balance is None else limits.min_balance / 4,
                    "max_hours": None if limits.max_balance is None else limits.max_balance / 4,
                }
            ),
        )
    return render(request, "credits/staff_home.html", context, status=status)


@area_view(roles={COORDINATOR})
def set_limits(request, area):
    credits_enabled_or_404(area)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = LimitsForm(request.POST)
    done = handle_form(
        request,
        form,
        lambda data: services.set_limits(
            area=area,
            coordinator=request.user,
            min_balance=data["min_hours"],
            max_balance=data["max_hours"],
        ),
        success=reverse("credits:staff_home", args=[area.slug]),
        message=_("De grenzen zijn opgeslagen."),
    )
    return done or render_form(request, "credits/limits.html", {"form": form}, form)


@area_view(roles=STAFF_ROLES)
def paper(request, area):
    credits_enabled_or_404(area)
    recipients = recipients_for(request.user, area)
    initial = {}
    if request.GET.get("deelnemer", "").isdigit():
        initial["receiver"] = recipients.filter(pk=request.GET["deelnemer"]).first()
    form = PaperForm(request.POST or None, recipients=recipients, initial=initial)
    done = handle_form(
        request,
        form,
        lambda data: services.book_paper(
            area=area,
            broker=request.user,
            receiver=data["receiver"],
            payer=data["payer"],
            quarters=data["amount"],
            note=data["note"],
        ),
        success=lambda booked: reverse(
            "credits:participant", args=[area.slug, form.cleaned_data["receiver"].pk]
        ),
        message=lambda booked: _with_warnings(
            _("%(amount)s papieren Roosjes geboekt voor %(name)s.")
            % {
                "amount": format_quarters(form.cleaned_data["amount"]),
                "name": form.cleaned_data["receiver"].user.full_name,
            },
            booked,
        ),
    )
    return done or render_form(request, "credits/paper.html", {"form": form}, form)


@area_view(roles=STAFF_ROLES)
def participant_account(request, area, pk):
    credits_enabled_or_404(area)
    person = get_object_or_404(Participant.objects.registry(request.user, area), pk=pk)
    account = Account.objects.filter(participant=person).first()
    return render(
        request,
        "credits/participant.html",
        {
            "p": person,
            "balance": account.balance if account else 0,
            "movements": services.history(account)[:100],
            "limits": services.limits(area),
        },
    )


@area_view(roles=STAFF_ROLES)
def transfer_detail(request, area, pk):
    credits_enabled_or_404(area)
    transfer = get_object_or_404(
        Transfer.objects.visible_to(request.user, area).select_related("created_by", "reverses"),
        pk=pk,
    )
    form = ReverseForm(request.POST or None)
    done = handle_form(
        request,
        form,
        lambda data: services.reverse(transfer=transfer, actor=request.user, reason=data["reason"]),
        success=reverse("credits:transfer", args=[area.slug, transfer.pk]),
        message=_("De boeking is teruggedraaid met een correctie."),
    )
    if done:
        return done
    reversal = Transfer.objects.filter(reverses=transfer).first()
    return render_form(
        request,
        "credits/transfer.html",
        {
            "t": transfer,
            "movements": transfer.movements.select_related(
                "account__participant__user", "account__organisation"
            ).order_by("amount", "pk"),
            "reversal": reversal,
            "form": form,
            "can_reverse": reversal is None and transfer.kind != Transfer.Kind.CORRECTION,
        },
        form,
    )


# --- Organisations ---------------------------------------------------------------------------


def _organisations_or_404(request, area):
    organisations = CreditOrganisation.objects.managed_by(request.user, area)
    if not organisations.exists():
        raise Http404
    return organisations


@area_view(roles=ORG_ROLES)
def organisation_home(request, area):
    credits_enabled_or_404(area)
    organisations = CreditOrganisation.objects.managed_by(request.user, area)
    rows = [
        (org, services.account_for_organisation(org).balance)
        for org in organisations.order_by("name")
    ]
    return render(request, "credits/organisation_home.html", {"rows": rows})


@area_view(roles=ORG_ROLES)
def issue(request, area):
    credits_enabled_or_404(area)
    organisations = _organisations_or_404(request, area)
    recipients = recipients_for(request.user, area)
    form = IssueForm(request.POST or None, organisations=organisations)
    lines = IssueLineFormSet(
        request.POST or None, prefix="regel", form_kwargs={"recipients": recipients}
    )

    def chosen() -> list:
        return [
            (row["participant"], row["amount"])
            for row in lines.cleaned_data
            if row.get("participant") and row.get("amount")
        ]

    done = handle_form(
        request,
        form,
        lambda data: services.issue(
            area=area,
            organisation=data["organisation"],
            lines=chosen(),
            actor=request.user,
            note=data["note"],
        ),
        others=[lines],
        success=reverse("credits:organisation_home", args=[area.slug]),
        message=lambda booked: _with_warnings(
            _("%(amount)s Roosjes uitgegeven aan %(n)s vrijwilligers.")
            % {"amount": format_quarters(booked.transfer.amount), "n": len(chosen())},
            booked,
        ),
    )
    return done or render_form(
        request, "credits/issue.html", {"form": form, "lines": lines}, form, lines
    )


@area_view(roles=ORG_ROLES)
def redeem(request, area):
    credits_enabled_or_404(area)
    organisations = _organisations_or_404(request, area)
    form = RedeemForm(
        request.POST or None,
        organisations=organisations,
        recipients=recipients_for(request.user, area),
    )
    done = handle_form(
        request,
        form,
        lambda data: services.redeem(
            area=area,
            organisation=data["organisation"],
            participant=data["participant"],
            quarters=data["amount"],
            actor=request.user,
            note=data["note"],
        ),
        success=reverse("credits:organisation_home", args=[area.slug]),
        message=lambda booked: _with_warnings(
            _("%(name)s heeft %(amount)s ingewisseld bij %(org)s.")
            % {
                "name": form.cleaned_data["participant"].user.full_name,
                "amount": format_quarters(form.cleaned_data["amount"]),
                "org": form.cleaned_data["organisation"].name,
            },
            booked,
        ),
    )
    return done or render_form(request, "credits/redeem.html", {"form": form}, form)
