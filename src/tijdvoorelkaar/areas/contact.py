"""The organisation behind an area and how a resident reaches it without the website.

The coordinator fills it in at /<area>/makelaar/instellingen/contact/ (contact_page.py).
Every public page shows it (areas/_contact.html in the footer, the phone number in the
header and on the area's home and the sign-up page), and so do the privacy statement, the
emails and the PDFs.
The logo and the broker's photo are public: they are served by a view (there is no public
media URL, see docs/deployment.md) after core.uploads.process_image re-encoded them."""

from django.db import transaction
from django.utils.translation import gettext as _

from tijdvoorelkaar.core import audit
from tijdvoorelkaar.core.phones import clean_dutch_phone

from .models import Area

TEXT_FIELDS = (
    "organisation_name",
    "phone",
    "phone_hours",
    "contact_email",
    "visiting_address",
    "broker_first_name",
)
IMAGE_FIELDS = ("logo", "broker_photo")


def organisation_label(area: Area) -> str:
    """The organisation's name, or the site's name for the area when none is filled in."""
    return area.organisation_name or f"TijdVoorElkaar {area.name}"


def phone_with_hours(area: Area) -> str:
    """The area's number with its hours in brackets, when both are filled in."""
    return f"{area.phone} ({area.phone_hours})" if area.phone_hours else area.phone


def contact_lines(area: Area) -> list[str]:
    """The organisation and how to reach it, as lines of plain text for letters, PDFs and
    emails (translated; empty when nothing is filled in)."""
    lines = []
    if area.organisation_name:
        lines.append(area.organisation_name)
    if area.phone:
        lines.append(_("Telefoon: %(phone)s") % {"phone": phone_with_hours(area)})
    if area.broker_first_name:
        lines.append(_("Uw sociaal makelaar is %(name)s.") % {"name": area.broker_first_name})
    if area.contact_email:
        lines.append(_("E-mail: %(email)s") % {"email": area.contact_email})
    if area.visiting_address:
        lines.append(_("Adres: %(address)s") % {"address": area.visiting_address})
    return lines


def call_us_sentence(area: Area) -> str:
    """One sentence for whoever has no internet: the number to call, or whom to ask."""
    if area.phone:
        return _("Geen internet? Bel de sociaal makelaar: %(phone)s.") % {"phone": area.phone}
    return _("Geen internet? Bel de sociaal makelaar.")


@transaction.atomic
def update_area_contact(area: Area, coordinator, data: dict) -> list[str]:
    """Save the organisation's name and contact details; returns the changed fields.

    `data[image]` is an already re-encoded picture (process_image) or None, and
    `data["remove_" + image]` removes the current one; replaced and removed files are
    deleted once the change is committed. Raises InvalidPhone (a ServiceError) for a
    number that is not Dutch; then nothing is saved."""
    values = {field: " ".join((data.get(field) or "").split()) for field in TEXT_FIELDS}
    values["phone"] = clean_dutch_phone(values["phone"])
    changed = [field for field in TEXT_FIELDS if getattr(area, field) != values[field]]
    for field in changed:
        setattr(area, field, values[field])
    old_files = []
    for field in IMAGE_FIELDS:
        current = getattr(area, field)
        if data.get(field):
            old_files.append(current.name)
            current.save(data[field].name, data[field], save=False)
            changed.append(field)
        elif data.get(f"remove_{field}") and current:
            old_files.append(current.name)
            setattr(area, field, "")
            changed.append(field)
    if changed:
        area.save(update_fields=changed)
        audit.record(coordinator, "area_contact_changed", area, area, ",".join(changed))
    storage = Area._meta.get_field("logo").storage
    for name in filter(None, old_files):
        transaction.on_commit(lambda name=name: storage.delete(name))
    return changed
