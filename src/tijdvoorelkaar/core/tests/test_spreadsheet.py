"""Spreadsheet files cannot run anything: core/spreadsheet.py."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from tijdvoorelkaar.core import spreadsheet

STARTS = ("=", "+", "-", "@", "\t", "\r")
texts = st.text(max_size=40) | st.sampled_from(STARTS).flatmap(
    lambda first: st.text(max_size=20).map(lambda rest: first + rest)
)


@given(texts)
def test_no_csv_cell_starts_a_formula_and_the_text_comes_back(text):
    out = io.StringIO()
    spreadsheet.write_csv(out, [[text, 5, "ok"]])
    (row,) = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert not row[0].startswith(STARTS)
    assert row[1:] == ["5", "ok"]
    assert spreadsheet.restore(row[0]) == text


def test_formula_like_text_gets_a_quote_and_numbers_stay_numbers():
    assert spreadsheet.neutralise('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    for text in ("+31 6 1234 5678", "-5", "@dokter", "\tx", "\rx"):
        assert spreadsheet.neutralise(text) == "'" + text
    assert spreadsheet.neutralise("Huisarts") == "Huisarts"
    assert spreadsheet.neutralise(-3) == -3 and spreadsheet.neutralise(2.5) == 2.5
    assert spreadsheet.restore("'Rock 'n roll") == "'Rock 'n roll"


@given(texts)
def test_an_xlsx_cell_is_never_a_formula(text):
    book = Workbook()
    spreadsheet.xlsx_append(book.active, [text, 12, 2.5], [None, None, "0.0"])
    out = io.BytesIO()
    book.save(out)
    row = next(load_workbook(io.BytesIO(out.getvalue())).active.iter_rows())
    assert row[0].data_type == "s" or row[0].value is None
    assert not str(row[0].value or "").startswith(("=", "+", "-", "@"))
    assert row[1].value == 12 and row[1].data_type == "n"
    assert row[1].number_format == spreadsheet.WHOLE
    assert row[2].value == 2.5 and row[2].number_format == "0.0"
