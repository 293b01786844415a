"""Arabic in PDFs: joined letters, right-to-left lines, numbers and Latin words kept in
their own order, lines broken before they are reordered."""

import io

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from tijdvoorelkaar.core.pdf_fonts import pdf_fonts
from tijdvoorelkaar.core.pdf_rtl import RightToLeft, break_lines, visual, visual_text

FONT = pdf_fonts()[0]


def test_arabic_letters_are_joined_and_the_line_reads_right_to_left():
    drawn = visual_text("مرحبا")  # "hello": m-r-h-b-a
    assert drawn != "مرحبا"
    assert all("\ufe70" <= ch <= "\ufeff" for ch in drawn)  # presentation (joined) forms
    # Drawn left to right, the first letter of the word (meem) comes last.
    assert drawn[-1] in "\ufee3\ufee4\ufee1\ufee2"


def test_a_phone_number_keeps_its_groups_in_order_and_on_one_line():
    drawn = visual_text("اتصلوا بنا: 030 123 45 67")
    assert "030\u00a0123\u00a045\u00a067" in drawn
    lines = break_lines("اتصلوا بالوسيط الاجتماعي على 030 123 45 67 شكرا", FONT, 12, 120)
    assert len(lines) > 1
    assert sum("030\u00a0123\u00a045\u00a067" in visual(line) for line in lines) == 1


def test_a_latin_run_cut_by_a_line_break_keeps_its_brackets():
    text = "الهاتف: 030 123 45 67 (maandag tot en met vrijdag van 9.00 tot 12.30 uur)"
    lines = [visual(line) for line in break_lines(text, FONT, 10, 150)]
    assert len(lines) > 1
    assert lines[-1].endswith(")") or lines[-1].rstrip().endswith("uur)")
    assert any("(maandag" in line for line in lines)


def test_dutch_text_in_an_arabic_letter_is_unchanged():
    assert visual_text("Zal ik om 10 uur langskomen?") == "Zal ik om 10 uur langskomen?"


def test_a_long_paragraph_splits_over_pages():
    style = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=17)
    text = " ".join(["كيف يسير تواصلكما؟"] * 400)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([RightToLeft(text, style)])
    assert len(PdfReader(io.BytesIO(buffer.getvalue())).pages) >= 2
