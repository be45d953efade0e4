"""Readers for each input format; each yields articles or ``InputError``s, never raises."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from marsad.errors import InputError
from marsad.ingest.decode import DecodeError, decode_bytes, html_declared_charset
from marsad.ingest.records import IngestOptions, make_article, record_to_article
from marsad.model import Article

Result = Article | InputError

SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
}
FORMATS = frozenset(SUFFIX_FORMATS.values())
SINGLE_ARTICLE = frozenset({"text", "markdown", "html"})

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def _decode(data: bytes, origin: str, options: IngestOptions, declared: str | None = None,
            truncated: bool = False) -> str:
    try:
        text, _ = decode_bytes(data, options.encoding, declared=declared, truncated=truncated)
    except DecodeError as exc:
        raise InputError(origin, str(exc)) from None
    return text


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between two ``---`` lines at the top, and the rest."""
    stripped = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(stripped)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        kv = _FRONT_KEY.match(line.strip())
        if kv:
            fields[kv.group(1).lower()] = _unquote(kv.group(2).strip())
    if not fields:
        return {}, text
    return fields, stripped[match.end():]


def _from_fields(body: str, fields: dict[str, str], origin: str,
                 options: IngestOptions, title: str | None = None) -> Article:
    picked = {name: next((fields[n] for n in names if fields.get(n)), None)
              for name, names in options.fields.items() if name != "text"}
    known = {n for names in options.fields.values() for n in names}
    meta = {k: v for k, v in fields.items() if k not in known}
    return make_article(body, origin=origin, options=options,
                        title=picked.get("title") or title, url=picked.get("url"),
                        outlet=picked.get("outlet"), published=picked.get("published"),
                        meta=meta)


def read_text(data: bytes, origin: str, options: IngestOptions) -> Iterator[Result]:
    """A plain-text article, with optional ``---`` front matter (title, outlet, ...)."""
    try:
        fields, body = split_front_matter(_decode(data, origin, options))
        yield _from_fields(body, fields, origin, options)
    except InputError as exc:
        yield exc


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(\S(?:.*?\S)?)\1")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain text of a Markdown article and its first heading (the title)."""
    lines: list[str] = []
    title = None
    for line in markdown.replace("\r\n", "\n").split("\n"):
        if _MD_RULE.match(line):
            lines.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
            title = title or _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", line)).strip()
        line = _MD_QUOTE.sub("", line)
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        lines.append(line)
    return "\n".join(lines), title


def read_markdown(data: bytes, origin: str, options: IngestOptions) -> Iterator[Result]:
    try:
        fields, body = split_front_matter(_decode(data, origin, options))
        text, heading = markdown_to_text(body)
        yield _from_fields(text, fields, origin, options, title=heading)
    except InputError as exc:
        yield exc


logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _html_fallback_text(html: str) -> str:
    """Block texts of a page trafilatura could not read (truncated or odd markup)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml raises several unrelated types on hopeless markup
        return ""
    for bad in root.xpath("//script|//style|//nav|//footer|//header|//noscript|//form"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split())
              for el in root.xpath("//h1|//h2|//h3|//p|//li|//blockquote|//td")]
    text = "\n".join(b for b in blocks if b)
    return text or " ".join(root.text_content().split())


def read_html(data: bytes, origin: str, options: IngestOptions) -> Iterator[Result]:
    """An HTML page: main text, title, site name and declared date via trafilatura."""
    try:
        html = _decode(data, origin, options, declared=html_declared_charset(data))
    except InputError as exc:
        yield exc
        return
    import trafilatura

    meta: dict[str, Any] = {}
    text = ""
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, favor_recall=True, include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura fails in many ways on broken pages
        doc = None
        meta["extraction_error"] = f"{type(exc).__name__}: {exc}"
    if doc is not None:
        found = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = found.get("text") or ""
        meta.update({k: found.get(k) for k in ("title", "sitename", "date", "url")})
    if not text.strip():
        text = _html_fallback_text(html)
        meta["extracted_by"] = "fallback"
    if not text.strip():
        yield InputError(origin, "has no article text that could be extracted from the HTML "
                                 "(empty, script-only or badly truncated page)")
        return
    try:
        yield make_article(
            text, origin=origin, options=options, title=meta.get("title"),
            url=meta.get("url"), outlet=meta.get("sitename"), published=meta.get("date"),
            meta={k: v for k, v in meta.items()
                  if k in ("extracted_by", "extraction_error") and v},
        )
    except InputError as exc:
        yield exc


def _records_in(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in ("articles", "data", "items", "records", "results"):
            if isinstance(value.get(key), list):
                return value[key]
        return [value]
    return None


def read_json(data: bytes, origin: str, options: IngestOptions) -> Iterator[Result]:
    """A JSON file: one article object, a list of them, or {"articles": [...]}."""
    try:
        text = _decode(data, origin, options)
    except InputError as exc:
        yield exc
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(origin, f"is not valid JSON ({exc.msg} at line {exc.lineno}, "
                                 f"column {exc.colno}); for one object a line use .jsonl")
        return
    records = _records_in(value)
    if records is None:
        yield InputError(origin, f"holds a JSON {type(value).__name__}, not articles")
        return
    many = len(records) > 1 or isinstance(value, list)
    for i, record in enumerate(records):
        where = f"{origin}[{i}]" if many else origin
        try:
            yield record_to_article(record, where, options)
        except InputError as exc:
            yield exc


def read_jsonl(stream: Iterable[bytes], origin: str, options: IngestOptions,
               first_line: int = 1) -> Iterator[Result]:
    """JSON Lines, streamed: one bad line is reported and the rest still read.

    ``first_line`` numbers the lines of a stream that starts inside a file (a byte range).
    """
    for lineno, raw in enumerate(stream, start=first_line):
        where = f"{origin}:{lineno}"
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        if len(raw) > options.max_article_chars * 4:
            yield InputError(where, f"line is {len(raw):,} bytes, too long for one article")
            continue
        try:
            record = json.loads(raw.decode(options.encoding or "utf-8"))
        except UnicodeDecodeError:
            yield InputError(where, "is not UTF-8 (JSON Lines must be UTF-8); "
                                    "convert the file or pass --encoding")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(where, f"is not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        try:
            yield record_to_article(record, where, options)
        except InputError as exc:
            yield exc


def read_csv(stream: IO[bytes], origin: str, options: IngestOptions) -> Iterator[Result]:
    """CSV with a header row, streamed; fields mapped like JSON records."""
    sample = stream.read(1 << 20)
    try:
        _, encoding = decode_bytes(sample, options.encoding, truncated=True)
    except DecodeError as exc:
        yield InputError(origin, str(exc))
        return
    encoding = "utf-8-sig" if encoding in ("utf-8", "utf-8-bom") else encoding
    encoding = encoding.removesuffix("-bom")
    whole = io.BufferedReader(_Rewound(sample, stream))  # type: ignore[arg-type]
    text = io.TextIOWrapper(whole, encoding=encoding, newline="")
    csv.field_size_limit(min(sys.maxsize, options.max_article_chars * 4))
    reader = csv.DictReader(text)
    row_no = 1
    try:
        for row_no, row in enumerate(reader, start=2):
            try:
                yield record_to_article({k: v for k, v in row.items() if k}, f"{origin}:{row_no}",
                                        options)
            except InputError as exc:
                yield exc
    except (UnicodeDecodeError, csv.Error) as exc:
        yield InputError(f"{origin}:{row_no + 1}", f"cannot be read past this row ({exc}); "
                                                   "the rows before it were kept")


class _Rewound(io.RawIOBase):
    """A raw stream that replays an already-read head before the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._stream.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def sniff_format(head: bytes) -> str:
    """Guess the format of unnamed input (stdin, files without a known suffix)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"[":
        return "json"
    if start == b"{":
        lines = [ln for ln in head.splitlines() if ln.strip()]
        return "jsonl" if len(lines) > 1 and lines[1].lstrip().startswith(b"{") else "json"
    if start == b"<":
        return "html"
    return "text"


def read_stream(fmt: str, stream: IO[bytes], origin: str, options: IngestOptions,
                size: int | None = None) -> Iterator[Result]:
    """Dispatch one input stream to its format's reader, enforcing the size limits."""
    if fmt == "jsonl":
        yield from read_jsonl(stream, origin, options)
        return
    if fmt == "csv":
        yield from read_csv(stream, origin, options)
        return
    limit = options.max_json_bytes if fmt == "json" else options.max_file_bytes
    if size is not None and size > limit:
        yield _too_big(origin, size, limit, fmt)
        return
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield _too_big(origin, None, limit, fmt)
        return
    reader = {"text": read_text, "markdown": read_markdown, "html": read_html,
              "json": read_json}[fmt]
    yield from reader(data, origin, options)


def _too_big(origin: str, size: int | None, limit: int, fmt: str) -> InputError:
    what = f"is {size / 1048576:.1f} MB" if size is not None else "is larger than the limit"
    key = "ingest.max_json_mb" if fmt == "json" else "ingest.max_file_mb"
    advice = ("use JSON Lines (.jsonl), which is streamed" if fmt == "json"
              else "split it into one file per article")
    return InputError(origin, f"{what}, over the {limit / 1048576:.0f} MB limit for one "
                              f"{fmt} file ({key}); {advice} or raise the limit")
