"""Builders for import tests: a small, valid file set that tests then spoil one cell at a
time."""

import copy
import csv
import io

from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area
from tijdvoorelkaar.imports.services import ADS, COLUMNS, MEDIATIONS, PARTICIPANTS


def make_area(slug: str = "oud-zuid"):
    area, _ = create_area(
        slug,
        "Oud Zuid",
        [NeighbourhoodSpec("centrum", "Centrum"), NeighbourhoodSpec("haven", "Haven")],
    )
    return area


# One good line per case of every file format (docs/importeren.md).
GOOD_ROWS = {
    PARTICIPANTS: [
        {
            "external_id": "P1",
            "name": "Riet van Dam",
            "email": "riet@example.org",
            "phone": "06-1234 5678",
            "neighbourhood": "centrum",
            "gender": "v",
            "birth_year": "1948",
            "registered_on": "2024-03-01",
            "inflow_source": "evenement",
            "referrer_organisation": "",
        },
        {
            "external_id": "P2",
            "name": "Serkan Demir",
            "email": "",
            "phone": "",
            "neighbourhood": "haven",
            "gender": "m",
            "birth_year": "",
            "registered_on": "2024-04-15",
            "inflow_source": "doorverwijzing",
            "referrer_organisation": "Huisartsenpraktijk Haven",
        },
        {
            "external_id": "P3",
            "name": "Joke",
            "email": "",
            "phone": "",
            "neighbourhood": "centrum",
            "gender": "",
            "birth_year": "",
            "registered_on": "2024-05-20",
            "inflow_source": "",
            "referrer_organisation": "",
        },
    ],
    ADS: [
        {
            "external_id": "A1",
            "owner_id": "P1",
            "kind": "vraag",
            "category": "Boodschappen",
            "title": "Wie draagt mijn boodschappen?",
            "description": "Eens per week naar de markt.",
            "neighbourhood": "centrum",
            "placed_on": "2024-03-05",
            "closed_on": "2024-06-01",
        },
        {
            "external_id": "A2",
            "owner_id": "P2",
            "kind": "aanbod",
            "category": "fietsen repareren",
            "title": "Ik repareer fietsen",
            "description": "",
            "neighbourhood": "",
            "placed_on": "2024-04-20",
            "closed_on": "",
        },
    ],
    MEDIATIONS: [
        {
            "external_id": "M1",
            "requester_id": "P1",
            "provider_id": "P2",
            "broker_supported": "ja",
            "started_on": "2024-05-01",
            "reached_active": "ja",
            "ended_on": "2024-09-01",
            "end_reason": "klus_klaar",
            "category": "Boodschappen",
        },
        {
            "external_id": "M2",
            "requester_id": "P3",
            "provider_id": "P2",
            "broker_supported": "nee",
            "started_on": "2024-06-01",
            "reached_active": "ja",
            "ended_on": "",
            "end_reason": "",
            "category": "Fietsen repareren",
        },
        {
            "external_id": "M3",
            "requester_id": "P3",
            "provider_id": "P1",
            "broker_supported": "ja",
            "started_on": "2024-07-01",
            "reached_active": "nee",
            "ended_on": "2024-07-15",
            "end_reason": "geen_tijd",
            "category": "",
        },
        {
            "external_id": "M4",
            "requester_id": "P1",
            "provider_id": "P3",
            "broker_supported": "ja",
            "started_on": "2024-08-01",
            "reached_active": "nee",
            "ended_on": "",
            "end_reason": "",
            "category": "",
        },
    ],
}


def good_rows() -> dict[str, list[dict]]:
    """A fresh copy of GOOD_ROWS, for a test to change."""
    return copy.deepcopy(GOOD_ROWS)


def csv_bytes(kind: str, rows: list[dict], columns: list[str] | None = None) -> bytes:
    columns = columns or COLUMNS[kind]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue().encode("utf-8")


def write_files(tmp_path, rows: dict[str, list[dict]], columns=None) -> dict[str, str]:
    """Write each kind's rows to <kind>.csv; returns the paths by kind."""
    paths = {}
    for kind, kind_rows in rows.items():
        path = tmp_path / f"{kind}.csv"
        path.write_bytes(csv_bytes(kind, kind_rows, (columns or {}).get(kind)))
        paths[kind] = str(path)
    return paths


def xlsx_bytes(kind: str, rows: list[dict]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS[kind])
    for row in rows:
        sheet.append([row.get(c, "") for c in COLUMNS[kind]])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
