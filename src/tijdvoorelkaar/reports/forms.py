from django import forms
from django.utils.translation import gettext_lazy as _

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MESSAGES = {"invalid": _("Vul een geldige datum in, bijvoorbeeld 2026-01-31.")}


class PeriodForm(forms.Form):
    van = forms.DateField(
        label=_("Van"),
        widget=DATE,
        error_messages={**MESSAGES, "required": _("Vul de begindatum in.")},
    )
    tot = forms.DateField(
        label=_("Tot en met"),
        widget=DATE,
        error_messages={**MESSAGES, "required": _("Vul de einddatum in.")},
    )
    vergelijk_van = forms.DateField(
        label=_("Vergelijk met: van"),
        required=False,
        widget=DATE,
        error_messages=MESSAGES,
        help_text=_("Laat de vergelijking leeg voor één periode."),
    )
    vergelijk_tot = forms.DateField(
        label=_("Vergelijk met: tot en met"), required=False, widget=DATE, error_messages=MESSAGES
    )

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        other = (data.get("vergelijk_van"), data.get("vergelijk_tot"))
        if (
            any(other)
            and not all(other)
            and not self.errors.get("vergelijk_van")
            and not self.errors.get("vergelijk_tot")
        ):
            field = "vergelijk_tot" if other[0] else "vergelijk_van"
            self.add_error(field, _("Vul beide datums van de vergelijkingsperiode in."))
        elif all(other) and other[0] > other[1]:
            self.add_error("vergelijk_tot", _("De einddatum ligt voor de begindatum."))
        return data

    def periods(self):
        data = self.cleaned_data
        result = [(data["van"], data["tot"])]
        if data.get("vergelijk_van") and data.get("vergelijk_tot"):
            result.append((data["vergelijk_van"], data["vergelijk_tot"]))
        return result
