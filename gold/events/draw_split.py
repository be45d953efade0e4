"""Fix the article list of the events gold set and draw its dev/test split (run once).

Writes gold/events/articles.tsv: one line per article with its key, group, split and
reference. The kept SaudiNewsNet candidates are the ranks of candidates.tsv listed below
(read in draw order, skipped when off scope: see README.md). The split is drawn per group
(SaudiNewsNet event pool, SaudiNewsNet negative pool, hand-written) with a seeded shuffle:
the first round(35%) of each shuffled group is `test`, the rest `dev`. The samples bundled
with marsad are always `dev`: they are the demo inputs every developer runs and sees.
This was run before any event was annotated and before any event detector existed.

`test2` is a second held-out part, added after `test` had been run six times to report
scores: event-pool candidates of rank 200 and above, read in rank order and kept by the
same rule (KEPT_TEST2), all of them `test2` (no draw), listed after the first set so its
rows are unchanged. They were annotated before any detector output on them was seen.

`test3` is a third held-out part, added after `test` had been run eight times and `test2`
three times, when developers had read every rank of the `event` pool: candidates of the
new `event_long` pool (candidates_long.tsv, articles of 2,501-4,500 characters) read in
rank order and kept by the same rule (KEPT_TEST3), all of them `test3` (no draw), listed
after `test2` so the earlier rows are unchanged.

`dev2` is a second tuning part, added because the rules tuned on `dev` over-fit it: later
candidates of the same `event_long` pool (ranks 51 and up) read in rank order and kept by
the same rule (KEPT_DEV2), all of them `dev2` (no draw), listed after `test3` so the
earlier rows are unchanged.

`dev3` is a third tuning part: the next unread ranks of the `event_long` pool (68-103),
read in rank order in two halves (68-85 and 86-103) and kept by the same rule (KEPT_DEV3),
all of them `dev3` (no draw), listed after `dev2` so the earlier rows are unchanged.

`dev4` is a fourth tuning part, for a learned component: ranks of the `event_long` pool
that `dev3` left unread, read in rank order and kept by the same rule (KEPT_DEV4), all of
them `dev4` (no draw), listed after `dev3` so the earlier rows are unchanged.

`dev5` is a fifth tuning part, for a learned component: ranks of a new pool of still longer
articles (`event_xl` in candidates_xl.tsv, drawn after every rank of `event_long` had been
read), read in rank order and kept by the same rule (KEPT_DEV5), all of them `dev5` (no
draw), listed after `dev4` so the earlier rows are unchanged.

`dev6` is a sixth tuning part: ranks of a new pool of articles whose head holds exactly one
violence cue word (`event_one` in candidates_one.tsv, drawn after every rank of `event_xl`
had been read), read in rank order (KEPT_DEV6), all of them `dev6` (no draw), listed after
`dev5` so the earlier rows are unchanged.

    python gold/events/draw_split.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SEED = 6062015
TEST_SHARE = 0.35
HERE = Path(__file__).resolve().parent
KEPT = {
    "event": [3, 9, 12, 14, 15, 16, 19, 20, 22, 24, 25, 26, 27, 28, 32, 33, 34, 35, 36, 37,
              38, 40, 41, 42, 43, 44, 46, 47, 48, 49, 51, 53, 55, 56, 57, 58, 60, 61, 62, 65,
              66, 67, 68, 72, 77, 82, 84, 86, 87, 89, 90],
    "negative": [5, 22, 23, 26, 27, 28, 29],
}
KEPT_TEST2 = [202, 204, 207, 209, 211, 212, 214, 215, 219, 220, 221, 222]
KEPT_TEST3 = [1, 2, 7, 9, 15, 16, 19, 36, 42, 45, 46, 47, 49, 50]
KEPT_DEV2 = [54, 55, 62, 63, 65, 67]
KEPT_DEV3 = [68, 69, 70, 72, 73, 87, 90, 91, 92, 94]
KEPT_DEV4 = [81, 83, 84, 97, 101, 102]
KEPT_DEV5 = [5, 6, 10, 12, 13, 15, 17, 25, 28, 29, 30]
KEPT_DEV6 = [8, 15, 30, 31, 35, 38, 41, 42, 44, 48, 53, 58, 61, 65, 72, 74, 76, 80, 87, 108,
             113, 116]
SAMPLES = [
    ("sample-01-orient-palmyra-verba", "01-orient-palmyra-verba.txt", 0),
    ("sample-02-zamanalwasl-deirezzor-sa7", "02-zamanalwasl-deirezzor-sa7.txt", 0),
    ("sample-03-enabbaladi-maarat-airstrike", "03-enabbaladi-maarat-airstrike.html", 0),
    ("sample-04-smart-shaer-gasfield", "04-smart-shaer-gasfield.md", 0),
    ("sample-05-wires-0", "05-wires.jsonl", 0),
    ("sample-05-wires-1", "05-wires.jsonl", 1),
    ("sample-06-aawsat-albab-turkish-strikes", "06-aawsat-albab-turkish-strikes.txt", 0),
]


def candidate(row: dict[str, str]) -> dict[str, str]:
    """A candidates.tsv row as an article: key, kind, reference and url."""
    key = f"snn-{row['zip'].removesuffix('.zip')}-{int(row['index']):04d}"
    return {"key": key, "kind": "saudinewsnet", "ref": f"{row['zip']}#{row['index']}",
            "url": row["url"]}


def main() -> None:
    groups: dict[str, list[dict[str, str]]] = {"snn-event": [], "snn-negative": [], "hand": []}
    test2: list[dict[str, str]] = []
    with (HERE / "candidates.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            item = candidate(row)
            if int(row["rank"]) in KEPT[row["pool"]]:
                groups[f"snn-{row['pool']}"].append(item)
            elif row["pool"] == "event" and int(row["rank"]) in KEPT_TEST2:
                test2.append({**item, "group": "snn-event", "split": "test2"})
    for path in sorted((HERE / "texts").glob("*.txt")):
        groups["hand"].append({"key": f"hand-{path.stem}", "kind": "file",
                               "ref": f"texts/{path.name}", "url": ""})
    rows = []
    for group, items in groups.items():
        items.sort(key=lambda item: item["key"])
        order = list(items)
        random.Random(f"{SEED}-{group}").shuffle(order)
        n_test = round(TEST_SHARE * len(order))
        test = {item["key"] for item in order[:n_test]}
        for item in items:
            rows.append({**item, "group": group,
                         "split": "test" if item["key"] in test else "dev"})
    for key, name, record in SAMPLES:
        rows.append({"key": key, "kind": "sample", "ref": f"{name}#{record}", "url": "",
                     "group": "sample", "split": "dev"})
    rows.extend(sorted(test2, key=lambda item: item["key"]))
    with (HERE / "candidates_long.tsv").open(encoding="utf-8") as fh:
        long_pool = [row for row in csv.DictReader(fh, delimiter="\t")
                     if row["pool"] == "event_long"]
    for split, kept in (("test3", KEPT_TEST3), ("dev2", KEPT_DEV2), ("dev3", KEPT_DEV3),
                        ("dev4", KEPT_DEV4)):
        part = [{**candidate(row), "group": "snn-event-long", "split": split}
                for row in long_pool if int(row["rank"]) in kept]
        rows.extend(sorted(part, key=lambda item: item["key"]))
    for name, pool, split, kept in (("candidates_xl.tsv", "event_xl", "dev5", KEPT_DEV5),
                                    ("candidates_one.tsv", "event_one", "dev6", KEPT_DEV6)):
        group = "snn-" + pool.replace("_", "-")
        with (HERE / name).open(encoding="utf-8") as fh:
            part = [{**candidate(row), "group": group, "split": split}
                    for row in csv.DictReader(fh, delimiter="\t")
                    if row["pool"] == pool and int(row["rank"]) in kept]
        rows.extend(sorted(part, key=lambda item: item["key"]))
    with (HERE / "articles.tsv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, ["key", "group", "split", "kind", "ref", "url"],
                                delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    for group in (*groups, "sample", "snn-event-long", "snn-event-xl", "snn-event-one"):
        picked = [r for r in rows if r["group"] == group]
        print(group, len(picked), *(f"{split}: {sum(r['split'] == split for r in picked)}"
                                    for split in ("test", "test2", "test3", "dev2", "dev3",
                                                  "dev4", "dev5", "dev6")))


if __name__ == "__main__":
    main()
