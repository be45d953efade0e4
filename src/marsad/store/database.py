"""The store: articles, their layers and events in a SQL database behind one interface.

SQLite (a file path, the default) and PostgreSQL (``postgresql://user@host/db``, with
PostGIS when the server has it) hold the same schema, made and upgraded by the Alembic
migrations in ``store/migrations`` whenever a store is opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import create_engine, delete, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from marsad.errors import StoreError
from marsad.model import Article, Event, from_dict, to_dict
from marsad.store import migrate
from marsad.store import postgres as postgres_backend
from marsad.store import sqlite as sqlite_backend
from marsad.store.incidents import IncidentMethods
from marsad.store.queries import EventFilter, events_query, order
from marsad.store.rows import (
    actor_values,
    article_row,
    event_row,
    event_values,
    now,
    row_article,
    weapon_values,
)
from marsad.store.schema import (
    ArticleRow,
    EventActorRow,
    EventRow,
    EventWeaponRow,
    FailureRow,
)
from marsad.store.search_text import find_matches, query_terms, snippet

__all__ = ["AddResult", "EventPage", "SearchHit", "Store", "article_row", "database_url",
           "event_row", "row_article"]

BACKENDS: dict[str, ModuleType] = {"sqlite": sqlite_backend, "postgresql": postgres_backend}


@dataclass
class AddResult:
    """What ``Store.add`` did with each article id."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    matches: list[dict[str, Any]]
    snippet: str | None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class EventPage:
    """One page of events in contract JSON form, and how many match in all."""

    total: int
    items: list[dict[str, Any]]


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a path (SQLite) or a URL (PostgreSQL via psycopg 3)."""
    raw = str(target)
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser()}"
    for scheme in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if raw.startswith(scheme):
            return "postgresql+psycopg://" + raw[len(scheme):]
    return raw


def engine_for(target: str | Path) -> Engine:
    """An engine for a SQLite path or a database URL, with the backend's SQL functions."""
    url = database_url(target)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        parent = Path(url.removeprefix("sqlite:///")).parent
        if not parent.is_dir():
            raise StoreError(f"cannot create database {target}: folder {parent} does not exist")
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open database {target}: {exc}") from None
    backend = BACKENDS.get(engine.dialect.name)
    if backend is not None:
        backend.install_functions(engine)
    return engine


