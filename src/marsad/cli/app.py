"""The ``marsad`` typer application; command modules register themselves on it."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="marsad",
    help="Evidence-linked, geocoded event data from Arabic conflict reporting.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# `marsad eval ...`: scorers of marsad's layers against gold data; each registers here.
eval_app = typer.Typer(
    name="eval",
    help="Score marsad's output against gold data (prints one JSON object).",
    no_args_is_help=True,
)
app.add_typer(eval_app)
