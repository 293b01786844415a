"""Reading an import file (CSV or XLSX) into a Table of text cells, and the problems
found on the way."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from tijdvoorelkaar.core import spreadsheet
from tijdvoorelkaar.core.errors import ServiceError


class ImportFileError(ServiceError):
    """A file that cannot be read at all (not found, too big); the message is for the
    person importing (translated)."""


# --- Reading files ------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One bad line: the file, the line number as a spreadsheet shows it, and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class Table:
    """One file as rows of text cells. `label` names the file in messages."""

    kind: str
    label: str
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def error(self, line: int, reason: str) -> None:
        self.problems.append(Problem(self.label, line, reason))

    @property
    def errors(self) -> list[str]:
        return [str(p) for p in self.problems]


def _rows_to_table(table: Table, raw_rows) -> Table:
    header_seen = False
    for number, cells in enumerate(raw_rows, start=1):
        cells = [_cell_text(c) for c in cells]
        if not header_seen:
            if not any(cells):
                continue
            table.header = [c.lower() for c in cells]
            while table.header and not table.header[-1]:
                table.header.pop()
            header_seen = True
            header_line = number
            continue
        if not any(cells):
            continue
        table.rows.append((number, cells))
    if not header_seen:
        table.error(1, _("het bestand is leeg: de kopregel met kolomnamen ontbreekt"))
    elif header_line != 1:
        table.error(header_line, _("de kopregel moet op regel 1 staan"))
    return table


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # A cell we exported as '=..., '+31... (see core/spreadsheet.py) reads as it was.
    return spreadsheet.restore(str(value).strip()).strip()


def read_csv(kind: str, label: str, data: bytes) -> Table:
    """UTF-8 (a byte order mark is fine), comma or semicolon separated."""
    table = Table(kind=kind, label=label)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        table.error(
            line,
            _(
                "dit is geen UTF-8-tekst; sla het bestand op als 'CSV UTF-8 (door komma's "
                "gescheiden)'"
            ),
        )
        return table
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        table.error(1, _("dit bestand is geen leesbare CSV (%(error)s)") % {"error": exc})
        return table
    return _rows_to_table(table, rows)


def read_xlsx(kind: str, label: str, data: bytes) -> Table:
    """The first sheet of an Excel workbook; dates may be real Excel dates."""
    from openpyxl import load_workbook

    table = Table(kind=kind, label=label)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        workbook.close()
    except Exception:  # openpyxl raises many kinds of errors for a damaged file
        table.error(1, _("dit is geen leesbaar Excel-bestand (.xlsx)"))
        return table
    return _rows_to_table(table, rows)


def read_table(kind: str, label: str, data: bytes, filename: str | None = None) -> Table:
    name = (filename or label).lower()
    if name.endswith(".xlsx"):
        return read_xlsx(kind, label, data)
    return read_csv(kind, label, data)


def read_path(kind: str, path: str | Path) -> Table:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            _("Bestand %(path)s kan niet gelezen worden: %(reason)s.")
            % {"path": path, "reason": exc.strerror}
        ) from exc
    return read_table(kind, str(path), data, path.name)
