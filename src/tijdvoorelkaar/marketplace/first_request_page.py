"""The first visit's page: /<area>/hulp-vragen/ (a request) and /<area>/hulp-aanbieden/ (an
offer). What to write first, then who you are and how we reach you, on one page. The
rules are in first_request.py."""

from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.accounts.forms import EMAIL_ERRORS
from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.core.access import area_view
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.core.formviews import handle_form, render_form
from tijdvoorelkaar.core.net import client_ip
from tijdvoorelkaar.core.phones import clean_dutch_phone
from tijdvoorelkaar.participants.models import Participant, Visibility

from .first_request import start_first_request
from .forms import AD_VISIBILITY_CHOICES, AD_VISIBILITY_HELP
from .models import Ad

TEXT_LABELS = {
    Ad.Kind.REQUEST: gettext_lazy("Waar zoekt u hulp bij?"),
    Ad.Kind.OFFER: gettext_lazy("Wat wilt u voor een ander doen?"),
}
TEXT_HELP = {
    Ad.Kind.REQUEST: gettext_lazy(
        "Schrijf het in uw eigen woorden, bijvoorbeeld: Ik kan slecht lopen en zoek iemand "
        "die één keer per week met mij boodschappen doet. Zet er geen adres of medische "
        "gegevens in."
    ),
    Ad.Kind.OFFER: gettext_lazy(
        "Schrijf het in uw eigen woorden, bijvoorbeeld: Ik help graag met de computer of de "
        "telefoon, op zaterdagochtend. Zet er geen adres in."
    ),
}


class FirstRequestForm(forms.Form):
    # Email and phone are each needed for one way of keeping in touch; the labels say so,
    # so no field is marked "niet verplicht".
    hide_optional = True

    text = TrimmedCharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": gettext_lazy("Schrijf in een paar woorden waar het om gaat."),
            "max_length": gettext_lazy(
                "Dit mag hoogstens 2000 tekens zijn (nu %(show_value)d). Maak het wat korter."
            ),
        },
    )
    visibility = forms.ChoiceField(
        label=gettext_lazy("Wie mag dit lezen?"),
        choices=AD_VISIBILITY_CHOICES[:2],
        initial=Visibility.PARTICIPANTS,
        widget=forms.RadioSelect,
        help_text=AD_VISIBILITY_HELP,
        error_messages={"required": gettext_lazy("Kies wie dit mag lezen.")},
    )
    first_name = TrimmedCharField(
        label=gettext_lazy("Uw voornaam"),
        max_length=80,
        error_messages={
            "required": gettext_lazy("Vul uw voornaam in."),
            "max_length": gettext_lazy("Uw voornaam mag hoogstens 80 tekens hebben."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    neighbourhood = forms.ModelChoiceField(
        label=gettext_lazy("Uw buurt"),
        queryset=Neighbourhood.objects.none(),
        empty_label=gettext_lazy("Kies uw buurt"),
        error_messages={
            "required": gettext_lazy("Kies de buurt waar u woont."),
            "invalid_choice": gettext_lazy("Kies een buurt uit de lijst."),
        },
    )
    reach = forms.ChoiceField(
        label=gettext_lazy("Hoe houden we contact?"),
        choices=[
            ("email", gettext_lazy("Met e-mail: u krijgt een e-mail met een knop")),
            ("phone", gettext_lazy("Bel mij terug: ik heb geen e-mail")),
        ],
        initial="email",
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Kies e-mail of terugbellen.")},
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        max_length=254,
        required=False,
        error_messages=EMAIL_ERRORS,
        help_text=gettext_lazy("Anderen zien uw e-mailadres nooit."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = TrimmedCharField(
        label=gettext_lazy("Telefoonnummer (als u wilt dat we u bellen)"),
        max_length=30,
        required=False,
        help_text=gettext_lazy("Alleen de sociaal makelaar ziet uw nummer."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    privacy = forms.BooleanField(
        label=gettext_lazy("Ik heb de privacyverklaring gelezen en ga ermee akkoord."),
        error_messages={
            "required": gettext_lazy("Om mee te doen is uw akkoord met de privacyverklaring nodig.")
        },
    )

    def __init__(self, *args, area, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = TEXT_LABELS[kind]
        self.fields["text"].help_text = TEXT_HELP[kind]
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(area=area)

    def clean(self):
        data = super().clean()
        if data.get("reach") == "phone":
            try:
                data["phone"] = clean_dutch_phone(data.get("phone"))
            except ServiceError as refused:
                self.add_error("phone", refused.message)
            else:
                if not data["phone"]:
                    self.add_error(
                        "phone", _("Vul uw telefoonnummer in, dan belt de sociaal makelaar u.")
                    )
        elif data.get("reach") == "email" and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Vul uw e-mailadres in, of kies: bel mij terug."))
        return data


def _first_request(request, area, kind):
    if request.user.is_authenticated:
        if Participant.objects.of(request.user, area) is not None:
            return redirect(reverse("marketplace:ad_create", args=[area.slug]) + f"?soort={kind}")
        return redirect("marketplace:my_page", area.slug)
    form = FirstRequestForm(request.POST or None, area=area, kind=kind)

    def done(how):
        data = form.cleaned_data
        return render(
            request,
            "marketplace/first_request_sent.html",
            {"how": how, "kind": kind, "first_name": data["first_name"], "phone": data["phone"]},
        )

    sent = handle_form(
        request,
        form,
        lambda data: start_first_request(
            area=area,
            kind=kind,
            data=data,
            base_url=request.build_absolute_uri("/"),
            client_key=client_ip(request) or "onbekend",
        ),
        success=done,
    )
    return sent or render_form(
        request, "marketplace/first_request.html", {"form": form, "kind": kind}, form
    )


@area_view()
def ask_for_help(request, area):
    return _first_request(request, area, Ad.Kind.REQUEST)


@area_view()
def offer_help(request, area):
    return _first_request(request, area, Ad.Kind.OFFER)
