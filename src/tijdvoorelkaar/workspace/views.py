"""The broker's workspace pages, all under /<area>/makelaar/ and for staff only."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.access import (
    COORDINATOR,
    STAFF_ROLES,
    area_view,
)
from tijdvoorelkaar.marketplace.forms import AdForm
from tijdvoorelkaar.marketplace.models import Ad, Report, Signal
from tijdvoorelkaar.marketplace.services import ensure_default_categories
from tijdvoorelkaar.mediations import follow_up as mediation_follow_up
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import TaskError, complete_task, create_task

from . import caseload, confidential, digest, hooks, services
from .forms import (
    BackgroundForm,
    CaseloadHandoverForm,
    ConcernForm,
    ContactForm,
    HandoverForm,
    IntakeForm,
    NextContactForm,
    NoteForm,
    PauseForm,
    ReferralForm,
    RegisterForm,
    StageForm,
    TaskForm,
)
from .models import Background, StageChange


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _render(request, template, context, form=None):
    status = 400 if form is not None and form.errors else 200
    return render(request, f"workspace/{template}", context, status=status)


def _participant(request, area, pk):
    return get_object_or_404(Participant.objects.registry(request.user, area), pk=pk)


@area_view(roles=STAFF_ROLES)
def dashboard(request, area):
    today = clock.today()
    tasks = Task.objects.visible_to(request.user, area)
    mine = tasks.filter(assignee=request.user).open(until=today)
    return render(
        request,
        "workspace/dashboard.html",
        {
            "today": today,
            "tasks_today": [t for t in mine if t.due_on == today],
            "tasks_overdue": [t for t in mine if t.due_on < today],
            "new_sign_ups": digest.new_sign_ups(area)[:10],
            "sections": [
                section
                for section in hooks.dashboard_sections(request, area)
                if section is not None
            ],
            "signals": Signal.objects.filter(area=area, resolved_at__isnull=True).select_related(
                "ad"
            )[:20],
            "pending_reports": Report.objects.filter(
                area=area, outcome=Report.Outcome.PENDING
            ).count(),
            "stages": digest.stage_counts(area),
            "is_coordinator": COORDINATOR in request.area_roles,
            "matches": mediation_follow_up.attention_needed(area),
        },
    )


@area_view(roles=STAFF_ROLES)
def registry(request, area):
    q = request.GET.get("q", "")[:100]
    stage = request.GET.get("fase", "")
    qs = services.search_registry(Participant.objects.registry(request.user, area), q)
    if stage:
        qs = qs.filter(routing_stage=stage)
    page = Paginator(qs.order_by("user__last_name", "user__first_name", "pk"), 25).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "workspace/registry.html",
        {"q": q, "stage": stage, "page": page, "stages": digest.stage_counts(area)},
    )


@area_view(roles=STAFF_ROLES)
def register(request, area):
    form = RegisterForm(request.POST or None, area=area)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        try:
            participant = services.register_participant(
                area=area, broker=request.user, data=form.cleaned_data
            )
        except services.DuplicateParticipant as exc:
            duplicate = exc.existing
            form.add_error(None, exc.reason)
        except services.WorkspaceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(
                request,
                _("%(name)s is ingeschreven. Doe nu de kennismaking.")
                % {"name": participant.user.full_name},
            )
            return redirect("workspace:participant", area.slug, participant.pk)
    return _render(request, "register.html", {"form": form, "duplicate": duplicate}, form)


@area_view(roles=STAFF_ROLES)
def participant_detail(request, area, pk):
    participant = _participant(request, area, pk)
    count = services.support_conversation_count(participant)
    return render(
        request,
        "workspace/participant.html",
        {
            "p": participant,
            "support_count": count,
            "over_limit": count > area.max_support_conversations,
            "at_limit": count >= area.max_support_conversations,
            "history": StageChange.objects.filter(participant=participant).select_related(
                "changed_by"
            ),
            "contacts": participant.contact_moments.select_related("broker")[:20],
            "tasks": participant.tasks.filter(done_at__isnull=True).select_related("assignee"),
            "intake": participant.intakes.first(),
            "concerns": participant.concerns.all(),
            "referrals": participant.referrals_out.all(),
            "ads": Ad.objects.filter(owner=participant).order_by("-created_at"),
            "has_background": Background.objects.filter(participant=participant).exists(),
            "note_count": participant.confidential_notes.count(),
            "today": clock.today(),
            "mediations": Mediation.objects.visible_to(request.user, area)
            .filter(Q(requester=participant) | Q(provider=participant))
            .select_related("requester__user", "provider__user")
            .order_by("-started_on"),
        },
    )


@area_view(roles=STAFF_ROLES)
def intake(request, area, pk):
    participant = _participant(request, area, pk)
    initial = {
        "held_on": clock.today(),
        "languages_text": ", ".join(participant.languages),
        "interests_text": ", ".join(participant.interests),
        "inflow_source": participant.inflow_source,
        "referrer_organisation": participant.referrer_organisation,
        "referrer_person": participant.referrer_person,
    }
    form = IntakeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_intake(
                participant=participant, broker=request.user, data=form.cleaned_data
            )
        except services.WorkspaceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(request, _("De kennismaking is opgeslagen."))
            return redirect("workspace:participant", area.slug, participant.pk)
    return _render(
        request,
        "intake.html",
        {"p": participant, "form": form, "last": participant.intakes.first()},
        form,
    )


@area_view(roles=STAFF_ROLES)
def place_ad(request, area, pk, kind):
    participant = _participant(request, area, pk)
    if kind not in (Ad.Kind.REQUEST, Ad.Kind.OFFER):
        return redirect("workspace:participant", area.slug, participant.pk)
    ensure_default_categories(area)
    form = AdForm(
        request.POST or None, area=area, initial={"neighbourhood": participant.neighbourhood}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        token = data.pop("submission_token", None)
        try:
            ad = services.place_ad_for(
                participant=participant,
                broker=request.user,
                kind=kind,
                data=data,
                submission_token=token,
                base_url=_base_url(request),
            )
        except services.WorkspaceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            note = (
                _(" %(name)s krijgt een e-mail.") % {"name": participant.user.first_name}
                if participant.user.email
                else ""
            )
            messages.success(
                request,
                _("De %(kind)s '%(title)s' staat op de site.")
                % {"kind": ad.get_kind_display(), "title": ad.title}
                + note,
            )
            return redirect("workspace:participant", area.slug, participant.pk)
    return _render(
        request,
        "place_ad.html",
        {"p": participant, "form": form, "kind": kind, "kind_label": Ad.Kind(kind).label},
        form,
    )


@area_view(roles=STAFF_ROLES)
def background(request, area, pk):
    participant = _participant(request, area, pk)
    if request.method == "POST":
        form = BackgroundForm(request.POST)
        if form.is_valid():
            try:
                confidential.save_background(
                    participant=participant, broker=request.user, data=form.cleaned_data
                )
            except services.WorkspaceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, str(exc))
            else:
                messages.success(request, _("De achtergrondgegevens zijn opgeslagen."))
                return redirect("workspace:participant", area.slug, participant.pk)
    else:
        existing = confidential.read_background(participant=participant, reader=request.user)
        initial = {}
        if existing is not None:
            initial = {
                f: getattr(existing, f)
                for f in (
                    "gender",
                    "birth_year",
                    "birth_year_declined",
                    "household",
                    "work_situation",
                    "origin",
                )
            }
        form = BackgroundForm(initial=initial)
    return _render(request, "background.html", {"p": participant, "form": form}, form)


@area_view(roles=STAFF_ROLES)
def notes(request, area, pk):
    participant = _participant(request, area, pk)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            confidential.add_note(
                participant=participant, author=request.user, body=form.cleaned_data["body"]
            )
        except services.WorkspaceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(request, _("De notitie is opgeslagen."))
            return redirect("workspace:notes", area.slug, participant.pk)
    note_list = confidential.read_notes(participant=participant, reader=request.user)
    return _render(
        request, "notes.html", {"p": participant, "form": form, "notes": note_list}, form
    )


@area_view(roles=STAFF_ROLES)
def stage(request, area, pk):
    participant = _participant(request, area, pk)
    form = StageForm(request.POST or None, initial={"stage": participant.routing_stage})
    if request.method == "POST" and form.is_valid():
        try:
            services.change_stage(
                participant=participant, broker=request.user, stage=form.cleaned_data["stage"]
            )
        except services.WorkspaceError as exc:
            form.add_error("stage", str(exc))
        else:
            messages.success(
                request,
                _("Fase gewijzigd naar '%(stage)s'.")
                % {"stage": participant.get_routing_stage_display()},
            )
            return redirect("workspace:participant", area.slug, participant.pk)
    return _render(request, "simple_form.html", _form_context(participant, form, "stage"), form)


@area_view(roles=STAFF_ROLES)
def pause(request, area, pk):
    participant = _participant(request, area, pk)
    form = PauseForm(request.POST or None, initial={"until": participant.paused_until})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_pause(
                participant=participant, broker=request.user, until=form.cleaned_data["until"]
            )
        except services.WorkspaceError as exc:
            form.add_error("until", str(exc))
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect("workspace:participant", area.slug, participant.pk)
    return _render(request, "simple_form.html", _form_context(participant, form, "pause"), form)


FORM_TITLES = {
    "pause": (gettext_lazy("Pauzeren"), gettext_lazy("Opslaan")),
    "stage": (gettext_lazy("Fase wijzigen"), gettext_lazy("Opslaan")),
    "next_contact": (gettext_lazy("Volgend contact plannen"), gettext_lazy("Inplannen")),
    "contact": (gettext_lazy("Contactmoment vastleggen"), gettext_lazy("Vastleggen")),
    "concern": (gettext_lazy("Zorgsignaal vastleggen"), gettext_lazy("Vastleggen")),
    "referral": (gettext_lazy("Doorverwijzing vastleggen"), gettext_lazy("Vastleggen")),
    "handover": (gettext_lazy("Overdragen aan een collega"), gettext_lazy("Overdragen")),
}


def _form_context(participant, form, which, **extra):
    title, button = FORM_TITLES[which]
    return {"p": participant, "form": form, "title": title, "button": button, **extra}


@area_view(roles=STAFF_ROLES)
def next_contact(request, area, pk):
    participant = _participant(request, area, pk)
    form = NextContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            task = services.schedule_next_contact(
                participant=participant,
                broker=request.user,
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
            )
        except services.WorkspaceError as exc:
            form.add_error("on", str(exc))
        else:
            messages.success(
                request,
                _("Ingepland: %(title)s op %(day)s.")
                % {"title": task.title, "day": task.due_on.strftime("%d-%m-%Y")},
            )
            return redirect("workspace:participant", area.slug, participant.pk)
    return _render(
        request, "simple_form.html", _form_context(participant, form, "next_contact"), form
    )


@area_view(roles=STAFF_ROLES)
def contact(request, area, pk):
    participant = _participant(request, area, pk)
    form = ContactForm(request.POST or None, initial={"happened_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            logged = services.log_contact(
                participant=participant, broker=request.user, data=form.cleaned_data
            )
        except services.WorkspaceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(request, _("Het contactmoment is vastgelegd."))
            if logged.over_limit:
                messages.warning(
                    request,
                    _(
                        "Let op: dit was ondersteuningsgesprek %(n)s, meer dan het maximum van "
                        "%(max)s. Overweeg een doorverwijzing naar professionele hulp."
                    )
                    % {"n": logged.support_count, "max": logged.limit},
                )
            return redirect("workspace:participant", area.slug, participant.pk)
    return _render(request, "simple_form.html", _form_context(participant, form, "contact"), form)


@area_view(roles=STAFF_ROLES)
def concern(request, area, pk):
    participant = _participant(request, area, pk)
    form = ConcernForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_concern(participant=participant, broker=request.user, **form.cleaned_data)
        messages.success(request, _("Het zorgsignaal is vastgelegd, met een taak om op te volgen."))
        return redirect("workspace:participant", area.slug, participant.pk)
    return _render(request, "simple_form.html", _form_context(participant, form, "concern"), form)


@area_view(roles=STAFF_ROLES)
def referral(request, area, pk):
    participant = _participant(request, area, pk)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_referral(
                participant=participant, broker=request.user, **form.cleaned_data
            )
        except services.WorkspaceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(
                request, _("De doorverwijzing is vastgelegd, met een taak om op te volgen.")
            )
            return redirect("workspace:participant", area.slug, participant.pk)
    return _render(request, "simple_form.html", _form_context(participant, form, "referral"), form)


@area_view(roles=STAFF_ROLES)
def handover(request, area, pk):
    participant = _participant(request, area, pk)
    brokers = User.objects.brokers_of(area).exclude(pk=participant.assigned_broker_id or 0)
    form = HandoverForm(request.POST or None, brokers=brokers)
    if request.method == "POST" and form.is_valid():
        to_broker = form.cleaned_data["to_broker"]
        try:
            caseload.hand_over(
                participants=[participant],
                to_broker=to_broker,
                by=request.user,
                base_url=_base_url(request),
            )
        except services.WorkspaceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(
                request,
                _("%(name)s is overgedragen aan %(broker)s.")
                % {"name": participant.user.full_name, "broker": to_broker.full_name},
            )
            return redirect("workspace:participant", area.slug, participant.pk)
    return _render(request, "simple_form.html", _form_context(participant, form, "handover"), form)


@area_view(roles=STAFF_ROLES)
def caseload_handover(request, area):
    form = CaseloadHandoverForm(request.POST or None, brokers=User.objects.brokers_of(area))
    if request.method == "POST" and form.is_valid():
        try:
            count = caseload.hand_over_caseload(
                area=area,
                from_broker=form.cleaned_data["from_broker"],
                to_broker=form.cleaned_data["to_broker"],
                by=request.user,
                base_url=_base_url(request),
            )
        except services.WorkspaceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(request, _("%(n)s deelnemers overgedragen.") % {"n": count})
            return redirect("workspace:dashboard", area.slug)
    return _render(request, "caseload_handover.html", {"form": form}, form)


@area_view(roles=STAFF_ROLES)
def tasks(request, area):
    brokers = User.objects.brokers_of(area)
    form = TaskForm(
        request.POST or None,
        brokers=brokers,
        initial={"due_on": clock.today(), "assignee": request.user.pk},
    )
    if request.method == "POST" and form.is_valid():
        try:
            create_task(area=area, created_by=request.user, **form.cleaned_data)
        except TaskError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(request, _("De taak is toegevoegd."))
            return redirect("workspace:tasks", area.slug)
    qs = Task.objects.visible_to(request.user, area)
    show_all = request.GET.get("wie") == "iedereen"
    if not show_all:
        qs = qs.filter(assignee=request.user)
    return _render(
        request,
        "tasks.html",
        {"form": form, "open": qs.open(), "show_all": show_all},
        form,
    )


@area_view(roles=STAFF_ROLES)
def invite(request, area, pk):
    """The "Uitnodigen" button: one invitation email to an imported person."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    participant = _participant(request, area, pk)
    try:
        services.invite_participant(
            participant=participant,
            broker=request.user,
            base_url=request.build_absolute_uri("/"),
        )
    except services.WorkspaceError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("De uitnodiging is verstuurd naar %(email)s.")
            % {"email": participant.registry_email},
        )
    return redirect("workspace:participant", area.slug, participant.pk)


