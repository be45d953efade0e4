"""Events: pages of contract JSON, one event, GeoJSON for the map, a timeline, facets."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from marsad.api.params import (
    MAX_PAGE,
    event_filter,
    json_response,
    page_response,
    reject_unknown_parameters,
    sort_param,
    store_of,
)
from marsad.store.queries import EventFilter

router = APIRouter(prefix="/api", tags=["events"],
                   dependencies=[Depends(reject_unknown_parameters)])
Filter = Annotated[EventFilter, Depends(event_filter)]
MAX_FEATURES = 100_000
EVENT_EXAMPLE = {"id": "ev_…", "article_id": "ar_…", "type": "weapons_seizure",
                 "location": {"name": "Tadmur", "lat": 34.56, "lon": 38.28},
                 "evidence": [[0, 260]], "incident_id": None}


@router.get("/events", summary="Events matching the filters, one page at a time",
            responses={200: {"content": {"application/json": {"example": {
                "total": 1, "limit": 100, "offset": 0, "next_offset": None,
                "items": [EVENT_EXAMPLE]}}}}})
def list_events(
    request: Request,
    where: Filter,
    sort: Annotated[str, Depends(sort_param)],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Events per page.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Events to skip.")] = 0,
) -> Response:
    """Events in the contract JSON shape (docs/CONTRACT.md), with the total that match."""
    page = store_of(request).query_events(where, limit=limit, offset=offset, sort=sort)
    return page_response(page.total, limit, offset, page.items)


@router.get("/events/{event_id}", summary="One event",
            responses={404: {"description": "No such event"}})
def get_event(request: Request, event_id: str) -> Response:
    event = store_of(request).get_event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}; list them at /api/events")
    return json_response(event)


@router.get("/geojson", summary="Located events as a GeoJSON FeatureCollection (the map)",
            responses={200: {"content": {"application/geo+json": {}}}})
def geojson(
    request: Request,
    where: Filter,
    sort: Annotated[str, Depends(sort_param)],
    limit: Annotated[int, Query(ge=1, le=MAX_FEATURES,
                                description="At most this many features.")] = 20_000,
) -> Response:
    """Events with coordinates as points; properties: id, article_id, type, date,
    date_end, date_precision, location, admin1, country, geo_precision, fatalities,
    outlet, certainty, historical, incident_id. ``total`` counts every match and
    ``truncated`` says whether ``limit`` cut the list (newest first by default).
    """
    total, features = store_of(request).event_features(where, limit=limit, sort=sort)
    head = json.dumps({"type": "FeatureCollection", "total": total,
                       "truncated": total > len(features)}, separators=(",", ":"))
    body = head[:-1] + ',"features":[' + ",".join(features) + "]}"
    return Response(content=body, media_type="application/geo+json")


@router.get("/timeline", summary="Matching events per day")
def timeline(request: Request, where: Filter) -> Response:
    """Counts by the event's start day, for dated events: ``{"days": [[date, n], ...]}``."""
    days = store_of(request).timeline(where)
    return json_response({"days": [[d.isoformat(), n] for d, n in days],
                          "total": sum(n for _, n in days)})


@router.get("/facets", summary="Values the filters can take, with event counts")
def facets(request: Request) -> Response:
    """Types, outlets, certainties, countries, regions, actors, weapons and weapon
    categories (most frequent first, 200 at most each) and the first and last event day."""
    return json_response(store_of(request).facets())
