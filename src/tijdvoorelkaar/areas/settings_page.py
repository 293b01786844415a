"""The coordinator's settings page: /<area>/makelaar/instellingen/ (coordinators only)."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core.access import COORDINATOR, area_view
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.core.formviews import handle_form, render_form

from . import configuration, hooks
from .models import Area
from .themes import THEMES


class AreaSettingsForm(forms.Form):
    name = TrimmedCharField(label=gettext_lazy("Naam van het werkgebied"), max_length=120)
    theme = forms.ChoiceField(
        label=gettext_lazy("Thema (kleuren)"),
        choices=list(THEMES.items()),
        widget=forms.RadioSelect,
    )
    matching_mode = forms.ChoiceField(
        label=gettext_lazy("Manier van koppelen"),
        choices=Area.MatchingMode.choices,
        widget=forms.RadioSelect,
    )
    max_support_conversations = forms.IntegerField(
        label=gettext_lazy("Maximum aantal ondersteuningsgesprekken per deelnemer"),
        min_value=1,
        max_value=50,
    )
    follow_up_days = TrimmedCharField(
        label=gettext_lazy("Nazorg na (dagen, met komma's)"),
        max_length=60,
        help_text=gettext_lazy("Bijvoorbeeld 14,91: na twee weken en na drie maanden bellen."),
    )
    time_credits_enabled = forms.BooleanField(
        label=gettext_lazy("Roosjes (tijdtegoed) aan"), required=False
    )
    domain = TrimmedCharField(
        label=gettext_lazy("Eigen domeinnaam"),
        max_length=253,
        required=False,
        help_text=gettext_lazy(
            "Bijvoorbeeld tijdvoorelkaar-breda.nl. De beheerder van de server moet dit domein "
            "ook instellen. Leeg laten als u dat niet weet."
        ),
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        for section in sections:
            self.fields.update(section.fields)


@dataclass
class SettingsSection:
    """A part of the settings page from an app above areas (areas.hooks.settings_sections):
    its form fields, and `apply(area, coordinator, cleaned_data) -> changed names`, run in
    the page's one transaction (raising configuration.SettingsError, or a subclass, with
    a message for the coordinator undoes every change of the page)."""

    fields: dict
    apply: Callable


def _save_page(area, coordinator, sections, data) -> list:
    """Every change of the page in one transaction: one refused change (a SettingsError,
    or another app's ServiceError from its section) undoes the others."""
    try:
        with transaction.atomic():
            changed = configuration.update_area_settings(
                area, coordinator, {f: data[f] for f in configuration.SETTINGS_FIELDS}
            )
            for section in sections:
                changed += section.apply(area, coordinator, data)
    except ServiceError:
        area.refresh_from_db()  # the page shows what is stored, not the refused values
        raise
    return changed


def _saved(changed):
    if changed:
        return _("De instellingen zijn opgeslagen.")
    return [(messages.INFO, _("Er was niets veranderd."))]


@area_view(roles=[COORDINATOR])
def area_settings(request, area):
    sections = [section for section in hooks.settings_sections(area) if section is not None]
    initial = {f: getattr(area, f) for f in configuration.SETTINGS_FIELDS}
    initial["domain"] = area.domain or ""
    form = AreaSettingsForm(request.POST or None, initial=initial, sections=sections)
    done = handle_form(
        request,
        form,
        lambda data: _save_page(area, request.user, sections, data),
        success=reverse("area_settings", args=[area.slug]),
        message=_saved,
    )
    return done or render_form(request, "areas/settings.html", {"area": area, "form": form}, form)
