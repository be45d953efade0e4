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
