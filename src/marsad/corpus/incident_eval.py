"""``marsad eval incidents``: B-cubed scores of incident linking against the gold set.

Two modes. *oracle* links events built from the gold items themselves, so it measures the
linking alone. *end_to_end* runs marsad's pipeline on the gold articles, aligns the events
it finds to gold items (same article, overlapping evidence), links the system's events, and
scores the gold items through their aligned events (an item with no aligned event is an
incident of its own). Both report B-cubed precision, recall and F1 over gold items, and how
many system incidents join items of different gold incidents (over-merges).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from marsad.config import load_config
from marsad.corpus.incident_gold import GoldItem, load_gold
from marsad.corpus.incidents import link_events
from marsad.model import Article, Event, Span
from marsad.pipeline import Pipeline
from marsad.registry import Services


def bcubed(gold: Mapping[str, str], system: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of ``system`` (item → cluster) against ``gold``."""
    gold_members: dict[str, set[str]] = defaultdict(set)
    sys_members: dict[str, set[str]] = defaultdict(set)
    for item, cluster in gold.items():
        gold_members[cluster].add(item)
    for item in gold:
        sys_members[system[item]].add(item)
    p = r = 0.0
    for item in gold:
        g, s = gold_members[gold[item]], sys_members[system[item]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    n = len(gold) or 1
    p, r = p / n, r / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def over_merges(gold: Mapping[str, str], system: Mapping[str, str]) -> list[dict[str, Any]]:
    """System incidents that join items of two or more gold incidents."""
    by_system: dict[str, list[str]] = defaultdict(list)
    for item in gold:
        by_system[system[item]].append(item)
    found = []
    for cluster, items in sorted(by_system.items()):
        incidents = Counter(gold[i] for i in items)
        if len(incidents) > 1:
            found.append({"system_incident": cluster, "gold_incidents": dict(incidents),
                          "items": sorted(items)})
    return found


def splits(gold: Mapping[str, str], system: Mapping[str, str]) -> list[dict[str, Any]]:
    """Gold incidents whose items the system spread over several incidents."""
    by_gold: dict[str, list[str]] = defaultdict(list)
    for item, cluster in gold.items():
        by_gold[cluster].append(item)
    found = []
    for cluster, items in sorted(by_gold.items()):
        parts = Counter(system[i] for i in items)
        if len(parts) > 1:
            found.append({"gold_incident": cluster, "parts": sorted(parts.values(), reverse=True),
                          "items": sorted(items)})
    return found


def _scores(gold: Mapping[str, str], system: Mapping[str, str],
            errors: bool) -> dict[str, Any]:
    merged = over_merges(gold, system)
    result: dict[str, Any] = bcubed(gold, system)
    result.update({
        "system_incidents": len(set(system[i] for i in gold)),
        "over_merged_incidents": len(merged),
        "over_merged_items": sum(len(m["items"]) for m in merged),
    })
    if errors:
        result["over_merges"] = merged
        result["splits"] = splits(gold, system)
    return result


def oracle(items: Sequence[GoldItem], *, config: Mapping[str, Any], services: Services,
           use_embeddings: bool = True, errors: bool = False) -> dict[str, Any]:
    """Link the gold items' own events: the linking alone."""
    started = time.perf_counter()
    texts = {it.article.id: (it.article.title, it.article.text) for it in items}
    incidents, stats = link_events([it.event for it in items], texts, config=config,
                                   services=services, use_embeddings=use_embeddings)
    of_event = {eid: inc.id for inc in incidents for eid in inc.event_ids}
    gold = {it.item: it.incident for it in items}
    system = {it.item: of_event[it.event.id] for it in items}
    result = _scores(gold, system, errors)
    result.update({"candidate_pairs": stats.candidate_pairs,
                   "embedded_texts": stats.embedded_texts,
                   "seconds": round(time.perf_counter() - started, 2)})
    return result


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in a for y in b)


def align(items: Sequence[GoldItem], events: Sequence[Event]) -> dict[str, Event]:
    """Gold item → the system event of the same article whose evidence overlaps it most
    (one event per item at most, greedily by overlap)."""
    options = []
    by_article: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_article[event.article_id].append(event)
    for item in items:
        for event in by_article.get(item.article.id, ()):
            spans = event.evidence or ((event.trigger.span,) if event.trigger else ())
            size = _overlap(item.event.evidence, spans)
            if size > 0:
                options.append((size, item.item, event.id, event))
    chosen: dict[str, Event] = {}
    used: set[str] = set()
    for _size, item_id, event_id, event in sorted(options, key=lambda o: (-o[0], o[1], o[2])):
        if item_id in chosen or event_id in used:
            continue
        chosen[item_id] = event
        used.add(event_id)
    return chosen


def end_to_end(items: Sequence[GoldItem], *, config: Mapping[str, Any], services: Services,
               use_embeddings: bool = True, errors: bool = False) -> dict[str, Any]:
    """Run the pipeline on the gold articles, align its events to the items, link them."""
    started = time.perf_counter()
    pipeline = Pipeline.from_config(dict(config), services, on_error=None)
    articles: dict[str, Article] = {}
    for item in items:
        articles.setdefault(item.article.id, item.article)
    analysed = [pipeline(a) for a in articles.values()]
    events = [e for a in analysed for e in a.events]
    stage_errors = sum(len(a.errors) for a in analysed)
    texts = {a.id: (a.title, a.text) for a in analysed}
    aligned = align(items, events)
    incidents, stats = link_events(events, texts, config=config, services=services,
                                   use_embeddings=use_embeddings) if events else ([], None)
    of_event = {eid: inc.id for inc in incidents for eid in inc.event_ids}
    gold = {it.item: it.incident for it in items}
    system = {it.item: of_event[aligned[it.item].id] if it.item in aligned
              else f"unaligned:{it.item}" for it in items}
    result = _scores(gold, system, errors)
    result.update({
        "pipeline": pipeline.names, "articles": len(articles), "system_events": len(events),
        "aligned_items": len(aligned), "stage_errors": stage_errors,
        "candidate_pairs": stats.candidate_pairs if stats else 0,
        "seconds": round(time.perf_counter() - started, 2),
    })
    return result


def evaluate_incidents(gold_path: str | Path, *, split: str | None = None,
                       data: str | Path | None = None, mode: str = "both",
                       config: Mapping[str, Any] | None = None,
                       services: Services | None = None, use_embeddings: bool = True,
                       errors: bool = False) -> dict[str, Any]:
    """The whole evaluation as one JSON-ready dict."""
    config = config if config is not None else load_config()
    services = services if services is not None else Services()
    items = load_gold(gold_path, data, split)
    gold = {it.item: it.incident for it in items}
    result: dict[str, Any] = {
        "gold": str(gold_path), "split": split or "all", "items": len(items),
        "incidents": len(set(gold.values())),
        "articles": len({it.article.id for it in items}),
        "outlets": len({it.article.outlet for it in items}),
        "embeddings": use_embeddings,
        "baseline_singletons": bcubed(gold, {i: i for i in gold}),
    }
    if mode in ("both", "oracle"):
        result["oracle"] = oracle(items, config=config, services=services,
                                  use_embeddings=use_embeddings, errors=errors)
    if mode in ("both", "end_to_end"):
        result["end_to_end"] = end_to_end(items, config=config, services=services,
                                          use_embeddings=use_embeddings, errors=errors)
    return result
