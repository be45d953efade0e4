"""Speed of the dates.v1 and numbers.v1 stages on real SaudiNewsNet articles.

Prints one JSON line: milliseconds per article (mean, median, p95), per 600 words, and
articles per second for the two stages together (text.v1 runs first, untimed), and how
much of it is building the shared normalised view (whichever stage asks first pays it).

    python benchmarks/timenum_speed.py [--data ../shared/data] [--day 2015-08-01] [--limit 500]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from marsad.config import load_config
from marsad.evaluation.timenum import data_dir
from marsad.ingest import IngestOptions, read_inputs
from marsad.model import Article
from marsad.pipeline import Pipeline
from marsad.text.normalize import build_view


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="shared data folder (default $MARSAD_SHARED_DATA or ../shared/data)")
    parser.add_argument("--day", default="2015-08-01", help="SaudiNewsNet day file to read")
    parser.add_argument("--limit", type=int, default=500, help="articles to time")
    args = parser.parse_args()
    path = data_dir(args.data) / "news" / "saudinewsnet" / "dataset" / f"{args.day}.zip"
    if not path.is_file():
        print(f"marsad: {path} is missing; pass --data DIR", file=sys.stderr)
        return 2
    config = load_config()
    text_only = Pipeline.from_config(load_config(overrides={"pipeline": {"stages": ["text.v1"]}}))
    timed = Pipeline.from_config(config)
    stages = [(spec.name, fn) for spec, fn in timed.stages if spec.name in ("dates.v1",
                                                                           "numbers.v1")]
    articles = []
    for article in read_inputs([str(path)], IngestOptions.from_config(config)):
        if not isinstance(article, Article):
            continue  # a record ingest refused (reported as an InputError)
        articles.append(text_only(article))
        if len(articles) >= args.limit:
            break
    view_ms = 0.0
    for article in articles:  # the normalised view, built by whichever stage asks first
        start = time.perf_counter()
        build_view(article.text)
        view_ms += (time.perf_counter() - start) * 1000
    per_article, words, found = [], 0, 0
    for article in articles:
        start = time.perf_counter()
        for _name, fn in stages:
            article = fn(article)
        per_article.append((time.perf_counter() - start) * 1000)
        words += len(article.text.split())
        found += len(article.dates) + len(article.quantities)
    total_ms = sum(per_article)
    print(json.dumps({
        "benchmark": "dates.v1+numbers.v1", "input": f"saudinewsnet/{args.day}.zip",
        "articles": len(articles), "mean_words": round(words / len(articles)),
        "ms_per_article": round(total_ms / len(articles), 3),
        "median_ms": round(statistics.median(per_article), 3),
        "p95_ms": round(sorted(per_article)[int(0.95 * (len(per_article) - 1))], 3),
        "ms_per_600_words": round(total_ms / words * 600, 3),
        "articles_per_s": round(len(articles) / (total_ms / 1000), 1),
        "expressions_found": found,
        "of_which_view_ms_per_article": round(view_ms / len(articles), 3),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
