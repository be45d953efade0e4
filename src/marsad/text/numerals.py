"""Arabic cardinal numbers in words or digits, read from view tokens.

``read_number(tokens, i)`` reads ``25``, ``1,200``, ``1.5 ألف``, ``ثلاثة``, ``خمسة عشر``,
``خمسة وعشرون``, ``مئة وعشرون``, ``ثلاثمئة``, ``ثلاثة آلاف``, ``ألفين`` ... starting at
token ``i``. Vague plurals (عشرات، مئات، آلاف alone) are not numbers here: the quantity
finder gives them their conservative value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.normalize import normalize
from marsad.text.tokens import Token

UNIT, TEEN_HEAD, TEN_TAIL, TEN, HUNDRED, SCALE = range(6)


def _table() -> dict[str, tuple[int, int]]:
    words: dict[str, tuple[int, int]] = {}

    def add(kind: int, value: int, *forms: str) -> None:
        for form in forms:
            words[normalize(form)] = (kind, value)

    add(UNIT, 1, "واحد", "واحدة")
    add(TEEN_HEAD, 1, "أحد", "إحدى")
    add(UNIT, 2, "اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي")
    add(UNIT, 3, "ثلاث", "ثلاثة")
    add(UNIT, 4, "أربع", "أربعة")
    add(UNIT, 5, "خمس", "خمسة")
    add(UNIT, 6, "ست", "ستة")
    add(UNIT, 7, "سبع", "سبعة")
    add(UNIT, 8, "ثمان", "ثماني", "ثمانية", "ثمانى")
    add(UNIT, 9, "تسع", "تسعة")
    add(TEN_TAIL, 10, "عشر", "عشرة")
    for value, stem in ((20, "عشر"), (30, "ثلاث"), (40, "أربع"), (50, "خمس"), (60, "ست"),
                        (70, "سبع"), (80, "ثمان"), (90, "تسع")):
        add(TEN, value, stem + "ون", stem + "ين")
    add(HUNDRED, 100, "مئة", "مائة", "مئه", "مائه", "مية")
    add(HUNDRED, 200, "مئتان", "مئتين", "مائتان", "مائتين", "ميتين", "مئتي", "مائتي")
    for value, stem in ((3, "ثلاث"), (4, "أربع"), (5, "خمس"), (6, "ست"), (7, "سبع"),
                        (8, "ثمان"), (9, "تسع")):
        add(HUNDRED, value * 100, stem + "مئة", stem + "مائة")
    add(SCALE, 1000, "ألف", "ألفا", "آلاف")
    add(SCALE, 2000, "ألفان", "ألفين", "ألفي")
    add(SCALE, 1_000_000, "مليون", "مليونا", "ملايين")
    add(SCALE, 2_000_000, "مليونان", "مليونين", "مليوني")
    add(SCALE, 1_000_000_000, "مليار", "مليارا", "مليارات")
    return words


WORDS = _table()
# Fractions before a scale word: نصف مليون، ربع مليون.
FRACTIONS = {normalize("نصف"): 0.5, normalize("ربع"): 0.25}
PLURAL_SCALES = frozenset({normalize("آلاف"), normalize("ملايين"), normalize("مليارات")})
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read from tokens ``[first, end)``; ``skip`` leading clitic letters of
    the first token; ``words`` when it was written in words."""

    value: float
    first: int
    end: int
    skip: int = 0
    words: bool = False

    @property
    def integer(self) -> int | None:
        return int(self.value) if float(self.value).is_integer() else None


def digits_value(text: str) -> float | None:
    """``25`` → 25, ``1,200`` → 1200, ``1.5`` → 1.5, ``1.200`` → 1200; None for other shapes."""
    if not _DIGITS.fullmatch(text):
        return None
    if "," in text:
        return float(text.replace(",", ""))
    if "." in text:
        whole, frac = text.split(".")
        if len(frac) == 3 and whole != "0" and not whole.startswith("0"):
            return float(whole + frac)  # 1.200 written with a European thousands dot
        return float(text)
    return float(text)


def _scale_after(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """A scale word (ألف، مليون ...) at ``j`` as (multiplier, index after)."""
    if j < len(tokens):
        entry = WORDS.get(tokens[j].text)
        if entry is not None and entry[0] == SCALE:
            return (1000 if entry[1] == 2000 else 1_000_000 if entry[1] == 2_000_000
                    else entry[1]), j + 1
    return None


def read_number(tokens: list[Token], i: int) -> Reading | None:
    """The number starting at token ``i``, or None."""
    tok = tokens[i]
    if tok.is_number:
        value = digits_value(tok.text)
        if value is None:
            return None
        scaled = _scale_after(tokens, i + 1)
        if scaled is not None and tokens[i + 1].start - tok.end <= 1:
            return Reading(value * scaled[0], i, scaled[1])
        return Reading(value, i, i + 1)
    if tok.text in FRACTIONS:
        scaled = _scale_after(tokens, i + 1)
        if scaled is None:
            return None
        return Reading(FRACTIONS[tok.text] * scaled[0], i, scaled[1], words=True)
    return _read_words(tokens, i)


def _word_entry(text: str, allow_conj: bool) -> tuple[tuple[int, int], int] | None:
    entry = WORDS.get(text)
    if entry is not None:
        return entry, 0
    if allow_conj and len(text) > 2 and text[0] == "و":
        entry = WORDS.get(text[1:])
        if entry is not None:
            return entry, 1
    return None


def _read_words(tokens: list[Token], i: int) -> Reading | None:
    first = tokens[i].text
    skip = 0
    entry = WORDS.get(first)
    if entry is None and len(first) > 2 and first[0] in "وف":
        entry, skip = WORDS.get(first[1:]), 1
    if entry is None:
        return None
    total = current = 0
    last: int | None = None
    j = i
    while j < len(tokens):
        text = tokens[j].text
        conj = False
        if j == i:
            kind, value = entry
        else:
            if text == "و" and j + 1 < len(tokens):  # خمسة و عشرون
                found = _word_entry(tokens[j + 1].text, False)
                if found is None or found[0][0] in (SCALE, TEEN_HEAD):
                    break
                j += 1
                (kind, value), conj = found[0], True
            else:
                found = _word_entry(text, True)
                if found is None:
                    break
                (kind, value), conj = found[0], found[1] == 1
        if kind == TEN_TAIL:
            if last in (UNIT, TEEN_HEAD) and not conj and current % 10 == current:
                current += 10
            elif last is None:
                current = 10
            elif conj and last in (HUNDRED, SCALE):
                current += 10
            else:
                break
        elif kind == TEEN_HEAD:
            if last is not None and not conj:
                break
            nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
            if WORDS.get(nxt, (None,))[0] != TEN_TAIL:
                break  # أحد alone is "someone", not a number
            current += value
        elif kind in (UNIT, TEN):
            if last is not None and not conj:
                break
            current += value
        elif kind == HUNDRED:
            if last == UNIT and not conj and current < 10 and value == 100:
                current *= 100  # ثلاث مئة
            elif last is None or conj:
                current += value
            else:
                break
        else:  # SCALE
            if last is None:
                if text in PLURAL_SCALES:
                    return None  # آلاف alone is vague
                current = value
            elif conj:
                break
            else:
                total += max(current, 1) * (1000 if value == 2000 else value)
                current = 0
        last = kind
        j += 1
    if last is None or j == i:
        return None
    return Reading(float(total + current), i, j, skip=skip, words=True)
