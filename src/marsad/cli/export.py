"""``marsad export events``: stored events as JSON Lines, ACLED-style CSV, GeoJSON or PLOVER."""

from __future__ import annotations

import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import app
from marsad.cli.common import cli_errors, existing_store, parse_date, say
from marsad.exports.events import export_events
from marsad.store.queries import EventFilter, parse_bbox

export_app = typer.Typer(help="Write stored data in formats other tools read.",
                         no_args_is_help=True)
app.add_typer(export_app, name="export")


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    acled_csv = "acled-csv"
    geojson = "geojson"
    plover = "plover"


def _write(path: Path, fmt: str, db: str, where: EventFilter) -> int:
    """Write to a temporary file beside ``path`` and rename it: no half-written exports."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise typer.BadParameter(f"folder {folder} does not exist", param_hint="--output")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out, \
                existing_store(db) as store:
            count = export_events(store, fmt, out, where)
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
            count = _write(Path(output), fmt.value, db, where)
            target = output
    say(f"exported {count} events as {fmt.value} to {target}")
