"""Tune the incident linker's main weights on the DEV split of the incidents gold set.

Prints one JSON line per setting tried (B-cubed P/R/F1 and over-merges on dev), then the
calibration of the two text similarities, then the chosen setting (``"chosen": true``):
the best dev objective, F1 minus --merge-cost for every item in an over-merged incident,
among settings whose B-cubed precision is at least --min-precision (conservative: a wrong
merge costs more than a missed link). Ties go to the smaller text weight (fewer pairs need
an embedding), then the higher link and merge scores (more conservative). The test split
is never read.

    nice -n 10 .venv/bin/python benchmarks/incidents_tune.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from pathlib import Path

from marsad.config import load_config, merge
from marsad.corpus.incident_eval import bcubed, over_merges
from marsad.corpus.incident_gold import load_gold
from marsad.corpus.incidents import Linker, link_events, rules_and_embeddings
from marsad.corpus.link_features import evidence_text, link_event
from marsad.corpus.pair_scores import rule_out
from marsad.registry import Services

GOLD = Path(__file__).resolve().parents[1] / "gold" / "incidents" / "saudinewsnet.jsonl"

GRID = {
    "link_score": [1.8, 2.0, 2.2, 2.4, 2.6, 2.8],
    "merge_mean_score": [1.2, 1.6, 2.0, 2.4],
    "text_weight": [0.0, 0.6, 1.0, 1.4],
    "weights.words": [0.0, 0.5, 1.0],
    "weights.type_generic": [0.3, 0.6],
    "weights.place_one_missing": [-0.2, -0.4],
}


def calibration(items, services) -> dict:
    """Medians of both similarities over dev candidate pairs, same vs different incident."""
    rules, cache = rules_and_embeddings(load_config(), services, True)
    texts = {it.article.id: (it.article.title, it.article.text) for it in items}
    view = [link_event(it.event) for it in items]

    def load(batch):
        return {e.id: (texts[e.article_id][0], evidence_text(e, texts[e.article_id][1]))
                for e in batch}

    linker = Linker(rules, cache, load)
    linker.ensure_texts(view)
    from marsad.corpus.text_similarity import WordWeights
    words = WordWeights(linker.texts.values())
    cache.prepare([linker.texts[e.id].embed_text for e in view])
    same, diff = {"cos": [], "words": []}, {"cos": [], "words": []}
    for (i, a), (j, b) in itertools.combinations(enumerate(view), 2):
        if rule_out(rules, a, b) is not None:
            continue
        ta, tb = linker.texts[a.id], linker.texts[b.id]
        side = same if items[i].incident == items[j].incident else diff
        side["cos"].append(cache.cosine(ta.embed_text, tb.embed_text))
        side["words"].append(words.cosine(ta.words, tb.words))
    return {k: {"same_median": round(statistics.median(same[k]), 3),
                "different_median": round(statistics.median(diff[k]), 3),
                "same_pairs": len(same[k]), "different_pairs": len(diff[k])}
            for k in ("cos", "words")}


def _rank(line: dict) -> tuple[float, float, float, float]:
    return (line["objective"], -line["text_weight"], line["link_score"],
            line["merge_mean_score"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--data", default=None)
    parser.add_argument("--min-precision", type=float, default=0.97)
    parser.add_argument("--merge-cost", type=float, default=0.01)
    args = parser.parse_args()
    items = load_gold(args.gold, args.data, "dev")
    gold = {it.item: it.incident for it in items}
    texts = {it.article.id: (it.article.title, it.article.text) for it in items}
    services = Services()
    base = load_config()
    keys = list(GRID)
    best = None
    for values in itertools.product(*(GRID[k] for k in keys)):
        over: dict = {"incidents": {"weights": {}}}
        for key, value in zip(keys, values, strict=True):
            if key.startswith("weights."):
                over["incidents"]["weights"][key.split(".", 1)[1]] = value
            else:
                over["incidents"][key] = value
        config = merge(base, over)
        use = dict(zip(keys, values, strict=True))["text_weight"] > 0
        incidents, _ = link_events([it.event for it in items], texts, config=config,
                                   services=services, use_embeddings=use)
        of = {e: inc.id for inc in incidents for e in inc.event_ids}
        system = {it.item: of[it.event.id] for it in items}
        score = bcubed(gold, system)
        merged = over_merges(gold, system)
        merged_items = sum(len(m["items"]) for m in merged)
        line = {"split": "dev", **dict(zip(keys, values, strict=True)), **score,
                "over_merged_incidents": len(merged), "over_merged_items": merged_items,
                "objective": round(score["f1"] - args.merge_cost * merged_items, 4)}
        print(json.dumps(line), flush=True)
        if score["precision"] >= args.min_precision and (
                best is None or _rank(line) > _rank(best)):
            best = line
    print(json.dumps({"calibration": calibration(items, services)}))
    print(json.dumps({"chosen": True, **(best or {})}))


if __name__ == "__main__":
    sys.exit(main())
