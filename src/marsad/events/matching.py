"""Aligning system events with gold events, and deciding when two arguments agree.

Alignment (per article): a system event can align with a gold event only if their
evidence or trigger spans overlap. Among those pairs, a maximum-weight one-to-one
assignment (Hungarian algorithm) first maximises the number of aligned pairs, then their
closeness: +1 overlapping triggers, +0.5 same type, +0.25 agreeing location, +0.25
agreeing date, + the character Jaccard overlap of the evidence. Arguments are compared
only on aligned pairs (see ``marsad.events.evaluate`` for how they are counted).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from marsad.geo.gazetteer import distance_km
from marsad.lexicons.entries import Entry, load_actors, load_weapons
from marsad.model import Actor, DateValue, Event, Place, Quantity, Source, Span, Weapon
from marsad.text.normalize import normalize

SYMMETRIC_TYPES = frozenset({"battle"})
T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class MatchOptions:
    """Tolerances of the argument comparisons."""

    km: float = 25.0
    """A location agrees within this distance (gold precision 1 or 2)."""
    region_km: float = 100.0
    """... and within this distance when gold only names a province or region (precision 3)."""
    date_slack_days: int = 6
    """A system date range may be at most this much wider than gold's (and must overlap it)."""


# ------------------------------------------------------------------ assignment


