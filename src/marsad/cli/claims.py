"""``marsad eval claims``, ``marsad eval stance``, ``marsad train stance``, ``marsad claims``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import app, eval_app, train_app
from marsad.cli.common import cli_errors, say
from marsad.errors import InputError

DATA_HELP = "The shared data folder (default: $MARSAD_SHARED_DATA or ../shared/data)."


def _print(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


@eval_app.command("claims")
def eval_claims(
    gold: Annotated[Path, typer.Argument(help="Claims gold JSONL, e.g. "
                                         "gold/claims/saudinewsnet.jsonl.")],
    data: Annotated[str | None, typer.Option(help=DATA_HELP)] = None,
    split: Annotated[list[str] | None, typer.Option(
        help="Gold split(s) to score: test (held out, default) or dev.")] = None,
) -> None:
    """Score the claims extractor: cue P/R/F1, source span (exact, overlap), source kind and
    certainty accuracy. Prints one JSON object."""
    from marsad.claims.evaluate import evaluate_claims

    with cli_errors():
        if not gold.exists():
            raise InputError(str(gold), "gold file does not exist")
        _print(evaluate_claims(gold, data, tuple(split or ["test"])))


@eval_app.command("stance")
def eval_stance(
    data: Annotated[str | None, typer.Option(help=DATA_HELP)] = None,
    split: Annotated[str, typer.Option(help="ANS split: test (held out, default), dev, train.")]
    = "test",
    model: Annotated[Path | None, typer.Option(help="A model .npz (default: the committed one).")]
    = None,
) -> None:
    """Macro-F1 of the stance model (agree/disagree/other) on Arabic News Stance."""
    from marsad.claims.stance import StanceModel, evaluate_stance
    from marsad.config import shared_data_dir

    with cli_errors():
        m = StanceModel.load(model) if model else None
        _print(evaluate_stance(shared_data_dir(data), split, m))


@train_app.command("stance")
def train_stance_cmd(
    data: Annotated[str | None, typer.Option(help=DATA_HELP)] = None,
    out: Annotated[Path, typer.Option(help="Where to write the model .npz.")]
    = Path("src/marsad/resources/claims/stance/model.npz"),
    cache: Annotated[Path | None, typer.Option(
        help="Keep the sentence embeddings in this folder so that a rerun skips them.")]
    = None,
) -> None:
    """Train the stance model on ANS train, tune on dev; prints the dev scores. Needs
    scikit-learn; embedding the 6,800 training and dev sentences takes 5-15 minutes on
    2 cores, fitting a few more."""
    from marsad.claims.stance import train_stance
    from marsad.config import shared_data_dir

    with cli_errors():
        out.parent.mkdir(parents=True, exist_ok=True)
        result = train_stance(shared_data_dir(data), out, cache=cache)
    say(f"wrote {out}")
    _print(result)


@app.command("stance")
def stance_cmd(
    a: Annotated[str, typer.Argument(help="First claim (Arabic).")],
    b: Annotated[str, typer.Argument(help="Second claim (Arabic).")],
) -> None:
    """The stance of claim B towards claim A: {"label": agree|disagree|other, "score": p}."""
    from marsad.claims.stance import stance

    with cli_errors():
        label, score = stance(a, b)
    _print({"label": label, "score": round(score, 4)})
