"""Entry point: ``marsad`` (see ``marsad --help``)."""

from __future__ import annotations

from marsad.cli import (  # noqa: F401  (registers commands)
    analyze,
    claims,
    db,
    evaluate,
    events,
    export,
    geocode,
    incidents,
    ner,
    search,
    serve,
    timenum,
    train,
)
from marsad.cli.app import app

__all__ = ["app"]

if __name__ == "__main__":
    app()
