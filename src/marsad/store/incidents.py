"""The store's incident methods: what linking reads, and saving and listing incidents.

Kept apart from ``database.py`` (``Store`` inherits them) so that the incidents table and
the ``events.incident_id`` column are the whole of this part of the schema.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from marsad.model import Article, Event, Incident, from_dict, to_dict
from marsad.store.schema import ArticleRow, EventRow, IncidentRow

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


@dataclass
class IncidentState:
    """Everything the linker needs from the store."""

    events: list[Event] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)
    # new article id -> incidents that held the article it corrected (superseded)
    successor_incidents: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class IncidentFilter:
    """Which incidents to list (all fields optional)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    type: str | Sequence[str] | None = None
    min_events: int = 1
    min_outlets: int = 1
    limit: int | None = None

    def apply(self, query: Any) -> Any:
        """``query`` (over IncidentRow) restricted to the matching incidents."""
        if self.date_from is not None:
            query = query.where(IncidentRow.date_end >= self.date_from)
        if self.date_to is not None:
            query = query.where(IncidentRow.date_start <= self.date_to)
        if self.country:
            query = query.where(IncidentRow.country == self.country.upper())
        if isinstance(self.type, str):
            query = query.where(IncidentRow.type == self.type)
        elif self.type:
            query = query.where(IncidentRow.type.in_(list(self.type)))
        if self.min_events > 1:
            query = query.where(IncidentRow.event_count >= self.min_events)
        if self.min_outlets > 1:
            query = query.where(IncidentRow.outlet_count >= self.min_outlets)
        return query


def _row(incident: Incident, now: dt.datetime) -> dict[str, Any]:
    date, loc = incident.date, incident.location
    corr = incident.corroboration
    return {
        "id": incident.id, "type": incident.type,
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "geo_precision": loc.precision if loc else None,
        "event_count": len(incident.event_ids), "outlet_count": len(incident.outlets),
        "independent_outlets": corr.independent_outlets if corr else len(incident.outlets),
        "data": to_dict(incident), "updated_at": now,
    }


