"""Entity-level scores as CoNLL reports them: exact span and type, micro-averaged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Entity = tuple[int, int, int, str]  # (sentence, start, end, type)


@dataclass
class EntityScores:
    """Counts of true positives, predicted and gold entities, overall and per type."""

    tp: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Iterable[tuple[int, int, str]], predicted: Iterable[tuple[int, int, str]],
            sentence: int = 0) -> None:
        """Count one sentence's gold and predicted entities ``(start, end, type)``."""
        gold_set = {(sentence, s, e, t) for s, e, t in gold}
        pred_set = {(sentence, s, e, t) for s, e, t in predicted}
        for *_, t in gold_set:
            self.gold[t] += 1
        for *_, t in pred_set:
            self.predicted[t] += 1
        for *_, t in gold_set & pred_set:
            self.tp[t] += 1

    @staticmethod
    def _prf(tp: int, predicted: int, gold: int) -> dict[str, Any]:
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": tp, "predicted": predicted, "gold": gold}

    def to_dict(self) -> dict[str, Any]:
        """``precision``, ``recall``, ``f1`` (micro), counts, and the same ``per_type``."""
        out = self._prf(sum(self.tp.values()), sum(self.predicted.values()),
                        sum(self.gold.values()))
        types = sorted(set(self.gold) | set(self.predicted))
        out["per_type"] = {t: self._prf(self.tp[t], self.predicted[t], self.gold[t])
                           for t in types}
        return out


def score_entities(
    gold: Sequence[Iterable[tuple[int, int, str]]],
    predicted: Sequence[Iterable[tuple[int, int, str]]],
) -> dict[str, Any]:
    """CoNLL entity-level micro precision/recall/F1 and ``per_type``, sentence by sentence.

    ``gold[i]`` and ``predicted[i]`` are the entities ``(start, end, type)`` of sentence i;
    an entity counts only when both its span and its type match exactly.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    scores = EntityScores()
    for i, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        scores.add(g, p, sentence=i)
    return scores.to_dict()
