"""Trigger words: which tokens of a sentence name an event, and of which type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.events.lexicon import EventLexicon, TriggerRule
from marsad.lexicons.matcher import Token, clitic_variants
from marsad.quantities.find import cue_of


@dataclass(frozen=True)
class TriggerHit:
    """A trigger in a sentence: its type and token range (``first``..``last``) and its
    range in the view (``start``, ``end``)."""

    type: str
    first: int
    last: int
    start: int
    end: int
    needs_armed_actor: bool = False
    alone: bool = False


@lru_cache(maxsize=200_000)
def stems(key: str) -> tuple[str, ...]:
    """A token's readings with proclitics and then the article ال stripped."""
    out = []
    for _n, rest in clitic_variants(key):
        out.append(rest)
        if rest.startswith("ال") and len(rest) > 4:
            out.append(rest[2:])
    return tuple(out)


def _starts(tokens: Sequence[Sequence[str]], lo: int, hi: int, prefixes: Sequence[str]) -> bool:
    """Whether a token of ``tokens[lo:hi]`` starts with one of ``prefixes``; a prefix of
    two letters or fewer («اف» of «إف-16») must be the whole token, or it would match
    any word that starts with it («أفادت», «أفرادها»)."""
    short = tuple(p for p in prefixes if len(p) <= 2)
    long = tuple(p for p in prefixes if len(p) > 2)
    for i in range(max(lo, 0), min(hi, len(tokens))):
        for reading in tokens[i]:
            if reading.startswith(long) or reading in short:
                return True
    return False


def _matches(rule: TriggerRule, readings: Sequence[Sequence[str]], i: int) -> int | None:
    """The index of the last token of ``rule``'s word starting at token ``i``, if any."""
    for word in rule.words:
        if word[0] not in readings[i]:
            continue
        if len(word) == 1:
            return i
        if i + len(word) > len(readings):
            continue
        if all(part in readings[i + k] for k, part in enumerate(word[1:], 1)):
            return i + len(word) - 1
    return None


def _context_ok(rule: TriggerRule, readings: Sequence[Sequence[str]], first: int,
                last: int) -> bool:
    definite = any(r.startswith("ال") for r in readings[first])
    if rule.indefinite and definite:
        return False  # «القتل», «القتلى»: killing as a practice, the dead as a tally
    if _within(rule.blocked_by, readings, first, 2) or (
            definite and _within(rule.blocked_if_definite, readings, first, 2)):
        return False
    lo = last + 1 if rule.after else first - rule.window
    hi = last + 1 + rule.window
    if rule.near and not (_starts(readings, lo, first, rule.near)
                          or _starts(readings, last + 1, hi, rule.near)):
        return False
    return not (rule.not_near and (_starts(readings, lo, first, rule.not_near)
                                   or _starts(readings, last + 1, hi, rule.not_near)))


# «لقصف المدنيين», «لشن غارات», «لاعتقال عناصر»: a verbal noun after the purpose ل
# names an aim; after «تعرض» («تعرضت البلدة لقصف») or «مسرحا» («تحولت مناطق سهل الغاب
# مسرحا لاشتباكات عنيفة») it is the event itself.
PURPOSE = ("ل", "ول", "فل")
UNDERGONE = ("تعرض", "يتعرض", "تتعرض", "عرض", "مسرح")
PICTURES = ("صور", "فيديو", "مقطع", "مشاهد", "لقطات", "تسجيل")


def _purpose(tokens: Sequence[Token], readings: Sequence[Sequence[str]], i: int,
             first_words: frozenset[str]) -> bool:
    key = tokens[i].key
    if key in first_words or key.startswith(("لل", "ولل", "فلل")):
        return False
    if not any(key.startswith(p) and key[len(p):] in first_words for p in PURPOSE):
        return False
    if i > 0 and any(r.startswith(PICTURES) for r in readings[i - 1]):
        return False  # «ونشر جيش الفتح صورا لتفجير كبير»: pictures of it
    return not any(r.startswith(UNDERGONE) for j in range(max(0, i - 10), i)
                   for r in readings[j])




def _appealed(lexicon: EventLexicon, tokens: Sequence[Token],
              readings: Sequence[Sequence[str]], i: int) -> bool:
    """Whether token ``i`` is what an appeal (``[blockers] asking``) within eight tokens
    before asks for («إلى», «ب» or «ل» right before it: «دعا المعتصمون أمس في مدينة
    اللاذقية إلى إعدام», «ودعوته مجددا للانسحاب»)."""
    asked = tokens[i].key.startswith(("ب", "وب", "ل")) or (
        i > 0 and tokens[i - 1].key == "الي")
    return asked and _within(lexicon.asking, readings, i, 8)


