import csv
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from marsad.cli.main import app
from marsad.errors import GoldError
from marsad.events.gold import load_gold, text_hash
from marsad.events.gold_source import build
from marsad.ingest import IngestOptions
from marsad.ingest.records import clean_text, record_to_article

GOLD_DIR = Path(__file__).resolve().parents[2] / "gold" / "events"
GOLD = GOLD_DIR / "events.jsonl"


def records():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def local_keys():
    return [r["key"] for r in records() if r["source"]["kind"] != "saudinewsnet"]


def test_the_committed_gold_set_has_its_documented_size_and_split():
    rows = records()
    assert len(rows) == 154
    assert sum(len(r["events"]) for r in rows) == 660
    test = [r for r in rows if r["split"] == "test"]
    assert len(test) == 23 and sum(len(r["events"]) for r in test) == 58
    test2 = [r for r in rows if r["split"] == "test2"]
    assert len(test2) == 12 and sum(len(r["events"]) for r in test2) == 31
    assert {r["group"] for r in test2} == {"snn-event"}
    test3 = [r for r in rows if r["split"] == "test3"]
    assert len(test3) == 14 and sum(len(r["events"]) for r in test3) == 103
    assert {r["group"] for r in test3} == {"snn-event-long"}
    assert all(2501 <= r["chars"] <= 4500 for r in test3)
    dev2 = [r for r in rows if r["split"] == "dev2"]
    assert len(dev2) == 6 and sum(len(r["events"]) for r in dev2) == 44
    assert {r["group"] for r in dev2} == {"snn-event-long"}
    assert all(2501 <= r["chars"] <= 4500 for r in dev2)
    dev3 = [r for r in rows if r["split"] == "dev3"]
    assert len(dev3) == 10 and sum(len(r["events"]) for r in dev3) == 109
    assert {r["group"] for r in dev3} == {"snn-event-long"}
    assert all(2501 <= r["chars"] <= 4500 for r in dev3)
    dev4 = [r for r in rows if r["split"] == "dev4"]
    assert len(dev4) == 6 and sum(len(r["events"]) for r in dev4) == 39
    assert {r["group"] for r in dev4} == {"snn-event-long"}
    assert all(2501 <= r["chars"] <= 4500 for r in dev4)
    dev5 = [r for r in rows if r["split"] == "dev5"]
    assert len(dev5) == 11 and sum(len(r["events"]) for r in dev5) == 123
    assert {r["group"] for r in dev5} == {"snn-event-xl"}
    assert all(4501 <= r["chars"] <= 7000 for r in dev5)
    dev6 = [r for r in rows if r["split"] == "dev6"]
    assert len(dev6) == 22 and sum(len(r["events"]) for r in dev6) == 34
    assert {r["group"] for r in dev6} == {"snn-event-one"}
    assert sum(not r["events"] for r in dev6) == 7
    assert all(1000 <= r["chars"] <= 7000 for r in dev6)
    assert all(r["split"] == "dev" for r in rows if r["group"] == "sample")
    with (GOLD_DIR / "articles.tsv").open(encoding="utf-8") as fh:
        listed = {row["key"]: row["split"] for row in csv.DictReader(fh, delimiter="\t")}
    assert listed == {r["key"]: r["split"] for r in rows}
    assert sum(1 for r in rows if not r["events"]) >= 10


def test_the_split_is_the_seeded_draw(tmp_path):
    for name in ("draw_split.py", "candidates.tsv", "candidates_long.tsv",
                 "candidates_xl.tsv", "candidates_one.tsv"):
        shutil.copy(GOLD_DIR / name, tmp_path / name)
    shutil.copytree(GOLD_DIR / "texts", tmp_path / "texts")
    subprocess.run([sys.executable, str(tmp_path / "draw_split.py")], check=True,
                   capture_output=True)
    assert (tmp_path / "articles.tsv").read_text() == (GOLD_DIR / "articles.tsv").read_text()


def test_local_articles_load_without_the_shared_data():
    gold = load_gold(GOLD, keys=local_keys())
    assert len(gold) == 15
    for item in gold:
        assert text_hash(item.article.text) == next(
            r["text_sha256"] for r in records() if r["key"] == item.key)
        for event in item.events:
            for span in event.evidence:
                assert item.article.text[span.start:span.end].strip()
    assert {g.split for g in load_gold(GOLD, split="test", keys=local_keys())} == {"test"}


