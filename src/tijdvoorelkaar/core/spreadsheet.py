"""Files for spreadsheet programs (CSV and XLSX) that cannot run anything when opened.

Every CSV or XLSX the software writes goes through these helpers. A text cell that begins
with =, +, -, @, a tab or a carriage return would be read as a formula by Excel or
LibreOffice ("CSV injection"): such a cell gets a single quote in front (OWASP's rule), so
it is shown as text. In XLSX files numbers are written as numbers (with a number format,
so they can be added up) and text is always a text cell, never a formula.

`restore` undoes the quote when a file we wrote is read back (the import reads the
export), so a phone number "+31 6 ..." survives the round trip.
"""

import csv
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Number formats; spreadsheet programs show them with the reader's own separators
# (1.234,5 in Dutch).
WHOLE = "#,##0"
DECIMAL = "#,##0.0"
PERCENT = "0%"


def neutralise(value):
    """`value` as a spreadsheet may safely show it: text that would start a formula gets a
    leading single quote; numbers, dates and empty cells are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore(text: str) -> str:
    """The original of a cell written by `neutralise` (other text unchanged)."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def safe_row(values: Iterable) -> list:
    return [neutralise(value) for value in values]


def write_csv(handle, rows: Iterable[Iterable], **options) -> None:
    """Write `rows` with csv.writer(handle, **options), every text cell neutralised."""
    writer = csv.writer(handle, **options)
    for row in rows:
        writer.writerow(safe_row(row))


def xlsx_append(sheet, values: Iterable, formats: Iterable[str | None] | None = None) -> None:
    """Append a row to an openpyxl sheet: numbers as numbers (with the given number format,
    or a default one), text as text cells that can never be a formula."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

    values = list(values)
    formats = list(formats or [None] * len(values))
    cells = []
    for value, number_format in zip(values, formats, strict=True):
        cell = Cell(sheet)
        if value is None:
            pass
        elif isinstance(value, bool):
            cell.value = "ja" if value else "nee"
        elif isinstance(value, int | float | Decimal):
            cell.value = value
            cell.number_format = number_format or (WHOLE if isinstance(value, int) else DECIMAL)
        elif isinstance(value, dt.date):
            cell.value = value
            cell.number_format = number_format or "dd-mm-yyyy"
        else:
            # A neutralised text never starts with "=", so openpyxl stores it as text; the
            # control characters XLSX cannot hold are dropped.
            cell.value = neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
            cell.data_type = "s"
        cells.append(cell)
    sheet.append(cells)
