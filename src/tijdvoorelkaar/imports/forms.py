from django import forms
from django.utils.translation import gettext_lazy as _

from . import services

ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    """Up to three files, each CSV (UTF-8) or Excel (.xlsx), in the import formats."""

    participants = forms.FileField(
        label=_("Deelnemers"),
        required=False,
        help_text=_("participants.csv of .xlsx: external_id, name, neighbourhood, ..."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    ads = forms.FileField(
        label=_("Advertenties (vraag en aanbod)"),
        required=False,
        help_text=_("ads.csv of .xlsx: external_id, owner_id, kind, title, placed_on, ..."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    mediations = forms.FileField(
        label=_("Bemiddelingen"),
        required=False,
        help_text=_("mediations.csv of .xlsx: external_id, requester_id, provider_id, ..."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def _clean_file(self, kind: str):
        upload = self.cleaned_data.get(kind)
        if not upload:
            return None
        name = upload.name or kind
        if not name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(
                _("Kies een .csv- of .xlsx-bestand; %(name)s is dat niet."), params={"name": name}
            )
        if upload.size > services.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Dit bestand is groter dan 10 MB."))
        return services.read_table(kind, name, upload.read(), name)

    def clean_participants(self):
        return self._clean_file(services.PARTICIPANTS)

    def clean_ads(self):
        return self._clean_file(services.ADS)

    def clean_mediations(self):
        return self._clean_file(services.MEDIATIONS)

    def clean(self):
        data = super().clean()
        if not self.errors and not any(data.get(k) for k in services.KINDS):
            raise forms.ValidationError(_("Kies minstens één bestand om te controleren."))
        return data
