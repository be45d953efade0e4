"""marsad dates, marsad numbers and marsad eval dates|numbers|timenum."""

import json

from marsad.cli.main import app

GOLD = ('{"id": "g1", "split": "test", "published": "2016-12-20", '
        '"text": "قتل 12 مدنياً أمس", "dates": [{"text": "أمس", "value": "2016-12-19", '
        '"end": "2016-12-19", "precision": 1}], "quantities": [{"text": "12 مدنياً", '
        '"count": 12, "min": 12, "max": 12, "what": "killed"}]}\n')


def test_dates_command(runner):
    result = runner.invoke(app, ["dates", "قصفت الطائرات يوم 10/12/2016 وأمس",
                                 "--published", "2016-12-20"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["text"], r["value"], r["precision"], r["kind"]) for r in rows] == [
        ("يوم 10/12/2016", "2016-12-10", 1, "absolute"), ("أمس", "2016-12-19", 1, "relative")]
    assert rows[0]["span"] == [14, 28]


def test_dates_from_stdin_without_publication(runner):
    result = runner.invoke(app, ["dates", "-"], input="وقع الهجوم أمس")
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout)
    assert row["value"] is None and row["text"] == "أمس"


def test_dates_bad_date_and_empty_stdin(runner):
    assert runner.invoke(app, ["dates", "أمس", "--published", "20-12"]).exit_code == 2
    result = runner.invoke(app, ["dates", "-"], input="  ")
    assert result.exit_code == 2 and "no text on standard input" in result.stderr


def test_numbers_command(runner):
    result = runner.invoke(app, ["numbers", "قتل 12 مدنياً وأصيب نحو 30 آخرين"])
    rows = json.loads(result.stdout)
    assert [(r["count"], r["min"], r["what"]) for r in rows] == [(12, 12, "killed"),
                                                                   (30, None, "injured")]


def test_eval_commands(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(GOLD, encoding="utf-8")
    dates = json.loads(runner.invoke(app, ["eval", "dates", str(gold)]).stdout)
    assert dates["dates"]["f1"] == 1.0 and "numbers" not in dates
    numbers = json.loads(runner.invoke(app, ["eval", "numbers", str(gold), "--errors"]).stdout)
    assert numbers["numbers"]["what_accuracy"] == 1.0 and numbers["numbers"]["errors"] == []
    both = json.loads(runner.invoke(app, ["eval", "timenum", str(gold), "--split", "dev"]).stdout)
    assert both["texts"] == 0


def test_eval_reports_bad_gold(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x", "text": "نص", "dates": [{"text": "غائب"}]}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", "dates", str(gold)])
    assert result.exit_code == 2 and "is not in the text" in result.stderr
    result = runner.invoke(app, ["eval", "dates", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "no such gold file" in result.stderr
