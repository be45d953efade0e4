"""The claims gold set: articles named by SaudiNewsNet file and index, claims as offsets."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.config import SAUDINEWSNET, shared_data_dir
from marsad.errors import InputError
from marsad.ingest.records import clean_text
from marsad.model import Span


@dataclass(frozen=True)
class GoldClaim:
    cue: Span
    source: Span | None
    kind: str
    certainty: str
    negated: bool
    content: Span
    chain: tuple[Span, ...]


@dataclass(frozen=True)
class GoldArticle:
    zip: str
    index: int
    url: str | None
    split: str
    region: Span
    text: str
    claims: tuple[GoldClaim, ...]


def _span(value: Any) -> Span | None:
    return None if value is None else Span(int(value[0]), int(value[1]))


class _Texts:
    """Article texts read from the SaudiNewsNet zips, one zip at a time, cached."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: dict[str, list[dict[str, Any]]] = {}

    def get(self, name: str, index: int) -> str:
        if name not in self._cache:
            path = self.folder / name
            try:
                with zipfile.ZipFile(path) as zf:
                    self._cache[name] = json.loads(zf.read(zf.namelist()[0]))
            except (OSError, zipfile.BadZipFile, json.JSONDecodeError) as exc:
                raise InputError(str(path), f"cannot read SaudiNewsNet file ({exc}); "
                                 "check --data or $MARSAD_SHARED_DATA") from None
        records = self._cache[name]
        if not 0 <= index < len(records):
            raise InputError(f"{name}#{index}", f"no such article (file has {len(records)})")
        return clean_text(records[index].get("content") or "")


def load_gold(path: str | Path, data: str | Path | None = None,
              splits: tuple[str, ...] = ("dev", "test")) -> list[GoldArticle]:
    """Read a claims gold JSONL file and the article texts it points at."""
    texts = _Texts(shared_data_dir(data, must_exist=False) / SAUDINEWSNET)
    out: list[GoldArticle] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read gold file: {exc.strerror}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if rec["split"] not in splits:
                continue
            text = texts.get(rec["zip"], int(rec["index"]))
            digest = hashlib.sha256(text.encode()).hexdigest()[: len(rec["text_sha256"])]
            if digest != rec["text_sha256"]:
                raise InputError(f"{path}:{n}", "article text differs from the annotated one "
                                 "(text_sha256); the data or clean_text changed")
            claims = tuple(
                GoldClaim(cue=_span(c["cue"]), source=_span(c["source"]), kind=c["kind"],  # type: ignore[arg-type]
                          certainty=c["certainty"], negated=bool(c["negated"]),
                          content=_span(c["content"]),  # type: ignore[arg-type]
                          chain=tuple(_span(s) for s in c.get("chain", ())))  # type: ignore[misc]
                for c in rec["claims"])
            out.append(GoldArticle(rec["zip"], int(rec["index"]), rec.get("url"), rec["split"],
                                   _span(rec["region"]), text, claims))  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}:{n}", f"not a claims gold record ({exc!r})") from None
    return out
