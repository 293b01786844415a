from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from tijdvoorelkaar.areas.themes import theme_of

register = template.Library()


@register.simple_tag
def theme_stylesheet(area=None):
    """The <link> to the area's theme stylesheet (the default theme outside an area)."""
    return format_html(
        '<link rel="stylesheet" href="{}">', static(f"css/themes/{theme_of(area)}.css")
    )
