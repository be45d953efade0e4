"""``marsad eval claims``: the extractor against the gold set, one JSON-ready dict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad.claims.extract import ClaimExtractor
from marsad.claims.gold import GoldArticle, GoldClaim, load_gold
from marsad.ingest import IngestOptions
from marsad.ingest import make_article as ingest_article
from marsad.model import Article, Claim, Span
from marsad.registry import Services
from marsad.stages.text import text_stage

Extractor = Callable[[Article], list[Claim]]


def _overlap(a: Span | None, b: Span | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.overlaps(b)


def _match(gold: tuple[GoldClaim, ...], pred: list[Claim]) -> list[tuple[GoldClaim, Claim]]:
    """One-to-one pairs whose cues overlap, greedily in text order."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and p.cue is not None and p.cue.span.overlaps(g.cue):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def score(articles: list[GoldArticle], extract: Extractor) -> dict[str, Any]:
    """Cue P/R/F1 and, over matched cues, source, kind, certainty and content agreement."""
    tp = n_gold = n_pred = 0
    c: Counter[str] = Counter()
    confusion: Counter[str] = Counter()
    make_text = text_stage({}, Services())
    for ga in articles:
        article = make_text(ingest_article(ga.text, origin=f"{ga.zip}#{ga.index}",
                                           options=IngestOptions(), url=ga.url))
        if article.text != ga.text:
            raise ValueError(f"{ga.zip}#{ga.index}: ingest changed the text")
        pred = [p for p in extract(article)
                if p.cue is not None and ga.region.start <= p.cue.span.start < ga.region.end]
        gold = ga.claims
        pairs = _match(gold, pred)
        tp += len(pairs)
        n_gold += len(gold)
        n_pred += len(pred)
        for g, p in pairs:
            ps = p.source.span
            c["source_exact"] += ps == g.source if (ps and g.source) else ps is g.source is None
            c["source_overlap"] += _overlap(ps, g.source)
            c["kind"] += p.source.kind == g.kind
            confusion[f"{g.kind}->{p.source.kind}"] += p.source.kind != g.kind
            c["certainty"] += p.certainty == g.certainty
            c["negated"] += p.negated == g.negated
            c["content_overlap"] += p.content.overlaps(g.content)
            c["content_exact"] += p.content == g.content
            if g.chain:
                c["chain_gold"] += 1
                c["chain_found"] += any(any(s.span and s.span.overlaps(x) for s in p.source.chain)
                                        for x in g.chain)
    precision = _ratio(tp, n_pred)
    recall = _ratio(tp, n_gold)
    f1 = (round(2 * precision * recall / (precision + recall), 4)
          if precision and recall else 0.0)
    return {
        "articles": len(articles),
        "gold_claims": n_gold,
        "predicted_claims": n_pred,
        "cue": {"precision": precision, "recall": recall, "f1": f1, "matched": tp},
        "on_matched": {
            "source_span_exact": _ratio(c["source_exact"], tp),
            "source_span_overlap": _ratio(c["source_overlap"], tp),
            "source_kind_accuracy": _ratio(c["kind"], tp),
            "certainty_accuracy": _ratio(c["certainty"], tp),
            "negated_accuracy": _ratio(c["negated"], tp),
            "content_overlap": _ratio(c["content_overlap"], tp),
            "content_exact": _ratio(c["content_exact"], tp),
            "relay_recall": _ratio(c["chain_found"], c["chain_gold"]),
        },
        "end_to_end": {
            "source_span_exact": _ratio(c["source_exact"], n_gold),
            "source_span_overlap": _ratio(c["source_overlap"], n_gold),
            "source_kind_accuracy": _ratio(c["kind"], n_gold),
            "certainty_accuracy": _ratio(c["certainty"], n_gold),
        },
        "kind_errors": dict(sorted((k, v) for k, v in confusion.items() if v)),
    }


def evaluate_claims(gold: str | Path, data: str | Path | None = None,
                    splits: tuple[str, ...] = ("test",),
                    extractor: ClaimExtractor | None = None) -> dict[str, Any]:
    """Score the claims extractor on the gold file's ``splits`` (held-out ``test`` by default)."""
    articles = load_gold(gold, data, splits)
    ex = extractor or ClaimExtractor()
    result = score(articles, ex.extract)
    return {"gold": str(gold), "splits": list(splits), **result}
