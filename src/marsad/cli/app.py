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

# Command groups that several capabilities add to: ``marsad eval ner``, ``marsad train ner``.
eval_app = typer.Typer(help="Score marsad's components on gold data; prints JSON.",
                       no_args_is_help=True)
train_app = typer.Typer(help="Train marsad's models from the shared data folder.",
                        no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
