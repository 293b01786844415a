"""Roosjes forms: Dutch labels, amounts typed as hours ("1,5", "1:30")."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.forms import TrimmedCharField

from . import services


class HoursField(forms.CharField):
    """Hours typed in Dutch, cleaned to whole quarter hours."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Aantal uur"))
        kwargs.setdefault("help_text", _("Per kwartier, bijvoorbeeld 1,5 of 1:30."))
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        try:
            return services.parse_quarters(value)
        except services.CreditError as exc:
            raise forms.ValidationError(str(exc)) from exc


class ParticipantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.user.full_name


class ThankForm(forms.Form):
    mediation = forms.TypedChoiceField(
        label=_("Wie wilt u bedanken?"), coerce=int, widget=forms.RadioSelect
    )
    amount = HoursField(required=True)
    message = TrimmedCharField(
        label=_("Bericht (mag leeg blijven)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, matches, me, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        for m in matches:
            other = m.provider if m.requester_id == me.pk else m.requester
            what = f" ({m.ad.title})" if m.ad_id else ""
            choices.append((m.pk, f"{other.public_name}{what}"))
        self.fields["mediation"].choices = choices
        self.fields["mediation"].error_messages["required"] = _("Kies wie u wilt bedanken.")
        self.fields["amount"].error_messages["required"] = _(
            "Vul in hoeveel uur, bijvoorbeeld 1,5 of 1:30."
        )


class PaperForm(forms.Form):
    receiver = ParticipantChoiceField(
        label=_("Wie levert de Roosjes in?"),
        queryset=None,
        empty_label=_("Kies een deelnemer"),
        error_messages={"required": _("Kies wie de Roosjes inlevert.")},
    )
    payer = ParticipantChoiceField(
        label=_("Van wie kreeg deze deelnemer ze?"),
        queryset=None,
        required=False,
        empty_label=_("Van het project (papieren Roosjes)"),
        help_text=_("Kies de bewoner die bedankte, of laat staan als ze van het project zijn."),
    )
    amount = HoursField(error_messages={"required": _("Vul in hoeveel uur.")})
    note = TrimmedCharField(
        label=_("Notitie"),
        max_length=300,
        help_text=_("Bijvoorbeeld: 6 papieren Roosjes, ingeleverd op het spreekuur."),
        error_messages={"required": _("Schrijf erbij waar de papieren Roosjes vandaan komen.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, recipients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiver"].queryset = recipients
        self.fields["payer"].queryset = recipients

    def clean(self):
        data = super().clean()
        if data.get("payer") and data.get("payer") == data.get("receiver"):
            self.add_error("payer", _("Van en aan zijn dezelfde deelnemer."))
        return data


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class RedeemForm(forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Waar worden de Roosjes ingewisseld?"),
        queryset=None,
        empty_label=_("Kies een organisatie"),
        error_messages={"required": _("Kies de organisatie of winkel.")},
    )
    participant = ParticipantChoiceField(
        label=_("Wie wisselt in?"),
        queryset=None,
        empty_label=_("Kies een deelnemer"),
        error_messages={"required": _("Kies wie de Roosjes inwisselt.")},
    )
    amount = HoursField(error_messages={"required": _("Vul in hoeveel uur.")})
    note = TrimmedCharField(label=_("Waarvoor (mag leeg blijven)"), max_length=300, required=False)

    def __init__(self, *args, organisations, recipients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.filter(accepts_roosjes=True)
        self.fields["participant"].queryset = recipients


class IssueForm(forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Namens welke organisatie?"),
        queryset=None,
        empty_label=None,
        error_messages={"required": _("Kies de organisatie.")},
    )
    note = TrimmedCharField(
        label=_("Waarvoor (bijvoorbeeld: vrijwilligers buurtfeest)"),
        max_length=300,
        required=False,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class IssueLineForm(forms.Form):
    participant = ParticipantChoiceField(
        label=_("Vrijwilliger"), queryset=None, required=False, empty_label=_("Kies een deelnemer")
    )
    amount = HoursField(required=False)

    def __init__(self, *args, recipients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = recipients

    def clean(self):
        data = super().clean()
        who, amount = data.get("participant"), data.get("amount")
        if who and not amount and "amount" not in self.errors:
            self.add_error("amount", _("Vul in hoeveel uur."))
        if amount and not who:
            self.add_error("participant", _("Kies de vrijwilliger bij dit aantal uur."))
        return data


IssueLineFormSet = forms.formset_factory(IssueLineForm, extra=6, max_num=50)


class ReverseForm(forms.Form):
    reason = TrimmedCharField(
        label=_("Waarom wordt deze boeking teruggedraaid?"),
        max_length=300,
        error_messages={"required": _("Schrijf op waarom deze boeking wordt teruggedraaid.")},
    )


class LimitsForm(forms.Form):
    min_hours = forms.DecimalField(
        label=_("Ondergrens in uren (bijvoorbeeld -10)"),
        required=False,
        max_value=0,
        decimal_places=2,
        localize=True,
        help_text=_("Leeg laten: geen ondergrens. Een waarschuwing, nooit een blokkade."),
    )
    max_hours = forms.DecimalField(
        label=_("Bovengrens in uren"),
        required=False,
        min_value=Decimal("0.25"),
        decimal_places=2,
        localize=True,
        help_text=_("Leeg laten: geen bovengrens."),
    )

    def _quarters(self, name):
        value = self.cleaned_data.get(name)
        if value is None:
            return None
        quarters = value * 4
        if quarters != quarters.to_integral_value():
            raise forms.ValidationError(_("Gebruik hele kwartieren, bijvoorbeeld 10 of 10,25."))
        return int(quarters)

    def clean_min_hours(self):
        return self._quarters("min_hours")

    def clean_max_hours(self):
        return self._quarters("max_hours")


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Van"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("De einddatum ligt voor de begindatum."))
        return data
