"""What the incident linker looks at in one event: type, time window, place, actors, toll.

``LinkEvent`` is a small flat view of an ``Event`` (or of a stored event's JSON) with the
values normalised once, so that scoring many pairs stays cheap. The evidence text is kept
apart (``EvidenceText``) because it is loaded only for events that have candidate partners.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from marsad.model import Event, Span, from_dict
from marsad.store.search_text import proclitic_forms
from marsad.text.normalize import normalize

UNDATED = 4  # date precision code for an event dated only by its publication day


def actor_key(name: str | None) -> str:
    """A canonical actor name folded for comparison."""
    return " ".join((name or "").casefold().split())


@dataclass(frozen=True, slots=True)
class LinkEvent:
    id: str
    article_id: str
    type: str
    acled_type: str | None
    outlet: str | None
    published: dt.date | None
    start: dt.date | None
    end: dt.date | None
    date_precision: int
    lat: float | None
    lon: float | None
    geo_precision: int | None
    country: str | None
    admin1: str | None
    place_id: str | None
    perpetrators: frozenset[str]
    targets: frozenset[str]
    fatalities: int | None
    evidence: tuple[Span, ...]
    incident_id: str | None = None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def dated(self) -> bool:
        return self.start is not None and self.end is not None

    def sort_key(self) -> tuple[dt.date, str]:
        """Earliest first: by the start of its time window, then by id."""
        return (self.start or self.published or dt.date.max, self.id)


def link_event(event: Event, undated_days: int = 3) -> LinkEvent:
    """The linker's view of one event."""
    date = event.date
    start = end = None
    precision = UNDATED
    if date is not None and (date.value or date.start):
        start = date.start or date.value
        end = date.end or date.value or start
        if end is not None and start is not None and end < start:
            start, end = end, start
        precision = date.precision or (1 if start == end else 2)
    elif event.published is not None:
        start = event.published - dt.timedelta(days=undated_days)
        end = event.published
    loc = event.location
    located = loc is not None and loc.lat is not None and loc.lon is not None
    perpetrators = frozenset(actor_key(a.name) for a in event.actors
                             if a.name and a.role == "actor1")
    targets = frozenset(actor_key(a.name) for a in event.actors
                        if a.name and a.role != "actor1")
    fat = event.fatalities
    deaths = None
    if fat is not None:
        deaths = fat.count if fat.count is not None else fat.min
    return LinkEvent(
        id=event.id, article_id=event.article_id, type=event.type,
        acled_type=event.acled.event_type if event.acled else None,
        outlet=event.outlet, published=event.published, start=start, end=end,
        date_precision=min(int(precision), UNDATED),
        lat=loc.lat if located else None, lon=loc.lon if located else None,  # type: ignore[union-attr]
        geo_precision=(loc.precision or 2) if located else None,  # type: ignore[union-attr]
        country=loc.country if loc else None, admin1=loc.admin1 if loc else None,
        place_id=loc.gazetteer_id if loc else None,
        perpetrators=perpetrators, targets=targets, fatalities=deaths,
        evidence=event.evidence, incident_id=event.incident_id,
    )


def link_event_from_json(data: Mapping[str, Any], undated_days: int = 3) -> LinkEvent:
    """The linker's view of a stored event (its contract JSON)."""
    return link_event(from_dict(Event, dict(data)), undated_days)


# ----------------------------------------------------------------- evidence text

_WORD = re.compile(r"[\w\u0600-\u06ff]+")
# Frequent function words and reporting verbs: they say nothing about which event it is.
_STOP = frozenset(normalize(w) for w in """
في من على الى إلى عن مع بعد قبل ان أن إن الذي التي الذين هذا هذه ذلك تلك كما كان كانت
قد لم لن ما لا او أو ثم بين حيث عند منذ خلال اليوم امس أمس وقال قال قالت وقالت اعلن أعلن
اعلنت أعلنت افاد أفاد افادت أفادت ذكر ذكرت واضاف وأضاف اضاف أضاف مصادر مصدر وفق بحسب حسب
الى على الأقل الاقل نحو اخرين آخرين اخرون آخرون شخصا اشخاص أشخاص وكالة انباء أنباء
""".split())  # noqa: SIM905


def content_words(text: str) -> frozenset[str]:
    """Normalised words that can tell one event from another (clitics off, stopwords out)."""
    words = set()
    for raw in _WORD.findall(normalize(text)):
        forms = proclitic_forms(raw)
        word = forms[-1]
        if word.isdigit() or (len(word) >= 3 and word not in _STOP):
            words.add(word)
    return frozenset(words)


def shingles(text: str, n: int = 3) -> frozenset[tuple[str, ...]]:
    """Word n-grams of the normalised text, for spotting copies of one wire text."""
    words = _WORD.findall(normalize(text))
    if len(words) < n:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class EvidenceText:
    """An event's evidence text (and its article's title) and the word sets compared."""

    text: str
    title: str
    words: frozenset[str]
    grams: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, text: str, title: str | None = None) -> EvidenceText:
        text = " ".join(text.split())
        title = " ".join((title or "").split())
        return cls(text, title, content_words(f"{title} {text}"), shingles(text))

    @property
    def embed_text(self) -> str:
        """What is embedded: the headline, then the evidence."""
        return f"{self.title} — {self.text}" if self.title else self.text


def evidence_text(event: LinkEvent | Event, article_text: str, max_chars: int = 600) -> str:
    """The text of an event's evidence spans (or the article's opening when it has none)."""
    parts = []
    for span in event.evidence:
        if 0 <= span.start < span.end <= len(article_text):
            parts.append(article_text[span.start:span.end])
    text = " … ".join(parts) if parts else article_text[:max_chars]
    return text[:max_chars]


def overlap(a: frozenset[Any], b: frozenset[Any]) -> float:
    """|a ∩ b| / min(|a|, |b|): 1.0 when the shorter text is contained in the longer."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
