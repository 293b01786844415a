"""The files a municipality gets: PDF tables that fit (two periods side by side, growth,
page numbers, organisation and period on every page), charts with titles and whole
labels, XLSX with numbers as numbers and readable tab names, CSV for Dutch Excel."""

import io

import pytest
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from tijdvoorelkaar.reports import charts, exports, tables

PERIODS = [("2005-07-01", "2006-06-30"), ("2006-07-01", "2007-06-30")]


def _figures(**extra) -> list[dict]:
    first = {
        "mediations_total": 48,
        "mediations_supported": 35,
        "matches_successful": 30,
        "median_match_days": 61.5,
        "reciprocity_gave_and_received_share": 0.2,
        "inflow_by_source": {"groepsbezoek": 30, "website": 12},
        "composition": {"work_situation": {"gepensioneerd": 20}},
        "time_credits": {
            "issued": 1412,
            "transfers": 90,
            "hours": 1500.25,
            "participants_giving": 40,
            "participants_receiving": 60,
            "organisations_issuing": 4,
            "organisations_redeeming": 2,
        },
        "time_credits_in_circulation": 1300.5,
    }
    second = {
        **first,
        "mediations_total": 141,
        "mediations_supported": 76,
        "matches_successful": 54,
        "median_match_days": 70.0,
        "time_credits": {**first["time_credits"], "issued": 2324},
    }
    result = []
    for (start, end), figures in zip(PERIODS, (first, second), strict=True):
        result.append({"start": start, "end": end, **figures, **extra})
    return result


def _report(figures=None) -> tables.Report:
    return tables.build(figures or _figures(), masked=False)


# --- XLSX ----------------------------------------------------------------------------------


def test_sheet_names_fit_end_on_a_whole_word_and_are_unique():
    used: set[str] = set()
    long = exports.sheet_name("Samenstelling: wat deelnemers overdag doen", used)
    assert long == "Samenstelling wat deelnemers"  # no ":", whole words, at most 31
    assert exports.sheet_name("Roosjes", used) == "Roosjes"
    assert exports.sheet_name("roosjes", used) == "roosjes (2)"  # tabs ignore case
    assert exports.sheet_name("Roosjes", used) == "Roosjes (3)"
    same = exports.sheet_name("Samenstelling: wat deelnemers overdag doen", used)
    assert same == "Samenstelling wat (2)" and len(same) <= 31
    assert exports.sheet_name("In/uit [per] maand?", used) == "In uit per maand"
    assert len(exports.sheet_name("Donaudampfschifffahrtsgesellschaftskapitän", used)) == 31


def test_xlsx_holds_numbers_decimals_and_growth_as_numbers_with_formats():
    report = _report()
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(report, "Verslag")))
    names = exports.sheet_names(report)
    assert book.sheetnames == [names[t.key] for t in report.tables]
    assert all(len(name) <= 31 for name in book.sheetnames)
    assert len({name.casefold() for name in book.sheetnames}) == len(book.sheetnames)
    assert "Samenstelling dagbesteding" in book.sheetnames

    rows = {row[0].value: row[1:] for row in book[names["bemiddelingen"]].iter_rows(min_row=4)}
    total = rows["Bemiddelingen tussen bewoners"]
    assert [c.value for c in total] == [48, 141, 2.9]
    assert [c.data_type for c in total] == ["n", "n", "n"]
    assert [c.number_format for c in total] == ["#,##0", "#,##0", "#,##0.0"]
    median = rows["Mediane duur van een beëindigde koppeling (dagen)"]
    assert [c.value for c in median] == [61.5, 70, 1.1]
    assert median[0].number_format == "#,##0.0" and median[0].data_type == "n"

    share = {row[0].value: row[1:] for row in book["Wederkerigheid"].iter_rows(min_row=4)}
    cell = next(iter(share.values()))[0]
    assert cell.value == 0.2 and cell.number_format == "0%"

    credits = {row[0].value: row[1:] for row in book[names["roosjes"]].iter_rows(min_row=4)}
    issued = credits["Roosjes uitgegeven (uren): door organisaties en het project"]
    assert [c.value for c in issued] == [1412, 2324, 1.6]
    assert all(c.data_type == "n" for c in issued)
    hours = credits["Uren in die boekingen"][0]
    assert hours.value == 1500.25 and hours.number_format == "#,##0.00"


