"""Database tables (SQLAlchemy 2 declarative), the same on SQLite and PostgreSQL.

These models describe the schema at the newest migration (``store/migrations/versions``);
a change here needs a migration too (``tests/store/test_migrations.py`` compares them).
Backend-only pieces live in the migrations alone: SQLite's FTS5 ``article_search``
table, PostgreSQL's ``article_search`` tsvector table and PostGIS ``events.geom``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Written to marsad_meta.schema_version by the migrations, so that an older marsad
# refuses a database made by a newer one instead of misreading it.
SCHEMA_VERSION = 3
JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """One ingested article: original text, metadata, and all its layers as JSON."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(16))
    origin: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    layers: Mapped[dict[str, Any]] = mapped_column(JSONType)
    pipeline: Mapped[str] = mapped_column(Text)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    superseded_by: Mapped[str | None] = mapped_column(String(32), index=True)
    stored_at: Mapped[dt.datetime] = mapped_column(DateTime)


class EventRow(Base):
    """One event, with the columns filters and the map need, and the full contract JSON."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    article_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    type: Mapped[str] = mapped_column(String(64), index=True)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    admin1: Mapped[str | None] = mapped_column(String(200), index=True)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    certainty: Mapped[str | None] = mapped_column(String(16), index=True)
    historical: Mapped[bool] = mapped_column(Boolean, default=False)
    incident_id: Mapped[str | None] = mapped_column(String(32), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    location_name: Mapped[str | None] = mapped_column(String(300))
    fatalities: Mapped[int | None] = mapped_column(Integer, index=True)

    __table_args__ = (
        Index("ix_events_date", "date_start", "date_end"),
        Index("ix_events_geo", "lat", "lon"),
        Index("ix_events_type_date", "type", "date_start"),
    )


class EventActorRow(Base):
    """An event's actor, one row each, so that filtering by actor uses an index."""

    __tablename__ = "event_actors"

    event_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str | None] = mapped_column(String(300))
    inter: Mapped[int | None] = mapped_column(Integer)
    # normalised (Arabic-folded, lower-case) canonical name and surface text, for lookups
    name_key: Mapped[str | None] = mapped_column(String(300), index=True)
    text_key: Mapped[str | None] = mapped_column(String(300), index=True)

    __table_args__ = (Index("ix_event_actors_name", "name", "event_id"),)


class EventWeaponRow(Base):
    """An event's weapon, one row each: name and category (``MANPADS``, ``IED`` ...)."""

    __tablename__ = "event_weapons"

    event_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str | None] = mapped_column(String(300))
    category: Mapped[str | None] = mapped_column(String(100))
    name_key: Mapped[str | None] = mapped_column(String(300), index=True)
    category_key: Mapped[str | None] = mapped_column(String(100), index=True)

    __table_args__ = (Index("ix_event_weapons_name", "name", "event_id"),
                      Index("ix_event_weapons_category", "category", "event_id"))


class FailureRow(Base):
    """An input that could not be read or analysed, kept so no article is silently lost."""

    __tablename__ = "failures"

    origin: Mapped[str] = mapped_column(Text, primary_key=True)
    message: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class MetaRow(Base):
    __tablename__ = "marsad_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class IncidentRow(Base):
    """One incident: reports of the same event linked across outlets (marsad incidents).

    ``data`` is the Incident JSON of docs/CONTRACT.md (event ids, outlets, corroboration,
    disputes); the other columns are what listing and filtering need. Its events point back
    through ``events.incident_id``.
    """

    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    type: Mapped[str] = mapped_column(String(64), index=True)
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    admin1: Mapped[str | None] = mapped_column(String(200))
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    outlet_count: Mapped[int] = mapped_column(Integer, default=0)
    independent_outlets: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_incidents_date", "date_start", "date_end"),)
