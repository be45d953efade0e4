"""The store: articles, their layers and events in a SQL database behind one interface."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from marsad.errors import StoreError
from marsad.model import Article, Event, from_dict, to_dict
from marsad.store import sqlite as sqlite_backend
from marsad.store.incidents import IncidentMethods
from marsad.store.schema import (
    SCHEMA_VERSION,
    ArticleRow,
    Base,
    EventRow,
    FailureRow,
    MetaRow,
)
from marsad.store.search_text import find_matches, query_terms, snippet

_ARTICLE_COLUMNS = ("id", "text", "title", "url", "outlet", "published", "lang", "origin")


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


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a path (SQLite) or a URL given as is."""
    raw = str(target)
    if "://" in raw:
        return raw
    return f"sqlite:///{Path(raw).expanduser()}"


def event_row(event: Event) -> EventRow:
    loc = event.location
    date = event.date
    return EventRow(
        id=event.id, article_id=event.article_id, type=event.type, outlet=event.outlet,
        date_start=date.start if date else None, date_end=date.end if date else None,
        date_precision=date.precision if date else None,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None,
        country=loc.country if loc else None, admin1=loc.admin1 if loc else None,
        geo_precision=loc.precision if loc else None, certainty=event.certainty,
        historical=event.historical, incident_id=event.incident_id, data=to_dict(event),
    )


def article_row(article: Article, pipeline: str) -> ArticleRow:
    data = to_dict(article)
    layers = {k: v for k, v in data.items() if k not in _ARTICLE_COLUMNS}
    return ArticleRow(
        id=article.id, url=article.url, outlet=article.outlet, published=article.published,
        title=article.title, lang=article.lang, origin=article.origin, text=article.text,
        layers=layers, pipeline=pipeline, error_count=len(article.errors), stored_at=_now(),
    )


def row_article(row: ArticleRow) -> Article:
    data = dict(row.layers or {})
    data.update({name: getattr(row, name) for name in _ARTICLE_COLUMNS})
    return from_dict(Article, data)


class Store(IncidentMethods):
    """Articles and events in SQLite (default) or another SQLAlchemy database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        if self.dialect != "sqlite":
            raise StoreError(f"the {self.dialect} backend is not supported yet; use a SQLite file")

    @classmethod
    def open(cls, target: str | Path) -> Store:
        """Open (creating if needed) the database at a file path or URL."""
        url = database_url(target)
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            parent = Path(url.removeprefix("sqlite:///")).parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {target}: folder {parent} "
                                 "does not exist")
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot open database {target}: {exc}") from None
        if engine.dialect.name == "sqlite":
            sqlite_backend.install_functions(engine)
        store = cls(engine)
        store._create()
        return store

    def _create(self) -> None:
        try:
            with self.engine.begin() as conn:
                Base.metadata.create_all(conn)
                sqlite_backend.create_search_index(conn)
                version = conn.execute(
                    select(MetaRow.value).where(MetaRow.key == "schema_version")
                ).scalar()
                if version is None:
                    conn.execute(MetaRow.__table__.insert().values(
                        key="schema_version", value=str(SCHEMA_VERSION)))
                elif int(version) > SCHEMA_VERSION:
                    raise StoreError(f"database schema version {version} is newer than this "
                                     f"marsad ({SCHEMA_VERSION}); upgrade marsad")
        except OperationalError as exc:
            raise StoreError(f"cannot use database {self.engine.url}: {exc.orig}") from None

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

    def add(self, articles: Iterable[Article], pipeline: str) -> AddResult:
        """Store analysed articles in one transaction.

        An id already stored with the same pipeline is left alone (re-ingesting is a
        no-op); one stored with another pipeline is replaced. A new article with the URL
        of a stored one from the same outlet supersedes it (a corrected article).
        """
        articles = list(articles)
        result = AddResult()
        if not articles:
            return result
        existing = self.stored_pipelines(a.id for a in articles)
        with Session(self.engine) as session, session.begin():
            conn = session.connection()
            for article in articles:
                if existing.get(article.id) == pipeline:
                    result.unchanged.append(article.id)
                    continue
                if article.id in existing:
                    session.execute(delete(EventRow).where(EventRow.article_id == article.id))
                    session.execute(delete(ArticleRow).where(ArticleRow.id == article.id))
                    result.updated.append(article.id)
                else:
                    result.added.append(article.id)
                self._supersede_same_url(session, article)
                session.add(article_row(article, pipeline))
                session.flush()
                session.add_all(event_row(e) for e in article.events)
                sqlite_backend.index_article(conn, article.id, article.title, article.text)
                existing[article.id] = pipeline
        return result

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
            session.execute(delete(EventRow).where(EventRow.article_id == old_id))
            sqlite_backend.unindex_article(session.connection(), old_id)

    def record_failure(self, origin: str, message: str) -> None:
        with Session(self.engine) as session, session.begin():
            session.merge(FailureRow(origin=origin, message=message, failed_at=_now()))

    # ------------------------------------------------------------------ reading

    def get_article(self, article_id: str) -> Article | None:
        with Session(self.engine) as session:
            row = session.get(ArticleRow, article_id)
            return row_article(row) if row is not None else None

    def iter_articles(self, include_superseded: bool = False) -> Iterator[Article]:
        query = select(ArticleRow).order_by(ArticleRow.published, ArticleRow.id)
        if not include_superseded:
            query = query.where(ArticleRow.superseded_by.is_(None))
        with Session(self.engine) as session:
            for row in session.execute(query.execution_options(yield_per=200)).scalars():
                yield row_article(row)

    def iter_events(self) -> Iterator[dict[str, Any]]:
        """Every stored event in its contract JSON form."""
        with Session(self.engine) as session:
            query = select(EventRow.data).order_by(EventRow.date_start, EventRow.id)
            yield from session.execute(query.execution_options(yield_per=500)).scalars()

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
            ids = sqlite_backend.search_ids(session.connection(), terms, limit)
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
