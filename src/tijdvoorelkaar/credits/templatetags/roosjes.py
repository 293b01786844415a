from django import template

from tijdvoorelkaar.credits.services import format_quarters

register = template.Library()


@register.filter
def uur(quarters) -> str:
    """Quarter hours as Dutch hours: 6 -> "1,5 uur"."""
    return format_quarters(int(quarters or 0))
