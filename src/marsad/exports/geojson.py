"""GeoJSON (RFC 7946): a FeatureCollection of event points, written as a stream.

Exports keep every event: one without coordinates is a Feature with ``"geometry": null``
(allowed by the RFC), so nothing is lost; its properties are the contract JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from marsad.exports.records import Pair


def point(lon: Any, lat: Any) -> dict[str, Any] | None:
    """A GeoJSON Point, or None when a coordinate is missing."""
    if isinstance(lon, (int, float)) and isinstance(lat, (int, float)):
        return {"type": "Point", "coordinates": [lon, lat]}
    return None


def feature(event: dict[str, Any]) -> dict[str, Any]:
    """An event (contract JSON) as a Feature whose properties are the event."""
    loc = event.get("location") or {}
    return {"type": "Feature", "id": event["id"], "geometry": point(loc.get("lon"), loc.get("lat")),
            "properties": event}


def write_geojson(pairs: Iterable[Pair], out: TextIO) -> int:
    """Write a FeatureCollection, one feature a line; returns the features written."""
    out.write('{"type":"FeatureCollection","features":[')
    n = 0
    for event, _article in pairs:
        out.write(("\n" if n == 0 else ",\n") + json.dumps(feature(event), ensure_ascii=False,
                                                           separators=(",", ":")))
        n += 1
    out.write("\n]}\n")
    return n
