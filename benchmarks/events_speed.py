"""Speed of event detection end to end: one JSON line per measurement.

    python benchmarks/events_speed.py [--data ../shared/data] [--articles 300] [--words 600]

Reads SaudiNewsNet articles (not copied into the project; the bundled samples when the
shared data is absent), cuts each to its first ``--words`` words (articles shorter than
that are skipped), and times the whole default pipeline (text.v1 ... events.v1) on one
core after one warm-up article; then the events.v1 stage alone on the prepared layers.
"""

from __future__ import annotations

import argparse
import json
import os
import time
import zipfile
from dataclasses import replace
from importlib import resources
from pathlib import Path

from marsad.config import SAUDINEWSNET, shared_data_dir
from marsad.ingest import IngestOptions, make_article, read_inputs
from marsad.pipeline import Pipeline


def first_words(text: str, n: int) -> str | None:
    words = text.split(" ")
    if len(text.split()) < n:
        return None
    out, count = [], 0
    for w in words:
        out.append(w)
        count += bool(w.strip())
        if count >= n:
            break
    return " ".join(out)


def load(data: Path, limit: int, words: int) -> tuple[list, str]:
    out = []
    zips = sorted((data / SAUDINEWSNET).glob("*.zip"))
    for path in zips:
        with zipfile.ZipFile(path) as zf:
            records = json.loads(zf.read(zf.namelist()[0]))
        for i, rec in enumerate(records):
            text = first_words(rec.get("content") or "", words)
            if text:
                out.append(make_article(text, origin=f"{path.name}#{i}",
                                        options=IngestOptions(), published="2015-08-01"))
            if len(out) >= limit:
                return out, "saudinewsnet"
    if out:
        return out, "saudinewsnet"
    samples = resources.files("marsad").joinpath("resources", "samples")
    arts = list(read_inputs([Path(str(samples))], IngestOptions()))
    return arts, "bundled samples (full length)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    articles, origin = load(shared_data_dir(args.data), args.articles, args.words)
    pipeline = Pipeline.from_config(None, on_error=None)
    pipeline(articles[0])  # load lexicons, gazetteer and models before timing
    t0 = time.perf_counter()
    done = [pipeline(a) for a in articles]
    dt = time.perf_counter() - t0
    print(json.dumps({"measure": "default pipeline end to end (text.v1 ... events.v1)",
                      "source": origin, "articles": len(done), "words": args.words,
                      "mean_chars": round(sum(len(a.text) for a in done) / len(done)),
                      "events": sum(len(a.events) for a in done),
                      "ms_per_article": round(1000 * dt / len(done), 2), "cores": 1,
                      "target_ms": 150}))
    _spec, stage = pipeline.stages[-1]
    bare = [replace(a, events=()) for a in done]
    t0 = time.perf_counter()
    for a in bare:
        stage(a)
    dt = time.perf_counter() - t0
    print(json.dumps({"measure": "events.v1 stage alone", "articles": len(bare),
                      "ms_per_article": round(1000 * dt / len(bare), 3)}))


if __name__ == "__main__":
    main()
