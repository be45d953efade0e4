"""Sentence splitting for Arabic news text, on the original offsets.

Boundaries: ``. ! ? ؟ …`` (closing quotes and brackets stay with their sentence), line
breaks (datelines and paragraphs), and a dot that glues two Arabic words («مسلحا.وأشارت»).
Not boundaries: ``،`` and ``؛`` (clause marks), dots inside numbers and dates (10.5,
10.12.2016), and abbreviations such as ``د.`` ``م.`` ``أ.`` ``ش.`` before a name, Latin
initials (U.S.) and titles (Dr., Gen.), acronyms and sites («بي.بي.سي», «العربية.نت»).
"""

from __future__ import annotations

import re

from marsad.model import Span

_CLOSERS = "»”’\"')]}›"
_BOUNDARY = re.compile(r"[.!?؟…]+|\n")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "brig", "sgt", "capt", "cpt", "st",
    "vs", "etc", "no", "jr", "sr", "prof", "gov", "sen", "rep", "adm", "e.g", "i.e", "u.s",
    "u.k", "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
})
# Arabic abbreviations written with a dot: titles (د. م. أ. ش. ل. ع.), references (ص. ج. ق.)
_ARABIC_ABBREVIATIONS = frozenset(["ص.ب", "ق.م", "إلخ", "الخ"])


def _word_before(text: str, pos: int) -> tuple[str, int]:
    """The run of letters and inner dots ending at ``pos`` (exclusive), and its start."""
    start = pos
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:pos], start


def _is_abbreviation(text: str, dot: int) -> bool:
    word, start = _word_before(text, dot)
    if not word:
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[dot + 1 : dot + 3]
    # "2016م." ends a sentence: the era letter follows a digit.
    if before.isdigit():
        return False
    continues = len(after) >= 2 and after[0] == " " and after[1].isalpha()
    if _ARABIC_LETTER.fullmatch(word):
        return continues  # د. أحمد  /  م. محمد
    if word in _ARABIC_ABBREVIATIONS:
        return continues
    lower = word.lower()
    if lower.isascii():
        if len(word) == 1 and word.isupper():
            return True  # initials: J. Smith, U.S.
        if lower.rstrip(".") in _LATIN_ABBREVIATIONS or lower in _LATIN_ABBREVIATIONS:
            return True
    return False


_ARABIC_WORD_BEFORE = re.compile(r"[\u0621-\u064a]{4,}$")
_ARABIC_WORD_AFTER = re.compile(r"[\u0621-\u064a]{2,}(?![\u0621-\u064a])")
_SITE_SUFFIXES = frozenset({"نت", "كوم", "اورج", "أورج"})


def _glued_sentences(text: str, dot: int) -> bool:
    """A dot with no space between an Arabic word of four letters or more and another word:
    a missing space («المحلية.في غضون ذلك»), not an acronym («بي.بي.سي») or a site
    («العربية.نت»)."""
    after = _ARABIC_WORD_AFTER.match(text, dot + 1)
    return bool(after and after.group() not in _SITE_SUFFIXES
                and _ARABIC_WORD_BEFORE.search(text, max(0, dot - 40), dot))


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    mark = match.group()
    if mark == "\n":
        return True
    start, end = match.span()
    if mark == ".":
        prev_ch = text[start - 1] if start > 0 else ""
        next_ch = text[end] if end < len(text) else ""
        if prev_ch.isdigit() and next_ch.isdigit():
            return False  # 10.5, 10.12.2016
        if next_ch.isalnum():
            # no space after the dot: a.b, www.site.com, «بي.بي.سي», «العربية.نت»; but
            # Arabic words run together at a sentence end («مقتل 22 مسلحا.وأشارت»)
            return _glued_sentences(text, start)
        if _is_abbreviation(text, start):
            return False
    return True


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text``, each trimmed of surrounding white space."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if not _is_boundary(text, match):
            continue
        end = match.end()
        if match.group() != "\n":
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
        _append_trimmed(text, start, end, spans)
        start = end
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))
