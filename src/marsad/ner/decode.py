"""Greedy decoding of spaCy's transition-based NER model, batched in numpy.

spaCy 3.8 decodes with a C loop whose state checks take and release the GIL at every
move (about 20 µs per token, half the model's time). This module runs the same greedy
BILUO decoding over the same weights, one numpy step per token position for all
sentences at once: same features (the next word, the open entity's first word, the word
before), same maxout hidden layer, same move validity, same first-best choice. It
supports what marsad's tagger gives it: fresh docs without preset entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

Entity = tuple[int, int, str]  # token start, token end (exclusive), label

_KINDS = "BILUO"


class Decoder:
    """The NER component's weights and move tables, ready to decode batches of docs."""

    def __init__(self, ner: Any) -> None:
        model = ner.model
        if model.get_ref("lower").get_dim("nF") != 3 or not model.attrs.get("has_upper"):
            raise ValueError("only spaCy's default NER parser (3 features, with upper layer)")
        self.ner = ner
        self.project = model.get_ref("tok2vec").layers[-1]  # list2array >> linear
        self.lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        self.weights_t = np.ascontiguousarray(upper.get_param("W").T)
        self.bias = upper.get_param("b")
        self.unseen = sorted(model.attrs.get("unseen_classes") or ())
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self.labels = sorted({n[2:] for n in names if len(n) > 2})
        kind = np.array([_KINDS.index(n[0]) for n in names])
        label = np.array([self.labels.index(n[2:]) + 1 if len(n) > 2 else 0 for n in names])
        n_labels = len(self.labels)
        # Penalty (0 or -inf) per (open label, last token, next token starts a sentence,
        # token is whitespace) and move: spaCy's Begin/In/Last/Unit/Out.is_valid.
        penalty = np.full((n_labels + 1, 2, 2, 2, len(names)), -np.inf, dtype="f")
        for open_label in range(n_labels + 1):
            for last in (0, 1):
                for next_start in (0, 1):
                    for space in (0, 1):
                        ok = _valid(kind, label, open_label, last, next_start, space)
                        penalty[open_label, last, next_start, space, ok] = 0.0
        self.penalty = penalty.reshape(-1, len(names))
        self.begins = kind == 0
        self.inside = kind == 1
        self.ends = (kind == 2) | (kind == 3)
        self.move_label = label
        self.units = kind == 3

    def __call__(self, docs: Sequence[Any], tokvecs: Sequence[np.ndarray]) -> list[list[Entity]]:
        """Entities of each doc, given the ``tok2vec`` component's output for them."""
        out: list[list[Entity]] = [[] for _ in docs]
        lengths = np.array([len(d) for d in docs], dtype=np.int64)
        if not lengths.sum():
            return out
        hidden = self.project.predict(np.concatenate([t for t in tokvecs if len(t)]))
        cached = self.lower.predict(hidden)  # row 0 is padding, token g is row g + 1
        n_rows, _, width, pieces = cached.shape
        features = [np.ascontiguousarray(cached[:, f].reshape(n_rows, -1)) for f in range(3)]
        bias = self.lower.get_param("b").reshape(-1)
        flags = np.zeros(n_rows, dtype=np.int64)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        for doc, start, length in zip(docs, starts, lengths, strict=True):
            flags[start + 1: start + 1 + length] = token_flags(doc)
        order = np.argsort(-lengths, kind="stable")
        base = starts[order] + 1
        active = np.searchsorted(-lengths[order], -np.arange(lengths.max()), side="left")
        open_label = np.zeros(len(docs), dtype=np.int64)
        first_row = np.zeros(len(docs), dtype=np.int64)  # the open entity's first word
        prev_row = np.zeros(len(docs), dtype=np.int64)  # the word before, while open
        for t, n in enumerate(active):
            row = base[:n] + t
            x = features[0][row]
            x += features[1][first_row[:n]]
            x += features[2][prev_row[:n]]
            x += bias
            scores = x.reshape(n, width, pieces).max(axis=2) @ self.weights_t
            scores += self.bias
            if self.unseen:
                scores[:, self.unseen] = scores.min()
            scores += self.penalty[open_label[:n] * 8 + flags[row]]
            move = scores.argmax(axis=1)
            ends = np.flatnonzero(self.ends[move])
            for i in ends:
                doc_i, unit = order[i], self.units[move[i]]
                begin = t if unit else first_row[i] - base[i]
                label = self.move_label[move[i]] if unit else open_label[i]
                out[doc_i].append((int(begin), t + 1, self.labels[label - 1]))
            begins, inside = self.begins[move], self.inside[move]
            opened = begins | inside
            open_label[:n] = np.where(begins, self.move_label[move], open_label[:n] * inside)
            first_row[:n] = np.where(begins, row, first_row[:n] * inside)
            prev_row[:n] = row * opened
        return out


def token_flags(doc: Any) -> np.ndarray:
    """Per token: 4 if it is the last, + 2 if the next starts a sentence, + 1 if a space."""
    from spacy.attrs import IS_SPACE, SENT_START

    arr = doc.to_array([SENT_START, IS_SPACE]).reshape(-1, 2)
    flags = (arr[:, 1] != 0).astype(np.int64)
    if len(flags):
        flags[-1] += 4
        flags[:-1] += 2 * (arr[1:, 0] == 1)
    return flags


def _valid(kind: np.ndarray, label: np.ndarray, open_label: int, last: int,
           next_start: int, space: int) -> np.ndarray:
    """Moves spaCy's BILUO system allows in one state (no preset entities)."""
    named = label != 0
    if open_label:
        same = label == open_label
        inside = (kind == 1) & same & (not last) & (not next_start)
        return inside | ((kind == 2) & same)
    begin = (kind == 0) & named & (not last) & (not next_start) & (not space)
    unit = (kind == 3) & named & (not space)
    return begin | unit | (kind == 4)
