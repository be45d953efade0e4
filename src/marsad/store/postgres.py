"""PostgreSQL specifics: full-text search over marsad's normalised terms, PostGIS boxes.

The ``article_search`` table (made by migration 0002) stores the same normalised index
terms as SQLite's FTS5 table (``search_text.index_terms``: alef forms, diacritics and
clitics folded) and a generated ``tsvector`` of them in the ``simple`` configuration,
so both backends answer a query with the same articles.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Text, TextClause, cast, func, text
from sqlalchemy.engine import Engine

from marsad.store.rows import POINT_PROPERTIES
from marsad.store.search_text import index_terms


def install_functions(engine: Engine) -> None:
    """Nothing to register: normalisation happens in Python before rows are written."""


def has_geometry(conn: Connection) -> bool:
    """Whether ``events.geom`` exists (PostGIS was available when the schema was made)."""
    return bool(conn.execute(text(
        "SELECT 1 FROM information_schema.columns WHERE table_name = 'events' "
        "AND column_name = 'geom' AND table_schema = current_schema()")).scalar())


def index_article(conn: Connection, article_id: str, title: str | None, body: str,
                  terms: tuple[str, str] | None = None) -> None:
    """Index a stored article, replacing any index row it had (``terms``: precomputed)."""
    title_terms, body_terms = terms or (index_terms(title or ""), index_terms(body))
    conn.execute(text(
        "INSERT INTO article_search (article_id, title_terms, body_terms) VALUES (:id, :t, :b) "
        "ON CONFLICT (article_id) DO UPDATE SET title_terms = EXCLUDED.title_terms, "
        "body_terms = EXCLUDED.body_terms"),
        {"id": article_id, "t": title_terms, "b": body_terms})


def unindex_article(conn: Connection, article_id: str) -> None:
    conn.execute(text("DELETE FROM article_search WHERE article_id = :id"), {"id": article_id})


def search_ids(conn: Connection, terms: list[str], limit: int) -> list[str]:
    """Article ids whose title or body holds every term, best first (title weighs more)."""
    if not terms:
        return []
    rows = conn.execute(text(
        "SELECT article_id FROM article_search, plainto_tsquery('simple', :q) AS q "
        "WHERE document @@ q ORDER BY ts_rank(document, q) DESC, article_id LIMIT :n"),
        {"q": " ".join(terms), "n": limit})
    return [r[0] for r in rows]


def geometry_bbox(bbox: tuple[float, float, float, float]) -> TextClause:
    """Events whose PostGIS point lies in ``(min_lon, min_lat, max_lon, max_lat)``."""
    min_lon, min_lat, max_lon, max_lat = bbox
    return text("events.geom && ST_MakeEnvelope(:bb_w, :bb_s, :bb_e, :bb_n, 4326)").bindparams(
        bb_w=min_lon, bb_s=min_lat, bb_e=max_lon, bb_n=max_lat)


def feature_json(events: Any) -> ColumnElement[str]:
    """A GeoJSON Feature for one ``events`` row, built by PostgreSQL's JSON functions."""
    props: list[Any] = []
    for key, column in POINT_PROPERTIES.items():
        props += [key, getattr(events, column)]
    feature = func.json_build_object(
        "type", "Feature", "id", events.id,
        "geometry", func.json_build_object("type", "Point",
                                           "coordinates", func.json_build_array(events.lon,
                                                                                events.lat)),
        "properties", func.json_build_object(*props))
    return cast(feature, Text)
