"""Score system events against the events gold set (``marsad eval events``).

For each gold article the system's events (from the configured pipeline, or from a file)
are aligned with the gold events (``marsad.events.matching``), then counted:

- **detection**: aligned pairs are true positives, unaligned system events false
  positives, unaligned gold events false negatives.
- **type**: ``accuracy`` over aligned pairs; ``macro_f1`` over the types present in gold
  or system, where a type's true positives are aligned pairs of that type on both sides
  (so a missed or extra event costs its type too).
- **arguments**, end to end: a value counts as a true positive only on an aligned pair
  whose two values agree; every other value the system gives is a false positive and every
  other value gold gives a false negative, including those of unaligned events. Single
  values: ``location``, ``date``, ``fatalities``, ``certainty``; item sets (one-to-one
  matched): ``actors`` (same actor and role), ``weapons``, ``sources`` (same source and
  kind); ``historical`` counts the events flagged historical. ``argument_macro_f1`` is the
  mean F1 of these eight. ``aligned_arguments`` repeats the counts on aligned pairs only,
  to tell argument errors from detection errors.

Only events anchored (trigger, else first evidence span) inside an article's annotated
region count, for gold and system alike.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from marsad.errors import GoldError, SpanError
from marsad.events.gold import GoldArticle, load_gold
from marsad.events.matching import (
    SYMMETRIC_TYPES,
    MatchOptions,
    align_events,
    alignable,
    anchor,
    date_agrees,
    fatalities_agree,
    location_agrees,
    match_items,
    same_actor,
    same_actor_identity,
    same_source,
    same_source_identity,
    same_weapon,
)
from marsad.model import Event, from_dict
from marsad.pipeline import Pipeline, check_spans

ARGUMENTS = ("actors", "location", "date", "fatalities", "weapons", "sources", "certainty",
             "historical")
TARGETS = {"argument_f1": 0.75, "type_macro_f1": 0.70}


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, system: int, gold: int) -> None:
        """Add ``tp`` agreements out of ``system`` predicted and ``gold`` expected values."""
        self.tp += tp
        self.fp += system - tp
        self.fn += gold - tp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


# ------------------------------------------------------------------ per-argument counting

Pair = tuple[Event, Event]


def _single(values: Callable[[Event], Any], agree: Callable[[Any, Any], bool]):
    def count(pairs: Sequence[Pair], system: Sequence[Event],
              gold: Sequence[Event]) -> tuple[int, int, int]:
        tp = sum(1 for g, s in pairs
                 if values(g) is not None and values(s) is not None and agree(values(g),
                                                                               values(s)))
        return (tp, sum(values(e) is not None for e in system),
                sum(values(e) is not None for e in gold))
    return count


def _items(values: Callable[[Event], Sequence[Any]],
           same: Callable[[Event], Callable[[Any, Any], bool]]):
    def count(pairs: Sequence[Pair], system: Sequence[Event],
              gold: Sequence[Event]) -> tuple[int, int, int]:
        tp = sum(len(match_items(values(g), values(s), same(g))) for g, s in pairs)
        return (tp, sum(len(values(e)) for e in system), sum(len(values(e)) for e in gold))
    return count


def _historical(pairs: Sequence[Pair], system: Sequence[Event],
                gold: Sequence[Event]) -> tuple[int, int, int]:
    tp = sum(1 for g, s in pairs if g.historical and s.historical)
    return tp, sum(e.historical for e in system), sum(e.historical for e in gold)


def argument_counters(options: MatchOptions) -> dict[str, Callable[..., tuple[int, int, int]]]:
    """For each argument, a function (aligned pairs, system events, gold events) ->
    (agreements, system values, gold values)."""
    return {
        "actors": _items(lambda e: e.actors, lambda g: lambda a, b: same_actor(
            a, b, symmetric=g.type in SYMMETRIC_TYPES)),
        "location": _single(lambda e: e.location,
                            lambda a, b: location_agrees(a, b, options)),
        "date": _single(lambda e: e.date, lambda a, b: date_agrees(a, b, options)),
        "fatalities": _single(lambda e: e.fatalities, fatalities_agree),
        "weapons": _items(lambda e: e.weapons, lambda g: same_weapon),
        "sources": _items(lambda e: e.sources, lambda g: same_source),
        "certainty": _single(lambda e: e.certainty, lambda a, b: a == b),
        "historical": _historical,
    }


DIAGNOSTICS = {
    "actors_any_role": _items(lambda e: e.actors, lambda g: same_actor_identity),
    "sources_any_kind": _items(lambda e: e.sources, lambda g: same_source_identity),
}


# ------------------------------------------------------------------ scoring


@dataclass
class Scores:
    """Running totals over articles; ``to_dict`` gives the reported JSON object."""

    options: MatchOptions = field(default_factory=MatchOptions)
    detection: Counts = field(default_factory=Counts)
    types: dict[str, Counts] = field(default_factory=dict)
    arguments: dict[str, Counts] = field(default_factory=lambda: {a: Counts() for a in
                                                                  ARGUMENTS})
    aligned_arguments: dict[str, Counts] = field(default_factory=lambda: {a: Counts() for a
                                                                          in ARGUMENTS})
    diagnostics: dict[str, Counts] = field(default_factory=lambda: {d: Counts() for d in
                                                                    DIAGNOSTICS})
    counts: Counter = field(default_factory=Counter)
    gold_by_type: Counter = field(default_factory=Counter)
    system_by_type: Counter = field(default_factory=Counter)
    type_correct: int = 0
    articles: list[dict[str, Any]] = field(default_factory=list)

    def _type(self, name: str) -> Counts:
        return self.types.setdefault(name, Counts())

    def add_article(self, gold: GoldArticle, system: Sequence[Event]) -> dict[str, Any]:
        """Score one article's system events against its gold events."""
        inside = [e for e in system if _in_region(e, gold)]
        self.counts["articles"] += 1
        self.counts["negative_articles"] += not gold.events
        self.counts["gold_events"] += len(gold.events)
        self.counts["system_events"] += len(inside)
        self.counts["system_events_outside_region"] += len(system) - len(inside)
        self.counts["historical_gold_events"] += sum(e.historical for e in gold.events)
        self.gold_by_type.update(e.type for e in gold.events)
        self.system_by_type.update(e.type for e in inside)
        pairs_idx = align_events(gold.events, inside, self.options)
        pairs = [(gold.events[i], inside[j]) for i, j in pairs_idx]
        aligned_gold = {i for i, _ in pairs_idx}
        aligned_sys = {j for _, j in pairs_idx}
        extra = [s for j, s in enumerate(inside) if j not in aligned_sys]
        missed = [g for i, g in enumerate(gold.events) if i not in aligned_gold]
        self.counts["aligned"] += len(pairs)
        self.counts["duplicates"] += sum(
            1 for s in extra if any(alignable(g, s) for g in gold.events))
        self.detection.add(len(pairs), len(inside), len(gold.events))
        for g, s in pairs:
            if g.type == s.type:
                self.type_correct += 1
                self._type(g.type).tp += 1
            else:
                self._type(s.type).fp += 1
                self._type(g.type).fn += 1
        for s in extra:
            self._type(s.type).fp += 1
        for g in missed:
            self._type(g.type).fn += 1
        for name, counter in argument_counters(self.options).items():
            self.arguments[name].add(*counter(pairs, inside, gold.events))
            self.aligned_arguments[name].add(*counter(pairs, [s for _, s in pairs],
                                                      [g for g, _ in pairs]))
        for name, counter in DIAGNOSTICS.items():
            self.diagnostics[name].add(*counter(pairs, inside, gold.events))
        return {
            "key": gold.key, "split": gold.split, "article_id": gold.article.id,
            "gold": len(gold.events), "system": len(inside),
            "aligned": [{"gold": g.id, "system": s.id, "gold_type": g.type,
                         "system_type": s.type} for g, s in pairs],
            "missed": [{"gold": g.id, "type": g.type} for g in missed],
            "extra": [{"system": s.id, "type": s.type} for s in extra],
        }

    def to_dict(self) -> dict[str, Any]:
        per_type = {t: c.to_dict() for t, c in sorted(self.types.items())
                    if c.tp + c.fp + c.fn}
        macro = (sum(self.types[t].f1 for t in per_type) / len(per_type)) if per_type else 0.0
        aligned = self.counts["aligned"]
        args = {a: self.arguments[a].to_dict() for a in ARGUMENTS}
        arg_macro = sum(self.arguments[a].f1 for a in ARGUMENTS) / len(ARGUMENTS)
        below = [a for a in ARGUMENTS if self.arguments[a].f1 < TARGETS["argument_f1"]]
        counts = {k: self.counts[k] for k in (
            "articles", "negative_articles", "gold_events", "historical_gold_events",
            "system_events", "system_events_outside_region", "aligned", "duplicates")}
        counts["gold_by_type"] = dict(sorted(self.gold_by_type.items()))
        counts["system_by_type"] = dict(sorted(self.system_by_type.items()))
        return {
            "detection": self.detection.to_dict(),
            "type": {"accuracy": round(self.type_correct / aligned, 4) if aligned else 0.0,
                     "macro_f1": round(macro, 4), "per_type": per_type},
            "arguments": args,
            "argument_macro_f1": round(arg_macro, 4),
            "aligned_arguments": {a: self.aligned_arguments[a].to_dict() for a in ARGUMENTS},
            "diagnostics": {d: c.to_dict() for d, c in self.diagnostics.items()},
            "targets": {
                "argument_f1": TARGETS["argument_f1"], "type_macro_f1": TARGETS["type_macro_f1"],
                "arguments_below_target": below,
                "met": not below and macro >= TARGETS["type_macro_f1"],
            },
            "counts": counts,
            "options": {"km": self.options.km, "region_km": self.options.region_km,
                        "date_slack_days": self.options.date_slack_days},
        }