def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment (Hungarian algorithm); pairs of weight <= 0
    are never returned. ``weights[i][j]`` is the value of pairing row i with column j."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    n = max(rows, cols)
    top = max(max(r) for r in weights)
    cost = [[(top - weights[i][j]) if i < rows and j < cols else top for j in range(n)]
            for i in range(n)]
    # Jonker-Volgenant style shortest augmenting paths with potentials (1-indexed).
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    match_col = [0] * (n + 1)  # match_col[j] = row matched to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match_col[0] = i
        j0 = 0
        minv = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match_col[j0], math.inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match_col[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match_col[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match_col[j0] = match_col[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = match_col[j] - 1
        if i < rows and j - 1 < cols and weights[i][j - 1] > 0:
            pairs.append((i, j - 1))
    return sorted(pairs)


def match_items(gold: Sequence[T], system: Sequence[U],
                same: Callable[[T, U], bool]) -> list[tuple[int, int]]:
    """The largest one-to-one pairing of gold and system items for which ``same`` holds."""
    weights = [[1.0 if same(g, s) else 0.0 for s in system] for g in gold]
    return assign(weights)


# ------------------------------------------------------------------ event alignment


def _spans(event: Event) -> list[Span]:
    spans = list(event.evidence)
    if event.trigger is not None:
        spans.append(event.trigger.span)
    return spans


def anchor(event: Event) -> Span | None:
    """Where an event sits in its article: its trigger, else its first evidence span."""
    if event.trigger is not None:
        return event.trigger.span
    return event.evidence[0] if event.evidence else None


def alignable(gold: Event, system: Event) -> bool:
    """Whether the two events' evidence or trigger spans overlap."""
    return any(g.overlaps(s) for g in _spans(gold) for s in _spans(system))


def _covered(spans: Sequence[Span]) -> set[int]:
    chars: set[int] = set()
    for span in spans:
        chars.update(range(span.start, span.end))
    return chars


def evidence_jaccard(gold: Event, system: Event) -> float:
    a, b = _covered(gold.evidence), _covered(system.evidence)
    return len(a & b) / len(a | b) if a | b else 0.0


def pair_score(gold: Event, system: Event, options: MatchOptions) -> float:
    """How close an alignable pair is (used to choose among competing alignments)."""
    score = evidence_jaccard(gold, system)
    if gold.trigger and system.trigger and gold.trigger.span.overlaps(system.trigger.span):
        score += 1.0
    if gold.type == system.type:
        score += 0.5
    if gold.location and system.location and location_agrees(gold.location, system.location,
                                                              options):
        score += 0.25
    if gold.date and system.date and date_agrees(gold.date, system.date, options):
        score += 0.25
    return score


def align_events(gold: Sequence[Event], system: Sequence[Event],
                 options: MatchOptions | None = None) -> list[tuple[int, int]]:
    """(gold index, system index) pairs: as many alignable pairs as possible, closest first."""
    options = options or MatchOptions()
    weights = [[10.0 + pair_score(g, s, options) if alignable(g, s) else 0.0 for s in system]
               for g in gold]
    return assign(weights)


# ------------------------------------------------------------------ argument agreement

_PUNCT = re.compile(r"[\s\"'«»“”‘’()\[\]{}.,،؛:!?؟\-–—_/]+")


def same_name(a: str | None, b: str | None) -> bool:
    """Equal after Arabic normalisation, case folding and punctuation removal."""
    if not a or not b:
        return False
    fa, fb = _fold(a), _fold(b)
    return bool(fa) and fa == fb


def _fold(name: str) -> str:
    """Arabic normalisation and case folding, punctuation as spaces."""
    return _PUNCT.sub(" ", normalize(name)).strip()


@cache
def _lexicon_names(kind: str) -> dict[str, str]:
    """Folded canonical and Latin-script names of the actor or weapon lexicon -> canonical."""
    entries = load_actors() if kind == "actor" else load_weapons()
    by_id = {entry.id: entry for entry in entries}

    def top(entry: Entry) -> str:  # a unit is its army for ACLED («Syrian Arab Air Force»)
        seen = set()
        while (entry.kind == "MILITARY_UNIT" and entry.attrs.get("parent") in by_id
               and entry.id not in seen):
            seen.add(entry.id)
            entry = by_id[entry.attrs["parent"]]
        return entry.name

    names: dict[str, str] = {}
    for entry in entries:
        for name in (entry.name, *entry.latin):
            names.setdefault(_fold(name), top(entry))
    return names


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def canonical_name(name: str, kind: str = "actor") -> str:
    """The lexicon's canonical name for an English name («US-led coalition» -> «Global
    Coalition against Daesh»), a unit's being its army's as ACLED names actors («Syrian
    Arab Air Force» -> «Military Forces of Syria»); a trailing qualifier is dropped when
    what is left is a lexicon name («Protesters (Iraq)» -> «Protesters»). Other names come
    back folded."""
    names = _lexicon_names(kind)
    folded = _fold(name)
    if folded in names:
        return names[folded]
    base = _fold(_QUALIFIER.sub("", name))
    return names.get(base, folded)


def _same_mention(a_span: Span | None, a_text: str | None, a_name: str | None,
                  b_span: Span | None, b_text: str | None, b_name: str | None,
                  kind: str | None = None) -> bool:
    if a_span is not None and b_span is not None and a_span.overlaps(b_span):
        return True
    if same_name(a_text, b_text) or same_name(a_name, b_name):
        return True
    return bool(kind and a_name and b_name
                and canonical_name(a_name, kind) == canonical_name(b_name, kind))


def same_actor(gold: Actor, system: Actor, symmetric: bool = False) -> bool:
    """Same actor (overlapping mention, same surface text or same canonical name) in the
    same role; actor1/actor2 are interchangeable when ``symmetric`` (battles)."""
    roles_ok = gold.role == system.role or (
        symmetric and {gold.role, system.role} <= {"actor1", "actor2"})
    return roles_ok and same_actor_identity(gold, system)


def same_actor_identity(gold: Actor, system: Actor) -> bool:
    return _same_mention(gold.span, gold.text, gold.name, system.span, system.text,
                         system.name, "actor")


def same_weapon(gold: Weapon, system: Weapon) -> bool:
    return _same_mention(gold.span, gold.text, gold.name, system.span, system.text,
                         system.name, "weapon")


def same_source(gold: Source, system: Source) -> bool:
    """Same source phrase (overlapping, same text or same name) and the same kind."""
    return gold.kind == system.kind and same_source_identity(gold, system)


def same_source_identity(gold: Source, system: Source) -> bool:
    return _same_mention(gold.span, gold.text, gold.name, system.span, system.text,
                         system.name)


def location_agrees(gold: Place, system: Place, options: MatchOptions | None = None) -> bool:
    """Same gazetteer id; else both geocoded and within ``km`` (``region_km`` when gold is
    only a province, precision 3); else, when either lacks coordinates, the same mention
    or name."""
    options = options or MatchOptions()
    if gold.gazetteer_id and gold.gazetteer_id == system.gazetteer_id:
        return True
    coords = None not in (gold.lat, gold.lon, system.lat, system.lon)
    if coords:
        limit = options.region_km if gold.precision == 3 else options.km
        return distance_km(gold.lat, gold.lon, system.lat, system.lon) <= limit  # type: ignore[arg-type]
    return (_same_mention(gold.span, gold.text, gold.name, system.span, system.text,
                          system.name) or same_name(gold.name_ar, system.name_ar))


def _bounds(value: DateValue) -> tuple | None:
    start = value.start or value.value
    end = value.end or value.value or start
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def date_agrees(gold: DateValue, system: DateValue, options: MatchOptions | None = None) -> bool:
    """The ranges overlap and the system's is at most ``date_slack_days`` wider than gold's."""
    options = options or MatchOptions()
    g, s = _bounds(gold), _bounds(system)
    if g is None or s is None:
        return False
    if s[1] < g[0] or g[1] < s[0]:
        return False
    return (s[1] - s[0]).days <= (g[1] - g[0]).days + options.date_slack_days


def fatalities_agree(gold: Quantity, system: Quantity) -> bool:
    """The same count, or a count inside gold's [min, max] when gold gives a closed range."""
    if system.count is None or gold.count is None:
        return False
    if system.count == gold.count:
        return True
    return (gold.min is not None and gold.max is not None
            and gold.min <= system.count <= gold.max)
