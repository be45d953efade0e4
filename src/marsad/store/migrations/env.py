"""Alembic environment: marsad runs migrations on a connection it passes in.

``marsad.store.migrate`` puts an open connection into ``config.attributes["connection"]``;
there is no alembic.ini. To write a new migration, copy the newest file in ``versions/``,
set ``down_revision`` to its ``revision`` and describe every change for both backends.
"""

from __future__ import annotations

from alembic import context

from marsad.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("marsad migrations run through marsad.store.migrate "
                       "(marsad db upgrade), not the alembic command")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
