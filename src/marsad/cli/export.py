"""``marsad export ...``: stored data in the shapes of docs/CONTRACT.md for other tools."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated, TextIO

import typer

from marsad.cli.app import command_group
from marsad.cli.common import cli_errors, say
from marsad.cli.incidents import (
    CountryOpt,
    DbOpt,
    FromOpt,
    LimitOpt,
    MinEventsOpt,
    MinOutletsOpt,
    ToOpt,
    TypeOpt,
    existing_store,
    incident_filter,
)
from marsad.exports.jsonl import dumps

export_app = command_group("export", "Write stored data in formats other tools read.")


def _write_incidents(out: TextIO, db: str, where: object) -> int:
    count = 0
    with existing_store(db) as store:
        for record in store.iter_incidents(where):  # type: ignore[arg-type]
            out.write(dumps(record) + "\n")
            count += 1
    return count


@export_app.command("incidents")
def export_incidents(
    db: DbOpt,
    output: Annotated[str, typer.Option(
        "--output", "-o", help="Write to this file instead of stdout (- for stdout).")] = "-",
    date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    kind: TypeOpt = None, min_events: MinEventsOpt = 1, min_outlets: MinOutletsOpt = 1,
    limit: LimitOpt = None,
) -> None:
    """Write stored incidents as JSON Lines (the Incident shape of docs/CONTRACT.md).

    Each line has the incident's event and article ids, outlets, corroboration and
    disputes. Link first with marsad incidents.
    """
    where = incident_filter(date_from, date_to, country, kind, min_events, min_outlets, limit)
    with cli_errors():
        if output == "-":
            count = _write_incidents(sys.stdout, db, where)
        else:
            path = Path(output)
            folder = path.parent if str(path.parent) else Path(".")
            if not folder.is_dir():
                raise typer.BadParameter(f"folder {folder} does not exist",
                                         param_hint="--output")
            handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    count = _write_incidents(out, db, where)
                os.replace(temp, path)
            finally:
                if os.path.exists(temp):
                    os.unlink(temp)
    say(f"{count} incidents exported")
