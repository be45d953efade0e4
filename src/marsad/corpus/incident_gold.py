"""The incidents gold set: SaudiNewsNet reports of events, grouped into incidents by hand.

Each line is one event report (a gold *item*): the article, named by SaudiNewsNet file,
index and URL (the text is read from the shared data folder at run time and checked
against ``text_sha256``; it is never copied into the project), the event as read in the
report (type, date, place from a gazetteer, actors, toll, sources, evidence offsets), the
``incident`` it belongs to, and its ``split`` (dev or test). See gold/incidents/README.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.config import SAUDINEWSNET, shared_data_dir
from marsad.errors import InputError
from marsad.ingest.records import IngestOptions, record_to_article
from marsad.model import (
    Actor,
    Article,
    DateValue,
    Event,
    Place,
    Quantity,
    Source,
    Span,
)


class SaudiNewsNet:
    """Articles read from the SaudiNewsNet day files, one file at a time, cached."""

    def __init__(self, data: str | Path | None = None) -> None:
        self.folder = shared_data_dir(data, must_exist=False) / SAUDINEWSNET
        self._files: dict[str, list[dict[str, Any]]] = {}

    def record(self, name: str, index: int) -> dict[str, Any]:
        if name not in self._files:
            path = self.folder / name
            try:
                with zipfile.ZipFile(path) as zf:
                    self._files[name] = json.loads(zf.read(zf.namelist()[0]))
            except (OSError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as exc:
                raise InputError(str(path), f"cannot read the SaudiNewsNet file ({exc}); "
                                 "pass --data or set $MARSAD_SHARED_DATA") from None
        records = self._files[name]
        if not 0 <= index < len(records):
            raise InputError(f"{name}#{index}", f"no such article (the file has {len(records)})")
        return records[index]

    def article(self, name: str, index: int) -> Article:
        """The article as ``marsad analyze`` would ingest this record."""
        return record_to_article(self.record(name, index), f"{self.folder / name}#{index}",
                                 IngestOptions())


@dataclass(frozen=True)
class GoldItem:
    item: str
    incident: str
    split: str
    zip: str
    index: int
    url: str | None
    event: Event
    article: Article


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _event(line: Mapping[str, Any], article: Article) -> Event:
    date = line.get("date")
    loc = line.get("location")
    fat = line.get("fatalities")
    s, e = line["evidence"]
    return Event(
        id=f"ev_gold_{line['item']}", article_id=article.id, type=line["type"],
        outlet=article.outlet, published=article.published,
        date=None if not date else DateValue(
            value=_day(date.get("value")), start=_day(date.get("start")),
            end=_day(date.get("end")), precision=date.get("precision")),
        location=None if not loc else Place(
            name=loc.get("name"), lat=loc.get("lat"), lon=loc.get("lon"),
            country=loc.get("country"), admin1=loc.get("admin1"),
            gazetteer_id=loc.get("gazetteer_id"), precision=loc.get("precision")),
        actors=tuple(Actor(role=a["role"], name=a["name"]) for a in line.get("actors", [])),
        fatalities=None if not fat else Quantity(count=fat.get("count"), min=fat.get("min"),
                                                 max=fat.get("max")),
        sources=tuple(Source(kind=s_["kind"], name=s_.get("name"))
                      for s_ in line.get("sources", [])),
        certainty=line.get("certainty"),
        evidence=(Span(int(s), int(e)),),
    )


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def load_gold(path: str | Path, data: str | Path | None = None,
              split: str | None = None) -> list[GoldItem]:
    """Gold items (of one split, or all), with their articles read and checked."""
    source = SaudiNewsNet(data)
    items: list[GoldItem] = []
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file ({exc.strerror or exc})") from None
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}", f"is not JSON ({exc.msg})") from None
        if split and line.get("split") != split:
            continue
        article = source.article(line["zip"], int(line["index"]))
        if text_hash(article.text) != line.get("text_sha256"):
            raise InputError(f"{path}:{number}", f"the text of {line['zip']}#{line['index']} "
                             "is not the one annotated (hash differs); check the data folder")
        s, e = line["evidence"]
        if not 0 <= s < e <= len(article.text):
            raise InputError(f"{path}:{number}", f"evidence [{s}, {e}) runs past the text")
        items.append(GoldItem(item=line["item"], incident=line["incident"],
                              split=line.get("split", ""), zip=line["zip"],
                              index=int(line["index"]), url=line.get("url"),
                              event=_event(line, article), article=article))
    if not items:
        raise InputError(str(path), f"has no gold items{f' in split {split}' if split else ''}")
    return items
