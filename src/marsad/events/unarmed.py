"""Unarmed actors the way ACLED codes them: protesters named by country («Protesters
(Iraq)»), a protest's crowd even when the lexicon does not know it («أنصار التيار
المدني»), and the civilians a killing or abduction targets («احتجاز 50 عائلة»)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.events.casualties import PUNCT
from marsad.events.triggers import stems
from marsad.geo.countries import country_name
from marsad.model import Actor, Place, Span
from marsad.text.normalize import normalize
from marsad.text.numerals import WORDS

PROTESTERS, RIOTERS, CIVILIANS = 6, 5, 7
NATIONAL = {PROTESTERS: "Protesters", RIOTERS: "Rioters"}
# Who a protest's crowd is when no lexicon actor names it (folded).
CROWD_HEADS = frozenset({"انصار", "مناصري", "مناصرو", "انصارها", "الاف", "مئات", "عشرات",
                         "الالاف", "المئات", "العشرات", "اهالي", "سكان", "طلاب", "عمال",
                         "ناشطون", "ناشطين", "نشطاء"})
# Civilian victims after a killing or abduction trigger (folded, without ال or clitics).
VICTIM_HEADS = frozenset({
    "عائله", "عائلات", "عوائل", "اطفال", "طفل", "طفلا", "نساء", "امراه", "مدني", "مدنيين",
    "مدنيا", "صحفي", "صحفيين", "صحفيا", "صحافي", "صحافيين", "مصور", "اعلامي", "اعلاميين",
    "ناشط", "ناشطين", "سكان", "اهالي", "مواطن", "مواطنين", "ايزيديين", "ايزيدي",
    "ايزيديات", "مسيحيين", "اشخاص", "شخص", "شخصا", "رجال", "شبان", "طلاب", "عمال", "سائق",
    "اطباء", "طبيب", "لاجئين", "نازحين", "نازحي", "مدنيون", "شيوخ", "رهائن",
    "رجل", "رجلا", "شاب", "شابا", "مسيحيا", "مسيحيون", "سائقي", "سائقين", "نشطاء",
    "محام", "محاميا", "كاهن", "قس", "مطران"})
VICTIM_TYPES = frozenset({"attack_on_civilians", "abduction_detention"})
LEAD = frozenset({"من", "الاف", "مئات", "عشرات", "الالاف", "المئات", "العشرات", "عدد",
                  "عددا", "نحو", "قرابه", "بحق", "ضد"})


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"\S+", text[lo:hi]):
        raw = m.group()
        word = raw.rstrip(PUNCT)
        if word:
            out.append((lo + m.start(), lo + m.start() + len(word), normalize(word)))
        if word != raw:
            out.append((lo + m.start() + len(word), lo + m.end(), ","))
    return out


def _among(key: str, words: frozenset[str]) -> bool:
    """Whether a reading of ``key`` (proclitics and ال stripped, as for triggers) is one
    of ``words``."""
    return any(r in words for r in stems(key))


def national(actors: Sequence[Actor], place: Place | None) -> list[Actor]:
    """Protesters and rioters named by the country of the event («Protesters (Iraq)»)."""
    country = country_name(place.country if place else None)
    out = []
    for a in actors:
        base = NATIONAL.get(a.inter or 0)
        if base and country and a.name == base:
            a = Actor(a.role, f"{base} ({country})", a.text, a.inter, a.span)
        out.append(a)
    return out


def crowd(text: str, sentence: Span, trigger: Span, place: Place | None) -> Actor:
    """actor1 of a protest no lexicon actor names: the crowd phrase of the sentence
    («أنصار التيار المدني المستقل»), else the protest word itself."""
    country = country_name(place.country if place else None)
    name = f"Protesters ({country})" if country else "Protesters"
    words = _words(text, sentence.start, sentence.end)
    for i, (start, end, key) in enumerate(words):
        if not _among(key, CROWD_HEADS):
            continue
        last = end
        for _s2, e2, k2 in words[i + 1:i + 4]:
            if k2 == "," or k2.startswith("و") or k2 in ("في", "من", "الي", "علي", "ضد"):
                break
            last = e2
        return Actor("actor1", name, text[start:last], PROTESTERS, Span(start, last))
    return Actor("actor1", name, text[trigger.start:trigger.end], PROTESTERS, trigger)


def victims(text: str, trigger: Span, end: int) -> Actor | None:
    """actor2 of a killing or abduction that names no actor: the civilians after the
    trigger and its subject, within eight words and no comma («احتجاز 50 عائلة», «اختطاف
    الآلاف من الأطفال», «أعدم تنظيم داعش أمس تسعة من سائقي سيارات الأجرة»)."""
    words = _words(text, trigger.end, end)[:8]
    start = None
    for s, e, key in words:
        if key == ",":
            return None
        if _among(key, VICTIM_HEADS):
            first = start if start is not None else s
            return Actor("actor2", "Civilians", text[first:e], CIVILIANS, Span(first, e))
        lead = _among(key, LEAD) or key[:1].isdigit() or key in WORDS
        if start is None and lead:
            start = s
        elif not lead:
            start = None  # (the subject or a time word: the victims may come after it)
    return None


# Civilians named but not a side: denied («وليسوا من المدنيين»), a crowd a place is full of
# («السوق المكتظّ بالمدنيين», «الأحياء المأهولة بالمدنيين»), or a place's people in general
# («نزوح معظم أهالي المدينة», «انتهاكاته بحق أهالي مدينة الرقة», «الثوار من أهالي المدينة»).
DENIED = frozenset({"ليسوا", "وليسوا", "ليس", "وليس", "ليست", "وليست"})
CROWDED = frozenset({"المكتظ", "المكتظه", "مكتظ", "مكتظه", "المزدحم", "المزدحمه", "الماهوله",
                     "ماهوله", "المليء", "المليئه"})
PEOPLE_OF = frozenset({"بحق", "نزوح", "معظم", "من"})


def bystanders(text: str, actor: Actor) -> bool:
    """Whether a Civilians actor is named but not a side (see DENIED, CROWDED, PEOPLE_OF)."""
    if actor.inter != CIVILIANS or actor.span is None:
        return False
    start = actor.span.start
    glued = text[start - 1:start] == "ب"  # «بالمدنيين»: the mention starts after the ب
    before = [normalize(w.strip(PUNCT)) for w in text[max(0, start - 40):
                                                      start - glued].split()][-3:]
    head = normalize(actor.text or "").split()[:1]
    return any(w in DENIED for w in before) or (
        glued and bool(before) and before[-1] in CROWDED) or (
        head in (["اهالي"], ["الاهالي"]) and bool(before) and before[-1] in PEOPLE_OF)


def unarmed_actors(event_type: str, actors: Sequence[Actor], text: str, sentence: Span,
                   trigger: Span, place: Place | None) -> list[Actor]:
    """The event's actors with protesters named by country, a protest's crowd and the
    civilian victims of a killing or abduction added when nothing names them."""
    out = [a for a in national(actors, place) if not bystanders(text, a)]
    if event_type == "protest" and not any(a.role == "actor1" for a in out):
        out.insert(0, crowd(text, sentence, trigger, place))
    if event_type in VICTIM_TYPES and not any(a.role == "actor2" for a in out):
        victim = victims(text, trigger, sentence.end)
        if victim is not None:
            out.append(victim)
    return out
