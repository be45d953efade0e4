"""Arabic full-text search terms: what is indexed, what is queried, where it matched.

Both sides use the normalised view (so تَدْمُر, إدلب, أدلب and ادلب meet), and each
indexed word also adds its forms without proclitics (وبتدمر → بتدمر, تدمر; والرقة → الرقة,
رقة), so a query for a bare name finds it with و/ف/ب/ل/ك/ال attached. Matches are mapped
back to spans of the original text for display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.model import Article, Span
from marsad.text.normalize import normalize, view_of

_WORD = re.compile(r"[\w\u0600-\u06ff]+")
_PROCLITICS = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب",
               "ل", "ك")
_MIN_STEM = 3


def proclitic_forms(word: str) -> list[str]:
    """``word`` and its forms with leading clitics stripped (normalised input)."""
    forms = [word]
    rest = word
    changed = True
    while changed:
        changed = False
        for prefix in _PROCLITICS:
            if rest.startswith(prefix) and len(rest) - len(prefix) >= _MIN_STEM:
                rest = rest[len(prefix):]
                forms.append(rest)
                if prefix == "لل":
                    forms.append("ال" + rest)
                changed = True
                break
    return forms


def index_terms(text: str) -> str:
    """The words of ``text`` plus their clitic-free forms, normalised, space-separated."""
    seen: list[str] = []
    for word in _WORD.findall(normalize(text)):
        seen.extend(proclitic_forms(word))
    return " ".join(seen)


def search_terms(article: Article) -> tuple[str, str]:
    """What the search index holds for an article: the terms of its title and of its text."""
    return index_terms(article.title or ""), index_terms(article.text)


def query_terms(query: str) -> list[str]:
    """Normalised query words."""
    return _WORD.findall(normalize(query))


@dataclass(frozen=True)
class Match:
    text: str
    span: Span


def find_matches(text: str, terms: list[str], limit: int = 20) -> list[Match]:
    """Where the query words occur in ``text`` (whole words, clitics allowed), as spans."""
    view = view_of(text)
    found: list[Match] = []
    if not terms:
        return found
    wanted = set(terms)
    for word in _WORD.finditer(view.text):
        forms = proclitic_forms(word.group())
        hit = next((f for f in forms if f in wanted), None)
        if hit is None:
            continue
        whole = word.group()
        start = word.end() - len(hit) if whole.endswith(hit) else word.start()
        span = view.span(start, word.end())
        found.append(Match(text[span.start:span.end], span))
        if len(found) >= limit:
            break
    return found


def snippet(text: str, span: Span, width: int = 80) -> str:
    """Original text around a match, cut at word boundaries."""
    start = max(0, span.start - width)
    end = min(len(text), span.end + width)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + " ".join(text[start:end].split()) + suffix


def lookup_key(value: str | None) -> str | None:
    """A name as filters compare it: normalised (alef forms, diacritics, case) and trimmed."""
    if value is None:
        return None
    key = " ".join(normalize(value).split())
    return key or None
