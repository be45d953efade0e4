"""`marsad eval claims` on the committed gold set (needs ../shared/data)."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.cli.main import app

GOLD = Path(__file__).resolve().parents[2] / "gold" / "claims" / "saudinewsnet.jsonl"
# Quality floors on the held-out test split (raise them when the extractor improves).
FLOORS = {"cue_f1": 0.85, "source_span_overlap": 0.8, "source_kind_accuracy": 0.75}


def test_eval_claims_prints_one_json_object(runner, shared_data):
    result = runner.invoke(app, ["eval", "claims", str(GOLD), "--data", str(shared_data)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().splitlines()
    scores = json.loads(line)
    assert scores["splits"] == ["test"] and scores["gold_claims"] >= 80
    assert scores["cue"]["f1"] >= FLOORS["cue_f1"]
    matched = scores["on_matched"]
    assert matched["source_span_overlap"] >= FLOORS["source_span_overlap"]
    assert matched["source_kind_accuracy"] >= FLOORS["source_kind_accuracy"]


def test_eval_claims_missing_gold_is_one_line(runner, tmp_path):
    result = runner.invoke(app, ["eval", "claims", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