def tampered(tmp_path, change):
    rows = [r for r in records() if r["group"] == "sample"]
    change(rows[0])
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows),
                    encoding="utf-8")
    return path


def test_a_changed_text_or_a_shifted_span_is_refused(tmp_path):
    path = tampered(tmp_path, lambda r: r.update(text_sha256="0" * 16))
    with pytest.raises(GoldError, match="text_sha256"):
        load_gold(path)

    def shift(record):
        record["events"][0]["trigger"]["span"][0] += 1
    with pytest.raises(GoldError, match="slices"):
        load_gold(tampered(tmp_path, shift))

    def unknown_type(record):
        record["events"][0]["type"] = "massacre"
    with pytest.raises(GoldError, match="not in the taxonomy"):
        load_gold(tampered(tmp_path, unknown_type))
    with pytest.raises(GoldError, match="split must be"):
        load_gold(path, split="train")
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "none.jsonl")


def test_saudinewsnet_articles_are_the_texts_marsad_ingests(shared_data):
    gold = load_gold(GOLD, split="all", data=shared_data)
    assert len(gold) == 154
    zips: dict[str, list] = {}
    for item in gold:
        if item.reference.kind != "saudinewsnet":
            continue
        name = item.reference.path
        if name not in zips:
            with zipfile.ZipFile(shared_data / "news" / "saudinewsnet" / "dataset" / name) as zf:
                zips[name] = json.loads(zf.read(zf.namelist()[0]))
        record = zips[name][item.reference.index]
        assert item.article.text == clean_text(record["content"])
        assert item.reference.url == record["url"]
        direct = record_to_article(record, "<zip>", IngestOptions())
        assert direct.id == item.article.id
        assert item.article.origin.endswith(f"{name}:{name[:-4]}.json[{item.reference.index}]")


def test_the_third_held_out_split_loads_from_the_long_pool(shared_data):
    gold = load_gold(GOLD, split="test3", data=shared_data)
    assert len(gold) == 14 and sum(len(g.events) for g in gold) == 103
    assert {g.split for g in gold} == {"test3"}
    with (GOLD_DIR / "candidates_long.tsv").open(encoding="utf-8") as fh:
        pool = {(row["zip"], int(row["index"])) for row in csv.DictReader(fh, delimiter="\t")}
    assert {(g.reference.path, g.reference.index) for g in gold} <= pool
    with (GOLD_DIR / "candidates.tsv").open(encoding="utf-8") as fh:
        read = {(row["zip"], int(row["index"])) for row in csv.DictReader(fh, delimiter="\t")}
    assert not read & pool


@pytest.mark.parametrize(("split", "articles", "events", "pool"), [
    ("dev5", 11, 123, "candidates_xl.tsv"),
    ("dev6", 22, 34, "candidates_one.tsv"),
])
def test_a_later_tuning_split_loads_from_its_own_new_pool(shared_data, split, articles,
                                                          events, pool):
    gold = load_gold(GOLD, split=split, data=shared_data)
    assert len(gold) == articles and sum(len(g.events) for g in gold) == events
    with (GOLD_DIR / pool).open(encoding="utf-8") as fh:
        drawn = {(row["zip"], int(row["index"])) for row in csv.DictReader(fh, delimiter="\t")}
    assert {(g.reference.path, g.reference.index) for g in gold} <= drawn
    earlier = {(g.reference.path, g.reference.index)
               for g in load_gold(GOLD, split="all", data=shared_data) if g.split != split}
    assert not earlier & drawn


