"""The categories of an area (vraag en aanbod): added, renamed and removed by the
coordinator on the settings page (a section of areas/settings_page.py)."""

from django import forms
from django.db import transaction
from django.db.models import Count
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.areas.configuration import SettingsError
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.areas.settings_page import SettingsSection
from tijdvoorelkaar.core import audit
from tijdvoorelkaar.core.forms import TrimmedCharField

from .models import Category


class CategoryError(SettingsError):
    """A change to the categories that cannot be made; the message is for the user."""


def _category_slug(area: Area, name: str, exclude_pk=None) -> str:
    base = slugify(name)[:70]
    if not base:
        raise CategoryError(_("Een categorie heeft een naam met letters of cijfers nodig."))
    slug, n = base, 2
    while Category.objects.filter(area=area, slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def add_category(area: Area, coordinator, name: str):
    name = (name or "").strip()
    if not name:
        raise CategoryError(_("Geef de nieuwe categorie een naam."), field="new_category")
    if Category.objects.filter(area=area, name__iexact=name).exists():
        raise CategoryError(
            _("De categorie “%(name)s” bestaat al.") % {"name": name}, field="new_category"
        )
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
    name = (name or "").strip()
    if not name:
        raise CategoryError(_("Een categorie kan niet zonder naam."))
    if category.area_id != area.pk:
        raise CategoryError(_("Deze categorie hoort niet bij dit werkgebied."))
    if name == category.name:
        return category
    if Category.objects.filter(area=area, name__iexact=name).exclude(pk=category.pk).exists():
        raise CategoryError(_("De categorie “%(name)s” bestaat al.") % {"name": name})
    category.name = name[:80]
    category.save(update_fields=["name"])
    audit.record(coordinator, "category_renamed", category, area)
    return category


@transaction.atomic
def delete_category(area: Area, coordinator, category) -> None:
    """Only a category no ad uses can go; otherwise the ads would lose their category."""
    if category.area_id != area.pk:
        raise CategoryError(_("Deze categorie hoort niet bij dit werkgebied."))
    if category.ads.exists():
        raise CategoryError(
            _(
                "De categorie “%(name)s” wordt door advertenties gebruikt en kan "
                "niet weg. Geef haar eventueel een andere naam."
            )
            % {"name": category.name}
        )
    audit.record(coordinator, "category_deleted", category, area)
    category.delete()


# --- The categories' part of the coordinator's settings page --------------------------------


def _with_use(area: Area) -> list[Category]:
    return list(
        Category.objects.filter(area=area).annotate(n_ads=Count("ads")).order_by("position", "name")
    )


def settings_section(area: Area) -> SettingsSection:
    """Registered for areas.hooks.settings_sections: a field per category (its name, and
    a box to delete it when no ad uses it) and one for a new category."""
    categories = _with_use(area)
    fields: dict = {}
    for category in categories:
        fields[f"category_{category.pk}"] = TrimmedCharField(
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
            fields[f"delete_{category.pk}"] = forms.BooleanField(
                label=_("Categorie %(name)s verwijderen (geen advertenties)")
                % {"name": category.name},
                required=False,
            )
    fields["new_category"] = TrimmedCharField(
        label=gettext_lazy("Nieuwe categorie"), max_length=80, required=False
    )

    def apply(area: Area, coordinator, data: dict) -> list[str]:
        changed = []
        for category in categories:
            if data.get(f"delete_{category.pk}"):
                delete_category(area, coordinator, category)
                changed.append("categories")
            elif data[f"category_{category.pk}"] != category.name:
                rename_category(area, coordinator, category, data[f"category_{category.pk}"])
                changed.append("categories")
        if data.get("new_category"):
            add_category(area, coordinator, data["new_category"])
            changed.append("categories")
        return changed

    return SettingsSection(fields=fields, apply=apply)
