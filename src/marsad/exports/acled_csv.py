"""ACLED-style CSV: ACLED's column names, one row per event.

Values follow ACLED's codebook where marsad has them: ``time_precision`` and
``geo_precision`` use the same 1-3 scales, ``inter1``/``inter2`` the actor classes 1-8 and
``interaction`` ACLED's two-digit code (the lower inter code first, ``X0`` for a sole
actor). Unlike ACLED, ``event_id_cnty`` is marsad's event id, ``source`` names the
outlet and then each attributed source (as the article gives it), ``notes`` quotes the
Arabic evidence, ``fatalities`` is empty when the text gives no count (ACLED writes 0),
and ``tags`` carries marsad's certainty, weapons, historical flag and incident.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from marsad.exports.records import ArticleInfo, Pair
from marsad.geo.countries import COUNTRIES

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)

DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
CIVILIANS = 7


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _actors(event: dict[str, Any], side: str) -> tuple[dict[str, Any] | None, list[str]]:
    """The main actor on one side (``1`` or ``2``) and the names of its associates."""
    same = [a for a in event.get("actors") or []
            if a.get("role") in (f"actor{side}", f"assoc_actor_{side}")]
    main = next((a for a in same if a.get("role") == f"actor{side}"), None)
    others = [_text(a.get("name") or a.get("text")) for a in same if a is not main]
    return main, [o for o in others if o]


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction code: the two inter codes, lower first; ``X0`` for one actor."""
    codes = sorted(c for c in (inter1, inter2) if isinstance(c, int))
    if not codes:
        return ""
    return f"{codes[0]}0" if len(codes) == 1 else f"{codes[0]}{codes[1]}"


def _source(event: dict[str, Any]) -> str:
    parts = [event.get("outlet")] if event.get("outlet") else []
    for source in event.get("sources") or []:
        who = source.get("name") or source.get("text")
        kind = source.get("kind") or "unspecified"
        parts.append(f"{who} ({kind})" if who else kind)
    return "; ".join(dict.fromkeys(parts))


def _notes(event: dict[str, Any], article: ArticleInfo | None) -> str:
    if article is None:
        return ""
    quotes = [article.quote(span) for span in event.get("evidence") or []]
    return " … ".join(q for q in (" ".join(q.split()) for q in quotes) if q)


def _tags(event: dict[str, Any]) -> str:
    tags = []
    if event.get("certainty"):
        tags.append(f"certainty: {event['certainty']}")
    for weapon in event.get("weapons") or []:
        name, category = weapon.get("name"), weapon.get("category")
        label = f"{name} ({category})" if name and category else name or category
        if label:
            tags.append(f"weapon: {label}")
    if event.get("historical"):
        tags.append("historical")
    if event.get("incident_id"):
        tags.append(f"incident: {event['incident_id']}")
    return "; ".join(tags)


def acled_row(event: dict[str, Any], article: ArticleInfo | None = None) -> dict[str, str]:
    """One event (contract JSON) as an ACLED-style row."""
    date = event.get("date") or {}
    day = date.get("value") or date.get("start")
    acled = event.get("acled") or {}
    loc = event.get("location") or {}
    actor1, assoc1 = _actors(event, "1")
    actor2, assoc2 = _actors(event, "2")
    inter1 = actor1.get("inter") if actor1 else None
    inter2 = actor2.get("inter") if actor2 else None
    country = (loc.get("country") or "").upper()
    iso, country_name, region = COUNTRIES.get(country, ("", country, ""))
    fatalities = (event.get("fatalities") or {}).get("count")
    targets_civilians = inter2 == CIVILIANS or any(
        a.get("inter") == CIVILIANS and str(a.get("role", "")).endswith("2")
        for a in event.get("actors") or [])
    return {
        "event_id_cnty": event["id"],
        "event_date": _text(day),
        "year": day[:4] if day else "",
        "time_precision": _text(date.get("precision")),
        "disorder_type": DISORDER_TYPES.get(acled.get("event_type") or "", ""),
        "event_type": _text(acled.get("event_type")),
        "sub_event_type": _text(acled.get("sub_event_type")),
        "actor1": _text(actor1 and (actor1.get("name") or actor1.get("text"))),
        "assoc_actor_1": "; ".join(assoc1),
        "inter1": _text(inter1),
        "actor2": _text(actor2 and (actor2.get("name") or actor2.get("text"))),
        "assoc_actor_2": "; ".join(assoc2),
        "inter2": _text(inter2),
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if targets_civilians else "",
        "iso": _text(iso), "region": region, "country": country_name,
        "admin1": _text(loc.get("admin1")), "admin2": _text(loc.get("admin2")), "admin3": "",
        "location": _text(loc.get("name") or loc.get("name_ar")),
        "latitude": _text(loc.get("lat")), "longitude": _text(loc.get("lon")),
        "geo_precision": _text(loc.get("precision")),
        "source": _source(event), "source_scale": "",
        "notes": _notes(event, article),
        "fatalities": _text(fatalities),
        "tags": _tags(event),
        "timestamp": _text(article.stored_at if article else None),
    }


def write_acled_csv(pairs: Iterable[Pair], out: TextIO) -> int:
    """Write the header and one row per event; returns the rows written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event, article in pairs:
        writer.writerow(acled_row(event, article))
        n += 1
    return n
