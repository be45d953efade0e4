"""How the SQLite store's cost grows with the corpus: write and search time as it fills.

    python benchmarks/store_growth.py --articles 31030 --every 5000

analyses SaudiNewsNet articles (read from the zip files in the shared data folder) with
the default pipeline and stores them in a fresh SQLite file in a temp folder, 200 per
transaction as ``marsad analyze --db`` does. Every ``--every`` articles it prints one JSON
line: articles stored so far, the store's milliseconds per article over the last stretch
(writing only, not analysis), the median time of a few Arabic searches, and the file size.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from marsad.config import load_config
from marsad.ingest import IngestOptions, read_inputs
from marsad.model import Article
from marsad.pipeline import Pipeline
from marsad.runners.local import pipeline_signature
from marsad.store import Store

QUERIES = ("الرياض", "وزارة الصحة", "مجلس الوزراء", "كرة القدم", "داعش")


def default_data() -> Path:
    env = os.environ.get("MARSAD_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(default_data()))
    parser.add_argument("--articles", type=int, default=31030, help="articles to store")
    parser.add_argument("--every", type=int, default=5000, help="articles between lines")
    args = parser.parse_args()
    folder = Path(args.data) / "news" / "saudinewsnet" / "dataset"
    zips = sorted(str(p) for p in folder.glob("*.zip"))
    if not zips:
        sys.exit(f"no SaudiNewsNet .zip files in {folder}; pass --data")
    config = load_config()
    pipeline = Pipeline.from_config(config, on_error=None)
    signature = pipeline_signature(pipeline.names)
    batch_size = int(config.get("store", {}).get("batch_size", 200))
    folder = tempfile.mkdtemp(prefix="marsad-store-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = Path(folder) / "growth.db"
    stored, since, write_s = 0, 0, 0.0
    batch: list[Article] = []
    with Store.open(path) as store:

        def flush() -> None:
            nonlocal stored, since, write_s
            began = time.perf_counter()
            store.add(batch, signature)
            write_s += time.perf_counter() - began
            stored += len(batch)
            since += len(batch)
            batch.clear()

        def report() -> None:
            nonlocal since, write_s
            searches = []
            for query in QUERIES:
                began = time.perf_counter()
                store.search(query, limit=20)
                searches.append(time.perf_counter() - began)
            print(json.dumps({
                "measure": "store_growth", "articles_stored": stored,
                "write_ms_per_article": round(1000 * write_s / max(since, 1), 2),
                "search_ms_median": round(1000 * statistics.median(searches), 1),
                "db_mb": round(path.stat().st_size / 1e6, 1),
                "stages": config["pipeline"]["stages"],
                "loadavg": [round(x, 2) for x in os.getloadavg()],
            }), flush=True)
            since, write_s = 0, 0.0

        for item in read_inputs(zips, IngestOptions.from_config(config)):
            if stored + len(batch) >= args.articles:
                break
            if isinstance(item, Article):
                batch.append(pipeline(item))
            if len(batch) >= batch_size:
                flush()
                if since >= args.every:
                    report()
        if batch:
            flush()
        if since:
            report()


if __name__ == "__main__":
    main()
