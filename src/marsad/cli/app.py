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


def command_group(name: str, help: str) -> typer.Typer:
    """The sub-command group ``marsad NAME`` (e.g. ``eval``), made once and shared by every
    command module that adds to it."""
    for info in app.registered_groups:
        if info.name == name and info.typer_instance is not None:
            return info.typer_instance
    group = typer.Typer(help=help, no_args_is_help=True)
    app.add_typer(group, name=name)
    return group
