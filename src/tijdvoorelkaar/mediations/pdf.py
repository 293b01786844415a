"""The layout of a letter to a participant (reportlab, A4): the organisation at the top
right, the name and address where the window of a window envelope shows them (25 mm from
the left, 50 mm from the top), then the date, the subject and the text in a large, calm
type, and the organisation's phone number at the foot of every page. What the letter
says is gathered by letters.letter_for."""

import io
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from tijdvoorelkaar.core.pdf_fonts import pdf_fonts
from tijdvoorelkaar.core.pdf_rtl import RTL_LANGUAGES, RightToLeft, split_lines

from .letters import Letter

# DejaVu Sans where installed (Turkish, Polish, Cyrillic letters), else Helvetica.
FONT, BOLD = pdf_fonts()
BODY = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=17, spaceAfter=10)
SUBJECT = ParagraphStyle("subject", parent=BODY, fontName=BOLD)
QUOTE = ParagraphStyle(
    "quote",
    parent=BODY,
    leftIndent=0.8 * cm,
    rightIndent=0.4 * cm,
    borderPadding=(6, 8, 6, 8),
    borderWidth=0.75,
    borderColor=HexColor("#555555"),
    spaceBefore=4,
    spaceAfter=16,
)
LEFT, RIGHT, TOP = 25 * mm, 20 * mm, 18 * mm
# The address window: where the name and address go, and how much of it they may fill.
WINDOW_TOP, WINDOW_WIDTH, WINDOW_LINES = 50 * mm, 85 * mm, 6
# The text of the first page starts below the window.
FIRST_TEXT_TOP = 98 * mm


def _text(value: str) -> str:
    """Plain text for a Paragraph: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in value.splitlines()) or "&nbsp;"


def _lines(
    canvas,
    lines: list[str],
    *,
    x: float,
    top: float,
    size: float,
    width: float,
    right: bool = False,
    limit: int = 8,
) -> None:
    """Draws `lines` from `top` down, each wrapped to `width`, at most `limit` lines."""
    wrapped = split_lines(lines, FONT, size, width)
    canvas.setFont(FONT, size)
    for number, line in enumerate(wrapped[:limit]):
        y = top - size - number * size * 1.35
        if right:
            canvas.drawRightString(x, y, line)
        else:
            canvas.drawString(x, y, line)


def _pages(letter: Letter):
    footer = " · ".join(letter.footer)

    def every_page(canvas, document):
        canvas.saveState()
        width, _height = document.pagesize
        canvas.setFont(FONT, 9)
        for number, line in enumerate(split_lines([footer], FONT, 9, width - 4 * cm)[:2]):
            canvas.drawCentredString(width / 2, 1.2 * cm - number * 11, line)
        canvas.restoreState()

    def first_page(canvas, document):
        every_page(canvas, document)
        canvas.saveState()
        width, height = document.pagesize
        _lines(
            canvas,
            letter.sender,
            x=width - RIGHT,
            top=height - TOP,
            size=10,
            width=90 * mm,
            right=True,
            limit=6,
        )
        _lines(
            canvas,
            letter.address,
            x=LEFT,
            top=height - WINDOW_TOP,
            size=12,
            width=WINDOW_WIDTH,
            limit=WINDOW_LINES,
        )
        canvas.restoreState()

    return first_page, every_page


def letter_pdf(letter: Letter) -> bytes:
    """The letter; in Arabic set right to left (core/pdf_rtl.py), the address still where
    the envelope's window is."""
    if letter.language in RTL_LANGUAGES:

        def para(text, style):
            return RightToLeft(text, style)

    else:

        def para(text, style):
            return Paragraph(_text(text), style)

    flowables = [
        Spacer(1, FIRST_TEXT_TOP - TOP),
        para(letter.date, BODY),
        Spacer(1, 0.2 * cm),
        para(letter.subject, SUBJECT),
        Spacer(1, 0.3 * cm),
        para(letter.greeting, BODY),
        para(letter.intro, BODY),
        para(letter.message_heading, BODY),
        para(letter.message, QUOTE),
    ]
    flowables += [para(paragraph, BODY) for paragraph in letter.paragraphs]
    flowables.append(
        KeepTogether(
            [
                Spacer(1, 0.2 * cm),
                para(letter.closing, BODY),
                Spacer(1, 0.4 * cm),
                para("\n".join(letter.signature), BODY),
            ]
        )
    )
    buffer = io.BytesIO()
    first_page, later_pages = _pages(letter)
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=2.5 * cm,
        title=letter.title,
        author=letter.sender[0],
        lang=letter.language,
    ).build(flowables, onFirstPage=first_page, onLaterPages=later_pages)
    return buffer.getvalue()
