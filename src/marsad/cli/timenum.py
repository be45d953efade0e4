"""``marsad dates`` and ``marsad numbers``: the time expressions or counts in a text."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Annotated, Any

import typer

from marsad.cli.app import app
from marsad.cli.common import cli_errors, parse_date
from marsad.errors import InputError
from marsad.model import to_dict
from marsad.quantities import find_quantities
from marsad.temporal import find_dates


def _read_text(text: str) -> str:
    if text != "-":
        return text
    data = sys.stdin.read()
    if not data.strip():
        raise InputError("<stdin>", "no text on standard input; pass TEXT or pipe a text in")
    return data


def dates_of(text: str, published: dt.date | None) -> list[dict[str, Any]]:
    """What ``marsad dates`` prints: each time expression in ``text`` as contract JSON."""
    return [to_dict(d) for d in find_dates(text, published)]


def numbers_of(text: str) -> list[dict[str, Any]]:
    """What ``marsad numbers`` prints: each count in ``text`` as contract JSON."""
    spans = [d.span for d in find_dates(text) if d.span is not None]
    return [to_dict(q) for q in find_quantities(text, spans)]


def _print(rows: list[dict[str, Any]]) -> None:
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")


@app.command()
def dates(
    text: Annotated[str, typer.Argument(help="Arabic text, or - to read it from stdin.")],
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD that relative expressions (أمس، الخميس الماضي) "
             "are resolved against; without it they get value null.")] = None,
) -> None:
    """Print a JSON list of the time expressions in TEXT, resolved with ACLED precision.

    Each item: value, start, end (ISO dates or null), precision (1 day, 2 week or a few
    days, 3 month or vaguer), text, span ([start, end) into TEXT) and kind (absolute,
    relative, weekday, range, month, year, hijri).
    """
    day = parse_date(published)
    with cli_errors():
        _print(dates_of(_read_text(text), day))


@app.command()
def numbers(
    text: Annotated[str, typer.Argument(help="Arabic text, or - to read it from stdin.")],
) -> None:
    """Print a JSON list of the counts in TEXT with ACLED-style bounds and what they count.

    Each item: count, min, max (null where the text gives no bound), text, span and what
    (killed, injured, captured, displaced, missing, or null).
    """
    with cli_errors():
        _print(numbers_of(_read_text(text)))
