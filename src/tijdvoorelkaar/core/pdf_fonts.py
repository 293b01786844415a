"""Fonts for the PDFs a resident reads (a letter, their data export), and the language such
a PDF can be written in.

reportlab's built-in fonts (Helvetica) hold only Western European letters: enough for Dutch
and English, not for Turkish (ğ, ş, ı), Polish (ł, ą) or Ukrainian (Cyrillic). DejaVu Sans
holds all of those, and a message a neighbour wrote in another script prints too. It comes
from Debian's `fonts-dejavu-core` (which Chromium's fontconfig already pulls in; .ci/run and
docs/deployment.md install it); `settings.PDF_FONT_FILES` names the regular and bold file.
Without them the PDFs fall back to Helvetica, and only Dutch and English are written.

Arabic is written right to left with letters that join: reportlab draws it correctly only
with its optional shaping and bidi packages (`uharfbuzz`, `rlbidi`), which this project
does not install. Arabic letters drawn without them come out as separate letters in the
wrong order, unreadable. So a PDF for an Arabic reader is written in Dutch (the site's
language, which the broker who hands it over can explain); `pdf_language` says so, and the
broker's page tells the broker. Writing Arabic letters needs those packages as dependencies
and the letter's layout set right to left (ParagraphStyle wordWrap="RTL", right-aligned):
not done yet."""

from functools import cache
from pathlib import Path

from django.conf import settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

BUILT_IN = ("Helvetica", "Helvetica-Bold")
# Languages whose letters Helvetica holds.
BUILT_IN_LANGUAGES = frozenset({"nl", "en"})
# Languages written right to left with joined letters: they need shaping.
SHAPED_LANGUAGES = frozenset({"ar"})


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
    write it, else Dutch (always for Arabic: see above)."""
    code = code or settings.LANGUAGE_CODE
    if code in BUILT_IN_LANGUAGES:
        return code
    if code in SHAPED_LANGUAGES or _registered() is None:
        return settings.LANGUAGE_CODE
    return code
