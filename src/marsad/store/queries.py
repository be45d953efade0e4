"""Event filters: one ``EventFilter`` serves the API, the exports and the CLI alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, get_args

from sqlalchemy import ColumnElement, Select, and_, or_, select, union

from marsad.errors import QueryError
from marsad.model import Certainty
from marsad.store.schema import EventActorRow, EventRow, EventWeaponRow
from marsad.store.search_text import lookup_key

CERTAINTIES: tuple[str, ...] = get_args(Certainty)
SORTS = {
    "date": (EventRow.date_start.asc(), EventRow.id.asc()),
    "-date": (EventRow.date_start.desc(), EventRow.id.asc()),
    "fatalities": (EventRow.fatalities.asc(), EventRow.id.asc()),
    "-fatalities": (EventRow.fatalities.desc(), EventRow.id.asc()),
    "id": (EventRow.id.asc(),),
}
BBox = tuple[float, float, float, float]


def _clean(values: Iterable[str] | str | None) -> tuple[str, ...]:
    """A tuple of non-empty values; ``"a,b"`` counts as two."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values:
        out.extend(v.strip() for v in str(value).split(",") if v.strip())
    return tuple(dict.fromkeys(out))


def parse_bbox(value: str | None) -> BBox | None:
    """``min_lon,min_lat,max_lon,max_lat`` as four floats, checked."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 4:
        raise QueryError(f"bbox {value!r}: give min_lon,min_lat,max_lon,max_lat as 4 numbers")
    west, south, east, north = numbers
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise QueryError(f"bbox {value!r}: need -180 <= min_lon <= max_lon <= 180 and "
                         "-90 <= min_lat <= max_lat <= 90")
    return west, south, east, north


@dataclass(frozen=True)
class EventFilter:
    """Which events: every given criterion must hold; several values of one are OR-ed."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    weapon_categories: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    certainties: tuple[str, ...] = ()
    incident_id: str | None = None
    article_id: str | None = None
    bbox: BBox | None = None
    min_fatalities: int | None = None
    historical: bool | None = None
    located: bool | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (list, str)) and f.type.startswith("tuple[str"):
                object.__setattr__(self, f.name, _clean(value))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"date_from {self.date_from} is after date_to {self.date_to}; "
                             "swap them")
        bad = [c for c in self.certainties if c not in CERTAINTIES]
        if bad:
            raise QueryError(f"certainty {bad[0]!r} is not one of {', '.join(CERTAINTIES)}")
        if self.min_fatalities is not None and self.min_fatalities < 0:
            raise QueryError("min_fatalities must be 0 or more")
        object.__setattr__(self, "countries", tuple(c.upper() for c in self.countries))

    @classmethod
    def build(cls, **values: Any) -> EventFilter:
        """A filter from loose values (strings, lists, None), as the CLI and API give them."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(f"unknown filter {unknown[0]!r}; use one of "
                             f"{', '.join(sorted(known))}")
        return cls(**{k: v for k, v in values.items() if v is not None})

    def clauses(self, bbox_clause: Any = None) -> list[ColumnElement[bool]]:
        """SQL conditions on ``events`` (and its actor and weapon tables)."""
        e = EventRow
        where: list[ColumnElement[bool]] = []
        if self.date_from:
            where.append(e.date_start >= self.date_from)
        if self.date_to:
            where.append(e.date_start <= self.date_to)
        for column, values in ((e.type, self.types), (e.admin1, self.admin1),
                               (e.country, self.countries), (e.outlet, self.outlets),
                               (e.certainty, self.certainties)):
            if values:
                where.append(column == values[0] if len(values) == 1 else column.in_(values))
        # "id IN (SELECT event_id ...)" lets the database start from the actor or weapon
        # index instead of probing every event (EXISTS was ten times slower on 100k events)
        if self.actors:
            keys = [k for k in (lookup_key(a) for a in self.actors) if k]
            a = EventActorRow
            where.append(e.id.in_(union(select(a.event_id).where(a.name_key.in_(keys)),
                                        select(a.event_id).where(a.text_key.in_(keys)))))
        if self.weapons or self.weapon_categories:
            w = EventWeaponRow
            wanted = []
            if self.weapons:
                wanted.append(w.name_key.in_([lookup_key(x) for x in self.weapons]))
            if self.weapon_categories:
                wanted.append(w.category_key.in_(
                    [lookup_key(x) for x in self.weapon_categories]))
            where.append(e.id.in_(select(w.event_id).where(*wanted)))
        if self.incident_id:
            where.append(e.incident_id == self.incident_id)
        if self.article_id:
            where.append(e.article_id == self.article_id)
        if self.min_fatalities is not None:
            where.append(e.fatalities >= self.min_fatalities)
        if self.historical is not None:
            where.append(e.historical.is_(self.historical))
        if self.located is True or self.bbox is not None:
            where.append(and_(e.lat.is_not(None), e.lon.is_not(None)))
        elif self.located is False:
            where.append(or_(e.lat.is_(None), e.lon.is_(None)))
        if self.bbox is not None:
            if bbox_clause is not None:
                where.append(bbox_clause(self.bbox))
            else:
                west, south, east, north = self.bbox
                where.append(and_(e.lon.between(west, east), e.lat.between(south, north)))
        return where

    def apply(self, query: Select[Any], bbox_clause: Any = None) -> Select[Any]:
        clauses = self.clauses(bbox_clause)
        return query.where(*clauses) if clauses else query


def order(sort: str) -> tuple[Any, ...]:
    if sort not in SORTS:
        raise QueryError(f"sort {sort!r} is not one of {', '.join(SORTS)}")
    column = SORTS[sort][0]
    nulls_last = column.nulls_last() if sort != "id" else column
    return (nulls_last, *SORTS[sort][1:])


def events_query(*columns: Any) -> Select[Any]:
    return select(*columns).select_from(EventRow)
