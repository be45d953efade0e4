"""Geocoding speed: gazetteer load time and memory, 1,000 names, and article text.

Prints one JSON line per measurement. Target: 1,000 names in under 2 s after load.
Run: nice -n 10 .venv/bin/python benchmarks/geocode_speed.py
"""

from __future__ import annotations

import json
import resource
import sys
import time
from itertools import cycle, islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "geocode-gold.jsonl"
EXTRA = ["تدمر", "ريف حمص الشرقي", "دير الزور", "مطار دير الزور العسكري", "جبل الثردة",
         "معرة النعمان", "ريف إدلب الجنوبي", "معسكر وادي الضيف", "حقل شاعر", "مطار التيفور",
         "الموصل", "حي الزهراء", "تلعفر", "مضايا", "ريف دمشق", "الباب", "حلب", "لا مكان"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def emit(record: dict) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


def main() -> None:
    before = rss_mb()
    t0 = time.perf_counter()
    from marsad.geo import default_geocoder

    geocoder = default_geocoder()
    load_s = time.perf_counter() - t0
    emit({"benchmark": "geocode_load", "seconds": round(load_s, 3),
          "entries": len(geocoder.gazetteer), "max_rss_mb": round(rss_mb(), 1),
          "rss_added_mb": round(rss_mb() - before, 1)})

    gold = [json.loads(line)["mention"] for line in GOLD.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    names = list(islice(cycle(gold + EXTRA), 1000))
    geocoder.resolve_name(names[0])  # warm caches
    t0 = time.perf_counter()
    resolved = sum(geocoder.resolve_name(n).place is not None for n in names)
    secs = time.perf_counter() - t0
    emit({"benchmark": "geocode_1000_names", "n": len(names), "resolved": resolved,
          "seconds": round(secs, 3), "ms_per_name": round(1000 * secs / len(names), 3),
          "target_seconds": 2.0, "meets_target": secs < 2.0})

    from marsad.cli.analyze import samples_dir
    from marsad.ingest import IngestOptions, read_inputs

    articles = [a for a in read_inputs([str(samples_dir())], IngestOptions())
                if hasattr(a, "text")]
    texts = [a.text for a in articles] * 30
    chars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    found = sum(len(geocoder.places(t + " ")) for t in texts)  # new strings: no view cache
    secs = time.perf_counter() - t0
    emit({"benchmark": "geocode_articles", "articles": len(texts), "chars": chars,
          "places": found, "seconds": round(secs, 3),
          "articles_per_s": round(len(texts) / secs, 1),
          "chars_per_s": round(chars / secs)})


if __name__ == "__main__":
    sys.exit(main())
