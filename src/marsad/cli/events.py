"""``marsad eval events`` (the event detector scored against the events gold set) and
``marsad train event-filter`` (its learned veto)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import eval_app, train_app
from marsad.cli.common import cli_errors, config_from, say
from marsad.events.evaluate import evaluate_events
from marsad.events.matching import MatchOptions
from marsad.events.sentence_filter import TUNING_SPLITS, packaged_model_path, train_from_gold


class Split(StrEnum):
    dev = "dev"
    test = "test"
    test2 = "test2"
    test3 = "test3"
    dev2 = "dev2"
    dev3 = "dev3"
    dev4 = "dev4"
    dev5 = "dev5"
    dev6 = "dev6"
    all = "all"


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Argument(
        help="Events gold file (JSON Lines), e.g. gold/events/events.jsonl.")],
    split: Annotated[Split, typer.Option(
        help="Which articles to score: dev, dev2, dev3, dev4, dev5 or dev6 (tune on these; "
             "dev2 to dev5 are further tuning parts of longer articles, drawn when the rules "
             "over-fitted dev; dev4 and dev5 for a learned component; dev6 from a pool of "
             "articles with one violence word in their head), test, "
             "test2 or test3 (held out: report only; test2 was drawn after test had been "
             "run six times, test3 after test had been run eight times and test2 three "
             "times, from a new pool of longer articles) or all.")] = Split.dev,
    system: Annotated[Path | None, typer.Option(
        help="Score the events in this JSON Lines file (marsad analyze --format "
             "events|articles) instead of running the pipeline.")] = None,
    config: Annotated[str | None, typer.Option(
        help="A TOML file overriding marsad's settings (the pipeline to run).")] = None,
    data: Annotated[str | None, typer.Option(
        help="Shared data folder holding SaudiNewsNet (default $MARSAD_SHARED_DATA or "
             "../shared/data).")] = None,
    km: Annotated[float, typer.Option(
        help="A location is right within this many km of gold's place.")] = MatchOptions.km,
    region_km: Annotated[float, typer.Option(
        help="... or this many km when gold names only a province.")] = MatchOptions.region_km,
    date_slack_days: Annotated[int, typer.Option(
        help="A date range is right if it overlaps gold's and is at most this many days "
             "wider.")] = MatchOptions.date_slack_days,
    per_article: Annotated[bool, typer.Option(
        help="Also list, per article, the aligned, missed and extra events.")] = False,
) -> None:
    """Run the configured pipeline on the gold articles and print its event scores as JSON:
    detection P/R/F1, type accuracy and macro-F1, per-argument P/R/F1 and counts."""
    with cli_errors():
        result = evaluate_events(
            gold, split=split.value, config=config_from(config), data=data,
            system_path=system, per_article=per_article,
            options=MatchOptions(km=km, region_km=region_km, date_slack_days=date_slack_days),
        )
    print(json.dumps(result, ensure_ascii=False, indent=2))


@train_app.command("event-filter")
def train_event_filter(
    gold: Annotated[Path, typer.Argument(
        help="Events gold file (JSON Lines).")] = Path("gold/events/events.jsonl"),
    splits: Annotated[str, typer.Option(
        help="Comma-separated tuning parts to train on (never test, test2 or test3).")
    ] = ",".join(TUNING_SPLITS),
    data: Annotated[str | None, typer.Option(
        help="Shared data folder holding SaudiNewsNet (default $MARSAD_SHARED_DATA or "
             "../shared/data).")] = None,
    c: Annotated[float, typer.Option(help="Inverse L2 regularisation.")] = 1.0,
    out: Annotated[Path, typer.Option(
        help="Where to write the model (.npz).")] = Path("build/event-filter/model.npz"),
    install: Annotated[bool, typer.Option(
        "--install/--no-install",
        help="Also write it into the package (resources/models/event-filter), where "
             "events.v1 reads it.")] = False,
) -> None:
    """Train the events stage's learned veto (a sentence classifier) on the gold set's
    tuning parts, analysed by the default pipeline. Prints its metadata as JSON."""
    with cli_errors():
        model = train_from_gold(gold, [s for s in splits.split(",") if s], data, c, say=say)
        out.parent.mkdir(parents=True, exist_ok=True)
        model.save(out)
        if install:
            dest = packaged_model_path()
            dest.parent.mkdir(parents=True, exist_ok=True)
            model.save(dest)
            say(f"event filter installed at {dest}")
    print(json.dumps({**(model.meta or {}), "model": str(out)}, ensure_ascii=False))
