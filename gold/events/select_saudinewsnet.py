"""Draw the SaudiNewsNet candidates for the events gold set (run once per pool).

Two pools, both deduplicated by text, 150-2,500 characters, with Syria/Iraq words in the
title or the first 600 characters and no Yemen words there:
  event     at least two violence cue words in the title or the first 600 characters
  negative  Syria/Iraq words but no violence cue word in the title or the first 600 characters
Each pool is shuffled with a fixed seed and interleaved by outlet (round robin), so the
draw order does not favour the outlets that publish most. No article text or title is written
(SaudiNewsNet is CC BY-NC-SA). The annotator then reads the
candidates in draw order and keeps or skips each (reason recorded in gold/events/README.md).

    python gold/events/select_saudinewsnet.py [DATA_DIR] > gold/events/candidates.tsv

With ``--long`` it draws a third pool instead, for the `test3` part of the gold set, drawn
after every rank of the `event` pool had been read by developers:
  event_long  the `event` pool's criteria (Syria/Iraq, no Yemen, at least two violence cue
              words) on the articles of 2,501-4,500 characters, deduplicated by text the
              same way, shuffled with its own seed (LONG_SEED) and interleaved by outlet.

    python gold/events/select_saudinewsnet.py --long [DATA_DIR] > gold/events/candidates_long.tsv

With ``--xl`` it draws a fourth pool, for `dev5`, drawn after every rank of `event_long` had
been read:
  event_xl    the same criteria on the articles of 4,501-7,000 characters, shuffled with
              its own seed (XL_SEED) and interleaved by outlet.

    python gold/events/select_saudinewsnet.py --xl [DATA_DIR] > gold/events/candidates_xl.tsv

With ``--one`` it draws a fifth pool, for `dev6`, drawn after every rank of `event_xl` had
been read:
  event_one   Syria/Iraq words and no Yemen words in the title or the first 600 characters,
              exactly one violence cue word there (the band between `negative` and the event
              pools, so none of its articles is in another pool), 1,000-7,000 characters,
              shuffled with its own seed (ONE_SEED) and interleaved by outlet. Fewer events
              per article and more that only mention the war: a test of precision.

    python gold/events/select_saudinewsnet.py --one [DATA_DIR] > gold/events/candidates_one.tsv
"""

from __future__ import annotations

import json
import random
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from marsad.ingest.records import clean_text

SEED = 20150721
LONG_SEED = 20261107
XL_SEED = 20261123
ONE_SEED = 20261124
SYRIA_IRAQ = re.compile(
    "سوري|العراق|دمشق|حلب|حمص|حماة|إدلب|ادلب|درعا|الرقة|دير الزور|الحسكة|القامشلي|اللاذقية|"
    "طرطوس|القنيطرة|الزبداني|تدمر|كوباني|عين العرب|تل أبيض|بغداد|الموصل|الأنبار|الرمادي|"
    "الفلوجة|تكريت|بيجي|ديالى|كركوك|سامراء|صلاح الدين|نينوى|سنجار|أربيل|بعقوبة|خورماتو|"
    "داعش|تنظيم الدولة|النصرة|البيشمركة|الحشد الشعبي"
)
YEMEN = re.compile("اليمن|يمني|الحوثي|صنعاء|عدن|تعز|مأرب|لحج|الضالع|شبوة|أبين")
VIOLENCE = re.compile(
    "غارة|غارات|قصف|اشتباك|معارك|سيطر|انفجار|مفخخ|انتحاري|مقتل|قتلى|قتيل|قذائف|براميل|"
    "استعاد|تقدم|انسحب|اختطف|خطف|هجوم|تفجير|صاروخ|اعتقال|أسر"
)


def records(data: Path):
    for path in sorted((data / "news" / "saudinewsnet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            items = json.loads(zf.read(zf.namelist()[0]))
        for index, rec in enumerate(items):
            yield path.name, index, rec


def draw(data: Path, low: int, high: int, pools: dict[str, list[tuple]],
         classify) -> None:
    """Fill ``pools`` with the deduplicated articles of ``low``-``high`` characters."""
    seen: set[str] = set()
    for name, index, rec in records(data):
        text = clean_text(rec.get("content") or "")
        if text in seen or not low <= len(text) <= high:
            continue
        seen.add(text)
        head = (rec.get("title") or "") + "\n" + text[:600]
        if not SYRIA_IRAQ.search(head) or YEMEN.search(head):
            continue
        pool = classify(len(VIOLENCE.findall(head)))
        if pool:
            pools[pool].append((name, index, rec.get("source") or "", rec.get("url") or "",
                                len(text)))


def print_pools(pools: dict[str, list[tuple]], seed: int) -> None:
    """Shuffle each pool with ``seed``, interleave it by outlet and print its ranks."""
    print("pool\trank\tzip\tindex\toutlet\turl\tchars")
    for pool, items in pools.items():
        random.Random(seed).shuffle(items)
        by_outlet: dict[str, list[tuple]] = defaultdict(list)
        for item in items:
            by_outlet[item[2]].append(item)
        order: list[tuple] = []
        while any(by_outlet.values()):
            for outlet in sorted(by_outlet):
                if by_outlet[outlet]:
                    order.append(by_outlet[outlet].pop(0))
        for rank, (name, index, outlet, url, chars) in enumerate(order, 1):
            print(f"{pool}\t{rank}\t{name}\t{index}\t{outlet}\t{url}\t{chars}")


# The later pools, each drawn once by its flag: (pool, characters, seed, cue-word rule).
LATER_POOLS = {
    "--long": ("event_long", (2501, 4500), LONG_SEED, lambda hits: hits >= 2),
    "--xl": ("event_xl", (4501, 7000), XL_SEED, lambda hits: hits >= 2),
    "--one": ("event_one", (1000, 7000), ONE_SEED, lambda hits: hits == 1),
}


def main() -> None:
    args = sys.argv[1:]
    flags = [arg for arg in args if arg in LATER_POOLS]
    args = [arg for arg in args if arg not in LATER_POOLS]
    data = Path(args[0]) if args else Path("..") / "shared" / "data"
    if flags:
        name, (low, high), seed, rule = LATER_POOLS[flags[0]]
        pools: dict[str, list[tuple]] = {name: []}
        draw(data, low, high, pools, lambda hits: name if rule(hits) else None)
        print_pools(pools, seed)
        return
    pools = {"event": [], "negative": []}
    draw(data, 150, 2500, pools,
         lambda hits: "event" if hits >= 2 else "negative" if hits == 0 else None)
    print_pools(pools, SEED)


if __name__ == "__main__":
    main()
