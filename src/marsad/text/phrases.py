"""Multi-word lexicon phrases matched on view tokens, longest first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from marsad.text.normalize import normalize
from marsad.text.tokens import Token

V = TypeVar("V")


class PhraseTable(Generic[V]):
    """Multi-word phrases (in view form) mapped to values; longest match wins."""

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for surface, value in entries:
            words = tuple(normalize(surface).split())
            if not words:
                continue
            self._by_first.setdefault(words[0], []).append((words, value))
        for options in self._by_first.values():
            options.sort(key=lambda item: -len(item[0]))

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def at(self, tokens: list[Token], i: int, first: str | None = None) -> tuple[V, int] | None:
        """(value, index after) for the longest phrase at token ``i``; ``first`` replaces
        the first token's text (a form without clitics)."""
        head = first if first is not None else tokens[i].text
        for words, value in self._by_first.get(head, ()):
            n = len(words)
            if i + n <= len(tokens) and all(
                tokens[i + k].text == words[k] for k in range(1, n)
            ):
                return value, i + n
        return None

    @property
    def first_words(self) -> frozenset[str]:
        """Every word a phrase can begin with."""
        return frozenset(self._by_first)
