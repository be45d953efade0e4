"""Name keys: how gazetteer names and text tokens are folded before they are compared.

A key is the tuple of a name's folded tokens. Arabic tokens get the text view's folding
(alef forms, alef maqsura, taa marbuta -> haa, diacritics, tatweel) plus hamza seats
(ؤ -> و, ئ -> ي, lone ء dropped) so that السويداء/السويدا and رأس/راس meet. Latin tokens
lose accents, apostrophes and ʿayn marks, and the Arabic article (al-, el-, ar-, ash- ...)
is dropped, so Deir ez-Zor, Dayr az Zawr and Deir al-Zour share ``("deir", "zor")`` up
to vowels; :func:`skeleton` goes one step further for Latin fallbacks.
"""

from __future__ import annotations

import re
import unicodedata

from marsad.text.normalize import normalize

# Latin spellings of the Arabic article, as separate tokens after hyphens are split.
LATIN_ARTICLES = frozenset({
    "al", "el", "ul", "il", "ar", "as", "ash", "ad", "adh", "an", "at", "ath", "az", "ed",
    "er", "es", "esh", "et", "ez", "en", "ech", "ej", "ek", "l", "ag", "aj",
})
_HAMZA = str.maketrans({"ؤ": "و", "ئ": "ي", "ء": None, "ٔ": None})
_ARABIC = re.compile(r"[\u0621-\u064a\u0660-\u0669\u0671-\u06d3]")
# A token: a run of letters or digits (Arabic or Latin); everything else separates.
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_LATIN_MARKS = re.compile(r"[ʿʾʻʼ‘’'`´]")


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def fold_token(token: str) -> str:
    """The folded form of one token that is already in the view's normalisation."""
    if is_arabic(token):
        return token.translate(_HAMZA)
    if token.isascii():
        return token
    stripped = "".join(c for c in unicodedata.normalize("NFKD", token)
                       if not unicodedata.combining(c))
    return stripped.replace("ı", "i").replace("ß", "ss").lower()


def name_key(name: str) -> tuple[str, ...]:
    """The key of a gazetteer name (a tuple of folded tokens; Latin articles dropped)."""
    text = _LATIN_MARKS.sub("", normalize(name))
    tokens = [fold_token(t) for t in TOKEN.findall(text)]
    if not is_arabic(text) and len(tokens) > 1:
        tokens = [t for t in tokens if t not in LATIN_ARTICLES] or tokens
    return tuple(t for t in tokens if t)


def joined_key(key: tuple[str, ...]) -> tuple[str, ...] | None:
    """The one-token form of a multi-token Arabic name (دير الزور -> ديرالزور), if any."""
    if len(key) < 2 or not is_arabic(key[0]):
        return None
    return ("".join(key),)


_FINAL_H = re.compile(r"(?<=[aeiy])h$")
_VOWELS = re.compile(r"(?<=.)[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")
_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("q", "k"),
             ("j", "g"), ("c", "k"), ("z", "s"), ("ph", "f"))


def skeleton(key: tuple[str, ...]) -> tuple[str, ...]:
    """A lossy Latin key (consonant skeleton) for transliteration variants: Homs/Hims,
    Deir ez-Zor/Dayr az Zawr, Raqqa/Rakka. Arabic keys are returned unchanged."""
    if not key or is_arabic(key[0]):
        return key
    out = []
    for token in key:
        t = _FINAL_H.sub("", token)  # taa marbuta: Izzah/Izza, Raqqah/Raqqa
        for a, b in _DIGRAPHS:
            t = t.replace(a, b)
        t = _DOUBLE.sub(r"\1", _VOWELS.sub("", t))
        out.append(t)
    return tuple(out)
