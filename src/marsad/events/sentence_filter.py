"""A learned veto over the rules: does a sentence report an event at all?

A logistic regression over hashed sentence features (normalised words, their first stem,
word bigrams, the sentence's position, and how many mentions of each kind, dates, numbers
and places it holds) gives each sentence the probability that it holds the anchor (trigger,
else first evidence span) of a hand-annotated event. It is trained on the gold set's tuning
parts only (``marsad train event-filter``) and never sees the rules' output, so it errs
differently from them. ``events.v1`` drops an event whose trigger sentence and evidence
sentences all score below ``[events] filter_threshold`` (0.05), in articles of at least
``filter_min_sentences`` (8) sentences. Provenance and scores:
``resources/models/event-filter/README.md``.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from marsad.errors import ConfigError
from marsad.events.matching import anchor
from marsad.events.triggers import stems
from marsad.model import Article, Event, Span
from marsad.model_files import load_npz
from marsad.text.normalize import normalize

DIM = 1 << 18
MODEL_FILE = "resources/models/event-filter/model.npz"
THRESHOLD = 0.05
MIN_SENTENCES = 8
"""Shorter articles (briefs, wire snippets, hand-written fixtures) keep every event: the
classifier learned from news articles, and scores a lone «وقال المصدر إن ...» low."""
TUNING_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")
_WORD = re.compile(r"\w+")


def _h(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % DIM


def _inside(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start < sentence.end


def sentence_features(article: Article, index: int) -> dict[int, float]:
    """Hashed features of sentence ``index`` of ``article`` (its layers must be filled)."""
    sentence = article.sentences[index]
    words = _WORD.findall(normalize(article.text[sentence.start : sentence.end]))
    feats: dict[int, float] = {}

    def add(name: str) -> None:
        k = _h(name)
        feats[k] = feats.get(k, 0.0) + 1.0

    for word in words:
        add("w=" + word)
        for stem in stems(word)[1:2]:
            add("s=" + stem)
    for a, b in pairwise(words):
        add(f"b={a}_{b}")
    add(f"pos={min(index, 3)}")
    for m in article.mentions:
        if _inside(m.span, sentence):
            add("m=" + m.kind)
    for name, layer in (("date", article.dates), ("qty", article.quantities),
                        ("place", article.places)):
        for item in layer:
            if _inside(item.span, sentence):
                add(name)
    return feats


def _matrix(rows: Sequence[dict[int, float]]) -> Any:
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for feats in rows:
        indices.extend(feats.keys())
        values.extend(feats.values())
        indptr.append(len(indices))
    return csr_matrix((np.asarray(values, dtype=np.float32), np.asarray(indices, dtype=np.int64),
                       np.asarray(indptr, dtype=np.int64)), shape=(len(rows), DIM))


def event_sentences(article: Article, event: Event) -> set[int]:
    """Sentences holding the event's trigger (else its first evidence span) or its evidence."""
    return told_in(article, anchor(event), event.evidence)


def told_in(article: Article, first: Span | None, evidence: Sequence[Span]) -> set[int]:
    """Sentences holding ``first`` (an event's anchor) or overlapping its ``evidence``."""
    out = set()
    for i, s in enumerate(article.sentences):
        if (first is not None and _inside(first, s)) or any(
                e.start < s.end and s.start < e.end for e in evidence):
            out.add(i)
    return out


def packaged_model_path() -> Path:
    """Where the package keeps the model (in a source checkout: under src/marsad)."""
    return Path(str(resources.files("marsad").joinpath(MODEL_FILE)))


