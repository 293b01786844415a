from django import template

from tijdvoorelkaar.marketplace.models import DAYS, PARTS_OF_DAY

register = template.Library()

_DAY = dict(DAYS)
_PART = dict(PARTS_OF_DAY)


@register.filter
def slot_labels(slots) -> str:
    """['ma-ochtend', 'wo-middag'] -> 'maandag ochtend, woensdag middag'."""
    labels = []
    for slot in slots or []:
        day, _sep, part = str(slot).partition("-")
        if day in _DAY and part in _PART:
            labels.append(f"{_DAY[day]} {_PART[part]}")
    return ", ".join(labels)
