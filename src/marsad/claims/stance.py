"""Stance between two claims: agree, disagree or other (unrelated), from word differences.

A pair is described by hashed sparse features: the words one text has and the other lacks
(and their character n-grams), pairs of such words (antonyms learn themselves: ارتفاع/انخفاض),
negation and number mismatches, and binned overlap. A multinomial logistic regression trained
on the Arabic News Stance corpus (ANS, Apache-2.0) weighs them. Inference is numpy only; the
model file is ``resources/claims/stance/model.npz`` (see its README for provenance and scores).
"""

from __future__ import annotations

import csv
import json
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from marsad.errors import ConfigError, InputError
from marsad.text.normalize import normalize

LABELS = ("agree", "disagree", "other")
DIM = 1 << 18
_WORD = re.compile(r"\w+")
_NEGATION = frozenset({"لا", "لم", "لن", "ليس", "ليست", "غير", "عدم", "نفي", "ينفي", "تنفي",
                       "نفت", "بدون", "دون", "رفض", "يرفض", "ترفض", "ينفى", "تنفى", "نفى"})
_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
MODEL_FILE = "resources/claims/stance/model.npz"


def _stem(word: str) -> str:
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word


def _words(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(normalize(text))]


def _h(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % DIM


def _bin(x: float, edges: Sequence[float]) -> int:
    return sum(x >= e for e in edges)


def pair_features(a: str, b: str) -> dict[int, float]:
    """Hashed sparse features of a pair of texts (symmetric in ``a`` and ``b``)."""
    wa, wb = _words(a), _words(b)
    sa, sb = set(wa), set(wb)
    only_a, only_b = sa - sb, sb - sa
    shared = sa & sb
    feats: dict[int, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        k = _h(name)
        feats[k] = feats.get(k, 0.0) + value

    for w in only_a | only_b:
        add("d:" + w)
        padded = f"<{w}>"
        for n in (3, 4):
            for i in range(len(padded) - n + 1):
                add(f"c{n}:" + padded[i : i + n], 0.5)
    for x in sorted(only_a)[:8]:
        for y in sorted(only_b)[:8]:
            add("x:" + "|".join(sorted((x, y))))
    union = len(sa | sb) or 1
    jaccard = len(shared) / union
    add(f"jac:{_bin(jaccard, (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9))}")
    add(f"shared:{min(len(shared), 8)}")
    add(f"diff:{min(len(only_a) + len(only_b), 10)}")
    add(f"diffmin:{min(len(only_a), len(only_b), 5)}")
    neg_a, neg_b = bool(sa & _NEGATION), bool(sb & _NEGATION)
    add(f"neg:{int(neg_a) + int(neg_b)}:{int(neg_a != neg_b)}")
    nums_a = {w for w in sa if w.isdigit()}
    nums_b = {w for w in sb if w.isdigit()}
    if nums_a or nums_b:
        add(f"num:{int(nums_a == nums_b)}")
    add("bias")
    return feats


@dataclass(frozen=True)
class StanceModel:
    """Weights of the stance classifier: ``weights`` (labels x DIM) and ``bias``."""

    weights: np.ndarray
    bias: np.ndarray
    labels: tuple[str, ...] = LABELS
    meta: dict[str, Any] | None = None

    def scores(self, a: str, b: str) -> np.ndarray:
        """Class probabilities for one pair, in ``labels`` order."""
        feats = pair_features(a, b)
        idx = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
        val = np.fromiter(feats.values(), dtype=np.float32, count=len(feats))
        norm = float(np.sqrt((val * val).sum())) or 1.0
        logits = self.weights[:, idx] @ (val / norm) + self.bias
        logits = logits - logits.max()
        p = np.exp(logits)
        return p / p.sum()

    def predict(self, a: str, b: str) -> tuple[str, float]:
        p = self.scores(a, b)
        k = int(p.argmax())
        return self.labels[k], float(p[k])

    def save(self, path: str | Path) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float16), bias=self.bias,
                            labels=np.array(self.labels),
                            meta=np.array(json.dumps(self.meta or {}, ensure_ascii=False)))

    @classmethod
    def load(cls, path: str | Path | None = None) -> StanceModel:
        """The committed model, or the ``.npz`` file at ``path``."""
        try:
            if path is None:
                ref = resources.files("marsad").joinpath(MODEL_FILE)
                with resources.as_file(ref) as p, np.load(p) as data:
                    return cls._from(data)
            with np.load(path) as data:
                return cls._from(data)
        except (OSError, KeyError, ValueError) as exc:
            where = path or f"marsad/{MODEL_FILE}"
            raise ConfigError(f"cannot load stance model {where} ({exc}); "
                              "train one with `marsad train stance`") from None

    @classmethod
    def _from(cls, data: Any) -> StanceModel:
        weights = data["weights"].astype(np.float32)
        if weights.shape[1] != DIM:
            raise ValueError(f"model has {weights.shape[1]} features, this code {DIM}")
        return cls(weights, data["bias"].astype(np.float32),
                   tuple(str(x) for x in data["labels"]), json.loads(str(data["meta"])))


