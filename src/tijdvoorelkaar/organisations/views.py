import datetime as dt
from functools import partial

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.core import clock, throttle
from tijdvoorelkaar.core.access import ORGANISATION, STAFF_ROLES, area_view
from tijdvoorelkaar.core.formviews import handle_button, handle_form, render_form
from tijdvoorelkaar.core.net import client_ip
from tijdvoorelkaar.marketplace.models import Ad, Conversation
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant

from . import services
from .forms import (
    ContactForm,
    OrganisationForm,
    ReferOutForm,
    ReferralForm,
    SocialMapEntryForm,
    VacancyForm,
)
from .models import IncomingReferral, Organisation, SocialMapEntry

REFERRAL_LIMIT = 10  # public referral form: submissions per client per hour
HONEYPOT = "bedrijfswebsite"


# --- Public pages ---------------------------------------------------------------------------


def _open_vacancies(area, organisation=None):
    qs = Ad.objects.filter(area=area, kind=Ad.Kind.VACANCY).public().listed()
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    return qs.select_related("category", "organisation").order_by("-created_at")


@area_view()
def organisation_list(request, area):
    organisations = Organisation.objects.filter(area=area)
    return render(
        request,
        "organisations/list.html",
        {"organisations": organisations, "vacancies": _open_vacancies(area)[:20]},
    )


@area_view()
def organisation_detail(request, area, slug):
    organisation = get_object_or_404(Organisation, area=area, slug=slug)
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "vacancies": _open_vacancies(area, organisation),
            "can_manage": Organisation.objects.managed_by(request.user, area)
            .filter(pk=organisation.pk)
            .exists(),
        },
    )


@area_view()
def social_map(request, area):
    entries = SocialMapEntry.objects.filter(area=area, active=True)
    return render(request, "organisations/social_map.html", {"entries": entries})


@area_view()
def refer(request, area):
    """The referral form for professionals; signed-in organisation contacts refer on
    behalf of their organisation."""
    organisation = None
    if ORGANISATION in request.area_roles:
        organisation = Organisation.objects.managed_by(request.user, area).first()
    form = ReferralForm(request.POST or None, area=area, organisation=organisation)
    sent = reverse("organisations:refer_done", args=[area.slug])
    if request.method == "POST":
        if request.POST.get(HONEYPOT):
            # A bot filled the invisible field: answer as if it worked, save nothing.
            return redirect(sent)
        if not throttle.hit(
            f"referral:{area.pk}:{client_ip(request)}", REFERRAL_LIMIT, dt.timedelta(hours=1)
        ):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Er zijn vanaf hier veel verwijzingen verstuurd. Probeer het over een uur "
                    "opnieuw, of bel de sociaal makelaar."
                ),
            )
    done = handle_form(
        request,
        form,
        lambda data: services.refer_resident(
            area=area, data=data, referred_by=request.user, organisation=organisation
        ),
        success=sent,
    )
    return done or render_form(
        request,
        "organisations/refer.html",
        {"form": form, "organisation": organisation, "honeypot": HONEYPOT},
        form,
    )


@area_view()
def refer_done(request, area):
    return render(request, "organisations/refer_done.html")


# --- Organisation contacts -----------------------------------------------------------------


def _managed_or_404(request, area, slug) -> Organisation:
    return get_object_or_404(Organisation.objects.managed_by(request.user, area), slug=slug)


def _manage_url(area, organisation) -> str:
    return reverse("organisations:manage", args=[area.slug, organisation.slug])


@area_view(roles={ORGANISATION, *STAFF_ROLES})
def my_organisation(request, area):
    organisations = list(Organisation.objects.managed_by(request.user, area))
    if len(organisations) == 1 and not request.area_roles & STAFF_ROLES:
        return redirect(_manage_url(area, organisations[0]))
    return render(request, "organisations/choose.html", {"organisations": organisations})


def _manage_page(request, organisation, contact_form=None):
    """The organisation's page: vacancies, reactions, placements and contact persons
    (staff also get the form to add a contact person, bound when it was refused)."""
    if contact_form is None and request.area_roles & STAFF_ROLES:
        contact_form = ContactForm()
    placements = Mediation.objects.filter(organisation=organisation)
    context = {
        "organisation": organisation,
        "vacancies": Ad.objects.filter(organisation=organisation)
        .select_related("category")
        .order_by("-created_at"),
        "reactions": list(services.vacancy_reactions(organisation)),
        "placed": set(placements.values_list("provider_id", flat=True)),
        "placements": placements.select_related("provider__user", "ad").order_by("-started_on"),
        "contacts": organisation.contacts.select_related("user"),
        "contact_form": contact_form,
    }
    return render_form(request, "organisations/manage.html", context, contact_form)


@area_view(roles={ORGANISATION, *STAFF_ROLES})
def manage(request, area, slug):
    return _manage_page(request, _managed_or_404(request, area, slug))


@area_view(roles={ORGANISATION, *STAFF_ROLES})
def vacancy_new(request, area, slug):
    organisation = _managed_or_404(request, area, slug)
    form = VacancyForm(
        request.POST or None,
        area=area,
        initial={"frequency": Ad.Frequency.WEEKLY, "duration": Ad.Duration.HOURS},
    )
    done = handle_form(
        request,
        form,
        lambda data: services.post_vacancy(
            organisation=organisation,
            actor=request.user,
            data={k: v for k, v in data.items() if k != "submission_token"},
            submission_token=data.get("submission_token"),
        ),
        success=lambda ad: reverse("marketplace:ad_detail", args=[area.slug, ad.pk]),
        message=_("De vacature staat op de site."),
    )
    return done or render_form(
        request,
        "organisations/vacancy_form.html",
        {"form": form, "organisation": organisation},
        form,
    )


