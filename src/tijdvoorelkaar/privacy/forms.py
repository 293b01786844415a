from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.forms import TrimmedCharField


class EraseSelfForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "Ja, verwijder mijn account en mijn gegevens. Ik weet dat dit niet terug te draaien is."
        ),
        error_messages={"required": _("Vink aan dat u uw account echt wilt verwijderen.")},
    )


class EraseByBrokerForm(forms.Form):
    reason = TrimmedCharField(
        label=_("Reden (zonder namen of andere persoonsgegevens)"),
        max_length=200,
        help_text=_("Bijvoorbeeld: verzoek van de deelnemer per telefoon op 3 december."),
        error_messages={"required": _("Geef een reden op.")},
    )
    confirm = forms.BooleanField(
        label=_(
            "Ik heb gecontroleerd dat dit de juiste persoon is; verwijderen is niet terug "
            "te draaien."
        ),
        error_messages={"required": _("Vink aan dat u het gecontroleerd heeft.")},
    )
