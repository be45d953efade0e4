"""Alias matching on marsad's normalised view, clitics allowed, spans mapped to the original.

Aliases and text are both folded (``features.fold``: normalisation plus hamza seats) and
split into tokens the way the NER model's input is; hyphens between tokens are ignored
(سام-7 = سام 7, T-72 = T72 = T 72). The first token of an alias may carry proclitics
(و ف ب ل ك and their pairs; للدولة = ل + الدولة). The longest match wins; a match's
span leaves the proclitics out, so ``وداعش`` gives the mention ``داعش`` (but ``للدولة``
keeps its لل, which fuses the preposition with the article).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from marsad.ner.features import HAMZA_SEATS, fold, token_bounds

T = TypeVar("T")

SKIPPED = frozenset({"-", "–", "—", "ـ"})
_CLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True)
class Token:
    """A token of the folded text: its key and its range in the text that was searched."""

    key: str
    start: int
    end: int


def tokens_of(text: str, start: int = 0, end: int | None = None, *, normalised: bool = False
              ) -> list[Token]:
    """Folded tokens of ``text[start:end]`` (hyphens dropped); offsets index ``text``.

    With ``normalised`` the text is already marsad's view, so only hamza seats are folded
    (one character for one: view offsets stay exact).
    """
    out = []
    for s, e in token_bounds(text, start, end):
        raw = text[s:e]
        if raw in SKIPPED:
            continue
        key = raw.translate(HAMZA_SEATS) if normalised else fold(raw)
        out.append(Token(key, s, e))
    return out


@lru_cache(maxsize=4096)
def view_tokens(view_text: str, start: int, end: int) -> tuple[Token, ...]:
    """Folded tokens of ``view_text[start:end]``, a range of marsad's normalised view.

    Cached: the mentions, events and places stages of one article read the same sentences.
    """
    return tuple(tokens_of(view_text, start, end, normalised=True))


@lru_cache(maxsize=100_000)
def clitic_variants(key: str) -> tuple[tuple[int, str], ...]:
    """``(characters stripped, rest)`` readings of a token with proclitics; (0, key) first."""
    out = [(0, key)]
    if not key or not "\u0621" <= key[0] <= "\u064a":
        return tuple(out)
    for lam in ("ل", "ول", "فل"):
        # للدولة = ل + الدولة: the article's alef is dropped after the preposition لـ, so
        # the span keeps لل (للدولة الإسلامية) and only a leading و/ف is left out.
        if key.startswith(lam + "ل") and len(key) > len(lam) + 2:
            out.append((len(lam) - 1, "ا" + key[len(lam):]))
    for clitic in _CLITICS:
        rest = key[len(clitic):]
        if key.startswith(clitic) and (len(rest) >= 2 or rest.isascii()) and rest:
            out.append((len(clitic), rest))
    return tuple(out)


@dataclass(frozen=True)
class Hit(Generic[T]):
    """A match: range in the searched text, the payload, the alias and token positions."""

    start: int
    end: int
    payload: T
    alias: str
    first: int  # index of the first matched token
    last: int  # index of the last matched token (inclusive)
    clitic: int  # proclitic characters left out of the span


class AliasMatcher(Generic[T]):
    """Finds aliases (each with a payload) in folded token sequences."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T, str]]] = defaultdict(list)
        self._can_start: dict[str, bool] = {}  # token key -> may begin an alias
        self.size = 0

    def add(self, alias: str, payload: T) -> None:
        keys = tuple(t.key for t in tokens_of(alias))
        if not keys:
            return
        self._by_first[keys[0]].append((keys, payload, alias))
        self._can_start.clear()
        self.size += 1

    def add_all(self, items: Iterable[tuple[str, T]]) -> AliasMatcher[T]:
        for alias, payload in items:
            self.add(alias, payload)
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        return self

    def find_at(self, tokens: Sequence[Token], i: int) -> Hit[T] | None:
        """The longest alias starting at token ``i`` (its first token may have clitics)."""
        best: Hit[T] | None = None
        for stripped, first in clitic_variants(tokens[i].key):
            for keys, payload, alias in self._by_first.get(first, ()):
                n = len(keys)
                if best is not None and n <= best.last - best.first + 1:
                    break
                if i + n > len(tokens):
                    continue
                if all(tokens[i + k].key == keys[k] for k in range(1, n)):
                    best = Hit(tokens[i].start + stripped, tokens[i + n - 1].end, payload,
                               alias, i, i + n - 1, stripped)
                    break
        return best

    def find(self, tokens: Sequence[Token]) -> list[Hit[T]]:
        """Non-overlapping matches, left to right, longest first at each position."""
        hits: list[Hit[T]] = []
        can_start = self._can_start
        if len(can_start) > 500_000:
            can_start.clear()  # bounded on long runs
        i = 0
        while i < len(tokens):
            key = tokens[i].key
            start = can_start.get(key)
            if start is None:
                start = can_start[key] = any(first in self._by_first
                                             for _s, first in clitic_variants(key))
            if not start:
                i += 1
                continue
            hit = self.find_at(tokens, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.last + 1
        return hits
