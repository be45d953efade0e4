"""A synthetic stage for ``throughput.py --busy-ms N``: N ms of CPU work per article.

It stands in for the heavier per-article stages still being built (NER, dates, geocoding,
claims, events), to show how the runners scale once articles cost more to analyse. It
changes nothing on the article.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from marsad.model import Article
from marsad.registry import Services, StageFn, stage


@stage("bench-busy.v1", requires=("text",))
def busy_stage(config: dict[str, Any], services: Services) -> StageFn:
    seconds = float(config.get("bench", {}).get("busy_ms", 0)) / 1000

    def run(article: Article) -> Article:
        until = time.process_time() + seconds  # CPU time: the same work however busy the machine
        digest = article.id.encode()
        while time.process_time() < until:
            digest = hashlib.sha256(digest).digest()
        return article

    return run
