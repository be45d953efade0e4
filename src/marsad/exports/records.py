"""Stored events paired with their articles' details, in batches, for the exporters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.store import Store
    from marsad.store.queries import EventFilter


@dataclass(frozen=True)
class ArticleInfo:
    """What exports cite of an event's article; ``text`` resolves evidence spans."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    outlet: str | None = None
    published: str | None = None
    stored_at: int | None = None  # Unix seconds

    def quote(self, span: Any) -> str | None:
        """The original text a ``[start, end]`` span covers, or None for a missing span."""
        if not span or len(span) != 2:
            return None
        start, end = int(span[0]), int(span[1])
        if not 0 <= start <= end <= len(self.text):
            return None
        return self.text[start:end]


Pair = tuple[dict[str, Any], ArticleInfo | None]


def with_articles(store: Store, events: Iterable[dict[str, Any]],
                  batch: int = 500) -> Iterator[Pair]:
    """Each event with its article's details, read from the store a batch at a time."""
    chunk: list[dict[str, Any]] = []
    for event in events:
        chunk.append(event)
        if len(chunk) >= batch:
            yield from _pairs(store, chunk)
            chunk = []
    if chunk:
        yield from _pairs(store, chunk)


def _pairs(store: Store, events: list[dict[str, Any]]) -> Iterator[Pair]:
    details = store.article_details(e["article_id"] for e in events)
    for event in events:
        row = details.get(event["article_id"])
        yield event, ArticleInfo(**row) if row else None


def stored_pairs(store: Store, where: EventFilter | None = None) -> Iterator[Pair]:
    return with_articles(store, store.iter_events(where))
