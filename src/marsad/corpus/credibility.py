"""How well an incident is corroborated, and where its reports disagree, shown as evidence.

No single score: an incident carries the outlets that reported it, how many of them are
independent (outlets running the same wire text count once), the kinds of sources its
reports cite, whether all of them are anonymous, which sources speak for a party to the
event (a party reporting its own victory or its enemy's losses), and per field (toll,
perpetrator, target, date, place, type) the values reported, with who said each.

Stance between reports (agree/disagree) is not used yet: the claims layer's ``stance``
model can be wired in here once it is merged.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

from marsad.corpus.link_features import EvidenceText, actor_key
from marsad.corpus.text_similarity import copied
from marsad.model import Corroboration, Dispute, DisputedValue, Event

ANONYMOUS_KINDS = frozenset({"anonymous", "unspecified"})
_STATE = re.compile(r"^(?:(?:military|police|security|armed|naval|air) forces|government|"
                    r"ministry of [a-z ]+|army|president|presidency|"
                    r"office of the prime minister) of (?P<country>[a-z ]+)$")


@lru_cache(maxsize=1)
def party_table() -> dict[str, str]:
    """Source and actor names mapped to the party they speak for (resources/incidents)."""
    raw = resources.files("marsad").joinpath("resources", "incidents", "parties.toml")
    table = tomllib.loads(raw.read_text(encoding="utf-8")).get("parties", {})
    return {actor_key(k): str(v) for k, v in table.items()}


def party_of(name: str | None, table: Mapping[str, str] | None = None) -> str | None:
    """The party a source or actor name speaks for, or None (civilians, unknown)."""
    key = actor_key(name)
    if not key or key.startswith("civilians"):
        return None
    table = party_table() if table is None else table
    if key in table:
        return table[key]
    match = _STATE.match(re.sub(r"\s*\(.*\)$", "", key))
    if match:
        return "state: " + match.group("country").strip().title()
    return key


def outlet_label(event: Event) -> str:
    """Who said it: the outlet, and the sources it attributes the report to."""
    outlet = event.outlet or "unknown outlet"
    names = []
    for source in event.sources:
        label = source.name or source.kind
        if label not in names:
            names.append(label)
    return f"{outlet} ({', '.join(names)})" if names else outlet


def copy_groups(events: Sequence[Event], texts: Mapping[str, EvidenceText],
                threshold: float) -> list[list[str]]:
    """Outlets grouped by shared wire text: each group counts as one independent source."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for event in events:
        parent.setdefault(event.outlet or "unknown outlet", event.outlet or "unknown outlet")
    for i, a in enumerate(events):
        for b in events[i + 1:]:
            oa, ob = a.outlet or "unknown outlet", b.outlet or "unknown outlet"
            if oa == ob or find(oa) == find(ob):
                continue
            ta, tb = texts.get(a.id), texts.get(b.id)
            if ta is not None and tb is not None and copied(ta, tb, threshold):
                parent[find(ob)] = find(oa)
    groups: dict[str, list[str]] = defaultdict(list)
    for outlet in sorted(parent):
        groups[find(outlet)].append(outlet)
    return sorted(groups.values())


def party_sources(events: Sequence[Event]) -> list[str]:
    """Sources that speak for a party to the event they report, e.g. a group claiming its
    own attack, or a government reporting the enemy's losses."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event in events:
        sides = {party_of(a.name): a.role for a in event.actors if party_of(a.name)}
        for source in event.sources:
            party = party_of(source.name)
            if party and party in sides:
                role = "perpetrator" if sides[party] == "actor1" else "target"
                key = (source.name or party, role)
                if event.outlet and event.outlet not in found[key]:
                    found[key].append(event.outlet)
    return [f"{name} is a party to the event ({role}); reported by {', '.join(sorted(o))}"
            for (name, role), o in sorted(found.items())]


def corroboration(events: Sequence[Event], texts: Mapping[str, EvidenceText],
                  copy_threshold: float = 0.5) -> Corroboration:
    """Outlets, independence, source kinds and self-interested sources of one incident."""
    groups = copy_groups(events, texts, copy_threshold)
    kinds = sorted({s.kind for e in events for s in e.sources})
    parties = party_sources(events)
    return Corroboration(
        independent_outlets=len(groups),
        anonymous_only=bool(kinds) and set(kinds) <= ANONYMOUS_KINDS,
        source_kinds=tuple(kinds),
        self_interested=bool(parties),
        copied_outlets=tuple(tuple(g) for g in groups if len(g) > 1),
        party_sources=tuple(parties),
    )


def _dispute(field: str, values: Mapping[object, list[Event]],
             order: Sequence[object] | None = None) -> Dispute | None:
    if len(values) < 2:
        return None
    keys = list(order) if order is not None else sorted(values, key=str)
    return Dispute(field, tuple(
        DisputedValue(value=key,
                      sources=tuple(sorted({outlet_label(e) for e in values[key]})),
                      event_ids=tuple(sorted(e.id for e in values[key])))
        for key in keys))


def disputes(events: Sequence[Event], generic_types: frozenset[str] = frozenset()
             ) -> tuple[Dispute, ...]:
    """Per field, the different values the reports give, with who gave each."""
    found: list[Dispute] = []

    tolls: dict[object, list[Event]] = defaultdict(list)
    for e in events:
        if e.fatalities is not None:
            count = e.fatalities.count if e.fatalities.count is not None else e.fatalities.min
            if count is not None:
                tolls[count].append(e)
    found.append(_dispute("fatalities", tolls, sorted(tolls)))  # type: ignore[arg-type]

    for role, field in (("actor1", "perpetrator"), ("actor2", "target")):
        named: dict[object, list[Event]] = defaultdict(list)
        for e in events:
            for name in sorted({a.name for a in e.actors if a.role == role and a.name}):
                named[name].append(e)
        found.append(_dispute(field, named))

    days: dict[object, list[Event]] = defaultdict(list)
    for e in events:
        if e.date is not None and e.date.precision == 1 and e.date.value is not None:
            days[e.date.value.isoformat()].append(e)
    found.append(_dispute("date", days))

    places: dict[object, list[Event]] = defaultdict(list)
    for e in events:
        loc = e.location
        if loc is not None and (loc.precision or 2) <= 2 and (loc.name or loc.gazetteer_id):
            places[loc.name or loc.gazetteer_id].append(e)
    found.append(_dispute("location", places))

    kinds: dict[object, list[Event]] = defaultdict(list)
    for e in events:
        if e.type.lower() not in generic_types:
            kinds[e.type].append(e)
    found.append(_dispute("type", kinds))
    return tuple(d for d in found if d is not None)


def consensus(values: Sequence[object]) -> object | None:
    """The most frequent value (first seen wins ties), None for none."""
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)
