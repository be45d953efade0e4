"""Offsets are sacred: every span the pipeline emits slices the original to its quote."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.config import load_config
from marsad.exports.jsonl import article_record
from marsad.model import Article, from_dict, spans_of
from marsad.pipeline import Pipeline

PIPELINE = Pipeline.from_config(load_config())

FRAGMENTS = st.sampled_from([
    "قال مصدر عسكري", "إن تنظيم الدولة", "سيطر على تَدْمُر", "يوم ١٠/١٢/٢٠١٦", "د. أحمد",
    "«انسحبت القوات»", ".", "؟", "،", "\n", "\n\n", " ", "ﻻ", "الـــدولة", "Verba", "10.5",
    "U.S.", "!", "\u200f", "قُتل 12 مدنياً", "في ريف إدلب الجنوبي", "كانون الأول",
])


def assert_spans_quote_text(article: Article) -> None:
    for span, quoted in spans_of([article.sentences, article.mentions, article.dates,
                                  article.quantities, article.places, article.claims,
                                  article.events]):
        assert 0 <= span.start <= span.end <= len(article.text)
        if quoted is not None:
            assert article.text[span.start:span.end] == quoted


@settings(max_examples=150, deadline=None,  # the first example loads the NER model
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(FRAGMENTS, min_size=1, max_size=40).map(" ".join))
def test_every_span_slices_the_original(make_article, text):
    if not text.strip():
        return
    article = PIPELINE(make_article(text))
    assert not article.errors
    assert_spans_quote_text(article)
    again = from_dict(Article, article_record(article))
    assert_spans_quote_text(again)
    for span in article.sentences:
        assert article.text[span.start:span.end].strip() == article.text[span.start:span.end]
