import json

import pytest

from marsad.cli.main import app
from marsad.errors import ConfigError
from marsad.ner.conll import TaggedSentence
from marsad.ner.evaluate import detect_scheme, evaluate_file, evaluate_sentences, map_entities

GOLD = ("جورج B-PERS\nبوش I-PERS\nزار O\nمطار B-LOC\nبغداد I-LOC\nمع O\nرويترز B-ORG\n\n"
        "دولار B-MISC\n")


def fixed(entities_per_sentence):
    return lambda sentences: [list(e) for e in entities_per_sentence[: len(sentences)]]


def test_conll4_maps_marsad_kinds_back(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, encoding="utf-8")
    predict = fixed([[(0, 2, "PER"), (3, 5, "FAC"), (6, 7, "ARMED_GROUP")], [(0, 1, "NORP")]])
    result = evaluate_file(path, predict=predict)
    assert result["scheme"] == "conll4"
    assert (result["tp"], result["predicted"], result["gold"]) == (3, 3, 4)
    assert result["per_type"]["MISC"]["recall"] == 0.0
    assert result["f1"] == pytest.approx(2 * 1.0 * 0.75 / 1.75, abs=1e-4)


def test_marsad_scheme_compares_kinds_as_they_are():
    sent = TaggedSentence(("قوات", "النظام", "في", "حلب"), ("B-ORG", "I-ORG", "O", "B-GPE"))
    assert detect_scheme([sent]) == "marsad"
    result = evaluate_sentences([sent], fixed([[(0, 2, "ORG"), (3, 4, "LOC")]]))
    assert result["per_type"]["ORG"]["f1"] == 1.0 and result["per_type"]["GPE"]["recall"] == 0
    assert map_entities([(0, 1, "NORP")], "conll4") == []


def test_unknown_scheme_is_refused():
    with pytest.raises(ConfigError, match="unknown label scheme"):
        evaluate_sentences([], fixed([]), "iob3")


def test_cli_reports_a_missing_file_on_one_line(runner, tmp_path):
    result = runner.invoke(app, ["eval", "ner", str(tmp_path / "none.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_cli_scores_the_committed_model_from_stdin(runner):
    result = runner.invoke(app, ["eval", "ner", "-"], input=GOLD)
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) >= {"precision", "recall", "f1", "per_type"} and out["file"] == "-"
    assert out["gold"] == 4 and 0.0 <= out["f1"] <= 1.0
