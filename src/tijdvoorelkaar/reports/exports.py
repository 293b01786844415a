"""Downloads of a report: CSV and XLSX with every table, and a PDF with charts, in the
reader's language (Dutch unless they chose English).
They are made from the same `Report` as the page, so a funder's files hide the same cells.
CSV and XLSX go through core/spreadsheet.py: no cell can become a formula, and the XLSX
holds numbers as numbers."""

import io
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext_lazy
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from tijdvoorelkaar.core import spreadsheet

from .charts import COLOURS, charts_for
from .tables import Report


def csv_bytes(report: Report) -> bytes:
    """One section per table: its title on a line of its own, the header, the rows, and
    a blank line."""
    rows = []
    for table in report.tables:
        rows += [[table.title], report.headers, *report.rows_as_text(table), []]
    out = io.StringIO()
    spreadsheet.write_csv(out, rows, delimiter=";")
    # A byte order mark so spreadsheet programs read the accents correctly.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(report: Report, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used = set()
    for table in report.tables:
        name = (table.sheet or table.title)[:31].replace("/", "-").replace(":", "")
        while name in used:
            name = name[:28] + f"{len(used):03d}"
        used.add(name)
        sheet = book.create_sheet(name)
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


def _pdf_chart(chart, styles) -> list:
    drawing = Drawing(17 * cm, 7.5 * cm)
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 40, 70, 17 * cm - 60, 7.5 * cm - 100
    bars.data = [values for _name, values, _texts in chart.series]
    bars.categoryAxis.categoryNames = [label[:18] for label in chart.labels]
    bars.categoryAxis.labels.angle = 30
    bars.categoryAxis.labels.boxAnchor = "ne"
    bars.categoryAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    for i in range(len(chart.series)):
        bars.bars[i].fillColor = colors.HexColor(COLOURS[i % len(COLOURS)])
    drawing.add(bars)
    legend = Legend()
    legend.x, legend.y = 40, 7.5 * cm - 10
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [
        (colors.HexColor(COLOURS[i % len(COLOURS)]), name)
        for i, (name, _v, _t) in enumerate(chart.series)
    ]
    drawing.add(legend)
    return [Paragraph(escape(chart.title), styles["Heading2"]), drawing]


def _pdf_table(report: Report, table, styles) -> list:
    rows = [report.headers, *report.rows_as_text(table)]
    if len(rows) == 1:
        return []
    columns = len(report.headers) - 1
    widths = [8.5 * cm] + [(17 - 8.5) * cm / columns] * columns
    grid = PdfTable(
        [
            [
                Paragraph(escape(str(cell)), styles["BodyText"]) if i == 0 else cell
                for i, cell in enumerate(row)
            ]
            for row in rows
        ],
        colWidths=widths,
        repeatRows=1,
    )
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
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


def pdf_bytes(report: Report, title: str, subtitle: str) -> bytes:
    styles = getSampleStyleSheet()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        author="TijdVoorElkaar",
        lang=translation.get_language() or "nl",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
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
    doc.build(story)
    return out.getvalue()
