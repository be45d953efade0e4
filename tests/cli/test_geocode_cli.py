"""``marsad geocode``, ``marsad eval geocode`` and ``marsad geo build --help``."""

import json

from marsad.cli.main import app


def lines(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_geocode_names_one_json_line_each(runner):
    result = runner.invoke(app, ["geocode", "تدمر", "ريف حمص الشرقي", "لا مكان هنا"])
    assert result.exit_code == 0, result.output
    tadmur, region, none = lines(result)
    assert (tadmur["name"], tadmur["country"], tadmur["admin1"], tadmur["precision"]) == (
        "Tadmur", "SY", "Homs", 1)
    assert tadmur["input"] == "تدمر" and tadmur["reason"] is None
    assert tadmur["span"] == [0, 4] and tadmur["text"] == "تدمر"
    assert (region["feature"], region["precision"]) == ("region", 3)
    assert none["lat"] is None and none["lon"] is None and none["gazetteer_id"] is None
    assert none["input"] == "لا مكان هنا" and "no gazetteer name" in none["reason"]


def test_geocode_reads_stdin_and_takes_a_country(runner):
    result = runner.invoke(app, ["geocode", "-", "--country", "iq"],
                           input="الموصل\n\nحي الزهراء\n")
    assert result.exit_code == 0, result.output
    mosul, zahraa = lines(result)
    assert mosul["country"] == zahraa["country"] == "IQ"


def test_geocode_context_disambiguates(runner):
    result = runner.invoke(app, ["geocode", "حي الزهراء", "--context", "قصف على مدينة حمص"])
    assert lines(result)[0]["gazetteer_id"] == "marsad:zahraa-homs"


def test_geocode_without_input_fails_clearly(runner):
    result = runner.invoke(app, ["geocode", "-"], input="")
    assert result.exit_code == 1
    assert "no place names given" in result.stderr


def test_eval_geocode_on_a_small_gold(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"mention": "بتدمر", "lat": 34.5624, "lon": 38.28402, "country": "SY",
         "level": "town", "split": "dev"},
        {"mention": "الباب", "text": "فتح الباب أمام الحل", "expect": "none", "split": "dev"},
        {"mention": "ريف إدلب", "expect_admin1": "Idlib", "expect_precision": 3},
    ]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "geocode", str(gold)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["points"] == {"n": 1, "within_10km": 1.0, "within_25km": 1.0,
                                "unresolved": 0.0}
    assert report["negatives"] == {"n": 1, "false_places": 0}
    assert report["regions"]["admin1_correct"] == 1.0


def test_eval_geocode_bad_gold_is_one_clear_line(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"mention": "تدمر", "text": "لا شيء"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", "geocode", str(gold)])
    assert result.exit_code == 2
    assert "does not occur in its text" in result.stderr or "not JSON" in result.stderr


def test_geo_build_help(runner):
    result = runner.invoke(app, ["geo", "build", "--help"])
    assert result.exit_code == 0 and "Open-Syria" in result.stdout
