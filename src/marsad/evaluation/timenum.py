"""Evaluate the dates and numbers layers against a gold JSON Lines file.

Each gold line is one text: either written out (``"text"``) or a reference to a
SaudiNewsNet article (``"ref": {"file": "2015-07-23.zip", "index": 253}``) whose
``content`` is read from the shared data folder at run time (the corpus is
non-commercial and never copied into the project). ``"published"`` is the date the
text is resolved against; ``"split"`` is ``dev`` or ``test``. Gold ``dates`` and
``quantities`` quote their surface ``text`` (``"nth"``: which occurrence, default 1)
with the expected value/end/precision or count/min/max/what.

Detection is scored by span overlap, one-to-one (a prediction that overlaps a gold
span matches it); ``exact`` counts only identical spans. Resolution and count scores
are accuracies over the matched pairs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.config import load_config
from marsad.errors import InputError
from marsad.ingest import IngestOptions, make_article
from marsad.model import Article, Span
from marsad.pipeline import Pipeline

STAGES = ["text.v1", "dates.v1", "numbers.v1"]


def data_dir(path: str | Path | None = None) -> Path:
    """The shared data folder: ``path``, else $MARSAD_SHARED_DATA, else ../shared/data."""
    return Path(path or os.environ.get("MARSAD_SHARED_DATA") or Path("..") / "shared" / "data")


@dataclass(frozen=True)
class GoldText:
    id: str
    split: str
    text: str
    published: dt.date | None
    dates: list[dict[str, Any]]
    quantities: list[dict[str, Any]]


def _saudinewsnet_text(root: Path, ref: dict[str, Any], origin: str) -> str:
    zip_path = root / "news" / "saudinewsnet" / "dataset" / str(ref["file"])
    if not zip_path.is_file():
        raise InputError(origin, f"{zip_path} is missing; pass --data DIR (the shared data "
                                 "folder) or set MARSAD_SHARED_DATA")
    with zipfile.ZipFile(zip_path) as archive:
        name = Path(str(ref["file"])).with_suffix(".json").name
        records = json.loads(archive.read(name))
    return str(records[int(ref["index"])]["content"])


def read_gold(path: str | Path, data: str | Path | None = None) -> Iterator[GoldText]:
    """The gold texts of a file, with referenced article texts loaded from ``data``."""
    root = data_dir(data)
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                row = json.loads(line)
                text = row["text"] if "text" in row else _saudinewsnet_text(root, row["ref"],
                                                                            origin)
                published = dt.date.fromisoformat(row["published"]) if row.get("published") \
                    else None
            except (KeyError, ValueError, TypeError, IndexError) as exc:
                raise InputError(origin, f"not a gold line ({type(exc).__name__}: {exc}); "
                                         "see the format in benchmarks/gold/README.md") from None
            yield GoldText(str(row.get("id", number)), str(row.get("split", "dev")), text,
                           published, list(row.get("dates", [])), list(row.get("quantities", [])))


def locate(text: str, quoted: str, nth: int = 1) -> Span | None:
    """The span of the ``nth`` occurrence of ``quoted`` in ``text``."""
    pos = -1
    for _ in range(max(nth, 1)):
        pos = text.find(quoted, pos + 1)
        if pos < 0:
            return None
    return Span(pos, pos + len(quoted))


def _match(gold: list[Span], pred: list[Span]) -> list[tuple[int, int]]:
    """One-to-one gold/prediction pairs by overlap, largest overlaps first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _overlap, gi, pi in sorted(pairs, key=lambda row: -row[0]):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


class _Tally:
    def __init__(self, checks: Iterable[str]) -> None:
        self.gold = self.pred = self.tp = self.exact = 0
        self.right = dict.fromkeys(checks, 0)
        self.errors: list[dict[str, Any]] = []

    def report(self) -> dict[str, Any]:
        out: dict[str, Any] = {"gold": self.gold, "predicted": self.pred, "matched": self.tp,
                               **_prf(self.tp, self.pred, self.gold),
                               "exact": _prf(self.exact, self.pred, self.gold)}
        for name, right in self.right.items():
            out[f"{name}_accuracy"] = round(right / self.tp, 4) if self.tp else 0.0
        return out


def _pipeline() -> Pipeline:
    return Pipeline.from_config(load_config(overrides={"pipeline": {"stages": STAGES}}),
                                on_error=None)


