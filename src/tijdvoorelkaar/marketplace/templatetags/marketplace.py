from django import template

from tijdvoorelkaar.marketplace.models import DAYS, PARTS_OF_DAY, Conversation

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


@register.simple_tag(takes_context=True)
def unread_conversations(context) -> int:
    """How many of the signed-in person's conversations in this area have a message they
    have not opened yet (one query; 0 outside an area or when signed out)."""
    request, area = context.get("request"), context.get("area")
    if request is None or area is None or not request.user.is_authenticated:
        return 0
    return Conversation.objects.filter(area=area).unread_by(request.user).count()
