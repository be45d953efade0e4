"""JSON Lines output in the shapes of docs/CONTRACT.md."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from marsad.model import Article, to_dict

ARTICLE_KEYS = ("id", "url", "outlet", "published", "title", "lang", "text", "sentences",
                "mentions", "claims", "events", "errors")


def article_record(article: Article) -> dict[str, Any]:
    """One ``--format articles`` line: the contract keys first, then the other layers."""
    data = to_dict(article)
    ordered = {key: data.pop(key) for key in ARTICLE_KEYS}
    ordered.update(data)
    return ordered


def event_records(article: Article) -> Iterator[dict[str, Any]]:
    """The ``--format events`` lines of one article."""
    for event in article.events:
        yield to_dict(event)


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def write_article(article: Article, out: TextIO, fmt: str = "events") -> int:
    """Write one article's lines in ``fmt`` (events|articles); returns the lines written."""
    if fmt == "articles":
        out.write(dumps(article_record(article)) + "\n")
        return 1
    n = 0
    for record in event_records(article):
        out.write(dumps(record) + "\n")
        n += 1
    return n


def write_events(pairs: Iterable[tuple[dict[str, Any], Any]], out: TextIO) -> int:
    """Stored events (contract JSON), one a line; returns the lines written."""
    n = 0
    for event, _article in pairs:
        out.write(dumps(event) + "\n")
        n += 1
    return n
