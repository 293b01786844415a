"""The access floor: which area a request is about, and which roles the visitor holds there.

`area_view` loads the area named in the URL, works out the visitor's roles in it and
refuses by default. The area model is named by settings.AREA_MODEL (as Django's auth names
its user model by AUTH_USER_MODEL), so this floor imports no app above it.

The roles are defined once, in core/roles.py. Which roles a user holds in an area is
answered by the apps that store them, each registering a *role source* here from its
AppConfig.ready(): accounts (Role rows, and the system admin) and participants (taking
part in the area). Which rows a role may see is not decided here but by QuerySet methods
on the model that owns the rows (`Ad.objects.visible_to(user, area)`,
`Participant.objects.registry(user, area)`, ...), used by pages, API, suggestions and
reports alike."""

from collections.abc import Callable, Iterable
from functools import wraps
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation

from .i18n import staff_language
from .roles import ADMIN, COORDINATOR, FUNDER, ORGANISATION, PARTICIPANT, STAFF_ROLES

__all__ = [
    "ADMIN",
    "COORDINATOR",
    "FUNDER",
    "ORGANISATION",
    "PARTICIPANT",
    "STAFF_ROLES",
    "area_model",
    "area_view",
    "is_staff_in",
    "register_role_source",
    "roles_in_area",
]

RoleSource = Callable[[object, object], Iterable[str]]
_role_sources: list[RoleSource] = []


def register_role_source(source: RoleSource) -> None:
    """Add a function (user, area) -> roles; called by apps in AppConfig.ready()."""
    if source not in _role_sources:
        _role_sources.append(source)


def area_model():
    return apps.get_model(settings.AREA_MODEL)


def roles_in_area(user, area) -> frozenset[str]:
    """The roles `user` holds in `area` (empty for anonymous visitors); asked once per
    request and area."""
    if not user.is_authenticated:
        return frozenset()
    cache = user.__dict__.setdefault("_tve_roles", {})
    if area.pk not in cache:
        roles: set[str] = set()
        for source in _role_sources:
            roles.update(source(user, area))
        cache[area.pk] = frozenset(roles)
    return cache[area.pk]


def is_staff_in(user, area) -> bool:
    """Whether `user` is a broker or coordinator of `area`."""
    return bool(roles_in_area(user, area) & STAFF_ROLES)


def sign_in_url(area, next_url: str) -> str:
    return reverse("accounts:sign_in", args=[area.slug]) + "?" + urlencode({"next": next_url})


def area_view(
    *, roles: Iterable[str] | None = None, login: bool = False
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view taking `area_slug`: sets `request.area` and `request.area_roles`.

    `login=True` sends anonymous visitors to the area's sign-in page. `roles` limits the
    view to those roles (anonymous visitors are sent to sign in, others get 403).

    A view whose roles leave out participants is a staff page (broker, coordinator,
    organisation, funder): it is answered in Dutch or English only (`core.i18n.
    staff_language`), whatever resident language the visitor reads the rest in.
    """
    allowed = frozenset(roles or ())
    staff_page = bool(allowed) and PARTICIPANT not in allowed

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, area_slug: str, *args, **kwargs):
            area = get_object_or_404(area_model(), slug=area_slug)
            request.area = area
            request.area_roles = roles_in_area(request.user, area)
            if (login or allowed) and not request.user.is_authenticated:
                return HttpResponseRedirect(sign_in_url(area, request.get_full_path()))
            if allowed and not (request.area_roles & allowed):
                raise PermissionDenied
            if staff_page:
                language = staff_language(translation.get_language())
                if language != translation.get_language():
                    translation.activate(language)
                    request.LANGUAGE_CODE = language
            return view(request, area, *args, **kwargs)

        wrapper.staff_page = staff_page
        return wrapper

    return decorator
