"""Facility (FAC) mentions from a head word and the name after it (مطار كويرس العسكري)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.lexicons.entries import SiteRules
from marsad.lexicons.matcher import Token, clitic_variants
from marsad.ner.features import fold

_NAME_START = re.compile(r"[\u0621-\u064aa-z0-9]")


class SiteFinder:
    """Finds ``head + name (+ trailing adjectives)`` in folded tokens."""

    def __init__(self, rules: SiteRules) -> None:
        self.heads = {fold(w) for w in rules.heads}
        self.numbered = {fold(w) for w in rules.numbered_heads}
        self.stop = {fold(w) for w in rules.stop}
        self.trailing = {fold(w) for w in rules.trailing}

    def _head(self, key: str) -> tuple[int, str] | None:
        for stripped, variant in clitic_variants(key):
            if variant in self.heads or variant in self.numbered:
                return stripped, variant
        return None

    def find(self, tokens: Sequence[Token], names: Sequence[tuple[int, int]] = ()
             ) -> list[tuple[int, int, str]]:
        """``(start, end, head)`` of site mentions; ``names`` are (start, end) ranges of
        names found by the model, in the same offsets as ``tokens``."""
        name_end = dict(names)
        out = []
        i = 0
        while i < len(tokens) - 1:
            found = self._head(tokens[i].key)
            if found is None:
                i += 1
                continue
            stripped, head = found
            j = i + 1
            nxt = tokens[j]
            last = None
            if nxt.key.isdigit() and head in self.numbered:
                last = j
            elif head in self.heads and nxt.start in name_end:
                end = name_end[nxt.start]
                last = max(k for k in range(j, len(tokens)) if tokens[k].start < end)
            elif (head in self.heads and nxt.key not in self.stop and len(nxt.key) > 1
                  and _NAME_START.match(nxt.key) and not nxt.key.isdigit()):
                last = j
            if last is None:
                i += 1
                continue
            while last + 1 < len(tokens) and tokens[last + 1].key in self.trailing:
                last += 1
            out.append((tokens[i].start + stripped, tokens[last].end, head))
            i = last + 1
        return out
