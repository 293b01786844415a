"""A readable PDF of a person's data export (reportlab; DejaVu Sans where installed, so
Turkish, Polish and Cyrillic letters print: core/pdf_fonts.py; Arabic set right to left:
core/pdf_rtl.py)."""

import io
from xml.sax.saxutils import escape

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from tijdvoorelkaar.core.pdf_fonts import pdf_fonts
from tijdvoorelkaar.core.pdf_rtl import RTL_LANGUAGES, RightToLeft


def _styles():
    regular, bold = pdf_fonts()
    styles = getSampleStyleSheet()
    for name in ("BodyText", "Heading2", "Heading3", "Title"):
        styles[name].fontName = bold if name != "BodyText" else regular
    return styles


def _paragraph(text: str, style, *, bold_key: str = ""):
    """A paragraph of plain text (with an optional bold "key:" before it); right to left
    in an Arabic export."""
    if get_language() in RTL_LANGUAGES:
        return RightToLeft(f"{bold_key}: {text}" if bold_key else text, style)
    if bold_key:
        return Paragraph(f"<b>{escape(bold_key)}</b>: {escape(text)}", style)
    return Paragraph(escape(text), style)


def _lines(data, styles, depth=0):
    flow = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict | list):
                flow.append(_paragraph(str(key), styles["Heading3" if depth else "Heading2"]))
                flow.extend(_lines(value, styles, depth + 1))
            else:
                text = "" if value in (None, "") else str(value)
                flow.append(_paragraph(text, styles["BodyText"], bold_key=str(key)))
    elif isinstance(data, list):
        for item in data:
            flow.extend(_lines(item, styles, depth + 1))
            flow.append(Spacer(1, 0.2 * cm))
    else:
        flow.append(_paragraph(str(data), styles["BodyText"]))
    return flow


def export_pdf(data: dict) -> bytes:
    """The export as a PDF, headed in the reader's language."""
    buffer = io.BytesIO()
    title = _("Mijn gegevens bij TijdVoorElkaar")
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
    )
    styles = _styles()
    story = [
        _paragraph(title, styles["Title"]),
        _paragraph(
            _("Alles wat wij over u bewaren, ook wat de sociaal makelaar over u noteerde."),
            styles["BodyText"],
        ),
        Spacer(1, 0.5 * cm),
    ]
    story.extend(_lines(data, styles))
    doc.build(story)
    return buffer.getvalue()
