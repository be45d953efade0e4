"""From raw fields to an ``Article``: metadata, content-hash ids and size limits."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import InputError
from marsad.model import Article, StageError

FIELD_NAMES = ("title", "text", "url", "outlet", "published")
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "text": ("text", "content", "body", "article"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "sitename"),
    "published": ("published", "date", "date_published", "pubdate", "date_extracted"),
}


@dataclass(frozen=True)
class IngestOptions:
    """How inputs become articles; CLI flags and ``[ingest]`` config fill this in."""

    fields: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FIELDS))
    outlet: str | None = None
    published: dt.date | None = None
    encoding: str | None = None
    input_format: str | None = None
    max_file_bytes: int = 10 * 1024 * 1024
    max_json_bytes: int = 256 * 1024 * 1024
    max_article_chars: int = 1_000_000

    @classmethod
    def from_config(cls, config: Mapping[str, Any], **overrides: Any) -> IngestOptions:
        """Options from the ``[ingest]`` table, then explicit keyword overrides."""
        section = config.get("ingest", {})
        fields = dict(DEFAULT_FIELDS)
        for name, names in section.get("fields", {}).items():
            fields[name] = (names,) if isinstance(names, str) else tuple(names)
        kwargs: dict[str, Any] = {
            "fields": fields,
            "encoding": section.get("encoding") or None,
            "max_file_bytes": int(float(section.get("max_file_mb", 10)) * 1024 * 1024),
            "max_json_bytes": int(float(section.get("max_json_mb", 256)) * 1024 * 1024),
            "max_article_chars": int(section.get("max_article_chars", 1_000_000)),
        }
        kwargs.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**kwargs)


def article_id(text: str, outlet: str | None) -> str:
    """Content-hash id: the same text from the same outlet is the same article."""
    digest = hashlib.sha256(f"{outlet or ''}\x1f{text}".encode()).hexdigest()
    return "ar_" + digest[:20]


_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"), ("d", "m", "y")),
)


def parse_published(value: Any) -> dt.date | None:
    """A publication date from common record forms; ValueError when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    for pattern, order in _DATE_PATTERNS:
        match = pattern.match(raw)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            return dt.date(parts["y"], parts["m"], parts["d"])
    raise ValueError(f"cannot read the date {raw!r}; use YYYY-MM-DD")


def clean_text(text: str) -> str:
    """The article text as stored: newlines unified, BOM dropped, outer blanks trimmed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()


def make_article(
    text: str,
    *,
    origin: str,
    options: IngestOptions,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: Any = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """Build an article; metadata from the input wins over ``--outlet``/``--published``."""
    body = clean_text(text)
    if not body:
        raise InputError(origin, "has no article text (empty)")
    if len(body) > options.max_article_chars:
        raise InputError(
            origin,
            f"article text is {len(body):,} characters, over the limit of "
            f"{options.max_article_chars:,} (ingest.max_article_chars); split it or raise it",
        )
    errors: list[StageError] = []
    try:
        date = parse_published(published)
    except ValueError as exc:
        date = None
        errors.append(StageError("ingest", f"published: {exc}"))
    outlet = (str(outlet).strip() or None) if outlet else None
    outlet = outlet or options.outlet
    return Article(
        id=article_id(body, outlet),
        text=body,
        title=(clean_text(title) or None) if title else None,
        url=(str(url).strip() or None) if url else None,
        outlet=outlet,
        published=date or options.published,
        origin=origin,
        meta=meta or {},
        errors=tuple(errors),
    )


def pick(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    """The first non-empty value among ``names`` in ``record``."""
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def record_to_article(record: Any, origin: str, options: IngestOptions) -> Article:
    """One JSON/CSV record as an article, using the configured field names."""
    if not isinstance(record, Mapping):
        raise InputError(origin, f"is a JSON {type(record).__name__}, not an object with a "
                                 "text field")
    text = pick(record, options.fields["text"])
    if text is None:
        tried = ", ".join(options.fields["text"])
        raise InputError(origin, f"has no text field (tried {tried}); name it with "
                                 "--field text=NAME")
    if not isinstance(text, str):
        raise InputError(origin, f"text field is a {type(text).__name__}, not a string")
    known = {n for names in options.fields.values() for n in names}
    meta = {k: v for k, v in record.items() if k not in known and isinstance(k, str)
            and isinstance(v, (str, int, float, bool))}
    return make_article(
        text,
        origin=origin,
        options=options,
        title=pick(record, options.fields["title"]),
        url=pick(record, options.fields["url"]),
        outlet=pick(record, options.fields["outlet"]),
        published=pick(record, options.fields["published"]),
        meta=meta,
    )
