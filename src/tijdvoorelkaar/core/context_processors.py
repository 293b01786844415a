from django.conf import settings

from .access import STAFF_ROLES


def site(request):
    area = getattr(request, "area", None)
    roles = getattr(request, "area_roles", frozenset())
    return {
        "area": area,
        "area_roles": roles,
        "is_area_staff": bool(roles & STAFF_ROLES),
        "privacy_version": settings.PRIVACY_STATEMENT_VERSION,
        # The language switch names each language in its own language, untranslated.
        "site_languages": settings.LANGUAGES,
    }