@area_view(roles={ORGANISATION, *STAFF_ROLES})
def placement_new(request, area, slug, conversation_pk):
    """The organisation (or the broker) records that someone who reacted to one of its
    vacancies started as a volunteer ("Gestart als vrijwilliger")."""
    organisation = _managed_or_404(request, area, slug)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    conversation = get_object_or_404(
        Conversation.objects.select_related("initiator", "ad"),
        pk=conversation_pk,
        ad__organisation=organisation,
    )
    return handle_button(
        request,
        lambda: services.record_placement(
            organisation=organisation,
            participant=conversation.initiator,
            actor=request.user,
            ad=conversation.ad,
        ),
        back=_manage_url(area, organisation),
        message=_("%(name)s staat nu als vrijwilliger bij %(org)s.")
        % {"name": conversation.initiator.public_name, "org": organisation.name},
    )


@area_view(roles=STAFF_ROLES)
def contact_new(request, area, slug):
    """Add a contact person (the form on the organisation's page; POST only)."""
    organisation = _managed_or_404(request, area, slug)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ContactForm(request.POST)
    done = handle_form(
        request,
        form,
        lambda data: services.add_contact(organisation=organisation, actor=request.user, **data),
        success=_manage_url(area, organisation),
        message=_("De contactpersoon kan nu inloggen met dit e-mailadres."),
    )
    return done or _manage_page(request, organisation, contact_form=form)


# --- The broker's pages ------------------------------------------------------------------


@area_view(roles=STAFF_ROLES)
def staff_list(request, area):
    form = OrganisationForm(request.POST or None)
    done = handle_form(
        request,
        form,
        lambda data: services.create_organisation(area=area, actor=request.user, data=data),
        success=lambda organisation: _manage_url(area, organisation),
        message=_("De organisatie is toegevoegd."),
    )
    return done or render_form(
        request,
        "organisations/staff_list.html",
        {"form": form, "organisations": Organisation.objects.filter(area=area)},
        form,
    )


@area_view(roles=STAFF_ROLES)
def referrals(request, area):
    referrals = IncomingReferral.objects.visible_to(request.user, area)
    return render(
        request,
        "organisations/referrals.html",
        {
            "pending": IncomingReferral.objects.waiting_for(request.user, area),
            "referrals": referrals.exclude(status=IncomingReferral.Status.PENDING)[:100],
        },
    )


def _accepted(referral) -> str:
    return _(
        "Doorverwijzing aangenomen: %(name)s staat nu bij de deelnemers, met een "
        "taak om kennis te maken."
    ) % {"name": referral.participant.user.full_name}


@area_view(roles=STAFF_ROLES)
def referral_decide(request, area, pk, action):
    """Accept or decline a waiting referral (the inbox on the dashboard and the list)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if action not in ("aannemen", "afwijzen"):
        raise Http404
    referral = get_object_or_404(IncomingReferral.objects.visible_to(request.user, area), pk=pk)
    if action == "aannemen":
        run = partial(services.accept_referral, referral=referral, broker=request.user)
        message = _accepted
    else:
        run = partial(services.decline_referral, referral=referral, broker=request.user)
        message = _("Doorverwijzing afgewezen. De gegevens van de bewoner zijn verwijderd.")
    back = reverse("workspace:dashboard", args=[area.slug])
    if request.POST.get("terug") == "lijst":
        back = reverse("organisations:referrals", args=[area.slug])
    return handle_button(request, run, back=back, message=message)


@area_view(roles=STAFF_ROLES)
def social_map_manage(request, area, pk=None):
    entry = get_object_or_404(SocialMapEntry, area=area, pk=pk) if pk else None
    form = SocialMapEntryForm(request.POST or None, instance=entry)
    done = handle_form(
        request,
        form,
        lambda data: services.save_social_map_entry(
            area=area,
            actor=request.user,
            data={k: data[k] for k in SocialMapEntryForm.Meta.fields},
            entry=entry,
        ),
        success=reverse("organisations:social_map_manage", args=[area.slug]),
        message=_("De sociale kaart is bijgewerkt."),
    )
    return done or render_form(
        request,
        "organisations/social_map_manage.html",
        {"form": form, "entry": entry, "entries": SocialMapEntry.objects.filter(area=area)},
        form,
    )


@area_view(roles=STAFF_ROLES)
def refer_out(request, area, pk):
    participant = get_object_or_404(Participant.objects.registry(request.user, area), pk=pk)
    form = ReferOutForm(
        request.POST or None,
        area=area,
        initial={"follow_up_on": clock.today() + dt.timedelta(days=14)},
    )
    done = handle_form(
        request,
        form,
        lambda data: services.refer_out(
            participant=participant,
            entry=data["entry"],
            broker=request.user,
            reason=data["reason"],
            on=data["follow_up_on"],
        ),
        success=reverse("workspace:participant", args=[area.slug, participant.pk]),
        message=_("De doorverwijzing is vastgelegd, met een taak om na te vragen."),
    )
    return done or render_form(
        request, "organisations/refer_out.html", {"form": form, "p": participant}, form
    )
