"""Linking events into incidents: the same strike reported by ten outlets is one incident.

``Linker.run`` scores candidate pairs (``blocking``), applies the hard rules and the scored
evidence (``pair_scores``), adds text evidence (``text_similarity``: copied wire text,
shared specific words, and the embedding cosine for pairs the rest leaves undecided) and
groups the pairs conservatively (``clustering``). ``link_events`` does this for events in
memory; ``link_store`` does it incrementally on a database: stored incidents stay as they
are and only new events, events of changed incidents and their neighbours are linked, so
re-running changes nothing and new articles' events join existing incidents.

Incident ids are stable: a group keeps the id most of its events already had (or the id
of the incident its corrected article's old version belonged to); a new group's id is
derived from its earliest event's id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.config import load_config
from marsad.corpus.blocking import candidate_pairs
from marsad.corpus.clustering import cluster
from marsad.corpus.credibility import consensus, corroboration, disputes
from marsad.corpus.link_features import (
    EvidenceText,
    LinkEvent,
    evidence_text,
    link_event,
)
from marsad.corpus.pair_scores import LinkRules, rule_out, structure_parts
from marsad.corpus.text_similarity import (
    Embedder,
    EmbeddingCache,
    WordWeights,
    calibrated,
    embedder_service,
    lexical_parts,
)
from marsad.model import DateValue, Event, Incident, Place
from marsad.registry import Services

# event id -> (headline, evidence text)
TextLoader = Callable[[Sequence[LinkEvent]], Mapping[str, tuple[str | None, str]]]
COPY_PART = 1.5
WORDS_MAX = 1.0


@dataclass(frozen=True)
class PairResult:
    total: float | None
    parts: Mapping[str, float]
    reason: str | None = None


@dataclass
class LinkStats:
    events: int = 0
    linked: int = 0
    candidate_pairs: int = 0
    scored_pairs: int = 0
    embedded_texts: int = 0
    seconds: float = 0.0


class Linker:
    """Scores pairs of events (caching each pair once) and groups them into incidents."""

    def __init__(self, rules: LinkRules, cache: EmbeddingCache | None,
                 load_texts: TextLoader) -> None:
        self.rules = rules
        self.cache = cache
        self.load_texts = load_texts
        self.texts: dict[str, EvidenceText] = {}
        self.words: WordWeights | None = None
        self.events: dict[str, LinkEvent] = {}
        self._pairs: dict[tuple[str, str], PairResult] = {}
        self._base: dict[tuple[str, str], PairResult] = {}
        self._prefetch: list[str] = []  # events of undecided pairs, most promising first
        self.stats = LinkStats()

    # ------------------------------------------------------------------ text

    def ensure_texts(self, events: Iterable[LinkEvent]) -> None:
        missing = [e for e in events if e.id not in self.texts]
        if not missing:
            return
        raw = self.load_texts(missing)
        for event in missing:
            title, text = raw.get(event.id, (None, ""))
            self.texts[event.id] = EvidenceText.of(text, title)

    def text_band(self, base: float) -> bool:
        """Whether the embedding part could still tip a pair with this base score."""
        w = self.rules.text_weight
        return self.cache is not None and self.rules.link_score - w <= base < (
            self.rules.link_score + w)

    # ------------------------------------------------------------------ pairs

    def _key(self, a: str, b: str) -> tuple[str, str]:
        return (a, b) if a < b else (b, a)

    def base(self, a: LinkEvent, b: LinkEvent) -> PairResult:
        """A pair's score without the embedding part (rules, structure, words, copies)."""
        key = self._key(a.id, b.id)
        found = self._base.get(key)
        if found is not None:
            return found
        reason = rule_out(self.rules, a, b)
        if reason is not None:
            result = PairResult(None, {}, reason)
        else:
            parts = structure_parts(self.rules, a, b)
            self.ensure_texts((a, b))
            if self.words is None:
                self.words = WordWeights(self.texts.values())
            parts.update(lexical_parts(self.texts[a.id], self.texts[b.id], self.rules,
                                       self.words))
            result = PairResult(round(sum(parts.values()), 3), parts)
        self._base[key] = result
        return result

    def undecided(self, result: PairResult) -> bool:
        """Whether the embedding part is still needed to decide this pair."""
        return (result.total is not None and "copy" not in result.parts
                and self.text_band(result.total))

    def pair(self, a: LinkEvent, b: LinkEvent) -> PairResult:
        """The full score of a pair, the embedding part included where it is undecided."""
        key = self._key(a.id, b.id)
        found = self._pairs.get(key)
        if found is not None:
            return found
        result = self.base(a, b)
        if self.undecided(result):
            ta, tb = self.texts[a.id], self.texts[b.id]
            if ta.text and tb.text:
                cos = self.cache.cosine(ta.embed_text, tb.embed_text)  # type: ignore[union-attr]
                parts = dict(result.parts)
                parts["text"] = calibrated(cos, self.rules.cosine_floor,
                                           self.rules.cosine_ceiling, self.rules.text_weight)
                result = PairResult(round(sum(parts.values()), 3), parts)
        self.stats.scored_pairs += 1
        self._pairs[key] = result
        return result

    def resolve(self, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], float | None]:
        """Full scores of pairs (None: ruled out); the texts of the pairs that need the
        embedding part are embedded together in one batch first."""
        if self.cache is not None:
            texts = []
            for x, y in pairs:
                if self._key(x, y) in self._pairs:
                    continue
                if self.undecided(self.base(self.events[x], self.events[y])):
                    texts.extend(self.texts[i].embed_text for i in (x, y) if self.texts[i].text)
            if texts:
                self.cache.prepare(self._top_up(texts))
        return {(x, y): self.pair(self.events[x], self.events[y]).total for x, y in pairs}

    def _top_up(self, texts: list[str]) -> list[str]:
        """``texts`` filled up to a whole embedding batch with the texts that the next
        undecided pairs will need: a batch of 32 costs far less per text than a few."""
        cache = self.cache
        if cache is None:
            return texts
        wanted = {t for t in texts if not cache.has(t)}
        batch = self.rules.embed_batch
        while self._prefetch and len(wanted) < batch:
            text = self.texts[self._prefetch.pop()].embed_text
            if text and not cache.has(text):
                wanted.add(text)
        return [*texts, *sorted(wanted.difference(texts))]

    # ------------------------------------------------------------------ run

    def run(self, events: Sequence[LinkEvent], *, dirty: set[str] | None = None,
            fixed: Sequence[Sequence[str]] = ()) -> list[list[str]]:
        """Groups of event ids for the dirty events (all when None), their candidate
        partners and the fixed groups (stored incidents) these touch."""
        started = time.perf_counter()
        embedded_before = self.cache.computed if self.cache is not None else 0
        self.events.update({e.id: e for e in events})
        self.stats.events = len(events)
        rules = self.rules
        upper = max(rules.w("copy"), rules.w("words") + (rules.text_weight if self.cache
                                                          else 0.0))
        strong: list[tuple[LinkEvent, LinkEvent]] = []
        involved: set[str] = set(dirty) if dirty is not None else {e.id for e in events}
        for a, b in candidate_pairs(events, rules, only=dirty):
            self.stats.candidate_pairs += 1
            if rule_out(rules, a, b) is not None:
                continue
            if sum(structure_parts(rules, a, b).values()) + upper < rules.link_score:
                continue
            strong.append((a, b))
            involved.update((a.id, b.id))
        group_of = {m: i for i, g in enumerate(fixed) for m in g}
        touched = {group_of[i] for i in involved if i in group_of}
        initial = [list(fixed[i]) for i in sorted(touched)]
        for group in initial:
            involved.update(m for m in group if m in self.events)
        self.ensure_texts(self.events[i] for i in involved)
        self.words = WordWeights(self.texts[i] for i in sorted(involved))
        pairs = []
        for a, b in strong:
            result = self.base(a, b)
            if result.total is None:
                continue
            if self.undecided(result):
                pairs.append((result.total + rules.text_weight, False, a.id, b.id))
            else:
                pairs.append((result.total, True, a.id, b.id))
        order = sorted((p for p in pairs if not p[1]), key=lambda p: (-p[0], p[2], p[3]))
        self._prefetch = list(reversed(dict.fromkeys(i for p in order for i in p[2:])))
        ids = sorted(involved)
        article_of = {i: self.events[i].article_id for i in ids}
        groups = cluster(ids, article_of, pairs, self.resolve, link_score=rules.link_score,
                         merge_mean=rules.merge_mean_score, initial=initial,
                         batch=rules.embed_batch)
        self.stats.linked = sum(len(g) for g in groups if len(g) > 1)
        self.stats.embedded_texts = self.cache.computed - embedded_before \
            if self.cache is not None else 0
        self.stats.seconds = round(time.perf_counter() - started, 3)
        return groups


