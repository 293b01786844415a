"""Pieces of the HTML email layout (core/templates/core/email/): inline styles only."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("core/email/_button.html")
def email_button(url: str, label: str) -> dict:
    """A large link that looks like a button, with the address written out below it for
    mail programs that show no button."""
    return {"url": url, "label": label, "fallback": _("Werkt de knop niet? Open dan:")}
