"""Geocoding: a gazetteer of Syrian, Iraqi and regional places, spotting of place phrases
in Arabic and Latin text, and disambiguation to coordinates, admin levels and ACLED-style
precision. ``marsad geocode`` and the ``geocode.v1`` stage are thin layers over this."""

from __future__ import annotations

from functools import lru_cache

from marsad.geo.gazetteer import Entry, Gazetteer, cached_gazetteer, load_gazetteer
from marsad.geo.geocoder import Geocoder, Resolved

__all__ = ["Entry", "Gazetteer", "Geocoder", "Resolved", "default_geocoder", "load_gazetteer"]


@lru_cache(maxsize=4)
def default_geocoder(path: str | None = None, default_country: str = "SY") -> Geocoder:
    """A geocoder over the packaged (or given) gazetteer, built once per process."""
    return Geocoder(cached_gazetteer(path), default_country=default_country)
