"""What a coordinator may change about their own area: name, theme, way of matching,
limits, follow-up rhythm, time credits, own domain and categories. Plain functions with
explicit arguments; every change is written to the audit log (without content)."""

import re

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from tijdvoorelkaar.core import audit

from .models import Area
from .themes import THEMES

DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
SETTINGS_FIELDS = (
    "name",
    "theme",
    "matching_mode",
    "max_support_conversations",
    "follow_up_days",
    "time_credits_enabled",
    "domain",
)


class SettingsError(ValueError):
    """A change we refuse; the message is Dutch and meant for the coordinator."""


def clean_follow_up_days(value: str) -> str:
    parts = [p.strip() for p in (value or "").split(",") if p.strip()]
    if not parts or not all(p.isdigit() and 0 < int(p) <= 730 for p in parts):
        raise SettingsError(
            "Vul dagen in als hele getallen tussen 1 en 730, gescheiden door komma's, "
            "bijvoorbeeld: 14,91."
        )
    return ",".join(str(d) for d in sorted({int(p) for p in parts}))


def clean_domain(value: str | None) -> str | None:
    value = (value or "").strip().lower().rstrip(".")
    value = re.sub(r"^https?://", "", value).split("/")[0]
    if not value:
        return None
    if not DOMAIN.match(value):
        raise SettingsError("Dit is geen geldige domeinnaam, zoals tijdvoorelkaar-breda.nl.")
    return value


@transaction.atomic
def update_area_settings(area: Area, coordinator, data: dict) -> list[str]:
    """Apply the coordinator's changes; returns the names of the changed fields."""
    data = dict(data)
    if data.get("theme") not in THEMES:
        raise SettingsError("Kies een van de thema's.")
    if not (data.get("name") or "").strip():
        raise SettingsError("Geef het werkgebied een naam.")
    data["name"] = data["name"].strip()
    data["follow_up_days"] = clean_follow_up_days(data.get("follow_up_days", ""))
    data["domain"] = clean_domain(data.get("domain"))
    if data["domain"] and Area.objects.filter(domain=data["domain"]).exclude(pk=area.pk).exists():
        raise SettingsError("Dit domein is al in gebruik bij een ander werkgebied.")
    changed = [f for f in SETTINGS_FIELDS if f in data and getattr(area, f) != data[f]]
    for field in changed:
        setattr(area, field, data[field])
    if changed:
        try:
            with transaction.atomic():
                area.save(update_fields=changed)
        except IntegrityError:
            raise SettingsError("Dit domein is al in gebruik bij een ander werkgebied.") from None
        audit.record(coordinator, "area_settings_changed", area, area, ",".join(changed))
    return changed


def _category_slug(area: Area, name: str, exclude_pk=None) -> str:
    from tijdvoorelkaar.marketplace.models import Category

    base = slugify(name)[:70]
    if not base:
        raise SettingsError("Een categorie heeft een naam met letters of cijfers nodig.")
    slug, n = base, 2
    while Category.objects.filter(area=area, slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def add_category(area: Area, coordinator, name: str):
    from tijdvoorelkaar.marketplace.models import Category

    name = (name or "").strip()
    if not name:
        raise SettingsError("Geef de nieuwe categorie een naam.")
    if Category.objects.filter(area=area, name__iexact=name).exists():
        raise SettingsError(f"De categorie \u201c{name}\u201d bestaat al.")
    last = Category.objects.filter(area=area).order_by("-position").first()
    category = Category.objects.create(
        area=area,
        name=name[:80],
        slug=_category_slug(area, name),
        position=(last.position + 1) if last else 0,
    )
    audit.record(coordinator, "category_added", category, area)
    return category


@transaction.atomic
def rename_category(area: Area, coordinator, category, name: str):
    """Rename; the slug stays, so links and saved searches keep working."""
    from tijdvoorelkaar.marketplace.models import Category

    name = (name or "").strip()
    if not name:
        raise SettingsError("Een categorie kan niet zonder naam.")
    if category.area_id != area.pk:
        raise SettingsError("Deze categorie hoort niet bij dit werkgebied.")
    if name == category.name:
        return category
    if Category.objects.filter(area=area, name__iexact=name).exclude(pk=category.pk).exists():
        raise SettingsError(f"De categorie \u201c{name}\u201d bestaat al.")
    category.name = name[:80]
    category.save(update_fields=["name"])
    audit.record(coordinator, "category_renamed", category, area)
    return category


@transaction.atomic
def delete_category(area: Area, coordinator, category) -> None:
    """Only a category no ad uses can go; otherwise the ads would lose their category."""
    if category.area_id != area.pk:
        raise SettingsError("Deze categorie hoort niet bij dit werkgebied.")
    if category.ads.exists():
        raise SettingsError(
            f"De categorie \u201c{category.name}\u201d wordt door advertenties gebruikt en "
            "kan niet weg. Geef haar eventueel een andere naam."
        )
    audit.record(coordinator, "category_deleted", category, area)
    category.delete()
