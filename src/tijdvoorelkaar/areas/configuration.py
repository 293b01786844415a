"""What a coordinator may change about their own area: name, theme, way of matching,
limits, follow-up rhythm, time credits, own domain and categories. Plain functions with
explicit arguments; every change is written to the audit log (without content)."""

import re

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tijdvoorelkaar.core import audit
from tijdvoorelkaar.core.errors import ServiceError

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


class SettingsError(ServiceError):
    """A change we refuse; the message is meant for the coordinator (translated)."""


def clean_follow_up_days(value: str) -> str:
    parts = [p.strip() for p in (value or "").split(",") if p.strip()]
    if not parts or not all(p.isdigit() and 0 < int(p) <= 730 for p in parts):
        raise SettingsError(
            _(
                "Vul dagen in als hele getallen tussen 1 en 730, gescheiden door komma's, "
                "bijvoorbeeld: 14,91."
            ),
            field="follow_up_days",
        )
    return ",".join(str(d) for d in sorted({int(p) for p in parts}))


def clean_domain(value: str | None) -> str | None:
    value = (value or "").strip().lower().rstrip(".")
    value = re.sub(r"^https?://", "", value).split("/")[0]
    if not value:
        return None
    if not DOMAIN.match(value):
        raise SettingsError(
            _("Dit is geen geldige domeinnaam, zoals tijdvoorelkaar-breda.nl."), field="domain"
        )
    return value


@transaction.atomic
def update_area_settings(area: Area, coordinator, data: dict) -> list[str]:
    """Apply the coordinator's changes; returns the names of the changed fields."""
    data = dict(data)
    if data.get("theme") not in THEMES:
        raise SettingsError(_("Kies een van de thema's."), field="theme")
    if not (data.get("name") or "").strip():
        raise SettingsError(_("Geef het werkgebied een naam."), field="name")
    data["name"] = data["name"].strip()
    data["follow_up_days"] = clean_follow_up_days(data.get("follow_up_days", ""))
    data["domain"] = clean_domain(data.get("domain"))
    if data["domain"] and Area.objects.filter(domain=data["domain"]).exclude(pk=area.pk).exists():
        raise SettingsError(
            _("Dit domein is al in gebruik bij een ander werkgebied."), field="domain"
        )
    changed = [f for f in SETTINGS_FIELDS if f in data and getattr(area, f) != data[f]]
    for field in changed:
        setattr(area, field, data[field])
    if changed:
        try:
            with transaction.atomic():
                area.save(update_fields=changed)
        except IntegrityError:
            raise SettingsError(
                _("Dit domein is al in gebruik bij een ander werkgebied."), field="domain"
            ) from None
        audit.record(coordinator, "area_settings_changed", area, area, ",".join(changed))
    return changed
