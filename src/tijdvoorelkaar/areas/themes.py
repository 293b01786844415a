"""The themes an area can have: each is a file frontend/css/themes/<name>.css that sets the
NL Design System (Utrecht) tokens and the header and menu colours; the build turns it into
the page's one stylesheet, static css/themes/<name>.css (frontend/build-css.mjs)."""

from django.utils.translation import gettext_lazy as _

DEFAULT_THEME = "utrecht"
THEMES = {
    "utrecht": _("Utrecht (blauw)"),
    "breda": _("Breda (rood en antraciet)"),
}


def theme_of(area) -> str:
    """The area's theme if it is a known one, else the default (never a missing file)."""
    theme = getattr(area, "theme", None) or DEFAULT_THEME
    return theme if theme in THEMES else DEFAULT_THEME
