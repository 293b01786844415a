"""The access layer: who may do what in which area.

Every view that touches an area goes through `area_view`, which loads the area from the
URL, works out the current user's roles there and refuses by default. Queries for
participant data go through the helpers here, never through hand-written filters in views.
"""

from collections.abc import Callable, Iterable
from functools import wraps
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from tijdvoorelkaar.areas.models import Area

PARTICIPANT = "participant"
ORGANISATION = "organisation"
BROKER = "broker"
COORDINATOR = "coordinator"
FUNDER = "funder"
ADMIN = "admin"
STAFF_ROLES = frozenset({BROKER, COORDINATOR})


def roles_in_area(user, area: Area) -> frozenset[str]:
    """The roles `user` holds in `area` (empty for anonymous visitors)."""
    if not user.is_authenticated:
        return frozenset()
    cache = user.__dict__.setdefault("_tve_roles", {})
    if area.pk not in cache:
        from tijdvoorelkaar.accounts.models import Role
        from tijdvoorelkaar.participants.models import Participant

        roles = set(Role.objects.filter(user=user, area=area).values_list("kind", flat=True))
        if Participant.objects.filter(user=user, area=area).exists():
            roles.add(PARTICIPANT)
        if user.is_superuser:
            roles.add(ADMIN)
        cache[area.pk] = frozenset(roles)
    return cache[area.pk]


def is_staff_in(user, area: Area) -> bool:
    return bool(roles_in_area(user, area) & STAFF_ROLES)


def sign_in_url(area: Area, next_url: str) -> str:
    return reverse("accounts:sign_in", args=[area.slug]) + "?" + urlencode({"next": next_url})


