"""Draw the SaudiNewsNet candidates for the events gold set (run once; output: candidates.tsv).

Two pools, both deduplicated by text, 150-2,500 characters, with Syria/Iraq words in the
title or the first 600 characters and no Yemen words there:
  event     at least two violence cue words in the title or the first 600 characters
  negative  Syria/Iraq words but no violence cue word in the title or the first 600 characters
Each pool is shuffled with a fixed seed and interleaved by outlet (round robin), so the
draw order does not favour the outlets that publish most. No article text or title is written
(SaudiNewsNet is CC BY-NC-SA). The annotator then reads the
candidates in draw order and keeps or skips each (reason recorded in gold/events/README.md).

    python gold/events/select_saudinewsnet.py [DATA_DIR] > gold/events/candidates.tsv
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


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("..") / "shared" / "data"
    seen: set[str] = set()
    pools: dict[str, list[tuple]] = {"event": [], "negative": []}
    for name, index, rec in records(data):
        text = clean_text(rec.get("content") or "")
        if text in seen or not 150 <= len(text) <= 2500:
            continue
        seen.add(text)
        head = (rec.get("title") or "") + "\n" + text[:600]
        if not SYRIA_IRAQ.search(head) or YEMEN.search(head):
            continue
        hits = len(VIOLENCE.findall(head))
        pool = "event" if hits >= 2 else "negative" if hits == 0 else None
        if pool:
            pools[pool].append((name, index, rec.get("source") or "", rec.get("url") or "",
                                len(text)))
    print("pool\trank\tzip\tindex\toutlet\turl\tchars")
    for pool, items in pools.items():
        random.Random(SEED).shuffle(items)
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


if __name__ == "__main__":
    main()
