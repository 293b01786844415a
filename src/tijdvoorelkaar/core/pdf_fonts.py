"""Fonts for the PDFs a resident reads (a letter, their data export), and the language such
a PDF can be written in.

reportlab's built-in fonts (Helvetica) hold only Western European letters: enough for Dutch
and English, not for Turkish (ğ, ş, ı), Polish (ł, ą) or Ukrainian (Cyrillic). DejaVu Sans
holds all of those, and a message a neighbour wrote in another script prints too. It comes
from Debian's `fonts-dejavu-core` (which Chromium's fontconfig already pulls in; .ci/run and
docs/deployment.md install it); `settings.PDF_FONT_FILES` names the regular and bold file.
Without them the PDFs fall back to Helvetica, and only Dutch and English are written.

Arabic is written right to left with letters that join: `core/pdf_rtl.py` shapes and
orders it (arabic-reshaper and python-bidi, pinned dependencies) and sets it against the
right margin; DejaVu Sans has the joined forms. Without DejaVu Sans an Arabic reader's
PDF is written in Dutch (the site's language, which the broker who hands it over can
explain); `pdf_language` says so, and the broker's page tells the broker."""

from functools import cache
from pathlib import Path

from django.conf import settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

BUILT_IN = ("Helvetica", "Helvetica-Bold")
# Languages whose letters Helvetica holds.
BUILT_IN_LANGUAGES = frozenset({"nl", "en"})


@cache
def _registered() -> tuple[str, str] | None:
    regular, bold = (Path(p) for p in settings.PDF_FONT_FILES)
    if not (regular.is_file() and bold.is_file()):
        return None
    pdfmetrics.registerFont(TTFont("TVE-Sans", str(regular)))
    pdfmetrics.registerFont(TTFont("TVE-Sans-Bold", str(bold)))
    pdfmetrics.registerFontFamily(
        "TVE-Sans",
        normal="TVE-Sans",
        bold="TVE-Sans-Bold",
        italic="TVE-Sans",
        boldItalic="TVE-Sans-Bold",
    )
    return ("TVE-Sans", "TVE-Sans-Bold")


def pdf_fonts() -> tuple[str, str]:
    """(regular, bold) font names for a PDF: DejaVu Sans when installed, else Helvetica."""
    return _registered() or BUILT_IN


def pdf_language(code: str | None) -> str:
    """The language a PDF for a reader of `code` is written in: `code` when the fonts can
    write it, else Dutch."""
    code = code or settings.LANGUAGE_CODE
    if code in BUILT_IN_LANGUAGES:
        return code
    if _registered() is None:
        return settings.LANGUAGE_CODE
    return code
