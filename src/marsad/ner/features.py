"""Arabic word features for the NER model, and the tokenizer that feeds it.

spaCy's hash embeddings read lexeme attributes; marsad registers a language
(``marsad_ar``) whose attributes suit Arabic instead of English:

- ``NORM``: the folded form (alef, yaa, taa marbuta, hamza seats, diacritics, tatweel);
- ``LOWER``: that form without proclitic conjunctions/prepositions (وبريطانيا → بريطانيا,
  للامم → الامم), so a name looks the same however it is attached;
- ``PREFIX``: the stripped proclitics themselves (``و`` ``وب`` ``لل`` or empty);
- ``SUFFIX``: the last three letters of the stripped form;
- ``SHAPE``: digits/Latin/Arabic shape, length class and whether the word has ال, plus
  gazetteer flags (``|P`` place name, ``|p`` part of one, ``|N`` person name part) when a
  gazetteer is in use (``use_gazetteer``; a model ships its own ``gazetteer.tsv``).

Lexeme attributes are computed once per word type, so they cost nothing per token.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import LOWER, NORM, PREFIX, SHAPE, SUFFIX
from spacy.lang.ar import Arabic, ArabicDefaults
from spacy.util import registry

from marsad.model import Span
from marsad.text.normalize import normalize

LANG = "marsad_ar"

HAMZA_SEATS = str.maketrans({"ؤ": "و", "ئ": "ي"})
_PROCLITICS = ("وبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول",
               "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_ARABIC = re.compile(r"[\u0621-\u064a]")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The folded form of one word: marsad's normalisation plus hamza seats."""
    return normalize(word).translate(HAMZA_SEATS)


@lru_cache(maxsize=200_000)
def split_proclitics(word: str) -> tuple[str, str]:
    """``(proclitics, rest)`` of a folded word; ``ال`` stays with the rest.

    Only strips when at least three letters remain (ولد stays ولد); ``لل`` becomes ``ال``.
    """
    if not _ARABIC.match(word):
        return "", word
    for clitic in _PROCLITICS:
        if word.startswith(clitic):
            rest = word[len(clitic):]
            if clitic.endswith("ال"):
                clitic, rest = clitic[:-2], "ال" + rest
            elif clitic.endswith("لل"):
                clitic, rest = clitic[:-2] + "ل", "ال" + rest
            if len(rest) >= 3 and (len(rest) >= 4 or not rest.startswith("ال")):
                return clitic, rest
    return "", word


def _norm(text: str) -> str:
    return fold(text)


def _stem(text: str) -> str:
    return split_proclitics(fold(text))[1]


def _prefix(text: str) -> str:
    return split_proclitics(fold(text))[0] or "-"


def _suffix(text: str) -> str:
    return _stem(text)[-3:]


# word -> flags; set by use_gazetteer() before a model that needs it creates any lexeme.
_GAZETTEER: dict[str, str] = {}


def use_gazetteer(entries: dict[str, str]) -> None:
    """Make the ``SHAPE`` feature carry these gazetteer flags (folded word -> flags).

    Lexeme attributes are computed once per word and vocabulary, so call this before the
    model that uses them is loaded; one gazetteer per process.
    """
    _GAZETTEER.clear()
    _GAZETTEER.update(entries)


def _shape(text: str) -> str:
    base = base_shape(text)
    if not _GAZETTEER:
        return base
    key = fold(text)
    flags = _GAZETTEER.get(key) or _GAZETTEER.get(split_proclitics(key)[1], "")
    return f"{base}|{flags}" if flags else base


def base_shape(text: str) -> str:
    """The word's shape: digits, Latin case, or Arabic length class with ال (no flags)."""
    if text.isdigit():
        return f"d{min(len(text), 4)}"
    if any(c.isdigit() for c in text):
        return "dx"
    if text.isascii():
        if not text.isalpha():
            return text[:3]
        return "Xx" if text[:1].isupper() else "x"
    stem = _stem(text)
    if not _ARABIC.search(stem):
        return text[:3]
    length = "s" if len(stem) <= 3 else "m" if len(stem) <= 6 else "l"
    return ("al" if stem.startswith("ال") else "a") + length


class MarsadArabicDefaults(ArabicDefaults):
    lex_attr_getters = {  # noqa: RUF012  (spaCy reads this class attribute)
        **ArabicDefaults.lex_attr_getters,
        NORM: _norm, LOWER: _stem, PREFIX: _prefix, SUFFIX: _suffix, SHAPE: _shape,
    }


@registry.languages(LANG)
class MarsadArabic(Arabic):
    """Arabic with the lexeme attributes above (spaCy's tokenizer is not used)."""

    lang = LANG
    Defaults = MarsadArabicDefaults


# Words (letters with their marks and tatweel), numbers with inner separators, or any
# other single non-space character.
_TOKEN = re.compile(
    r"\d+(?:[.,:/]\d+)*"
    r"|(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])+"
    r"|[^\s\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]",
)


def token_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each token of ``text[start:end]``, as ``tokenize`` splits them."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Token spans of ``text[start:end]``, split the way ANERcorp is: punctuation and
    numbers apart, clitics left on their word (وبريطانيا is one token)."""
    end = len(text) if end is None else end
    return [Span(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
