"""Property tests: whatever the text, claim spans index it exactly and never raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.claims import claim_at, extract_claims
from marsad.ingest import IngestOptions, make_article
from marsad.model import Span
from marsad.pipeline import check_spans
from marsad.registry import Services
from marsad.stages.text import text_stage

PIECES = [
    "وقال", "قال", "وأضاف", "وتابع", "مشيراً", "بحسب", "وفقاً لـ", "نقلت", "عن", "قوله",
    "إن", "أن", "بأن", ":", "«", "»", "\"", "،", ".", "\n", "المرصد السوري لحقوق الإنسان",
    "مصدر عسكري", "رفض الكشف عن اسمه", "وكالة سانا", "ونفت", "زعم", "يُعتقد", "لم يتسن",
    "التحقق", "ناشطون", "على تويتر", "حسابات", "العميد", "أحمد", "علي", "في بيان", "لـ«الوطن»",
    "قُتل 10 مدنيين", "الطائرات", "قصفت", "يذكر", "الذي طلب عدم الكشف", "ﻻ", "ـ", "٣",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(min_size=1, max_size=6),
                 min_size=1, max_size=40).map(" ".join)
text_fn = text_stage({}, Services())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_claim_spans_slice_the_original_text(raw):
    if not raw.strip():
        return
    article = text_fn(make_article(raw, origin="<h>", options=IngestOptions()))
    claims = extract_claims(article)
    from dataclasses import replace

    check_spans(replace(article, claims=tuple(claims)))
    n = len(article.text)
    for c in claims:
        assert 0 <= c.content.start <= c.content.end <= n
        assert c.certainty in ("asserted", "reported", "alleged", "hedged")
        if c.source.span is not None:
            assert article.text[c.source.span.start : c.source.span.end] == c.source.text
        for relay in c.source.chain:
            assert article.text[relay.span.start : relay.span.end] == relay.text


@settings(max_examples=60, deadline=None)
@given(texts, st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=40))
def test_claim_at_always_answers(raw, start, length):
    if not raw.strip():
        return
    article = text_fn(make_article(raw, origin="<h>", options=IngestOptions()))
    from dataclasses import replace

    article = replace(article, claims=tuple(extract_claims(article)))
    start = min(start, len(article.text))
    span = Span(start, min(len(article.text), start + length))
    claim = claim_at(article, span)
    assert claim.certainty in ("asserted", "reported", "alleged", "hedged")
