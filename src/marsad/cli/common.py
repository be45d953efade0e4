"""Helpers shared by CLI commands: error lines, option parsing, stderr console."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from marsad.config import load_config
from marsad.errors import MarsadError, StoreError

if TYPE_CHECKING:
    from marsad.store import Store

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def say(message: str) -> None:
    """One line on stderr, prefixed with ``marsad:``."""
    print(f"marsad: {message}", file=sys.stderr, flush=True)


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn marsad's errors into one stderr line and exit status 2."""
    try:
        yield
    except MarsadError as exc:
        say(f"error: {exc}")
        raise typer.Exit(2) from None


def parse_date(value: str | None, option: str = "--published") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD",
                                 param_hint=option) from None


def config_from(path: str | None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    return load_config(path, overrides)


def existing_store(db: str) -> Store:
    """Open a database that must already exist (a SQLite path) or a database URL."""
    from marsad.store import Store

    if "://" not in db and not Path(db).exists():
        raise StoreError(f"database {db} does not exist; create it with "
                         "marsad analyze ... --db FILE")
    return Store.open(db)
