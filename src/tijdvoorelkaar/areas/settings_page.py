"""The coordinator's settings page: /<area>/makelaar/instellingen/ (coordinators only)."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core.access import COORDINATOR, area_view
from tijdvoorelkaar.core.forms import TrimmedCharField

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


@area_view(roles=[COORDINATOR])
def area_settings(request, area):
    sections = [section for section in hooks.settings_sections(area) if section is not None]
    initial = {f: getattr(area, f) for f in configuration.SETTINGS_FIELDS}
    initial["domain"] = area.domain or ""
    form = AreaSettingsForm(request.POST or None, initial=initial, sections=sections)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # All or nothing: one refused change undoes the others.
            with transaction.atomic():
                changed = configuration.update_area_settings(
                    area, request.user, {f: data[f] for f in configuration.SETTINGS_FIELDS}
                )
                for section in sections:
                    changed += section.apply(area, request.user, data)
        except configuration.SettingsError as exc:  # also a section's refusal
            area.refresh_from_db()
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            if changed:
                messages.success(request, _("De instellingen zijn opgeslagen."))
            else:
                messages.info(request, _("Er was niets veranderd."))
            return redirect("area_settings", area.slug)
    return render(request, "areas/settings.html", {"area": area, "form": form})
