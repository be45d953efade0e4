"""Speed of the claims stage: one JSON line per measurement (ms per article, articles/s).

    python benchmarks/claims_speed.py [--data ../shared/data] [--articles 1000]

Reads SaudiNewsNet articles (not copied into the project), runs text.v1 once, then times
claims.v1 alone and the text.v1+claims.v1 pipeline on one core.
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path

from marsad.config import SAUDINEWSNET, shared_data_dir
from marsad.ingest import IngestOptions, make_article
from marsad.pipeline import Pipeline
from marsad.registry import Services
from marsad.stages.claims import claims_stage
from marsad.stages.text import text_stage


def load(data: Path, limit: int) -> list:
    out = []
    for path in sorted((data / SAUDINEWSNET).glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            records = json.loads(zf.read(zf.namelist()[0]))
        for i, rec in enumerate(records):
            if rec.get("content", "").strip():
                out.append(make_article(rec["content"], origin=f"{path.name}#{i}",
                                        options=IngestOptions()))
            if len(out) >= limit:
                return out
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    articles = load(shared_data_dir(args.data), args.articles)
    chars = sum(len(a.text) for a in articles)
    services = Services()
    text_fn, claims_fn = text_stage({}, services), claims_stage({}, services)
    prepared = [text_fn(a) for a in articles]
    claims_fn(prepared[0])  # load the lexicon before timing
    t0 = time.perf_counter()
    n_claims = sum(len(claims_fn(a).claims) for a in prepared)
    dt = time.perf_counter() - t0
    print(json.dumps({"measure": "claims.v1 stage", "articles": len(prepared),
                      "mean_chars": round(chars / len(prepared)), "claims": n_claims,
                      "ms_per_article": round(1000 * dt / len(prepared), 3),
                      "articles_per_s": round(len(prepared) / dt, 1)}))
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["text.v1", "claims.v1"]}},
                                    services)
    t0 = time.perf_counter()
    for a in articles:
        pipeline(a)
    dt = time.perf_counter() - t0
    print(json.dumps({"measure": "text.v1+claims.v1 pipeline", "articles": len(articles),
                      "ms_per_article": round(1000 * dt / len(articles), 3),
                      "articles_per_s": round(len(articles) / dt, 1)}))


if __name__ == "__main__":
    main()
