"""Candidate pairs for linking without comparing every event with every other one.

Events are filed under (type family, day) for every day of their time window widened by its
slack, and, within that, by a grid cell of their place (precise places), their country
(region-level places) or nowhere (no place). An event is compared only with events filed
under the same family and day in nearby cells, so the work grows with the number of events
that could plausibly be one incident, not with the square of the corpus.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from marsad.corpus.link_features import LinkEvent
from marsad.corpus.pair_scores import LinkRules

CELL_DEG = 0.25
KM_PER_DEG = 111.0
# Time windows longer than this (a year-precision date) are too vague to link on.
MAX_WINDOW_DAYS = 45


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


class CandidateIndex:
    """Events filed by family, day and place, queried for each event's possible partners."""

    def __init__(self, events: Iterable[LinkEvent], rules: LinkRules) -> None:
        self.rules = rules
        self._fine: dict[tuple[str, int, int, int], list[LinkEvent]] = defaultdict(list)
        self._coarse: dict[tuple[str, int], list[LinkEvent]] = defaultdict(list)
        self._unplaced: dict[tuple[str, int], list[LinkEvent]] = defaultdict(list)
        self._placed: dict[tuple[str, int], list[LinkEvent]] = defaultdict(list)
        self.skipped: list[str] = []
        for event in events:
            self.add(event)

    def families(self, event: LinkEvent) -> frozenset[str]:
        return self.rules.types.families_of(event.type, event.acled_type)

    def days(self, event: LinkEvent) -> range | None:
        if not event.dated:
            return None
        slack = self.rules.slack(event.date_precision)
        first = event.start.toordinal() - slack  # type: ignore[union-attr]
        last = event.end.toordinal() + slack  # type: ignore[union-attr]
        if last - first > MAX_WINDOW_DAYS:
            return None
        return range(first, last + 1)

    def add(self, event: LinkEvent) -> None:
        days = self.days(event)
        if days is None:
            self.skipped.append(event.id)
            return
        for family in self.families(event):
            for day in days:
                if not event.located:
                    self._unplaced[(family, day)].append(event)
                elif (event.geo_precision or 2) >= 3:
                    self._coarse[(family, day)].append(event)
                else:
                    ci, cj = _cell(event.lat, event.lon)  # type: ignore[arg-type]
                    self._fine[(family, day, ci, cj)].append(event)
                    self._placed[(family, day)].append(event)

    def _rings(self, lat: float, km: float) -> tuple[int, int]:
        ring_i = math.ceil(km / (KM_PER_DEG * CELL_DEG))
        ring_j = math.ceil(km / (KM_PER_DEG * CELL_DEG * max(0.2, math.cos(math.radians(lat)))))
        return ring_i, ring_j

    def _near(self, family: str, day: int, lat: float, lon: float,
              km: float) -> Iterator[LinkEvent]:
        ci, cj = _cell(lat, lon)
        ring_i, ring_j = self._rings(lat, km)
        for i in range(ci - ring_i, ci + ring_i + 1):
            for j in range(cj - ring_j, cj + ring_j + 1):
                yield from self._fine.get((family, day, i, j), ())

    def partners(self, event: LinkEvent) -> list[LinkEvent]:
        """Every filed event that shares a family, a day and a neighbourhood with ``event``."""
        days = self.days(event)
        if days is None:
            return []
        seen: dict[str, LinkEvent] = {}
        rules = self.rules
        for family in self.families(event):
            for day in days:
                found: list[Iterable[LinkEvent]] = [self._coarse.get((family, day), ()),
                                                    self._unplaced.get((family, day), ())]
                if not event.located:
                    found.append(self._placed.get((family, day), ()))
                else:
                    coarse = (event.geo_precision or 2) >= 3
                    km = rules.max_km_region if coarse else max(
                        rules.max_km_1_2, rules.max_km_2_2, rules.max_km_1_1)
                    found.append(self._near(family, day, event.lat, event.lon, km))  # type: ignore[arg-type]
                for group in found:
                    for other in group:
                        if other.id != event.id:
                            seen[other.id] = other
        return list(seen.values())


def candidate_pairs(events: Sequence[LinkEvent], rules: LinkRules,
                    only: set[str] | None = None) -> Iterator[tuple[LinkEvent, LinkEvent]]:
    """Each plausible pair once (``a.id < b.id``); with ``only``, pairs touching those ids."""
    index = CandidateIndex(events, rules)
    seen: set[tuple[str, str]] = set()
    for event in events:
        if only is not None and event.id not in only:
            continue
        for other in index.partners(event):
            key = (event.id, other.id) if event.id < other.id else (other.id, event.id)
            if key in seen:
                continue
            seen.add(key)
            yield (event, other) if event.id < other.id else (other, event)
