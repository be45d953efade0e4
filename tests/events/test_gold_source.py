import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import GoldError
from marsad.events.gold_source import GazetteerRow, GoldGazetteer, build_event, resolve_quote
from marsad.model import Span
from marsad.pipeline import check_spans

TEXT = ("قال مصدر أمني إن غارات استهدفت حلب أمس. "
        "وأضاف المصدر أن غارات أخرى استهدفت إدلب، ما أدى إلى مقتل 5 مدنيين.")


def test_a_unique_quote_and_a_range():
    span = resolve_quote(TEXT, "مصدر أمني")
    assert TEXT[span.start:span.end] == "مصدر أمني"
    sentence = resolve_quote(TEXT, "قال مصدر … أمس.")
    assert TEXT[sentence.start:sentence.end] == "قال مصدر أمني إن غارات استهدفت حلب أمس."


def test_an_ambiguous_quote_resolves_inside_the_evidence_or_asks_for_an_index():
    second = resolve_quote(TEXT, "وأضاف المصدر … مدنيين.")
    span = resolve_quote(TEXT, "غارات", [second])
    assert span.start > second.start and TEXT[span.start:span.end] == "غارات"
    with pytest.raises(GoldError, match="add @N"):
        resolve_quote(TEXT, "غارات")
    assert resolve_quote(TEXT, "غارات@2") == span
    with pytest.raises(GoldError, match="occurs 2 times, not 3"):
        resolve_quote(TEXT, "غارات@3")


def test_missing_quotes_are_refused():
    with pytest.raises(GoldError, match="not in the text"):
        resolve_quote(TEXT, "دمشق")
    with pytest.raises(GoldError, match="does not follow"):
        resolve_quote(TEXT, "مدنيين … قال")
    with pytest.raises(GoldError, match="empty"):
        resolve_quote(TEXT, "")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرزسشص ،.", min_size=1, max_size=80), st.data())
def test_any_resolved_quote_slices_to_itself(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    occurrences = [i for i in range(len(text)) if text.startswith(quote, i)]
    nth = occurrences.index(start) + 1
    span = resolve_quote(text, f"{quote}@{nth}")
    assert span == Span(start, end)
    assert text[span.start:span.end] == quote


def gazetteer():
    return GoldGazetteer(rows=[GazetteerRow("geonames:170063", "Aleppo", "حلب", 36.20124,
                                            37.16117, "SY")])


def test_an_event_is_built_from_quotes_with_the_gazetteer_row(make_article):
    article = make_article(TEXT, published="2015-07-23")
    raw = {
        "type": "air_strike", "trigger": "غارات", "evidence": ["قال مصدر … أمس."],
        "certainty": "reported",
        "actors": [{"role": "actor2", "name": "Civilians", "inter": 7, "text": "مدنيين"}],
        "location": {"text": "حلب", "gaz": "geonames:170063", "admin1": "Aleppo",
                     "precision": 1},
        "date": {"text": "أمس", "value": "2015-07-22", "precision": 1},
        "fatalities": {"text": "مقتل 5", "count": 5},
        "sources": [{"text": "مصدر أمني", "kind": "anonymous"}],
    }
    event = build_event(raw, article, "gold:x:1", gazetteer())
    assert event.location.lat == 36.20124 and event.location.name == "Aleppo"
    assert event.date.value == dt.date(2015, 7, 22) and not event.date.inherited
    assert event.fatalities.min == event.fatalities.max == 5
    assert event.acled.sub_event_type == "Air/drone strike"
    assert event.trigger.span.start < event.evidence[0].end
    check_spans(article.__class__(**{**article.__dict__, "events": (event,)}))


def test_inherited_and_derived_dates(make_article):
    article = make_article(TEXT, published="2015-07-23")
    base = {"type": "battle", "trigger": "غارات", "evidence": ["قال مصدر … أمس."],
            "certainty": "asserted"}
    inherited = build_event({**base, "date": {"inherited": True}}, article, "e", gazetteer())
    assert (inherited.date.start, inherited.date.end) == (dt.date(2015, 7, 22),
                                                          dt.date(2015, 7, 23))
    assert inherited.inherited == ("date",)
    derived = build_event({**base, "date": {"value": "2015-07-20", "start": "2015-07-20",
                                            "end": "2015-07-21", "precision": 2,
                                            "derived": True}}, article, "e", gazetteer())
    assert derived.date.text is None and derived.date.inherited
    with pytest.raises(GoldError, match="derived"):
        build_event({**base, "date": {"value": "2015-07-20", "precision": 1}}, article, "e",
                    gazetteer())


@pytest.mark.parametrize("field, value, message", [
    ("certainty", "probable", "certainty must be one of"),
    ("actors", [{"role": "victim", "name": "x", "text": "مدنيين"}], "actor role"),
    ("weapons", [{"name": "x", "category": "laser", "text": "غارات@1"}], "weapon category"),
    ("sources", [{"kind": "rumour", "text": "مصدر أمني"}], "source kind"),
    ("location", {"text": "حلب", "gaz": "geonames:1", "precision": 1}, "gazetteer id"),
    ("fatalities", {"text": "مقتل 5", "count": 5, "min": 6}, "outside"),
])
def test_bad_vocabulary_is_refused(make_article, field, value, message):
    article = make_article(TEXT, published="2015-07-23")
    raw = {"type": "air_strike", "trigger": "غارات", "evidence": ["قال مصدر … أمس."],
           "certainty": "reported", field: value}
    with pytest.raises(GoldError, match=message):
        build_event(raw, article, "e", gazetteer())
