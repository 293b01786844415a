from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.forms import TrimmedCharField


class TokenForm(forms.Form):
    name = TrimmedCharField(
        label=_("Naam van de sleutel"),
        max_length=80,
        help_text=_("Waarvoor gebruikt u hem? Bijvoorbeeld: app op mijn telefoon."),
        error_messages={"required": _("Geef de sleutel een naam, zodat u hem later herkent.")},
    )