@area_view(roles=STAFF_ROLES)
def task_done(request, area, task_pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    task = get_object_or_404(Task.objects.visible_to(request.user, area), pk=task_pk)
    complete_task(task, request.user)
    messages.success(request, _("Taak afgevinkt: %(title)s") % {"title": task.title})
    back = request.POST.get("terug")
    if back == "deelnemer" and task.participant_id:
        return redirect("workspace:participant", area.slug, task.participant_id)
    if back == "taken":
        return redirect("workspace:tasks", area.slug)
    return redirect("workspace:dashboard", area.slug)


@area_view(roles=STAFF_ROLES)
def signal_action(request, area, signal_pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    signal = get_object_or_404(Signal, pk=signal_pk, area=area)
    with transaction.atomic():
        if request.POST.get("action") == "taak":
            services.task_from_signal(signal=signal, broker=request.user)
            messages.success(request, _("Er staat een taak voor vandaag op uw lijst."))
        else:
            services.resolve_signal(signal=signal, broker=request.user)
            messages.success(request, _("Het signaal is afgehandeld."))
    return redirect("workspace:dashboard", area.slug)


@area_view(roles={COORDINATOR})
def audit_log(request, area):
    page = Paginator(audit.events_for(area), 50).get_page(request.GET.get("pagina"))
    return render(request, "workspace/audit_log.html", {"page": page})