@dataclass(frozen=True)
class SentenceModel:
    """Weights of the sentence classifier (``DIM`` hashed features) and its bias."""

    weights: np.ndarray
    bias: float
    meta: dict[str, Any] | None = None

    def probability(self, article: Article, index: int) -> float:
        """P(sentence ``index`` of ``article`` holds an event's anchor)."""
        feats = sentence_features(article, index)
        idx = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
        val = np.fromiter(feats.values(), dtype=np.float32, count=len(feats))
        return float(1.0 / (1.0 + np.exp(-(self.bias + float(self.weights[idx] @ val)))))

    def probabilities(self, article: Article) -> np.ndarray:
        """P(the sentence holds an event's anchor) for every sentence of ``article``."""
        return np.array([self.probability(article, i) for i in range(len(article.sentences))])

    def keep(self, article: Article, events: Sequence[Event], threshold: float = THRESHOLD,
             min_sentences: int = MIN_SENTENCES) -> list[Event]:
        """The events some of whose sentences score at least ``threshold`` (all of them in
        an article of fewer than ``min_sentences`` sentences)."""
        passes = self.screen(article, threshold, min_sentences)
        return [e for e in events if passes(event_sentences(article, e))]

    def screen(self, article: Article, threshold: float = THRESHOLD,
               min_sentences: int = MIN_SENTENCES) -> Callable[[set[int]], bool]:
        """Whether an event told in these sentences of ``article`` stays (``keep``); the
        detector asks before events lend places and dates to the sentences after them."""
        if len(article.sentences) < min_sentences:
            return lambda _sentences: True
        probs: dict[int, float] = {}  # only the sentences of the events are scored

        def score(i: int) -> float:
            if i not in probs:
                probs[i] = self.probability(article, i)
            return probs[i]

        return lambda sentences: max((score(i) for i in sentences), default=1.0) >= threshold

    def save(self, path: str | Path) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float32),
                            bias=np.float64(self.bias),
                            meta=np.array(json.dumps(self.meta or {}, ensure_ascii=False)))

    @classmethod
    def load(cls, path: str | Path | None = None) -> SentenceModel:
        """The committed model, or the ``.npz`` file at ``path``."""
        return load_npz(cls._from, MODEL_FILE, path, "event filter model",
                        "marsad train event-filter")

    @classmethod
    def _from(cls, data: Any) -> SentenceModel:
        weights = data["weights"].astype(np.float32)
        if weights.shape != (DIM,):
            raise ValueError(f"model has {weights.shape} weights, this code ({DIM},)")
        return cls(weights, float(data["bias"]), json.loads(str(data["meta"])))


@lru_cache(maxsize=4)
def cached_model(path: str = "") -> SentenceModel:
    return SentenceModel.load(path or None)


def training_rows(items: Iterable[tuple[Article, Sequence[Event]]]
                  ) -> tuple[list[dict[int, float]], list[int]]:
    """Features and labels of every sentence of analysed articles with their gold events."""
    rows, labels = [], []
    for article, gold in items:
        firsts = [a for a in map(anchor, gold) if a is not None]
        anchors = {i for i, s in enumerate(article.sentences)
                   if any(_inside(first, s) for first in firsts)}
        for i in range(len(article.sentences)):
            rows.append(sentence_features(article, i))
            labels.append(int(i in anchors))
    return rows, labels


def train_sentence_model(items: Iterable[tuple[Article, Sequence[Event]]], c: float = 1.0,
                         meta: dict[str, Any] | None = None) -> SentenceModel:
    """Fit the classifier on analysed articles and their gold events."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise ConfigError("training needs scikit-learn: pip install scikit-learn") from None
    rows, labels = training_rows(items)
    if len(set(labels)) < 2:
        raise ConfigError("the event filter needs sentences with and without gold events")
    clf = LogisticRegression(C=c, max_iter=2000).fit(_matrix(rows), labels)
    info = {"sentences": len(labels), "positive": int(sum(labels)), "C": c,
            "features": f"hashed words, stems, bigrams, position, layer counts (DIM={DIM})",
            **(meta or {})}
    return SentenceModel(np.asarray(clf.coef_[0], dtype=np.float32), float(clf.intercept_[0]),
                         info)


def train_from_gold(gold_path: str | Path, splits: Sequence[str] = TUNING_SPLITS,
                    data: str | Path | None = None, c: float = 1.0,
                    say: Callable[[str], None] = print) -> SentenceModel:
    """Analyse the gold articles of ``splits`` with the default pipeline (layers only) and
    train on their sentences; held-out splits are refused."""
    from marsad.config import load_config
    from marsad.events.gold import load_gold
    from marsad.pipeline import Pipeline

    held_out = [s for s in splits if s.startswith("test") or s == "all"]
    if held_out:
        raise ConfigError(f"never train the event filter on held-out parts: {held_out}")
    config = load_config()
    stages = [s for s in config["pipeline"]["stages"] if not s.startswith("events.")]
    config = {**config, "pipeline": {**config["pipeline"], "stages": stages}}
    pipeline = Pipeline.from_config(config, on_error=None)
    items = []
    for split in splits:
        gold = load_gold(gold_path, split=split, data=data)
        say(f"{split}: {len(gold)} articles")
        items += [(pipeline(g.article), g.events) for g in gold]
    return train_sentence_model(items, c, {"gold": str(gold_path), "splits": list(splits)})
