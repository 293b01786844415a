"""The coordinator's page for the organisation and its contact details
(/<area>/makelaar/instellingen/contact/) and the public views of the logo and the broker's
photo. The rules are in contact.py."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from tijdvoorelkaar.core.access import COORDINATOR, area_view
from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.core.formviews import handle_form, render_form
from tijdvoorelkaar.core.uploads import UploadRefused, process_image, serve_stored_image

from .contact import TEXT_FIELDS, update_area_contact

LOGO_MAX_SIDE = 600
PHOTO_MAX_SIDE = 800


class AreaContactForm(forms.Form):
    organisation_name = TrimmedCharField(
        label=gettext_lazy("Naam van de organisatie"),
        max_length=120,
        required=False,
        help_text=gettext_lazy("Bijvoorbeeld: Welzijn Utrecht Zuid."),
    )
    phone = TrimmedCharField(
        label=gettext_lazy("Telefoonnummer"),
        max_length=30,
        required=False,
        help_text=gettext_lazy(
            "Staat op elke pagina, in elke e-mail en op elke brief, voor wie liever belt. "
            "Bijvoorbeeld: 030 123 45 67."
        ),
    )
    phone_hours = TrimmedCharField(
        label=gettext_lazy("Wanneer bent u telefonisch bereikbaar?"),
        max_length=160,
        required=False,
        help_text=gettext_lazy("Bijvoorbeeld: maandag tot en met vrijdag van 9.00 tot 12.30 uur."),
    )
    contact_email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        required=False,
        error_messages={"invalid": gettext_lazy("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
    )
    visiting_address = TrimmedCharField(
        label=gettext_lazy("Bezoekadres"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Bijvoorbeeld: Buurthuis De Boog, Rivierenlaan 2, 3522 AB Utrecht."),
    )
    broker_first_name = TrimmedCharField(
        label=gettext_lazy("Voornaam van de sociaal makelaar"),
        max_length=60,
        required=False,
        help_text=gettext_lazy("Zo weten bewoners wie ze aan de telefoon krijgen."),
    )
    broker_photo = forms.FileField(
        label=gettext_lazy("Foto van de sociaal makelaar"),
        required=False,
        help_text=gettext_lazy("Een JPEG-, PNG- of WebP-foto van hoogstens 5 MB."),
    )
    remove_broker_photo = forms.BooleanField(
        label=gettext_lazy("Foto van de sociaal makelaar weghalen"), required=False
    )
    logo = forms.FileField(
        label=gettext_lazy("Logo"),
        required=False,
        help_text=gettext_lazy("Een JPEG-, PNG- of WebP-bestand van hoogstens 5 MB."),
    )
    remove_logo = forms.BooleanField(label=gettext_lazy("Logo weghalen"), required=False)

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        if not area.broker_photo:
            del self.fields["remove_broker_photo"]
        if not area.logo:
            del self.fields["remove_logo"]

    def _picture(self, field, max_side):
        upload = self.cleaned_data.get(field)
        if not upload:
            return None
        try:
            return process_image(upload, max_side=max_side)
        except UploadRefused as refused:
            raise forms.ValidationError(str(refused)) from None

    def clean_broker_photo(self):
        return self._picture("broker_photo", PHOTO_MAX_SIDE)

    def clean_logo(self):
        return self._picture("logo", LOGO_MAX_SIDE)


@area_view(roles=[COORDINATOR])
def contact_settings(request, area):
    initial = {field: getattr(area, field) for field in TEXT_FIELDS}
    form = AreaContactForm(request.POST or None, request.FILES or None, initial=initial, area=area)

    def message(changed):
        return _("De gegevens zijn opgeslagen.") if changed else _("Er was niets veranderd.")

    done = handle_form(
        request,
        form,
        lambda data: update_area_contact(area, request.user, data),
        success=reverse("area_contact_settings", args=[area.slug]),
        message=message,
    )
    if done:
        return done
    if request.method == "POST":
        area.refresh_from_db()
    return render_form(request, "areas/contact_settings.html", {"form": form}, form)


@require_GET
@area_view()
def logo(request, area):
    return serve_stored_image(area.logo, cache_control="public, max-age=3600")


@require_GET
@area_view()
def broker_photo(request, area):
    return serve_stored_image(area.broker_photo, cache_control="public, max-age=3600")
