"""``marsad eval ...``: score marsad's layers against gold files, printing one JSON object."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import eval_app
from marsad.cli.common import cli_errors
from marsad.errors import InputError
from marsad.evaluation.timenum import evaluate_timenum

GoldArg = Annotated[Path, typer.Argument(
    help="Gold JSON Lines (e.g. benchmarks/gold/timenum-real.jsonl); see "
         "benchmarks/gold/README.md for the format.")]
SplitOpt = Annotated[str | None, typer.Option(
    help="Score only the lines of this split (dev or test); default all.")]
DataOpt = Annotated[Path | None, typer.Option(
    "--data", help="The shared data folder for gold lines that reference SaudiNewsNet "
                   "(default $MARSAD_SHARED_DATA or ../shared/data).")]
ErrorsOpt = Annotated[bool, typer.Option(
    "--errors", help="Also list every miss, spurious hit and wrong resolution.")]


def _run(layer: str, gold: Path, split: str | None, data: Path | None, errors: bool) -> None:
    with cli_errors():
        if not gold.is_file():
            raise InputError(str(gold), "no such gold file")
        result = evaluate_timenum(gold, data=data, split=split, errors=errors)
    keep = {"gold", "split", "texts", layer} if layer else None
    if keep:
        result = {k: v for k, v in result.items() if k in keep}
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")


@eval_app.command("dates")
def eval_dates(gold: GoldArg, split: SplitOpt = None, data: DataOpt = None,
               errors: ErrorsOpt = False) -> None:
    """Time expressions: detection precision/recall/F1 (span overlap; exact spans too) and
    accuracy of the resolved value, precision and full resolution."""
    _run("dates", gold, split, data, errors)


@eval_app.command("numbers")
def eval_numbers(gold: GoldArg, split: SplitOpt = None, data: DataOpt = None,
                 errors: ErrorsOpt = False) -> None:
    """Counts: detection precision/recall/F1, accuracy of count, bounds and what, and F1
    of casualty counts (right what and count)."""
    _run("numbers", gold, split, data, errors)


@eval_app.command("timenum")
def eval_timenum(gold: GoldArg, split: SplitOpt = None, data: DataOpt = None,
                 errors: ErrorsOpt = False) -> None:
    """Both layers at once: the dates and numbers scores in one JSON object."""
    _run("", gold, split, data, errors)
