"""Text layer: sentence spans and the article's language."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from marsad.model import Article
from marsad.registry import Services, StageFn, stage
from marsad.text.language import arabic_share, identify_language
from marsad.text.sentences import split_sentences


@stage("text.v1", requires=("text",), provides=("sentences", "lang"))
def text_stage(config: dict[str, Any], services: Services) -> StageFn:
    def run(article: Article) -> Article:
        meta = {**article.meta, "arabic_share": round(arabic_share(article.text), 3)}
        return replace(
            article,
            sentences=tuple(split_sentences(article.text)),
            lang=identify_language(article.text),
            meta=meta,
        )

    return run