@pytest.mark.parametrize(("split", "articles", "events", "after_rank", "earlier"), [
    ("dev2", 6, 44, 50, ("test3",)),
    ("dev3", 10, 109, 67, ("test3", "dev2")),
    ("dev4", 6, 39, 73, ("test3", "dev2", "dev3")),
])
def test_the_tuning_splits_load_from_unread_ranks_of_the_long_pool(shared_data, split, articles,
                                                                  events, after_rank, earlier):
    gold = load_gold(GOLD, split=split, data=shared_data)
    assert len(gold) == articles and sum(len(g.events) for g in gold) == events
    assert {g.split for g in gold} == {split}
    with (GOLD_DIR / "candidates_long.tsv").open(encoding="utf-8") as fh:
        rank = {(row["zip"], int(row["index"])): int(row["rank"])
                for row in csv.DictReader(fh, delimiter="\t")}
    assert all(rank[(g.reference.path, g.reference.index)] > after_rank for g in gold)
    before = {g.key for name in earlier for g in load_gold(GOLD, split=name, data=shared_data)}
    assert not before & {g.key for g in gold}


def test_building_from_the_quotes_reproduces_the_committed_file(shared_data, tmp_path):
    out = tmp_path / "events.jsonl"
    build(GOLD_DIR, shared_data, out=out)
    assert out.read_text(encoding="utf-8") == GOLD.read_text(encoding="utf-8")


def tiny_gold(tmp_path):
    """A hand-made gold folder of seven local articles, one per split, built from quotes."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "source").mkdir()
    rows = ["key\tgroup\tsplit\tkind\tref\turl"]
    texts = {"dev": "قال مصدر إن غارات استهدفت حلب.",
             "test": "ودارت اشتباكات بين داعش والمعارضة في مارع.",
             "test2": "أفاد ناشطون بانفجار سيارة مفخخة في الرقة.",
             "test3": "وخطف مسلحون مجهولون مدنيين في درعا.",
             "dev2": "وقصفت قوات النظام بلدة بسقلا.",
             "dev3": "وسيطر تنظيم داعش على بلدة مهين.",
             "dev4": "واختطفت جبهة النصرة عناصر من الفرقة 30 قرب أعزاز."}
    triggers = {"dev": ("air_strike", "غارات"), "test": ("battle", "اشتباكات"),
                "test2": ("bombing", "انفجار"), "test3": ("abduction_detention", "وخطف"),
                "dev2": ("shelling", "وقصفت"), "dev3": ("territory_captured", "وسيطر"),
                "dev4": ("abduction_detention", "واختطفت")}
    for split, text in texts.items():
        (tmp_path / "texts" / f"{split}.txt").write_text(
            f"---\ntitle: {split}\npublished: 2015-08-01\n---\n{text}\n", encoding="utf-8")
        rows.append(f"t-{split}\thand\t{split}\tfile\ttexts/{split}.txt#0\t")
        kind, trigger = triggers[split]
        (tmp_path / "source" / f"t-{split}.toml").write_text(
            f'[[events]]\ntype = "{kind}"\ntrigger = "{trigger}"\nevidence = ["{text}"]\n'
            'certainty = "asserted"\n', encoding="utf-8")
    (tmp_path / "articles.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    build(tmp_path)
    return tmp_path / "events.jsonl"


def test_the_splits_are_selected_by_their_names(tmp_path, runner):
    path = tiny_gold(tmp_path)
    by_split = {split: [(g.key, g.split) for g in load_gold(path, split=split)]
                for split in ("dev", "test", "test2", "test3", "dev2", "dev3", "dev4")}
    assert by_split == {"dev": [("t-dev", "dev")], "test": [("t-test", "test")],
                        "test2": [("t-test2", "test2")], "test3": [("t-test3", "test3")],
                        "dev2": [("t-dev2", "dev2")], "dev3": [("t-dev3", "dev3")],
                        "dev4": [("t-dev4", "dev4")]}
    assert [g.key for g in load_gold(path, split="all")] == ["t-dev", "t-test", "t-test2",
                                                              "t-test3", "t-dev2", "t-dev3",
                                                              "t-dev4"]
    empty = tmp_path / "system.jsonl"
    empty.write_text("", encoding="utf-8")
    for split in ("test2", "test3", "dev2"):
        result = runner.invoke(app, ["eval", "events", str(path), "--split", split,
                                     "--system", str(empty)])
        assert result.exit_code == 0, result.output
        scores = json.loads(result.stdout)
        assert scores["split"] == split
        assert scores["detection"]["fn"] == 1 and scores["detection"]["tp"] == 0
