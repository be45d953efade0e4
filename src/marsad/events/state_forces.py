"""State forces named generically («قوات الأمن», «القوات الحكومية», «قوة أمنية»,
«الشرطة»): the forces of the country the article reports from, as ACLED names them
(«Military Forces of Iraq», «Police Forces of Syria»). The actor lexicon leaves these out
because the words name any country's forces."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from marsad.geo.countries import COUNTRIES, country_name
from marsad.model import Article, Mention, Span
from marsad.text.normalize import normalize, view_of

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
# A nationality adjective after a generic phrase names the forces' country («قوات الأمن
# المصرية», «الشرطة العراقية»), folded, for the countries marsad covers.
NATIONAL = {adjective: code for code, words in (
    ("SY", "السوريه السوري"), ("IQ", "العراقيه العراقي"), ("TR", "التركيه التركي"),
    ("JO", "الاردنيه الاردني"), ("LB", "اللبنانيه اللبناني"), ("IL", "الاسرائيليه الاسرائيلي"),
    ("IR", "الايرانيه الايراني"), ("EG", "المصريه المصري"), ("LY", "الليبيه الليبي"),
    ("TN", "التونسيه التونسي"), ("DZ", "الجزائريه الجزائري"), ("SA", "السعوديه السعودي"),
    ("KW", "الكويتيه الكويتي"), ("BH", "البحرينيه البحريني"), ("AE", "الاماراتيه الاماراتي"),
    ("YE", "اليمنيه اليمني"), ("PS", "الفلسطينيه الفلسطيني"),
) for adjective in words.split()}
# Other adjectives after a generic phrase: another body («الشرطة الاتحادية» is the lexicon's
# Federal Police) or a country outside the region («القوات الأمريكية»).
_OTHER = frozenset({"الكرديه", "الكردي", "الاتحاديه", "المحليه", "الامريكيه", "الامريكي",
                    "الاميركيه", "الاميركي", "الروسيه", "الروسي", "الافغانيه", "الافغاني",
                    "الباكستانيه", "الباكستاني", "الفرنسيه", "الفرنسي", "البريطانيه",
                    "البريطاني", "الالمانيه", "الالماني", "النيجيريه", "الكاميرونيه"})


def home_country(article: Article) -> str | None:
    """The covered country the article's places are in most often («قوات الأمن» of an
    article from Turkey are Turkey's, even when it names Syria too); None on a tie."""
    votes = Counter(p.country for p in article.places if p.country in COUNTRIES)
    if not votes:
        return None
    (top, n), *rest = votes.most_common()
    return None if rest and rest[0][1] == n else top


def _local_country(article: Article, lo: int, hi: int) -> str | None:
    """The one country of the places named in ``text[lo:hi]`` (None if none or several)."""
    countries = {p.country for p in article.places
                 if p.country and p.span is not None and lo <= p.span.start < hi}
    return countries.pop() if len(countries) == 1 else None


def generic_forces(article: Article, lo: int, hi: int,
                   known: Sequence[Mention]) -> list[Mention]:
    """Mentions for the generic state forces in ``text[lo:hi]`` that no lexicon actor
    covers: the forces of the country the places of ``text[lo:hi]`` are in («تبادل إطلاق
    نار مع الشرطة في أحد أحياء إسطنبول»: Turkey's), else of the article's home country;
    none when both are unclear."""
    here = _local_country(article, lo, hi) or home_country(article)
    view = view_of(article.text)
    vlo, vhi = view.view_span(Span(lo, hi))
    out = []
    for m in _PATTERN.finditer(view.text, vlo, vhi):
        after = [w.rstrip("،,.:؛") for w in view.text[m.end():m.end() + 20].split()]
        end, country = m.end(), here
        if after and after[0] in NATIONAL:
            # «الشرطة العراقية», «قوات الأمن المصرية»: the forces of the country named
            end = view.text.index(after[0], m.end()) + len(after[0])
            country = NATIONAL[after[0]]
        elif after and after[0] in _OTHER:
            continue  # «الشرطة الاتحادية»: the lexicon's; «القوات الأمريكية»: another's
        name = country_name(country)
        span = view.span(m.start(1) if m.start(1) == m.start() else m.start(), end)
        if name is None or any(k.span.overlaps(span) for k in known):
            continue
        kind = PHRASES[m.group(1)]
        out.append(Mention("ORG", article.text[span.start:span.end], span,
                           norm=f"{kind} Forces of {name}", source="events.generic",
                           attrs={"inter": 1, "actor_id": f"{kind.lower()}-{country}"}))
    return out
