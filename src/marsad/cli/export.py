"""``marsad export events|incidents``: stored data in the shapes other tools read
(events as JSON Lines, ACLED-style CSV, GeoJSON or PLOVER; incidents as JSON Lines)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from marsad.cli.app import command_group
from marsad.cli.common import cli_errors, existing_store, parse_date, say
from marsad.cli.incidents import (
    CountryOpt,
    DbOpt,
    FromOpt,
    LimitOpt,
    MinEventsOpt,
    MinOutletsOpt,
    ToOpt,
    TypeOpt,
    incident_filter,
)
from marsad.exports.events import export_events
from marsad.exports.jsonl import dumps
from marsad.store.queries import EventFilter, parse_bbox

export_app = command_group("export", "Write stored data in formats other tools read.")


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    acled_csv = "acled-csv"
    geojson = "geojson"
    plover = "plover"


def _write(path: Path, write: Callable[[TextIO], int]) -> int:
    """Write to a temporary file beside ``path`` and rename it: no half-written exports."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise typer.BadParameter(f"folder {folder} does not exist", param_hint="--output")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            count = write(out)
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return count


@export_app.command("events")
def events(
    db: Annotated[str, typer.Option(help="The database (SQLite file or postgresql:// URL).")],
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="jsonl (contract events), acled-csv (ACLED columns), geojson "
                         "(FeatureCollection) or plover (PLOVER-style JSON Lines).")] =
        ExportFormat.jsonl,
    output: Annotated[str, typer.Option(
        "--output", "-o", help="Write to this file instead of stdout (- for stdout).")] = "-",
    date_from: Annotated[str | None, typer.Option(
        "--from", help="Events on or after this day, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option(
        "--to", help="Events on or before this day, YYYY-MM-DD.")] = None,
    type_: Annotated[list[str] | None, typer.Option(
        "--type", help="Event type, e.g. airstrike (repeatable).")] = None,
    actor: Annotated[list[str] | None, typer.Option(
        help="Actor: canonical name or the article's wording, e.g. 'Islamic State' or "
             "داعش (repeatable).")] = None,
    weapon: Annotated[list[str] | None, typer.Option(
        help="Weapon name, e.g. '9K333 Verba' (repeatable).")] = None,
    weapon_category: Annotated[list[str] | None, typer.Option(
        help="Weapon category, e.g. MANPADS (repeatable).")] = None,
    admin1: Annotated[list[str] | None, typer.Option(
        help="First-level region, e.g. Homs (repeatable).")] = None,
    country: Annotated[list[str] | None, typer.Option(
        help="ISO 3166 alpha-2 country code, e.g. SY (repeatable).")] = None,
    outlet: Annotated[list[str] | None, typer.Option(help="Outlet (repeatable).")] = None,
    certainty: Annotated[list[str] | None, typer.Option(
        help="asserted, reported, alleged or hedged (repeatable).")] = None,
    incident: Annotated[str | None, typer.Option(help="Events of this incident id.")] = None,
    article: Annotated[str | None, typer.Option(help="Events of this article id.")] = None,
    bbox: Annotated[str | None, typer.Option(
        help="Bounding box min_lon,min_lat,max_lon,max_lat.")] = None,
    min_fatalities: Annotated[int | None, typer.Option(
        min=0, help="Events with at least this many fatalities.")] = None,
    historical: Annotated[bool | None, typer.Option(
        "--historical/--no-historical",
        help="Only background (historical) events, or none of them; both by default.")] =
        None,
) -> None:
    """Export stored events, filtered; one line on stderr says how many were written."""
    with cli_errors():
        where = EventFilter.build(
            date_from=parse_date(date_from, "--from"), date_to=parse_date(date_to, "--to"),
            types=type_, actors=actor, weapons=weapon, weapon_categories=weapon_category,
            admin1=admin1, countries=country, outlets=outlet, certainties=certainty,
            incident_id=incident, article_id=article, bbox=parse_bbox(bbox),
            min_fatalities=min_fatalities, historical=historical,
        )
        if output == "-":
            with existing_store(db) as store:
                count = export_events(store, fmt.value, sys.stdout, where)
            target = "stdout"
        else:
            def write(out: TextIO) -> int:
                with existing_store(db) as store:
                    return export_events(store, fmt.value, out, where)

            count = _write(Path(output), write)
            target = output
    say(f"exported {count} events as {fmt.value} to {target}")


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
            count = _write(Path(output), lambda out: _write_incidents(out, db, where))
    say(f"{count} incidents exported")
