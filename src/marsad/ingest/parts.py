"""Inputs cut into parts that workers read on their own: files, archive members, records, lines.

``plan_parts`` lists the inputs in the driver without parsing them (folders are walked,
ZIP directories listed, big JSON Lines files cut at line starts); ``read_part`` reads one
part where it runs. Reading every part of a plan in order gives exactly what
``read_inputs`` gives for the same paths: the same articles, errors, origins and order.

A ``records`` part is a stretch of the results of reading one file or archive member
(the i-th article or error); with ``stop=None`` it runs to the end, and ``take_part`` may
cut it into several once the number of records is known. A ``lines`` part is a byte range
of a JSON Lines file that starts at a line start, with the number of that line.
"""

from __future__ import annotations

import os
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import IO, Literal

from marsad.errors import InputError
from marsad.ingest.formats import FORMATS, SUFFIX_FORMATS, Result, read_jsonl
from marsad.ingest.records import IngestOptions
from marsad.ingest.sources import (
    BAD_ZIP,
    iter_files,
    read_path,
    read_zip_member,
    unreadable,
    zip_members,
)

Unit = Literal["records", "lines", "error"]
_SCAN_BLOCK = 1 << 20


@dataclass(frozen=True)
class Part:
    """One unit of input work; ``size`` (bytes) weighs it for progress and ETA."""

    path: str
    member: str | None = None
    unit: Unit = "records"
    start: int = 0
    stop: int | None = None
    line: int = 1
    sniff: bool = False
    size: int = 0
    error: str | None = None

    def describe(self) -> str:
        where = f"{self.path}:{self.member}" if self.member else self.path
        if self.unit == "lines":
            return f"{where} (bytes {self.start}-{self.stop}, from line {self.line})"
        if self.unit == "records" and (self.start or self.stop is not None):
            end = "end" if self.stop is None else self.stop
            return f"{where} (records {self.start}-{end})"
        return where


def _is_compressed(path: Path, options: IngestOptions) -> bool:
    return not options.input_format and path.suffix.lower() in (".zip", ".gz")


def _is_jsonl(path: Path, options: IngestOptions) -> bool:
    fmt = options.input_format or SUFFIX_FORMATS.get(path.suffix.lower())
    return fmt == "jsonl" and not _is_compressed(path, options)


def line_ranges(path: Path, size: int, bytes_per_part: int) -> list[tuple[int, int, int]]:
    """``(start, stop, line)`` byte ranges of about ``bytes_per_part``, cut after newlines."""
    ranges: list[tuple[int, int, int]] = []
    start, line = 0, 1
    pos, newlines = 0, 0
    target = bytes_per_part
    with path.open("rb") as handle:
        while block := handle.read(_SCAN_BLOCK):
            while target < pos + len(block):
                cut = block.find(b"\n", max(target - pos, 0))
                if cut < 0:
                    break
                boundary = pos + cut + 1
                if boundary >= size:
                    break
                ranges.append((start, boundary, line))
                start, line = boundary, 1 + newlines + block.count(b"\n", 0, cut + 1)
                target = boundary + bytes_per_part
            newlines += block.count(b"\n")
            pos += len(block)
    ranges.append((start, max(size, pos), line))
    return ranges


def _file_parts(path: Path, options: IngestOptions, sniff: bool,
                bytes_per_part: int | None) -> list[Part]:
    origin = str(path)
    try:
        if path.suffix.lower() == ".zip" and not options.input_format:
            try:
                with zipfile.ZipFile(path) as archive:
                    return [Part(origin, member=info.filename, size=info.file_size)
                            for info in zip_members(archive)]
            except zipfile.BadZipFile:
                return [Part(origin, unit="error", error=BAD_ZIP)]
        size = path.stat().st_size
        if bytes_per_part and size > bytes_per_part and _is_jsonl(path, options):
            return [Part(origin, unit="lines", start=s, stop=e, line=n, size=e - s)
                    for s, e, n in line_ranges(path, size, bytes_per_part)]
    except (OSError, EOFError) as exc:
        return [Part(origin, unit="error", error=unreadable(origin, exc).reason)]
    return [Part(origin, sniff=sniff, size=size)]


def plan_parts(paths: Iterable[str], options: IngestOptions | None = None, *,
               bytes_per_part: int | None = None) -> list[Part]:
    """The parts of the inputs, in input order; ``bytes_per_part`` cuts big JSON Lines files."""
    options = options or IngestOptions()
    if options.input_format and options.input_format not in FORMATS:
        raise InputError("--input-format", f"must be one of {', '.join(sorted(FORMATS))}")
    parts: list[Part] = []
    for raw in paths:
        if raw == "-":
            raise InputError("-", "standard input cannot be shared out among workers; "
                                  "save it to a file and name the file instead")
        path = Path(raw)
        if path.is_dir():
            files = list(iter_files(path))
            if not files:
                parts.append(Part(raw, unit="error", error="is a folder with no files in it"))
            for file in files:
                parts.extend(_file_parts(file, options, False, bytes_per_part))
        elif path.exists():
            parts.extend(_file_parts(path, options, True, bytes_per_part))
        else:
            parts.append(Part(raw, unit="error", error="does not exist"))
    return parts


