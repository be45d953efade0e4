"""Experiment: a BiLSTM-CRF NER tagger (torch, CPU) for issue #3, scored on the dev split.

Per token: the folded word's static vector from the CNN model's word table (the stem's
when the word has none; frozen), a character CNN over the folded word, the CRF's word
flags (gazetteer, titles, heads, actor words: ``ner-crf/word_flags.tsv``), the shape and
the proclitics; a BiLSTM over the sentence, and a linear-chain CRF over BIO tags whose
invalid transitions (``O`` → ``I-X``, ``B-X`` → ``I-Y``) are forbidden. Same data as the
CNN (``train.split_corpora``: ANERcorp's training part without the test overlap, dev
stretches held out); optionally pre-trained on the other corpora first. The CAMeL test
split is read only to remove its overlaps, never trained on or scored. torch is a
training-only extra (``pip install -e '.[train]'`` with ``torch==2.13.0`` pinned in a
constraints file: an open range pulls CUDA packages).

    python -m marsad.ner.lstm_train --out build/lstm [--pretrain wikifane,aqmar,wojood]

Not wired into marsad's pipeline: on the dev split it was level with the CNN at best (dev
F1 of every configuration tried is in ``resources/models/ner/README.md``); it is one of
the three taggers whose vote labels the silver sentences the CNN is trained on
(``marsad.ner.silver``). Writes the best checkpoint (``final-best.pt``), its numpy weights
(``weights.npz``, read by ``marsad.ner.lstm.LstmTagger``), the word-type indices
(``featurizer.pkl``) and the per-epoch dev scores (``log.json``) into ``--out``; the parsed
corpora are cached in ``lstm-data.pkl`` beside it.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.conll import TaggedSentence, bio_entities
from marsad.ner.lstm import (
    FLAG_LETTERS,
    WEIGHTS,
    Featurizer,
    LstmTagger,
    export_arrays,
    viterbi,
)
from marsad.ner.silver import SILVER

LABELS = ("PER", "ORG", "GPE", "LOC", "FAC", "MISC")
TAGS = ("O", *(f"{p}-{label}" for label in LABELS for p in ("B", "I")))


def word_table(model: Path) -> tuple[dict[str, int], np.ndarray]:
    """Folded word -> row, and the rows, of a spaCy model folder's static vectors."""
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    vectors = Vectors().from_disk(model / "vocab", exclude=["strings"])
    strings = StringStore().from_disk(model / "vocab" / "strings.json")
    rows = {strings[k]: r for k, r in vectors.key2row.items() if k in strings}
    return rows, np.asarray(vectors.data, dtype=np.float32)


