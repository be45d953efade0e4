"""Find place phrases in a normalised view: gazetteer names (longest match, clitics
allowed) and the words around them (type cues, ريف, near/direction phrases, anaphora).

Everything here works in view offsets; :mod:`marsad.geo.geocoder` maps them back.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from marsad.geo.gazetteer import Entry, Gazetteer
from marsad.geo.names import LATIN_ARTICLES, TOKEN, fold_token, is_arabic, name_key, skeleton
from marsad.geo.phrases import (
    ANAPHORA,
    CLITICS,
    COMMON_NAMES,
    DIRECTIONS,
    DISTRICT_CUES,
    FACILITY_CUES,
    NATIONALITY_CUES,
    NEAR,
    NEAR_LINKS,
    NEVER_ALONE,
    NOT_AFTER,
    PERSON_CUES,
    PLACE_ADJECTIVES,
    PREPOSITION_CLITICS,
    PREPOSITIONS,
    REGION,
    STRICT_NAMES,
    TYPE_CUES,
)
from marsad.text.normalize import NormalizedView

_LATIN_MARKS = re.compile(r"[ʿʾʻʼ‘’'`´]")
FUZZY_COUNTRIES = frozenset({"SY", "IQ"})
FUZZY_MIN_LETTERS = 5


def _deletions(text: str) -> set[str]:
    return {text[:k] + text[k + 1:] for k in range(len(text)) if text[k] != " "}


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by at most one inserted, deleted or replaced letter."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _same_onset(a: str, b: str) -> bool:
    """Misspelt names keep their first letter (المزاريب, المزيريب); a word that differs
    from a name there is another word («مناطق طيران»: aviation, not هيران)."""
    a, b = a.removeprefix("ال"), b.removeprefix("ال")
    return a[:1] == b[:1]


def tokens_key(tokens: list[Token], i: int, j: int) -> tuple[str, ...]:
    return tuple(t.text for t in tokens[i:j + 1])


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str  # folded
    arabic: bool


def tokenize(view_text: str) -> list[Token]:
    return [Token(m.start(), m.end(), *_reading(m.group())) for m in TOKEN.finditer(view_text)]


@lru_cache(maxsize=200_000)
def _reading(raw: str) -> tuple[str, bool]:
    """(folded form, Arabic script) of one token of the view."""
    return fold_token(_LATIN_MARKS.sub("", raw)), is_arabic(raw)


@lru_cache(maxsize=200_000)
def strip_clitic(token: str) -> tuple[tuple[str, str], ...]:
    """(clitic, rest) readings of a token: وبتدمر -> (وب, تدمر); للرقة -> (ل, الرقة)."""
    out = []
    for clitic in CLITICS:
        if token.startswith(clitic) and len(token) - len(clitic) >= 2:
            rest = token[len(clitic):]
            if clitic.endswith("ل") and rest.startswith("ل") and len(rest) >= 3:
                out.append((clitic, "ا" + rest))  # للرقة = ل + الرقة (the alef drops)
            out.append((clitic, rest))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _cue_word(text: str) -> tuple[str, str]:
    for word in (text, *(rest for _c, rest in strip_clitic(text))):
        if (word in TYPE_CUES or word in REGION or word in NEAR or word in PREPOSITIONS
                or word in ANAPHORA):
            clitic = text[: len(text) - len(word)] if word != text else ""
            return clitic, word
    return "", text


def cue_word(token: Token) -> tuple[str, str]:
    """(clitic, word) with a leading clitic removed when the bare token is no cue word."""
    return _cue_word(token.text)


@dataclass
class NameMatch:
    """A gazetteer name found at tokens ``first..last`` (view offsets ``start..end``)."""

    first: int
    last: int
    start: int
    end: int
    key: tuple[str, ...]
    entries: list[Entry]
    clitic: str = ""
    loose: bool = False


@dataclass
class PlacePhrase:
    """A name with the words around it that decide its precision and kind."""

    match: NameMatch | None
    start: int  # view offsets of the whole phrase
    end: int
    type_cue: str | None = None
    region: bool = False  # ريف X
    near: str | None = None  # the near/direction word before: شمال, قرب, محيط ...
    direction: str | None = None  # east/west/north/south after: ريف حمص الشرقي
    anaphora: tuple[str, ...] | None = None  # جنوب المطار: referent features, preferred first
    cue_ok: bool = False  # some cue says this is a place
    district: bool = False  # after «قضاء»: an Iraqi or Lebanese district's seat
    idafa: bool = False  # followed by a definite noun: ميدان المعركة, موسكو الأربعاء
    blocked: str | None = None  # why this is not a place (person, common word, ...)


class Matcher:
    """Longest-match spotting of gazetteer names over a token list."""

    def __init__(self, gazetteer: Gazetteer, extra_common: Iterable[tuple[str, ...]] = ()) -> None:
        self.gazetteer = gazetteer
        self.original: NormalizedView | None = None
        self.common = COMMON_NAMES | frozenset(extra_common)
        self.strict = STRICT_NAMES | {(w,) for w in gazetteer.common}
        self.prefixes: set[tuple[str, ...]] = set()
        keys = set(gazetteer.names_keys())
        for key in keys:
            for n in range(1, len(key) + 1):
                self.prefixes.add(key[:n])
        self.fuzzy_index: dict[str, set[tuple[str, ...]]] = {}
        for e in gazetteer.entries:
            if e.country not in FUZZY_COUNTRIES:
                continue
            for n in e.all_names():
                key = name_key(n)
                text = " ".join(key)
                if key and is_arabic(key[0]) and len(text.replace(" ", "")) >= FUZZY_MIN_LETTERS:
                    for v in (text, *_deletions(text)):
                        self.fuzzy_index.setdefault(v, set()).add(key)
        # رقه, ميادين, سلمية: article-less spellings of ال names are often ordinary words
        self.common |= {(k[0][2:],) for k in keys
                        if len(k) == 1 and k[0].startswith("ال") and (k[0][2:],) in keys}

    # ---------------------------------------------------------------- names

    def _joined(self, view: str, tokens: list[Token], i: int, j: int) -> bool:
        """Tokens i..j are one name: only spaces (Latin: also hyphens) between them."""
        for k in range(i, j):
            gap = view[tokens[k].end:tokens[k + 1].start]
            allowed = " " if tokens[k].arabic else " -'’‘ʿ"
            if not gap or any(c not in allowed for c in gap) or len(gap) > 2:
                return False
        return True

    def _longest(self, view: str, tokens: list[Token], i: int, first: str
                 ) -> tuple[int, list[Entry]] | None:
        """Longest name starting at token i whose first token reads ``first``."""
        best: tuple[int, list[Entry]] | None = None
        key: tuple[str, ...] = ()
        j = i
        skipped = 0
        while j < len(tokens):
            tok = first if j == i else tokens[j].text
            if j > i and not tokens[i].arabic and tok in LATIN_ARTICLES:
                j += 1  # Latin articles inside a name: Deir ez-Zor
                skipped += 1
                continue
            cand = (*key, tok)
            if cand not in self.prefixes or (j > i and not self._joined(view, tokens, j - 1, j)):
                break
            key = cand
            entries = self.gazetteer.lookup(key)
            if entries:
                best = (j, entries)
            j += 1
        return best

    def names(self, view: str, tokens: list[Token]) -> list[NameMatch]:
        """Non-overlapping longest gazetteer matches, left to right."""
        out: list[NameMatch] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            readings = [("", tok.text)]
            if tok.arabic:
                readings += list(strip_clitic(tok.text))
            elif tok.text in LATIN_ARTICLES:
                i += 1
                continue
            found: NameMatch | None = None
            for clitic, first in readings:
                hit = self._longest(view, tokens, i, first)
                if hit is None:
                    continue
                j, entries = hit
                if clitic and j == i and len(first) <= 3:
                    # بلاد is not ب + لاد (Lod): a short name after a clitic must be a
                    # well-known Syrian or Iraqi place (بحلب, وحمص)
                    entries = [e for e in entries if e.country in ("SY", "IQ") and (
                        e.population >= 10_000 or e.feature == "governorate"
                        or e.id.startswith("marsad:"))]
                    if not entries:
                        continue
                if found is None or j > found.last:
                    # للرقة reads ل + الرقة: quote the whole token
                    restored = clitic and first != tok.text[len(clitic):]
                    start = tok.start if restored else tok.start + len(clitic)
                    key = self._key(tokens, i, j, first)
                    found = NameMatch(i, j, start, tokens[j].end, key, entries, clitic)
            if not tok.arabic and tok.text[:1].isalpha():
                loose = self._loose(view, tokens, i)
                if loose is not None and (found is None or loose.last >= found.last):
                    if found is not None and loose.last == found.last:
                        seen = {id(e) for e in found.entries}
                        found.entries = found.entries + [e for e in loose.entries
                                                         if id(e) not in seen]
                    else:
                        found = loose
            if found is None and tok.arabic and i > 0 and self._after_cue(view, tokens, i):
                found = self._fuzzy(view, tokens, i)
            if found is not None:
                out.append(found)
                i = found.last + 1
            else:
                i += 1
        return out

    def _after_cue(self, view: str, tokens: list[Token], i: int) -> bool:
        """Token i follows a type, ريف or near word (so a place name is expected)."""
        prev = self._prev(tokens, view, i)
        if prev is None:
            return False
        word = cue_word(prev)[1]
        return word in TYPE_CUES or word in REGION or word in NEAR

    def _fuzzy(self, view: str, tokens: list[Token], i: int) -> NameMatch | None:
        """One edit away from a Syrian or Iraqi name (المزاريب for المزيريب), only where a
        cue says a place follows: names of five letters or more, up to three words."""
        for n in (3, 2, 1):
            j = i + n - 1
            if j >= len(tokens) or not self._joined(view, tokens, i, j):
                continue
            text = " ".join(t.text for t in tokens[i:j + 1])
            if len(text.replace(" ", "")) < FUZZY_MIN_LETTERS:
                continue
            key = tokens_key(tokens, i, j)
            if key in self.common or key in self.strict:
                continue  # «محيط الحديقة» is a garden, not a misspelt حديدة
            keys = {k for v in (text, *_deletions(text)) for k in self.fuzzy_index.get(v, ())}
            keys = {k for k in keys if _one_edit(text, " ".join(k))
                    and _same_onset(text, " ".join(k))
                    and k not in self.common and k not in self.strict}
            entries = [e for k in sorted(keys) for e in self.gazetteer.lookup(k)
                       if e.country in FUZZY_COUNTRIES]
            if entries:
                return NameMatch(i, j, tokens[i].start, tokens[j].end, key,
                                 entries, loose=True)
        return None

    def _key(self, tokens: list[Token], i: int, j: int, first: str) -> tuple[str, ...]:
        rest = [t.text for t in tokens[i + 1:j + 1]
                if tokens[i].arabic or t.text not in LATIN_ARTICLES]
        return (first, *rest)

    def _loose(self, view: str, tokens: list[Token], i: int) -> NameMatch | None:
        """Latin transliteration fallback by consonant skeleton (up to 3 tokens)."""
        for n in (3, 2, 1):
            j = i + n - 1
            if j >= len(tokens) or not self._joined(view, tokens, i, j):
                continue
            key = tuple(t.text for t in tokens[i:j + 1] if t.text not in LATIN_ARTICLES)
            if not key or any(t.arabic for t in tokens[i:j + 1]):
                continue
            if sum(len(t) for t in skeleton(key)) < 3 or sum(len(t) for t in key) < 4:
                continue
            entries = closest(key, self.gazetteer.lookup_loose(key))
            if entries:
                return NameMatch(i, j, tokens[i].start, tokens[j].end, key, entries, loose=True)
        return None


    # ---------------------------------------------------------------- phrases

    def phrases(self, view: str, tokens: list[Token] | None = None,
                original: NormalizedView | None = None) -> list[PlacePhrase]:
        """Every place phrase in ``view``: names with their cues, and anaphoric phrases.

        ``original`` (the view object) lets Latin names be checked for capitals."""
        tokens = tokens if tokens is not None else tokenize(view)
        self.original = original
        matches = self.names(view, tokens)
        out = [self._phrase(view, tokens, m) for m in matches]
        self._coordinate(view, out)
        taken = {k for p in out if p.blocked is None and p.match is not None
                 for k in range(p.match.first, p.match.last + 1)}
        anaphora = self._anaphora(view, tokens, taken)
        if anaphora:  # "غربي المدينة" replaces a blocked reading of المدينة as a name
            spans = [(a.start, a.end) for a in anaphora]
            out = [p for p in out if p.blocked is None
                   or not any(s <= p.start < e for s, e in spans)]
        out += anaphora
        out.sort(key=lambda p: p.start)
        return out

    def _coordinate(self, view: str, phrases: list[PlacePhrase]) -> None:
        """In a list ("في الأحمدي والفحيحيل", "بين حلب وإدلب") a name joined by و to a
        cued place shares its cue (common words included, not the strict ones)."""
        for prev, p in itertools.pairwise(phrases):
            m = p.match
            if (m is None or p.cue_ok or not prev.cue_ok or prev.blocked
                    or not m.clitic.startswith("و")
                    or view[prev.end:m.start - len(m.clitic)].strip()):
                continue
            p.cue_ok = True
            if p.blocked and "common word without" in p.blocked:
                p.blocked = None

    def _prev(self, tokens: list[Token], view: str, i: int) -> Token | None:
        """The token before i when only spaces separate them."""
        if i <= 0:
            return None
        prev = tokens[i - 1]
        gap = view[prev.end:tokens[i].start]
        return prev if gap.strip() == "" else None

    def _phrase(self, view: str, tokens: list[Token], m: NameMatch) -> PlacePhrase:
        p = PlacePhrase(match=m, start=m.start, end=m.end)
        if m.clitic in PREPOSITION_CLITICS:
            p.cue_ok = True
        i = m.first
        # words before: [near-word [من]] [type-cue] NAME  or  ريف NAME  or  preposition NAME
        prev = self._prev(tokens, view, i)
        if prev is not None:
            clitic, word = cue_word(prev)
            if word in TYPE_CUES:
                p.type_cue = word
                p.cue_ok = True
                if word in ("محافظه", "محافظتي", "ناحيه", "منطقه") or word in FACILITY_CUES:
                    p.start = prev.start + len(clitic)
                prev2 = self._prev(tokens, view, i - 1)
                if prev2 is not None:
                    self._near_or_region(view, tokens, p, prev2, i - 2)
            elif word in REGION or word in NEAR:
                self._near_or_region(view, tokens, p, prev, i - 1)
            elif word in NEAR_LINKS:
                prev2 = self._prev(tokens, view, i - 1)
                if prev2 is not None and cue_word(prev2)[1] in NEAR:
                    self._near_or_region(view, tokens, p, prev2, i - 2)
            elif word in PREPOSITIONS:
                p.cue_ok = True
                p.district = word in DISTRICT_CUES
            elif prev.text in PERSON_CUES and not m.clitic:
                p.blocked = "follows a title or first name (a person)"
            elif prev.text in NATIONALITY_CUES and not m.clitic:
                p.blocked = "a nationality, not a place"
        if self._dateline_cue(view, tokens, m):
            p.cue_ok = True
        # words after: a direction (ريف حمص الشرقي, حلب الشرقية) or a blocking word
        nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
        if nxt is not None and view[m.end:nxt.start].strip() == "":
            if nxt.text in DIRECTIONS:
                p.direction = DIRECTIONS[nxt.text]
                p.end = nxt.end
            elif nxt.arabic and nxt.text.startswith("ال") and nxt.text not in PLACE_ADJECTIVES:
                p.idafa = True
            if nxt.text in NOT_AFTER and len(m.key) == 1:
                p.blocked = f"followed by {nxt.text!r}"
            elif nxt.text[:1].isdigit() and not p.cue_ok and len(m.key) == 1:
                p.blocked = "followed by a number (a verb or noun, not a place)"
        strong = p.type_cue or p.region or p.near or self._dateline_cue(view, tokens, m)
        first = tokens[m.first]
        if len(m.key) == 1 and (m.key[0] in NEVER_ALONE or (first.arabic
                                                            and len(m.key[0]) < 3)):
            p.blocked = "a word that is only part of names"
        elif not first.arabic and not view_upper(self.original, first):
            p.blocked = "a lower-case Latin word (place names are capitalised)"
        elif m.key in self.strict and not strong:
            p.blocked = p.blocked or "a common word (mostly not a place in ANERcorp) without " \
                "a type, ريف or near cue"
        elif m.key in self.common and not (p.cue_ok or p.region or p.near or p.type_cue):
            p.blocked = p.blocked or "a common word without a place cue"
        elif m.key in DUALS and not strong and any(
                cue_word(t)[1] in DUALS[m.key] for t in tokens[:m.first]):
            p.blocked = p.blocked or "the two places named before («قريتي ... القريتين»)"
        return p

    def _near_or_region(self, view: str, tokens: list[Token], p: PlacePhrase, tok: Token,
                        index: int) -> None:
        clitic, word = cue_word(tok)
        if word in REGION:
            p.region = True
        elif word in NEAR:
            p.near = word
            # شمال شرق حلب / بالقرب من: widen over a second near-word
            before = self._prev(tokens, view, index) if index >= 0 else None
            if before is not None and cue_word(before)[1] in NEAR:
                tok = before
                clitic = cue_word(before)[0]
        else:
            return
        p.cue_ok = True
        p.start = tok.start + len(clitic)

    def _dateline_cue(self, view: str, tokens: list[Token], m: NameMatch) -> bool:
        """A name opening a line and followed by a dash or comma: "تدمر - أورينت نت"."""
        i = m.first
        if i > 0 and "\n" not in view[tokens[i - 1].end:tokens[i].start]:
            return False
        return bool(re.match(r"\s*[-–—،,:(]", view[m.end:m.end + 4]))

    def _anaphora(self, view: str, tokens: list[Token], taken: set[int]) -> list[PlacePhrase]:
        out = []
        for i, tok in enumerate(tokens):
            if i in taken or tok.text not in ANAPHORA:
                continue
            prev = self._prev(tokens, view, i)
            if prev is None:
                continue
            clitic, word = cue_word(prev)
            if word not in NEAR:
                continue
            p = PlacePhrase(match=None, start=prev.start + len(clitic), end=tok.end,
                            near=word, anaphora=ANAPHORA[tok.text], cue_ok=True)
            out.append(p)
        return out


def closest(key: tuple[str, ...], entries: list[Entry]) -> list[Entry]:
    """The entries whose Latin names are nearest in spelling to ``key`` (loose matches
    share a consonant skeleton; Kessab is Kassab, not a town whose skeleton agrees)."""
    if len(entries) < 2:
        return entries
    text = " ".join(key)
    scored = []
    for e in entries:
        best = max((SequenceMatcher(None, text, " ".join(name_key(n))).ratio()
                    for n in e.all_names() if n and not is_arabic(n)), default=0.0)
        scored.append((best, e))
    top = max(s for s, _e in scored)
    return [e for s, e in scored if s >= top - 0.1]


# A name that is also a dual noun («القريتين»: Al-Qaryatayn, or "the two villages"): after
# that noun's own dual («في قريتي تل أعور والفريكة ... سيطرة قوات الأسد على القريتين») it
# is the two places named, not the town, unless a type cue or ريف says otherwise.
DUALS = {("القريتين",): frozenset({"قريتي", "قريتين"})}


def view_upper(view: NormalizedView | None, token: Token) -> bool:
    """Whether a Latin token starts with a capital in the original text (True if unknown)."""
    if view is None:
        return True
    ch = view.original[view.to_original(token.start):][:1]
    return ch.isupper() or not ch.isalpha()
