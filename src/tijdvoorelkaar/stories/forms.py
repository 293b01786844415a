import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.core.uploads import UploadRefused, process_image

from .models import StoryConsent


class StoryForm(forms.Form):
    title = TrimmedCharField(
        label=_("Titel"),
        max_length=120,
        error_messages={"required": _("Geef het verhaal een titel.")},
    )
    body = TrimmedCharField(
        label=_("Het verhaal"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Gebruik alleen voornamen of de naam die iemand zelf koos."),
        error_messages={
            "required": _("Schrijf het verhaal."),
            "max_length": _("Een verhaal mag hoogstens 3000 tekens hebben."),
        },
    )
    photo = forms.FileField(
        label=_("Foto (mag ook leeg)"),
        required=False,
        help_text=_(
            "JPEG, PNG of WebP, hoogstens 5 MB. Alleen met toestemming van wie erop staat."
        ),
    )
    photo_alt = TrimmedCharField(
        label=_("Wat staat er op de foto?"),
        max_length=200,
        required=False,
        help_text=_("Voor wie de foto niet kan zien, bijvoorbeeld: twee buren in een moestuin."),
    )
    participants = TrimmedCharField(
        label=_("Deelnemersnummers van wie erin staan"),
        max_length=200,
        help_text=_(
            "Het nummer staat op de pagina van de deelnemer. Meer mensen: scheid met komma's, "
            "bijvoorbeeld 12, 40."
        ),
        error_messages={"required": _("Vul het nummer in van iedereen die in het verhaal staat.")},
    )

    def __init__(self, *args, registry, **kwargs):
        super().__init__(*args, **kwargs)
        self.registry = registry

    def clean_photo(self):
        uploaded = self.cleaned_data.get("photo")
        if not uploaded:
            return None
        try:
            return process_image(uploaded)
        except UploadRefused as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt"):
            self.add_error("photo_alt", _("Beschrijf kort wat er op de foto staat."))
        return cleaned

    def clean_participants(self):
        raw = self.cleaned_data["participants"]
        numbers = re.findall(r"\d+", raw)
        if not numbers or re.sub(r"[\d,;\s]", "", raw):
            raise forms.ValidationError(
                _("Vul alleen deelnemersnummers in, gescheiden door komma's.")
            )
        found = list(self.registry.filter(pk__in=[int(n) for n in numbers[:20]]))
        missing = sorted({int(n) for n in numbers} - {p.pk for p in found})
        if missing:
            raise forms.ValidationError(
                _("Deze deelnemersnummers kennen we niet in dit werkgebied: %(nrs)s.")
                % {"nrs": ", ".join(map(str, missing))}
            )
        return found


STAFF_CHANNELS = [c for c in StoryConsent.Channel.choices if c[0] != StoryConsent.Channel.ONLINE]


class StoryConsentForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Hoe gaf de deelnemer toestemming?"),
        choices=STAFF_CHANNELS,
        error_messages={
            "required": _("Kies hoe de deelnemer toestemming gaf."),
            "invalid_choice": _("Kies hoe de deelnemer toestemming gaf."),
        },
    )

    def __init__(self, *args, withdraw=False, **kwargs):
        super().__init__(*args, **kwargs)
        if withdraw:
            self.fields["channel"].label = _("Hoe trok de deelnemer de toestemming in?")
