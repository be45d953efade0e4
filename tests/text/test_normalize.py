from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import build_view, normalize


def test_folds_alef_forms_yaa_taa_marbuta_and_digits():
    assert normalize("أإآٱ") == "اااا"
    assert normalize("على مدينة") == "علي مدينه"
    assert normalize("١٠/١٢/٢٠١٦ ۱۲") == "10/12/2016 12"


def test_deletes_diacritics_tatweel_and_format_marks():
    assert normalize("تَدْمُر") == "تدمر"
    assert normalize("الـــدولة") == "الدوله"
    assert normalize("\u200fداعش\u200e") == "داعش"


def test_idlib_spellings_meet():
    assert normalize("إدلب") == normalize("ادلب") == normalize("أدلب")


def test_keheh_and_iraqi_gaf_fold_to_kaf():
    assert normalize("الگرمة") == normalize("الکرمة") == normalize("الكرمة") == "الكرمه"


def test_presentation_forms_expand_and_latin_lowercases():
    assert normalize("ﻻ") == "لا"
    assert normalize("Verba SA-7") == "verba sa-7"


def test_ornate_parentheses_without_decomposition_are_kept():
    # U+FD3E/FD3F sit in the presentation-forms block but NFKC leaves them as they are
    # (Quran quotations in SaudiNewsNet use them); folding them once recursed forever
    assert normalize("\ufd3fقال تعالى\ufd3e") == "\ufd3fقال تعالي\ufd3e"


def test_view_span_maps_back_to_original_with_trailing_marks():
    text = "سيطر التنظيم على تَدْمُرُ اليوم"
    view = build_view(text)
    start = view.text.index("تدمر")
    span = view.span(start, start + 4)
    assert text[span.start:span.end] == "تَدْمُرُ"


def test_view_without_changes_shares_offsets():
    view = build_view("abc 123")
    assert view.index is None
    assert view.span(0, 3).to_list() == [0, 3]


def test_to_view_inverts_to_original():
    text = "قالَ المصدرُ إنَّ ﻻ شيء"
    view = build_view(text)
    for i in range(len(view.text) + 1):
        assert view.to_view(view.to_original(i)) <= i


ARABIC_CHARS = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة") + list("\u064b\u064c\u064d\u064e\u064f\u0650"
                                                       "\u0651\u0652\u0640\u200f")
    + ["ﻻ", "ﷲ", " ", "٣", "۴", "A", "b", "İ", "\n", "."]
)


@settings(max_examples=300)
@given(st.lists(ARABIC_CHARS, max_size=60).map("".join), st.data())
def test_every_view_span_covers_its_view_text(text, data):
    view = build_view(text)
    n = len(view.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    span = view.span(start, end)
    assert 0 <= span.start <= span.end <= len(text)
    assert view.text[start:end] in normalize(text[span.start:span.end])
    assert view.index is None or len(view.index) == n + 1


def test_presentation_forms_without_decomposition_stay():
    # ﴾ ﴿ (U+FD3E/F) sit in the presentation-forms block but NFKC leaves them as they are
    view = build_view("قال تعالى ﴿ وقل ﴾")
    assert view.text == "قال تعالي ﴿ وقل ﴾"


def test_presentation_block_symbols_without_decomposition_stay_as_they_are():
    # U+FD3E (ornate parenthesis) and U+FBB2 (Arabic symbol) normalise to themselves
    # under NFKC; folding them once recursed forever.
    view = build_view("أ\ufd3eب\ufbb2")
    assert view.text == "ا\ufd3eب\ufbb2"
    assert view.span(0, len(view.text)).end == 4
