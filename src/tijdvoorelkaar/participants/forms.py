from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.core.uploads import UploadRefused, process_image

from .models import Participant, Visibility


def split_list(text: str) -> list[str]:
    items = [item.strip() for item in (text or "").replace(";", ",").split(",")]
    seen, result = set(), []
    for item in items:
        if item and item.lower() not in seen:
            seen.add(item.lower())
            result.append(item[:40])
    return result[:20]


class ProfileForm(forms.ModelForm):
    display_name = TrimmedCharField(
        label=_("Naam op de site"),
        max_length=60,
        required=False,
        help_text=_(
            "Zo ziet een ander u. Laat leeg om uw voornaam te gebruiken. "
            "Uw achternaam tonen we nooit."
        ),
    )
    intro = TrimmedCharField(
        label=_("Over mij"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Een paar zinnen: wie u bent, wat u graag doet. Geen adres of gezondheidsinformatie."
        ),
        error_messages={"max_length": _("Hoogstens 1000 tekens (nu %(show_value)d).")},
    )
    languages_text = TrimmedCharField(
        label=_("Talen die ik spreek"),
        required=False,
        max_length=300,
        help_text=_("Met komma's ertussen, bijvoorbeeld: Nederlands, Turks"),
    )
    interests_text = TrimmedCharField(
        label=_("Interesses"),
        required=False,
        max_length=400,
        help_text=_("Met komma's ertussen, bijvoorbeeld: wandelen, koken, schaken"),
    )
    phone = TrimmedCharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_(
            "Alleen voor de sociaal makelaar, en voor iemand met wie u dat in een "
            "gesprek samen afspreekt."
        ),
    )

    photo = forms.FileField(
        label=_("Profielfoto"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "Een JPEG-, PNG- of WebP-foto van hoogstens 5 MB. Wie uw pagina mag zien, ziet "
            "ook de foto. We halen gegevens als de plaats waar de foto is gemaakt eruit."
        ),
        error_messages={
            "invalid": _("Dit bestand kunnen we niet lezen. Kies een foto."),
            "empty": _("Het bestand is leeg. Kies een foto."),
        },
    )
    remove_photo = forms.BooleanField(label=_("Mijn foto verwijderen"), required=False)

    class Meta:
        model = Participant
        fields = ["display_name", "neighbourhood", "intro", "phone", "profile_visibility"]
        widgets = {"profile_visibility": forms.RadioSelect}
        labels = {"neighbourhood": _("Buurt"), "profile_visibility": _("Wie ziet mijn pagina?")}
        error_messages = {
            "neighbourhood": {
                "required": _("Kies de buurt waar u woont."),
                "invalid_choice": _("Kies een buurt uit de lijst."),
            }
        }

    field_order = [
        "display_name",
        "neighbourhood",
        "intro",
        "languages_text",
        "interests_text",
        "phone",
        "photo",
        "remove_photo",
        "profile_visibility",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            area=self.instance.area
        )
        self.fields["neighbourhood"].required = True
        self.fields["neighbourhood"].empty_label = _("Kies uw buurt")
        self.fields["profile_visibility"].choices = Visibility.choices
        self.fields["languages_text"].initial = ", ".join(self.instance.languages)
        self.fields["interests_text"].initial = ", ".join(self.instance.interests)
        if self.instance.photo:
            self.fields["photo"].label = _("Andere profielfoto kiezen")
        else:
            del self.fields["remove_photo"]

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return None
        try:
            return process_image(photo)
        except UploadRefused as refused:
            raise forms.ValidationError(str(refused)) from None

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 8 or any(c not in "0123456789 +-()" for c in phone)):
            raise forms.ValidationError(
                _("Dit lijkt geen telefoonnummer. Gebruik alleen cijfers, spaties, + en -.")
            )
        return phone
