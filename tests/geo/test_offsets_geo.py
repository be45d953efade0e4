"""Offsets are sacred: every place span slices the original text (property test)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FRAGMENTS = st.sampled_from([
    "تدمر", "وبتدمر", "تَدْمُر", "ريف حمص الشرقي", "بريف", "حمص", "الرقة", "للرقة",
    "الباب", "مدينة", "قرب", "شمال", "حلب", "حـلب", "حي الزهراء", "في", "الموصل", "جنوب",
    "المطار", "مطار دير الزور العسكري", "Palmyra", "Deir ez-Zor", "\u200f", "ﻻ", "،", ".",
    "\n", " ", "  ", "15", "٣", "-", "إدلب", "محافظة", "الشرقية",
])


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(FRAGMENTS, min_size=1, max_size=30).map("".join),
       st.lists(FRAGMENTS, min_size=1, max_size=30).map(" ".join))
def test_place_spans_slice_the_original(geocoder, glued, spaced):
    for text in (glued, spaced):
        for r in geocoder.resolve_text(text):
            if r.place is None:
                continue
            s, e = r.place.span.start, r.place.span.end
            assert 0 <= s < e <= len(text)
            assert text[s:e] == r.place.text
            assert r.place.lat is not None and r.place.precision in (1, 2, 3)