# ------------------------------------------------------------------ incident ids

def derived_id(event_id: str, salt: int = 0) -> str:
    """A new incident's id, derived from its earliest event's id."""
    raw = event_id if salt == 0 else f"{event_id}#{salt}"
    return "in_" + hashlib.sha1(raw.encode()).hexdigest()[:20]


def assign_ids(groups: Sequence[Sequence[LinkEvent]], previous: Mapping[str, Sequence[str]],
               taken: set[str]) -> list[str]:
    """An id per group: the previous id most of its events carried (``previous`` gives
    the candidate ids per event), else one derived from its earliest event. ``taken`` are
    ids of incidents left as they were."""
    order = sorted(range(len(groups)), key=lambda i: (
        -len(groups[i]), min(e.sort_key() for e in groups[i])))
    result: dict[int, str] = {}
    used = set(taken)
    for i in order:
        votes = Counter(pid for e in groups[i] for pid in previous.get(e.id, ()))
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        chosen = next((pid for pid, _ in ranked if pid not in used), None)
        if chosen is None:
            first = min(groups[i], key=LinkEvent.sort_key).id
            salt = 0
            chosen = derived_id(first)
            while chosen in used:
                salt += 1
                chosen = derived_id(first, salt)
        used.add(chosen)
        result[i] = chosen
    return [result[i] for i in range(len(groups))]