def _foiled(lexicon: EventLexicon, readings: Sequence[Sequence[str]], i: int) -> bool:
    """Whether a foiling verb comes within the four tokens before token ``i``, or a
    forecast within the six («توقع رئيس الإقليم مسعود بارزاني تحرير بقية مناطق سنجار»)."""
    return _within(lexicon.foiling, readings, i, 4) or _within(
        lexicon.forecasting, readings, i, 6)


def _within(words: frozenset[str], readings: Sequence[Sequence[str]], i: int, n: int) -> bool:
    """Whether one of ``words`` is a reading of the ``n`` tokens before token ``i``."""
    return any(r in words for j in range(max(0, i - n), i) for r in readings[j])


def _conjoined(tokens: Sequence[Token], readings: Sequence[Sequence[str]], i: int) -> bool:
    """Whether token ``i`` is joined by «و» or «أو» to what comes before («وقف اقتحام
    الفلوجة والقصف», «اعتداءات تصل إلى الاعتقال أو الإعدام»)."""
    key = tokens[i].key
    return (key.startswith("و") and key[1:] in readings[i]) or (
        i > 0 and tokens[i - 1].key == "او")


VERBAL = ("فيها", "فيه", "سياسه", "سياسات", "قرار", "قرارات", "تصريحات", "موقف", "مواقف")
ASSAULTS = frozenset({"هاجم", "هاجمت", "هاجموا", "هاجمتا"})
APPLIES = ("ايضا", "ذلك", "هذا", "الامر")


def _idiom(kind: str, tokens: Sequence[Token], readings: Sequence[Sequence[str]], first: int,
           last: int) -> bool:
    """An attack in words («ألقوا خطابات هاجموا فيها الحكومة», «هاجم سياسات»), a
    withdrawal that means "applies to" («هذا الحال انسحب أيضا على بلدة قدسيا») or
    «تحرير» in a body's name."""
    after = [t.key for t in tokens[last + 1:last + 3]]
    if any(r in ASSAULTS for r in readings[first]):
        return bool(after) and after[0] in VERBAL
    if kind == "withdrawal":
        return after[:1] == ["علي"] or bool(after and after[0] in APPLIES
                                            and after[1:2] == ["علي"])
    # («حزب تحرير الشعب الثوري», «جيش التحرير الفلسطيني»: a name)
    return kind == "territory_captured" and first > 0 and any(
        r in NAMED_BODIES for r in readings[first - 1])


# Bodies whose names hold «تحرير» («حزب تحرير الشعب», «منظمة التحرير»).
NAMED_BODIES = frozenset({"حزب", "جبهه", "حركه", "هيئه", "منظمه", "جيش"})


def _blocked(lexicon: EventLexicon, tokens: Sequence[Token],
             readings: Sequence[Sequence[str]], i: int) -> bool:
    """Whether token ``i`` names no event whatever rule it matches: a blocker within the
    two tokens before it, a purpose, what an appeal asks for, or what was foiled."""
    return _within(lexicon.blockers, readings, i, 2 + _that_verb(tokens, i)) or _purpose(
        tokens, readings, i, lexicon.first_words) or _appealed(lexicon, tokens, readings, i) or (
        _foiled(lexicon, readings, i)) or _neared(readings, i)


def _that_verb(tokens: Sequence[Token], i: int) -> int:
    """1 when «أن» and a verb stand right before token ``i`` («من دون أن تشن غارات»): the
    blocker may stand one token further back."""
    return int(i >= 2 and tokens[i - 2].key == "ان")


# Coming close to something: «اقتربت القوات الأمنية العراقية المشتركة كثيرًا من تحرير
# مدينة الرمادي» (it has not happened)
NEARING = frozenset({"اقترب", "اقتربت", "اقتربوا", "يقترب", "تقترب", "يقتربون", "تقتربان"})


def _neared(readings: Sequence[Sequence[str]], i: int) -> bool:
    """Whether token ``i`` follows «من» after a nearing verb among the eight tokens before."""
    return i > 0 and "من" in readings[i - 1] and _within(NEARING, readings, i - 1, 8)


# Words that open a clause with a subject of its own: «فيما», «بينما», «في حين», «كما» or
# «حيث» after a comma («قصفت قوات النظام ...، فيما قضى رجل اثر انفجار», «بالتزامن مع
# عمليات عسكرية نفذتها القوات التركية ...، حيث نفذت طائرات التحالف ضربات»).
CONNECTORS = frozenset({"فيما", "بينما", "وفيما", "وبينما"})


