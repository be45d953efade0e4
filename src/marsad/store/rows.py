"""Table rows derived from model objects and from an event's contract JSON.

The derived columns of ``events`` and the rows of ``event_actors``/``event_weapons`` are
computed from the contract JSON (``to_dict(event)``), so the migrations can fill them for
events stored before those columns existed, exactly as ``Store.add`` fills them now.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from marsad.model import Article, Event, from_dict, to_dict
from marsad.store.schema import ArticleRow, EventRow
from marsad.store.search_text import lookup_key

ARTICLE_COLUMNS = ("id", "text", "title", "url", "outlet", "published", "lang", "origin")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def event_columns(data: dict[str, Any]) -> dict[str, Any]:
    """The ``events`` columns of one event in its contract JSON form."""
    date = data.get("date") or {}
    loc = data.get("location") or {}
    fatalities = data.get("fatalities") or {}
    return {
        "id": data["id"], "article_id": data["article_id"], "type": data["type"],
        "outlet": data.get("outlet"),
        "date_start": _date(date.get("start") or date.get("value")),
        "date_end": _date(date.get("end") or date.get("value")),
        "date_precision": _int(date.get("precision")),
        "lat": _number(loc.get("lat")), "lon": _number(loc.get("lon")),
        "country": loc.get("country"), "admin1": loc.get("admin1"),
        "geo_precision": _int(loc.get("precision")),
        "location_name": loc.get("name") or loc.get("name_ar") or loc.get("text"),
        "fatalities": _int(fatalities.get("count")),
        "certainty": data.get("certainty"), "historical": bool(data.get("historical")),
        "incident_id": data.get("incident_id"),
    }


def actor_values(event_id: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"event_id": event_id, "position": i, "role": a.get("role"), "name": a.get("name"),
         "inter": _int(a.get("inter")), "name_key": lookup_key(a.get("name")),
         "text_key": lookup_key(a.get("text"))}
        for i, a in enumerate(data.get("actors") or [])
    ]


def weapon_values(event_id: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"event_id": event_id, "position": i, "name": w.get("name"),
         "category": w.get("category"), "name_key": lookup_key(w.get("name")),
         "category_key": lookup_key(w.get("category"))}
        for i, w in enumerate(data.get("weapons") or [])
    ]


def event_values(data: dict[str, Any]) -> dict[str, Any]:
    """The ``events`` row of an event in contract JSON form, the JSON included."""
    return {**event_columns(data), "data": data}


def event_row(event: Event) -> EventRow:
    return EventRow(**event_values(to_dict(event)))


def article_row(article: Article, pipeline: str) -> ArticleRow:
    data = to_dict(article)
    layers = {k: v for k, v in data.items() if k not in ARTICLE_COLUMNS}
    return ArticleRow(
        id=article.id, url=article.url, outlet=article.outlet, published=article.published,
        title=article.title, lang=article.lang, origin=article.origin, text=article.text,
        layers=layers, pipeline=pipeline, error_count=len(article.errors), stored_at=now(),
    )


def row_article(row: ArticleRow) -> Article:
    data = dict(row.layers or {})
    data.update({name: getattr(row, name) for name in ARTICLE_COLUMNS})
    return from_dict(Article, data)


# The properties of a map feature (``Store.event_features``): name -> events column.
POINT_PROPERTIES = {
    "id": "id", "article_id": "article_id", "type": "type", "date": "date_start",
    "date_end": "date_end", "date_precision": "date_precision", "location": "location_name",
    "admin1": "admin1", "country": "country", "geo_precision": "geo_precision",
    "fatalities": "fatalities", "outlet": "outlet", "certainty": "certainty",
    "historical": "historical", "incident_id": "incident_id",
}
