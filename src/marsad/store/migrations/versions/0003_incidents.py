"""Incidents: reports of one event linked across outlets (``marsad incidents``).

Revision ID: 0003_incidents
Revises: 0002_event_filters_search_geo
Create Date: 2026-11-23

One table, ``incidents``; ``data`` is the Incident JSON of docs/CONTRACT.md and the other
columns serve filtering. Events point at their incident through ``events.incident_id``
(migration 0001). Existing stores need no back-fill: the first ``marsad incidents`` run
links every stored event.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003_incidents"
down_revision: str | None = "0002_event_filters_search_geo"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("date_precision", sa.Integer()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("country", sa.String(8)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("geo_precision", sa.Integer()),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("outlet_count", sa.Integer(), nullable=False),
        sa.Column("independent_outlets", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_incidents_type", "incidents", ["type"])
    op.create_index("ix_incidents_country", "incidents", ["country"])
    op.create_index("ix_incidents_date", "incidents", ["date_start", "date_end"])
    op.execute("UPDATE marsad_meta SET value = '3' WHERE key = 'schema_version'")


def downgrade() -> None:
    op.drop_table("incidents")
    op.execute("UPDATE events SET incident_id = NULL")
    op.execute("UPDATE marsad_meta SET value = '2' WHERE key = 'schema_version'")
