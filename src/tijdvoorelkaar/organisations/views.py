import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from tijdvoorelkaar.core import clock, throttle
from tijdvoorelkaar.core.access import (
    ORGANISATION,
    STAFF_ROLES,
    area_view,
    is_staff_in,
)
from tijdvoorelkaar.core.net import client_ip
from tijdvoorelkaar.marketplace.models import Ad, Conversation
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.workspace.services import WorkspaceError

from . import services
from .forms import (
    ActivityForm,
    AdCodeForm,
    ContactForm,
    OrganisationForm,
    ReferOutForm,
    ReferralForm,
    SignUpForm,
    SocialMapEntryForm,
    StoryConsentForm,
    StoryForm,
    VacancyForm,
)
from .models import (
    IncomingReferral,
    NewsletterSubscription,
    Organisation,
    SocialMapEntry,
    Story,
    StoryConsent,
)

REFERRAL_LIMIT = 10  # public referral form: submissions per client per hour
HONEYPOT = "bedrijfswebsite"


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


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
    if request.method == "POST":
        if request.POST.get(HONEYPOT):
            # A bot filled the invisible field: answer as if it worked, save nothing.
            return redirect("organisations:refer_done", area.slug)
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
        elif form.is_valid():
            try:
                services.refer_resident(
                    area=area,
                    data=form.cleaned_data,
                    referred_by=request.user,
                    organisation=organisation,
                )
            except services.OrganisationError as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("organisations:refer_done", area.slug)
    return render(
        request,
        "organisations/refer.html",
        {"form": form, "organisation": organisation, "honeypot": HONEYPOT},
        status=_status(form),
    )


@area_view()
def refer_done(request, area):
    return render(request, "organisations/refer_done.html")


# --- Organisation contacts -----------------------------------------------------------------


@area_view(roles={ORGANISATION, *STAFF_ROLES})
def my_organisation(request, area):
    organisations = list(Organisation.objects.managed_by(request.user, area))
    if len(organisations) == 1 and not request.area_roles & STAFF_ROLES:
        return redirect("organisations:manage", area.slug, organisations[0].slug)
    return render(request, "organisations/choose.html", {"organisations": organisations})


@area_view(roles={ORGANISATION, *STAFF_ROLES})
def manage(request, area, slug):
    organisation = get_object_or_404(Organisation.objects.managed_by(request.user, area), slug=slug)
    reactions = list(services.vacancy_reactions(organisation))
    placed = set(
        Mediation.objects.filter(organisation=organisation).values_list("provider_id", flat=True)
    )
    return render(
        request,
        "organisations/manage.html",
        {
            "organisation": organisation,
            "vacancies": Ad.objects.filter(organisation=organisation)
            .select_related("category")
            .order_by("-created_at"),
            "reactions": reactions,
            "placed": placed,
            "placements": Mediation.objects.filter(organisation=organisation)
            .select_related("provider__user", "ad")
            .order_by("-started_on"),
            "contacts": organisation.contacts.select_related("user"),
            "contact_form": ContactForm() if request.area_roles & STAFF_ROLES else None,
        },
    )


@area_view(roles={ORGANISATION, *STAFF_ROLES})
def vacancy_new(request, area, slug):
    organisation = get_object_or_404(Organisation.objects.managed_by(request.user, area), slug=slug)
    form = VacancyForm(
        request.POST or None,
        area=area,
        initial={"frequency": Ad.Frequency.WEEKLY, "duration": Ad.Duration.HOURS},
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "submission_token"}
        try:
            ad = services.post_vacancy(
                organisation=organisation,
                actor=request.user,
                data=data,
                submission_token=form.cleaned_data.get("submission_token"),
            )
        except services.OrganisationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De vacature staat op de site."))
            return redirect("marketplace:ad_detail", area.slug, ad.pk)
    return render(
        request,
        "organisations/vacancy_form.html",
        {"form": form, "organisation": organisation},
        status=_status(form),
    )


