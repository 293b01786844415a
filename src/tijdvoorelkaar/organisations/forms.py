from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.marketplace.forms import AdForm
from tijdvoorelkaar.participants.models import Visibility
from tijdvoorelkaar.workspace.forms import DATE_ERRORS, DateInput

from .models import Organisation, SocialMapEntry


class OrganisationForm(forms.ModelForm):
    name = TrimmedCharField(
        label=_("Naam"), max_length=120, error_messages={"required": _("Vul de naam in.")}
    )

    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een volledig webadres in, bijvoorbeeld https://...")},
    )

    class Meta:
        model = Organisation
        fields = ["name", "kind", "description", "address", "phone", "email", "website"]
        labels = {
            "kind": _("Soort organisatie"),
            "description": _("Over de organisatie"),
            "address": _("Adres van de organisatie"),
            "phone": _("Telefoonnummer van de organisatie"),
            "email": _("Algemeen e-mailadres"),
            "website": _("Website"),
        }
        error_messages = {
            "kind": {"required": _("Kies de soort organisatie.")},
            "email": {"invalid": _("Dit is geen geldig e-mailadres.")},
            "website": {"invalid": _("Vul een volledig webadres in, met https://.")},
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ContactForm(forms.Form):
    first_name = TrimmedCharField(
        label=_("Voornaam"), max_length=80, error_messages={"required": _("Vul de voornaam in.")}
    )
    last_name = TrimmedCharField(label=_("Achternaam"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("E-mailadres (om in te loggen)"),
        error_messages={
            "required": _("Vul het e-mailadres in."),
            "invalid": _("Dit is geen geldig e-mailadres."),
        },
    )


class VacancyForm(AdForm):
    """A vacancy is an ad with the same fields; it is for everyone or for signed-in
    participants (a vacancy only the broker sees makes no sense)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = [
            (Visibility.PUBLIC, Visibility.PUBLIC.label),
            (Visibility.PARTICIPANTS, Visibility.PARTICIPANTS.label),
        ]
        self.fields["visibility"].label = _("Wie mag deze vacature zien?")
        self.initial.setdefault("visibility", Visibility.PUBLIC)


class ReferralForm(forms.Form):
    first_name = TrimmedCharField(
        label=_("Voornaam van de bewoner"),
        max_length=80,
        error_messages={"required": _("Vul de voornaam van de bewoner in.")},
    )
    last_name = TrimmedCharField(
        label=_("Achternaam van de bewoner"), max_length=120, required=False
    )
    phone = TrimmedCharField(
        label=_("Telefoonnummer van de bewoner"),
        max_length=30,
        required=False,
        help_text=_("De sociaal makelaar belt de bewoner om kennis te maken."),
    )
    email = forms.EmailField(
        label=_("E-mailadres van de bewoner"),
        required=False,
        help_text=_("Niet nodig; laat leeg als de bewoner geen e-mail heeft."),
        error_messages={"invalid": _("Dit is geen geldig e-mailadres.")},
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Buurt"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("Onbekend"),
    )
    reason = TrimmedCharField(
        label=_("Waar zou de bewoner bij TijdVoorElkaar iets aan hebben?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Schrijf hier geen medische gegevens; die zijn niet nodig."),
        error_messages={"max_length": _("Hoogstens 1000 tekens (nu %(show_value)d).")},
    )
    organisation_name = TrimmedCharField(
        label=_("Uw organisatie"),
        max_length=120,
        error_messages={"required": _("Vul de naam van uw organisatie in.")},
    )
    referrer_name = TrimmedCharField(
        label=_("Uw naam"), max_length=120, error_messages={"required": _("Vul uw naam in.")}
    )
    referrer_email = forms.EmailField(
        label=_("Uw e-mailadres"),
        required=False,
        error_messages={"invalid": _("Dit is geen geldig e-mailadres.")},
    )
    referrer_phone = TrimmedCharField(label=_("Uw telefoonnummer"), max_length=30, required=False)
    resident_consent = forms.BooleanField(
        label=_("De bewoner weet van deze doorverwijzing en vindt het goed"),
        error_messages={
            "required": _("Verwijs alleen door als de bewoner ermee instemt. Vink dit aan.")
        },
    )
    feedback_consent = forms.BooleanField(
        label=_(
            "De bewoner vindt het goed dat wij de verwijzer laten weten dat de kennismaking "
            "heeft plaatsgevonden"
        ),
        required=False,
    )

    def __init__(self, *args, area, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(area=area)
        if organisation is not None:
            del self.fields["organisation_name"]

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email"):
            self.add_error(
                "phone",
                _("Vul een telefoonnummer of e-mailadres in, zodat wij de bewoner bereiken."),
            )
        if data.get("feedback_consent") and not data.get("referrer_email"):
            self.add_error(
                "referrer_email",
                _("Vul uw e-mailadres in als u wilt horen dat de kennismaking is geweest."),
            )
        return data


class SocialMapEntryForm(forms.ModelForm):
    name = TrimmedCharField(
        label=_("Naam"), max_length=160, error_messages={"required": _("Vul de naam in.")}
    )

    class Meta:
        model = SocialMapEntry
        fields = ["name", "what_for", "where", "when", "how_to_reach", "active"]
        labels = {
            "what_for": _("Waarvoor kunnen bewoners er terecht?"),
            "where": _("Waar"),
            "when": _("Wanneer"),
            "how_to_reach": _("Hoe bereikbaar (telefoon, website, inloop)"),
            "active": _("Op de sociale kaart tonen"),
        }
        error_messages = {"what_for": {"required": _("Schrijf kort waarvoor het is.")}}
        widgets = {"what_for": forms.Textarea(attrs={"rows": 3})}


class ReferOutForm(forms.Form):
    entry = forms.ModelChoiceField(
        label=_("Doorverwijzen naar"),
        queryset=SocialMapEntry.objects.none(),
        empty_label=None,
        error_messages={"required": _("Kies een organisatie of activiteit.")},
    )
    reason = TrimmedCharField(
        label=_("Waarom"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf kort waarom u doorverwijst.")},
    )
    follow_up_on = forms.DateField(
        label=_("Navragen op"), widget=DateInput, error_messages=DATE_ERRORS
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = SocialMapEntry.objects.filter(area=area, active=True)