def area_view(
    *, roles: Iterable[str] | None = None, login: bool = False
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view taking `area_slug`: sets `request.area` and `request.area_roles`.

    `login=True` sends anonymous visitors to the area's sign-in page. `roles` limits the
    view to those roles (anonymous visitors are sent to sign in, others get 403).
    """
    allowed = frozenset(roles or ())

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, area_slug: str, *args, **kwargs):
            area = get_object_or_404(Area, slug=area_slug)
            request.area = area
            request.area_roles = roles_in_area(request.user, area)
            if (login or allowed) and not request.user.is_authenticated:
                return HttpResponseRedirect(sign_in_url(area, request.get_full_path()))
            if allowed and not (request.area_roles & allowed):
                raise PermissionDenied
            return view(request, area, *args, **kwargs)

        return wrapper

    return decorator


# --- Participant data -------------------------------------------------------------------


def participant_of(user, area: Area):
    """The user's Participant record in `area`, or None."""
    if not user.is_authenticated:
        return None
    from tijdvoorelkaar.participants.models import Participant

    return Participant.objects.filter(area=area, user=user).first()


def visible_ads(user, area: Area, *, include_own: bool = True):
    """Ads of `area` that `user` may see in listings and on ad pages.

    Anonymous visitors see public ads; participants of the area also those for signed-in
    participants; the area's brokers and coordinators see all, including those for the
    broker only. Ads hidden after a report are seen by staff and by their owner only."""
    from django.db.models import Q

    from tijdvoorelkaar.marketplace.models import Ad
    from tijdvoorelkaar.participants.models import Visibility

    roles = roles_in_area(user, area)
    qs = Ad.objects.filter(area=area)
    if roles & STAFF_ROLES:
        return qs
    allowed = [Visibility.PUBLIC]
    if PARTICIPANT in roles:
        allowed.append(Visibility.PARTICIPANTS)
    condition = Q(visibility__in=allowed, hidden_for_review=False)
    if include_own and PARTICIPANT in roles:
        condition |= Q(owner__user=user)
    return qs.filter(condition)


def can_see_profile(user, participant) -> bool:
    """Whether `user` may open `participant`'s personal page (their own choice decides)."""
    from tijdvoorelkaar.participants.models import Visibility

    roles = roles_in_area(user, participant.area)
    if roles & STAFF_ROLES or (user.is_authenticated and participant.user_id == user.pk):
        return True
    if participant.profile_visibility == Visibility.PUBLIC:
        return True
    if participant.profile_visibility == Visibility.PARTICIPANTS:
        return PARTICIPANT in roles
    return False


def conversations_for(user, area: Area):
    """Conversations the user takes part in; brokers of an area whose reactions go
    through the broker see all of the area's conversations."""
    from django.db.models import Q

    from tijdvoorelkaar.marketplace.models import Conversation

    roles = roles_in_area(user, area)
    qs = Conversation.objects.filter(area=area)
    if roles & STAFF_ROLES and area.matching_mode == Area.MatchingMode.BROKER:
        return qs
    if not user.is_authenticated:
        return qs.none()
    return qs.filter(Q(initiator__user=user) | Q(owner__user=user))


# --- The broker's workspace ---------------------------------------------------------------


def registry_for(user, area: Area):
    """Participants of `area` in the broker's registry: all of them for the area's brokers
    and coordinators, none for anyone else."""
    from tijdvoorelkaar.participants.models import Participant

    qs = Participant.objects.filter(area=area)
    if not is_staff_in(user, area):
        return qs.none()
    return qs.select_related("user", "neighbourhood", "assigned_broker")


def registry_participant_or_404(user, area: Area, pk):
    """One participant of `area` for its staff; 404 for other areas and other roles."""
    return get_object_or_404(registry_for(user, area), pk=pk)


def brokers_of(area: Area):
    """Users holding the broker role in `area` (for handover and task assignment)."""
    from tijdvoorelkaar.accounts.models import Role, User

    return User.objects.filter(
        roles__area=area, roles__kind=Role.Kind.BROKER, is_active=True
    ).order_by("first_name", "last_name")


def workspace_tasks_for(user, area: Area):
    """Tasks of `area` the user may see: all of the area's tasks for its staff."""
    from tijdvoorelkaar.workspace.models import Task

    qs = Task.objects.filter(area=area)
    if not is_staff_in(user, area):
        return qs.none()
    return qs.select_related("participant__user", "assignee")


def can_read_confidential(user, area: Area) -> bool:
    """Confidential notes and background: the area's brokers and coordinators only."""
    return is_staff_in(user, area)


def mediations_for(user, area: Area):
    """Mediations of `area` the user may see: all for the area's brokers and coordinators,
    their own (as requester or provider) for a participant, none for anyone else."""
    from django.db.models import Q

    from tijdvoorelkaar.mediations.models import Mediation

    roles = roles_in_area(user, area)
    qs = Mediation.objects.filter(area=area)
    if roles & STAFF_ROLES:
        return qs
    if PARTICIPANT in roles:
        return qs.filter(Q(requester__user=user) | Q(provider__user=user))
    return qs.none()


# --- Roosjes (time credits, optional per area) ---------------------------------------------


def credits_enabled_or_404(area: Area) -> None:
    """Every Roosjes page is a 404 while the area has time credits switched off."""
    from django.http import Http404

    if not area.time_credits_enabled:
        raise Http404


def own_thank_yous(user, area: Area):
    """Thank-yous the user sent or received as a participant of `area`; nobody else's."""
    from django.db.models import Q

    from tijdvoorelkaar.credits.models import ThankYou

    if not user.is_authenticated:
        return ThankYou.objects.none()
    return ThankYou.objects.filter(area=area).filter(Q(sender__user=user) | Q(receiver__user=user))


def credit_transfers_for(user, area: Area):
    """Roosjes bookings of `area`: all for its brokers and coordinators, none otherwise."""
    from tijdvoorelkaar.credits.models import Transfer

    qs = Transfer.objects.filter(area=area)
    return qs if is_staff_in(user, area) else qs.none()


def credit_organisations_for(user, area: Area):
    """Organisations the user may act for: all of the area's for its staff, those the user
    is a contact of for organisation contacts, none otherwise."""
    from tijdvoorelkaar.credits.models import CreditOrganisation

    qs = CreditOrganisation.objects.filter(area=area)
    if is_staff_in(user, area):
        return qs
    if ORGANISATION in roles_in_area(user, area):
        return qs.filter(contacts=user)
    return qs.none()


def credit_recipients_for(user, area: Area):
    """Participants the user may book Roosjes for (by name, never with a balance): the
    area's staff, and contacts of one of the area's organisations."""
    from tijdvoorelkaar.participants.models import Participant

    qs = Participant.objects.filter(area=area).select_related("user")
    if is_staff_in(user, area) or credit_organisations_for(user, area).exists():
        return qs.order_by("user__first_name", "user__last_name", "pk")
    return qs.none()


# --- Reports ------------------------------------------------------------------------------


def report_view_for(user, area: Area) -> str | None:
    """How `user` may see the period reports of `area`: "full" for its brokers and
    coordinators, "aggregate" for its funders (cells under 5 shown as "<5", no names),
    None for anyone else (participants, organisations, other areas)."""
    roles = roles_in_area(user, area)
    if roles & STAFF_ROLES:
        return "full"
    if FUNDER in roles:
        return "aggregate"
    return None


# --- Organisations (issue O) --------------------------------------------------------------


def organisations_managed_by(user, area: Area):
    """Organisations of `area` the user acts for: all for its brokers and coordinators,
    those the user is a contact person of for organisation contacts, none otherwise."""
    from tijdvoorelkaar.organisations.models import Organisation

    qs = Organisation.objects.filter(area=area)
    if is_staff_in(user, area):
        return qs
    if ORGANISATION in roles_in_area(user, area):
        return qs.filter(contacts__user=user).distinct()
    return qs.none()


def organisation_managed_or_404(user, area: Area, slug: str):
    return get_object_or_404(organisations_managed_by(user, area), slug=slug)


def incoming_referrals_for(user, area: Area):
    """Referrals into `area`: all for its staff, those they made for organisation
    contacts (without what happened next), none otherwise."""
    from tijdvoorelkaar.organisations.models import IncomingReferral

    qs = IncomingReferral.objects.filter(area=area)
    if is_staff_in(user, area):
        return qs.select_related("participant__user", "organisation")
    if ORGANISATION in roles_in_area(user, area):
        return qs.filter(referred_by=user)
    return qs.none()


def pending_referrals_for(user, area: Area):
    """Referrals waiting in the broker's inbox (staff of `area` only), oldest first."""
    from tijdvoorelkaar.organisations.models import IncomingReferral

    if not is_staff_in(user, area):
        return IncomingReferral.objects.none()
    return (
        IncomingReferral.objects.filter(area=area, status=IncomingReferral.Status.PENDING)
        .select_related("neighbourhood")
        .order_by("created_at", "pk")
    )


# --- Success stories (issue O) ------------------------------------------------------------


def stories_for(user, area: Area):
    """Stories of `area` to manage (drafts, consents, taken down): all for its staff,
    none otherwise. What the public sees is organisations.services.public_stories."""
    from tijdvoorelkaar.organisations.models import Story

    qs = Story.objects.filter(area=area)
    return qs if is_staff_in(user, area) else qs.none()


def own_story_consents(user, area: Area):
    """The stories the user is named in as a participant of `area`, to consent or
    withdraw; nobody else's."""
    from tijdvoorelkaar.organisations.models import StoryConsent

    if not user.is_authenticated:
        return StoryConsent.objects.none()
    return StoryConsent.objects.filter(
        story__area=area, participant__area=area, participant__user=user
    ).select_related("story", "participant")


def visible_profile_or_404(user, area: Area, pk):
    """A participant of `area` whose personal page (and so their profile photo) `user` may
    see, by the participant's own visibility choice; 404 for anyone else and other areas."""
    from django.http import Http404

    from tijdvoorelkaar.participants.models import Participant

    participant = get_object_or_404(
        Participant.objects.select_related("user", "neighbourhood", "area"), pk=pk, area=area
    )
    if not can_see_profile(user, participant):
        raise Http404
    return participant
