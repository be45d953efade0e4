"""Entry point: ``marsad`` (see ``marsad --help``)."""

from __future__ import annotations

from marsad.cli import analyze, export, incidents, search  # noqa: F401  (registers commands)
from marsad.cli.app import app

__all__ = ["app"]

if __name__ == "__main__":
    app()
