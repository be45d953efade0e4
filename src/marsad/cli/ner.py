"""``marsad eval ner FILE``: entity-level scores of the NER model on a CoNLL file."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import eval_app
from marsad.cli.common import cli_errors
from marsad.ner.evaluate import SCHEMES, evaluate_file


@eval_app.command("ner")
def eval_ner(
    file: Annotated[str, typer.Argument(
        help="Gold CoNLL file: 'token TAG' lines (BIO), a blank line between sentences; "
             "- reads stdin.")],
    scheme: Annotated[str, typer.Option(
        help=f"Gold label scheme: {', '.join(SCHEMES)}. conll4 maps marsad's kinds to "
             "PERS/LOC/ORG/MISC (GPE, FAC → LOC; armed groups → ORG; NORP dropped).")]
    = "auto",
    model: Annotated[str | None, typer.Option(
        help="A model folder to score instead of the committed one.")] = None,
    lexicons: Annotated[bool, typer.Option(
        "--lexicons/--model-only",
        help="Score the whole mentions stage (model merged with the lexicon layers) "
             "instead of the model alone.")] = False,
    crf: Annotated[bool, typer.Option(
        "--crf/--no-crf",
        help="Join the CNN with the CRF tagger: every CRF entity overlapping no CNN entity "
             "is added (as [mentions] crf = true).")] = False,
    crf_model: Annotated[str | None, typer.Option(
        help="A CRF folder (made by `marsad train ner-crf`) instead of the committed one; "
             "implies --crf.")] = None,
    context: Annotated[bool, typer.Option(
        "--context/--sentence-alone",
        help="Read FILE as running text, as marsad reads an article: names the model found "
             "are looked for again within 30 sentences either side. --sentence-alone scores "
             "each sentence on its own (the model's raw output).")] = True,
) -> None:
    """Print one JSON object: micro precision, recall, f1 and per_type (exact span+type).

    Tokens are taken as they are in FILE; the model tags them in one pass per sentence.
    """
    crf_folder = crf_model if crf_model else ("" if crf else None)
    with cli_errors():
        if file == "-":
            with tempfile.NamedTemporaryFile("w", suffix=".conll", encoding="utf-8",
                                             delete=False) as tmp:
                tmp.write(sys.stdin.read())
            path = Path(tmp.name)
            try:
                result = evaluate_file(path, scheme=scheme, model=model, lexicons=lexicons,
                                       context=context, crf=crf_folder)
            finally:
                path.unlink()
            result["file"] = "-"
        else:
            result = evaluate_file(file, scheme=scheme, model=model, lexicons=lexicons,
                                   context=context, crf=crf_folder)
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
