import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.participants.models import Visibility

from .models import AVAILABILITY_SLOTS, DAYS, PARTS_OF_DAY, Ad, Category


def new_submission_token() -> str:
    return uuid.uuid4().hex


class SubmissionTokenMixin(forms.Form):
    """A hidden token per rendered form, so a double click makes one thing, not two."""

    submission_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_token", new_submission_token())


class AvailabilityWidget(forms.CheckboxSelectMultiple):
    template_name = "marketplace/widgets/availability.html"
    renders_own_group = True

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = set(value or [])
        base_id = (attrs or {}).get("id", f"id_{name}")
        context["rows"] = [
            {
                "day": day_label,
                "cells": [
                    {
                        "value": f"{day}-{part}",
                        "label": f"{day_label} {part_label}",
                        "checked": f"{day}-{part}" in chosen,
                        "id": f"{base_id}_{day}_{part}",
                    }
                    for part, part_label in PARTS_OF_DAY
                ],
            }
            for day, day_label in DAYS
        ]
        context["parts"] = [label for _p, label in PARTS_OF_DAY]
        return context


# Who may read an ad, in words a resident understands; the default is the neighbours who
# take part (signed in), never the open internet.
AD_VISIBILITY_CHOICES = [
    (Visibility.PARTICIPANTS, _("Alleen buurtbewoners die meedoen (aangeraden)")),
    (Visibility.PUBLIC, _("Iedereen op internet")),
    (Visibility.BROKERS, _("Alleen de sociaal makelaar")),
]
AD_VISIBILITY_HELP = _(
    "Buurtbewoners die meedoen moeten eerst inloggen; kiest u iedereen, dan kan ook iemand "
    "buiten de buurt of een zoekmachine het lezen."
)


class AdForm(SubmissionTokenMixin, forms.ModelForm):
    title = TrimmedCharField(
        label=_("Titel"),
        max_length=120,
        help_text=_("Kort en duidelijk, bijvoorbeeld: Wie wil mijn hond uitlaten?"),
        error_messages={
            "required": _("Geef uw advertentie een titel."),
            "max_length": _("De titel mag hoogstens 120 tekens hebben (nu %(show_value)d)."),
        },
    )
    description = TrimmedCharField(
        label=_("Omschrijving"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Wat is er nodig of wat kunt u doen? Zet hier geen adres, telefoonnummer "
            "of gezondheidsinformatie in."
        ),
        error_messages={
            "max_length": _(
                "De omschrijving mag hoogstens 2000 tekens hebben "
                "(nu %(show_value)d). Maak hem wat korter."
            )
        },
    )
    availability = forms.MultipleChoiceField(
        label=_("Wanneer kan het?"),
        required=False,
        widget=AvailabilityWidget,
        choices=[(s, s) for s in AVAILABILITY_SLOTS],
    )

    class Meta:
        model = Ad
        fields = [
            "title",
            "description",
            "category",
            "neighbourhood",
            "frequency",
            "duration",
            "availability",
            "visibility",
        ]
        widgets = {
            "frequency": forms.RadioSelect,
            "duration": forms.RadioSelect,
            "visibility": forms.RadioSelect,
        }
        labels = {
            "category": _("Categorie"),
            "neighbourhood": _("Buurt"),
            "frequency": _("Hoe vaak?"),
            "duration": _("Hoe lang duurt het ongeveer?"),
            "visibility": _("Wie mag dit zien?"),
        }
        error_messages = {
            "category": {
                "required": _("Kies een categorie."),
                "invalid_choice": _("Kies een categorie uit de lijst."),
            },
            "neighbourhood": {"invalid_choice": _("Kies een buurt uit de lijst.")},
        }

    def __init__(self, *args, area, on_behalf=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(area=area)
        self.fields["category"].empty_label = _("Kies een categorie")
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(area=area)
        self.fields["neighbourhood"].empty_label = _("Niet van belang")
        self.fields["visibility"].choices = AD_VISIBILITY_CHOICES
        self.fields["visibility"].help_text = AD_VISIBILITY_HELP
        for name in ("frequency", "duration", "visibility"):
            self.fields[name].required = True
        if on_behalf:
            self.fields["public_consent"] = forms.BooleanField(
                label=_("De bewoner wil dat iedereen op internet dit kan lezen"),
                required=False,
                help_text=_("Alleen nodig als u kiest: iedereen op internet."),
            )

    def clean(self):
        data = super().clean()
        if (
            "public_consent" in self.fields
            and data.get("visibility") == Visibility.PUBLIC
            and not data.get("public_consent")
        ):
            self.add_error(
                "public_consent",
                _(
                    "Vraag eerst of de bewoner het goed vindt dat iedereen op internet dit "
                    "leest, of kies: alleen buurtbewoners die meedoen."
                ),
            )
        data.pop("public_consent", None)
        return data


class ReactionForm(SubmissionTokenMixin):
    body = TrimmedCharField(
        label=_("Uw bericht"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Stel uzelf kort voor. Uw e-mailadres en telefoonnummer blijven verborgen."),
        error_messages={
            "required": _("Schrijf een kort bericht bij uw reactie."),
            "max_length": _("Uw bericht mag hoogstens 2000 tekens hebben (nu %(show_value)d)."),
        },
    )


class MessageForm(SubmissionTokenMixin):
    body = TrimmedCharField(
        label=_("Uw bericht"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Uw bericht is leeg. Schrijf eerst iets."),
            "max_length": _("Uw bericht mag hoogstens 2000 tekens hebben (nu %(show_value)d)."),
        },
    )


class ReportForm(forms.Form):
    reason = TrimmedCharField(
        label=_("Waarom meldt u dit?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De sociaal makelaar kijkt ernaar. Tot dan is het verborgen."),
        error_messages={
            "required": _("Schrijf kort op waarom u dit meldt."),
            "max_length": _("Hoogstens 1000 tekens (nu %(show_value)d)."),
        },
    )


class SearchForm(forms.Form):
    hide_optional = True  # every filter is optional; saying so four times is noise
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=200)
    soort = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[
            ("", _("Vraag en aanbod")),
            ("vraag", _("Vragen")),
            ("aanbod", _("Aanbod")),
            ("vacature", _("Vacatures")),
        ],
    )
    categorie = forms.ChoiceField(label=_("Categorie"), required=False)
    buurt = forms.ChoiceField(label=_("Buurt"), required=False)

    def __init__(self, *args, area, categories, neighbourhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categorie"].choices = [("", _("Alle categorieën"))] + [
            (c.slug, c.name) for c in categories
        ]
        self.fields["buurt"].choices = [("", _("Alle buurten"))] + [
            (n.slug, n.name) for n in neighbourhoods
        ]
        self.auto_id = "id_zoek_%s"
