from functools import partial

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.core.access import STAFF_ROLES, area_view, is_staff_in
from tijdvoorelkaar.core.formviews import handle_button, handle_form, render_form
from tijdvoorelkaar.participants.models import Participant

from . import services
from .forms import StoryConsentForm, StoryForm
from .models import Story, StoryConsent


def _story_url(area, story) -> str:
    return reverse("stories:story", args=[area.slug, story.pk])


def _posted_pk(request, name: str) -> int:
    """A number posted in a hidden field; 0 (matches nothing) when it is not a number."""
    raw = request.POST.get(name) or ""
    return int(raw) if raw.isdigit() else 0


@area_view(roles=STAFF_ROLES)
def stories(request, area):
    form = StoryForm(
        request.POST or None,
        request.FILES or None,
        registry=Participant.objects.registry(request.user, area),
    )
    done = handle_form(
        request,
        form,
        lambda data: services.write_story(
            area=area,
            actor=request.user,
            title=data["title"],
            body=data["body"],
            participants=data["participants"],
            photo=data.get("photo"),
            photo_alt=data.get("photo_alt", ""),
        ),
        success=lambda story: _story_url(area, story),
        message=_("Het verhaal is opgeslagen. Leg nu de toestemming van iedereen vast."),
    )
    return done or render_form(
        request,
        "stories/stories.html",
        {
            "form": form,
            "stories": Story.objects.manageable_by(request.user, area).prefetch_related(
                "consents__participant__user"
            ),
        },
        form,
    )


def _consent_action(request, area, story, action):
    """Give or withdraw one named participant's consent on their behalf (the broker heard
    it in person, by phone, email or on paper). A redirect when done, else the bound
    form of that participant with its errors."""
    consent = get_object_or_404(story.consents, pk=_posted_pk(request, "consent"))
    form = StoryConsentForm(request.POST, prefix=f"c{consent.pk}", withdraw=action == "intrekken")
    if action == "toestemming":
        service, message = services.give_story_consent, _("De toestemming is vastgelegd.")
    else:
        service = services.withdraw_story_consent
        message = _("De toestemming is ingetrokken en het verhaal is offline.")
    done = handle_form(
        request,
        form,
        lambda data: service(
            story=story,
            participant=consent.participant,
            actor=request.user,
            channel=data["channel"],
        ),
        success=_story_url(area, story),
        message=message,
    )
    return done, form


def _site_action(story, action, actor) -> str:
    """Publish the story or take it down; the message to show."""
    if action == "publiceren":
        services.publish_story(story=story, actor=actor)
        return _("Het verhaal staat op de startpagina.")
    if action == "offline":
        services.take_down_story(story=story, actor=actor)
        return _("Het verhaal staat niet meer op de site.")
    raise services.StoryError(_("Onbekende actie."))


@area_view(roles=STAFF_ROLES)
def story(request, area, pk):
    """A story with the consent of each named participant, and publishing it."""
    item = get_object_or_404(Story.objects.manageable_by(request.user, area), pk=pk)
    action = request.POST.get("action") if request.method == "POST" else None
    bound, error = None, None
    if action in ("toestemming", "intrekken"):
        done, bound = _consent_action(request, area, item, action)
        if done:
            return done
    elif request.method == "POST":
        try:
            message = _site_action(item, action, request.user)
        except services.StoryError as exc:
            error = exc.message
        else:
            messages.success(request, message)
            return redirect(_story_url(area, item))
    item.refresh_from_db()
    rows = [
        (
            consent,
            bound
            if bound is not None and bound.prefix == f"c{consent.pk}"
            else StoryConsentForm(prefix=f"c{consent.pk}", withdraw=consent.valid),
        )
        for consent in item.consents.select_related("participant__user")
    ]
    return render(
        request,
        "stories/story.html",
        {
            "story": item,
            "rows": rows,
            "error": error,
            "public": services.public_stories(area).filter(pk=item.pk).exists(),
        },
        status=400 if error or (bound is not None and bound.errors) else 200,
    )


@area_view(login=True)
def my_stories(request, area):
    """A participant sees the stories they are named in, gives or withdraws consent."""
    consents = StoryConsent.objects.own(request.user, area)
    if request.method == "POST":
        back = reverse("stories:my_stories", args=[area.slug])
        consent = consents.filter(pk=_posted_pk(request, "consent")).first()
        if consent is None:
            messages.error(request, _("Dit verhaal gaat niet over u."))
            return redirect(back)
        run, message = _my_consent(request, consent, request.POST.get("action") == "intrekken")
        return handle_button(request, run, back=back, message=message)
    return render(
        request,
        "stories/my_stories.html",
        {"consents": consents.order_by("-story__created_at")},
    )


def _my_consent(request, consent, withdraw: bool):
    """The participant's own button under a story: the service and its message."""
    mine = {"story": consent.story, "participant": consent.participant, "actor": request.user}
    if withdraw:
        return (
            partial(services.withdraw_story_consent, **mine),
            _("Uw toestemming is ingetrokken. Het verhaal staat niet meer op de site."),
        )
    return (
        partial(services.give_story_consent, **mine, channel=StoryConsent.Channel.ONLINE),
        _("Dank u. De sociaal makelaar zet het verhaal op de site als iedereen akkoord is."),
    )


@area_view()
def story_photo(request, area, pk):
    """A story's photo: for everyone while the story is public, for the area's staff
    always; otherwise 404, so withdrawing consent takes the photo down too."""
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
