"""Claims layer: who says what, and how surely (marsad.claims)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from marsad.claims.extract import ClaimExtractor
from marsad.claims.lexicon import load_lexicon
from marsad.model import Article
from marsad.registry import Services, StageFn, stage


@stage("claims.v1", requires=("sentences",), provides=("claims",))
def claims_stage(config: dict[str, Any], services: Services) -> StageFn:
    """Attributed and hedged claims; uses PER/ORG mentions when an earlier stage made them."""
    section = config.get("claims", {})
    path = section.get("lexicon") or None
    lexicon = services.get("claims_lexicon", lambda: load_lexicon(path))
    extractor = ClaimExtractor(lexicon)

    def run(article: Article) -> Article:
        return replace(article, claims=tuple(extractor.extract(article)))

    return run