class IncidentMethods:
    """Mixed into ``Store``: needs ``self.engine``."""

    engine: Engine

    def incident_state(self) -> IncidentState:
        """Stored events (with their incident ids), incidents' members, corrected articles."""
        state = IncidentState()
        with Session(self.engine) as session:
            rows = session.execute(select(EventRow.data, EventRow.incident_id)
                                   .order_by(EventRow.id).execution_options(yield_per=1000))
            for data, incident_id in rows:
                event = from_dict(Event, {**data, "incident_id": incident_id})
                state.events.append(event)
            incident_articles: dict[str, list[str]] = {}
            for incident_id, data in session.execute(select(IncidentRow.id, IncidentRow.data)):
                state.members[incident_id] = list(data.get("event_ids", []))
                incident_articles[incident_id] = list(data.get("article_ids", []))
            article_ids = {a for ids in incident_articles.values() for a in ids}
            successors = {}
            for chunk in _chunks(sorted(article_ids), 500):
                for old, new in session.execute(
                        select(ArticleRow.id, ArticleRow.superseded_by)
                        .where(ArticleRow.id.in_(chunk), ArticleRow.superseded_by.is_not(None))):
                    successors[old] = new
            found: dict[str, list[str]] = defaultdict(list)
            for incident_id, articles in incident_articles.items():
                for article in articles:
                    new = successors.get(article)
                    if new and incident_id not in found[new]:
                        found[new].append(incident_id)
            state.successor_incidents = dict(found)
        return state

    def article_texts(self, ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        """The title and original text of each stored article among ``ids``."""
        out: dict[str, tuple[str | None, str]] = {}
        with Session(self.engine) as session:
            for chunk in _chunks(sorted(set(ids)), 500):
                for article_id, title, text in session.execute(
                        select(ArticleRow.id, ArticleRow.title, ArticleRow.text)
                        .where(ArticleRow.id.in_(chunk))):
                    out[article_id] = (title, text)
        return out

    def save_incidents(self, incidents: Sequence[Incident], removed: Iterable[str]) -> None:
        """Write new and changed incidents, drop removed ones, and point events at them,
        in one transaction."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        removed = sorted(set(removed))
        assignment = {eid: inc.id for inc in incidents for eid in inc.event_ids}
        with Session(self.engine) as session, session.begin():
            gone = removed + [inc.id for inc in incidents]
            for chunk in _chunks(gone, 500):
                session.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
            if incidents:
                session.execute(IncidentRow.__table__.insert(),
                                [_row(inc, now) for inc in incidents])
            stale = []
            for chunk in _chunks(removed, 500):
                stale.extend(session.execute(select(EventRow.id).where(
                    EventRow.incident_id.in_(chunk))).scalars())
            changes = {eid: None for eid in stale if eid not in assignment}
            changes.update(assignment)
            updates = []
            for chunk in _chunks(sorted(changes), 500):
                for eid, data, current in session.execute(
                        select(EventRow.id, EventRow.data, EventRow.incident_id)
                        .where(EventRow.id.in_(chunk))):
                    target = changes[eid]
                    if current != target or data.get("incident_id") != target:
                        updates.append({"eid": eid, "iid": target,
                                        "payload": {**data, "incident_id": target}})
            if updates:
                stmt = (update(EventRow.__table__)
                        .where(EventRow.__table__.c.id == bindparam("eid"))
                        .values(incident_id=bindparam("iid"), data=bindparam("payload")))
                session.connection().execute(stmt, updates)

    def with_incident_ids(self, article: Article) -> Article:
        """``article`` with each event's ``incident_id`` as stored by the last linking (the
        article's own layers keep the events as analysed)."""
        with Session(self.engine) as session:
            linked = dict(session.execute(select(EventRow.id, EventRow.incident_id).where(
                EventRow.article_id == article.id, EventRow.incident_id.is_not(None))).all())
        if not linked and not any(e.incident_id for e in article.events):
            return article
        events = tuple(replace(e, incident_id=linked.get(e.id)) for e in article.events)
        return replace(article, events=events)

    def incident_count(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(IncidentRow)) or 0

    def get_incident(self, incident_id: str) -> dict[str, Any] | None:
        """One incident in its contract JSON form."""
        with Session(self.engine) as session:
            row = session.get(IncidentRow, incident_id)
            return _incident_out(row.data) if row is not None else None

    def query_incidents(self, where: IncidentFilter | None = None, *, limit: int = 100,
                        offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """One page of matching incidents (contract JSON, newest first) and the total."""
        where = where or IncidentFilter()
        query = where.apply(select(IncidentRow.data)).order_by(
            IncidentRow.date_start.desc().nulls_last(), IncidentRow.id)
        with Session(self.engine) as session:
            total = session.scalar(where.apply(select(func.count()).select_from(IncidentRow)))
            items = [_incident_out(d) for d in
                     session.execute(query.limit(limit).offset(offset)).scalars()]
        return total or 0, items

    def incident_events(self, incident_id: str) -> list[dict[str, Any]]:
        """The events (contract JSON) linked into one incident, by outlet then id."""
        with Session(self.engine) as session:
            rows = session.execute(select(EventRow.data).where(
                EventRow.incident_id == incident_id).order_by(EventRow.id)).scalars()
            events = [to_dict(from_dict(Event, d)) for d in rows]
        return sorted(events, key=lambda e: (e.get("outlet") or "", e["id"]))

    def iter_incidents(self, where: IncidentFilter | None = None) -> Iterator[dict[str, Any]]:
        """Stored incidents in contract JSON form, by date then id."""
        where = where or IncidentFilter()
        query = where.apply(select(IncidentRow.data).order_by(IncidentRow.date_start,
                                                              IncidentRow.id))
        if where.limit is not None:
            query = query.limit(where.limit)
        with Session(self.engine) as session:
            for data in session.execute(query.execution_options(yield_per=500)).scalars():
                yield _incident_out(data)


def _incident_out(data: dict[str, Any]) -> dict[str, Any]:
    """Stored incident JSON in the contract's key order (PostgreSQL's JSONB sorts keys)."""
    return to_dict(from_dict(Incident, data))  # type: ignore[no-any-return]


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


__all__ = ["IncidentFilter", "IncidentMethods", "IncidentState"]