class Store(IncidentMethods):
    """Articles, events and incidents in SQLite (default) or PostgreSQL, the same API on both."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        backend = BACKENDS.get(self.dialect)
        if backend is None:
            raise StoreError(f"the {self.dialect} backend is not supported; use a SQLite file "
                             "or a postgresql:// URL")
        self.backend = backend
        self.geometry = False

    @classmethod
    def open(cls, target: str | Path, *, upgrade: bool = True) -> Store:
        """Open the database at a file path or URL, creating and upgrading its schema."""
        store = cls(engine_for(target))
        store._prepare(upgrade)
        return store

    def _prepare(self, upgrade: bool) -> None:
        try:
            if upgrade:
                migrate.upgrade(self.engine)
            with self.engine.connect() as conn:
                if migrate.current_revision(conn) != migrate.head_revision():
                    raise StoreError("database schema is not up to date; run marsad db "
                                     "upgrade --db ...")
                migrate.check_version(conn)
                self.geometry = self.dialect == "postgresql" and \
                    postgres_backend.has_geometry(conn)
        except OperationalError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot use database {self.engine.url!r}: "
                             f"{str(exc.orig).strip()}") from None
        except StoreError:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def stored_pipelines(self, ids: Iterable[str]) -> dict[str, str]:
        """The pipeline signature each already stored article was analysed with."""
        ids = list(ids)
        if not ids:
            return {}
        with Session(self.engine) as session:
            rows = session.execute(
                select(ArticleRow.id, ArticleRow.pipeline).where(ArticleRow.id.in_(ids))
            )
            return {r[0]: r[1] for r in rows}

    def ids_with_pipeline(self, pipeline: str) -> Iterator[str]:
        """Ids of the stored articles analysed with this pipeline signature."""
        with Session(self.engine) as session:
            query = select(ArticleRow.id).where(ArticleRow.pipeline == pipeline)
            yield from session.execute(query.execution_options(yield_per=5000)).scalars()

    def add(self, articles: Iterable[Article], pipeline: str, *,
            search_terms: Mapping[str, tuple[str, str]] | None = None) -> AddResult:
        """Store analysed articles in one transaction.

        An id already stored with the same pipeline is left alone (re-ingesting is a
        no-op); one stored with another pipeline is replaced. A new article with the URL
        of a stored one from the same outlet supersedes it (a corrected article). A failure
        an earlier run recorded for the article's origin is cleared. ``search_terms`` maps
        article ids to their ``search_text.search_terms``, when computed elsewhere already.
        """
        articles = list(articles)
        result = AddResult()
        if not articles:
            return result
        existing = self.stored_pipelines(a.id for a in articles)
        events: list[dict[str, Any]] = []
        indexed: list[Article] = []
        with Session(self.engine) as session, session.begin():
            for article in articles:
                if existing.get(article.id) == pipeline:
                    result.unchanged.append(article.id)
                    continue
                if article.id in existing:
                    # before the article row goes: SQLite's index row shares its rowid
                    self.backend.unindex_article(session.connection(), article.id)
                    self._delete_events(session, article.id)
                    session.execute(delete(ArticleRow).where(ArticleRow.id == article.id))
                    result.updated.append(article.id)
                else:
                    result.added.append(article.id)
                self._supersede_same_url(session, article)
                if article.origin:
                    session.execute(delete(FailureRow).where(FailureRow.origin == article.origin))
                session.add(article_row(article, pipeline))
                events.extend(to_dict(e) for e in article.events)
                indexed.append(article)
                existing[article.id] = pipeline
            session.flush()
            self._insert_events(session, events)
            conn = session.connection()
            for article in indexed:
                self.backend.index_article(conn, article.id, article.title, article.text,
                                           (search_terms or {}).get(article.id))
        return result

    @staticmethod
    def _insert_events(session: Session, events: list[dict[str, Any]]) -> None:
        """Events, then their actor and weapon rows, as bulk inserts."""
        if not events:
            return
        session.execute(insert(EventRow), [event_values(d) for d in events])
        actors = [row for d in events for row in actor_values(d["id"], d)]
        if actors:
            session.execute(insert(EventActorRow), actors)
        weapons = [row for d in events for row in weapon_values(d["id"], d)]
        if weapons:
            session.execute(insert(EventWeaponRow), weapons)

    @staticmethod
    def _delete_events(session: Session, article_id: str) -> None:
        ids = select(EventRow.id).where(EventRow.article_id == article_id)
        session.execute(delete(EventActorRow).where(EventActorRow.event_id.in_(ids)))
        session.execute(delete(EventWeaponRow).where(EventWeaponRow.event_id.in_(ids)))
        session.execute(delete(EventRow).where(EventRow.article_id == article_id))

    def _supersede_same_url(self, session: Session, article: Article) -> None:
        if not article.url:
            return
        older = session.execute(
            select(ArticleRow.id).where(
                ArticleRow.url == article.url,
                ArticleRow.id != article.id,
                ArticleRow.superseded_by.is_(None),
                ArticleRow.outlet.is_(article.outlet) if article.outlet is None
                else ArticleRow.outlet == article.outlet,
            )
        ).scalars().all()
        for old_id in older:
            session.execute(update(ArticleRow).where(ArticleRow.id == old_id)
                            .values(superseded_by=article.id))
            self._delete_events(session, old_id)
            self.backend.unindex_article(session.connection(), old_id)

    def record_failure(self, origin: str, message: str) -> None:
        with Session(self.engine) as session, session.begin():
            session.merge(FailureRow(origin=origin, message=message, failed_at=now()))

    # ------------------------------------------------------------------ reading

    def get_article(self, article_id: str) -> Article | None:
        """One stored article; its events carry the incident ids linking gave them."""
        with Session(self.engine) as session:
            row = session.get(ArticleRow, article_id)
            article = row_article(row) if row is not None else None
        return self.with_incident_ids(article) if article is not None else None

    def iter_articles(self, include_superseded: bool = False) -> Iterator[Article]:
        query = select(ArticleRow).order_by(ArticleRow.published, ArticleRow.id)
        if not include_superseded:
            query = query.where(ArticleRow.superseded_by.is_(None))
        with Session(self.engine) as session:
            for row in session.execute(query.execution_options(yield_per=200)).scalars():
                yield row_article(row)

    def list_articles(self, *, outlet: str | None = None, date_from: dt.date | None = None,
                      date_to: dt.date | None = None, limit: int = 50,
                      offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Current articles (newest first) without their text: total and one page."""
        a = ArticleRow
        where = [a.superseded_by.is_(None)]
        if outlet:
            where.append(a.outlet == outlet)
        if date_from:
            where.append(a.published >= date_from)
        if date_to:
            where.append(a.published <= date_to)
        counts = (select(EventRow.article_id, func.count().label("n"))
                  .group_by(EventRow.article_id).subquery())
        query = (select(a.id, a.title, a.outlet, a.published, a.url, a.lang, a.origin,
                        a.error_count, func.coalesce(counts.c.n, 0))
                 .outerjoin(counts, counts.c.article_id == a.id).where(*where)
                 .order_by(a.published.desc().nulls_last(), a.id).limit(limit).offset(offset))
        keys = ("id", "title", "outlet", "published", "url", "lang", "origin", "error_count",
                "event_count")
        with Session(self.engine) as session:
            total = session.scalar(select(func.count()).select_from(a).where(*where)) or 0
            rows = [dict(zip(keys, r, strict=True)) for r in session.execute(query)]
        for row in rows:
            row["published"] = row["published"].isoformat() if row["published"] else None
        return total, rows

    def article_details(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Text, title, url, lang, outlet, published and stored time of the given articles."""
        ids = list(dict.fromkeys(ids))
        a = ArticleRow
        out: dict[str, dict[str, Any]] = {}
        with Session(self.engine) as session:
            for start in range(0, len(ids), 500):
                rows = session.execute(
                    select(a.id, a.text, a.title, a.url, a.lang, a.outlet, a.published,
                           a.stored_at).where(a.id.in_(ids[start:start + 500])))
                for r in rows:
                    out[r.id] = {
                        "id": r.id, "text": r.text, "title": r.title, "url": r.url,
                        "lang": r.lang, "outlet": r.outlet,
                        "published": r.published.isoformat() if r.published else None,
                        "stored_at": int(r.stored_at.replace(tzinfo=dt.UTC).timestamp())
                        if r.stored_at else None,
                    }
        return out

    def _event_out(self, data: dict[str, Any]) -> dict[str, Any]:
        """Stored event JSON in the contract's key order (PostgreSQL's JSONB sorts keys)."""
        if self.dialect == "sqlite":
            return data
        return to_dict(from_dict(Event, data))

    def _bbox(self) -> Any:
        return postgres_backend.geometry_bbox if self.geometry else None

    def iter_events(self, where: EventFilter | None = None,
                    sort: str = "date") -> Iterator[dict[str, Any]]:
        """Every stored event matching ``where`` in its contract JSON form."""
        query = events_query(EventRow.data).order_by(*order(sort))
        if where is not None:
            query = where.apply(query, self._bbox())
        with Session(self.engine) as session:
            for data in session.execute(query.execution_options(yield_per=500)).scalars():
                yield self._event_out(data)

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        with Session(self.engine) as session:
            data = session.scalar(select(EventRow.data).where(EventRow.id == event_id))
        return self._event_out(data) if data is not None else None

    def count_events(self, where: EventFilter | None = None) -> int:
        query = events_query(func.count())
        if where is not None:
            query = where.apply(query, self._bbox())
        with Session(self.engine) as session:
            return session.scalar(query) or 0

    def query_events(self, where: EventFilter | None = None, *, limit: int = 100,
                     offset: int = 0, sort: str = "-date") -> EventPage:
        """One page of matching events (contract JSON) and the number matching in all."""
        where = where or EventFilter()
        query = where.apply(events_query(EventRow.data), self._bbox())
        query = query.order_by(*order(sort)).limit(limit).offset(offset)
        with Session(self.engine) as session:
            items = [self._event_out(d) for d in session.execute(query).scalars()]
        return EventPage(total=self.count_events(where), items=items)

    def event_features(self, where: EventFilter | None = None, *, limit: int = 20_000,
                       sort: str = "-date") -> tuple[int, list[str]]:
        """Located matching events as GeoJSON Feature strings (built by the database, for
        speed) with the properties of ``POINT_PROPERTIES``; and how many match in all."""
        where = replace(where or EventFilter(), located=True)
        query = where.apply(events_query(self.backend.feature_json(EventRow)), self._bbox())
        query = query.order_by(*order(sort)).limit(limit)
        with Session(self.engine) as session:
            features = list(session.execute(query).scalars())
        total = len(features) if len(features) < limit else self.count_events(where)
        return total, features

    def timeline(self, where: EventFilter | None = None) -> list[tuple[dt.date, int]]:
        """Matching events per day (by the event's start date), dated events only."""
        day = EventRow.date_start
        query = events_query(day, func.count()).where(day.is_not(None))
        if where is not None:
            query = where.apply(query, self._bbox())
        query = query.group_by(day).order_by(day)
        with Session(self.engine) as session:
            return [(r[0], r[1]) for r in session.execute(query)]

    def facets(self, limit: int = 200) -> dict[str, Any]:
        """The values filters can take, with event counts, most frequent first."""
        e, a, w = EventRow, EventActorRow, EventWeaponRow

        def counted(session: Session, column: Any, counter: Any = None) -> list[dict[str, Any]]:
            n = func.count(counter) if counter is not None else func.count()
            query = (select(column, n).where(column.is_not(None)).group_by(column)
                     .order_by(n.desc(), column).limit(limit))
            return [{"value": r[0], "count": r[1]} for r in session.execute(query)]

        with Session(self.engine) as session:
            first, last = session.execute(select(func.min(e.date_start),
                                                 func.max(e.date_start))).one()
            return {
                "types": counted(session, e.type),
                "outlets": counted(session, e.outlet),
                "certainties": counted(session, e.certainty),
                "countries": counted(session, e.country),
                "admin1": counted(session, e.admin1),
                "actors": counted(session, a.name, func.distinct(a.event_id)),
                "weapons": counted(session, w.name, func.distinct(w.event_id)),
                "weapon_categories": counted(session, w.category, func.distinct(w.event_id)),
                "dates": {"first": first.isoformat() if first else None,
                          "last": last.isoformat() if last else None},
            }

    def failures(self) -> list[tuple[str, str]]:
        with Session(self.engine) as session:
            rows = session.execute(select(FailureRow.origin, FailureRow.message)
                                   .order_by(FailureRow.origin))
            return [(r[0], r[1]) for r in rows]

    def counts(self) -> dict[str, int]:
        with Session(self.engine) as session:
            return {
                "articles": session.scalar(select(func.count()).select_from(ArticleRow)
                                           .where(ArticleRow.superseded_by.is_(None))) or 0,
                "events": session.scalar(select(func.count()).select_from(EventRow)) or 0,
                "failures": session.scalar(select(func.count()).select_from(FailureRow)) or 0,
            }

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching every word of ``query``, Arabic-normalised, with match spans."""
        terms = query_terms(query)
        if not terms:
            return []
        with Session(self.engine) as session:
            ids = self.backend.search_ids(session.connection(), terms, limit)
            hits = []
            for article_id in ids:
                row = session.get(ArticleRow, article_id)
                if row is None:
                    continue
                matches = find_matches(row.text, terms)
                hits.append(SearchHit(
                    article_id=row.id, title=row.title, outlet=row.outlet,
                    published=row.published, url=row.url,
                    matches=[{"text": m.text, "span": m.span.to_list()} for m in matches],
                    snippet=snippet(row.text, matches[0].span) if matches else None,
                ))
            return hits

    def revision(self) -> dict[str, Any]:
        """Schema revision, backend and PostGIS use, for ``marsad db status``."""
        with self.engine.connect() as conn:
            current = migrate.current_revision(conn)
        return {"backend": self.dialect, "revision": current, "head": migrate.head_revision(),
                "postgis": self.geometry}

