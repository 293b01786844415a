"""Phone numbers compared as digits, so duplicates are caught however they were typed."""

import re


def normalise_phone(raw: str | None) -> str:
    """Digits only, in Dutch national form: "+31 6 1234 5678" and "06-12345678" both
    become "0612345678". Empty when there are no digits."""
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and (raw or "").strip().startswith("+"):
        digits = "0" + digits[2:]
    return digits