def _read_whole(part: Part, options: IngestOptions) -> Iterator[Result]:
    """Every result of the file or archive member a records part belongs to."""
    path = Path(part.path)
    if part.member is None:
        yield from read_path(path, options, sniff=part.sniff)
        return
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                info = archive.getinfo(part.member)
            except KeyError:
                yield InputError(f"{path}:{part.member}", "is no longer in the archive; "
                                                          "was the archive replaced mid-run?")
                return
            yield from read_zip_member(archive, info, path, options)
    except zipfile.BadZipFile:
        yield InputError(part.path, BAD_ZIP)
    except (OSError, EOFError) as exc:
        yield unreadable(part.path, exc)


def _lines_of(handle: IO[bytes], limit: int) -> Iterator[bytes]:
    used = 0
    while used < limit:
        raw = handle.readline()
        if not raw:
            return
        used += len(raw)
        yield raw


def _read_lines(part: Part, options: IngestOptions) -> Iterator[Result]:
    stop = part.stop if part.stop is not None else os.path.getsize(part.path)
    try:
        with open(part.path, "rb") as handle:
            handle.seek(part.start)
            yield from read_jsonl(_lines_of(handle, stop - part.start), part.path, options,
                                  first_line=part.line)
    except (OSError, EOFError) as exc:
        yield unreadable(part.path, exc)


def read_part(part: Part, options: IngestOptions) -> Iterator[Result]:
    """The articles and input errors of one part, in order."""
    if part.unit == "error":
        yield InputError(part.path, part.error or "cannot be read")
    elif part.unit == "lines":
        yield from _read_lines(part, options)
    else:
        yield from islice(_read_whole(part, options), part.start, part.stop)


def read_plan(parts: Iterable[Part], options: IngestOptions,
              on_part: Callable[[Part], None] | None = None) -> Iterator[Result]:
    """Every part read in turn (the in-process way); ``on_part`` hears of each one read."""
    for part in parts:
        yield from read_part(part, options)
        if on_part is not None:
            on_part(part)


# ------------------------------------------------------------ on the workers

_CACHED_FILES = 2
_recent: OrderedDict[tuple[object, ...], list[Result]] = OrderedDict()
_recent_lock = threading.Lock()  # a worker may run several threads


def _results_of(part: Part, options: IngestOptions) -> list[Result]:
    """All results of a part's file; the last two files read are kept for their next parts."""
    try:
        stat = os.stat(part.path)
    except OSError:
        return list(_read_whole(part, options))
    key = (part.path, part.member, part.sniff, stat.st_mtime_ns, stat.st_size, repr(options))
    with _recent_lock:
        if key in _recent:
            _recent.move_to_end(key)
            return _recent[key]
    results = list(_read_whole(part, options))
    with _recent_lock:
        _recent[key] = results
        while len(_recent) > _CACHED_FILES:
            _recent.popitem(last=False)
    return results


def take_part(part: Part, options: IngestOptions,
              records_per_part: int) -> tuple[list[Result], list[Part]]:
    """Read a part to analyse now, or, when it is longer, cut it into shorter parts.

    A records part of more than ``records_per_part`` records (known once its file is
    read) comes back as parts of ``records_per_part`` records each and no results, so the
    pieces of one big file spread over the workers at once.
    """
    if part.unit != "records":
        return list(read_part(part, options)), []
    results = _results_of(part, options)
    end = len(results) if part.stop is None else min(part.stop, len(results))
    left = max(end - part.start, 0)
    if left <= records_per_part:
        return results[part.start:end], []
    pieces = []
    for start in range(part.start, end, records_per_part):
        stop = min(start + records_per_part, end)
        pieces.append(replace(part, start=start, stop=stop,
                              size=part.size * (stop - start) // left))
    return [], pieces


def singletons(part: Part, options: IngestOptions) -> list[Part]:
    """A part cut into parts of one record or line each (read here, not analysed)."""
    if part.unit == "records":
        count = sum(1 for _ in read_part(part, options))
        if count <= 1:
            return [part]
        return [replace(part, start=part.start + i, stop=part.start + i + 1,
                        size=part.size // count) for i in range(count)]
    if part.unit == "lines":
        stop = part.stop if part.stop is not None else os.path.getsize(part.path)
        pieces = []
        with open(part.path, "rb") as handle:
            handle.seek(part.start)
            start = part.start
            for i, raw in enumerate(_lines_of(handle, stop - part.start)):
                pieces.append(replace(part, start=start, stop=start + len(raw),
                                      line=part.line + i, size=len(raw)))
                start += len(raw)
        return pieces or [part]
    return [part]
