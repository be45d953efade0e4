"""Arabic cardinals in words and digits."""

import pytest

from marsad.text.normalize import normalize
from marsad.text.numerals import read_number
from marsad.text.tokens import bare_forms, tokenize


@pytest.mark.parametrize(("text", "value"), [
    ("ثلاثة", 3), ("خمسة عشر", 15), ("إحدى عشرة", 11), ("عشرين", 20), ("مئة", 100),
    ("مائة وعشرون", 120), ("ألف", 1000), ("ألفين", 2000), ("ألفي", 2000), ("25", 25),
    ("٢٥", 25), ("1,200", 1200), ("1.5 ألف", 1500), ("خمسة وعشرون ألفاً", 25000),
    ("ثلاث مئة", 300), ("ثلاثمائة وخمسون", 350), ("ثلاثة آلاف وخمسمئة", 3500),
    ("خمسة و عشرون", 25), ("اثنا عشر", 12), ("نصف مليون", 500_000), ("1.200", 1200),
])
def test_reads(text, value):
    reading = read_number(tokenize(normalize(text)), 0)
    assert reading is not None and reading.value == value


@pytest.mark.parametrize("text", ["أحد المقاتلين", "آلاف", "عشرات", "الجيش", "نصف الطريق"])
def test_not_numbers(text):
    assert read_number(tokenize(normalize(text)), 0) is None


def test_bare_forms_keep_lam_words_whole():
    assert [f for f, _ in bare_forms("وبالامس")] == ["وبالامس", "بالامس", "الامس"]
    assert [f for f, _ in bare_forms("لامس")] == ["لامس"]