def _in_region(event: Event, gold: GoldArticle) -> bool:
    where = anchor(event)
    return where is None or gold.region.start <= where.start < gold.region.end


def score_events(gold: Iterable[GoldArticle], system: Mapping[str, Sequence[Event]],
                 options: MatchOptions | None = None,
                 per_article: bool = False) -> dict[str, Any]:
    """Score ``system`` events (by article id) against gold articles; one JSON-ready dict."""
    scores = Scores(options=options or MatchOptions())
    details = []
    for article in gold:
        details.append(scores.add_article(article, system.get(article.article.id, ())))
    result = scores.to_dict()
    if per_article:
        result["articles"] = details
    return result


# ------------------------------------------------------------------ system events


def read_system(path: str | Path) -> dict[str, list[Event]]:
    """System events by article id from JSON Lines of events or of articles
    (``marsad analyze --format events|articles``)."""
    p = Path(path)
    out: dict[str, list[Event]] = {}
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read system events {p}: {exc.strerror}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            raw_events = record["events"] if "events" in record and "text" in record \
                else [record]
            for raw in raw_events:
                event = from_dict(Event, raw)
                out.setdefault(event.article_id, []).append(event)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"{p}:{n}: not an event or article line of marsad analyze "
                            f"({exc!r})") from None
    return out