def read_flags(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, letters = line.partition("\t")
        out[word] = letters
    return out


def allowed_transitions() -> np.ndarray:
    """``allowed[i, j]``: tag j may follow tag i (BIO)."""
    ok = np.ones((len(TAGS), len(TAGS)), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            for i, prev in enumerate(TAGS):
                ok[i, j] = prev[2:] == tag[2:]
    return ok


def build_network(vectors: np.ndarray, feats: Featurizer, hidden: int = 128,
                  char_dim: int = 32, char_filters: int = 64, dropout: float = 0.5) -> Any:
    import torch
    from torch import nn

    class BiLstmCrf(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            table = np.vstack([np.zeros((1, vectors.shape[1]), np.float32), vectors])
            self.words = nn.Embedding.from_pretrained(torch.from_numpy(table), freeze=True)
            self.chars = nn.Embedding(len(feats.chars) + 2, char_dim, padding_idx=0)
            self.char_cnn = nn.Conv1d(char_dim, char_filters, 3, padding=1)
            self.shapes = nn.Embedding(len(feats.shapes) + 2, 8)
            self.clitics = nn.Embedding(len(feats.clitics) + 2, 8)
            width = vectors.shape[1] + char_filters + 16 + len(FLAG_LETTERS) + 1
            self.drop = nn.Dropout(dropout)
            self.lstm = nn.LSTM(width, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(TAGS))
            n = len(TAGS)
            self.trans = nn.Parameter(torch.zeros(n, n))
            self.start = nn.Parameter(torch.zeros(n))
            self.end = nn.Parameter(torch.zeros(n))
            allowed = torch.from_numpy(allowed_transitions())
            self.register_buffer("forbid", (~allowed).float() * -1e4)
            start_ok = torch.tensor([not t.startswith("I-") for t in TAGS])
            self.register_buffer("forbid_start", (~start_ok).float() * -1e4)

        def emissions(self, b: dict[str, Any]) -> Any:
            n, length, c = b["chars"].shape
            ch = self.chars(b["chars"].view(n * length, c)).transpose(1, 2)
            ch = torch.relu(self.char_cnn(ch)).max(dim=2).values.view(n, length, -1)
            x = torch.cat([self.words(b["word"]), ch, self.shapes(b["shape"]),
                           self.clitics(b["clitic"]), b["flags"]], dim=-1)
            lengths = b["mask"].sum(1).cpu()
            packed = nn.utils.rnn.pack_padded_sequence(self.drop(x), lengths, batch_first=True,
                                                       enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=length)
            return self.out(self.drop(h))

        def loss(self, b: dict[str, Any], tags: Any) -> Any:
            em = self.emissions(b)
            mask = b["mask"]
            trans = self.trans + self.forbid
            start = self.start + self.forbid_start
            n, length, _ = em.shape
            ar = torch.arange(n)
            # gold path score
            score = start[tags[:, 0]] + em[ar, 0, tags[:, 0]]
            for t in range(1, length):
                m = mask[:, t].float()
                score = score + m * (trans[tags[:, t - 1], tags[:, t]] + em[ar, t, tags[:, t]])
            last = tags[ar, mask.sum(1) - 1]
            score = score + self.end[last]
            # partition
            alpha = start + em[:, 0]
            for t in range(1, length):
                nxt = torch.logsumexp(alpha.unsqueeze(2) + trans + em[:, t].unsqueeze(1), dim=1)
                m = mask[:, t].unsqueeze(1)
                alpha = torch.where(m, nxt, alpha)
            log_z = torch.logsumexp(alpha + self.end, dim=1)
            return (log_z - score).sum() / mask.sum()

    return BiLstmCrf()


def predictor(net: Any, feats: Featurizer) -> Any:
    import torch

    def tag(sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        net.eval()
        trans = (net.trans + net.forbid).detach().numpy()
        start = (net.start + net.forbid_start).detach().numpy()
        end = net.end.detach().numpy()
        out: list[list[tuple[int, int, str]]] = []
        with torch.no_grad():
            for i in range(0, len(sentences), 256):
                chunk = [list(s) for s in sentences[i:i + 256]]
                nonempty = [s for s in chunk if s]
                paths = iter(viterbi(net.emissions(to_torch(feats.batch(nonempty))).numpy(),
                                     [len(s) for s in nonempty], trans, start, end)
                             if nonempty else [])
                out += [list(bio_entities([TAGS[p] for p in next(paths)])) if s else []
                        for s in chunk]
        return out
    return tag


def to_torch(b: dict[str, np.ndarray]) -> dict[str, Any]:
    import torch

    return {k: torch.from_numpy(v) for k, v in b.items()}


def dev_f1(tag: Any, dev: Sequence[TaggedSentence]) -> dict[str, float]:
    from marsad.ner.evaluate import evaluate_sentences
    from marsad.ner.propagate import in_context

    out = {}
    for reading, predict in (("alone", tag), ("context", in_context(tag))):
        r = evaluate_sentences(dev, predict, "conll4")
        out[reading] = {k: r[k] for k in ("precision", "recall", "f1")}
    return out


def train_epochs(net: Any, feats: Featurizer, train: Sequence[TaggedSentence],
                 dev: Sequence[TaggedSentence], *, epochs: int, lr: float, batch: int,
                 patience: int, out: Path, name: str, seed: int, log: list[Any]) -> float:
    import torch

    rng = random.Random(seed)
    index = {t: i for i, t in enumerate(TAGS)}
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=lr)
    best, since = -1.0, 0
    order = sorted(range(len(train)), key=lambda i: len(train[i].tokens))
    for epoch in range(1, epochs + 1):
        started = time.time()
        net.train()
        chunks = [order[i:i + batch] for i in range(0, len(order), batch)]
        rng.shuffle(chunks)
        total = 0.0
        for chunk in chunks:
            sents = [train[i] for i in chunk if train[i].tokens]
            b = to_torch(feats.batch([s.tokens for s in sents]))
            tags = torch.zeros(b["mask"].shape, dtype=torch.long)
            for i, s in enumerate(sents):
                tags[i, : len(s.tags)] = torch.tensor([index.get(t or "O", 0) for t in s.tags])
            loss = net.loss(b, tags)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        scores = dev_f1(predictor(net, feats), dev)
        f1 = scores["alone"]["f1"]
        row = {"stage": name, "epoch": epoch, "loss": round(total / len(chunks), 4),
               "seconds": round(time.time() - started), **scores}
        log.append(row)
        print(json.dumps(row), flush=True)
        if f1 > best:
            best, since = f1, 0
            torch.save(net.state_dict(), out / f"{name}-best.pt")
        else:
            since += 1
            if since >= patience:
                break
    net.load_state_dict(torch.load(out / f"{name}-best.pt"))
    return best


def main(argv: Sequence[str] | None = None) -> None:
    import torch

    from marsad.ner import corpora as C
    from marsad.ner.crf import default_crf_path
    from marsad.ner.tagger import default_model_path
    from marsad.ner.train import DEV_EVERY, split_corpora

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("build/lstm"))
    ap.add_argument("--pretrain", default="", help="corpora to pre-train on, comma-separated")
    ap.add_argument("--pretrain-epochs", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--char-filters", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--lr", type=float, default=0.001)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--init", type=Path, help="a checkpoint (.pt) of the same network to "
                    "start from (pass the --pretrain it was trained with)")
    ap.add_argument("--silver", type=Path, help="also train on these machine-labelled "
                    "sentences (silver.conll of `marsad train ner-silver`)")
    args = ap.parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    cache = args.out.parent / "lstm-data.pkl"
    corpora = ("anercorp", *[c for c in args.pretrain.split(",") if c])
    key = ",".join(corpora) + (f"+{args.silver}" if args.silver else "")
    data: dict[str, Any] = pickle.loads(cache.read_bytes()) if cache.is_file() else {}
    if key not in data:
        train, _, _ = split_corpora(args.data, corpora, silver=args.silver)
        dev = [s for s in C.read_anercorp(args.data)
               if int(s.doc.split(":")[1]) % DEV_EVERY == DEV_EVERY - 1]
        data[key] = (train, dev)
        cache.write_bytes(pickle.dumps(data))
    train, dev = data[key]
    aner = ([s for s in train if s.source.lower().startswith("aner") or s.source == SILVER]
            if args.pretrain else train)
    print(f"train {len(train)} sentences (ANERcorp and silver {len(aner)}), dev {len(dev)}",
          flush=True)
    rows, vectors = word_table(default_model_path())
    # the input indices come from the gold corpora alone, so that --init and --silver mix
    gold = [s for s in train if s.source != SILVER]
    feats = Featurizer.build(rows, read_flags(default_crf_path() / "word_flags.tsv"), gold)
    net = build_network(vectors, feats, args.hidden, char_filters=args.char_filters,
                        dropout=args.dropout)
    log: list[Any] = []
    common = {"lr": args.lr, "batch": args.batch, "out": args.out, "seed": args.seed,
              "log": log}
    if args.init:
        net.load_state_dict(torch.load(args.init))
    if args.pretrain and args.pretrain_epochs > 0:
        train_epochs(net, feats, train, dev, epochs=args.pretrain_epochs, patience=99,
                     name="pretrain", **common)
    best = train_epochs(net, feats, aner, dev, epochs=args.epochs, patience=args.patience,
                        name="final", **common)
    (args.out / "log.json").write_text(json.dumps({"args": {k: str(v) for k, v in
                                                            vars(args).items()},
                                                   "best_dev_f1_alone": best, "log": log},
                                                  indent=1))
    with (args.out / "featurizer.pkl").open("wb") as f:
        pickle.dump({k: getattr(feats, k) for k in ("chars", "shapes", "clitics")}, f)
    export(net, feats, args.out, dev)


def export(net: Any, feats: Featurizer, out: Path, dev: Sequence[TaggedSentence]) -> None:
    """Write ``weights.npz`` for ``marsad.ner.lstm.LstmTagger`` and check that it tags the
    dev sentences as the torch network does."""
    state = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    rows = dict(sorted(feats.rows.items(), key=lambda kv: kv[1]))
    arrays = export_arrays(state, rows, feats.chars, feats.shapes, feats.clitics, TAGS,
                           feats.flags)
    np.savez_compressed(out / WEIGHTS, **arrays)
    tokens = [s.tokens for s in dev]
    same = predictor(net, feats)(tokens) == LstmTagger.load(out).tag(tokens)
    print(f"numpy tagger agrees with torch on dev: {same}", flush=True)


if __name__ == "__main__":
    main()
