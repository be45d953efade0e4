"""A BiLSTM-CRF NER tagger run with numpy alone (weights written by ``lstm_train``).

The network reads, per token, the folded word's static vector (its stem's when it has
none), a character CNN over the folded word, word flags, the shape and the proclitics;
a bidirectional LSTM over the sentence gives each token its tag scores and a Viterbi pass
with BIO constraints picks the tags. Inputs are computed once per word type (cached);
sentences of a batch are run in step, sorted by length.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from marsad.errors import ConfigError
from marsad.ner.conll import TaggedSentence, bio_entities
from marsad.ner.features import base_shape, fold, split_proclitics

Entity = tuple[int, int, str]
WEIGHTS = "weights.npz"
FLAG_LETTERS = "PpNTOVLFA"
MAX_CHARS = 20
WORD_CACHE = 50_000


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


class Featurizer:
    """Token strings -> integer/float arrays the network reads (computed per word type)."""

    def __init__(self, rows: dict[str, int], flags: dict[str, str], chars: dict[str, int],
                 shapes: dict[str, int], clitics: dict[str, int]) -> None:
        self.rows, self.flags, self.chars = rows, flags, chars
        self.shapes, self.clitics = shapes, clitics
        self.cache: dict[str, tuple[int, np.ndarray, np.ndarray, int, int]] = {}

    @classmethod
    def build(cls, rows: dict[str, int], flags: dict[str, str],
              sentences: Sequence[TaggedSentence]) -> Featurizer:
        chars: Counter[str] = Counter()
        shapes: Counter[str] = Counter()
        clitics: Counter[str] = Counter()
        for s in sentences:
            for t in s.tokens:
                w = fold(t)
                chars.update(w)
                shapes[base_shape(t)] += 1
                clitics[split_proclitics(w)[0]] += 1

        def index(c: Counter[str], min_count: int = 2) -> dict[str, int]:
            return {k: i + 2 for i, k in enumerate(sorted(k for k, n in c.items()
                                                           if n >= min_count))}
        return cls(rows, flags, index(chars), index(shapes), index(clitics, 1))

    def word(self, token: str) -> tuple[int, np.ndarray, np.ndarray, int, int]:
        """``ids`` of ``token``, kept for the next time (training reads every word often)."""
        hit = self.cache.get(token)
        if hit is None:
            hit = self.cache[token] = self.ids(token)
        return hit

    def ids(self, token: str) -> tuple[int, np.ndarray, np.ndarray, int, int]:
        """The network's inputs for ``token``: its word-table row + 1 (0: none), character
        ids, flags (``FLAG_LETTERS`` and whether it has a vector), shape and proclitic ids."""
        w = fold(token)
        clitic, stem = split_proclitics(w)
        row = self.rows.get(w, self.rows.get(stem, -1))
        letters = self.flags.get(w) or self.flags.get(stem) or ""
        flag = np.array([c in letters for c in FLAG_LETTERS] + [row >= 0], dtype=np.float32)
        ids = [self.chars.get(c, 1) for c in w[:MAX_CHARS]]
        char_ids = np.zeros(MAX_CHARS + 2, dtype=np.int64)
        char_ids[: len(ids) + 2] = [1, *ids, 1][: MAX_CHARS + 2]
        return (row + 1, char_ids, flag, self.shapes.get(base_shape(token), 1),
                self.clitics.get(clitic, 1))

    def batch(self, sentences: Sequence[Sequence[str]]) -> dict[str, np.ndarray]:
        n, length = len(sentences), max(1, max(len(s) for s in sentences))
        out = {"word": np.zeros((n, length), np.int64),
               "chars": np.zeros((n, length, MAX_CHARS + 2), np.int64),
               "flags": np.zeros((n, length, len(FLAG_LETTERS) + 1), np.float32),
               "shape": np.zeros((n, length), np.int64),
               "clitic": np.zeros((n, length), np.int64),
               "mask": np.zeros((n, length), bool)}
        for i, s in enumerate(sentences):
            for j, t in enumerate(s):
                row, chars, flag, shape, clitic = self.word(t)
                out["word"][i, j], out["chars"][i, j], out["flags"][i, j] = row, chars, flag
                out["shape"][i, j], out["clitic"][i, j] = shape, clitic
                out["mask"][i, j] = True
        return out


def viterbi(em: np.ndarray, lengths: Sequence[int], trans: np.ndarray, start: np.ndarray,
            end: np.ndarray) -> list[list[int]]:
    """Best tag path of each sentence of ``em`` (sentences × longest × tags, padding after
    each sentence's length), all sentences in step."""
    n, length, tags = em.shape
    lengths_arr = np.asarray(lengths)
    score = start + em[:, 0]
    back = np.zeros((n, length, tags), np.int64)
    for t in range(1, length):
        cand = score[:, :, None] + trans
        best = cand.argmax(1)
        step = np.take_along_axis(cand, best[:, None, :], 1)[:, 0] + em[:, t]
        live = (lengths_arr > t)[:, None]
        score = np.where(live, step, score)
        back[:, t] = best
    last = (score + end).argmax(1)
    paths = []
    for i, k in enumerate(lengths):
        path = [int(last[i])]
        for t in range(k - 1, 0, -1):
            path.append(int(back[i, t, path[-1]]))
        paths.append(path[::-1])
    return paths


class LstmTagger:
    """Numpy forward pass and Viterbi over the arrays of ``weights.npz``."""

    def __init__(self, arrays: dict[str, np.ndarray], batch_size: int = 256) -> None:
        self.a = {k: np.asarray(v, dtype=np.float32) if v.dtype.kind == "f" else v
                  for k, v in arrays.items()}
        self.tags = [str(t) for t in arrays["tags"]]

        def index(key: str) -> dict[str, int]:
            return {str(w): i for i, w in enumerate(arrays[key])}

        self.features = Featurizer(
            index("words"), dict(zip(arrays["flag_words"].tolist(),
                                     arrays["flag_letters"].tolist(), strict=True)),
            index("chars"), index("shapes"), index("clitics"))
        self.batch_size = batch_size
        self.hidden = self.a["lstm_w_hh"].shape[1]
        self._input = lru_cache(maxsize=WORD_CACHE)(self._word_input)

    @classmethod
    def load(cls, folder: str | Path) -> LstmTagger:
        path = Path(folder) / WEIGHTS
        if not path.is_file():
            raise ConfigError(f"no LSTM NER weights at {path}; train them with "
                              "`python -m marsad.ner.lstm_train --out FOLDER`")
        with np.load(path, allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({t[2:] for t in self.tags if t != "O"}))

    def _word_input(self, token: str) -> np.ndarray:
        a = self.a
        row, char_ids, flags, shape, clitic = self.features.ids(token)
        vec = a["vectors"][row - 1] if row else np.zeros(a["vectors"].shape[1], np.float32)
        emb = a["char_emb"][char_ids]
        pad = np.zeros((1, emb.shape[1]), np.float32)
        padded = np.vstack([pad, emb, pad])  # convolution of width 3 with zero padding
        windows = np.concatenate([padded[:-2], padded[1:-1], padded[2:]], axis=1)
        pooled = np.maximum((windows @ a["char_conv"] + a["char_conv_b"]).max(0), 0.0)
        return np.concatenate([vec, pooled, a["shape_emb"][shape], a["clitic_emb"][clitic],
                               flags])

    def emissions(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Tag scores (sentences × longest × tags) of non-empty sentences."""
        a = self.a
        lengths = [len(s) for s in sentences]
        n, length = len(sentences), max(lengths)
        width = a["lstm_w_ih"].shape[1]
        x = np.zeros((n, length, width), np.float32)
        rev = np.zeros_like(x)
        for i, s in enumerate(sentences):
            x[i, : lengths[i]] = [self._input(t) for t in s]
            rev[i, : lengths[i]] = x[i, lengths[i] - 1 :: -1]
        fwd = self._run(x, 0)
        back = self._run(rev, 1)
        for i, k in enumerate(lengths):  # back in reading order
            back[i, :k] = back[i, k - 1 :: -1].copy()
        return np.concatenate([fwd, back], axis=2) @ a["out_w"] + a["out_b"]

    def _run(self, x: np.ndarray, d: int) -> np.ndarray:
        """One LSTM direction over left-aligned sentences (their padding comes last)."""
        a = self.a
        n, length, _ = x.shape
        hid = self.hidden
        pre = x @ a["lstm_w_ih"][d] + a["lstm_b"][d]  # n × length × 4H (i, f, o, g)
        w_hh = a["lstm_w_hh"][d]
        h = np.zeros((n, hid), np.float32)
        c = np.zeros((n, hid), np.float32)
        out = np.empty((n, length, hid), np.float32)
        for t in range(length):
            g = pre[:, t] + h @ w_hh
            ifo = _sigmoid(g[:, : 3 * hid])
            c = ifo[:, hid : 2 * hid] * c + ifo[:, :hid] * np.tanh(g[:, 3 * hid :])
            h = ifo[:, 2 * hid :] * np.tanh(c)
            out[:, t] = h
        return out

    def viterbi(self, em: np.ndarray, lengths: Sequence[int]) -> list[list[int]]:
        """Best BIO-valid tag path of each sentence (all sentences of a batch in step)."""
        return viterbi(em, lengths, self.a["crf_trans"], self.a["crf_start"], self.a["crf_end"])

    def tag(self, sentences: Iterable[Sequence[str]]) -> list[list[Entity]]:
        """Entities of each sentence (a list of token strings)."""
        sents = [list(s) for s in sentences]
        out: list[list[Entity]] = [[] for _ in sents]
        order = sorted((i for i, s in enumerate(sents) if s), key=lambda i: len(sents[i]))
        for k in range(0, len(order), self.batch_size):
            chunk = order[k : k + self.batch_size]
            batch = [sents[i] for i in chunk]
            lengths = [len(s) for s in batch]
            paths = self.viterbi(self.emissions(batch), lengths)
            for i, path in zip(chunk, paths, strict=True):
                out[i] = list(bio_entities([self.tags[p] for p in path]))
        return out


def export_arrays(state: dict[str, np.ndarray], rows: dict[str, int], chars: dict[str, int],
                  shapes: dict[str, int], clitics: dict[str, int], tags: Sequence[str],
                  flags: dict[str, str]) -> dict[str, Any]:
    """The ``weights.npz`` arrays of a trained ``lstm_train`` network's state."""

    def names(index: dict[str, int]) -> np.ndarray:
        out = ["", ""] + [""] * len(index)
        for k, i in index.items():
            out[i] = k
        return np.array(out)

    hid = state["lstm.weight_hh_l0"].shape[1]
    # torch orders the gates i, f, g, o; the numpy pass reads i, f, o, g
    order = np.r_[0 : 2 * hid, 3 * hid : 4 * hid, 2 * hid : 3 * hid]
    w_ih, w_hh, b = [], [], []
    for suffix in ("", "_reverse"):
        w_ih.append(state[f"lstm.weight_ih_l0{suffix}"][order].T)
        w_hh.append(state[f"lstm.weight_hh_l0{suffix}"][order].T)
        b.append((state[f"lstm.bias_ih_l0{suffix}"] + state[f"lstm.bias_hh_l0{suffix}"])[order])
    conv = state["char_cnn.weight"]  # filters × dim × 3
    char_conv = np.concatenate([conv[:, :, k].T for k in range(3)], axis=0)
    return {
        "vectors": state["words.weight"][[r + 1 for r in rows.values()]].astype(np.float16),
        "words": np.array(list(rows)),
        "char_emb": state["chars.weight"], "char_conv": char_conv,
        "char_conv_b": state["char_cnn.bias"],
        "chars": names(chars), "shapes": names(shapes), "clitics": names(clitics),
        "shape_emb": state["shapes.weight"], "clitic_emb": state["clitics.weight"],
        "lstm_w_ih": np.stack(w_ih), "lstm_w_hh": np.stack(w_hh), "lstm_b": np.stack(b),
        "out_w": state["out.weight"].T, "out_b": state["out.bias"],
        "crf_trans": state["trans"] + state["forbid"],
        "crf_start": state["start"] + state["forbid_start"], "crf_end": state["end"],
        "tags": np.array(list(tags)),
        "flag_words": np.array(list(flags)), "flag_letters": np.array(list(flags.values())),
    }
