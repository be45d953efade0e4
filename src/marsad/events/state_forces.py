"""State forces named generically («قوات الأمن», «القوات الحكومية», «قوة أمنية»,
«الشرطة»): the forces of the country the article reports from, as ACLED names them
(«Military Forces of Iraq», «Police Forces of Syria»). The actor lexicon leaves these out
because the words name any country's forces."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from marsad.geo.countries import country_name
from marsad.model import Article, Mention, Span
from marsad.text.normalize import normalize, view_of

HOME = ("SY", "IQ")
# Folded phrases -> which forces.
PHRASES = {normalize(p): kind for p, kind in (
    ("قوات الأمن", "Military"), ("القوات الأمنية", "Military"), ("قوات أمنية", "Military"),
    ("قوة أمنية", "Military"), ("الأجهزة الأمنية", "Military"),
    ("القوات الحكومية", "Military"), ("قوات حكومية", "Military"),
    ("الشرطة", "Police"), ("قوات الشرطة", "Police"), ("رجال الشرطة", "Police"),
    ("دورية للشرطة", "Police"), ("مفرزة للشرطة", "Police"),
)}
_PATTERN = re.compile(r"(?<!\w)(?:[وفبل]|لل)?(" + "|".join(
    re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")(?!\w)")
_LATER = frozenset({"السوريه", "العراقيه", "التركيه", "الكرديه", "الاردنيه", "اللبنانيه",
                    "الاسرائيليه", "الامريكيه", "الروسيه", "الايرانيه", "السوري", "العراقي",
                    "التركي", "الكردي", "الاتحاديه", "المحليه"})


# The home country's own adjective after a generic phrase («الشرطة العراقية»), folded.
OWN_ADJECTIVES = {"IQ": ("العراقيه", "العراقي"), "SY": ("السوريه", "السوري")}


def home_country(article: Article) -> str | None:
    """Syria or Iraq, whichever the article's places are in more often (None if neither)."""
    votes = Counter(p.country for p in article.places if p.country in HOME)
    if not votes:
        return None
    (top, n), *rest = votes.most_common()
    return None if rest and rest[0][1] == n else top


def generic_forces(article: Article, lo: int, hi: int,
                   known: Sequence[Mention]) -> list[Mention]:
    """Mentions for the generic state forces in ``text[lo:hi]`` that no lexicon actor
    covers; none when the article's home country is unclear."""
    country = home_country(article)
    name = country_name(country)
    if name is None:
        return []
    view = view_of(article.text)
    vlo, vhi = view.view_span(Span(lo, hi))
    out = []
    for m in _PATTERN.finditer(view.text, vlo, vhi):
        after = [w.rstrip("،,.:؛") for w in view.text[m.end():m.end() + 20].split()]
        end = m.end()
        if after and after[0] in OWN_ADJECTIVES.get(country, ()):
            # «الشرطة العراقية» in an article from Iraq: the same forces, named in full
            end = view.text.index(after[0], m.end()) + len(after[0])
        elif after and after[0] in _LATER:
            continue  # «قوات الأمن التركية», «الشرطة الاتحادية»: the lexicon's, or another's
        span = view.span(m.start(1) if m.start(1) == m.start() else m.start(), end)
        if any(k.span.overlaps(span) for k in known):
            continue
        kind = PHRASES[m.group(1)]
        out.append(Mention("ORG", article.text[span.start:span.end], span,
                           norm=f"{kind} Forces of {name}", source="events.generic",
                           attrs={"inter": 1, "actor_id": f"{kind.lower()}-{country}"}))
    return out
