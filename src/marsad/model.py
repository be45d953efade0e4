"""The article model: frozen dataclasses whose spans index the article's original text.

Every layer a stage adds is a tuple of these objects. Offsets are character offsets,
half-open ``[start, end)``, into ``Article.text`` as ingested; nothing here ever holds
offsets into a normalised view. ``to_dict``/``from_dict`` give the JSON shapes of
docs/CONTRACT.md (spans as ``[start, end]`` lists, dates as ISO strings, missing as null).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

from marsad.errors import SpanError

SourceKind = Literal[
    "anonymous", "person", "official", "media", "social_media", "observers", "unspecified"
]
Certainty = Literal["asserted", "reported", "alleged", "hedged"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into the original article text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise SpanError(f"span offsets must be integers, got {self.start!r}, {self.end!r}")
        if self.start < 0 or self.end < self.start:
            raise SpanError(f"invalid span [{self.start}, {self.end}): need 0 <= start <= end")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """The surface text this span covers in ``text``."""
        if self.end > len(text):
            raise SpanError(f"span [{self.start}, {self.end}) runs past the text ({len(text)})")
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Mention:
    """A typed stretch of text: an entity, actor, weapon, place name, number, ..."""

    kind: str
    text: str
    span: Span
    norm: str | None = None
    source: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DateValue:
    """A resolved time expression; precision follows ACLED (1 day, 2 week/days, 3 month+)."""

    value: dt.date | None
    start: dt.date | None
    end: dt.date | None
    precision: int | None
    text: str | None = None
    span: Span | None = None
    kind: str | None = None
    inherited: bool = False


@dataclass(frozen=True)
class Place:
    """A geocoded place; precision follows ACLED (1 town/site, 2 near/part of region, 3 region)."""

    name: str | None
    name_ar: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    gazetteer_id: str | None = None
    precision: int | None = None
    text: str | None = None
    span: Span | None = None
    feature: str | None = None
    inherited: bool = False


@dataclass(frozen=True)
class Quantity:
    """A count with ACLED-style bounds, e.g. fatalities; ``what`` says what is counted."""

    count: int | None
    min: int | None = None
    max: int | None = None
    text: str | None = None
    span: Span | None = None
    what: str | None = None


@dataclass(frozen=True)
class Actor:
    """An event participant with its canonical name and ACLED inter code (1-8)."""

    role: str
    name: str | None
    text: str | None = None
    inter: int | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Weapon:
    name: str | None
    category: str | None = None
    text: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Source:
    """Who a claim is attributed to; ``chain`` keeps relays (outlet <- paper <- person)."""

    kind: SourceKind
    name: str | None = None
    text: str | None = None
    span: Span | None = None
    chain: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Cue:
    text: str
    span: Span


@dataclass(frozen=True)
class Claim:
    """A reported statement: its source, the reporting cue and the content it covers."""

    source: Source
    cue: Cue | None
    content: Span
    certainty: Certainty
    negated: bool = False


@dataclass(frozen=True)
class AcledType:
    event_type: str | None
    sub_event_type: str | None


@dataclass(frozen=True)
class Event:
    """One event found in one article, every argument pointing at its evidence."""

    id: str
    article_id: str
    type: str
    outlet: str | None = None
    published: dt.date | None = None
    acled: AcledType | None = None
    plover: str | None = None
    date: DateValue | None = None
    actors: tuple[Actor, ...] = ()
    location: Place | None = None
    fatalities: Quantity | None = None
    weapons: tuple[Weapon, ...] = ()
    sources: tuple[Source, ...] = ()
    certainty: Certainty | None = None
    evidence: tuple[Span, ...] = ()
    incident_id: str | None = None
    historical: bool = False
    trigger: Cue | None = None
    inherited: tuple[str, ...] = ()


@dataclass(frozen=True)
class StageError:
    """A failure recorded on the article instead of sinking the batch."""

    stage: str
    message: str


@dataclass(frozen=True)
class Article:
    """The central object: original text plus the layers stages add on top of it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    lang: str | None = None
    origin: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateValue, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[StageError, ...] = ()

    def span_text(self, span: Span) -> str:
        return span.slice(self.text)


@dataclass(frozen=True)
class Corroboration:
    """How an incident is corroborated; ``copied_outlets`` are outlets that ran one wire
    text (each group counts once in ``independent_outlets``), ``party_sources`` name the
    sources that speak for a party to the event (what makes ``self_interested`` true)."""

    independent_outlets: int
    anonymous_only: bool
    source_kinds: tuple[str, ...] = ()
    self_interested: bool = False
    copied_outlets: tuple[tuple[str, ...], ...] = ()
    party_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class DisputedValue:
    value: Any
    sources: tuple[str, ...] = ()
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dispute:
    field: str
    values: tuple[DisputedValue, ...]


@dataclass(frozen=True)
class Incident:
    """The same real-world event as reported by one or more articles."""

    id: str
    type: str
    date: DateValue | None = None
    location: Place | None = None
    event_ids: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    corroboration: Corroboration | None = None
    disputes: tuple[Dispute, ...] = ()


# ---------------------------------------------------------------- JSON shapes


def to_dict(obj: Any) -> Any:
    """The contract's JSON-ready form of a model object (recursively)."""
    if isinstance(obj, Span):
        return obj.to_list()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item_tp, *_rest) = typing.get_args(tp)
        return tuple(_convert(item_tp, v) for v in value)
    if origin is Literal or tp is Any or origin is dict:
        return value
    if tp is Span:
        return Span(int(value[0]), int(value[1]))
    if tp is dt.date:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


T = typing.TypeVar("T")


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a model object from its ``to_dict`` form; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def spans_of(obj: Any) -> typing.Iterator[tuple[Span, str | None]]:
    """Every (span, quoted text) pair inside a model object, for offset checks."""
    if isinstance(obj, Span):
        yield obj, None
        return
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        span = getattr(obj, "span", None)
        quoted = getattr(obj, "text", None)
        if isinstance(span, Span):
            yield span, quoted if isinstance(quoted, str) else None
        for f in dataclasses.fields(obj):
            if f.name in ("span", "text"):
                continue
            yield from spans_of(getattr(obj, f.name))
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from spans_of(item)
