"""Places layer: place phrases found in the text (and in the mentions layer, when present),
resolved against the gazetteer service (see :mod:`marsad.geo`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from marsad.geo import Geocoder, default_geocoder
from marsad.geo.gazetteer import cached_gazetteer
from marsad.model import Article
from marsad.registry import Services, StageFn, stage


def geocoder_service(config: dict[str, Any], services: Services) -> Geocoder:
    """The shared geocoder: over the ``gazetteer`` service when one is passed (tests pass
    tiny ones), else over the packaged or configured gazetteer, loaded once per process."""
    section = config.get("geocode", {})
    country = str(section.get("default_country") or "SY")
    if "gazetteer" in services:
        gazetteer = services.get("gazetteer", cached_gazetteer)
        return services.get("geocoder", lambda: Geocoder(gazetteer, default_country=country))
    path = str(section.get("gazetteer") or "") or None
    return services.get("geocoder", lambda: default_geocoder(path, country))


@stage("geocode.v1", requires=("sentences",), provides=("places",))
def geocode_stage(config: dict[str, Any], services: Services) -> StageFn:
    geocoder = geocoder_service(config, services)

    def run(article: Article) -> Article:
        places = geocoder.places(article.text, article.mentions)
        return replace(article, places=tuple(places))

    return run
