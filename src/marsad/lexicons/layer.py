"""The lexicon layer of the mentions stage: actors, weapons, peoples and sites.

``Lexicons.find`` matches every alias on the article's normalised view, sentence by
sentence, applies the context rules of ambiguous aliases, and returns mentions whose spans
index the original text. Facility mentions (مطار كويرس) are built by ``sites`` from a head
word and the name after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.lexicons.entries import (
    ContextRule,
    Entry,
    SiteRules,
    load_actors,
    load_peoples,
    load_site_rules,
    load_weapons,
)
from marsad.lexicons.matcher import AliasMatcher, Hit, Token, clitic_variants, view_tokens
from marsad.model import Span
from marsad.ner.features import fold
from marsad.text.normalize import NormalizedView

OPEN_QUOTES = "«\"“'‘„"
CLOSE_QUOTES = "»\"”'’“"


@dataclass(frozen=True)
class Candidate:
    """A lexicon match before merging: where (view offsets), what, and how sure."""

    start: int
    end: int
    kind: str
    norm: str
    attrs: dict[str, object]
    priority: int  # actors and weapons 3, peoples 1


@dataclass(frozen=True)
class Contextual:
    entry: Entry
    rule: ContextRule


def sentence_tokens(view: NormalizedView, sentences: Sequence[Span]) -> list[list[Token]]:
    """The folded tokens of each sentence, offsets in ``view``."""
    return [view_tokens(view.text, *view.view_span(sentence)) for sentence in sentences]


@dataclass
class Lexicons:
    """Matchers for the curated lexicons (tests build tiny ones with ``from_entries``)."""

    entries: Sequence[Entry]
    peoples: Sequence[Entry] = ()
    sites: SiteRules | None = None
    _plain: AliasMatcher[Entry] = field(init=False, repr=False)
    _people: AliasMatcher[Entry] = field(init=False, repr=False)
    _contextual: AliasMatcher[list[Contextual]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._plain = AliasMatcher[Entry]().add_all(
            (alias, e) for e in self.entries for alias in (*e.aliases, *e.latin))
        self._people = AliasMatcher[Entry]().add_all(
            (alias, e) for e in self.peoples for alias in (*e.aliases, *e.latin))
        grouped: dict[str, list[Contextual]] = {}
        for e in self.entries:
            for rule in e.context:
                grouped.setdefault(fold(rule.alias), []).append(Contextual(e, rule))
        self._contextual = AliasMatcher[list[Contextual]]().add_all(
            (alias, group) for alias, group in grouped.items())
        self._nationality_keys = {
            variant for e in self.peoples for a in e.aliases
            for _, variant in clitic_variants(fold(a)) if " " not in a}

    @classmethod
    def default(cls) -> Lexicons:
        """The curated lexicons shipped in ``marsad/resources/lexicons``."""
        return cls([*load_actors(), *load_weapons()], load_peoples(), load_site_rules())

    @property
    def sizes(self) -> dict[str, int]:
        actors = [e for e in self.entries if e.kind != "WEAPON"]
        weapons = [e for e in self.entries if e.kind == "WEAPON"]
        count = lambda es: sum(len(e.aliases) + len(e.latin) for e in es)  # noqa: E731
        return {"actors": len(actors), "actor_aliases": count(actors),
                "contextual_aliases": sum(len(e.context) for e in self.entries),
                "weapons": len(weapons), "weapon_aliases": count(weapons),
                "peoples": len(self.peoples), "people_forms": count(self.peoples),
                "site_heads": len(self.sites.heads) if self.sites else 0}

    # ------------------------------------------------------------ matching

    def find(self, view: NormalizedView, sentences: Sequence[Span],
             per_sentence: Sequence[Sequence[Token]] | None = None) -> list[Candidate]:
        """Lexicon candidates (view offsets) in the given sentences of ``view``.

        ``per_sentence`` are their ``sentence_tokens``, when the caller has them already.
        """
        if per_sentence is None:
            per_sentence = sentence_tokens(view, sentences)
        out: list[Candidate] = []
        plain_hits: list[tuple[int, Hit[Entry]]] = []
        for n, tokens in enumerate(per_sentence):
            plain_hits += [(n, h) for h in self._plain.find(tokens)]
        named = {h.payload.id: [] for _, h in plain_hits}
        for n, h in plain_hits:
            named[h.payload.id].append((n, h.start))
            out.append(_candidate(h.start, h.end, h.payload, 3))
        taken = [(h.start, h.end) for _, h in plain_hits]
        for n, tokens in enumerate(per_sentence):
            for hit in self._contextual.find(tokens):
                if _overlaps(hit.start, hit.end, taken):
                    continue
                entry = self._resolve(hit, tokens, view.text, named, n)
                if entry is not None:
                    out.append(_candidate(hit.start, hit.end, entry, 3, contextual=True))
                    taken.append((hit.start, hit.end))
            for hit in self._people.find(tokens):
                out.append(_candidate(hit.start, hit.end, hit.payload, 1))
        return sorted(out, key=lambda c: (c.start, -c.end))

    def _resolve(self, hit: Hit[list[Contextual]], tokens: Sequence[Token], text: str,
                 named: dict[str, list[tuple[int, int]]], sentence: int) -> Entry | None:
        """The entry an ambiguous alias refers to here, or None when context says no."""
        options = [c for c in hit.payload if self._allowed(c.rule, hit, tokens, text, named)]
        if not options:
            return None
        if len({c.entry.id for c in options}) > 1 and all(
                c.entry.attrs.get("country") for c in options):
            # («المقاتلون الأكراد ... جنوب مدينة الحسكة في شمال شرق سورية» in an article
            # that names the PKK too: the sentence's country decides between forces of
            # one country each, not for a group that fights everywhere like «التنظيم»)
            cued = _countries(tokens)
            here = {c.entry.id: c for c in options if c.entry.attrs.get("country") in cued}
            if len(here) == 1:
                return next(iter(here.values())).entry

        def distance(c: Contextual) -> tuple[int, int]:
            places = named.get(c.entry.id, [])
            before = [hit.start - pos for _, pos in places if pos < hit.start]
            after = [pos - hit.start for _, pos in places if pos > hit.start]
            return (0, min(before)) if before else (1, min(after) if after else 10**9)

        return min(options, key=distance).entry

    def _allowed(self, rule: ContextRule, hit: Hit[list[Contextual]], tokens: Sequence[Token],
                 text: str, named: dict[str, list[tuple[int, int]]]) -> bool:
        entry_ids = {c.entry.id for c in hit.payload if c.rule is rule}
        if rule.needs_article_alias and not any(named.get(i) for i in entry_ids) and not (
                any(named.get(i) for i in rule.or_named)
                and not any(named.get(i) for i in rule.unless_named)):
            return False
        nxt = tokens[hit.last + 1].key if hit.last + 1 < len(tokens) else ""
        blocked = {fold(w) for w in rule.not_followed_by}
        if nxt and (nxt in blocked or nxt in self._nationality_keys):
            return False
        if not rule.preceded_by and not rule.quoted:
            return True
        if rule.quoted and _quoted(text, hit.start, hit.end):
            return True
        return hit.clitic == 0 and _preceded_by(tokens, hit.first, rule.preceded_by)


# The countries of the wars, as a sentence names them (the country or its adjective).
COUNTRY_WORDS = {"سوريا": "SY", "سوريه": "SY", "السوريه": "SY", "السوري": "SY",
                 "تركيا": "TR", "التركيه": "TR", "التركي": "TR",
                 "العراق": "IQ", "العراقيه": "IQ", "العراقي": "IQ"}


def _countries(tokens: Sequence[Token]) -> set[str]:
    """The countries a sentence names (with proclitics allowed)."""
    return {COUNTRY_WORDS[k] for t in tokens for _, k in clitic_variants(t.key)
            if k in COUNTRY_WORDS}


def _candidate(start: int, end: int, entry: Entry, priority: int,
               contextual: bool = False) -> Candidate:
    attrs = dict(entry.attrs)
    if contextual:
        attrs["contextual"] = True
    return Candidate(start, end, entry.kind, entry.name, attrs, priority)


def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return bool(before) and before[-1] in OPEN_QUOTES and bool(after) and after[0] in CLOSE_QUOTES


def _preceded_by(tokens: Sequence[Token], first: int, phrases: Sequence[str]) -> bool:
    for phrase in phrases:
        keys = [fold(w) for w in phrase.split()]
        n = len(keys)
        if first - n < 0:
            continue
        window = [t.key for t in tokens[first - n : first]]
        if window[1:] == keys[1:] and any(v == keys[0] for _, v in clitic_variants(window[0])):
            return True
    return False
