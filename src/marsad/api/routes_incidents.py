"""Incidents: pages of linked incidents, and one incident with its reports side by side."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from marsad.api.params import (
    MAX_PAGE,
    json_response,
    page_response,
    reject_unknown_parameters,
    store_of,
)
from marsad.errors import QueryError
from marsad.store.incidents import IncidentFilter

router = APIRouter(prefix="/api", tags=["incidents"],
                   dependencies=[Depends(reject_unknown_parameters)])
INCIDENT_EXAMPLE = {
    "id": "in_…", "type": "air_strike",
    "date": {"value": "2016-12-15", "start": "2016-12-15", "end": "2016-12-15", "precision": 1},
    "location": {"name": "Maarat al-Numan", "lat": 35.65, "lon": 36.67, "country": "SY"},
    "event_ids": ["ev_…", "ev_…"], "article_ids": ["ar_…", "ar_…"],
    "outlets": ["Enab Baladi", "Orient Net"],
    "corroboration": {"independent_outlets": 2, "copied_outlets": [],
                      "source_kinds": ["observers", "official"], "anonymous_only": False,
                      "self_interested": True, "party_sources": ["…"]},
    "disputes": [{"field": "fatalities", "values": [
        {"value": 3, "sources": ["Orient Net (official: …)"], "event_ids": ["ev_…"]},
        {"value": 12, "sources": ["Enab Baladi (observers: …)"], "event_ids": ["ev_…"]}]}],
}


def incident_filter(
    date_from: Annotated[dt.date | None, Query(
        description="Incidents ending on or after this day (YYYY-MM-DD).")] = None,
    date_to: Annotated[dt.date | None, Query(
        description="Incidents starting on or before this day (YYYY-MM-DD).")] = None,
    type: Annotated[list[str] | None, Query(
        description="Incident type (events taxonomy code, e.g. `air_strike`); repeat or "
                    "comma-separate for several.")] = None,
    country: Annotated[str | None, Query(
        description="ISO 3166 alpha-2 country code, e.g. `SY`.")] = None,
    min_outlets: Annotated[int, Query(
        ge=1, description="Only incidents reported by at least this many outlets "
                          "(2: corroborated).")] = 1,
    min_events: Annotated[int, Query(
        ge=1, description="Only incidents with at least this many reports.")] = 1,
) -> IncidentFilter:
    if date_from and date_to and date_from > date_to:
        raise QueryError(f"date_from {date_from} is after date_to {date_to}; swap them")
    types = tuple(t.strip() for value in type or () for t in value.split(",") if t.strip())
    return IncidentFilter(date_from=date_from, date_to=date_to, country=country,
                          type=types or None, min_events=min_events, min_outlets=min_outlets)


@router.get("/incidents", summary="Incidents (one event, many reports), one page at a time",
            responses={200: {"content": {"application/json": {"example": {
                "total": 1, "limit": 100, "offset": 0, "next_offset": None,
                "items": [INCIDENT_EXAMPLE]}}}}})
def list_incidents(
    request: Request,
    where: Annotated[IncidentFilter, Depends(incident_filter)],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Incidents per page.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Incidents to skip.")] = 0,
) -> Response:
    """Incidents in the contract JSON shape (docs/CONTRACT.md), newest first, with the total
    that match. Filled by `marsad incidents --db` (or `marsad analyze --db … --link`)."""
    total, items = store_of(request).query_incidents(where, limit=limit, offset=offset)
    return page_response(total, limit, offset, items)


def _report_articles(details: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    keep = ("id", "title", "url", "lang", "outlet", "published")
    return {aid: {k: d.get(k) for k in keep} for aid, d in details.items()}


def _quotes(event: dict[str, Any], text: str) -> list[str]:
    return [text[s:e] for s, e in event.get("evidence") or () if 0 <= s <= e <= len(text)]


@router.get("/incidents/{incident_id}", summary="One incident with its reports",
            responses={404: {"description": "No such incident"},
                       200: {"content": {"application/json": {"example": {
                           "incident": INCIDENT_EXAMPLE, "events": ["<Event>", "<Event>"],
                           "articles": {"ar_…": {"title": "…", "outlet": "Enab Baladi"}},
                           "evidence_text": {"ev_…": ["قُتل 12 مدنياً …"]}}}}}})
def get_incident(request: Request, incident_id: str) -> Response:
    """The incident (contract shape) and its reports: ``events`` in the contract's Event
    shape (each with its outlet, sources and certainty), ``articles`` (title, url, outlet,
    published of each report's article) and ``evidence_text`` (each event's evidence
    quoted from its article, in the order of its ``evidence`` spans)."""
    store = store_of(request)
    incident = store.get_incident(incident_id)
    if incident is None:
        raise HTTPException(404, f"no incident {incident_id!r}; list them at /api/incidents "
                                 "(link stored events first with marsad incidents --db)")
    events = store.incident_events(incident_id)
    details = store.article_details(e["article_id"] for e in events)
    quotes = {e["id"]: _quotes(e, details.get(e["article_id"], {}).get("text") or "")
              for e in events}
    return json_response({"incident": incident, "events": events,
                          "articles": _report_articles(details), "evidence_text": quotes})
