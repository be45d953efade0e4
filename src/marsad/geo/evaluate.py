"""``marsad eval geocode GOLD...``: distance-based accuracy of the geocoder on gold files.

Gold is JSON Lines, one item a line (see benchmarks/gold/README.md):

- point items: ``mention`` (as written in news), optional ``text`` (a context sentence
  containing it), ``lat``/``lon`` from a real source named in ``source``, ``country``,
  ``level`` (village, town, city, site, neighbourhood, near), ``split`` (dev|heldout).
  Scored by the distance from marsad's point to the gold point.
- region items: ``expect_admin1``, ``expect_precision`` (ريف حمص الشرقي -> Homs, 3).
- negative items: ``expect: "none"``: the mention is not a place in its text.

With ``text``, the whole text is geocoded as an article and the place whose span overlaps
the mention is taken; without, the mention is geocoded as a typed place name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.geo.gazetteer import distance_km
from marsad.geo.geocoder import Geocoder
from marsad.model import Place


def read_gold(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        p = Path(path)
        try:
            lines = p.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            raise InputError(str(p), "gold file does not exist") from None
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{lineno}", f"not JSON ({exc.msg}); one object a "
                                 "line") from None
            if not isinstance(item, dict) or not item.get("mention"):
                raise InputError(f"{p}:{lineno}", "each gold line needs a 'mention'")
            item.setdefault("_where", f"{p.name}:{lineno}")
            yield item


def locate(geocoder: Geocoder, item: dict[str, Any]) -> Place | None:
    """marsad's place for a gold item's mention (None when it finds none)."""
    mention = item["mention"]
    text = item.get("text")
    if not text:
        return geocoder.resolve_name(mention, country=item.get("country_hint")).place
    start = text.find(mention)
    if start < 0:
        raise InputError(item["_where"], f"mention {mention!r} does not occur in its text")
    end = start + len(mention)
    for place in geocoder.places(text, country=item.get("country_hint")):
        if place.span is not None and place.span.start < end and start < place.span.end:
            return place
    return None


@dataclass
class Tally:
    n: int = 0
    within_10km: int = 0
    within_25km: int = 0
    unresolved: int = 0

    def add(self, km: float | None) -> None:
        self.n += 1
        if km is None:
            self.unresolved += 1
            return
        self.within_10km += km <= 10
        self.within_25km += km <= 25

    def to_dict(self) -> dict[str, Any]:
        def share(k: int) -> float | None:
            return round(k / self.n, 3) if self.n else None

        return {"n": self.n, "within_10km": share(self.within_10km),
                "within_25km": share(self.within_25km), "unresolved": share(self.unresolved)}


@dataclass
class Report:
    points: Tally = field(default_factory=Tally)
    syrian_villages: Tally = field(default_factory=Tally)
    by_split: dict[str, Tally] = field(default_factory=dict)
    by_level: dict[str, Tally] = field(default_factory=dict)
    regions: dict[str, int] = field(default_factory=lambda: {"n": 0, "admin1": 0,
                                                             "precision": 0})
    negatives: dict[str, int] = field(default_factory=lambda: {"n": 0, "false_places": 0})
    precision: dict[str, int] = field(default_factory=lambda: {"n": 0, "correct": 0})
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, max_errors: int = 25) -> dict[str, Any]:
        r, neg = self.regions, self.negatives
        return {
            "points": self.points.to_dict(),
            "syrian_village_level": self.syrian_villages.to_dict(),
            "by_split": {k: v.to_dict() for k, v in sorted(self.by_split.items())},
            "by_level": {k: v.to_dict() for k, v in sorted(self.by_level.items())},
            "regions": {"n": r["n"],
                        "admin1_correct": round(r["admin1"] / r["n"], 3) if r["n"] else None,
                        "precision_correct": round(r["precision"] / r["n"], 3)
                        if r["n"] else None},
            "negatives": {"n": neg["n"], "false_places": neg["false_places"]},
            "near_precision": {"n": self.precision["n"],
                               "correct": round(self.precision["correct"] / self.precision["n"],
                                                3) if self.precision["n"] else None},
            "errors": self.errors[:max_errors],
        }


def evaluate(geocoder: Geocoder, items: Iterable[dict[str, Any]],
             split: str | None = None) -> Report:
    """Score every gold item (only those of ``split`` when given)."""
    report = Report()
    for item in items:
        if split and item.get("split") != split:
            continue
        place = locate(geocoder, item)
        got = None if place is None else {"name": place.name, "lat": place.lat,
                                          "lon": place.lon, "precision": place.precision,
                                          "id": place.gazetteer_id}
        if item.get("expect") == "none":
            report.negatives["n"] += 1
            if place is not None:
                report.negatives["false_places"] += 1
                report.errors.append({"id": item.get("id"), "mention": item["mention"],
                                      "error": "false place", "got": got})
            continue
        if "expect_admin1" in item:
            report.regions["n"] += 1
            ok1 = place is not None and place.admin1 == item["expect_admin1"]
            okp = place is not None and place.precision == item.get("expect_precision")
            report.regions["admin1"] += ok1
            report.regions["precision"] += okp
            if not (ok1 and okp):
                report.errors.append({"id": item.get("id"), "mention": item["mention"],
                                      "error": "region", "got": got})
            continue
        km = None
        if place is not None and place.lat is not None and place.lon is not None:
            km = distance_km(float(item["lat"]), float(item["lon"]), place.lat, place.lon)
        report.points.add(km)
        if "expect_precision" in item:
            report.precision["n"] += 1
            report.precision["correct"] += (place is not None
                                            and place.precision == item["expect_precision"])
        report.by_split.setdefault(item.get("split", "?"), Tally()).add(km)
        report.by_level.setdefault(item.get("level", "?"), Tally()).add(km)
        if item.get("country") == "SY" and item.get("level") == "village":
            report.syrian_villages.add(km)
        if km is None or km > 25:
            report.errors.append({"id": item.get("id"), "mention": item["mention"],
                                  "error": "unresolved" if km is None else f"{km:.0f} km",
                                  "got": got})
    return report
