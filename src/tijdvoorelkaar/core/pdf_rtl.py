"""Right-to-left text in PDFs (Arabic letters and data exports), without reportlab's
optional shaping packages.

reportlab draws strings left to right, one glyph per character. Arabic needs two things
done first: the letters' joined forms (`arabic_reshaper` turns each letter into the
presentation form its neighbours ask for; DejaVu Sans has those glyphs), and the visual
order of a line (`python-bidi`, the Unicode bidirectional algorithm: Arabic runs reversed,
numbers and Latin words kept left to right). Lines must be broken before the reordering,
so `RightToLeft` breaks the text into lines in reading order, reorders each line and
draws it against the right margin. Runs of Latin letters and digits (a phone number with
its spaces, an address, a name) are isolated first, so "030 123 45 67" keeps its groups
in order, as a browser shows it inside <bdi>.
"""

import re

import arabic_reshaper
from bidi import get_display
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

RTL_LANGUAGES = frozenset({"ar"})
_ARABIC = "\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff"
_LATIN_RUN = re.compile(
    rf"[(\[\"']?[0-9A-Za-z\u00c0-\u024f\u0400-\u04ff][^{_ARABIC}]*[0-9A-Za-z\u00c0-\u024f\u0400-\u04ff)\]]"
    rf"|[0-9A-Za-z\u00c0-\u024f\u0400-\u04ff]"
)
_ISOLATE, _POP = "\u2066", "\u2069"
_CONTROLS = re.compile("[\u2066-\u2069]")
_HAS_ARABIC = re.compile(f"[{_ARABIC}]")


_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")
_NBSP = "\u00a0"


def _isolated(text: str) -> str:
    # A number written in groups ("030 123 45 67") is never broken over two lines.
    text = _DIGIT_SPACE.sub(_NBSP, text)
    return _LATIN_RUN.sub(lambda m: f"{_ISOLATE}{m.group(0)}{_POP}", text)


def _balanced(lines: list[str]) -> list[str]:
    """Close an isolate that a line break cut at the end of its line and open it again at
    the start of the next, so each line is ordered on its own."""
    out, open_run = [], False
    for line in lines:
        if open_run:
            line = _ISOLATE + line
        opened = line.rfind(_ISOLATE) > line.rfind(_POP)
        if opened:
            line += _POP
        open_run = opened
        out.append(line)
    return out


def logical(text: str) -> str:
    """`text` with its Arabic letters in their joined forms and its Latin runs isolated,
    still in reading order (break lines in this)."""
    return arabic_reshaper.reshape(_isolated(text))


def has_arabic(text: str) -> bool:
    return bool(_HAS_ARABIC.search(text))


def visual(line: str) -> str:
    """One line (from `logical`) in the order it is drawn, left to right: read right to
    left when it holds Arabic, else left to right (a message a neighbour wrote in Dutch)."""
    return _CONTROLS.sub("", get_display(line, base_dir="R" if has_arabic(line) else "L"))


def visual_text(text: str) -> str:
    """A short text of one line (a footer, a heading) ready to draw."""
    return visual(logical(text))


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(_CONTROLS.sub("", text), font, size)


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines (in reading order, joined forms) no wider than `width`; a newline in `text`
    always breaks."""
    lines: list[str] = []
    for part in text.splitlines() or [""]:
        words = [w for w in logical(part).split(" ") if w]
        current = ""
        for word in words:
            trial = f"{current} {word}" if current else word
            if current and _width(trial, font, size) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return _balanced(lines)


def split_lines(lines: list[str], font: str, size: float, width: float) -> list[str]:
    """simpleSplit for lines that may hold Arabic: each wrapped, then made visual."""
    out = []
    for line in lines:
        if has_arabic(line):
            out.extend(visual(x) for x in break_lines(line, font, size, width))
        else:
            out.extend(simpleSplit(line, font, size, width))
    return out


class RightToLeft(Flowable):
    """A paragraph of plain text set right to left in `style`'s font, size, leading and
    spacing (and its border, for a quoted message); a paragraph without Arabic (a
    message as a neighbour wrote it) is set left to right."""

    def __init__(self, text: str, style, lines: list[str] | None = None):
        super().__init__()
        self.text = text
        self.style = style
        self._lines = lines

    def _inner(self, width: float) -> float:
        return width - self.style.leftIndent - self.style.rightIndent

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        if self._lines is None:
            self._lines = break_lines(
                self.text, self.style.fontName, self.style.fontSize, self._inner(availWidth)
            )
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return []
        return [
            RightToLeft(self.text, self.style, self._lines[:fit]),
            RightToLeft(self.text, self.style, self._lines[fit:]),
        ]

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        style = self.style
        canvas = self.canv
        if style.borderWidth:
            canvas.saveState()
            canvas.setStrokeColor(style.borderColor)
            canvas.setLineWidth(style.borderWidth)
            pad = style.borderPadding
            top, right, bottom, left = pad if isinstance(pad, tuple | list) else (pad,) * 4
            canvas.rect(
                style.leftIndent - left,
                -bottom,
                self._inner(self.width) + left + right,
                self.height + top + bottom,
            )
            canvas.restoreState()
        canvas.setFont(style.fontName, style.fontSize)
        rtl = has_arabic(self.text)
        for number, line in enumerate(self._lines):
            y = self.height - (number + 1) * style.leading + (style.leading - style.fontSize)
            if rtl:
                canvas.drawRightString(self.width - style.rightIndent, y, visual(line))
            else:
                canvas.drawString(style.leftIndent, y, visual(line))
