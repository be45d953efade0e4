"""Offsets survive storage, the API and the exports, whatever the text (hypothesis)."""

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.exports.acled_csv import acled_row
from marsad.exports.records import stored_pairs
from marsad.model import Event, Source, Span
from marsad.store import Store

TEXTS = st.lists(st.sampled_from([
    "قال مصدر", "تَدْمُر", "إدلب", "😀", "𝕏", "\n", " ", "ﻻ", "Verba", "١٢", "\u200f", "«قتلى»",
]), min_size=1, max_size=30).map("".join).filter(lambda t: t.strip())


# spans as fractions of the text's length, so that any drawn text gets valid spans
FRACTIONS = st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=3)


def with_event(article, fractions):
    n = len(article.text)
    spans = []
    for a, b in fractions:
        start = min(int(min(a, b) * n), n - 1)
        end = max(start + 1, int(max(a, b) * n))
        spans.append(Span(start, end))
    source = spans[0]
    event = Event(id="ev_p", article_id=article.id, type="other", outlet=article.outlet,
                  evidence=tuple(spans),
                  sources=(Source("anonymous", text=article.text[source.start:source.end],
                                  span=source),))
    return replace(article, events=(event,))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, fractions=FRACTIONS)
def test_spans_slice_the_same_text_after_storage_and_export(make_article,
                                                           text, fractions):
    article = with_event(make_article(text), fractions)
    with Store.open("sqlite:///:memory:") as store:
        store.add([article], "p")
        stored = store.get_article(article.id)
        assert stored.text == article.text
        (event, info) = next(stored_pairs(store))
        for start, end in event["evidence"]:
            assert info.quote([start, end]) == article.text[start:end]
        source = event["sources"][0]
        assert article.text[source["span"][0]:source["span"][1]] == source["text"]
        quotes = [" ".join(article.text[s.start:s.end].split()) for s in article.events[0].evidence]
        assert acled_row(event, info)["notes"] == " … ".join(q for q in quotes if q)
