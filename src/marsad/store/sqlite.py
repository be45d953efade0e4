"""SQLite specifics: the ``ar_norm()`` SQL function and an FTS5 index of normalised text.

SQLite's own tokenizer splits Arabic words at diacritics, so marsad indexes its own
normalised terms (see ``search_text``) with FTS5's plain ``unicode61`` tokenizer. The
FTS5 table ``article_search`` is made by migration 0001.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, case, event, func, text
from sqlalchemy.engine import Engine

from marsad.store.rows import POINT_PROPERTIES
from marsad.store.search_text import index_terms
from marsad.text.normalize import normalize


def install_functions(engine: Engine) -> None:
    """Register ``ar_norm(text)`` and sane pragmas on every new SQLite connection."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.create_function("ar_norm", 1, lambda s: None if s is None else normalize(s),
                                   deterministic=True)
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


# The index row of an article shares the article row's rowid: ``article_id`` is UNINDEXED
# in FTS5, so finding a row by it scans the whole index (a cost that grew with the corpus).
_ROWID_OF = "(SELECT rowid FROM articles WHERE id = :id)"


def index_article(conn: Connection, article_id: str, title: str | None, body: str,
                  terms: tuple[str, str] | None = None) -> None:
    """Index a stored article (its row must exist), replacing any index row it had.

    ``terms`` are its ``search_terms`` when already computed (by a Dask worker, say).
    """
    title_terms, body_terms = terms or (index_terms(title or ""), index_terms(body))
    conn.execute(text(f"DELETE FROM article_search WHERE rowid = {_ROWID_OF}"),
                 {"id": article_id})
    conn.execute(
        text("INSERT INTO article_search (rowid, article_id, title, body) "
             f"VALUES ({_ROWID_OF}, :id, :t, :b)"),
        {"id": article_id, "t": title_terms, "b": body_terms},
    )


def unindex_article(conn: Connection, article_id: str) -> None:
    """Drop an article's index row; call it before the article row itself is deleted."""
    conn.execute(text(f"DELETE FROM article_search WHERE rowid = {_ROWID_OF}"),
                 {"id": article_id})


def search_ids(conn: Connection, terms: list[str], limit: int) -> list[str]:
    """Article ids whose title or body holds every term, best first (bm25)."""
    if not terms:
        return []
    match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
    rows = conn.execute(
        text("SELECT article_id FROM article_search WHERE article_search MATCH :q "
             "ORDER BY bm25(article_search, 0.0, 2.0, 1.0) LIMIT :n"),
        {"q": match, "n": limit},
    )
    return [r[0] for r in rows]


def feature_json(events: Any) -> ColumnElement[str]:
    """A GeoJSON Feature for one ``events`` row, built by SQLite's JSON functions."""
    props: list[Any] = []
    for key, column in POINT_PROPERTIES.items():
        value = getattr(events, column)
        if column == "historical":
            value = func.json(case((value, "true"), else_="false"))
        props += [key, value]
    return func.json_object(
        "type", "Feature", "id", events.id,
        "geometry", func.json_object("type", "Point",
                                     "coordinates", func.json_array(events.lon, events.lat)),
        "properties", func.json_object(*props))