# ------------------------------------------------------------------ incidents

def _consensus_date(events: Sequence[Event]) -> DateValue | None:
    dated = [e.date for e in events if e.date is not None and (e.date.value or e.date.start)]
    if not dated:
        return None
    best = min(d.precision or 3 for d in dated)
    keys = [((d.start or d.value), (d.end or d.value), d.precision or 3)
            for d in dated if (d.precision or 3) == best]
    start, end, precision = consensus(keys)  # type: ignore[misc]
    return DateValue(value=start, start=start, end=end, precision=precision)


def _consensus_place(events: Sequence[Event]) -> Place | None:
    places = [e.location for e in events if e.location is not None
              and e.location.lat is not None and e.location.lon is not None]
    if not places:
        return None
    best = min(p.precision or 3 for p in places)
    keys = [(p.gazetteer_id or p.name, p.precision) for p in places
            if (p.precision or 3) == best]
    chosen = consensus(keys)
    place = next(p for p in places if (p.gazetteer_id or p.name, p.precision) == chosen)
    return Place(name=place.name, name_ar=place.name_ar, lat=place.lat, lon=place.lon,
                 country=place.country, admin1=place.admin1, admin2=place.admin2,
                 gazetteer_id=place.gazetteer_id, precision=place.precision,
                 feature=place.feature)


def build_incident(incident_id: str, events: Sequence[Event],
                   texts: Mapping[str, EvidenceText], rules: LinkRules) -> Incident:
    """The incident record of a group of events: consensus fields, outlets, corroboration
    and per-field disputes."""
    events = sorted(events, key=lambda e: e.id)
    generic = frozenset(e.type.lower() for e in events if rules.types.is_generic(e.type))
    specific = [e.type for e in events if e.type.lower() not in generic]
    kind = consensus(sorted(specific) or sorted(e.type for e in events))
    return Incident(
        id=incident_id,
        type=str(kind),
        date=_consensus_date(events),
        location=_consensus_place(events),
        event_ids=tuple(e.id for e in events),
        article_ids=tuple(sorted({e.article_id for e in events})),
        outlets=tuple(sorted({e.outlet or "unknown outlet" for e in events})),
        corroboration=corroboration(events, texts, rules.copy_overlap),
        disputes=disputes(events, generic),
    )


def rules_and_embeddings(config: Mapping[str, Any] | None = None,
                         services: Services | None = None,
                         use_embeddings: bool = True) -> tuple[LinkRules, EmbeddingCache | None]:
    """The linking rules from the config, and the embedding cache (one per ``services``:
    the model is loaded once and each text embedded once per process)."""
    config = config if config is not None else load_config()
    rules = LinkRules.from_config(config)
    services = services if services is not None else Services()
    if not use_embeddings:
        return rules, None
    embedder: Embedder = embedder_service(services, rules.embedder, rules.embed_batch)
    cache = services.get(f"embedding_cache:{rules.embed_chars}",
                         lambda: EmbeddingCache(embedder, rules.embed_chars))
    return rules, cache


