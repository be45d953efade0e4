"""The foundation schema: articles, events, failures, marsad_meta (and SQLite's FTS5 index).

Revision ID: 0001_foundation
Revises:
Create Date: 2026-11-22

Databases written by marsad before migrations existed have exactly this schema and
``marsad_meta.schema_version = 1``; ``marsad.store.migrate`` stamps them with this
revision and upgrades them from here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0001_foundation"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.String(200)),
        sa.Column("published", sa.Date()),
        sa.Column("title", sa.Text()),
        sa.Column("lang", sa.String(16)),
        sa.Column("origin", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("layers", JSONType, nullable=False),
        sa.Column("pipeline", sa.Text(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("superseded_by", sa.String(32)),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
    )
    for column in ("url", "outlet", "published", "superseded_by"):
        op.create_index(f"ix_articles_{column}", "articles", [column])
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("article_id", sa.String(32),
                  sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("outlet", sa.String(200)),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("date_precision", sa.Integer()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("country", sa.String(8)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("geo_precision", sa.Integer()),
        sa.Column("certainty", sa.String(16)),
        sa.Column("historical", sa.Boolean(), nullable=False),
        sa.Column("incident_id", sa.String(32)),
        sa.Column("data", JSONType, nullable=False),
    )
    for column in ("article_id", "type", "incident_id"):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_index("ix_events_date", "events", ["date_start", "date_end"])
    op.create_index("ix_events_geo", "events", ["lat", "lon"])
    op.create_table(
        "failures",
        sa.Column("origin", sa.Text(), primary_key=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("failed_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "marsad_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.execute("INSERT INTO marsad_meta (key, value) VALUES ('schema_version', '1')")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5("
            "article_id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 0')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_search")
    for table in ("marsad_meta", "failures", "events", "articles"):
        op.drop_table(table)
