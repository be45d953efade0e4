"""Events layer: typed events with their arguments, from the earlier layers (marsad.events)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from marsad.events.detect import EventDetector
from marsad.events.lexicon import load_event_lexicon
from marsad.events.sentence_filter import MIN_SENTENCES, THRESHOLD, cached_model
from marsad.events.taxonomy import load_taxonomy
from marsad.model import Article
from marsad.registry import Services, StageFn, stage


@stage("events.v1", requires=("mentions", "dates", "quantities", "places", "claims"),
       provides=("events",))
def events_stage(config: dict[str, Any], services: Services) -> StageFn:
    """Events per sentence and across adjacent sentences (rules over the mention layers),
    less those in sentences the learned filter says report no event."""
    section = config.get("events", {})
    lexicon = services.get("event_lexicon",
                           lambda: load_event_lexicon(section.get("triggers") or None))
    taxonomy = services.get("event_taxonomy",
                            lambda: load_taxonomy(section.get("taxonomy") or None))
    detector = EventDetector(lexicon, taxonomy)
    model = (services.get("event_filter", lambda: cached_model(section.get("filter_model") or ""))
             if section.get("sentence_filter", True) else None)
    threshold = float(section.get("filter_threshold", THRESHOLD))
    min_sentences = int(section.get("filter_min_sentences", MIN_SENTENCES))

    def run(article: Article) -> Article:
        screen = model.screen(article, threshold, min_sentences) if model is not None else None
        return replace(article, events=tuple(detector.detect(article, screen)))

    return run
