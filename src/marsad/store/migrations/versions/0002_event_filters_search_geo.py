"""Event filter columns and tables; full-text search and PostGIS geometry on PostgreSQL.

Revision ID: 0002_event_filters_search_geo
Revises: 0001_foundation
Create Date: 2026-11-22

- ``events``: ``location_name`` and ``fatalities`` columns (what the map and table show
  without parsing the JSON) and indexes on the filtered columns, among them
  ``(type, date_start)`` which the usual "this type in this period" query needs.
- ``event_actors`` and ``event_weapons``: one row per actor or weapon, with normalised
  lookup keys, so that "events of this actor / weapon category" uses an index.
- PostgreSQL: ``article_search`` holds marsad's own normalised index terms (the same as
  SQLite's FTS5 table) with a generated ``tsvector`` under a GIN index; the ``simple``
  configuration is used because the terms are already folded (the ``arabic``
  configuration would stem them and does not fold alef forms).
- PostGIS, when the server has it: ``events.geom`` (Point, SRID 4326) generated from
  lon/lat, with a GiST index, used by bounding-box filters.
Existing events and articles are filled in from their stored JSON.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from marsad.store.rows import actor_values, event_columns, weapon_values
from marsad.store.search_text import index_terms

revision: str = "0002_event_filters_search_geo"
down_revision: str | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_EVENT_INDEXES = ("outlet", "country", "admin1", "certainty", "fatalities")


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("location_name", sa.String(300)))
        batch.add_column(sa.Column("fatalities", sa.Integer()))
    for column in NEW_EVENT_INDEXES:
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_index("ix_events_type_date", "events", ["type", "date_start"])

    event_fk = sa.ForeignKey("events.id", ondelete="CASCADE")
    actors = op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(32), event_fk, primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("role", sa.String(32)),
        sa.Column("name", sa.String(300)),
        sa.Column("inter", sa.Integer()),
        sa.Column("name_key", sa.String(300)),
        sa.Column("text_key", sa.String(300)),
    )
    op.create_index("ix_event_actors_name_key", "event_actors", ["name_key"])
    op.create_index("ix_event_actors_text_key", "event_actors", ["text_key"])
    op.create_index("ix_event_actors_name", "event_actors", ["name", "event_id"])
    weapons = op.create_table(
        "event_weapons",
        sa.Column("event_id", sa.String(32), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(300)),
        sa.Column("category", sa.String(100)),
        sa.Column("name_key", sa.String(300)),
        sa.Column("category_key", sa.String(100)),
    )
    op.create_index("ix_event_weapons_name_key", "event_weapons", ["name_key"])
    op.create_index("ix_event_weapons_category_key", "event_weapons", ["category_key"])
    op.create_index("ix_event_weapons_name", "event_weapons", ["name", "event_id"])
    op.create_index("ix_event_weapons_category", "event_weapons", ["category", "event_id"])
    _fill_events(bind, actors, weapons)

    if bind.dialect.name == "postgresql":
        _postgres_search(bind)
        _postgis_geometry(bind)
    op.execute("UPDATE marsad_meta SET value = '2' WHERE key = 'schema_version'")


def _fill_events(bind: sa.Connection, actors: sa.Table, weapons: sa.Table) -> None:
    events = sa.table("events", sa.column("id"), sa.column("data", sa.JSON),
                      sa.column("location_name"), sa.column("fatalities"))
    rows = bind.execute(sa.select(events.c.id, events.c.data)).all()
    for event_id, data in rows:
        columns = event_columns(data)
        bind.execute(events.update().where(events.c.id == event_id).values(
            location_name=columns["location_name"], fatalities=columns["fatalities"]))
        if values := actor_values(event_id, data):
            bind.execute(actors.insert(), values)
        if values := weapon_values(event_id, data):
            bind.execute(weapons.insert(), values)


def _postgres_search(bind: sa.Connection) -> None:
    op.execute(
        "CREATE TABLE article_search ("
        " article_id VARCHAR(32) PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
        " title_terms TEXT NOT NULL DEFAULT '',"
        " body_terms TEXT NOT NULL DEFAULT '',"
        " document TSVECTOR GENERATED ALWAYS AS ("
        "  setweight(to_tsvector('simple'::regconfig, title_terms), 'A') ||"
        "  setweight(to_tsvector('simple'::regconfig, body_terms), 'B')) STORED)"
    )
    op.execute("CREATE INDEX ix_article_search_document ON article_search USING gin (document)")
    rows = bind.execute(sa.text(
        "SELECT id, title, text FROM articles WHERE superseded_by IS NULL")).all()
    for article_id, title, body in rows:
        bind.execute(sa.text(
            "INSERT INTO article_search (article_id, title_terms, body_terms) "
            "VALUES (:id, :t, :b)"), {"id": article_id, "t": index_terms(title or ""),
                                      "b": index_terms(body)})


def _postgis_geometry(bind: sa.Connection) -> None:
    available = bind.execute(sa.text(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).scalar()
    if not available:
        return  # bounding boxes then filter on lat/lon; rerun after installing PostGIS
    op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.execute(
        "ALTER TABLE events ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS ("
        " CASE WHEN lon IS NULL OR lat IS NULL THEN NULL"
        " ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED"
    )
    op.execute("CREATE INDEX ix_events_geom ON events USING gist (geom)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_events_geom")
        op.execute("ALTER TABLE events DROP COLUMN IF EXISTS geom")
        op.execute("DROP TABLE IF EXISTS article_search")
    op.drop_table("event_weapons")
    op.drop_table("event_actors")
    op.drop_index("ix_events_type_date", "events")
    for column in NEW_EVENT_INDEXES:
        op.drop_index(f"ix_events_{column}", "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("fatalities")
        batch.drop_column("location_name")
    op.execute("UPDATE marsad_meta SET value = '1' WHERE key = 'schema_version'")
