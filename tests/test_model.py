import datetime as dt

import pytest

from marsad.errors import SpanError
from marsad.model import (
    AcledType,
    Actor,
    Article,
    Claim,
    Cue,
    DateValue,
    Event,
    Mention,
    Place,
    Source,
    Span,
    from_dict,
    spans_of,
    to_dict,
)


def test_span_rejects_negative_and_reversed():
    with pytest.raises(SpanError):
        Span(-1, 2)
    with pytest.raises(SpanError):
        Span(5, 2)


def test_span_slice_past_text_is_an_error():
    with pytest.raises(SpanError):
        Span(0, 10).slice("قصير")


def _event(text: str) -> Event:
    start = text.index("تدمر")
    return Event(
        id="ev_1", article_id="ar_1", type="weapons_seizure", outlet="Orient Net",
        published=dt.date(2016, 12, 20),
        acled=AcledType("Strategic developments", "Looting/property destruction"),
        plover="SEIZE",
        date=DateValue(dt.date(2016, 12, 10), dt.date(2016, 12, 10), dt.date(2016, 12, 10), 1,
                       "10/12/2016", Span(text.index("10/"), text.index("10/") + 10)),
        actors=(Actor("actor1", "Islamic State", "داعش", 2, Span(0, 4)),),
        location=Place("Tadmur", "تدمر", 34.56, 38.28, "SY", "Homs", "Tadmur",
                       "geonames:170017", 1, "تدمر", Span(start, start + 4)),
        sources=(Source("anonymous", None, "مصدر", Span(text.index("مصدر"),
                                                          text.index("مصدر") + 4)),),
        certainty="reported",
        evidence=(Span(0, len(text)),),
    )


def test_event_round_trips_through_contract_json():
    text = "داعش يستولي على أسلحة في تدمر يوم 10/12/2016 بحسب مصدر"
    event = _event(text)
    data = to_dict(event)
    assert data["date"] == {"value": "2016-12-10", "start": "2016-12-10", "end": "2016-12-10",
                            "precision": 1, "text": "10/12/2016",
                            "span": [text.index("10/"), text.index("10/") + 10],
                            "kind": None, "inherited": False}
    assert data["location"]["span"] == [text.index("تدمر"), text.index("تدمر") + 4]
    assert data["fatalities"] is None
    assert data["evidence"] == [[0, len(text)]]
    assert from_dict(Event, data) == event


def test_article_round_trip_keeps_layers():
    text = "قال مصدر إن داعش انسحب"
    article = Article(
        id="ar_x", text=text, published=dt.date(2016, 1, 2),
        mentions=(Mention("ARMED_GROUP", "داعش", Span(12, 16), "Islamic State", "lexicon",
                          {"inter": 2}),),
        claims=(Claim(Source("anonymous", None, "مصدر", Span(4, 8)), Cue("قال", Span(0, 3)),
                      Span(9, len(text)), "reported"),),
    )
    again = from_dict(Article, to_dict(article))
    assert again == article
    assert isinstance(again.mentions[0].span, Span)
    assert again.published == dt.date(2016, 1, 2)


def test_spans_of_pairs_spans_with_their_quoted_text():
    text = "داعش يستولي على أسلحة في تدمر يوم 10/12/2016 بحسب مصدر"
    pairs = list(spans_of(_event(text)))
    quoted = {text[s.start:s.end]: q for s, q in pairs if q is not None}
    assert quoted == {"10/12/2016": "10/12/2016", "داعش": "داعش", "تدمر": "تدمر",
                      "مصدر": "مصدر"}
    assert any(q is None and s == Span(0, len(text)) for s, q in pairs)
