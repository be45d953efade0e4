"""Certainty of claims: reported, alleged, hedged, and negation (rules in docs/CLAIMS.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from marsad.claims.lexicon import ClaimsLexicon
from marsad.model import Claim, Span
from marsad.text.normalize import NormalizedView

if TYPE_CHECKING:
    from marsad.claims.extract import _Found

_WORD = re.compile(r"\w+")
MIN_SHARED_WORDS = 3  # content words a claim shares with a denial to count as disputed
# «لم يعرف», «لم يتضح»: not knowing is no denial; the claim is hedged.
UNKNOWN = frozenset({"يعرف", "تعرف", "يتضح", "تتضح", "يتبين", "تتبين", "يعلم", "تعلم"})


def _has(folded: str, phrases: Sequence[str]) -> bool:
    padded = f" {folded} "
    return any(f" {p} " in padded or f" و{p} " in padded for p in phrases)


def _content_words(folded: str) -> set[str]:
    return {w for w in _WORD.findall(folded) if len(w) > 3}


def apply_certainty(claims: list[Claim], found: Sequence[_Found], view: NormalizedView,
                    lex: ClaimsLexicon, sentences: Sequence[Span]) -> list[Claim]:
    """Set ``certainty`` and ``negated`` on each claim from its cue, content and context."""
    out: list[Claim] = []
    folded_contents: list[str] = []
    for claim, f in zip(claims, found, strict=True):
        content = view.text[f.content[0] : f.content[1]] if f.content else ""
        folded_contents.append(content)
        cue = f.cue_word
        certainty = "reported"
        negated = cue in lex.denial
        if cue in lex.allegation:
            certainty = "alleged"
        elif (cue in lex.hedging or f.kind == "noun"
              or (f.kind == "passive" and cue in lex.passive_hedged)
              or _has(content[:400], lex.hedge_words)):
            certainty = "hedged"
        head = _WORD.findall(content)[:3]
        if any(w in UNKNOWN for w in head[1:]) and any(w in lex.negation for w in head[:2]):
            certainty = "hedged"  # «إنه لم يعرف ما إذا كان الهجوم نفذه الجيش أو التحالف»
        elif any(w in lex.negation for w in head[:2]):
            negated = True
        out.append(replace(claim, certainty=certainty, negated=negated))  # type: ignore[arg-type]
    _disputes(out, found, folded_contents)
    _unverified(out, view, lex, sentences)
    return out


def _disputes(claims: list[Claim], found: Sequence[_Found], contents: list[str]) -> None:
    """A claim another source (by its words or its canonical name) denies in the same
    article becomes ``alleged``."""
    denials = [i for i, c in enumerate(claims) if c.negated and found[i].cue_word]
    if not denials:
        return
    for i, claim in enumerate(claims):
        if claim.negated or claim.certainty == "alleged":
            continue
        words = _content_words(contents[i])
        for d in denials:
            other = claims[d]
            if other.source.kind == claim.source.kind and (
                    other.source.text == claim.source.text or (
                        other.source.name is not None
                        and other.source.name == claim.source.name)):
                continue  # (a source does not dispute itself: «المرصد» after its full name)
            inside = other.content.contains(claim.cue.span) if claim.cue else False
            shared = len(words & _content_words(contents[d]))
            if inside or shared >= MIN_SHARED_WORDS:
                claims[i] = replace(claim, certainty="alleged")
                break


def _unverified(claims: list[Claim], view: NormalizedView, lex: ClaimsLexicon,
                sentences: Sequence[Span]) -> None:
    """«لم يتسن التحقق ...»: the claims before that sentence are hedged."""
    for sent in sentences:
        vs, ve = view.view_span(sent)
        if not _has(view.text[vs:ve], lex.unverified):
            continue
        for i, claim in enumerate(claims):
            if claim.cue is not None and claim.cue.span.start < sent.start and \
                    claim.certainty == "reported":
                claims[i] = replace(claim, certainty="hedged")