@area_view(roles={ORGANISATION, *STAFF_ROLES})
def placement_new(request, area, slug, conversation_pk):
    organisation = get_object_or_404(Organisation.objects.managed_by(request.user, area), slug=slug)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    conversation = get_object_or_404(
        Conversation.objects.select_related("initiator", "ad"),
        pk=conversation_pk,
        ad__organisation=organisation,
    )
    try:
        services.record_placement(
            organisation=organisation,
            participant=conversation.initiator,
            actor=request.user,
            ad=conversation.ad,
        )
    except services.OrganisationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("%(name)s staat nu als vrijwilliger bij %(org)s.")
            % {"name": conversation.initiator.public_name, "org": organisation.name},
        )
    return redirect("organisations:manage", area.slug, organisation.slug)


@area_view(roles=STAFF_ROLES)
def contact_new(request, area, slug):
    organisation = get_object_or_404(Organisation.objects.managed_by(request.user, area), slug=slug)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.add_contact(
                organisation=organisation,
                actor=request.user,
                email=form.cleaned_data["email"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except services.OrganisationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("De contactpersoon kan nu inloggen met dit e-mailadres."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("organisations:manage", area.slug, organisation.slug)


# --- The broker's pages ------------------------------------------------------------------


@area_view(roles=STAFF_ROLES)
def staff_list(request, area):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.create_organisation(
                area=area, actor=request.user, data=form.cleaned_data
            )
        except services.OrganisationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De organisatie is toegevoegd."))
            return redirect("organisations:manage", area.slug, organisation.slug)
    return render(
        request,
        "organisations/staff_list.html",
        {"form": form, "organisations": Organisation.objects.filter(area=area)},
        status=_status(form),
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


@area_view(roles=STAFF_ROLES)
def referral_decide(request, area, pk, action):
    """Accept or decline a waiting referral (the inbox on the dashboard and the list)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if action not in ("aannemen", "afwijzen"):
        raise Http404
    referral = get_object_or_404(IncomingReferral.objects.visible_to(request.user, area), pk=pk)
    try:
        if action == "aannemen":
            referral = services.accept_referral(referral=referral, broker=request.user)
            messages.success(
                request,
                _(
                    "Doorverwijzing aangenomen: %(name)s staat nu bij de deelnemers, met een "
                    "taak om kennis te maken."
                )
                % {"name": referral.participant.user.full_name},
            )
        else:
            services.decline_referral(referral=referral, broker=request.user)
            messages.success(
                request,
                _("Doorverwijzing afgewezen. De gegevens van de bewoner zijn verwijderd."),
            )
    except services.OrganisationError as exc:
        messages.error(request, str(exc))
    if request.POST.get("terug") == "lijst":
        return redirect("organisations:referrals", area.slug)
    return redirect("workspace:dashboard", area.slug)


@area_view(roles=STAFF_ROLES)
def social_map_manage(request, area, pk=None):
    entry = get_object_or_404(SocialMapEntry, area=area, pk=pk) if pk else None
    form = SocialMapEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        services.save_social_map_entry(
            area=area,
            actor=request.user,
            data={k: form.cleaned_data[k] for k in form.Meta.fields},
            entry=entry,
        )
        messages.success(request, _("De sociale kaart is bijgewerkt."))
        return redirect("organisations:social_map_manage", area.slug)
    return render(
        request,
        "organisations/social_map_manage.html",
        {"form": form, "entry": entry, "entries": SocialMapEntry.objects.filter(area=area)},
        status=_status(form),
    )


@area_view(roles=STAFF_ROLES)
def refer_out(request, area, pk):
    participant = get_object_or_404(Participant.objects.registry(request.user, area), pk=pk)
    form = ReferOutForm(
        request.POST or None,
        area=area,
        initial={"follow_up_on": clock.today() + dt.timedelta(days=14)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.refer_out(
                participant=participant,
                entry=form.cleaned_data["entry"],
                broker=request.user,
                reason=form.cleaned_data["reason"],
                on=form.cleaned_data["follow_up_on"],
            )
        except (services.OrganisationError, WorkspaceError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("De doorverwijzing is vastgelegd, met een taak om na te vragen.")
            )
            return redirect("workspace:participant", area.slug, participant.pk)
    return render(
        request,
        "organisations/refer_out.html",
        {"form": form, "p": participant},
        status=_status(form),
    )


@area_view(roles=STAFF_ROLES)
def outreach(request, area):
    form = ActivityForm(request.POST or None, initial={"held_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        activity = services.record_activity(area=area, actor=request.user, data=form.cleaned_data)
        messages.success(request, _("De activiteit is vastgelegd."))
        return redirect("organisations:activity", area.slug, activity.pk)
    return render(
        request,
        "organisations/outreach.html",
        {"form": form, "activities": services.activities_with_counts(area)[:100]},
        status=_status(form),
    )


@area_view(roles=STAFF_ROLES)
def activity(request, area, pk):
    item = get_object_or_404(services.activities_with_counts(area), pk=pk)
    form = SignUpForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        try:
            participant = services.sign_up_at_activity(
                activity=item, broker=request.user, data=form.cleaned_data
            )
        except WorkspaceError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(name)s is ingeschreven en telt mee bij deze activiteit.")
                % {"name": participant.user.full_name},
            )
            return redirect("organisations:activity", area.slug, item.pk)
    return render(
        request,
        "organisations/activity.html",
        {
            "activity": item,
            "conversion": services.share(item.joined_count, item.reached),
            "joined": item.joined.select_related("user"),
            "form": form,
        },
        status=_status(form),
    )


@area_view(roles=STAFF_ROLES)
def notice_board(request, area):
    form = AdCodeForm(request.GET or None)
    not_found = False
    if form.is_bound and form.is_valid():
        ad = services.find_ad_by_code(request.user, area, form.cleaned_data["code"])
        if ad is not None:
            return redirect("marketplace:ad_detail", area.slug, ad.pk)
        not_found = True
    return render(
        request,
        "organisations/notice_board.html",
        {"form": form, "not_found": not_found},
        status=404 if not_found else _status(form),
    )


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@area_view(roles=STAFF_ROLES)
def ads_pdf(request, area):
    return _pdf(services.ads_list_pdf(area), f"advertenties-{area.slug}.pdf")


@area_view(roles=STAFF_ROLES)
def poster(request, area):
    return _pdf(services.poster_pdf(area, _base_url(request)), f"poster-{area.slug}.pdf")


# --- Newsletter ------------------------------------------------------------------------------


@area_view(login=True)
def newsletter(request, area):
    sub = NewsletterSubscription.objects.filter(area=area, user=request.user).first()
    error = None
    if request.method == "POST":
        if request.POST.get("action") == "aan":
            try:
                sub = services.subscribe(area=area, user=request.user)
            except services.OrganisationError as exc:
                error = str(exc)
            else:
                messages.success(request, _("U krijgt voortaan de maandelijkse nieuwsbrief."))
                return redirect("organisations:newsletter", area.slug)
        elif sub is not None:
            services.unsubscribe(sub)
            messages.success(request, _("U krijgt de nieuwsbrief niet meer."))
            return redirect("organisations:newsletter", area.slug)
    return render(
        request,
        "organisations/newsletter.html",
        {"sub": sub, "error": error, "me": Participant.objects.of(request.user, area)},
        status=400 if error else 200,
    )


@csrf_exempt  # mail programs post here without a session (RFC 8058 one-click)
@area_view()
def unsubscribe(request, area, token):
    sub = services.subscription_from_token(area, token)
    if sub is None:
        return render(request, "organisations/unsubscribe_invalid.html", status=400)
    done = False
    if request.method == "POST":
        services.unsubscribe(sub)
        done = True
    return render(
        request, "organisations/unsubscribe.html", {"sub": sub, "done": done, "token": token}
    )


# --- Success stories -----------------------------------------------------------------------


@area_view(roles=STAFF_ROLES)
def stories(request, area):
    form = StoryForm(
        request.POST or None,
        request.FILES or None,
        registry=Participant.objects.registry(request.user, area),
    )
    if request.method == "POST" and form.is_valid():
        try:
            story = services.write_story(
                area=area,
                actor=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                participants=form.cleaned_data["participants"],
                photo=form.cleaned_data.get("photo"),
                photo_alt=form.cleaned_data.get("photo_alt", ""),
            )
        except services.OrganisationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Het verhaal is opgeslagen. Leg nu de toestemming van iedereen vast.")
            )
            return redirect("organisations:story", area.slug, story.pk)
    return render(
        request,
        "organisations/stories.html",
        {
            "form": form,
            "stories": Story.objects.manageable_by(request.user, area).prefetch_related(
                "consents__participant__user"
            ),
        },
        status=_status(form),
    )


def _consent_forms(story, data=None, posted=None):
    """One small form per named participant, prefixed so ids stay unique on the page."""
    rows = []
    for consent in story.consents.select_related("participant__user"):
        bound = data if posted == consent.pk else None
        rows.append(
            (consent, StoryConsentForm(bound, prefix=f"c{consent.pk}", withdraw=consent.valid))
        )
    return rows


@area_view(roles=STAFF_ROLES)
def story(request, area, pk):
    item = get_object_or_404(Story.objects.manageable_by(request.user, area), pk=pk)
    posted, failed = None, False
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("toestemming", "intrekken"):
                consent = get_object_or_404(item.consents, pk=request.POST.get("consent") or 0)
                posted = consent.pk
                form = StoryConsentForm(
                    request.POST, prefix=f"c{consent.pk}", withdraw=action == "intrekken"
                )
                if not form.is_valid():
                    failed = True
                    raise services.OrganisationError(form.errors["channel"][0])
                if action == "toestemming":
                    services.give_story_consent(
                        story=item,
                        participant=consent.participant,
                        actor=request.user,
                        channel=form.cleaned_data["channel"],
                    )
                    messages.success(request, _("De toestemming is vastgelegd."))
                else:
                    services.withdraw_story_consent(
                        story=item,
                        participant=consent.participant,
                        actor=request.user,
                        channel=form.cleaned_data["channel"],
                    )
                    messages.success(
                        request, _("De toestemming is ingetrokken en het verhaal is offline.")
                    )
            elif action == "publiceren":
                services.publish_story(story=item, actor=request.user)
                messages.success(request, _("Het verhaal staat op de startpagina."))
            elif action == "offline":
                services.take_down_story(story=item, actor=request.user)
                messages.success(request, _("Het verhaal staat niet meer op de site."))
            else:
                raise services.OrganisationError(_("Onbekende actie."))
        except services.OrganisationError as exc:
            failed = True
            error = str(exc)
        else:
            return redirect("organisations:story", area.slug, item.pk)
    else:
        error = None
    item.refresh_from_db()
    return render(
        request,
        "organisations/story.html",
        {
            "story": item,
            "rows": _consent_forms(item, request.POST if failed else None, posted),
            "error": error,
            "public": services.public_stories(area).filter(pk=item.pk).exists(),
        },
        status=400 if failed else 200,
    )


@area_view(login=True)
def my_stories(request, area):
    """A participant sees the stories they are named in, gives or withdraws consent."""
    consents = StoryConsent.objects.own(request.user, area)
    if request.method == "POST":
        consent = consents.filter(pk=request.POST.get("consent") or 0).first()
        if consent is None:
            messages.error(request, _("Dit verhaal gaat niet over u."))
        elif request.POST.get("action") == "intrekken":
            services.withdraw_story_consent(
                story=consent.story, participant=consent.participant, actor=request.user
            )
            messages.success(
                request,
                _("Uw toestemming is ingetrokken. Het verhaal staat niet meer op de site."),
            )
        else:
            services.give_story_consent(
                story=consent.story,
                participant=consent.participant,
                actor=request.user,
                channel="site",
            )
            messages.success(
                request,
                _(
                    "Dank u. De sociaal makelaar zet het verhaal op de site als iedereen "
                    "akkoord is."
                ),
            )
        return redirect("organisations:my_stories", area.slug)
    return render(
        request,
        "organisations/my_stories.html",
        {"consents": consents.order_by("-story__created_at")},
    )


@area_view()
def story_photo(request, area, pk):
    """A story's photo: for everyone while the story is public, for the area's staff
    always; otherwise 404, so withdrawing consent takes the photo down too."""
    from django.http import FileResponse, Http404

    visible = services.public_stories(area)
    if is_staff_in(request.user, area):
        visible = Story.objects.manageable_by(request.user, area)
    item = visible.filter(pk=pk).exclude(photo="").first()
    if item is None:
        raise Http404
    try:
        handle = item.photo.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    kind = "image/png" if item.photo.name.endswith(".png") else "image/jpeg"
    response = FileResponse(handle, content_type=kind)
    response["Cache-Control"] = "no-store"  # withdrawal must take effect at once
    response["X-Content-Type-Options"] = "nosniff"
    return response
