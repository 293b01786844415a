"""Downloads of a report: CSV and XLSX with every table, and a PDF with charts, in the
reader's language (Dutch unless they chose English).
They are made from the same `Report` as the page, so a funder's files hide the same cells.
CSV and XLSX go through core/spreadsheet.py: no cell can become a formula, and the XLSX
holds numbers as numbers. The CSV is written the way Dutch Excel reads it: semicolons,
a byte order mark, and a decimal comma, whatever the reader's language."""

import io
import re
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from tijdvoorelkaar.core import spreadsheet

from .charts import COLOURS, charts_for, wrap
from .tables import Report


def _dutch_cell(value, number_format) -> str:
    """A cell as Dutch Excel reads it: 1234, 2,9, 1,25, 20%; text as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if number_format == spreadsheet.PERCENT:
        return f"{round(value * 100)}%"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".rstrip("0").replace(".", ",")
    return str(int(value))


def csv_bytes(report: Report) -> bytes:
    """One section per table: its title on a line of its own, the header, the rows, and
    a blank line. Semicolons, a decimal comma and no thousands separator (Dutch Excel),
    and a byte order mark so spreadsheet programs read the accents as UTF-8."""
    rows = []
    for table in report.tables:
        rows += [[table.title], report.headers]
        rows += [
            [_dutch_cell(value, number_format) for value, number_format in row]
            for row in report.rows_as_values(table)
        ]
        rows.append([])
    out = io.StringIO()
    spreadsheet.write_csv(out, rows, delimiter=";")
    return ("\ufeff" + out.getvalue()).encode("utf-8")


SHEET_NAME_SIZE = 31  # the most a spreadsheet tab may hold
NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def _whole_words(text: str, size: int) -> str:
    """`text` cut to at most `size` characters after a whole word (a single word longer
    than that is cut)."""
    if len(text) <= size:
        return text
    cut = text[: size + 1].rsplit(" ", 1)[0].rstrip(" ,;-(")
    return cut if cut and len(cut) <= size else text[:size]


def sheet_name(text: str, used: set[str]) -> str:
    """A tab name for `text`: without the characters tabs cannot hold, at most 31
    characters ending on a whole word, and unique among `used` (compared as spreadsheet
    programs do, ignoring case: a second "Roosjes" becomes "Roosjes (2)"). The chosen
    name is added to `used`."""
    name = " ".join(NOT_IN_SHEET_NAMES.sub(" ", str(text)).split()).strip("'") or "Tabel"
    candidate, number = _whole_words(name, SHEET_NAME_SIZE), 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = _whole_words(name, SHEET_NAME_SIZE - len(suffix)) + suffix
        number += 1
    used.add(candidate.casefold())
    return candidate


def sheet_names(report: Report) -> dict[str, str]:
    """The tab name of every table of the report, by the table's key."""
    used: set[str] = set()
    return {table.key: sheet_name(table.sheet or table.title, used) for table in report.tables}


