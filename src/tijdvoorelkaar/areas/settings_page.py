"""The coordinator's settings page: /<area>/makelaar/instellingen/ (coordinators only)."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core.access import COORDINATOR, area_view
from tijdvoorelkaar.core.forms import TrimmedCharField

from . import configuration
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
    new_category = TrimmedCharField(
        label=gettext_lazy("Nieuwe categorie"), max_length=80, required=False
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = categories
        for category in categories:
            self.fields[f"category_{category.pk}"] = TrimmedCharField(
                label=_("Categorie: %(name)s") % {"name": category.name},
                max_length=80,
                initial=category.name,
                help_text=(
                    _("Gebruikt door %(n)s advertentie(s); kan niet weg.") % {"n": category.n_ads}
                    if category.n_ads
                    else None
                ),
            )
            if not category.n_ads:
                self.fields[f"delete_{category.pk}"] = forms.BooleanField(
                    label=_("Categorie %(name)s verwijderen (geen advertenties)")
                    % {"name": category.name},
                    required=False,
                )
        # The new category last, after the existing ones.
        self.fields["new_category"] = self.fields.pop("new_category")


def _categories(area):
    from tijdvoorelkaar.marketplace.models import Category

    return list(
        Category.objects.filter(area=area).annotate(n_ads=Count("ads")).order_by("position", "name")
    )


@area_view(roles=[COORDINATOR])
def area_settings(request, area):
    categories = _categories(area)
    initial = {f: getattr(area, f) for f in configuration.SETTINGS_FIELDS}
    initial["domain"] = area.domain or ""
    form = AreaSettingsForm(request.POST or None, initial=initial, categories=categories)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # All or nothing: one refused change undoes the others.
            with transaction.atomic():
                changed = configuration.update_area_settings(
                    area, request.user, {f: data[f] for f in configuration.SETTINGS_FIELDS}
                )
                for category in categories:
                    if data.get(f"delete_{category.pk}"):
                        configuration.delete_category(area, request.user, category)
                        changed.append("categories")
                    elif data[f"category_{category.pk}"] != category.name:
                        configuration.rename_category(
                            area, request.user, category, data[f"category_{category.pk}"]
                        )
                        changed.append("categories")
                if data.get("new_category"):
                    configuration.add_category(area, request.user, data["new_category"])
                    changed.append("categories")
        except configuration.SettingsError as exc:
            area.refresh_from_db()
            form.add_error(None, str(exc))
        else:
            if changed:
                messages.success(request, _("De instellingen zijn opgeslagen."))
            else:
                messages.info(request, _("Er was niets veranderd."))
            return redirect("area_settings", area.slug)
    return render(request, "areas/settings.html", {"area": area, "form": form})
