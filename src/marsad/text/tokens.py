"""Word, number and mark tokens of a normalised view, with their view offsets.

Lexicon lookups in the date and number finders walk these tokens instead of the raw
text: a token is a run of letters, a number (``10/12/2016``, ``1,200`` and ``1.5`` stay
one token) or a single other non-space character. Offsets index ``view.text``; map them
back to the original with ``view.span``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"\d+(?:[.,/\-]\d+)*|[^\W\d_]+|[^\w\s]")
# Conjunctions that attach to any word; prepositions that attach to definite nouns.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ك")


class Token(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


def tokenize(view_text: str) -> list[Token]:
    """The tokens of a normalised text, in order (a fresh list; the tokens are shared)."""
    return list(_tokens(view_text))


@lru_cache(maxsize=16)
def _tokens(view_text: str) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(view_text))


def bare_forms(word: str, any_preposition: bool = False) -> list[tuple[str, int]]:
    """``word`` and its forms without attached و/ف and ب/ك/ل before ال, as (form, clitic length).

    ``وبالأمس`` gives ``بالامس``, ``الامس``; ``للعام`` gives ``العام`` (clitic length 0:
    the elided alef leaves no clean boundary, so a span keeps the whole word). A
    preposition is only stripped before ``ال``, so ``لامس`` never becomes ``امس``.
    """
    forms = [(word, 0)]
    rest, cut = word, 0
    if len(rest) > 2 and rest[0] in _CONJUNCTIONS:
        rest, cut = rest[1:], 1
        forms.append((rest, cut))
    if len(rest) > 3 and rest[0] in _PREPOSITIONS and rest[1:3] == "ال":
        forms.append((rest[1:], cut + 1))
    elif len(rest) > 3 and rest.startswith("لل"):
        forms.append(("ال" + rest[2:], cut))
    elif (len(rest) > 2 and rest[0] == "ل" and rest[1:] in _LAM_NOUNS) or (
            any_preposition and len(rest) > 3 and rest[0] in "بلك"):
        forms.append((rest[1:], cut + 1))
    return forms


_CLITIC_LETTERS = frozenset("وفبكل")
# Indefinite nouns that take a bare ل (لعام 2015).
_LAM_NOUNS = frozenset({"عام", "سنه", "شهر", "يوم"})


def split_clitics(tokens: list[Token], known: Collection[str],
                  any_preposition: bool = False) -> list[Token]:
    """Split an attached و/ف/ب off words whose bare form is in ``known`` (وأمس → و + أمس),
    so rules see the bare word and spans leave the clitic out; لل + word keeps its
    offsets and reads as ال + word."""
    out: list[Token] = []
    for tok in tokens:
        if tok.text[0] not in _CLITIC_LETTERS or tok.text in known:
            out.append(tok)
            continue
        for form, cut in bare_forms(tok.text, any_preposition)[1:]:
            if form in known:
                if cut:
                    out.append(Token(tok.text[:cut], tok.start, tok.start + cut))
                    out.append(Token(form, tok.start + cut, tok.end))
                else:
                    out.append(Token(form, tok.start, tok.end))
                break
        else:
            out.append(tok)
    return out
