"""The broker's workspace pages, all under /<area>/makelaar/ and for staff only."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.access import (
    COORDINATOR,
    STAFF_ROLES,
    area_view,
)
from tijdvoorelkaar.core.formviews import handle_button, handle_form, render_form
from tijdvoorelkaar.core.i18n import language_of
from tijdvoorelkaar.core.pdf_fonts import pdf_language
from tijdvoorelkaar.marketplace.forms import AdForm
from tijdvoorelkaar.marketplace.models import Ad, Report, Signal
from tijdvoorelkaar.marketplace.services import ensure_default_categories
from tijdvoorelkaar.mediations import follow_up as mediation_follow_up
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import complete_task, create_task

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


def _participant_url(area, participant) -> str:
    return reverse("workspace:participant", args=[area.slug, participant.pk])


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
    done = handle_form(
        request,
        form,
        lambda data: services.register_participant(area=area, broker=request.user, data=data),
        success=lambda participant: _participant_url(area, participant),
        message=lambda participant: (
            _("%(name)s is ingeschreven. Doe nu de kennismaking.")
            % {"name": participant.user.full_name}
        ),
    )
    # A duplicate (services.DuplicateParticipant) links to the one already registered.
    duplicate = getattr(form.refusal, "existing", None)
    return done or render_form(
        request, "workspace/register.html", {"form": form, "duplicate": duplicate}, form
    )


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
            "tasks": participant.tasks.filter(done_at__isnull=True).select_related(
                "assignee", "mediation__requester__user", "mediation__provider__user"
            ),
            "intake": participant.intakes.first(),
            "concerns": participant.concerns.all(),
            "referrals": participant.referrals_out.all(),
            "ads": Ad.objects.filter(owner=participant).order_by("-created_at"),
            "has_background": Background.objects.filter(participant=participant).exists(),
            "note_count": participant.confidential_notes.count(),
            "language": language_of(participant.user),
            "language_name": dict(settings.LANGUAGES)[language_of(participant.user)],
            "letter_language": pdf_language(language_of(participant.user)),
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
    done = handle_form(
        request,
        form,
        lambda data: services.record_intake(
            participant=participant, broker=request.user, data=data
        ),
        success=_participant_url(area, participant),
        message=_("De kennismaking is opgeslagen."),
    )
    return done or render_form(
        request,
        "workspace/intake.html",
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
        request.POST or None,
        area=area,
        initial={"neighbourhood": participant.neighbourhood},
        on_behalf=True,
    )

    def place(data):
        data = dict(data)
        token = data.pop("submission_token", None)
        return services.place_ad_for(
            participant=participant,
            broker=request.user,
            kind=kind,
            data=data,
            submission_token=token,
            base_url=_base_url(request),
        )

    def placed(ad) -> str:
        note = (
            _(" %(name)s krijgt een e-mail.") % {"name": participant.user.first_name}
            if participant.user.email
            else ""
        )
        # One sentence per kind: Dutch says "de vraag" but "het aanbod".
        placed_sentence = {
            Ad.Kind.REQUEST: _("De vraag '%(title)s' staat op de site."),
            Ad.Kind.OFFER: _("Het aanbod '%(title)s' staat op de site."),
            Ad.Kind.VACANCY: _("De vacature '%(title)s' staat op de site."),
        }[ad.kind]
        return placed_sentence % {"title": ad.title} + note

    done = handle_form(
        request, form, place, success=_participant_url(area, participant), message=placed
    )
    return done or render_form(
        request,
        "workspace/place_ad.html",
        {"p": participant, "form": form, "kind": kind, "kind_label": Ad.Kind(kind).label},
        form,
    )


BACKGROUND_FIELDS = (
    "gender",
    "birth_year",
    "birth_year_declined",
    "household",
    "work_situation",
    "origin",
)


@area_view(roles=STAFF_ROLES)
def background(request, area, pk):
    participant = _participant(request, area, pk)
    if request.method == "POST":
        form = BackgroundForm(request.POST)
    else:
        # Reading is audit-logged, so only when the page is shown for reading.
        existing = confidential.read_background(participant=participant, reader=request.user)
        initial = {}
        if existing is not None:
            initial = {f: getattr(existing, f) for f in BACKGROUND_FIELDS}
        form = BackgroundForm(initial=initial)
    done = handle_form(
        request,
        form,
        lambda data: confidential.save_background(
            participant=participant, broker=request.user, data=data
        ),
        success=_participant_url(area, participant),
        message=_("De achtergrondgegevens zijn opgeslagen."),
    )
    return done or render_form(
        request, "workspace/background.html", {"p": participant, "form": form}, form
    )


@area_view(roles=STAFF_ROLES)
def notes(request, area, pk):
    participant = _participant(request, area, pk)
    form = NoteForm(request.POST or None)
    done = handle_form(
        request,
        form,
        lambda data: confidential.add_note(
            participant=participant, author=request.user, body=data["body"]
        ),
        success=reverse("workspace:notes", args=[area.slug, participant.pk]),
        message=_("De notitie is opgeslagen."),
    )
    if done:
        return done
    note_list = confidential.read_notes(participant=participant, reader=request.user)
    return render_form(
        request,
        "workspace/notes.html",
        {"p": participant, "form": form, "notes": note_list},
        form,
    )


FORM_TITLES = {
    "pause": (gettext_lazy("Pauzeren"), gettext_lazy("Opslaan")),
    "stage": (gettext_lazy("Fase wijzigen"), gettext_lazy("Opslaan")),
    "next_contact": (gettext_lazy("Volgend contact plannen"), gettext_lazy("Inplannen")),
    "contact": (gettext_lazy("Contactmoment vastleggen"), gettext_lazy("Vastleggen")),
    "concern": (gettext_lazy("Zorgsignaal vastleggen"), gettext_lazy("Vastleggen")),
    "referral": (gettext_lazy("Doorverwijzing vastleggen"), gettext_lazy("Vastleggen")),
    "handover": (gettext_lazy("Overdragen aan een collega"), gettext_lazy("Overdragen")),
}


def _simple_form(request, area, participant, form, which, action, message):
    """The participant's one-form pages (FORM_TITLES): the form, its service, and back to
    the participant."""
    done = handle_form(
        request, form, action, success=_participant_url(area, participant), message=message
    )
    title, button = FORM_TITLES[which]
    return done or render_form(
        request,
        "workspace/simple_form.html",
        {"p": participant, "form": form, "title": title, "button": button},
        form,
    )


@area_view(roles=STAFF_ROLES)
def stage(request, area, pk):
    participant = _participant(request, area, pk)
    return _simple_form(
        request,
        area,
        participant,
        StageForm(request.POST or None, initial={"stage": participant.routing_stage}),
        "stage",
        lambda data: services.change_stage(
            participant=participant, broker=request.user, stage=data["stage"]
        ),
        lambda _none: (
            _("Fase gewijzigd naar '%(stage)s'.")
            % {"stage": participant.get_routing_stage_display()}
        ),
    )


@area_view(roles=STAFF_ROLES)
def pause(request, area, pk):
    participant = _participant(request, area, pk)
    return _simple_form(
        request,
        area,
        participant,
        PauseForm(request.POST or None, initial={"until": participant.paused_until}),
        "pause",
        lambda data: services.set_pause(
            participant=participant, broker=request.user, until=data["until"]
        ),
        _("Opgeslagen."),
    )


@area_view(roles=STAFF_ROLES)
def next_contact(request, area, pk):
    participant = _participant(request, area, pk)
    return _simple_form(
        request,
        area,
        participant,
        NextContactForm(request.POST or None),
        "next_contact",
        lambda data: services.schedule_next_contact(
            participant=participant, broker=request.user, on=data["on"], note=data["note"]
        ),
        lambda task: (
            _("Ingepland: %(title)s op %(day)s.")
            % {"title": task.title, "day": task.due_on.strftime("%d-%m-%Y")}
        ),
    )


def _contact_logged(logged) -> list:
    said = [(messages.SUCCESS, _("Het contactmoment is vastgelegd."))]
    if logged.over_limit:
        said.append(
            (
                messages.WARNING,
                _(
                    "Let op: dit was ondersteuningsgesprek %(n)s, meer dan het maximum van "
                    "%(max)s. Overweeg een doorverwijzing naar professionele hulp."
                )
                % {"n": logged.support_count, "max": logged.limit},
            )
        )
    return said


@area_view(roles=STAFF_ROLES)
def contact(request, area, pk):
    participant = _participant(request, area, pk)
    return _simple_form(
        request,
        area,
        participant,
        ContactForm(request.POST or None, initial={"happened_on": clock.today()}),
        "contact",
        lambda data: services.log_contact(participant=participant, broker=request.user, data=data),
        _contact_logged,
    )


@area_view(roles=STAFF_ROLES)
def concern(request, area, pk):
    participant = _participant(request, area, pk)
    return _simple_form(
        request,
        area,
        participant,
        ConcernForm(request.POST or None),
        "concern",
        lambda data: services.record_concern(participant=participant, broker=request.user, **data),
        _("Het zorgsignaal is vastgelegd, met een taak om op te volgen."),
    )


@area_view(roles=STAFF_ROLES)
def referral(request, area, pk):
    participant = _participant(request, area, pk)
    return _simple_form(
        request,
        area,
        participant,
        ReferralForm(request.POST or None),
        "referral",
        lambda data: services.record_referral(participant=participant, broker=request.user, **data),
        _("De doorverwijzing is vastgelegd, met een taak om op te volgen."),
    )


@area_view(roles=STAFF_ROLES)
def handover(request, area, pk):
    participant = _participant(request, area, pk)
    brokers = User.objects.brokers_of(area).exclude(pk=participant.assigned_broker_id or 0)
    form = HandoverForm(request.POST or None, brokers=brokers)
    return _simple_form(
        request,
        area,
        participant,
        form,
        "handover",
        lambda data: caseload.hand_over(
            participants=[participant],
            to_broker=data["to_broker"],
            by=request.user,
            base_url=_base_url(request),
        ),
        lambda _count: (
            _("%(name)s is overgedragen aan %(broker)s.")
            % {
                "name": participant.user.full_name,
                "broker": form.cleaned_data["to_broker"].full_name,
            }
        ),
    )


@area_view(roles=STAFF_ROLES)
def caseload_handover(request, area):
    form = CaseloadHandoverForm(request.POST or None, brokers=User.objects.brokers_of(area))
    done = handle_form(
        request,
        form,
        lambda data: caseload.hand_over_caseload(
            area=area,
            from_broker=data["from_broker"],
            to_broker=data["to_broker"],
            by=request.user,
            base_url=_base_url(request),
        ),
        success=reverse("workspace:dashboard", args=[area.slug]),
        message=lambda count: _("%(n)s deelnemers overgedragen.") % {"n": count},
    )
    return done or render_form(request, "workspace/caseload_handover.html", {"form": form}, form)


@area_view(roles=STAFF_ROLES)
def tasks(request, area):
    brokers = User.objects.brokers_of(area)
    form = TaskForm(
        request.POST or None,
        brokers=brokers,
        initial={"due_on": clock.today(), "assignee": request.user.pk},
    )
    done = handle_form(
        request,
        form,
        lambda data: create_task(area=area, created_by=request.user, **data),
        success=reverse("workspace:tasks", args=[area.slug]),
        message=_("De taak is toegevoegd."),
    )
    if done:
        return done
    qs = Task.objects.visible_to(request.user, area)
    show_all = request.GET.get("wie") == "iedereen"
    if not show_all:
        qs = qs.filter(assignee=request.user)
    return render_form(
        request,
        "workspace/tasks.html",
        {"form": form, "open": qs.open(), "show_all": show_all},
        form,
    )


@area_view(roles=STAFF_ROLES)
@require_POST
def invite(request, area, pk):
    """The "Uitnodigen" button: one invitation email to an imported person."""
    participant = _participant(request, area, pk)
    return handle_button(
        request,
        lambda: services.invite_participant(
            participant=participant, broker=request.user, base_url=_base_url(request)
        ),
        back=_participant_url(area, participant),
        message=_("De uitnodiging is verstuurd naar %(email)s.")
        % {"email": participant.registry_email},
    )


TASK_BACK = {"deelnemer": "workspace:participant", "taken": "workspace:tasks"}


@area_view(roles=STAFF_ROLES)
@require_POST
def task_done(request, area, task_pk):
    task = get_object_or_404(Task.objects.visible_to(request.user, area), pk=task_pk)
    back = reverse("workspace:dashboard", args=[area.slug])
    if request.POST.get("terug") == "deelnemer" and task.participant_id:
        back = reverse("workspace:participant", args=[area.slug, task.participant_id])
    elif request.POST.get("terug") == "taken":
        back = reverse("workspace:tasks", args=[area.slug])
    return handle_button(
        request,
        lambda: complete_task(task, request.user),
        back=back,
        message=_("Taak afgevinkt: %(title)s") % {"title": task.title},
    )


@area_view(roles=STAFF_ROLES)
@require_POST
def signal_action(request, area, signal_pk):
    signal = get_object_or_404(Signal, pk=signal_pk, area=area)
    if request.POST.get("action") == "taak":
        action = partial(services.task_from_signal, signal=signal, broker=request.user)
        message = _("Er staat een taak voor vandaag op uw lijst.")
    else:
        action = partial(services.resolve_signal, signal=signal, broker=request.user)
        message = _("Het signaal is afgehandeld.")
    return handle_button(
        request, action, back=reverse("workspace:dashboard", args=[area.slug]), message=message
    )


@area_view(roles={COORDINATOR})
def audit_log(request, area):
    page = Paginator(audit.events_for(area), 50).get_page(request.GET.get("pagina"))
    return render(request, "workspace/audit_log.html", {"page": page})
