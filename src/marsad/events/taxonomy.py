"""The event taxonomy: marsad's event types with their ACLED and PLOVER mappings.

The data lives in ``resources/taxonomy.toml``; ``load_taxonomy()`` reads and checks it
once per process. ``EventType.acled_for()``/``plover_for()`` apply the type's rules
(e.g. a capture by state forces is ACLED "Government regains territory"), and
``interaction_code()`` gives ACLED's two-digit actor interaction code.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.config import read_toml
from marsad.errors import TaxonomyError
from marsad.model import AcledType, Actor

CONDITIONS = frozenset({"actor1_state", "actor1_nonstate", "no_fighting", "violent",
                        "intervention"})


@dataclass(frozen=True)
class MappingRule:
    """An override of a type's ACLED and/or PLOVER mapping when ``when`` holds."""

    when: str
    acled: AcledType | None = None
    plover: str | None = None
    plover_mode: str | None = None


@dataclass(frozen=True)
class EventType:
    id: str
    label: str
    label_ar: str
    description: str
    description_ar: str
    acled: AcledType
    plover: str | None = None
    plover_mode: str | None = None
    note: str | None = None
    acled_rules: tuple[MappingRule, ...] = ()
    plover_rules: tuple[MappingRule, ...] = ()

    def acled_for(self, conditions: Iterable[str] = ()) -> AcledType:
        """The ACLED event/sub-event type, given the conditions that hold for an event."""
        held = set(conditions)
        for rule in self.acled_rules:
            if rule.when in held and rule.acled is not None:
                return rule.acled
        return self.acled

    def plover_for(self, conditions: Iterable[str] = ()) -> tuple[str | None, str | None]:
        """The PLOVER (event, mode), given the conditions that hold for an event."""
        held = set(conditions)
        for rule in self.plover_rules:
            if rule.when in held:
                return rule.plover, rule.plover_mode
        return self.plover, self.plover_mode


@dataclass(frozen=True)
class ActorClass:
    """An ACLED actor type ("inter" code 1-8)."""

    code: int
    name: str
    description: str


@dataclass(frozen=True)
class Taxonomy:
    types: Mapping[str, EventType]
    acled_event_types: Mapping[str, tuple[str, ...]]
    acled_covered_by: Mapping[str, str]
    inter: Mapping[int, ActorClass]
    version: int = 1

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.types)

    def __contains__(self, type_id: object) -> bool:
        return type_id in self.types

    def get(self, type_id: str) -> EventType:
        """The event type ``type_id``; a TaxonomyError lists the valid ids otherwise."""
        try:
            return self.types[type_id]
        except KeyError:
            raise TaxonomyError(f"unknown event type {type_id!r}; the taxonomy defines: "
                                f"{', '.join(self.types)}") from None

    @property
    def acled_sub_event_types(self) -> tuple[str, ...]:
        return tuple(s for subs in self.acled_event_types.values() for s in subs)


def actor_conditions(actors: Iterable[Actor]) -> set[str]:
    """``actor1_state``/``actor1_nonstate`` from the inter code of the event's actor1."""
    for actor in actors:
        if actor.role == "actor1" and actor.inter is not None:
            return {"actor1_state" if actor.inter == 1 else "actor1_nonstate"}
    return set()


def interaction_code(inter1: int | None, inter2: int | None = None) -> int | None:
    """ACLED's interaction code: both inter codes lowest first (12, 27), or inter*10 alone."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    for code in codes:
        if not 1 <= code <= 8:
            raise TaxonomyError(f"ACLED inter codes run from 1 to 8, got {code}")
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def _acled(value: Any, where: str, table: Mapping[str, tuple[str, ...]]) -> AcledType:
    if not (isinstance(value, list) and len(value) == 2):
        raise TaxonomyError(f"{where}: acled must be [event_type, sub_event_type]")
    event_type, sub = value
    if sub not in table.get(event_type, ()):
        raise TaxonomyError(f"{where}: {event_type!r} / {sub!r} is not an ACLED event type "
                            "and one of its sub-event types")
    return AcledType(event_type, sub)


def _rules(raw: list[dict[str, Any]], where: str,
           table: Mapping[str, tuple[str, ...]]) -> tuple[MappingRule, ...]:
    rules = []
    for i, item in enumerate(raw):
        when = item.get("when")
        if when not in CONDITIONS:
            raise TaxonomyError(f"{where}[{i}]: when must be one of "
                                f"{', '.join(sorted(CONDITIONS))}")
        acled = _acled(item["acled"], f"{where}[{i}]", table) if "acled" in item else None
        rules.append(MappingRule(when, acled, item.get("plover"), item.get("plover_mode")))
    return tuple(rules)


def parse_taxonomy(data: Mapping[str, Any], origin: str = "taxonomy") -> Taxonomy:
    """Build and check a Taxonomy from the parsed TOML tables."""
    try:
        acled = data["acled"]
        table = {k: tuple(v) for k, v in acled["event_types"].items()}
        subs = [s for v in table.values() for s in v]
        covered = dict(acled["covered_by"])
        raw_types = data["types"]
        inter = {int(k): ActorClass(int(k), v["name"], v["description"])
                 for k, v in acled["inter"].items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise TaxonomyError(f"{origin}: missing or malformed table ({exc!r})") from None
    if sorted(inter) != list(range(1, 9)):
        raise TaxonomyError(f"{origin}: [acled.inter] must define codes 1 to 8")
    if len(subs) != len(set(subs)) or set(covered) != set(subs):
        raise TaxonomyError(f"{origin}: [acled.covered_by] must name each ACLED sub-event "
                            "type exactly once")
    types: dict[str, EventType] = {}
    for type_id, raw in raw_types.items():
        where = f"{origin}: types.{type_id}"
        try:
            types[type_id] = EventType(
                id=type_id, label=raw["label"], label_ar=raw["label_ar"],
                description=raw["description"], description_ar=raw["description_ar"],
                acled=_acled(raw["acled"], where, table), plover=raw.get("plover"),
                plover_mode=raw.get("plover_mode"), note=raw.get("note"),
                acled_rules=_rules(raw.get("acled_rules", []), f"{where}.acled_rules", table),
                plover_rules=_rules(raw.get("plover_rules", []), f"{where}.plover_rules",
                                    table),
            )
        except KeyError as exc:
            raise TaxonomyError(f"{where}: missing key {exc.args[0]!r}") from None
    unknown = sorted({t for t in covered.values() if t not in types})
    if unknown:
        raise TaxonomyError(f"{origin}: [acled.covered_by] names unknown types {unknown}")
    return Taxonomy(types, table, covered, inter, int(data.get("version", 1)))


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The packaged taxonomy (read once per process), or the one in ``path``."""
    if path is None:
        return _packaged()
    return parse_taxonomy(read_toml(path, "taxonomy", TaxonomyError), str(path))


@functools.cache
def _packaged() -> Taxonomy:
    raw = resources.files("marsad").joinpath("resources", "taxonomy.toml").read_text("utf-8")
    return parse_taxonomy(tomllib.loads(raw), "resources/taxonomy.toml")
