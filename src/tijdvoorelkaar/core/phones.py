"""Phone numbers: compared as digits, so duplicates are caught however they were typed, and
checked as Dutch numbers where a number has to work for anyone who dials it (the number
of an area's organisation, printed on every page, letter and poster)."""

import re

from django.utils.translation import gettext as _

from .errors import ServiceError

ALLOWED_CHARACTERS = re.compile(r"^[0-9 +\-().]*$")
# Service numbers: 0800 (free) and 0900/0906/0909 (paid) with 4 or 7 more digits.
SERVICE_NUMBER = re.compile(r"^0(800|900|906|909)(\d{4}|\d{7})$")
# The municipal number 14 followed by the area code without its 0 (14 030, 14 0513).
MUNICIPAL_NUMBER = re.compile(r"^140\d{2,3}$")
# Geographic, mobile (06) and company (085, 088, 091) numbers: 0 and nine digits, not 00.
ORDINARY_NUMBER = re.compile(r"^0[1-9]\d{8}$")


class InvalidPhone(ServiceError):
    """Not a Dutch phone number; the message says what to type (translated)."""


def normalise_phone(raw: str | None) -> str:
    """Digits only, in Dutch national form: "+31 6 1234 5678" and "06-12345678" both
    become "0612345678". Empty when there are no digits."""
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and (raw or "").strip().startswith("+"):
        digits = "0" + digits[2:]
    return digits


def clean_dutch_phone(raw: str | None, *, field: str = "phone") -> str:
    """The number as the person typed it (spaces trimmed) when it is a Dutch number anyone
    can dial; empty for empty input. Raises InvalidPhone with a message that names what
    is wrong."""
    text = " ".join((raw or "").split())
    if not text:
        return ""
    if not ALLOWED_CHARACTERS.match(text):
        raise InvalidPhone(
            _("Gebruik in een telefoonnummer alleen cijfers, spaties, +, - en haakjes."),
            field=field,
        )
    digits = normalise_phone(text)
    if text.startswith("+") and not re.sub(r"\D", "", text).startswith("31"):
        raise InvalidPhone(
            _("Vul een Nederlands telefoonnummer in, zoals 030 123 45 67."), field=field
        )
    if SERVICE_NUMBER.match(digits) or MUNICIPAL_NUMBER.match(digits):
        return text
    if ORDINARY_NUMBER.match(digits):
        return text
    if digits.startswith("0") and len(digits) != 10:
        raise InvalidPhone(
            _(
                "Een telefoonnummer heeft 10 cijfers, zoals 030 123 45 67 of 06 12345678; "
                "dit nummer heeft er %(count)d."
            )
            % {"count": len(digits)},
            field=field,
        )
    raise InvalidPhone(_("Vul een Nederlands telefoonnummer in, zoals 030 123 45 67."), field=field)


def tel_uri(number: str | None) -> str:
    """The href of a tel: link for a Dutch number ("tel:+31301234567"), in international
    form so it also works from a foreign phone; the municipal 14 numbers only work inside
    the country and stay as they are. Empty for an empty number."""
    digits = normalise_phone(number)
    if not digits:
        return ""
    if MUNICIPAL_NUMBER.match(digits):
        return f"tel:{digits}"
    if digits.startswith("0") and not digits.startswith("00"):
        return f"tel:+31{digits[1:]}"
    return f"tel:+{digits.lstrip('0')}"
