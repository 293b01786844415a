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
