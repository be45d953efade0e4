"""Find reported claims in an article: cue, source phrase, content span, certainty.

Works on the folded view of the text (marsad.text.normalize) sentence by sentence and maps
every span back to the original text. The rules are documented in docs/CLAIMS.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from marsad.claims.certainty import apply_certainty
from marsad.claims.lexicon import ClaimsLexicon, packaged_lexicon
from marsad.claims.sources import (
    NAME_TITLES,
    Word,
    canonical_name,
    classify,
    person_name_words,
    speaks_for_monitor,
    strip_clitic,
    words_of,
)
from marsad.model import Article, Claim, Cue, Mention, Source, Span
from marsad.text.normalize import NormalizedView, view_of
from marsad.text.sentences import split_sentences

_QUOTES_OPEN = frozenset("«\"“'")
_QUOTES_CLOSE = frozenset("»\"”'")
_CLAUSE_PUNCT = frozenset("،,؛;")
_DISCLOSE = frozenset({"الكشف", "ذكر", "الافصاح", "الاعلان", "صادر", "صدر"})
_PLATFORMS = frozenset({"تويتر", "فيسبوك", "فيس", "تلغرام", "تليغرام", "يوتيوب", "انستغرام"})
# Adjectives of affiliation that need their «لـ» complement («وكالة أعماق التابعة للتنظيم»):
# left dangling at the end of a source phrase, they are dropped.
_AFFILIATED = frozenset({"التابع", "التابعه", "التابعين", "الموالي", "المواليه",
                         "الموالين", "المقرب", "المقربه", "المقربين"})
_SELF = frozenset({"ذاته", "ذاتها", "نفسه", "نفسها", "ذاتهم", "نفسهم", "انفسهم"})
# Places named for a person («مسجد الإمام الصادق», «شارع الملك فهد»): the title is no speaker.
_NAMED_FOR = frozenset({"مسجد", "جامع", "حسينيه", "مرقد", "ضريح", "مستشفي", "شارع", "مدرسه",
                        "مطار", "جسر", "ساحه", "حي", "مجمع", "جامعه", "قاعده", "مدينه"})
# One-letter titles written with a full stop: the classifier's name titles («د.» doctor,
# «م.» engineer) and «أ.» (professor).
_ABBREVIATIONS = NAME_TITLES | {"ا"}
# «من جانبها», «من جهته»: "for its part" ends the source phrase.
_ITS_PART = frozenset({"جانبه", "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم"})
MAX_SOURCE_WORDS = 14


# The pronoun that refers back to «ما» in «بحسب ما أفاد به», «وفق ما صرح به».
_RESUMPTIVE = ("به", "بها")


def _nested(e: _Found, others: list[_Found]) -> bool:
    """Whether ``e``'s cue sits inside another claim's content (ما أوردته الوكالة ...)."""
    return any(o is not e and o.content and o.content[0] <= e.cue[0] < o.content[1]
               for o in others)


def _agrees(t: str) -> bool:
    """A word that can follow a head noun inside its phrase: الإيرانية، محلية، ذاتها."""
    return t.startswith("ال") or t.endswith(("ي", "يه", "يين", "يون", "يان")) or t in _SELF
LOOKAHEAD = 20          # words scanned after a source for the complementizer
ANTECEDENT_SENTENCES = 3  # how far back a subject-less cue may find its speaker

# cue kinds
SPEECH, PARTICIPLE, PREPOSITION, PASSIVE, HEDGE_NOUN = (
    "speech", "participle", "preposition", "passive", "noun")


@dataclass
class _Found:
    """A claim under construction, in view offsets."""

    kind: str
    cue: tuple[int, int]
    cue_word: str
    sentence: int
    source: tuple[int, int] | None = None
    source_kind: str = "unspecified"
    name: str | None = None
    chain: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    content: tuple[int, int] | None = None
    inherited: _Found | None = None
    boundary: bool = False
    folded: str = ""


def _tokens(view: NormalizedView, start: int, end: int) -> list[Word]:
    return words_of(view.text, start, end)


class ClaimExtractor:
    """Rule-based claim finder; one instance per lexicon, reusable across articles."""

    def __init__(self, lexicon: ClaimsLexicon | None = None) -> None:
        self.lex = lexicon or packaged_lexicon()
        self._name_heads = frozenset(k.split()[0] for k in self.lex.names)
        self._lead_words = frozenset(
            p.split()[0] for v in self.lex.kinds.values() for p in v if " " in p)
        self._original = ""
        self._index: tuple[int, ...] | None = None
        self._verb = ""
        lex = self.lex
        forms = (lex.speech | lex.participles | lex.guarded | lex.shown | lex.prepositions
                 | lex.passive_reported | lex.passive_hedged | lex.hedge_nouns)
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        # a cheap first pass: only sentences with a candidate cue word are tokenized
        self._candidates = re.compile(rf"(?<!\w)[وف]?(?:{alternatives})(?!\w)")

    # ------------------------------------------------------------ cue detection
    def _cue_kind(self, words: Sequence[Word], i: int) -> str | None:
        w = words[i]
        if w.is_punct:
            return None
        lex = self.lex
        bare, text = w.bare, w.text
        if (i == 0 or (i == 1 and words[0].is_punct)) and text in lex.background:
            return None
        if bare in lex.prepositions or text in lex.prepositions:
            return PREPOSITION if self._source_follows(words, i) else None
        if bare in lex.participles:
            return PARTICIPLE
        if bare in lex.passive_hedged and not self._subject_follows(words, i):
            return PASSIVE
        negated_verb = i > 0 and words[i - 1].text in ("لم", "ولم", "لا", "ولا", "لن", "ولن")
        if negated_verb and (bare in lex.speech or bare in lex.guarded):
            return None  # «ولم يوضح ...», «لم تحدد ...»: nothing is claimed
        if bare in lex.guarded or text in lex.guarded:
            if bare in ("جاء",) and text != bare and i + 2 < len(words) and \
                    words[i + 1].text == "في" and self._channel(words[i + 2].text):
                return SPEECH
            if text == bare or not self._complementizer_within(words, i + 1, 6):
                return None
            return SPEECH
        if bare in lex.shown and text not in lex.speech:
            # (a subject first: «وكان التنظيم بث تسجيل فيديو», «وعرض أثناء الجلسة شريط»
            # have the one who shows before the verb or nowhere)
            nxt = words[i + 1] if i + 1 < len(words) else None
            if nxt is None or nxt.is_punct or nxt.text in lex.stops or self._media(nxt):
                return None
            return SPEECH if any(self._media(x) for x in words[i + 2:i + 7]) else None
        if bare in ("نقل", "نقلت", "ينقل", "تنقل") and not (
                self._complementizer_within(words, i + 1, 10)
                or any(w.text == "عن" for w in words[i + 1 : i + 10])):
            return None
        if bare in ("يدعي", "تدعي") and not self._complementizer_within(words, i + 1, 6):
            return None  # «قيادي يدعى هشام التكريتي»: "named", not "claims"
        if bare in lex.passive_reported and text == bare and \
                self._complementizer_within(words, i + 1, 1):
            return PASSIVE
        if bare in lex.speech or text in lex.speech:
            if bare in ("يذكر",) and text == bare:
                return None
            if [x.text for x in words[i + 1:i + 3]] == ["من", "العمر"]:
                return None  # «وابلغ من العمر 30 عاما»: an age, not «أبلغ» (informed)
            return SPEECH
        if bare in lex.passive_reported and self._complementizer_within(words, i + 1, 1):
            return PASSIVE
        if bare in lex.hedge_nouns and i + 1 < len(words) and words[i + 1].text in (
                "عن", "غير", "تفيد", "تشير", "متضاربه", "اوليه"):
            return HEDGE_NOUN
        return None

    def _media(self, word: Word) -> bool:
        """Whether ``word`` names pictures or a recording («صورا», «فيديو», «شريطا»)."""
        return word.text in self.lex.media_nouns or word.bare in self.lex.media_nouns

    def _complementizer_within(self, words: Sequence[Word], i: int, n: int) -> bool:
        comp = self.lex.complementizers
        return any(w.text in comp or w.text == ":" for w in words[i : i + n])

    def _subject_follows(self, words: Sequence[Word], i: int) -> bool:
        if i + 1 >= len(words):
            return False
        nxt = words[i + 1]
        return not nxt.is_punct and nxt.text not in self.lex.complementizers and \
            nxt.text not in ("في", "ب", "بان", "بانه", "بانها", "على", "ان")

    def _source_follows(self, words: Sequence[Word], i: int) -> bool:
        """Whether a preposition (حسب ...) is followed by something that can speak."""
        j = i + 1
        while j < len(words) and words[j].text in ("ما", "ل", "لما", "الى", "عن", ":"):
            j += 1
        if j >= len(words):
            return False
        nxt = words[j]
        if nxt.bare in self.lex.relay_verbs or nxt.text in self.lex.relay_verbs:
            return True
        for cand in (nxt.text, strip_clitic(nxt.text), nxt.text[2:] if nxt.text.startswith("لل")
                     else nxt.text):
            if self._is_source_word(cand):
                return True
        return False

    def _is_source_word(self, t: str) -> bool:
        lex = self.lex
        if t in lex.person_titles or t in lex.anaphors or t in self._lead_words:
            return True
        if any(t in v for v in lex.kinds.values()):
            return True
        if not t.startswith("ال") and ("ال" + t) in lex.kinds["official"]:
            return True
        return t in self._name_heads

    # ------------------------------------------------------------ phrases
    def _source_end(self, words: Sequence[Word], i: int, cues: set[int]) -> int:
        """Index after the last word of the source phrase starting at ``i``.

        When no word marks where the phrase ends (a complementizer, a channel, a time
        word ...), it is cut after its head noun and the words that agree with it.
        """
        j, natural = self._source_scan(words, i, cues)
        if not natural:
            j = min(j, self._head_phrase_end(words, i))
        while j > i and ((words[j - 1].is_punct and words[j - 1].text not in _QUOTES_CLOSE)
                         or (j > i + 1 and words[j - 1].text in _AFFILIATED)):
            j -= 1
        return self._anonymity_clause(words, j)

    def _anonymity_clause(self, words: Sequence[Word], j: int) -> int:
        """Extend over «، الذي طلب عدم الكشف عن اسمه،»: it belongs to the source."""
        n = len(words)
        if j + 1 < n and words[j].text in _CLAUSE_PUNCT and \
                words[j + 1].text in ("الذي", "التي", "الذين", "اللذين", "اللتين"):
            k = j + 2
            while k < n and k < j + 12 and words[k].text not in _CLAUSE_PUNCT and \
                    words[k].text != ".":
                k += 1
            clause = " ".join(w.text for w in words[j + 1 : k])
            if any(m in clause for m in self.lex.anonymous_markers):
                return k
        return j

    def _head_phrase_end(self, words: Sequence[Word], i: int) -> int:
        n = len(words)
        if i >= n:
            return i
        first = words[i].text
        j = i + 1
        if self._is_source_word(first) or self._is_source_word(strip_clitic(first)):
            if j < n and not words[j].is_punct and words[j].text not in self.lex.stops \
                    and words[j].text not in _SELF and \
                    strip_clitic(first) not in self.lex.kinds.get("unspecified", ()):
                j += 1  # the genitive of a construct: وكالة أنباء، مصادر صحفية
            while j < n and _agrees(words[j].text):
                j += 1
                if words[j - 1].text in _SELF:
                    break  # «البنتاغون نفسه» ends the phrase
            return j
        while j < n and j - i < 3 and not words[j].is_punct and \
                not words[j].text.startswith("ال") and not words[j].text.endswith("ه") and \
                not self._is_source_word(words[j].text) and words[j].text not in self.lex.stops:
            j += 1
        return j

    def _source_scan(self, words: Sequence[Word], i: int, cues: set[int]) -> tuple[int, bool]:
        lex = self.lex
        j = i
        n = len(words)
        quoted = titled = False
        natural = True
        while j < n and j - i < MAX_SOURCE_WORDS:
            w = words[j]
            t = w.text
            if quoted:
                j += 1
                if t in _QUOTES_CLOSE and titled and j < n and self._named_after(words[j]):
                    quoted = False  # «مدير «المرصد السوري» رامي عبد الرحمن»: the name follows
                    continue
                if t in _QUOTES_CLOSE:
                    break  # a quoted name closes the phrase: الوكالة "سانا"
                continue
            if j in cues and j > i:
                break
            if j > i and t in _QUOTES_CLOSE and words[i].text in _QUOTES_OPEN \
                    and not any(words[k].text in _QUOTES_CLOSE for k in range(i + 1, j)):
                j += 1  # the close of a quoted speaker's name: «وأكد "منير ذكي" قائد ...»
                continue
            if t in lex.complementizers or t in lex.stops or t == ":" or (
                    j == i and (t in ("في", "خلال") or (t == "من" and _WARN.search(self._verb)))):
                break  # (no speaker opens with «في»: «وكانت وزارة الداخلية أعلنت في ثاني
                # أيام عيد الفطر ... قبضها على»; its subject stands before the verb; nor with
                # «من» after a warning: «حذر فيه من خطورة تفكيك مؤسسات الدولة»)
            if t == "من" and j > i and j + 1 < n and words[j + 1].text in _ITS_PART:
                break  # «وقالت وحدات الحماية الكردية من جانبها إن ...»
            if t == "عن" and j > i and words[j - 1].text in _DISCLOSE:
                j += 1
                continue
            if j > i and self._masdar_object(t) and words[j - 1].text not in ("في", "من"):
                break  # a masdar object: «أفادت المصادر بوصول ...» (not «في بابل»)
            if t == "علي" and self._written_ali(w):
                j += 1
                continue
            if t == "علي" and j + 1 < n and words[j + 1].text in _PLATFORMS:
                j += 1
                continue
            if t in lex.content_preps and j > i:
                break
            if j > i and (t in lex.content_nouns or (t[:1] == "ل" and t[1:] in lex.content_nouns)):
                break  # («أفاد ناشطون لمقتل ...»)
            if j > i and ((t == "في" and self._verb.startswith("شكك"))
                          or (t == "من" and (self._verb.endswith(("ه", "ها")) or
                                             _WARN.search(self._verb)))):
                break  # «شككت قيادات في ...», «ما يدعيه الدواعش من ...», «حذر ... من»
            if t in _QUOTES_OPEN and j > i:
                if not self._quote_in_source(words, j):
                    break
                quoted = True
                titled = words[j - 1].text in lex.person_titles
                j += 1
                continue
            if t == "." and j > i and words[j - 1].text in _ABBREVIATIONS:
                j += 1  # «وأضاف د. ابن رقوش»: the title's full stop
                continue
            if t == "." or t in "؟!":
                natural = False
                break
            if t in ("في", "لدي") and j + 1 < n and self._channel(words[j + 1].text):
                break
            if t in ("ل", "لـ") and j > i:
                break
            if j > i and t.startswith("ل") and (self._relay_head(t[1:]) or
                                                  t[1:] in self.lex.kinds["media"]):
                break
            if t in _CLAUSE_PUNCT and not self._apposition(words, j + 1, cues):
                break
            if t in ("نقلا", "قوله", "قولها", "قولهم") and j > i:
                break
            if t == "عن" and j > i and words[j - 1].text not in _DISCLOSE:
                break
            j += 1
            if t in _PLATFORMS:
                break
        else:
            natural = False
        return j, natural

    def _masdar_object(self, t: str) -> bool:
        """A verbal noun with ب that begins what is reported (بوصول، بتواصل), not a speaker."""
        return t.startswith("ب") and len(t) > 3 and t != "باسم" and \
            not self._is_source_word(t) and not self._is_source_word(t[1:]) and \
            not t[1:].startswith("ال")

    def _content_noun(self, t: str) -> bool:
        """A verbal noun that is what is said («مقتل», «استهداف»), not pictures that show it."""
        return t in self.lex.content_nouns and t not in self.lex.media_nouns

    def _object_first(self, t: str) -> bool:
        """«أفاد بتواصل ...», «أقر بمقتل ...»: the cue's object comes first, so the speaker
        stands before the cue (a name with ب, «وأضاف باتيس», still speaks)."""
        if t[:1] == "ب" and t[1:] in self.lex.content_nouns:
            return True
        if self._content_noun(t):
            # «وكان رئيس المجلس علي داوود أعلن مقتل والي الصقلاوية» (pictures and recordings
            # may speak themselves: «وأظهرت صور ...»)
            return True
        return bool(_IFADA.search(self._verb)) and self._masdar_object(t)

    def _written_ali(self, w: Word) -> bool:
        """The name علي (not the preposition على, which the view folds to the same letters)."""
        last = w.end - 1
        pos = self._index[last] if self._index is not None else last
        return pos < len(self._original) and self._original[pos] == "ي"

    def _quote_in_source(self, words: Sequence[Word], j: int) -> bool:
        """A short quoted name inside a source phrase: صحيفة «نيويورك تايمز», الوكالة "سانا"."""
        prev = words[j - 1].text
        if not (self._is_source_word(prev) or self._is_source_word(strip_clitic(prev))
                or _agrees(prev)):
            return False  # «أعلن صدام «ضم» الكويت»: a quote after a name is content
        # (a title's body may be longer: «مدير «المرصد السوري لحقوق الإنسان» رامي عبد الرحمن»)
        reach = 7 if prev in self.lex.person_titles else 5
        for k in range(j + 1, min(len(words), j + reach)):
            t = words[k].text
            if t in _QUOTES_CLOSE:
                return k > j + 1 and (k + 1 >= len(words) or
                                      words[k + 1].text not in (".",))
            if t in self.lex.complementizers or t in _CLAUSE_PUNCT:
                return False
        return False

    def _named_after(self, w: Word) -> bool:
        """Whether ``w``, right after a title's quoted body, can begin its holder's name."""
        t = w.text
        return not w.is_punct and not t.startswith(("ال", "لل", "ل", "ب")) and (
            t not in self.lex.complementizers and t not in self.lex.stops
            and t not in self.lex.content_preps and t not in ("في", "من", "عن", "علي"))

    def _quoted_speaker(self, words: Sequence[Word], j: int) -> bool:
        """«أعلن «مكتب أخبار سوريا» المعارض، أن»: a short quoted body right after the cue;
        «وأكد "منير ذكي" قائد الفوج العاشر أن»: a quoted name with its title after it."""
        if words[j].text not in _QUOTES_OPEN or j + 1 >= len(words):
            return False
        first = words[j + 1].text
        close = next((k for k in range(j + 2, min(len(words), j + 6))
                      if words[k].text in _QUOTES_CLOSE), None)
        if close is None:
            return False
        if self._is_source_word(first) or self._is_source_word(strip_clitic(first)):
            return True
        return close + 1 < len(words) and words[close + 1].text in self.lex.person_titles

    def _channel(self, t: str) -> bool:
        return t in self.lex.channels or strip_clitic(t) in self.lex.channels

    def _relay_head(self, t: str) -> bool:
        return t in ("وكاله", "صحيفه", "قناه", "موقع", "رويترز", "فرانس", "اذاعه", "مجله",
                     "تلفزيون", "شبكه", "مراسل")

    def _apposition(self, words: Sequence[Word], j: int, cues: set[int]) -> bool:
        """After a comma in a source: a short title or name followed by another comma."""
        lex = self.lex
        for k in range(j, min(len(words), j + 10)):
            t = words[k].text
            if k in cues or t in lex.complementizers or t in lex.stops or t == ".":
                return False
            if t in _CLAUSE_PUNCT:
                seg = [w.text for w in words[j:k] if not w.is_punct]
                titled = any(x in lex.person_titles for x in seg)
                named = 0 < len(seg) <= 3 and all(
                    not x.startswith("ال") and not x.endswith("ي") and
                    not self._is_source_word(x) for x in seg)
                return (titled or named) and self._followed_by_content(words, k + 1)
        return False

    def _followed_by_content(self, words: Sequence[Word], k: int) -> bool:
        if k >= len(words):
            return False
        t = words[k].text
        return t in self.lex.complementizers or t in ("امس", "اليوم") or \
            words[k].bare in self.lex.speech

    def _relay_after(self, words: Sequence[Word], i: int, end: int) -> tuple[int, int] | None:
        """Word range of a relay outlet between source and content: «لوكالة X»، «مع فرانس
        برس»، «لصحيفة «Y»» (the preposition ل stays outside the range's first word only
        when it is a separate token)."""
        j = i
        while j < end:
            t = words[j].text
            if t.startswith("ل") and self._relay_head(t[1:]):
                return j, max(self._source_end(words, j + 1, set()), j + 1)
            nxt = words[j + 1].text if j + 1 < end else ""
            if t in ("مع", "ل", "لـ") and (self._relay_head(nxt) or nxt in self.lex.kinds["media"]):
                return j + 1, max(self._source_end(words, j + 1, set()), j + 2)
            j += 1
        return None

    # ------------------------------------------------------------ main
    def extract(self, article: Article, mentions: Sequence[Mention] | None = None) -> list[Claim]:
        """The claims of ``article`` (attributed or hedged statements, not the outlet's own)."""
        text = article.text
        if not text:
            return []
        view = view_of(text)
        self._original, self._index = view.original, view.index
        sentences = article.sentences or tuple(split_sentences(text))
        mentions = article.mentions if mentions is None else mentions
        found: list[_Found] = []
        self._view = view
        self._previous: tuple[int, int] | None = None
        hits = [m.start() for m in self._candidates.finditer(view.text)]
        if not hits:
            return []
        hit_set = set(hits)
        for s_index, sent in enumerate(sentences):
            vs, ve = view.view_span(sent)
            k = bisect_left(hits, vs)
            if k == len(hits) or hits[k] >= ve:
                continue
            self._previous = view.view_span(sentences[s_index - 1]) if s_index else None
            words = _tokens(view, vs, ve)
            self._sentence(words, s_index, found, hit_set)
        claims = [self._to_claim(f, view, mentions, found) for f in found]
        return apply_certainty(claims, found, view, self.lex, sentences)

    def _sentence(self, words: list[Word], s_index: int, found: list[_Found],
                  hits: set[int]) -> None:
        kinds = {i: k for i, w in enumerate(words)
                 if w.start in hits and (k := self._cue_kind(words, i))}
        if not kinds:
            return
        cues = set(kinds)
        local: list[_Found] = []
        consumed: set[int] = set()
        for i in sorted(kinds):
            if i in consumed:
                continue
            kind = kinds[i]
            f = _Found(kind, (words[i].start, words[i].end), words[i].bare, s_index)
            f.boundary = (kind == PARTICIPLE or words[i].text != words[i].bare or
                          (i > 0 and words[i - 1].text in _CLAUSE_PUNCT))
            if kind == PREPOSITION:
                self._preposition(words, i, cues, f, consumed)
            elif kind in (PASSIVE, HEDGE_NOUN):
                self._content_after(words, i + 1, f)
            else:
                self._speech(words, i, cues, f, found + local)
            local.append(f)
        # content ends at the next boundary cue in the sentence, or the sentence end
        starts = sorted(f.cue[0] for f in local if f.boundary)
        for f in local:
            if f.content is None:
                continue
            cs, ce = f.content
            nxt = [s for s in starts if s > cs and s > f.cue[0]]
            if nxt and f.kind != PREPOSITION:
                ce = min(ce, nxt[0])
            f.content = (cs, ce)
        found.extend(local)

    def _speech(self, words: list[Word], i: int, cues: set[int], f: _Found,
                earlier: list[_Found]) -> None:
        lex = self.lex
        self._verb = f.cue_word
        j = i + 1
        n = len(words)
        if j < n and words[j].text in ("قد", "فيه", "فيها", "ذلك", *_RESUMPTIVE):
            j += 1
        quotes = _QUOTES_OPEN | _QUOTES_CLOSE
        if j + 1 < n and words[j].text in ("ل", "لـ") and words[j + 1].text in quotes:
            k = j + 2
            while k < n and k < j + 8 and words[k].text not in quotes:
                k += 1
            j = k + 1 if k < n else j  # «قال ذلك لـ»الرياض» وزير ...»: the outlet itself
        if f.cue_word == "جاء" and j + 1 < n and words[j].text == "في":
            self._statement_source(words, j + 1, cues, f)
            self._content_after(words, self._after_source(words, f), f)
            return
        src_start = j
        has_subject = (f.kind == SPEECH and j < n
                       and (not words[j].is_punct or self._quoted_speaker(words, j))
                       and words[j].text not in lex.complementizers
                       and words[j].text not in lex.content_preps
                       and words[j].text not in lex.stops
                       and not self._object_first(words[j].text)
                       and not (words[j].text == "في" and j + 1 < n and
                                self._channel(words[j + 1].text))
                       and j not in cues)
        if has_subject and f.cue_word in lex.continuation and words[j].text in ("ان", "بان"):
            has_subject = False
        if has_subject:
            end = self._source_end(words, src_start, cues)
            if end > src_start:
                f.source = (words[src_start].start, words[end - 1].end)
                j = end
                # «نقلت X عن Y» / «ذكرت X نقلا عن Y»: Y speaks, X relays
                k = j
                if k < n and words[k].text == "نقلا":
                    k += 1
                relays = k > j or f.cue_word.startswith(("نقل", "ينقل", "تنقل"))
                if relays and k < n and words[k].text == "عن" and k + 1 < n:
                    inner_end = self._source_end(words, k + 1, cues)
                    if inner_end > k + 1:
                        outer = f.source
                        f.chain.append((outer[0], outer[1], "", None))
                        f.source = (words[k + 1].start, words[inner_end - 1].end)
                        j = inner_end
                        if j < n and words[j].text in ("قوله", "قولها", "قولهم", "قولهما"):
                            j += 1
        if f.source is None:
            self._subject_before(words, i, f, earlier)
        # find where the content begins
        limit = min(n, j + LOOKAHEAD)
        if f.source is not None and j < n and self._content_noun(words[j].text):
            # «أعلنت كتائب الجيش الأول استهداف مقرات ... تزامنا مع إطلاق قذائف هاون على
            # مطار»: a verbal noun right after the source is what it says
            self._content_after(words, j, f)
            return
        relay = self._relay_after(words, j, limit)
        k = j
        while k < limit:
            t = words[k].text
            if t == "عن" and k > 0 and words[k - 1].text in _DISCLOSE:
                k += 1
                continue
            if k in cues and k > i:
                k = limit  # another cue speaks first: «نشرت حسابات ... صوراً قالت إنها»
                break
            if t in lex.complementizers or t == ":" or t in lex.content_preps or (
                    t == "من" and _WARN.search(f.cue_word)):
                break
            if t in _QUOTES_OPEN:
                if relay and relay[0] <= k < relay[1]:
                    k += 1
                    continue  # the quoted name of the relay: لصحيفة «نيويورك تايمز»
                k -= 1
                break
            if words[k].text == ".":
                break
            k += 1
        if k < limit and words[k].text not in (".",):
            if relay and relay[0] < k:
                first = words[relay[0]]
                start = first.start + (1 if first.text.startswith("ل") and
                                       self._relay_head(first.text[1:]) else 0)
                f.chain.append((start, words[relay[1] - 1].end, "", None))
            self._content_after(words, k + 1, f)
        else:
            self._content_after(words, j, f)

    def _statement_source(self, words: list[Word], k: int, cues: set[int], f: _Found) -> None:
        """«وجاء في بيان لـ X»: X speaks; a bare «بيان» is the statement of a body."""
        n = len(words)
        if k + 1 < n and words[k + 1].text.startswith("ل") and len(words[k + 1].text) > 2:
            end = self._source_end(words, k + 1, cues)
            start = words[k + 1].start + 1
            f.source = (start, words[end - 1].end)
        else:
            f.source = (words[k].start, words[k].end)

    def _after_source(self, words: list[Word], f: _Found) -> int:
        end = f.source[1] if f.source else f.cue[1]
        k = 0
        while k < len(words) and words[k].start < end:
            k += 1
        while k < len(words) and (words[k].text in self.lex.complementizers or
                                  words[k].text in (":", "،", ",")):
            k += 1
        return k

    def _subject_before(self, words: list[Word], i: int, f: _Found,
                        earlier: list[_Found]) -> None:
        """SVO order (مصدر عسكري ومصدر أمني أشارا ...) or a continuation of the last speaker."""
        lex = self.lex
        k = i - 1
        if k >= 0 and words[k].text == "قد":
            k -= 1
        end = k + 1
        while k >= 0:
            t = words[k].text
            if t in _CLAUSE_PUNCT or t in lex.clause_openers or t in lex.complementizers \
                    or t in ("و", ".", ":"):
                break
            k -= 1
        start = k + 1
        if (f.kind == SPEECH and 0 < end - start <= 10 and \
                self._is_source_word(strip_clitic(words[start].text))) or \
                (f.kind == SPEECH and 0 < end - start <= 10 and start > 0 and
                 words[start - 1].text in lex.clause_openers):
            f.source = (words[start].start, words[end - 1].end)
            return
        prior = [e for e in earlier if (e.source is not None or e.inherited is not None)
                 and (e.boundary or not _nested(e, earlier))]
        if prior and f.sentence - prior[-1].sentence <= ANTECEDENT_SENTENCES:
            f.inherited = prior[-1].inherited or prior[-1]
        elif self._previous is not None:
            prev = _tokens(self._view, *self._previous)
            for k in range(len(prev) - 1, -1, -1):
                if prev[k].text in lex.person_titles and not prev[k].text.startswith("ل") \
                        and not (k and strip_clitic(prev[k - 1].text) in _NAMED_FOR):
                    end = self._source_end(prev, k, set())
                    if end > k:
                        f.source = (prev[k].start, prev[end - 1].end)
                    break

    def _preposition(self, words: list[Word], i: int, cues: set[int], f: _Found,
                     consumed: set[int]) -> None:
        lex = self.lex
        self._verb = f.cue_word
        n = len(words)
        j = i + 1
        cue_end = i
        if words[i].text in ("نقلا",) and j < n and words[j].text == "عن":
            j += 1
        if j < n and words[j].text in ("ما", "الى", "لما"):
            j += 1
            cue_end = j - 1
        if j < n and (words[j].bare in lex.relay_verbs or words[j].text in lex.relay_verbs):
            consumed.add(j)
            cue_end = j
            j += 1
            if j < n and words[j].text in _RESUMPTIVE:
                cue_end = j  # «بحسب ما أفاد به الناطق»: the speaker follows the pronoun
                j += 1
        if j < n and words[j].text in ("ل", "لـ"):
            j += 1
        f.cue = (words[i].start, words[cue_end].end)
        src_start = j
        end = self._source_end(words, src_start, cues)
        if end > src_start:
            first = words[src_start]
            s0 = first.start
            lam = first.text.startswith("ل") and len(first.text) > 3
            if (lam and first.text.startswith("لل")) or (lam and
                                                         self._is_source_word(first.text[1:])):
                s0 += 1  # «وفقاً لمصادر»: the source starts after the preposition ل
            f.source = (s0, words[end - 1].end)
            k = end
            if k < n and words[k].text == "عن" and k + 1 < n:
                inner_end = self._source_end(words, k + 1, cues)
                if inner_end > k + 1:
                    f.chain.append((f.source[0], f.source[1], "", None))
                    f.source = (words[k + 1].start, words[inner_end - 1].end)
                    end = inner_end
        # sentence-initial attribution: the content follows; otherwise it precedes the cue
        lead = i == 0 or all(w.is_punct for w in words[:i])
        if lead:
            k = end
            while k < n and words[k].is_punct:
                k += 1
            if k < n:
                f.content = (words[k].start, self._trim_end(words, n))
        else:
            k = i
            while k > 0 and (words[k - 1].is_punct or words[k - 1].text == "و"):
                k -= 1
            if k > 0:
                f.content = (words[0].start, words[k - 1].end)

    def _trim_end(self, words: list[Word], n: int) -> int:
        k = n
        while k > 0 and words[k - 1].is_punct and words[k - 1].text not in _QUOTES_CLOSE:
            k -= 1
        return words[k - 1].end if k > 0 else words[0].start

    def _content_after(self, words: list[Word], k: int, f: _Found) -> None:
        n = len(words)
        while k < n and words[k].is_punct and words[k].text not in _QUOTES_OPEN:
            k += 1
        if k >= n:
            return
        f.content = (words[k].start, self._trim_end(words, n))

    # ------------------------------------------------------------ output
    def _to_claim(self, f: _Found, view: NormalizedView, mentions: Sequence[Mention],
                  found: list[_Found]) -> Claim:
        text = view.original
        cue_span = view.span(*f.cue)
        cue = Cue(text[cue_span.start : cue_span.end], cue_span)
        source = self._source(f, view, mentions, found)
        chain = tuple(self._relay(s, e, view) for s, e, _, _ in f.chain)
        if chain:
            source = replace(source, chain=chain)
        if f.content is not None and f.content[1] > f.content[0]:
            content = view.span(*f.content)
        else:
            content = Span(cue_span.end, cue_span.end)
        return Claim(source=source, cue=cue, content=content, certainty="reported")

    def _relay(self, s: int, e: int, view: NormalizedView) -> Source:
        span = view.span(s, e)
        folded = view.text[s:e]
        words = _tokens(view, s, e)
        kind = classify(words, self.lex)
        name = canonical_name(folded, self.lex) or view.original[span.start : span.end]
        return Source(kind=kind, name=name, text=view.original[span.start : span.end], span=span)

    def _source(self, f: _Found, view: NormalizedView, mentions: Sequence[Mention],
                found: list[_Found]) -> Source:
        if f.source is None:
            if f.inherited is not None and f.inherited.source is not None:
                base = f.inherited
                span = view.span(*base.source)  # type: ignore[misc]
                return Source(kind=base.source_kind, name=base.name,
                              text=view.original[span.start : span.end], span=span)
            f.source_kind = "unspecified"
            return Source(kind="unspecified")
        s, e = f.source
        span = view.span(s, e)
        quoted = view.original[span.start : span.end]
        words = _tokens(view, s, e)
        folded = " ".join(w.text for w in words if not w.is_punct)
        inside = [m for m in mentions if m.span.overlaps(span)]
        f.folded = folded
        antecedent = self._antecedent(folded, f, found)
        if antecedent is not None:
            f.source_kind, f.name = antecedent.source_kind, antecedent.name
        else:
            f.source_kind = classify(words, self.lex, inside)
            f.name = self._name(f.source_kind, words, folded, view, inside)
        return Source(kind=f.source_kind, name=f.name, text=quoted, span=span)  # type: ignore[arg-type]

    def _antecedent(self, folded: str, f: _Found, found: list[_Found]) -> _Found | None:
        """An earlier source this phrase refers back to (المصدر، المصادر ذاتها، باتيس)."""
        lex = self.lex
        bare = " ".join(strip_clitic(t) if i == 0 else t for i, t in enumerate(folded.split()))
        earlier = [g for g in found if g.source is not None and g.cue[0] < f.cue[0]
                   and g.source_kind != "unspecified"]
        if not earlier:
            return None
        head = bare.split()[0] if bare else ""
        if bare in lex.anaphors or (head in lex.anaphors and len(bare.split()) <= 3):
            stem = head[2:] if head.startswith("ال") else head
            for g in reversed(earlier):
                gh = g.folded.split()
                if gh and (gh[0] == head or gh[0] == stem or gh[0].endswith(stem)
                           or (g.source_kind == "observers" and gh[1:2] == [head])):
                    return g  # («الشبكة» after «مراقبو الشبكة الآشورية لحقوق الإنسان»)
            return None
        if (1 <= len(bare.split()) <= 3 and not head.startswith("ال")) or \
                (len(bare.split()) <= 2 and head.startswith("ال") and head not in lex.kinds[
                    "official"] and head not in lex.kinds["media"]):
            # (a person named again, also one who spoke for a monitor: «رامي عبد الرحمن»)
            for g in reversed(earlier):
                if f" {bare} " in f" {g.folded} " and (g.source_kind == "person" or
                                                      speaks_for_monitor(g.folded.split(), lex)):
                    return g
        return None

    def _named_before(self, folded: str, view: NormalizedView, start: int) -> str | None:
        """«المرصد», «الوكالة»: the known body with that head noun that the article named
        last before ``start`` («المرصد السوري لحقوق الإنسان», «وكالة أعماق»)."""
        if " " in folded or not folded.startswith("ال"):
            return None
        best: tuple[int, str] | None = None
        for key, name in self.lex.names.items():
            if key == folded or key.split(" ", 1)[0] not in (folded, folded[2:]):
                continue
            at = view.text.rfind(key, 0, start)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, name)
        return best[1] if best else None

    def _name(self, kind: str, words: list[Word], folded: str, view: NormalizedView,
              mentions: Sequence[Mention]) -> str | None:
        text = view.original
        if kind == "person":
            per = [m for m in mentions if m.kind == "PER"]
            if per:
                return _display_name(per[0])
            rng = person_name_words(words, self.lex)
            if rng is None:
                return None
            span = view.span(words[rng[0]].start, words[rng[1] - 1].end)
            return text[span.start : span.end]
        if kind in ("anonymous", "unspecified"):
            return None
        toks = folded.split()
        body = toks[1] if speaks_for_monitor(toks, self.lex) else folded  # «مدير المرصد»
        known = canonical_name(folded, self.lex) or self._named_before(body, view,
                                                                       words[0].start)
        if known:
            return known
        # (a nationality or a place inside the phrase names no one: «تنسيقيات الثورة
        # السورية» is not "Syrian", «تقارير من داخل الفلوجة» not Fallujah)
        bodies = [m for m in mentions if m.kind in BODY_KINDS and m.norm]
        if bodies:
            return _display_name(bodies[0])
        if kind == "social_media" or not any(w.text.startswith(("ال", "لل")) or
                                             w.text in _QUOTES_OPEN for w in words):
            return None  # a generic plural (ناشطون، مراقبون) names nobody
        span = view.span(words[0].start, words[-1].end)
        return text[span.start : span.end]


_WARN = re.compile(r"^[وف]?[يت]?حذر")  # verbs of warning: what follows من is the content
_IFADA = re.compile(r"^[وف]?[اأإيت]?ف[اي]د")  # أفاد، أفادت، يفيد، تفيد: what follows ب is reported


BODY_KINDS = frozenset({"ORG", "ARMED_GROUP", "MILITARY_UNIT"})


def _display_name(mention: Mention) -> str:
    """A lexicon entry's canonical name; a model entity as written (its ``norm`` is the
    folded surface: «احمد» for «أحمد», «الجزيره» for «الجزيرة»)."""
    return (mention.norm if mention.source == "lexicon" else None) or mention.text


def extract_claims(article: Article, lexicon: ClaimsLexicon | None = None,
                   mentions: Sequence[Mention] | None = None) -> list[Claim]:
    """The claims of an article with the packaged (or a given) lexicon."""
    return ClaimExtractor(lexicon).extract(article, mentions)
