from django import template
from django.templatetags.static import static
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
    """The static path of the area's theme logo (part of the theme, like its colours)."""
    return static(f"img/themes/{theme_of(area)}.svg")
