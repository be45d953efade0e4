"""Arabic normalisation as a *view* of the original text, with a map back to its offsets.

The view folds alef forms (أ إ آ ٱ → ا), alef maqsura and Persian yeh (ى ی → ي), taa
marbuta (ة → ه), keheh and gaf (ک گ → ك), Arabic-Indic and Persian digits (٣ ۳ → 3), the Arabic
decimal/thousands separators and percent sign, lower-cases Latin letters, decomposes
presentation forms (ﻻ → لا), and deletes diacritics, Quranic marks, tatweel and
invisible format characters (RLM, ZWNJ, BOM ...). Search, lexicon and gazetteer lookups
run on ``view.text``; every match is mapped back with ``view.span`` so that spans
always index the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from marsad.model import Span

# Combining marks deleted from the view (and absorbed into a span that ends before them).
DIACRITICS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
TATWEEL = "\u0640"
FORMAT_CHARS = frozenset(
    ["\u061c", "\u00ad", "\ufeff", "\u2060"]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

_ONE_TO_ONE: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ک": "ك", "ڪ": "ك",
    # gaf, Iraqi spelling of a hard g («معارك الگرمة» is al-Karmah, «الكرمة»)
    "گ": "ك",
    "٫": ".", "٬": ",", "٪": "%", "٭": "*",
}
for _i in range(10):
    _ONE_TO_ONE[chr(0x0660 + _i)] = str(_i)
    _ONE_TO_ONE[chr(0x06F0 + _i)] = str(_i)
for _c in range(ord("A"), ord("Z") + 1):
    _ONE_TO_ONE[chr(_c)] = chr(_c).lower()

_TRANSLATE = str.maketrans(_ONE_TO_ONE)
_DELETE = DIACRITICS | FORMAT_CHARS | {TATWEEL}


def _is_presentation_form(ch: str) -> bool:
    cp = ord(ch)
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFC


def fold_char(ch: str) -> str:
    """The view's replacement for one original character ('' when deleted)."""
    if ch in _DELETE:
        return ""
    if _is_presentation_form(ch):
        expanded = unicodedata.normalize("NFKC", ch)
        if expanded != ch:  # ﴾ ﴿ (ornate parentheses) have no decomposition
            return "".join(fold_char(c) for c in expanded if c != " ")
    if ch in _ONE_TO_ONE:
        return _ONE_TO_ONE[ch]
    if ch.isupper():
        return ch.lower()
    return ch


# Characters whose fold is not a single character: deletions and expansions.
_IRREGULAR = re.compile(
    "["
    + "".join(re.escape(c) for c in sorted(_DELETE))
    + "\ufb50-\ufdff\ufe70-\ufefc"
    + "]"
)
# Where a non-ASCII capital may be (the caller checks isupper): the Arabic block has no
# case, and skipping it spares a test per letter of Arabic text.
_NON_ASCII_UPPER = re.compile(r"[^\x00-\x7f\u0600-\u06ff]")


@dataclass(frozen=True, eq=False)
class NormalizedView:
    """``text`` is the folded view of ``original``; ``index[i]`` is the original offset of
    view character ``i`` (``index[len(text)] == len(original)``)."""

    original: str
    text: str
    index: tuple[int, ...] | None  # None: the view has the same offsets as the original

    def to_original(self, i: int) -> int:
        """Original offset of view offset ``i`` (0 <= i <= len(text))."""
        if self.index is None:
            return i
        return self.index[i]

    def span(self, start: int, end: int) -> Span:
        """The original span covering view characters ``[start, end)``.

        Marks deleted from the view that trail the last character (a final vowel sign)
        are included, so the span quotes whole letters.
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"view span [{start}, {end}) outside 0..{len(self.text)}")
        if self.index is None:
            return Span(start, end)
        if start == end:
            pos = self.index[start]
            return Span(pos, pos)
        o_start = self.index[start]
        o_end = self.index[end - 1] + 1
        original = self.original
        while o_end < len(original) and original[o_end] in DIACRITICS:
            o_end += 1
        return Span(o_start, o_end)

    def to_view(self, i: int) -> int:
        """View offset of original offset ``i``: the first view character at or after it."""
        if self.index is None:
            return i
        return bisect_left(self.index, i)

    def view_span(self, span: Span) -> tuple[int, int]:
        """The view range ``[start, end)`` covering an original span."""
        return self.to_view(span.start), self.to_view(span.end)


def normalize(text: str) -> str:
    """The folded form of ``text`` alone (for lexicon keys and queries)."""
    return build_view(text).text


def build_view(text: str) -> NormalizedView:
    """Fold ``text`` into a view and record where each view character came from."""
    folded = text.translate(_TRANSLATE)
    irregular = list(_IRREGULAR.finditer(folded))
    upper = [m.start() for m in _NON_ASCII_UPPER.finditer(folded) if folded[m.start()].isupper()]
    if not irregular and not upper:
        return NormalizedView(text, folded, None)
    special = sorted({m.start() for m in irregular} | set(upper))
    pieces: list[str] = []
    index: list[int] = []
    prev = 0
    for pos in special:
        if pos > prev:
            pieces.append(folded[prev:pos])
            index.extend(range(prev, pos))
        rep = fold_char(text[pos])
        if rep:
            pieces.append(rep)
            index.extend([pos] * len(rep))
        prev = pos + 1
    if prev < len(folded):
        pieces.append(folded[prev:])
        index.extend(range(prev, len(folded)))
    index.append(len(text))
    return NormalizedView(text, "".join(pieces), tuple(index))


@lru_cache(maxsize=128)
def view_of(text: str) -> NormalizedView:
    """A cached view: stages of one article share it."""
    return build_view(text)
