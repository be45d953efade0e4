"""Speed of the map's GeoJSON API over 100,000 stored events (SQLite), over real HTTP.

Builds (or reuses) a database of synthetic events with a realistic spread of types,
dates, places, actors, weapons, outlets and certainty, serves it with ``marsad serve``'s
app (uvicorn, in a thread, on 127.0.0.1) and times typical filtered queries. Prints one
JSON line per measurement; the target is a filtered GeoJSON query under 200 ms.

    nice -n 10 .venv/bin/python benchmarks/api_geojson.py [--events 100000] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from marsad.api.background import BackgroundServer
from marsad.model import (
    AcledType,
    Actor,
    Article,
    DateValue,
    Event,
    Place,
    Quantity,
    Source,
    Span,
    Weapon,
)
from marsad.store import Store

TARGET_MS = 200.0
# (governorate, country, lat, lon, share of events)
REGIONS = [
    ("Aleppo", "SY", 36.20, 37.15, 0.18), ("Idlib", "SY", 35.93, 36.63, 0.15),
    ("Rif Dimashq", "SY", 33.52, 36.50, 0.10), ("Damascus", "SY", 33.51, 36.29, 0.04),
    ("Homs", "SY", 34.73, 36.71, 0.08), ("Hama", "SY", 35.13, 36.75, 0.08),
    ("Deir ez-Zor", "SY", 35.34, 40.14, 0.07), ("Ar-Raqqa", "SY", 35.95, 39.01, 0.05),
    ("Dar'a", "SY", 32.62, 36.10, 0.05), ("Al-Hasakeh", "SY", 36.50, 40.75, 0.03),
    ("Lattakia", "SY", 35.52, 35.79, 0.02), ("Quneitra", "SY", 33.13, 35.82, 0.01),
    ("Nineveh", "IQ", 36.34, 43.13, 0.07), ("Anbar", "IQ", 33.42, 43.30, 0.04),
    ("Salah al-Din", "IQ", 34.60, 43.68, 0.03),
]
TYPES = [("airstrike", 0.28, "Explosions/Remote violence", "Air/drone strike", "ASSAULT"),
         ("shelling", 0.24, "Explosions/Remote violence", "Shelling/artillery/missile attack",
          "ASSAULT"),
         ("armed_clash", 0.20, "Battles", "Armed clash", "ASSAULT"),
         ("territory_capture", 0.08, "Battles", "Non-state actor overtakes territory",
          "ASSAULT"),
         ("weapons_seizure", 0.05, "Strategic developments", "Looting/property destruction",
          "COERCE"),
         ("suicide_bombing", 0.04, "Explosions/Remote violence", "Suicide bomb", "ASSAULT"),
         ("abduction", 0.04, "Violence against civilians", "Abduction/forced disappearance",
          "COERCE"),
         ("protest", 0.04, "Protests", "Peaceful protest", "PROTEST"),
         ("aid_delivery", 0.03, "Strategic developments", "Other", "AID")]
ACTORS = [("Military Forces of Syria", 1), ("Islamic State", 2), ("Hayat Tahrir al-Sham", 2),
          ("Syrian Democratic Forces", 2), ("Military Forces of Russia", 8),
          ("Military Forces of Turkey", 8), ("Free Syrian Army", 2), ("Hezbollah", 8),
          ("Military Forces of Iraq", 1), ("Popular Mobilization Forces", 3),
          ("Civilians (Syria)", 7), ("Civilians (Iraq)", 7), ("Ahrar al-Sham", 2),
          ("Jaysh al-Islam", 2), ("Kurdish People's Protection Units", 2),
          ("National Defence Forces", 3), ("Military Forces of the United States", 8)]
WEAPONS = [("9K32 Strela-2", "MANPADS"), ("9K333 Verba", "MANPADS"), ("BGM-71 TOW", "ATGM"),
           ("barrel bomb", "Barrel bomb"), ("VBIED", "IED"), ("IED", "IED"),
           ("BM-21 Grad", "MLRS"), ("artillery", "Artillery"), ("Su-24", "Aircraft"),
           ("mortar", "Artillery")]
OUTLETS = ["Orient Net", "Zaman al-Wasl", "Enab Baladi", "SMART News", "Al-Masdar",
           "Asharq Al-Awsat", "Alsumaria News", "SANA", "Step News", "Baladi News",
           "Al-Jazeera", "Al-Arabiya", "Syria TV", "North Press"]
CERTAINTIES = [("reported", 0.55), ("asserted", 0.25), ("alleged", 0.12), ("hedged", 0.08)]
FIRST_DAY = dt.date(2012, 1, 1)
DAYS = (dt.date(2019, 12, 31) - FIRST_DAY).days


def _pick(rng: random.Random, weighted: list, index: int = 1):
    return rng.choices(weighted, weights=[w[index] for w in weighted])[0]


def synthetic_articles(n_events: int, per_article: int = 5, seed: int = 7):
    """Articles with ``per_article`` events each; dates cluster like an escalating war."""
    rng = random.Random(seed)
    for a in range(n_events // per_article):
        region = _pick(rng, REGIONS, 4)
        # more reporting in the middle years
        day = FIRST_DAY + dt.timedelta(days=int(min(DAYS, max(0, rng.gauss(DAYS * 0.55,
                                                                          DAYS * 0.22)))))
        outlet = rng.choice(OUTLETS)
        text = (f"خبر رقم {a}: تقرير من {region[0]} عن أحداث يوم {day.isoformat()} "
                "بحسب مصادر محلية ومراقبين، مع تفاصيل عن القصف والاشتباكات والضحايا.")
        article_id = f"ar_bench{a:08d}"
        events = []
        for k in range(per_article):
            kind, _, acled_type, sub_type, plover = _pick(rng, TYPES)
            lat = region[2] + rng.gauss(0, 0.25)
            lon = region[3] + rng.gauss(0, 0.25)
            name, inter = rng.choice(ACTORS)
            actors = [Actor("actor1", name, None, inter)]
            if rng.random() < 0.6:
                name, inter = rng.choice(ACTORS)
                actors.append(Actor("actor2", name, None, inter))
            weapons = ()
            if rng.random() < 0.3:
                wname, category = rng.choice(WEAPONS)
                weapons = (Weapon(wname, category),)
            killed = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 20, 35])
            event_day = day - dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
            events.append(Event(
                id=f"ev_bench{a:08d}{k}", article_id=article_id, type=kind, outlet=outlet,
                published=day, acled=AcledType(acled_type, sub_type), plover=plover,
                date=DateValue(event_day, event_day, event_day, 1),
                actors=tuple(actors),
                location=Place(f"{region[0]} place {rng.randint(1, 40)}", None,
                               round(lat, 5), round(lon, 5), region[1], region[0],
                               precision=rng.choice([1, 1, 2, 3])),
                fatalities=Quantity(killed, killed) if killed is not None else None,
                weapons=weapons,
                sources=(Source(rng.choice(["anonymous", "official", "observers", "media"])),),
                certainty=_pick(rng, CERTAINTIES)[0],
                evidence=(Span(0, len(text)),),
            ))
        yield Article(id=article_id, text=text, title=f"خبر {a}", outlet=outlet,
                      published=day, url=f"https://example.org/bench/{a}", lang="ar",
                      events=tuple(events))


def build(path: Path, n_events: int) -> float:
    started = time.perf_counter()
    with Store.open(path) as store:
        batch: list[Article] = []
        for article in synthetic_articles(n_events):
            batch.append(article)
            if len(batch) == 1000:
                store.add(batch, "benchmark")
                batch = []
        if batch:
            store.add(batch, "benchmark")
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


QUERIES = [
    ("geojson: one type, one year", "/api/geojson?type=airstrike&date_from=2016-01-01"
                                    "&date_to=2016-12-31"),
    ("geojson: one month, all types", "/api/geojson?date_from=2016-03-01&date_to=2016-03-31"),
    ("geojson: actor and year", "/api/geojson?actor=Islamic%20State&date_from=2015-01-01"
                                "&date_to=2015-12-31"),
    ("geojson: weapon category", "/api/geojson?weapon_category=MANPADS"),
    ("geojson: region and certainty", "/api/geojson?admin1=Aleppo&certainty=alleged"),
    ("geojson: bounding box and year", "/api/geojson?bbox=36.5,35.5,37.5,36.5"
                                       "&date_from=2017-01-01&date_to=2017-12-31"),
    ("geojson: outlet and type", "/api/geojson?outlet=Enab%20Baladi&type=shelling"),
    ("geojson: unfiltered (first 20,000 of all)", "/api/geojson"),
    ("timeline: one type", "/api/timeline?type=airstrike"),
    ("events: first page, one type", "/api/events?type=armed_clash&limit=100"),
    ("facets", "/api/facets"),
]


def measure(port: int, url: str, repeat: int) -> dict:
    timings = []
    size = features = 0
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for i in range(repeat + 2):
        started = time.perf_counter()
        conn.request("GET", url)
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}: {body[:200]!r}")
        if i >= 2:  # two warm-up requests
            timings.append(elapsed)
        size = len(body)
        if i == 0 and url.startswith("/api/geojson"):
            features = len(json.loads(body)["features"])
    conn.close()
    timings.sort()
    return {"median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
            "max_ms": round(timings[-1], 1), "bytes": size, "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None,
                        help="database to build or reuse (default: a temporary file)")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    folder = None
    if args.db is None:
        folder = tempfile.TemporaryDirectory(prefix="marsad-bench-")
        args.db = Path(folder.name) / "bench.db"
    reuse = args.db.exists()
    if reuse:
        with Store.open(args.db) as store:
            reuse = store.counts()["events"] == args.events
    if not reuse:
        args.db.unlink(missing_ok=True)
        seconds = build(args.db, args.events)
        print(json.dumps({"benchmark": "api_geojson", "measure": "build", "events": args.events,
                          "seconds": round(seconds, 1),
                          "db_mb": round(args.db.stat().st_size / 2**20, 1)}), flush=True)
    with Store.open(args.db) as store, BackgroundServer(store) as url:
        port = int(url.rsplit(":", 1)[1])
        for name, path in QUERIES:
            result = measure(port, path, args.repeat)
            line = {"benchmark": "api_geojson", "measure": name, "url": path,
                    "events": args.events, **result}
            if path.startswith("/api/geojson") and "unfiltered" not in name:
                line["target_ms"] = TARGET_MS
                line["under_target"] = result["median_ms"] < TARGET_MS
            print(json.dumps(line, ensure_ascii=False), flush=True)
    if folder is not None:
        folder.cleanup()

if __name__ == "__main__":
    sys.exit(main())
