import pytest

from marsad.ner.scoring import score_entities


def test_exact_span_and_type_are_needed():
    gold = [[(0, 2, "PER"), (4, 5, "LOC")], [(1, 3, "ORG")]]
    pred = [[(0, 2, "PER"), (4, 5, "ORG")], [(1, 2, "ORG")]]
    result = score_entities(gold, pred)
    assert (result["tp"], result["predicted"], result["gold"]) == (1, 3, 3)
    assert result["precision"] == result["recall"] == result["f1"] == pytest.approx(1 / 3, 1e-3)
    assert result["per_type"]["PER"]["f1"] == 1.0
    assert result["per_type"]["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0,
                                         "predicted": 0, "gold": 1}
    assert result["per_type"]["ORG"]["predicted"] == 2


def test_same_offsets_in_different_sentences_are_different_entities():
    gold = [[(0, 1, "LOC")], [(0, 1, "LOC")]]
    pred = [[(0, 1, "LOC")], []]
    result = score_entities(gold, pred)
    assert result["recall"] == 0.5 and result["precision"] == 1.0
    assert result["f1"] == pytest.approx(0.6667, abs=1e-4)


def test_nothing_predicted_or_nothing_gold_scores_zero_without_dividing_by_zero():
    assert score_entities([[]], [[]])["f1"] == 0.0
    assert score_entities([[(0, 1, "PER")]], [[]])["precision"] == 0.0


def test_sentence_counts_must_agree():
    with pytest.raises(ValueError, match="2 gold sentences but 1"):
        score_entities([[], []], [[]])
