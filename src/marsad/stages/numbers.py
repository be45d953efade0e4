"""Quantities layer: counts (casualties above all) with ACLED-style bounds and what they count."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from marsad.model import Article
from marsad.quantities import find_quantities
from marsad.registry import Services, StageFn, stage
from marsad.temporal import find_dates


@stage("numbers.v1", requires=("sentences",), provides=("quantities",))
def numbers_stage(config: dict[str, Any], services: Services) -> StageFn:
    def run(article: Article) -> Article:
        dates = article.dates or tuple(find_dates(article.text))
        spans = [d.span for d in dates if d.span is not None]
        return replace(article, quantities=tuple(find_quantities(article.text, spans)))

    return run
