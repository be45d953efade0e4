"""PLOVER-style JSON Lines: the field names of the PLOVER specification (Open Event Data
Alliance, "JSON Data Fields"), one event a line as the specification suggests.

``event`` is the list of PLOVER categories (empty, with ``has_event`` false, when the
event has none); ``source``/``recipient`` are actor objects for marsad's actor1/actor2
sides; ``event_loc`` uses GeoNames field names; ``link`` is the incident id (PLOVER's
reference shared by related events); ``dead`` the fatality count; ``context`` holds
``historical`` for background events. marsad's own attribution and certainty are kept
in extra fields (``certainty``, ``attribution``), which PLOVER allows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from marsad import __version__
from marsad.exports.jsonl import dumps
from marsad.exports.records import ArticleInfo, Pair

QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
    "DEMAND": 3, "ACCUSE": 3, "DISAPPROVE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4,
}
ALPHA3 = {"SY": "SYR", "IQ": "IRQ", "LB": "LBN", "JO": "JOR", "TR": "TUR", "IL": "ISR",
          "PS": "PSE", "YE": "YEM", "SA": "SAU", "IR": "IRN", "EG": "EGY", "LY": "LBY",
          "KW": "KWT", "BH": "BHR", "QA": "QAT", "AE": "ARE", "OM": "OMN", "TN": "TUN",
          "DZ": "DZA", "MA": "MAR", "SD": "SDN", "RU": "RUS", "US": "USA"}


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in {
        "actor_text": actor.get("text"), "identifier_text": actor.get("name"),
        "inter": actor.get("inter"), "span": actor.get("span"),
    }.items() if v is not None}


def _location(loc: dict[str, Any]) -> dict[str, Any] | None:
    if not loc:
        return None
    gid = str(loc.get("gazetteer_id") or "")
    country = (loc.get("country") or "").upper() or None
    out = {
        "geonameid": int(gid.split(":", 1)[1]) if gid.startswith("geonames:")
        and gid.split(":", 1)[1].isdigit() else None,
        "name": loc.get("name_ar") or loc.get("name"), "asciiname": loc.get("name"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "country code": country, "cc3": ALPHA3.get(country or ""),
        "admin1": loc.get("admin1"), "admin2": loc.get("admin2"),
        "precision": loc.get("precision"), "gazetteer_id": loc.get("gazetteer_id") or None,
    }
    return {k: v for k, v in out.items() if v is not None}


def plover_record(event: dict[str, Any], article: ArticleInfo | None = None) -> dict[str, Any]:
    """One event (contract JSON) as a PLOVER-style record."""
    date = event.get("date") or {}
    categories = [event["plover"]] if event.get("plover") else []
    actors = event.get("actors") or []
    evidence = event.get("evidence") or []
    record: dict[str, Any] = {
        "id": event["id"],
        "has_event": bool(categories),
        "date": date.get("start") or date.get("value"),
        "enddate": date.get("end") if date.get("end") != date.get("start") else None,
        "source": [_actor(a) for a in actors if str(a.get("role", "")).endswith("1")],
        "recipient": [_actor(a) for a in actors if str(a.get("role", "")).endswith("2")],
        "event": categories,
        "quad_code": QUADS.get(categories[0]) if categories else None,
        "event_loc": _location(event.get("location") or {}),
        "event_text": [q for q in (article.quote(s) for s in evidence) if q] if article else [],
        "context": ["historical"] if event.get("historical") else [],
        "dead": (event.get("fatalities") or {}).get("count"),
        "link": event.get("incident_id"),
        "text_info": {"start": evidence[0][0], "end": evidence[0][1]} if evidence else None,
        "cite_info": {k: v for k, v in {
            "url": article.url if article else None,
            "title": article.title if article else None,
            "language": article.lang if article else None,
            "publication": event.get("outlet"),
            "coder": f"marsad {__version__}", "codebook": "plover",
        }.items() if v is not None},
        "certainty": event.get("certainty"),
        "attribution": event.get("sources") or [],
        "marsad_type": event.get("type"),
        "article_id": event.get("article_id"),
    }
    return {k: v for k, v in record.items() if v is not None}


def write_plover(pairs: Iterable[Pair], out: TextIO) -> int:
    n = 0
    for event, article in pairs:
        out.write(dumps(plover_record(event, article)) + "\n")
        n += 1
    return n
