"""CoNLL-style token files: one ``token TAG`` a line, a blank line between sentences.

Tags are IOB/BIO (``B-LOC``, ``I-LOC``, ``O``); a line may carry more than one tag column
(nested corpora such as Wojood), of which ``read_conll`` keeps them all in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputError

# Invisible marks some corpora put before every token (NewsFANE: U+200E), and BOMs.
_INVISIBLE = re.compile("[\u200e\u200f\ufeff]")


@dataclass(frozen=True)
class TaggedSentence:
    """Tokens with one BIO tag each; ``source`` and ``doc`` say where the sentence came from."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    source: str = ""
    doc: str = ""
    missing: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if len(self.tokens) != len(self.tags):
            raise ValueError(f"{len(self.tokens)} tokens but {len(self.tags)} tags")

    def entities(self) -> list[tuple[int, int, str]]:
        return bio_entities(self.tags)


def bio_entities(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities ``(start, end, type)`` (token offsets, end exclusive) of a BIO/IOB tag list.

    As conlleval reads them: an ``I-X`` after ``O`` or after another type opens a new
    entity; ``B-X`` always does.
    """
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate((*tags, "O")):
        prefix, _, label = tag.partition("-")
        if prefix not in ("B", "I"):
            prefix, label = "O", ""
        if kind and (prefix in ("O", "B") or label != kind):
            out.append((start, i, kind))
            kind = ""
        if prefix != "O" and not kind:
            start, kind = i, label
    return out


def entities_to_bio(n_tokens: int, entities: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags for ``n_tokens`` tokens holding ``entities`` (overlaps: first one wins)."""
    tags = ["O"] * n_tokens
    for start, end, label in sorted(entities):
        if any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def _is_tag(field: str) -> bool:
    return field == "O" or (field[:2] in ("B-", "I-") and len(field) > 2)


def _split_line(line: str, origin: str, number: int, strict: bool = True
                ) -> tuple[str, list[str]] | None:
    parts = line.split("\t") if "\t" in line else line.split(" ")
    parts = [p for p in (x.strip() for x in parts) if p]
    if len(parts) == 1 and line[:1].isspace() and _is_tag(parts[0]):
        return None  # a blank token (ANERcorp has a few): nothing to tag
    if len(parts) < 2:
        raise InputError(origin, f"line {number}: expected 'token TAG', got {line!r}")
    # A token is one field; some corpora (ANERcorp) glue stray text onto one line.
    tags = [p for p in parts[1:] if _is_tag(p)]
    if not tags and not strict:
        tags = ["O"]
    if not tags:
        raise InputError(origin, f"line {number}: no BIO tag in {line!r} (use B-X, I-X or O)")
    return parts[0], tags


def iter_conll_lines(
    lines: Iterable[str], origin: str = "<conll>", *, strict: bool = True
) -> Iterator[tuple[list[str], list[list[str]]]]:
    """Sentences as (tokens, tag columns per token) from CoNLL lines.

    ``strict=False`` reads a malformed tag (``IO``, ``OO``) as ``O`` instead of failing.
    """
    tokens: list[str] = []
    tags: list[list[str]] = []
    for number, raw in enumerate(lines, 1):
        line = _INVISIBLE.sub("", raw.rstrip("\r\n"))
        if not line.strip():
            if tokens:
                yield tokens, tags
                tokens, tags = [], []
            continue
        parsed = _split_line(line, origin, number, strict)
        if parsed is None:
            continue
        token, token_tags = parsed
        tokens.append(token)
        tags.append(token_tags)
    if tokens:
        yield tokens, tags


def read_conll(path: str | Path, source: str = "") -> list[TaggedSentence]:
    """Sentences of a CoNLL file, keeping the first tag column of each line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(p), "no such file; give a CoNLL file of 'token TAG' lines") from None
    except UnicodeDecodeError:
        raise InputError(str(p), "not UTF-8 text; convert the CoNLL file to UTF-8") from None
    out = []
    for tokens, tags in iter_conll_lines(text.splitlines(), str(p)):
        out.append(TaggedSentence(tuple(tokens), tuple(t[0] for t in tags),
                                  source=source or p.name, doc=p.name))
    if not out:
        raise InputError(str(p), "no tagged tokens found; expected 'token TAG' lines")
    return out