@lru_cache(maxsize=1)
def _default_model() -> StanceModel:
    return StanceModel.load()


def stance(a: str, b: str) -> tuple[str, float]:
    """The stance of text ``b`` towards text ``a``: ("agree"|"disagree"|"other", probability)."""
    return _default_model().predict(a, b)


# ------------------------------------------------------------------ data, training, scoring

def read_ans(data: str | Path, split: str) -> list[tuple[str, str, str]]:
    """Rows (s1, s2, stance) of an ANS stance split (train, dev or test)."""
    path = Path(data) / "stance" / "ans" / "data" / "stance" / f"{split}.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [(r["s1"], r["s2"], r["stance"].strip()) for r in csv.DictReader(fh)]
    except OSError as exc:
        raise InputError(str(path), f"cannot read ANS split ({exc.strerror}); check --data "
                         "or $MARSAD_SHARED_DATA") from None
    except KeyError as exc:
        raise InputError(str(path), f"not an ANS stance file (no column {exc})") from None
    bad = {r[2] for r in rows} - set(LABELS)
    if bad:
        raise InputError(str(path), f"unknown stance labels {sorted(bad)}")
    return rows


def _matrix(rows: Iterable[tuple[str, str, str]]) -> Any:
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for a, b, _ in rows:
        feats = pair_features(a, b)
        val = np.fromiter(feats.values(), dtype=np.float32)
        norm = float(np.sqrt((val * val).sum())) or 1.0
        indices.extend(feats.keys())
        values.extend((val / norm).tolist())
        indptr.append(len(indices))
    return csr_matrix((values, indices, indptr), shape=(len(indptr) - 1, DIM), dtype=np.float32)


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Macro-averaged F1 over LABELS, with per-label precision/recall/F1 and accuracy."""
    per: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                      "support": n_gold}
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / (len(gold) or 1)
    return {"macro_f1": round(sum(v["f1"] for v in per.values()) / len(LABELS), 4),
            "accuracy": round(acc, 4), "per_label": per, "pairs": len(gold)}


def train_stance(data: str | Path, out: str | Path,
                 grid: Sequence[float] = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)) -> dict[str, Any]:
    """Train on ANS train, pick C and class weighting by dev macro-F1, save to ``out``."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise ConfigError("training needs scikit-learn: pip install scikit-learn") from None
    train, dev = read_ans(data, "train"), read_ans(data, "dev")
    x_train, x_dev = _matrix(train), _matrix(dev)
    y_train = [r[2] for r in train]
    best: tuple[float, float, str | None, Any] | None = None
    tried = []
    for weighting in (None, "balanced"):
        for c in grid:
            clf = LogisticRegression(C=c, max_iter=2000, class_weight=weighting)
            clf.fit(x_train, y_train)
            score = macro_f1([r[2] for r in dev], list(clf.predict(x_dev)))["macro_f1"]
            tried.append({"C": c, "class_weight": weighting, "dev_macro_f1": score})
            if best is None or score > best[0]:
                best = (score, c, weighting, clf)
    assert best is not None
    score, c, weighting, clf = best
    order = [list(clf.classes_).index(label) for label in LABELS]
    weights = np.asarray(clf.coef_, dtype=np.float32)[order]
    bias = np.asarray(clf.intercept_, dtype=np.float32)[order]
    meta = {"data": "ANS stance (Khouja 2020), Apache-2.0", "train_pairs": len(train),
            "dev_pairs": len(dev), "C": c, "class_weight": weighting, "dev_macro_f1": score,
            "features": f"hashed word differences, char 3/4-grams, word pairs, DIM={DIM}"}
    model = StanceModel(weights, bias, LABELS, meta)
    model.save(out)
    return {**meta, "grid": tried, "model": str(out)}


def evaluate_stance(data: str | Path, split: str = "test",
                    model: StanceModel | None = None) -> dict[str, Any]:
    """Macro-F1 of the stance model on an ANS split (the held-out ``test`` by default)."""
    rows = read_ans(data, split)
    m = model or _default_model()
    pred = [m.predict(a, b)[0] for a, b, _ in rows]
    return {"split": split, **macro_f1([r[2] for r in rows], pred)}
