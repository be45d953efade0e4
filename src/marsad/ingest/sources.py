"""Walk the inputs a user names (files, folders, archives, ``-``) and read articles."""

from __future__ import annotations

import gzip
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from marsad.errors import InputError
from marsad.ingest.formats import (
    FORMATS,
    SUFFIX_FORMATS,
    Result,
    read_stream,
    sniff_format,
)
from marsad.ingest.records import IngestOptions

SUPPORTED = " ".join(sorted(SUFFIX_FORMATS)) + " .gz .zip"


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def iter_files(root: Path) -> Iterator[Path]:
    """Files below ``root`` in a stable order, hidden files and folders skipped."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and not _is_hidden(path, root):
            yield path


def _format_for(name: str, options: IngestOptions) -> str | None:
    if options.input_format:
        return options.input_format
    return SUFFIX_FORMATS.get(Path(name).suffix.lower())


def _read_named(stream: IO[bytes], name: str, origin: str, options: IngestOptions,
                size: int | None, sniff: bool) -> Iterator[Result]:
    fmt = _format_for(name, options)
    if fmt is None:
        if not sniff:
            yield InputError(origin, f"is not a supported input type ({SUPPORTED}); skipped")
            return
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        fmt = sniff_format(head)
    yield from read_stream(fmt, stream, origin, options, size)


BAD_ZIP = "is not a readable ZIP archive (damaged or truncated)"


def zip_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members read from an archive, in order (folders and hidden files left out)."""
    return [info for info in sorted(archive.infolist(), key=lambda i: i.filename)
            if not info.is_dir() and not Path(info.filename).name.startswith(".")]


def read_zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path,
                    options: IngestOptions) -> Iterator[Result]:
    """Articles from one member of an open archive, read by the member's own suffix."""
    origin = f"{path}:{info.filename}"
    try:
        with archive.open(info) as member:
            yield from _read_named(member, info.filename, origin, options,
                                   info.file_size, sniff=False)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield InputError(origin, f"cannot be read from the archive ({exc})")


def read_zip(path: Path, options: IngestOptions) -> Iterator[Result]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        yield InputError(str(path), BAD_ZIP)
        return
    with archive:
        for info in zip_members(archive):
            yield from read_zip_member(archive, info, path, options)


def unreadable(origin: str, exc: BaseException) -> InputError:
    """The error for a file that cannot be opened or read (missing, permissions, truncated)."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return InputError(origin, f"cannot be read ({reason})")


def read_path(path: Path, options: IngestOptions, *, sniff: bool = True) -> Iterator[Result]:
    """Articles from one file (``sniff``: guess the format of unknown suffixes)."""
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".zip" and not options.input_format:
            yield from read_zip(path, options)
        elif suffix == ".gz" and not options.input_format:
            with gzip.open(path, "rb") as stream:
                yield from _read_named(stream, path.stem, origin, options, None,  # type: ignore[arg-type]
                                       sniff=sniff)
        else:
            with path.open("rb") as stream:
                yield from _read_named(stream, path.name, origin, options,
                                       path.stat().st_size, sniff=sniff)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield unreadable(origin, exc)


def read_stdin(options: IngestOptions, stream: IO[bytes] | None = None) -> Iterator[Result]:
    stream = stream if stream is not None else sys.stdin.buffer
    if options.input_format in ("jsonl", "csv"):
        yield from read_stream(options.input_format, stream, "<stdin>", options)
        return
    limit = max(options.max_json_bytes, options.max_file_bytes)
    data = stream.read(limit + 1)
    fmt = options.input_format or sniff_format(data[:4096])
    import io

    yield from read_stream(fmt, io.BytesIO(data), "<stdin>", options, len(data))


def read_inputs(paths: Iterable[str], options: IngestOptions | None = None) -> Iterator[Result]:
    """Every article (or input error) from files, folders (recursive), archives and ``-``."""
    options = options or IngestOptions()
    if options.input_format and options.input_format not in FORMATS:
        raise InputError("--input-format", f"must be one of {', '.join(sorted(FORMATS))}")
    for raw in paths:
        if raw == "-":
            yield from read_stdin(options)
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(iter_files(path))
            if not files:
                yield InputError(raw, "is a folder with no files in it")
            for file in files:
                yield from read_path(file, options, sniff=False)
        elif path.exists():
            yield from read_path(path, options)
        else:
            yield InputError(raw, "does not exist")
