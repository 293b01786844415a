from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from tijdvoorelkaar.areas.themes import theme_of

register = template.Library()


@register.simple_tag
def theme_stylesheet(area=None):
    """The page's one stylesheet: the area's theme (the default theme outside an area),
    built with the NL Design System components and our layout (frontend/build-css.mjs)."""
    return format_html(
        '<link rel="stylesheet" href="{}">', static(f"css/themes/{theme_of(area)}.css")
    )


@register.simple_tag
def theme_logo(area=None) -> str:
    """The area's own logo when its coordinator uploaded one, else the theme's logo (part
    of the theme, like its colours)."""
    if area is not None and getattr(area, "logo", None):
        return reverse("area_logo", args=[area.slug])
    return static(f"img/themes/{theme_of(area)}.svg")
