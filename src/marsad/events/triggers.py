"""Trigger words: which tokens of a sentence name an event, and of which type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.events.lexicon import EventLexicon, TriggerRule
from marsad.lexicons.matcher import Token, clitic_variants


@dataclass(frozen=True)
class TriggerHit:
    """A trigger in a sentence: its type and token range (``first``..``last``) and its
    range in the view (``start``, ``end``)."""

    type: str
    first: int
    last: int
    start: int
    end: int
    needs_armed_actor: bool = False
    alone: bool = False


@lru_cache(maxsize=200_000)
def stems(key: str) -> tuple[str, ...]:
    """A token's readings with proclitics and then the article ال stripped."""
    out = []
    for _n, rest in clitic_variants(key):
        out.append(rest)
        if rest.startswith("ال") and len(rest) > 4:
            out.append(rest[2:])
    return tuple(out)


def _starts(tokens: Sequence[Sequence[str]], lo: int, hi: int, prefixes: Sequence[str]) -> bool:
    """Whether a token of ``tokens[lo:hi]`` starts with one of ``prefixes``; a prefix of
    two letters or fewer («اف» of «إف-16») must be the whole token, or it would match
    any word that starts with it («أفادت», «أفرادها»)."""
    short = tuple(p for p in prefixes if len(p) <= 2)
    long = tuple(p for p in prefixes if len(p) > 2)
    for i in range(max(lo, 0), min(hi, len(tokens))):
        for reading in tokens[i]:
            if reading.startswith(long) or reading in short:
                return True
    return False


def _matches(rule: TriggerRule, readings: Sequence[Sequence[str]], i: int) -> int | None:
    """The index of the last token of ``rule``'s word starting at token ``i``, if any."""
    for word in rule.words:
        if word[0] not in readings[i]:
            continue
        if len(word) == 1:
            return i
        if i + len(word) > len(readings):
            continue
        if all(part in readings[i + k] for k, part in enumerate(word[1:], 1)):
            return i + len(word) - 1
    return None


def _context_ok(rule: TriggerRule, readings: Sequence[Sequence[str]], first: int,
                last: int) -> bool:
    if rule.blocked_by and any(r in rule.blocked_by for j in range(max(0, first - 2), first)
                               for r in readings[j]):
        return False
    if rule.indefinite and any(r.startswith("ال") for r in readings[first]):
        return False  # «القتل», «القتلى»: killing as a practice, the dead as a tally
    lo = last + 1 if rule.after else first - rule.window
    hi = last + 1 + rule.window
    if rule.near and not (_starts(readings, lo, first, rule.near)
                          or _starts(readings, last + 1, hi, rule.near)):
        return False
    return not (rule.not_near and (_starts(readings, lo, first, rule.not_near)
                                   or _starts(readings, last + 1, hi, rule.not_near)))


# «لقصف المدنيين», «لشن غارات», «لاعتقال عناصر»: a verbal noun after the purpose ل
# names an aim; after «تعرض» («تعرضت البلدة لقصف») it is the event itself.
PURPOSE = ("ل", "ول", "فل")
UNDERGONE = ("تعرض", "يتعرض", "تتعرض", "عرض")
PICTURES = ("صور", "فيديو", "مقطع", "مشاهد", "لقطات", "تسجيل")


def _purpose(tokens: Sequence[Token], readings: Sequence[Sequence[str]], i: int,
             first_words: frozenset[str]) -> bool:
    key = tokens[i].key
    if key in first_words or key.startswith(("لل", "ولل", "فلل")):
        return False
    if not any(key.startswith(p) and key[len(p):] in first_words for p in PURPOSE):
        return False
    if i > 0 and any(r.startswith(PICTURES) for r in readings[i - 1]):
        return False  # «ونشر جيش الفتح صورا لتفجير كبير»: pictures of it
    return not any(r.startswith(UNDERGONE) for j in range(max(0, i - 10), i)
                   for r in readings[j])




def find_triggers(lexicon: EventLexicon, tokens: Sequence[Token]) -> list[TriggerHit]:
    """Every trigger among ``tokens`` (one sentence), first matching rule per token."""
    readings = [stems(t.key) for t in tokens]
    first_words = lexicon.first_words
    hits: list[TriggerHit] = []
    i = 0
    while i < len(tokens):
        if any(r in lexicon.never for r in readings[i]) or not any(
                r in first_words for r in readings[i]):
            i += 1
            continue
        if any(tokens[j].key in lexicon.blockers or any(r in lexicon.blockers
                                                        for r in readings[j])
               for j in range(max(0, i - 2), i)):
            i += 1
            continue
        if _purpose(tokens, readings, i, first_words):
            i += 1
            continue
        for rule in lexicon.rules:
            last = _matches(rule, readings, i)
            if last is not None and _context_ok(rule, readings, i, last):
                hits.append(TriggerHit(rule.type, i, last, tokens[i].start, tokens[last].end,
                                       rule.needs_armed_actor, rule.alone))
                i = last
                break
        i += 1
    if any(not h.alone for h in hits):  # words that name an event only when nothing
        hits = [h for h in hits if not h.alone]  # else does
    return hits
