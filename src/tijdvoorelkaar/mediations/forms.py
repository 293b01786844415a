from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.participants.models import Participant

from .models import Agreement, Flag, Mediation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OwnIds:
    """Several forms share the mediation page: give each its own id prefix."""

    id_prefix = "m"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


def participant_field(label: str, area) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=Participant.objects.filter(area=area),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Kies een deelnemer."),
            "invalid_choice": _("Deze deelnemer kennen we niet in dit werkgebied."),
        },
    )


class ButtonForm(forms.Form):
    """An action taken with a button only (start, pause, ...): nothing to fill in."""


class ProposeForm(forms.Form):
    note = TrimmedCharField(
        label=_("Notitie bij het voorstel"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requester"] = participant_field(_("Wie vraagt hulp"), area)
        self.fields["provider"] = participant_field(_("Wie helpt"), area)
        self.order_fields(["requester", "provider", "note"])


class AnswerForm(OwnIds, forms.Form):
    id_prefix = "antwoord"

    side = forms.ChoiceField(
        choices=[("requester", "requester"), ("provider", "provider")], widget=forms.HiddenInput
    )
    answer = forms.ChoiceField(
        label=_("Antwoord"),
        widget=forms.RadioSelect,
        choices=[("ja", _("ja, wil kennismaken")), ("nee", _("nee"))],
        error_messages={"required": _("Kies ja of nee.")},
    )


class PlanIntroductionForm(OwnIds, forms.Form):
    id_prefix = "plan"

    on = forms.DateField(
        label=_("Datum kennismaking"),
        widget=DATE,
        error_messages={
            "required": _("Kies een datum."),
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 2026-12-01."),
        },
    )


class AgreementForm(OwnIds, forms.ModelForm):
    id_prefix = "afspraak"

    goes_ahead = forms.BooleanField(
        label=_("Ze willen het samen doen: de koppeling start"), required=False, initial=True
    )
    hours_each_time = forms.DecimalField(
        label=_("Hoe lang per keer (uren)"),
        max_digits=4,
        decimal_places=1,
        localize=True,
        help_text=_("Bijvoorbeeld 2 of 1,5"),
        error_messages={
            "required": _("Vul in hoe lang per keer."),
            "invalid": _("Vul een getal in, bijvoorbeeld 2 of 1,5."),
            "max_decimal_places": _("Gebruik hoogstens één cijfer achter de komma."),
            "max_digits": _("Kies tussen een kwartier en acht uur per keer."),
        },
    )

    class Meta:
        model = Agreement
        fields = [
            "what",
            "how_often",
            "hours_each_time",
            "starts_on",
            "ends_on",
            "review_on",
            "helper_holds_key",
            "requester_expects",
            "provider_expects",
        ]
        widgets = {
            "what": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DATE,
            "ends_on": DATE,
            "review_on": DATE,
            "requester_expects": forms.RadioSelect,
            "provider_expects": forms.RadioSelect,
        }
        labels = {
            "what": _("Wat gaan ze precies doen?"),
            "how_often": _("Hoe vaak?"),
            "hours_each_time": _("Hoe lang per keer (uren)"),
            "starts_on": _("Vanaf"),
            "ends_on": _("Tot (of laat leeg en kies een evaluatiedatum)"),
            "review_on": _("Evalueren op"),
            "helper_holds_key": _("De helper krijgt een sleutel"),
            "requester_expects": _("Wat verwacht de hulpvrager?"),
            "provider_expects": _("Wat verwacht de helper?"),
        }
        error_messages = {
            "what": {"required": _("Schrijf op wat ze gaan doen.")},
            "how_often": {"required": _("Schrijf op hoe vaak, bijvoorbeeld: wekelijks.")},
            "hours_each_time": {
                "required": _("Vul in hoe lang per keer."),
                "invalid": _("Vul een getal in, bijvoorbeeld 2 of 1,5."),
            },
            "starts_on": {"required": _("Vul de startdatum in.")},
            "requester_expects": {"required": _("Kies wat de hulpvrager verwacht.")},
            "provider_expects": {"required": _("Kies wat de helper verwacht.")},
        }

    def clean_hours_each_time(self):
        hours = self.cleaned_data["hours_each_time"]
        if hours is not None and not (0 < hours <= 8):
            raise forms.ValidationError(
                _(
                    "Kies tussen een kwartier en acht uur per keer. "
                    "TijdVoorElkaar is voor kleine, begrensde hulp."
                )
            )
        return hours

    def clean(self):
        data = super().clean()
        if not data.get("ends_on") and not data.get("review_on") and not self.errors:
            raise forms.ValidationError(
                _(
                    "Spreek een einddatum of een evaluatiedatum af: "
                    "begrensde afspraken werken het best."
                )
            )
        return data


class CancellationForm(OwnIds, forms.Form):
    id_prefix = "afzeg"

    by = forms.ChoiceField(
        label=_("Wie zei af of kwam niet?"),
        widget=forms.RadioSelect,
        choices=[("requester", _("de hulpvrager")), ("provider", _("de helper"))],
        error_messages={"required": _("Kies wie afzei.")},
    )
    on = forms.DateField(
        label=_("Datum"),
        widget=DATE,
        error_messages={
            "required": _("Kies een datum."),
            "invalid": _("Vul een geldige datum in."),
        },
    )
    note = TrimmedCharField(label=_("Toelichting"), required=False, max_length=300)


class FlagForm(OwnIds, forms.Form):
    id_prefix = "signaal"

    kind = forms.ChoiceField(
        label=_("Wat is er aan de hand?"),
        choices=Flag.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er aan de hand is.")},
    )
    note = TrimmedCharField(label=_("Toelichting"), required=False, max_length=500)


class EndForm(OwnIds, forms.Form):
    id_prefix = "einde"

    reason = forms.ChoiceField(
        label=_("Waarom stopt het?"),
        choices=Mediation.EndReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een reden om te stoppen.")},
    )
    reason_text = TrimmedCharField(
        label=_("Toelichting (verplicht bij 'anders')"), required=False, max_length=300
    )
    # The label says when it is required; "(niet verplicht)" after it would contradict it.
    reason_text.says_when_required = True
    key_returned = forms.BooleanField(
        label=_("Sleutel is teruggegeven (als er een was)"), required=False
    )
    both_told = forms.BooleanField(label=_("Beide deelnemers weten dat het stopt"), required=False)
    thanks_said = forms.BooleanField(label=_("Iedereen is bedankt"), required=False)


class CorrectionForm(OwnIds, forms.ModelForm):
    id_prefix = "correctie"

    reason = TrimmedCharField(
        label=_("Waarom corrigeert u dit?"),
        max_length=300,
        error_messages={"required": _("Schrijf op waarom u dit corrigeert.")},
    )

    class Meta:
        model = Mediation
        fields = [
            "status",
            "started_on",
            "reached_active_on",
            "ended_on",
            "end_reason",
            "broker_supported",
        ]
        widgets = {"started_on": DATE, "reached_active_on": DATE, "ended_on": DATE}
        labels = {
            "status": _("Status"),
            "started_on": _("Gestart op"),
            "reached_active_on": _("Koppeling vanaf"),
            "ended_on": _("Beëindigd op"),
            "end_reason": _("Reden einde"),
        }


class CallMeForm(OwnIds, forms.Form):
    id_prefix = "belmij"

    message = TrimmedCharField(
        label=_("Waarover?"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