def xlsx_bytes(report: Report, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    names = sheet_names(report)
    for table in report.tables:
        sheet = book.create_sheet(names[table.key])
        spreadsheet.xlsx_append(sheet, [title])
        spreadsheet.xlsx_append(sheet, [table.title])
        sheet["A1"].font = Font(bold=True)
        spreadsheet.xlsx_append(sheet, report.headers)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in report.rows_as_values(table):
            spreadsheet.xlsx_append(
                sheet, [value for value, _f in row], [number_format for _v, number_format in row]
            )
        sheet.column_dimensions["A"].width = 60
        for column in "BCD":
            sheet.column_dimensions[column].width = 24
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


NO_DATA = gettext_lazy("Geen gegevens in deze periode.")


def _pdf_chart(chart, styles) -> list:
    """A titled bar chart with level labels wrapped over whole words; for a chart
    without anything to draw, its title and "Geen gegevens in deze periode."."""
    heading = Paragraph(escape(chart.title), styles["Heading2"])
    if chart.empty:
        return [heading, Paragraph(escape(str(NO_DATA)), styles["BodyText"])]
    width, plot = 17 * cm, 4.5 * cm
    per_line = max(8, int(width / max(len(chart.labels), 1) / (8 * 0.6)))
    labels = [wrap(label, per_line) for label in chart.labels]
    below = 10 + 9 * max(len(lines) for lines in labels)
    drawing = Drawing(width, plot + below + 30)
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 40, below, width - 50, plot
    # A hidden value ("<5") is None: reportlab draws no bar for it.
    bars.data = [values for _name, values, _texts in chart.series]
    bars.categoryAxis.categoryNames = ["\n".join(lines) for lines in labels]
    bars.categoryAxis.labels.angle = 0
    bars.categoryAxis.labels.boxAnchor = "n"
    bars.categoryAxis.labels.textAnchor = "middle"
    bars.categoryAxis.labels.fontSize = 8
    bars.categoryAxis.labels.leading = 9
    bars.valueAxis.valueMin = 0
    for i in range(len(chart.series)):
        bars.bars[i].fillColor = colors.HexColor(COLOURS[i % len(COLOURS)])
    drawing.add(bars)
    legend = Legend()
    legend.x, legend.y = 40, plot + below + 24
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [
        (colors.HexColor(COLOURS[i % len(COLOURS)]), name)
        for i, (name, _v, _t) in enumerate(chart.series)
    ]
    drawing.add(legend)
    return [heading, drawing]


PERIOD_COLUMN = 3.6 * cm
GROWTH_COLUMN = 2.4 * cm


def _column_widths(report: Report) -> list[float]:
    """The label takes what the figures leave of the 17 cm: 3.6 cm per period, 2.4 cm
    for the growth factor."""
    figures = [PERIOD_COLUMN] * len(report.periods)
    if report.compare:
        figures.append(GROWTH_COLUMN)
    return [17 * cm - sum(figures), *figures]


def _pdf_table(report: Report, table, styles) -> list:
    rows = report.rows_as_text(table)
    if not rows:
        return []
    # Headers are paragraphs: a period that does not fit its column wraps within it
    # instead of running into the next one.
    head = ParagraphStyle(
        "report-head",
        parent=styles["BodyText"],
        fontName="Helvetica-Bold",
        fontSize=8,
        leading=10,
        alignment=2,
    )
    label = ParagraphStyle("report-label", parent=styles["BodyText"], fontSize=9, leading=11)
    header = [""] + [Paragraph(escape(str(text)), head) for text in report.headers[1:]]
    grid = PdfTable(
        [header, *[[Paragraph(escape(str(row[0])), label), *row[1:]] for row in rows]],
        colWidths=_column_widths(report),
        repeatRows=1,
    )
    grid.setStyle(
        TableStyle(
            [
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    parts = [Paragraph(escape(table.title), styles["Heading2"]), grid]
    if table.note:
        parts.append(Paragraph(escape(table.note), styles["Italic"]))
    return [*parts, Spacer(1, 0.3 * cm)]


MASKED_NOTE = gettext_lazy(
    "Aantallen kleiner dan 5 staan er als <5, zodat niemand herkenbaar is. "
    "Soms staat ook een groter aantal als <5: anders zou een klein aantal "
    "uit de andere cijfers terug te rekenen zijn. Het totaal aantal "
    "aangemelde deelnemers is afgerond op tientallen."
)


def _page_canvas(organisation: str, period: str, page_text: str):
    """A canvas that writes on every page the organisation's name and the period at the
    top, and "Pagina 2 van 5" at the bottom: the pages are kept until the document is
    complete, so the number of pages is known."""

    class PageCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._kept_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._kept_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            pages = len(self._kept_pages)
            for number, state in enumerate(self._kept_pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, pages)
                super().showPage()
            super().save()

        def _decorate(self, number: int, pages: int) -> None:
            width, height = A4
            self.saveState()
            self.setFont("Helvetica", 8)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(2 * cm, height - 1.3 * cm, organisation)
            self.drawRightString(width - 2 * cm, height - 1.3 * cm, period)
            self.setStrokeColor(colors.HexColor("#999999"))
            self.line(2 * cm, height - 1.45 * cm, width - 2 * cm, height - 1.45 * cm)
            self.drawCentredString(
                width / 2, 1.2 * cm, page_text % {"page": number, "pages": pages}
            )
            self.restoreState()

    return PageCanvas


def pdf_bytes(
    report: Report, title: str, subtitle: str, *, organisation: str = "", period: str = ""
) -> bytes:
    """The report for the municipality: charts, then every table, with the organisation
    and the period at the top of each page and the page number at the bottom."""
    styles = getSampleStyleSheet()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        author=organisation or "TijdVoorElkaar",
        lang=translation.get_language() or "nl",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2 * cm,
    )
    # Paragraph reads XML markup: text from the database (area and organisation names) is
    # escaped.
    story = [
        Paragraph(escape(title), styles["Title"]),
        Paragraph(escape(subtitle), styles["Normal"]),
    ]
    if report.masked:
        story.append(Paragraph(escape(str(MASKED_NOTE)), styles["Italic"]))
    story.append(Spacer(1, 0.4 * cm))
    for chart in charts_for(report):
        story += _pdf_chart(chart, styles)
    for table in report.tables:
        story += _pdf_table(report, table, styles)
    page_text = _("Pagina %(page)s van %(pages)s")
    doc.build(story, canvasmaker=_page_canvas(organisation, period, page_text))
    return out.getvalue()