def link_events(events: Sequence[Event], texts: Mapping[str, tuple[str | None, str]], *,
                config: Mapping[str, Any] | None = None, services: Services | None = None,
                use_embeddings: bool = True) -> tuple[list[Incident], LinkStats]:
    """Link events held in memory (``texts``: article id → (title, text)) into incidents;
    every event ends up in exactly one incident (many in incidents of their own)."""
    rules, cache = rules_and_embeddings(config, services, use_embeddings)
    by_id = {e.id: e for e in events}
    view = [link_event(e, rules.undated_days) for e in events]

    def load(batch: Sequence[LinkEvent]) -> dict[str, tuple[str | None, str]]:
        out = {}
        for e in batch:
            title, text = texts.get(e.article_id, (None, ""))
            out[e.id] = (title, evidence_text(e, text))
        return out

    linker = Linker(rules, cache, load)
    groups = linker.run(view)
    members = [[linker.events[i] for i in g] for g in groups]
    previous = {e.id: [e.incident_id] for e in view if e.incident_id}
    ids = assign_ids(members, previous, set())
    linker.ensure_texts(view)
    incidents = [build_incident(iid, [by_id[e.id] for e in group], linker.texts, rules)
                 for iid, group in zip(ids, members, strict=True)]
    incidents.sort(key=lambda inc: (inc.date.start if inc.date and inc.date.start
                                    else dt.date.max, inc.id))
    return incidents, linker.stats


# ------------------------------------------------------------------ the store


@dataclass
class LinkSummary:
    """What one ``link_store`` run did."""

    events: int = 0
    new_events: int = 0
    incidents: int = 0
    changed: int = 0
    removed: int = 0
    stats: LinkStats = field(default_factory=LinkStats)
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.events} events, {self.new_events} to link; {self.incidents} incidents "
                f"({self.changed} new or changed, {self.removed} removed); "
                f"{self.stats.candidate_pairs} candidate pairs, {self.stats.embedded_texts} "
                f"texts embedded in {self.seconds:.1f} s")

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "new_events": self.new_events,
                "incidents": self.incidents, "changed": self.changed,
                "removed": self.removed, "candidate_pairs": self.stats.candidate_pairs,
                "scored_pairs": self.stats.scored_pairs,
                "embedded_texts": self.stats.embedded_texts, "seconds": self.seconds}


def link_store(store: Any, *, config: Mapping[str, Any] | None = None,
               services: Services | None = None, relink: bool = False,
               use_embeddings: bool = True) -> LinkSummary:
    """Link the stored events into incidents and save them (see the module docstring).

    With ``relink`` every event is linked again from scratch; incidents keep their ids
    wherever most of their events stay together.
    """
    started = time.perf_counter()
    rules, cache = rules_and_embeddings(config, services, use_embeddings)
    state = store.incident_state()
    view = [link_event(e, rules.undated_days) for e in state.events]
    events = {e.id: e for e in state.events}
    current: dict[str, list[str]] = defaultdict(list)
    for e in view:
        if e.incident_id:
            current[e.incident_id].append(e.id)
    fixed: list[list[str]] = []
    dirty: set[str] = set()
    for e in view:
        if e.incident_id is None or e.incident_id not in state.members:
            dirty.add(e.id)
    for incident_id, members in state.members.items():
        now = sorted(current.get(incident_id, ()))
        if relink or now != sorted(members):
            dirty.update(now)
        elif now:
            fixed.append(now)

    def load(batch: Sequence[LinkEvent]) -> dict[str, tuple[str | None, str]]:
        texts = store.article_texts({e.article_id for e in batch})
        out = {}
        for e in batch:
            title, text = texts.get(e.article_id, (None, ""))
            out[e.id] = (title, evidence_text(e, text))
        return out

    linker = Linker(rules, cache, load)
    summary = LinkSummary(events=len(view), new_events=len(dirty))
    groups = linker.run(view, dirty=dirty, fixed=fixed) if dirty else []
    fixed_sets = {tuple(g) for g in fixed}
    changed = [g for g in groups if tuple(g) not in fixed_sets]
    previous: dict[str, list[str]] = defaultdict(list)
    for e in view:
        if e.incident_id and e.incident_id in state.members:
            previous[e.id].append(e.incident_id)
    for e in view:  # a corrected article's events inherit its old version's incident
        for incident_id in state.successor_incidents.get(e.article_id, ()):
            if incident_id not in previous[e.id]:
                previous[e.id].append(incident_id)
    changed_members = {m for g in changed for m in g}
    kept = {events[g[0]].incident_id for g in fixed if not set(g) & changed_members}
    kept.discard(None)
    members = [[linker.events[i] for i in g] for g in changed]
    ids = assign_ids(members, previous, kept)
    linker.ensure_texts(linker.events[i] for g in changed for i in g)
    incidents = [build_incident(iid, [events[e.id] for e in group], linker.texts, rules)
                 for iid, group in zip(ids, members, strict=True)]
    removed = sorted(set(state.members) - kept - set(ids))
    store.save_incidents(incidents, removed)
    summary.changed = len(incidents)
    summary.removed = len(removed)
    summary.incidents = store.incident_count()
    summary.stats = linker.stats
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
