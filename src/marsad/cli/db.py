"""``marsad db``: the database schema (migrations) and what a database holds."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from marsad.cli.app import app
from marsad.cli.common import cli_errors, existing_store, say
from marsad.store import migrate
from marsad.store.database import engine_for

db_app = typer.Typer(help="Create, upgrade and inspect marsad databases.",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")

DbOption = Annotated[str, typer.Option(help="A SQLite file or a postgresql:// URL.")]


@db_app.command("upgrade")
def upgrade(db: DbOption) -> None:
    """Create the schema or bring it to the newest revision (opening a store does this too).

    Prints one JSON object: backend, revision before and after, newest revision.
    """
    with cli_errors():
        engine = engine_for(db)
        try:
            revision = migrate.upgrade(engine)
        finally:
            engine.dispose()
    print(json.dumps({"backend": engine.dialect.name, "before": revision.before,
                      "after": revision.after, "head": revision.head}))
    say("schema is up to date" if not revision.changed else
        f"upgraded schema from {revision.before or 'empty'} to {revision.after}")


@db_app.command("downgrade")
def downgrade(
    db: DbOption,
    to: Annotated[str, typer.Option(help="Revision to go back to, e.g. 0001_foundation.")],
) -> None:
    """Undo migrations down to ``--to`` (data in dropped tables and columns is lost)."""
    with cli_errors():
        engine = engine_for(db)
        try:
            revision = migrate.downgrade(engine, to)
        finally:
            engine.dispose()
    print(json.dumps({"backend": engine.dialect.name, "before": revision.before,
                      "after": revision.after, "head": revision.head}))


@db_app.command("status")
def status(db: DbOption) -> None:
    """Print the backend, schema revision, PostGIS use and counts as one JSON object."""
    with cli_errors(), existing_store(db) as store:
        info = {**store.revision(), **store.counts()}
    print(json.dumps(info))