def evaluate_timenum(path: str | Path, *, data: str | Path | None = None,
                     split: str | None = None, errors: bool = False) -> dict[str, Any]:
    """Detection P/R/F1 and resolution accuracies of the dates and numbers layers."""
    pipeline = _pipeline()
    dates = _Tally(("value", "precision", "resolution"))
    numbers = _Tally(("count", "bounds", "what"))
    casualty = {"gold": 0, "pred": 0, "tp": 0}
    texts = 0
    for gold in read_gold(path, data):
        if split and gold.split != split:
            continue
        texts += 1
        article: Article = pipeline(make_article(
            gold.text, origin=gold.id, options=IngestOptions(), published=gold.published))
        if article.errors:
            raise InputError(gold.id, f"stage failed: {article.errors[0].message}")
        _score_dates(gold, article, dates)
        _score_numbers(gold, article, numbers, casualty)
    result: dict[str, Any] = {
        "gold": str(path), "split": split or "all", "texts": texts,
        "dates": dates.report(), "numbers": numbers.report(),
    }
    result["numbers"]["casualties"] = _prf(casualty["tp"], casualty["pred"], casualty["gold"])
    if errors:
        result["dates"]["errors"] = dates.errors
        result["numbers"]["errors"] = numbers.errors
    return result


def _gold_spans(gold: GoldText, text: str, rows: list[dict[str, Any]]) -> list[Span]:
    """Gold spans in the ingested text (ingest may tidy whitespace around them)."""
    spans = []
    for row in rows:
        span = locate(text, row["text"], int(row.get("nth", 1)))
        if span is None:
            raise InputError(gold.id, f"gold text {row['text']!r} (occurrence "
                                      f"{row.get('nth', 1)}) is not in the text")
        spans.append(span)
    return spans


def _score(gold: GoldText, rows: list[dict[str, Any]], spans: list[Span], preds: list[Any],
           tally: _Tally, check: Callable[[dict[str, Any], Any], dict[str, bool]],
           shown: tuple[str, ...]) -> None:
    """Match predictions to gold spans, tally detection and the ``check`` results of each
    pair, and record misses, spurious hits and wrong values."""
    pairs = _match(spans, [p.span for p in preds])
    tally.gold += len(spans)
    tally.pred += len(preds)
    tally.tp += len(pairs)
    for gi, pi in pairs:
        g, p = rows[gi], preds[pi]
        tally.exact += spans[gi] == p.span
        results = check(g, p)
        for name, ok in results.items():
            tally.right[name] += ok
        if not all(results.values()):
            tally.errors.append({"id": gold.id, "gold": g, "predicted": {
                name: _iso(getattr(p, name)) for name in shown}})
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    tally.errors += [{"id": gold.id, "missed": rows[gi]}
                     for gi in range(len(spans)) if gi not in matched_g]
    tally.errors += [{"id": gold.id, "spurious": preds[pi].text}
                     for pi in range(len(preds)) if pi not in matched_p]


def _score_dates(gold: GoldText, article: Article, tally: _Tally) -> None:
    def check(g: dict[str, Any], p: Any) -> dict[str, bool]:
        value_ok = _iso(p.value) == g.get("value")
        precision_ok = p.precision == g.get("precision")
        end_ok = _iso(p.end) == g.get("end", g.get("value"))
        return {"value": value_ok, "precision": precision_ok,
                "resolution": value_ok and precision_ok and end_ok}

    preds = [d for d in article.dates if d.span is not None]
    _score(gold, gold.dates, _gold_spans(gold, article.text, gold.dates), preds, tally, check,
           ("text", "value", "end", "precision"))


def _score_numbers(gold: GoldText, article: Article, tally: _Tally,
                   casualty: dict[str, int]) -> None:
    def check(g: dict[str, Any], p: Any) -> dict[str, bool]:
        count_ok = p.count == g.get("count")
        what_ok = p.what == g.get("what")
        casualty["tp"] += bool(g.get("what")) and what_ok and count_ok
        return {"count": count_ok, "bounds": (p.min, p.max) == (g.get("min"), g.get("max")),
                "what": what_ok}

    preds = [q for q in article.quantities if q.span is not None]
    casualty["gold"] += sum(1 for g in gold.quantities if g.get("what"))
    casualty["pred"] += sum(1 for q in preds if q.what)
    _score(gold, gold.quantities, _gold_spans(gold, article.text, gold.quantities), preds,
           tally, check, ("text", "count", "min", "max", "what"))
