from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.workspace.forms import DATE_ERRORS, DateInput, RegisterForm

from .models import OutreachActivity


class ActivityForm(forms.ModelForm):
    class Meta:
        model = OutreachActivity
        fields = [
            "kind",
            "held_on",
            "group",
            "place",
            "reached",
            "addresses_visited",
            "conversations",
            "notes",
        ]
        labels = {
            "kind": _("Soort"),
            "held_on": _("Datum"),
            "group": _("Groep (bij een groepsbezoek)"),
            "place": _("Plaats"),
            "reached": _("Aantal bereikte bewoners"),
            "addresses_visited": _("Bezochte adressen (deur-aan-deur)"),
            "conversations": _("Gesprekken gevoerd"),
            "notes": _("Aantekeningen (geen namen)"),
        }
        widgets = {"held_on": DateInput, "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "held_on": DATE_ERRORS,
            "place": {"required": _("Vul de plaats in.")},
            "kind": {"required": _("Kies de soort activiteit.")},
            "reached": {"invalid": _("Vul een heel getal in."), "min_value": _("Niet negatief.")},
        }

    def clean(self):
        data = super().clean()
        if data.get("kind") == OutreachActivity.Kind.GROUP_VISIT and not data.get("group"):
            self.add_error("group", _("Vul in welke groep u bezocht."))
        return data


class SignUpForm(RegisterForm):
    """Someone who signed up at the activity: the workspace's registration form."""


class AdCodeForm(forms.Form):
    code = TrimmedCharField(
        label=_("Nummer van de advertentie"),
        max_length=30,
        help_text=_("Bijvoorbeeld 4821, zoals op de lijst op het prikbord."),
        error_messages={"required": _("Vul het nummer in.")},
    )
