import json
import re
from pathlib import Path

import pytest

from marsad.corpus.incident_eval import align, bcubed, evaluate_incidents, over_merges, splits
from marsad.corpus.incident_gold import load_gold
from marsad.errors import InputError
from marsad.model import Event, Span

GOLD = Path(__file__).resolve().parents[2] / "gold" / "incidents" / "saudinewsnet.jsonl"
ARABIC_RUN = re.compile(r"[\u0600-\u06ff]+(?:\s+[\u0600-\u06ff]+){3,}")
# Floors on the held-out split (oracle events, no embeddings: fast); they only go up.
TEST_FLOOR_F1 = 0.85
TEST_MAX_OVER_MERGED_ITEMS = 6


def gold_lines():
    return [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x]


def test_gold_file_holds_references_not_text():
    lines = gold_lines()
    assert len(lines) >= 150
    keys = {"item", "zip", "index", "url", "outlet", "split", "text_sha256", "incident",
            "type", "date", "location", "actors", "fatalities", "sources", "evidence"}
    for line in lines:
        assert keys <= set(line), line["item"]
        without_url = {k: v for k, v in line.items() if k != "url"}
        assert not ARABIC_RUN.search(json.dumps(without_url, ensure_ascii=False)), line["item"]
    assert len({line["item"] for line in lines}) == len(lines)


def test_splits_share_no_incident():
    lines = gold_lines()
    dev = {x["incident"] for x in lines if x["split"] == "dev"}
    test = {x["incident"] for x in lines if x["split"] == "test"}
    assert dev and test and not dev & test


def test_bcubed_and_errors_on_toy_clusterings():
    gold = {"a": "X", "b": "X", "c": "Y", "d": "Y"}
    assert bcubed(gold, {"a": 1, "b": 1, "c": 2, "d": 2}) == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0}
    lumped = bcubed(gold, {i: 0 for i in gold})
    assert lumped["precision"] == 0.5 and lumped["recall"] == 1.0
    apart = bcubed(gold, {i: i for i in gold})
    assert apart["precision"] == 1.0 and apart["recall"] == 0.5
    merged = over_merges(gold, {"a": 1, "b": 1, "c": 1, "d": 2})
    assert merged == [{"system_incident": 1, "gold_incidents": {"X": 2, "Y": 1},
                       "items": ["a", "b", "c"]}]
    assert splits(gold, {"a": 1, "b": 1, "c": 1, "d": 2})[0]["gold_incident"] == "Y"


def test_align_pairs_each_item_with_its_best_overlapping_event(shared_data):
    items = load_gold(GOLD, shared_data, "test")[:3]
    article = items[0].article.id
    s = items[0].event.evidence[0]
    near = Event("sys1", article, "air_strike", evidence=(Span(s.start + 5, s.end + 50),))
    far = Event("sys2", article, "air_strike", evidence=(Span(s.end + 100, s.end + 120),))
    found = align(items[:1], [far, near])
    assert found[items[0].item].id == "sys1"


def test_gold_texts_match_their_hashes(shared_data):
    items = load_gold(GOLD, shared_data)
    assert len(items) == len(gold_lines())
    for item in items:
        (span,) = item.event.evidence
        assert item.article.text[span.start:span.end].strip()


def test_a_changed_text_is_refused(shared_data, tmp_path):
    line = gold_lines()[0]
    line["text_sha256"] = "0" * 16
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="hash differs"):
        load_gold(bad, shared_data)


def test_linking_quality_on_the_held_out_split(shared_data):
    result = evaluate_incidents(GOLD, split="test", data=shared_data, mode="oracle",
                                use_embeddings=False)
    oracle = result["oracle"]
    assert result["items"] == 83 and result["incidents"] == 23
    assert oracle["f1"] >= TEST_FLOOR_F1, oracle
    assert oracle["over_merged_items"] <= TEST_MAX_OVER_MERGED_ITEMS, oracle


def test_end_to_end_mode_reports_what_the_pipeline_gives(shared_data):
    result = evaluate_incidents(GOLD, split="dev", data=shared_data, mode="end_to_end",
                                use_embeddings=False)
    e2e = result["end_to_end"]
    assert e2e["articles"] == 85 and "text.v1" in e2e["pipeline"]
    assert 0 <= e2e["aligned_items"] <= result["items"]
    assert 0.0 <= e2e["f1"] <= 1.0
