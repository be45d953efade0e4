"""Speed of incident linking on a synthetic corpus at a realistic density.

Builds a SQLite store of --articles synthetic articles (default 30,000) whose events report
synthetic incidents: 12 outlets, places drawn from the GeoNames cities500 rows for Syria,
Iraq and Turkey (weighted towards large towns), each incident reported by 1-8 outlets
(mean about 1.8) with the noise real reports have (a day off, a region-level or missing
place, a different toll, a dropped actor, generic types, copied wire texts). Two densities:

- ``news`` (default): a general news stream like SaudiNewsNet (31,030 articles in a month,
  of which under 5% lead with a Syria/Iraq/Turkey/Yemen/Libya conflict event): 8% of
  articles carry events, 1.3 on average, over 31 days;
- ``conflict``: a stream of conflict outlets, where 60% of articles carry events, 1.5 on
  average, over 180 days.

Times ``link_store`` from scratch (embeddings on unless --no-embeddings), then an
incremental run adding 1% more articles; prints one JSON line per run. Building the store
is not timed.

    nice -n 10 .venv/bin/python benchmarks/incidents_link.py [--articles 30000]
        [--density news|conflict] [--no-embeddings] [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from marsad.config import shared_data_dir
from marsad.corpus.incidents import link_store
from marsad.ingest import IngestOptions, make_article
from marsad.model import Actor, DateValue, Event, Place, Quantity, Source, Span
from marsad.store import Store

OUTLETS = ["Orient Net", "Enab Baladi", "SMART", "Zaman al-Wasl", "Aawsat", "Al Jazeera",
           "SANA", "Anadolu", "Rudaw", "Alsumaria", "Al Mada", "Step News"]
TYPES = {  # type: (weight, phrases, generic alternative)
    "air_strike": (30, ["غارة جوية", "قصف جوي", "غارات للطيران الحربي"], "explosion"),
    "shelling": (20, ["قصف مدفعي", "سقوط قذائف", "قصف صاروخي"], "explosion"),
    "remote_explosive": (12, ["انفجار سيارة مفخخة", "انفجار عبوة ناسفة"], "explosion"),
    "suicide_bomb": (6, ["هجوم انتحاري", "تفجير انتحاري"], "explosion"),
    "armed_clash": (22, ["اشتباكات عنيفة", "معارك ضارية"], "attack"),
    "territory_gain": (5, ["سيطرة", "تقدم"], "attack"),
    "abduction": (3, ["خطف", "اختطاف"], "attack"),
    "arrest": (2, ["اعتقال", "حملة دهم واعتقال"], None),
}
ACTORS = ["Military Forces of Syria", "Islamic State", "Syrian rebels", "Jabhat al Nusra",
          "YPG: People's Protection Units", "Military Forces of Iraq", "Coalition Forces",
          "Military Forces of Russia", "PKK: Kurdistan Workers Party", "Hezbollah"]
VICTIMS = ["Civilians (Syria)", "Civilians (Iraq)"]
FILLER = ["وأفادت مصادر محلية", "بحسب ناشطين", "وفق ما نقلت وكالات", "في حصيلة أولية",
          "وسط حالة من الهلع", "وأشارت المصادر إلى", "صباح اليوم", "مساء أمس",
          "في ظل تصعيد مستمر", "بينهم أطفال ونساء", "ولم تتبن أي جهة", "والعدد مرشح للارتفاع"]


def load_places(data: Path) -> list[dict]:
    path = data / "geo" / "cities500_SY_IQ_LB_JO_TR_PS_IL.tsv"
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")
                if r["countrycode"] in ("SY", "IQ", "TR") and r["arabic_names"]]
    for r in rows:
        r["weight"] = max(1.0, float(r["population"] or 0)) ** 0.5
        r["ar"] = r["arabic_names"].split("|")[0]
    return rows


DENSITIES = {"news": (0.08, 1.3, 31), "conflict": (0.6, 1.5, 180)}


def synthetic_events(n_articles: int, places: list[dict], seed: int, density: str = "news",
                     start: dt.date = dt.date(2016, 1, 1),
                     prefix: str = "") -> list[tuple[str, str, dt.date, list[Event]]]:
    """(text, outlet, published, events) for each synthetic article."""
    rng = random.Random(seed)
    weights = [p["weight"] for p in places]
    type_names = list(TYPES)
    type_weights = [TYPES[t][0] for t in type_names]
    by_admin: dict[tuple[str, str], list[dict]] = {}
    for p in places:
        by_admin.setdefault((p["countrycode"], p["admin1code"]), []).append(p)
    share, per_article, days = DENSITIES[density]
    event_articles = max(1, int(n_articles * share))
    slots = []  # (article number, event sentence, Event) to be grouped into articles
    n_events = int(event_articles * per_article)
    made = 0
    incident = 0
    while made < n_events:
        incident += 1
        kind = rng.choices(type_names, type_weights)[0]
        place = rng.choices(places, weights)[0]
        day = start + dt.timedelta(days=rng.randrange(days))
        perp = rng.choice(ACTORS)
        target = rng.choice(VICTIMS + ACTORS)
        toll = rng.choice([0, 1, 2, 3, 5, 7, 10, 12, 15, 20, 30])
        reports = min(8, 1 + int(rng.expovariate(1 / 1.4)))
        outlets = rng.sample(OUTLETS, reports)
        wire = None
        for outlet in outlets:
            made += 1
            r_day = day + dt.timedelta(days=rng.choice([0] * 8 + [1, -1]))
            precision = rng.choices([1, 2], [9, 1])[0]
            when = DateValue(r_day, r_day - dt.timedelta(days=precision - 1),
                             r_day + dt.timedelta(days=precision - 1), precision)
            roll = rng.random()
            if roll < 0.7:
                where = place
                geo = 1
            elif roll < 0.85:
                where = rng.choice(by_admin[(place["countrycode"], place["admin1code"])])
                geo = 3
            else:
                where, geo = None, None
            r_kind = kind
            if TYPES[kind][2] and rng.random() < 0.1:
                r_kind = TYPES[kind][2]
            r_toll = toll if rng.random() < 0.6 else max(0, toll + rng.choice([-2, -1, 1, 3, 5]))
            actors = []
            if rng.random() < 0.7:
                actors.append(Actor("actor1", perp))
            if rng.random() < 0.6:
                actors.append(Actor("actor2", target))
            phrase = rng.choice(TYPES[kind][1])
            sentence = (f"قتل {r_toll} أشخاص في {phrase} على {place['ar']} "
                        f"{' '.join(rng.sample(FILLER, 3))}")
            if wire is not None and rng.random() < 0.3:
                sentence = wire
            wire = wire or sentence
            event = Event(
                id=f"ev_{prefix}{incident}_{outlet[:3]}_{made}", article_id="", type=r_kind,
                outlet=outlet, published=r_day + dt.timedelta(days=1), date=when,
                actors=tuple(actors),
                location=None if where is None else Place(
                    name=where["name"], lat=float(where["latitude"]),
                    lon=float(where["longitude"]), country=where["countrycode"],
                    admin1=where["admin1code"], gazetteer_id="geonames:" + where["geonameid"],
                    precision=geo),
                fatalities=Quantity(r_toll, r_toll),
                sources=(Source(rng.choice(["observers", "anonymous", "official", "media"])),),
            )
            slots.append((rng.randrange(event_articles), sentence, event))
    grouped: dict[int, list[tuple[str, Event]]] = {}
    for number, sentence, event in slots:
        grouped.setdefault(number, []).append((sentence, event))
    articles = []
    for number in range(n_articles):
        pieces = grouped.get(number, [])[:3]
        if not pieces:
            articles.append((f"مقال {prefix}{number}: تقرير عام عن الأوضاع الإنسانية والسياسية",
                             rng.choice(OUTLETS), start + dt.timedelta(days=rng.randrange(days)),
                             []))
            continue
        outlet = pieces[0][1].outlet or OUTLETS[0]
        text, events = "", []
        for sentence, event in pieces:
            if text:
                text += "\n\n"
            s = len(text)
            text += sentence
            events.append(replace(event, outlet=outlet, evidence=(Span(s, len(text)),)))
        text = f"{text}\n\n(مقال رقم {prefix}{number})"
        articles.append((text, outlet, events[0].published, events))
    return articles


def build_store(path: Path, articles, batch: int = 500) -> int:
    options = IngestOptions()
    count = 0
    with Store.open(path) as store:
        chunk = []
        for text, outlet, published, events in articles:
            article = make_article(text, origin="<synthetic>", options=options, outlet=outlet,
                                   published=published)
            article = replace(article, events=tuple(replace(e, article_id=article.id)
                                                    for e in events))
            count += len(events)
            chunk.append(article)
            if len(chunk) >= batch:
                store.add(chunk, "synthetic")
                chunk = []
        if chunk:
            store.add(chunk, "synthetic")
    return count


def timed_link(db: Path, embeddings: bool) -> dict:
    """``link_store`` on the store at DB: its summary, with the wall-clock seconds."""
    with Store.open(db) as store:
        started = time.perf_counter()
        summary = link_store(store, use_embeddings=embeddings)
        seconds = time.perf_counter() - started
    return {**summary.to_dict(), "seconds": round(seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--data", default=None)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--density", choices=sorted(DENSITIES), default="news")
    parser.add_argument("--no-embeddings", action="store_true")
    args = parser.parse_args()
    places = load_places(shared_data_dir(args.data))
    embeddings = not args.no_embeddings
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        articles = synthetic_events(args.articles, places, args.seed, args.density)
        events = build_store(db, articles)
        print(json.dumps({"benchmark": "incidents_link", "run": "from scratch",
                          "density": args.density, "articles": args.articles,
                          "events": events, **timed_link(db, embeddings),
                          "cpus": os.cpu_count(), "embeddings": embeddings,
                          "target_seconds": 300}), flush=True)
        more = synthetic_events(max(1, args.articles // 100), places, args.seed + 1,
                                args.density, prefix="new")
        added = build_store(db, more)
        print(json.dumps({"benchmark": "incidents_link", "run": "incremental",
                          "density": args.density, "articles_added": len(more),
                          "events_added": added, **timed_link(db, embeddings)}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
