"""Dates layer: Arabic time expressions resolved against the article's publication date."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from marsad.model import Article
from marsad.registry import Services, StageFn, stage
from marsad.temporal import find_dates


@stage("dates.v1", requires=("sentences",), provides=("dates",))
def dates_stage(config: dict[str, Any], services: Services) -> StageFn:
    def run(article: Article) -> Article:
        return replace(article, dates=tuple(find_dates(article.text, article.published)))

    return run
