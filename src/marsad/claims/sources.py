"""Source phrases: their kind (anonymous, person, official, ...) and their name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.claims.lexicon import ClaimsLexicon
from marsad.model import Mention, Source, Span
from marsad.text.normalize import normalize, view_of

PERSON_MENTIONS = frozenset({"PER"})
_DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هؤلاء", "وهذا", "وهذه"})
# Nisba adjectives that begin with the letters ال without the article (ألماني، ألبانية).
_AL_NISBA = ("الماني", "البان", "الجزائري", "الجزائر")
# Titles of an activist, who is one of the observers even when named.
ACTIVISTS = frozenset({"ناشط", "الناشط", "ناشطه", "الناشطه"})
# The kinds of a body or a group (not a person's).
_BODY_KINDS = ("anonymous", "observers", "media", "official", "social_media")
_TOKEN = re.compile(r"\w+|[^\w\s]")
BODY_MENTIONS = frozenset({"ORG", "ARMED_GROUP", "MILITARY_UNIT", "GPE", "NORP"})


@dataclass(slots=True)
class Word:
    """A token of the folded view: its view offsets and folded text."""

    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        """The word without a leading conjunction و/ف (when what remains is a word)."""
        t = self.text
        if len(t) > 3 and t[0] in "وف":
            return t[1:]
        return t

    @property
    def is_punct(self) -> bool:
        return not (self.text[0].isalnum() or self.text[0] == "_")


def strip_clitic(word: str) -> str:
    """A word without one leading و/ف/ل/ب proclitic (when at least 3 letters remain)."""
    if len(word) > 3 and word[0] in "وفلب":
        return word[1:]
    return word


def known_word(word: str, lex: ClaimsLexicon) -> bool:
    """Whether the lexicon knows ``word`` as a source word of any kind."""
    return (word in lex.person_titles or word in lex.anaphors
            or any(word in v for v in lex.kinds.values()))


def head_word(word: str, lex: ClaimsLexicon) -> str:
    """``word`` without a proclitic only when the lexicon knows the shorter form."""
    if known_word(word, lex):
        return word
    bare = strip_clitic(word)
    return bare if bare != word and known_word(bare, lex) else word


def _definite(word: str) -> bool:
    w = strip_clitic(word)
    if w.startswith(_AL_NISBA):
        return False
    return w.startswith("ال") or word.startswith("لل")


def _has_phrase(folded: str, phrases: Sequence[str] | frozenset[str]) -> bool:
    padded = f" {folded} "
    return any(f" {p} " in padded for p in phrases if " " in p)


def _body(word: str) -> bool:
    """A definite collective or abstract noun («المنسقية», «الوحدات», «القيادة»), not a
    family name («الجبوري»): the feminine or plural endings ية / ات / ة."""
    return word.endswith(("يه", "ات", "ه"))


def words_of(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words and punctuation marks of a folded ``text`` (between ``start`` and ``end``)."""
    return [Word(m.start(), m.end(), m.group())
            for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def _body_word(word: str, lex: ClaimsLexicon) -> bool:
    """The lexicon gives ``word`` (a proclitic allowed) the kind of a body or group."""
    return any(head_word(word, lex) in lex.kinds[k] for k in _BODY_KINDS)


def _kind_word(text: str, lex: ClaimsLexicon) -> bool:
    """A one-word mention the lexicon gives a kind («ناشطون»): the tagger's PER on it is
    a mistake."""
    folded = normalize(text).strip()
    return " " not in folded and _body_word(folded, lex)


# Abbreviated titles («د.» doctor, «م.» engineer): always before a name.
NAME_TITLES = frozenset({"د", "م"})


def classify(words: Sequence[Word], lex: ClaimsLexicon,
             mentions: Sequence[Mention] = ()) -> str:
    """The kind of a source phrase given as folded words (rules in docs/CLAIMS.md)."""
    toks = [w.text for w in words if not w.is_punct]
    while len(toks) > 1 and toks[0] in _DEMONSTRATIVES:
        toks = toks[1:]  # «هذا المصدر العسكري»
    if not toks:
        return "unspecified"
    folded = " ".join(toks)
    head = head_word(toks[0], lex)
    second = toks[1] if len(toks) > 1 else ""
    kinds = lex.kinds
    if any(m in folded for m in lex.anonymous_markers):
        return "anonymous"
    if head in {"مصدر", "مصادر", "المصدر", "المصادر"}:
        return "anonymous"
    if any(m.kind in PERSON_MENTIONS and not _kind_word(m.text, lex) for m in mentions):
        # «وكالة الأنباء السورية (سانا)»: an outlet's head word wins over a name in it,
        # and a named activist is an activist («الناشط الإعلامي وسيم سعد»: observers)
        if head in ACTIVISTS or speaks_for_monitor(toks, lex):
            return "observers"
        return "media" if head in kinds["media"] else "person"
    if head in ("بيان", "بيانات", "البيان") and len(words) > 1:
        rest = [w for w in words[1:] if not w.is_punct]
        if rest and rest[0].text not in ("صادر", "صدر"):
            inner = classify(rest, lex, mentions)
            return "official" if inner in ("person", "unspecified") else inner
    if head in kinds.get("unspecified", ()) and not mentions:
        return "unspecified"
    if head in NAME_TITLES and len(toks) > 1:
        return "person"  # «د. ابن رقوش», «م. أحمد الجبوري»: a title before a name
    if head in lex.person_titles:
        if speaks_for_monitor(toks, lex):
            return "observers"  # («مدير «المرصد السوري لحقوق الإنسان» رامي عبد الرحمن»)
        if _definite(head) or head.startswith("معالي") or _definite(second) or len(toks) > 3:
            return "person"
        return "anonymous"
    if head in kinds["anonymous"]:
        return "anonymous"
    if head in kinds["social_media"] or _has_phrase(folded, kinds["social_media"]):
        return "social_media"
    if head in kinds["media"] or _has_phrase(folded, kinds["media"]):
        return "media"
    if head in kinds["observers"] or _has_phrase(folded, kinds["observers"]):
        return "observers"
    if head in kinds["official"] or _has_phrase(folded, kinds["official"]):
        return "official"
    if any(m.kind in BODY_MENTIONS for m in mentions):
        return "official"
    if any(t in kinds["social_media"] for t in toks):
        return "social_media"
    if any(t in lex.person_titles for t in toks) or not _definite(head) or (
            len(toks) == 2 or (len(toks) == 1 and not _body(head))):
        return "person"  # unknown words after a reporting verb are mostly names
    return "official"  # «المنسقية», «الوحدات»: a definite noun of a body


def speaks_for_monitor(toks: Sequence[str], lex: ClaimsLexicon) -> bool:
    """«مدير المرصد رامي عبد الرحمن»: a title of a monitor's head, who speaks for it (the
    monitor is the source: GUIDELINES, sources)."""
    return len(toks) > 1 and toks[0] in lex.person_titles and toks[1] in MONITORS


# Monitors whose director is quoted as the monitor itself.
MONITORS = frozenset({"المرصد"})


def canonical_name(folded: str, lex: ClaimsLexicon) -> str | None:
    """The canonical name of a known body or outlet inside the folded phrase."""
    best: tuple[int, str] | None = None
    padded = f" {folded} "
    for key, name in lex.names.items():
        present = f" {key} " in padded or f" ل{key} " in padded or f" و{key} " in padded
        if present and (best is None or len(key) > best[0]):
            best = (len(key), name)
    return best[1] if best else None


def person_name_words(words: Sequence[Word], lex: ClaimsLexicon) -> tuple[int, int] | None:
    """Index range [i, j) of the words that look like a personal name in a source phrase."""
    toks = [w for w in words if not w.is_punct]
    if not toks:
        return None

    def is_name(w: Word, prev: Word | None) -> bool:
        t = w.text
        if t in lex.person_titles or t in lex.kinds["official"] or t in lex.kinds["media"]:
            return False
        if t in lex.kinds["observers"] or t in lex.kinds["anonymous"]:
            return False
        if t.startswith("ال") or t.startswith("لل"):
            # a family name such as الجبير after a given name
            return prev is not None and not prev.text.startswith("ال") and \
                prev.text not in lex.person_titles and prev.text not in ("باسم", "في", "من")
        return t not in ("باسم", "في", "من", "عن", "بن") or prev is not None

    # trailing run (not across a quote or bracket: «مدير «المرصد السوري» رامي عبد الرحمن»)
    j = len(toks)
    i = j
    while i > 0 and is_name(toks[i - 1], toks[i - 2] if i > 1 else None) and not (
            i < j and _index(words, toks[i]) - _index(words, toks[i - 1]) > 1):
        i -= 1
    if i < j:
        return _index(words, toks[i]), _index(words, toks[j - 1]) + 1
    # leading run
    k = 0
    while k < len(toks) and is_name(toks[k], toks[k - 1] if k else None) and (
            not toks[k].text.startswith("ال") or (k and toks[k - 1].text in COMPOUND_HEADS)):
        k += 1  # («رامي عبد الرحمن مدير المرصد»: «عبد» takes its «الرحمن»)
    if k:
        return _index(words, toks[0]), _index(words, toks[k - 1]) + 1
    return None


# The first halves of compound given names («عبد الرحمن», «أبو الفضل»), folded.
COMPOUND_HEADS = frozenset({"عبد", "ابو", "ابي", "ابا"})


def _index(words: Sequence[Word], w: Word) -> int:
    for n, x in enumerate(words):
        if x is w:
            return n
    raise ValueError("word not in phrase")


def split_coordinated(source: Source, lex: ClaimsLexicon) -> list[Source]:
    """A source phrase that joins two sources with «و» as two sources, each quoting its own
    words («مصادر محلية وشهود عيان»: anonymous sources and eyewitnesses); the first keeps
    the phrase's kind and name. Only a second part whose head word the lexicon gives a
    kind is split off (not «هيومن رايتس ووتش», «للإغاثة والأعمال الإنسانية»)."""
    if not source.text or source.span is None:
        return [source]
    view = view_of(source.text)
    words = words_of(view.text)
    for i in range(1, len(words)):
        rest = _after_and(words, i)
        head = next((w.text for w in rest if not w.is_punct), "")
        if not head or not _body_word(head, lex):
            continue
        first = view.span(words[0].start, words[i - 1].end)
        second = view.span(rest[0].start, rest[-1].end)
        kind = classify(rest, lex)
        folded = " ".join(w.text for w in rest if not w.is_punct)
        name = None if kind == "anonymous" else canonical_name(folded, lex)
        base = source.span.start
        one = Source(kind=source.kind, name=source.name, text=source.text[first.start:first.end],
                     span=Span(base + first.start, base + first.end))
        two = Source(kind=kind, name=name,  # type: ignore[arg-type]
                     text=source.text[second.start:second.end],
                     span=Span(base + second.start, base + second.end))
        return [one, *split_coordinated(two, lex)]
    return [source]


def _after_and(words: list[Word], i: int) -> list[Word]:
    """The words after a conjunction at ``i`` («وشهود», «و «الائتلاف»), the first without
    its «و»; empty when word ``i`` is no conjunction."""
    w = words[i]
    if len(w.text) > 3 and w.text[0] == "و":
        return [Word(w.start + 1, w.end, w.text[1:]), *words[i + 1:]]
    return words[i + 1:] if w.text == "و" and i + 1 < len(words) else []