def run_pipeline(gold: Sequence[GoldArticle], config: dict[str, Any] | None = None
                 ) -> tuple[dict[str, list[Event]], list[dict[str, str]], list[str]]:
    """Run the configured pipeline on the gold articles: (events by article id, errors,
    stage names)."""
    pipeline = Pipeline.from_config(config, on_error=None)
    events: dict[str, list[Event]] = {}
    errors: list[dict[str, str]] = []
    for item in gold:
        result = pipeline(item.article)
        events[item.article.id] = list(result.events)
        errors.extend({"key": item.key, "stage": e.stage, "message": e.message}
                      for e in result.errors)
    return events, errors, pipeline.names


def _check_system(gold: Sequence[GoldArticle], system: Mapping[str, Sequence[Event]]) -> None:
    for item in gold:
        events = tuple(system.get(item.article.id, ()))
        try:
            check_spans(replace(item.article, events=events))
        except SpanError as exc:
            raise GoldError(f"system events of {item.key} do not fit its text ({exc}); were "
                            "they made from another version of the article?") from None


def evaluate_events(gold_path: str | Path, *, split: str = "dev",
                    config: dict[str, Any] | None = None, data: str | Path | None = None,
                    system_path: str | Path | None = None,
                    options: MatchOptions | None = None,
                    per_article: bool = False) -> dict[str, Any]:
    """What ``marsad eval events`` prints: the scores of the configured pipeline (or of
    the events in ``system_path``) on the ``split`` of the gold file."""
    gold = load_gold(gold_path, split=split, data=data)
    if not gold:
        raise GoldError(f"{gold_path} has no articles in split {split!r}")
    errors: list[dict[str, str]] = []
    if system_path is not None:
        system = read_system(system_path)
        stages: list[str] | None = None
    else:
        system, errors, stages = run_pipeline(gold, config)
    _check_system(gold, system)
    result = score_events(gold, system, options, per_article=per_article)
    header = {"gold": str(gold_path), "split": split,
              "system": str(system_path) if system_path else "pipeline",
              "pipeline": stages, "pipeline_errors": len(errors)}
    if errors:
        header["pipeline_error_examples"] = errors[:5]
    return {**header, **result}
