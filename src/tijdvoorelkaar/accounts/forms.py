from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.core.forms import TrimmedCharField

EMAIL_ERRORS = {
    "required": _("Vul uw e-mailadres in."),
    "invalid": _(
        "Dit is geen geldig e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl."
    ),
}


class SignUpForm(forms.Form):
    first_name = TrimmedCharField(
        label=_("Voornaam"),
        max_length=80,
        error_messages={
            "required": _("Vul uw voornaam in."),
            "max_length": _("Uw voornaam mag hoogstens 80 tekens hebben."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        help_text=_(
            "We sturen u een link om uw aanmelding te bevestigen. "
            "Anderen zien uw e-mailadres nooit."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Uw buurt"),
        queryset=Neighbourhood.objects.none(),
        empty_label=_("Kies uw buurt"),
        error_messages={
            "required": _("Kies de buurt waar u woont."),
            "invalid_choice": _("Kies een buurt uit de lijst."),
        },
    )
    privacy = forms.BooleanField(
        label=_("Ik heb de privacyverklaring gelezen en ga ermee akkoord."),
        error_messages={
            "required": _("Om mee te doen is uw akkoord met de privacyverklaring nodig.")
        },
    )
    newsletter = forms.BooleanField(
        label=_("Ik wil de maandelijkse nieuwsbrief ontvangen"), required=False
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(area=area)


class LinkRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class PasswordSignInForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        error_messages={"required": _("Vul uw wachtwoord in.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Distinct ids: this form stands on the same page as the link form.
        self.auto_id = "id_pw_%s"


class TwoFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Code uit uw app (6 cijfers)"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": _("Typ de zes cijfers uit uw app.")},
    )
