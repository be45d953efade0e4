"""``claim_at``: the claim that covers a stretch of an article's text."""

from __future__ import annotations

from marsad.model import Article, Claim, Source, Span


def claim_at(article: Article, span: Span) -> Claim:
    """The innermost claim whose content covers ``span``; else the outlet's own assertion.

    Attributed and hedged statements are explicit claims (``article.claims``); everything
    else the outlet states itself, so the answer is then an ``asserted`` claim by the outlet
    (``Source(kind="media", name=article.outlet)``) over the sentence holding the span.
    """
    best: Claim | None = None
    for claim in article.claims:
        c = claim.content
        inside = c.start <= span.start and span.end <= c.end and len(c) > 0
        if inside and (best is None or len(c) < len(best.content)):
            best = claim
    if best is None:
        overlapping = [c for c in article.claims
                       if c.content.overlaps(span) and len(c.content) > 0]
        if overlapping:
            best = max(overlapping, key=lambda c: min(c.content.end, span.end)
                       - max(c.content.start, span.start))
    if best is not None:
        return best
    sentence = next((s for s in article.sentences if s.start <= span.start < s.end
                     or (s.start <= span.start and span.end <= s.end)), None)
    content = sentence or span
    return Claim(source=Source(kind="media", name=article.outlet), cue=None, content=content,
                 certainty="asserted")