# --- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_csv_is_written_for_dutch_excel_in_every_language(language):
    with translation.override(language):
        body = exports.csv_bytes(_report())
    assert body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    lines = text.splitlines()
    mediations = next(line for line in lines if ";48;" in line)
    assert mediations.endswith(";48;141;2,9")
    assert any(line.endswith(";1412;2324;1,6") for line in lines)  # no thousands separator
    assert any(line.endswith(";1500,25;1500,25;1") for line in lines)  # quarter hours
    assert any(line.endswith(";20%;20%;") for line in lines)
    assert "2.9" not in text and "1,412" not in text


# --- PDF -----------------------------------------------------------------------------------


def _runs(pdf: bytes) -> list[list[tuple]]:
    """Per page, the text runs as (x, y, width, text), measured with the font's metrics."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs = []

        def visit(text, cm, tm, font, size, runs=runs):
            text = text.strip()  # pypdf adds the spaces and newlines between runs
            if not text or font is None:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            name = str(font.get("/BaseFont", "/Helvetica")).lstrip("/")
            runs.append((x, y, stringWidth(text, name, size * scale), text))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def _overlaps(runs) -> list[tuple]:
    found = []
    for i, (x1, y1, w1, t1) in enumerate(runs):
        for x2, y2, w2, t2 in runs[i + 1 :]:
            if abs(y1 - y2) < 2 and x1 < x2 + w2 - 0.5 and x2 < x1 + w1 - 0.5:
                found.append((t1, t2))
    return found


def test_pdf_tables_put_two_periods_side_by_side_without_overlap_and_number_pages():
    with translation.override("nl"):
        report = _report()
        pdf = exports.pdf_bytes(
            report,
            "Verslag TijdVoorElkaar Utrecht Zuid",
            "Periode: 1-7-2005 t/m 30-6-2006 en 1-7-2006 t/m 30-6-2007.",
            organisation="Welzijn Utrecht Zuid · Utrecht Zuid",
            period="1-7-2005 t/m 30-6-2006 en 1-7-2006 t/m 30-6-2007",
        )
    pages = _runs(pdf)
    assert len(pages) >= 2
    for number, runs in enumerate(pages, start=1):
        assert not _overlaps(runs), (number, _overlaps(runs))
        texts = [text for _x, _y, _w, text in runs]
        assert f"Pagina {number} van {len(pages)}" in texts
        assert "Welzijn Utrecht Zuid · Utrecht Zuid" in texts
        assert "1-7-2005 t/m 30-6-2006 en 1-7-2006 t/m 30-6-2007" in texts
    # The two period headers and the growth header are runs of their own, left to right.
    runs = [run for page in pages for run in page]
    heads = [
        min((x for x, _y, _w, text in runs if text.startswith(start)), default=None)
        for start in ("1-7-2005", "1-7-2006", "groeifactor")
    ]
    assert None not in heads and heads == sorted(heads)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Bemiddelingen tussen bewoners 48 141 2,9" in " ".join(text.split())


def test_charts_have_titles_and_whole_level_labels_and_no_empty_frame():
    report = _report()
    chart = next(c for c in charts.charts_for(report) if c.key == "bemiddelingen")
    svg = charts.svg(chart)
    assert "rotate(" not in svg and "…" not in svg
    assert chart.title == "Bemiddelingen en koppelingen" and not chart.empty
    assert ">actief ondersteund door de<" in svg or ">ondersteund door de<" in svg

    quiet = [
        {"start": s, "end": e, "mediations_total": 0, "inflow_by_source": {}} for s, e in PERIODS
    ]
    report = tables.build(quiet, masked=False)
    (empty,) = charts.charts_for(report)
    assert empty.empty
    with translation.override("nl"):
        pdf = exports.pdf_bytes(report, "Verslag", "Periode", organisation="Org", period="P")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Bemiddelingen en koppelingen" in text
    assert "Geen gegevens in deze periode." in text
