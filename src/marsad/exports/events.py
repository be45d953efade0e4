"""``marsad export events``: stored events in one of the export formats."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from marsad.errors import QueryError
from marsad.exports.acled_csv import write_acled_csv
from marsad.exports.geojson import write_geojson
from marsad.exports.jsonl import write_events
from marsad.exports.plover import write_plover
from marsad.exports.records import Pair, stored_pairs
from marsad.store import Store
from marsad.store.queries import EventFilter

WRITERS: dict[str, Callable[[Iterable[Pair], TextIO], int]] = {
    "jsonl": write_events,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "plover": write_plover,
}


def export_events(store: Store, fmt: str, out: TextIO,
                  where: EventFilter | None = None) -> int:
    """Write the stored events matching ``where`` to ``out`` in ``fmt``; returns how many."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise QueryError(f"unknown export format {fmt!r}; use one of {', '.join(WRITERS)}")
    return writer(stored_pairs(store, where), out)