def connector(tokens: Sequence[Token], i: int, where: bool = True) -> bool:
    """Whether token ``i`` opens a clause with a subject of its own (not counting «حيث»
    unless ``where``)."""
    key = tokens[i].key
    if key in CONNECTORS:
        return True
    if key in ("حين", "كما", "وكما", *(("حيث",) if where else ())) and i > 0:
        prev = tokens[i - 1].key
        return (key == "حين" and prev == "في") or (key != "حين" and prev in "،,")
    return False


# «تزامنا مع», «بالتزامن مع», «ترافق مع», «وسط»: what follows goes on beside the clause
# before, not in it.
ALONGSIDE = frozenset({"تزامنا", "بالتزامن", "تزامن", "ترافق", "ترافقت", "يترافق", "بالترافق"})


def alongside_opens(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` opens what goes on beside the clause («ترافق ذلك مع الحصار الخانق على
    ... البلدات المحيطة بها وهي مضايا وبقين»): its places are not the event's."""
    after = [t.key for t in tokens[i + 1:i + 3]]
    return any(r in ALONGSIDE for r in stems(tokens[i].key)) and (
        after[:1] == ["مع"] or (after[:1] in (["ذلك"], ["هذا"]) and after[1:] == ["مع"]))


def _apart(tokens: Sequence[Token], a: TriggerHit, b: TriggerHit) -> bool:
    """Whether hits ``a`` and ``b`` stand in different clauses: a connector between them
    («قصف الطيران المروحي قرية رسم العبود، في حين استهدفت الفصائل المقاتلة مواقع»), or
    the first in a fronted «بالتزامن مع ...،» the second's clause follows («وبالتزامن مع
    تجدد قصف الطيران المروحي لبلدة اللطامنة، استهدفت الفصائل المقاتلة آلية»)."""
    first, second = sorted((a, b), key=lambda h: h.first)
    between = range(first.last + 1, second.first)
    if any(connector(tokens, i) and not toll_clause(tokens, i + 1) for i in between):
        return True
    return any(tokens[i].key in ("،", ",") for i in between) and any(
        alongside_opens(tokens, i) for i in range(first.first))


def toll_clause(tokens: Sequence[Token], i: int) -> bool:
    """The clause at token ``i`` counts the dead or wounded («فيما قتل 7 من عناصر قوات
    النظام»): the victims, not a new subject."""
    return i < len(tokens) and cue_of(tokens[i].key)[1] in ("killed", "injured")


def find_triggers(lexicon: EventLexicon, tokens: Sequence[Token]) -> list[TriggerHit]:
    """Every trigger among ``tokens`` (one sentence), first matching rule per token; a
    trigger joined by «و» or «أو» to one just blocked («لمنع القصف والغارات»), or right
    after it («السماح للطائرات بشن غارات»), is blocked too."""
    readings = [stems(t.key) for t in tokens]
    first_words = lexicon.first_words
    hits: list[TriggerHit] = []
    # a trigger joined by «و» up to token ``blocked_to``, or right after a blocked one
    # («السماح للطائرات بشن غارات»), shares its fate
    blocked_to = blocked_next = -1
    i = 0
    while i < len(tokens):
        if any(r in lexicon.never for r in readings[i]) or not any(
                r in first_words for r in readings[i]):
            i += 1
            continue
        if _blocked(lexicon, tokens, readings, i) or i == blocked_next or (
                i <= blocked_to and _conjoined(tokens, readings, i)):
            blocked_to, blocked_next = i + 3, i + 1
            i += 1
            continue
        for rule in lexicon.rules:
            last = _matches(rule, readings, i)
            if last is not None and _context_ok(rule, readings, i, last):
                if _idiom(rule.type, tokens, readings, i, last):
                    break
                hits.append(TriggerHit(rule.type, i, last, tokens[i].start, tokens[last].end,
                                       rule.needs_armed_actor, rule.alone))
                i = last
                break
        i += 1
    # words that name an event only when nothing else does, in their clause (a toll word's
    # dead are another clause's victims: «مؤكدة مقتل 40 طالبانياً ...، فيما أفاد», so in
    # their sentence)
    return [h for h in hits if not h.alone or all(o.alone for o in hits) or (
        not toll_clause(tokens, h.first) and all(o.alone or _apart(tokens, h, o) for o in hits))]
