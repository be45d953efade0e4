"""Quality gate: the dates and numbers layers against the gold files (floors only go up)."""

from pathlib import Path

import pytest

from marsad.evaluation.timenum import evaluate_timenum, locate

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "gold"

# Recorded floors, a little under the scores in README.md (small sets: a few points is noise).
FLOORS = {
    "timenum-written.jsonl": {"dates.f1": 0.95, "dates.resolution_accuracy": 0.95,
                              "numbers.f1": 0.95, "numbers.what_accuracy": 0.93},
    "timenum-real.jsonl": {"dates.f1": 0.90, "dates.resolution_accuracy": 0.93,
                           "numbers.f1": 0.94, "numbers.count_accuracy": 0.97,
                           "numbers.what_accuracy": 0.87},
}


def _check(result, floors):
    for key, floor in floors.items():
        layer, metric = key.split(".")
        assert result[layer][metric] >= floor, f"{key} fell to {result[layer][metric]}"


def test_written_gold_floor():
    result = evaluate_timenum(GOLD / "timenum-written.jsonl")
    assert result["texts"] == 40
    _check(result, FLOORS["timenum-written.jsonl"])


@pytest.mark.slow
def test_saudinewsnet_gold_floor(shared_data):
    result = evaluate_timenum(GOLD / "timenum-real.jsonl", data=shared_data)
    assert result["texts"] == 16
    _check(result, FLOORS["timenum-real.jsonl"])


def test_locate_counts_occurrences():
    assert locate("أمس وأمس", "أمس", 2).start == 5
    assert locate("أمس", "أمس", 2) is None
