"""Creating and changing areas (werkgebieden)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tijdvoorelkaar.core.errors import ServiceError

from . import hooks
from .models import RESERVED_SLUGS, Area, Neighbourhood


class AreaError(ServiceError):
    """A request about an area that cannot be carried out; the message is for the person
    who asked (translated)."""


@dataclass(frozen=True)
class NeighbourhoodSpec:
    slug: str
    name: str
    latitude: float | None = None
    longitude: float | None = None


def name_from_slug(slug: str) -> str:
    return " ".join(part.capitalize() for part in slug.split("-"))


def validate_area_slug(slug: str) -> str:
    clean = slugify(slug)
    if not clean or clean != slug:
        raise AreaError(
            _("'%(slug)s' is geen geldige korte naam: gebruik kleine letters, cijfers en -.")
            % {"slug": slug}
        )
    if clean in RESERVED_SLUGS:
        raise AreaError(
            _("'%(slug)s' is gereserveerd en kan geen werkgebied zijn.") % {"slug": slug}
        )
    return clean


@transaction.atomic
def create_area(
    slug: str, name: str, neighbourhoods: list[NeighbourhoodSpec] | None = None
) -> tuple[Area, bool]:
    """Create the area, or update its name; add missing neighbourhoods. Idempotent."""
    slug = validate_area_slug(slug)
    if not name.strip():
        raise AreaError(_("Geef het werkgebied een naam."))
    area, created = Area.objects.get_or_create(slug=slug, defaults={"name": name.strip()})
    if not created and area.name != name.strip():
        area.name = name.strip()
        area.save(update_fields=["name"])
    for spec in neighbourhoods or []:
        nb_slug = slugify(spec.slug)
        if not nb_slug:
            raise AreaError(
                _("'%(slug)s' is geen geldige korte naam voor een buurt.") % {"slug": spec.slug}
            )
        nb, nb_created = Neighbourhood.objects.get_or_create(
            area=area,
            slug=nb_slug,
            defaults={
                "name": spec.name,
                "latitude": spec.latitude,
                "longitude": spec.longitude,
            },
        )
        if not nb_created and spec.latitude is not None and nb.latitude is None:
            nb.latitude, nb.longitude = spec.latitude, spec.longitude
            nb.save(update_fields=["latitude", "longitude"])
    hooks.area_created(area)  # e.g. the default categories (marketplace)
    return area, created
