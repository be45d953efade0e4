"""The events gold set: articles named by reference, events with verified offsets.

A gold file is JSON Lines, one article a line (built from the annotators' quotes by
``marsad.events.gold_source``). Each names its article by reference instead of holding
its text: a SaudiNewsNet zip and index (the corpus is CC BY-NC-SA and is read from the
shared data folder at run time), a file next to the gold file, or a sample bundled with
marsad. ``load_gold()`` reads the text exactly as ``marsad analyze`` ingests it
(``marsad.ingest.read_inputs``), checks its hash, its article id and every span of every
event, and returns ``GoldArticle``s whose events are ordinary ``model.Event`` objects.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.config import SAUDINEWSNET, shared_data_dir
from marsad.errors import GoldError, InputError, SpanError
from marsad.events.taxonomy import load_taxonomy
from marsad.ingest import IngestOptions, read_inputs
from marsad.model import Article, Event, Span, from_dict
from marsad.pipeline import check_spans

SPLITS = ("dev", "test", "test2", "test3", "dev2", "dev3", "dev4", "dev5", "dev6")
HASH_CHARS = 16


def text_hash(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of the article text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


@dataclass(frozen=True)
class Reference:
    """Where a gold article's text comes from.

    ``kind`` is ``saudinewsnet`` (``path`` = zip file name, ``index`` = position in its
    JSON array), ``file`` (``path`` relative to the gold file's folder, ``index`` = the
    record within it) or ``sample`` (``path`` = a file name in marsad's samples folder).
    """

    kind: str
    path: str
    index: int = 0
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        if self.kind == "saudinewsnet":
            return {"kind": self.kind, "zip": self.path, "index": self.index, "url": self.url}
        return {"kind": self.kind, "path": self.path, "index": self.index}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reference:
        kind = data["kind"]
        path = data["zip"] if kind == "saudinewsnet" else data["path"]
        return cls(kind, str(path), int(data.get("index", 0)), data.get("url"))

    def label(self) -> str:
        return f"{self.path}#{self.index}"


class ArticleSource:
    """Reads referenced articles as marsad ingests them; each file is read once."""

    def __init__(self, base: str | Path = ".", data: str | Path | None = None,
                 options: IngestOptions | None = None) -> None:
        self.base = Path(base)
        self.data = shared_data_dir(data, must_exist=False)
        self.options = options or IngestOptions()
        self._files: dict[Path, list[Article | InputError]] = {}

    def path_of(self, ref: Reference) -> Path:
        if ref.kind == "saudinewsnet":
            return self.data / SAUDINEWSNET / ref.path
        if ref.kind == "file":
            return self.base / ref.path
        if ref.kind == "sample":
            return Path(str(resources.files("marsad").joinpath("resources", "samples",
                                                                ref.path)))
        raise GoldError(f"{ref.label()}: unknown reference kind {ref.kind!r}; use "
                        "saudinewsnet, file or sample")

    def article(self, ref: Reference) -> Article:
        """The article ``ref`` names, exactly as ``read_inputs`` yields it."""
        path = self.path_of(ref)
        if path not in self._files:
            if not path.is_file():
                hint = (" (SaudiNewsNet is read from the shared data folder: pass --data or "
                        "set $MARSAD_SHARED_DATA)" if ref.kind == "saudinewsnet" else "")
                raise GoldError(f"{ref.label()}: {path} does not exist{hint}")
            self._files[path] = list(read_inputs([str(path)], self.options))
        results = self._files[path]
        if not 0 <= ref.index < len(results):
            raise GoldError(f"{ref.label()}: {path} holds {len(results)} records, "
                            f"not index {ref.index}")
        result = results[ref.index]
        if isinstance(result, InputError):
            raise GoldError(f"{ref.label()}: marsad cannot read this record ({result.reason})")
        if ref.kind == "saudinewsnet" and not (result.origin or "").endswith(f"[{ref.index}]"):
            raise GoldError(f"{ref.label()}: record order in {path} is not the JSON array's")
        return result


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: its text as ingested, its split and its gold events."""

    key: str
    split: str
    group: str
    reference: Reference
    article: Article
    region: Span
    events: tuple[Event, ...]
    note: str | None = None


def _event(data: dict[str, Any], where: str, known_types: Iterable[str]) -> Event:
    event = from_dict(Event, data)
    if event.type not in known_types:
        raise GoldError(f"{where}: event type {event.type!r} is not in the taxonomy")
    if not event.evidence:
        raise GoldError(f"{where}: event {event.id} has no evidence span")
    return event


def parse_record(record: dict[str, Any], source: ArticleSource, where: str) -> GoldArticle:
    """Check one gold line against the text it references and build its GoldArticle."""
    try:
        ref = Reference.from_dict(record["source"])
        key, split = str(record["key"]), str(record["split"])
        expected_hash = str(record["text_sha256"])
        raw_events = record["events"]
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldError(f"{where}: not an events gold record (missing or bad {exc!r})") from None
    if split not in SPLITS:
        raise GoldError(f"{where}: split must be one of {', '.join(SPLITS)}, not {split!r}")
    article = source.article(ref)
    if text_hash(article.text) != expected_hash:
        raise GoldError(f"{where} ({key}): the text of {ref.label()} is not the annotated "
                        "one (text_sha256 differs); the data or marsad's ingest changed")
    if record.get("article_id") and record["article_id"] != article.id:
        raise GoldError(f"{where} ({key}): article id {article.id} is not the annotated "
                        f"{record['article_id']} (outlet or text changed)")
    types = load_taxonomy().ids
    try:
        events = tuple(_event(e, f"{where} ({key})", types) for e in raw_events)
        region = Span(*record.get("region") or (0, len(article.text)))
        check_spans(replace(article, events=events))
        if region.end > len(article.text):
            raise SpanError(f"region {region.to_list()} runs past the text")
    except (SpanError, TypeError, ValueError) as exc:
        raise GoldError(f"{where} ({key}): {exc}") from None
    return GoldArticle(key, split, str(record.get("group") or ""), ref, article, region,
                       events, record.get("note"))


def load_gold(path: str | Path, split: str = "all", data: str | Path | None = None,
              keys: Iterable[str] | None = None) -> list[GoldArticle]:
    """Read an events gold file; ``split`` is ``dev`` to ``dev6``, ``test``, ``test2``,
    ``test3`` or ``all``."""
    if split not in (*SPLITS, "all"):
        raise GoldError(f"split must be {', '.join(SPLITS)} or all, not {split!r}")
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read gold file {p}: {exc.strerror}") from None
    wanted = set(keys) if keys is not None else None
    source = ArticleSource(base=p.parent, data=data)
    out: list[GoldArticle] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{p}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise GoldError(f"{p}:{n}: not a JSON object")
        if split != "all" and record.get("split") != split:
            continue
        if wanted is not None and record.get("key") not in wanted:
            continue
        out.append(parse_record(record, source, f"{p}:{n}"))
    return out
