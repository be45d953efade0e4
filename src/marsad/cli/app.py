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

# Command groups that several modules add subcommands to (marsad eval ner|claims|incidents ...).
eval_app = typer.Typer(
    help="Score marsad's extractors and models on gold data; one JSON object on stdout.",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")
