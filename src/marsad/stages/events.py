"""Events layer: typed events with their arguments, from the earlier layers (marsad.events)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from marsad.events.detect import EventDetector
from marsad.events.lexicon import load_event_lexicon
from marsad.events.taxonomy import load_taxonomy
from marsad.model import Article
from marsad.registry import Services, StageFn, stage


@stage("events.v1", requires=("mentions", "dates", "quantities", "places", "claims"),
       provides=("events",))
def events_stage(config: dict[str, Any], services: Services) -> StageFn:
    """Events per sentence and across adjacent sentences (rules over the mention layers)."""
    section = config.get("events", {})
    lexicon = services.get("event_lexicon",
                           lambda: load_event_lexicon(section.get("triggers") or None))
    taxonomy = services.get("event_taxonomy",
                            lambda: load_taxonomy(section.get("taxonomy") or None))
    detector = EventDetector(lexicon, taxonomy)

    def run(article: Article) -> Article:
        return replace(article, events=tuple(detector.detect(article)))

    return run
