"""Stance features and scoring; the committed model is loaded in one test only."""

from __future__ import annotations

import pytest

from marsad.claims.stance import LABELS, macro_f1, pair_features, read_ans, stance


def test_features_are_symmetric():
    a, b = "ارتفاع أسعار النفط عالميا", "انخفاض أسعار النفط عالميا"
    assert pair_features(a, b) == pair_features(b, a)


def test_features_see_the_changed_words():
    same = pair_features("مقتل 10 مدنيين في إدلب", "مقتل 10 مدنيين في إدلب")
    changed = pair_features("مقتل 10 مدنيين في إدلب", "مقتل 20 مدنيين في حلب")
    assert len(changed) > len(same)


def test_macro_f1_counts_every_label():
    scores = macro_f1(["agree", "disagree", "other"], ["agree", "agree", "other"])
    assert scores["per_label"]["disagree"]["f1"] == 0.0
    assert scores["macro_f1"] == round((2 / 3 + 0 + 1) / 3, 4)


@pytest.mark.slow
def test_committed_model_answers_a_label_and_probability():
    label, score = stance("مقتل 10 مدنيين بغارة على إدلب", "تراجع التضخم في مصر")
    assert label in LABELS and 0.0 <= score <= 1.0


def test_ans_reader(shared_data):
    rows = read_ans(shared_data, "dev")
    assert len(rows) == 755 and {r[2] for r in rows} <= set(LABELS)


def test_model_combines_sparse_and_dense_features(tmp_path):
    import numpy as np

    from marsad.claims.stance import DIM, StanceModel, dense_features

    def embed(texts):  # a toy embedder: "نعم" texts point one way, the rest another
        return np.array([[1.0, 0.0] if "نعم" in t else [0.0, 1.0] for t in texts],
                        dtype=np.float32)

    cos_weights = np.zeros((3, 6), dtype=np.float32)
    cos_weights[0, 4] = 5.0  # agree when the cosine is high
    cos_weights[1, 4] = -5.0
    bias = np.array([0.0, 1.0, 0.0], dtype=np.float32)  # disagree unless the cosine is high
    model = StanceModel(np.zeros((3, DIM), np.float32), bias, cos_weights, 1.0)
    assert model.predict("نعم أولا", "نعم ثانيا", embed)[0] == "agree"
    assert model.predict("نعم أولا", "لا ثانيا", embed)[0] == "disagree"
    path = tmp_path / "m.npz"
    model.save(path)
    again = StanceModel.load(path)
    assert again.predict("نعم", "لا", embed) == model.predict("نعم", "لا", embed)
    assert dense_features(embed(["نعم"]), embed(["نعم"])).shape == (1, 6)
