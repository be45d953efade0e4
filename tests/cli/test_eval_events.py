import json
from pathlib import Path

from marsad.cli.main import app

GOLD = Path(__file__).resolve().parents[2] / "gold" / "events" / "events.jsonl"


def sample_gold(tmp_path):
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["group"] == "sample"]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path, rows


def test_eval_events_runs_the_pipeline(runner, tmp_path):
    path, rows = sample_gold(tmp_path)
    result = runner.invoke(app, ["eval", "events", str(path)])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["split"] == "dev" and report["pipeline"][0] == "text.v1"
    assert report["pipeline"][-1] == "events.v1"
    assert report["counts"]["gold_events"] == sum(len(r["events"]) for r in rows)
    assert report["counts"]["system_events"] > 0 and report["detection"]["tp"] > 0
    assert set(report["arguments"]) == {"actors", "location", "date", "fatalities", "weapons",
                                        "sources", "certainty", "historical"}


def test_eval_events_scores_a_system_file(runner, tmp_path):
    path, rows = sample_gold(tmp_path)
    system = tmp_path / "system.jsonl"
    system.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n"
                              for r in rows for e in r["events"]), encoding="utf-8")
    result = runner.invoke(app, ["eval", "events", str(path), "--system", str(system),
                                 "--per-article", "--km", "10"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["detection"]["f1"] == 1.0 and report["type"]["macro_f1"] == 1.0
    assert report["argument_macro_f1"] == 1.0 and report["targets"]["met"]
    assert report["options"]["km"] == 10.0
    assert len(report["articles"]) == len(rows)


def test_eval_events_errors_are_one_line(runner, tmp_path):
    path, _ = sample_gold(tmp_path)
    result = runner.invoke(app, ["eval", "events", str(path), "--split", "test"])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "no articles in split" in result.stderr
    missing = runner.invoke(app, ["eval", "events", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2 and "cannot read gold file" in missing.stderr


def test_eval_events_help_names_its_options(runner):
    result = runner.invoke(app, ["eval", "events", "--help"])
    assert result.exit_code == 0
    for option in ("--split", "--system", "--config", "--data", "--km", "--per-article"):
        assert option in result.stdout
