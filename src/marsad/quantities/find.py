"""Find counts in Arabic text and say what they count (killed, injured, captured ...).

Each count is read from the tokens of the normalised view: an optional approximator
(نحو، أكثر من، ما لا يقل عن، بين ... و)، the number (digits, words, a dual noun, or a
vague عشرات/مئات/آلاف/بضعة/عدد من), the counted noun and a trailing على الأقل. Numbers
that are dates, identifiers (الفرقة 17), weapon models (سام 7، T-72), measures, money,
percentages and durations are left out.

Bounds follow ACLED's conservative rule: the count is the lower figure the text allows.
An exact number N gives count=min=max=N; نحو N gives count N without bounds; أكثر من N
and N على الأقل give count N, min N (the stated figure; ACLED codes it, and the +1 of
"more than" is noise); أقل من N gives max N and no count; بين A و B gives count A, min A,
max B; عشرات → 10 (min 10, max 99), مئات → 100, آلاف → 1000, عشرات الآلاف → 10000,
بضعة → 3 (max 9), عدد من → 3.

``what`` comes from a casualty noun counted (12 قتيلاً، عشرات الجرحى) or else from the
nearest cue in the same clause (قُتل 12 مدنياً، وأصيب نحو 30 آخرين); counts of objects
(15 هدفاً) and subsets (بينهم أربعة أطفال) get ``what = None``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.model import Quantity, Span
from marsad.quantities import lexicon as lx
from marsad.temporal.lexicon import GREGORIAN_MONTHS, HIJRI_MONTHS
from marsad.text.normalize import view_of
from marsad.text.numerals import FRACTIONS, WORDS, read_number
from marsad.text.tokens import Token, bare_forms, split_clitics, tokenize

_BREAKS = frozenset(".،,؛;:!?؟()«»\"'[]{}")
_LOOK_BACK = 4
_QUOTE_MARKS = frozenset("«»\"“”")
_LOOK_AHEAD = 3
_PARTITIVE = 4  # more words after «من» («سبعة من مليشيا الحشد الشعبي قتلوا»)


@dataclass(frozen=True, slots=True)
class _Count:
    first: int          # token index where the expression starts (approximator included)
    end: int            # token index after it
    count: int | None
    low: int | None
    high: int | None
    what: str | None = None
    dual: bool = False
    number_at: int = 0  # token index of the number itself
    noun_end: int = -1  # token index after the counted noun (before «على الأقل»)


def cue_of(word: str) -> tuple[bool, str | None]:
    """(is a cue, what) for one word, clitics allowed."""
    forms = [f for f, _ in bare_forms(word, any_preposition=True)]
    forms += [f[2:] for f in forms if f.startswith("ال") and len(f) > 4]
    for form in forms:
        if form in lx.NOT_CUES:
            return False, None
        if form in lx.WHAT_WORDS:
            what = lx.WHAT_WORDS[form]
            return what is not None, what
        if form.startswith("اسر") and form not in lx.CAPTURE_FORMS:
            continue
        for stem, what in lx.WHAT_STEMS:
            if form.startswith(stem):
                return True, what
    return False, None


class _Reader:
    def __init__(self, tokens: list[Token], blocked: list[tuple[int, int]]) -> None:
        self.t = tokens
        self.n = len(tokens)
        self.blocked = blocked

    def word(self, i: int) -> str:
        return self.t[i].text if 0 <= i < self.n else ""

    def in_date(self, i: int) -> bool:
        tok = self.t[i]
        return any(s < tok.end and tok.start < e for s, e in self.blocked)

    def core(self, i: int) -> tuple[int | None, int | None, int | None, int, bool] | None:
        """(count, min, max, index after, dual) of a number, vague word or dual at ``i``."""
        w = self.word(i)
        if w in lx.VAGUE:
            count, low, high = lx.VAGUE[w]
            j = i + 1
            if count in (10, 100) and self.word(j) in lx.THOUSANDS:
                count, low, high, j = count * 1000, low * 1000, None, j + 1
            return count, low, high, j, False
        if w in lx.DUALS:
            return 2, 2, 2, i + 1, True
        several = lx.SEVERAL.at(self.t, i)
        if several is not None:
            (count, low, high), j = several  # type: ignore[misc]
            return count, low, high, j, False
        reading = read_number(self.t, i)
        if reading is None:
            return None
        if reading.words and reading.value == 1:
            return None  # واحد is an adjective far more often than a count
        value = reading.integer
        if value is None or value <= 0 or value >= 10**9:
            return None
        return value, value, value, reading.end, False

    def not_a_count(self, i: int, j: int) -> bool:
        """The number in tokens [i, j) is a date, identifier, model, measure or price."""
        tok = self.t[i]
        if any(self.in_date(k) for k in range(i, j)):
            return True
        if tok.is_number and any(c in tok.text for c in "/-"):
            return True
        if tok.is_number and len(tok.text.replace(",", "")) >= 8:
            return True  # phone numbers, ids
        prev = self.word(i - 1)
        if prev and i > 0:
            gap = tok.start - self.t[i - 1].end
            if prev in ("-", "_", "#", "$", "€", "£") and gap <= 1:
                return True
            if prev.isascii() and prev.isalpha() and gap <= 1:
                return True  # M16, T 72
            if prev == "ال" and gap == 0:
                return True  # الـ20: an ordinal or a name
            if any(f in lx.ID_HEADS for f, _ in bare_forms(prev)):
                return True
        nxt = self.word(j)
        if nxt in MONTH_WORDS:
            return True  # قصر 22 مايو: a name made of a date
        if nxt in lx.UNITS or any(f in lx.UNITS for f, _ in bare_forms(nxt)[1:2]):
            return True
        if j < self.n and lx.PERCENT_AFTER.at(self.t, j) is not None:
            return True
        if nxt in ("%", "-") and (j < self.n and self.t[j].start - self.t[j - 1].end <= 1):
            return True
        return tok.is_number and nxt.isascii() and nxt.isalpha()

    def counted_noun(self, j: int, vague: bool) -> int:
        """Index after the counted noun following a number ending at ``j`` (or ``j``)."""
        w = self.word(j)
        if not w or not self.t[j].is_word or w in lx.NOT_NOUNS:
            return j
        if w.startswith("ال") and not vague and w not in lx.CASUALTY_NOUNS:
            return j
        if cue_of(w)[0] and w not in lx.CASUALTY_NOUNS:
            return j  # a verb: 12 قتلوا
        if w[0] in "وف" and w not in lx.CASUALTY_NOUNS and w not in lx.W_NOUNS:
            return j  # a clause joined by و/ف: عشرين وسقط
        return j + 1

    def read(self, i: int) -> _Count | None:
        start = i
        approx = lx.APPROX.at(self.t, i)
        kind = None
        if approx is not None:
            kind, i = approx  # type: ignore[assignment]
        core = self.core(i) if i < self.n else None
        if core is None:
            return None
        count, low, high, j, dual = core
        number_at = i
        if self.not_a_count(i, j):
            return None
        if kind in ("between", "from"):
            if self.word(j) not in lx.RANGE_JOIN or j + 1 >= self.n:
                return None
            second = self.core(j + 1)
            if second is None or count is None or second[0] is None or second[0] <= count:
                return None
            high, j = second[0], second[3]
            low = count
        elif kind == "about":
            low = high = None
        elif kind in ("more", "least"):
            high = None
        elif kind == "less":
            count, low, high = None, None, count
        if not dual:
            j = self.counted_noun(j, vague=(low, high) != (count, count))
        noun_end = j
        tail = lx.KIND_AFTER.at(self.t, j) if j < self.n else None
        if tail is not None and (tail[0] == "least" or kind is None):
            low, high = (None, None) if tail[0] == "about" else (low, None)
            j = tail[1]
        return _Count(start, j, count, low, high, dual=dual, number_at=number_at,
                      noun_end=noun_end)

    def what_of(self, c: _Count) -> str | None:
        if any(self.word(k) in lx.SUBSET for k in (c.first - 1, c.first - 2)
               if k >= 0 and self.word(k) not in _BREAKS):
            return None
        if c.dual:
            if any(f in lx.OBJECT_DUALS for f, _ in bare_forms(self.word(c.number_at))):
                return None
            what = lx.DUALS.get(self.word(c.number_at)) or next(
                (lx.DUALS[f] for f, _ in bare_forms(self.word(c.number_at)) if f in lx.DUALS),
                None)
            if what:
                return what
        end = c.noun_end if c.noun_end >= 0 else c.end
        noun = self.word(end - 1) if end - 1 > c.number_at else ""
        for form, _cut in bare_forms(noun):
            if form in lx.CASUALTY_NOUNS:
                other = next((lx.CASUALTY_NOUNS[f] for f, _ in bare_forms(self.word(end))[1:]
                              if f in lx.CASUALTY_NOUNS), None)
                nxt = end + 1
                own_count = nxt < self.n and (self.t[nxt].is_number or self.word(nxt) in _STARTS)
                if other and other != lx.CASUALTY_NOUNS[form] and not own_count:
                    return None  # القتلى والجرحى: both together (not "قتلى وإصابة 24")
                return lx.CASUALTY_NOUNS[form]
            if form in lx.OBJECTS:
                return None
        # "من" + casualty noun: عشرات من القتلى
        if self.word(c.end) == "من":
            for form, _cut in bare_forms(self.word(c.end + 1)):
                if form in lx.CASUALTY_NOUNS:
                    return lx.CASUALTY_NOUNS[form]
                if form in lx.OBJECTS:
                    return None
        if self.word(c.end) == "بين" and self._both(c.end + 1):
            return None  # «سقوط 20 شخصا بين قتيل وجريح»
        back = self._cue_back(c.first)
        ahead = self._cue_ahead(c.end)
        if back is not None and (ahead is None or back[0] <= ahead[0]):
            return back[1]
        return ahead[1] if ahead is not None else None

    def _cue_back(self, first: int) -> tuple[int, str | None] | None:
        """The nearest cue before a count in its clause (dates in between are skipped);
        what is None when two cues are joined (مقتل وإصابة 30)."""
        dist, k = 0, first - 1
        while k >= 0 and dist < _LOOK_BACK:
            w = self.word(k)
            if (w in _BREAKS and w not in _QUOTE_MARKS) or self.t[k].is_number:
                return None
            if self.in_date(k) or w in _QUOTE_MARKS:
                k -= 1  # (and a quoted name: «أعدم تنظيم «داعش» 23 شخصا»)
                continue
            dist += 1
            is_cue, what = cue_of(w)
            if is_cue and what:
                if w[0] == "و" and k > 0 and self._joined_cue(k - 1) and not (
                        k > 1 and (self.t[k - 2].is_number or self.word(k - 2) in _STARTS)):
                    before = cue_of(self.word(k - 1))
                    if before[0] and before[1] and before[1] != what:
                        return dist, None
                return dist, what
            k -= 1
        return None

    def _both(self, k: int) -> bool:
        """Token ``k`` is a cue joined by «و» to a cue of another kind with no count of
        its own after it («قتلوا وجرحوا», «قتيل وجريح»; not «قتلوا وأصيب 30» or «قتلوا
        وأصيب آخرون»)."""
        what = cue_of(self.word(k))[1]
        joined = self.word(k + 1)
        own = k + 2 < self.n and (self.t[k + 2].is_number or self.word(k + 2) in _STARTS
                                  or self.word(k + 2) in lx.OTHERS)
        return bool(what) and joined.startswith("و") and not own and (
            cue_of(joined)[1] not in (None, what))

    def _joined_cue(self, k: int) -> bool:
        """Token ``k`` is a cue with no count of its own before it: a noun («مقتل وإصابة
        30») or a verb opening the clause («قتل وأصيب 12 شخصا», not «12 مدنيا قتلوا وأصيب
        30 آخرون»)."""
        w = self.word(k)
        if w in lx.NOMINAL_CUES:
            return True
        if not cue_of(w)[0] or w in lx.DUALS or self.t[k].is_number:
            return False
        for j in range(k - 1, max(-1, k - 9), -1):
            if self.word(j) in _BREAKS:
                break
            if self.t[j].is_number or self.word(j) in _STARTS:
                return False
        return True

    def _cue_ahead(self, end: int) -> tuple[int, str | None] | None:
        """A verb after the count saying what happened to it (12 مدنياً قتلوا), also after
        the partitive that says whose («سبعة من مليشيا الحشد الشعبي قتلوا»)."""
        reach = _LOOK_AHEAD + (_PARTITIVE if self.word(end) == "من" else 0)
        for dist, k in enumerate(range(end, min(end + reach, self.n)), 1):
            w = self.word(k)
            if w in _BREAKS or self.t[k].is_number:
                return None
            if w == "عداد" and self.word(k + 1) in lx.CASUALTY_NOUNS:  # في عداد المفقودين
                return dist, lx.CASUALTY_NOUNS[self.word(k + 1)]  # type: ignore[return-value]
            if any(f in lx.AFTER_VERBS for f, _ in bare_forms(w)):
                is_cue, what = cue_of(w)
                if is_cue and what and k + 1 < self.n and (
                        self.t[k + 1].is_number or self.word(k + 1) in _STARTS):
                    return None  # («مقتل عسكريين تركيين اثنين وجرح أربعة»: its own count)
                if is_cue and what:
                    if self._both(k):
                        return dist, None  # «عشرات المدنيين قتلوا وجرحوا»: both together
                    return dist, what
        return None


def _may_start(tok: Token) -> bool:
    return tok.is_number or tok.text in _STARTS


_STARTS = frozenset(
    lx.APPROX.first_words | lx.SEVERAL.first_words
    | set(lx.VAGUE) | set(lx.DUALS) | set(WORDS) | set(FRACTIONS)
)
MONTH_WORDS = GREGORIAN_MONTHS.first_words | HIJRI_MONTHS.first_words


def unnumbered(quantity: Quantity) -> bool:
    """«عدد من عناصر», «عدة أشخاص»: a plural with no figure, which is no toll (like «قتلى»
    without a number)."""
    tokens = split_clitics(tokenize(view_of(quantity.text or "").text), _STARTS,
                           any_preposition=True)
    return bool(tokens) and lx.SEVERAL.at(tokens, 0) is not None


def find_quantities(text: str, dates: Iterable[Span] = ()) -> list[Quantity]:
    """Every count in ``text``; numbers inside the ``dates`` spans are skipped."""
    view = view_of(text)
    tokens = split_clitics(tokenize(view.text), _STARTS, any_preposition=True)
    blocked = [view.view_span(span) for span in dates]
    reader = _Reader(tokens, blocked)
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        found = reader.read(i) if _may_start(tokens[i]) else None
        if found is None:
            i += 1
            continue
        start = tokens[found.first].start
        span = view.span(start, tokens[found.end - 1].end)
        out.append(Quantity(count=found.count, min=found.low, max=found.high,
                            text=text[span.start:span.end], span=span,
                            what=reader.what_of(found)))
        i = found.end
    return out
