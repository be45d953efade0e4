"""Query parameters shared by the routes: event filters, pages, and strict checking."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.responses import Response

from marsad.errors import QueryError
from marsad.store import Store
from marsad.store.queries import SORTS, EventFilter, parse_bbox

MAX_PAGE = 1000


def json_response(data: Any, status: int = 200, media_type: str = "application/json") -> Response:
    """JSON serialised directly (faster than FastAPI's encoder for large bodies)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return Response(content=body, status_code=status, media_type=media_type)


def page_response(total: int, limit: int, offset: int, items: list[Any]) -> Response:
    """One page of a listing: ``{"total", "limit", "offset", "next_offset", "items"}``."""
    following = offset + limit
    return json_response({"total": total, "limit": limit, "offset": offset,
                          "next_offset": following if following < total else None,
                          "items": items})


def store_of(request: Request) -> Store:
    return request.app.state.store


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def reject_unknown_parameters(request: Request) -> None:
    """A misspelt filter (``?typ=airstrike``) is an error, not a silently unfiltered answer."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _query_names(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        raise QueryError(f"unknown query parameter {unknown[0]!r}; this endpoint takes: "
                         f"{allowed}")


Many = Annotated[list[str] | None, Query()]


def event_filter(
    date_from: Annotated[dt.date | None, Query(
        description="Events on or after this day (YYYY-MM-DD), by the event's start date.")]
    = None,
    date_to: Annotated[dt.date | None, Query(
        description="Events on or before this day (YYYY-MM-DD).")] = None,
    type: Annotated[list[str] | None, Query(
        description="Event type, e.g. `airstrike`; repeat or comma-separate for several.")]
    = None,
    actor: Annotated[list[str] | None, Query(
        description="Actor: canonical name (`Islamic State`) or the article's wording "
                    "(`داعش`), compared after Arabic normalisation.")] = None,
    weapon: Annotated[list[str] | None, Query(description="Weapon name, e.g. `9K333 Verba`.")]
    = None,
    weapon_category: Annotated[list[str] | None, Query(
        description="Weapon category, e.g. `MANPADS`.")] = None,
    admin1: Annotated[list[str] | None, Query(
        description="First-level region (governorate/province), e.g. `Homs`.")] = None,
    country: Annotated[list[str] | None, Query(
        description="ISO 3166 alpha-2 country code, e.g. `SY`.")] = None,
    outlet: Annotated[list[str] | None, Query(description="Outlet name.")] = None,
    certainty: Annotated[list[str] | None, Query(
        description="`asserted`, `reported`, `alleged` or `hedged`.")] = None,
    incident: Annotated[str | None, Query(description="Events of this incident id.")] = None,
    article: Annotated[str | None, Query(description="Events of this article id.")] = None,
    bbox: Annotated[str | None, Query(
        description="Bounding box `min_lon,min_lat,max_lon,max_lat`.")] = None,
    min_fatalities: Annotated[int | None, Query(
        ge=0, description="At least this many fatalities.")] = None,
    historical: Annotated[bool | None, Query(
        description="`true`: only background events; `false`: none of them.")] = None,
) -> EventFilter:
    return EventFilter.build(
        date_from=date_from, date_to=date_to, types=type, actors=actor, weapons=weapon,
        weapon_categories=weapon_category, admin1=admin1, countries=country, outlets=outlet,
        certainties=certainty, incident_id=incident, article_id=article,
        bbox=parse_bbox(bbox), min_fatalities=min_fatalities, historical=historical,
    )


def sort_param(sort: Annotated[str, Query(
        description=f"Order: one of {', '.join(SORTS)} (`-` for descending).")] = "-date",
               ) -> str:
    if sort not in SORTS:
        raise QueryError(f"sort {sort!r} is not one of {', '.join(SORTS)}")
    return sort
