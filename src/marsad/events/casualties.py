"""One dead person named without a number: «مقتل جندي», «شخصا قتل», «بمصرع شخص»,
«ذبح المصور الصحافي كينجي جوتو», «محسن الفضلي قتل في ضربة جوية».

The counts layer (``numbers.v1``) keeps to explicit counts, as its gold set asks; an
event's fatalities also read these implicit singulars, the way a coder would (one killed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.model import Mention, Quantity, Span
from marsad.text.normalize import normalize, view_of

PUNCT = "،,.:؛\"«»()“”"
# Words saying someone was killed (folded, proclitic ب/و/ف/ل removed).
KILL_WORDS = frozenset({"قتل", "مقتل", "مصرع", "ذبح", "اغتيال", "اغتال", "اغتيل", "اعدام",
                        "اعدم", "استشهاد", "استشهد", "قضي", "توفي", "نحر", "ذبحه",
                        "قتله", "اعدامه", "مقتله", "مصرعه"})
# «قتل فيه جندي»: a resumptive word between the verb and the one killed.
IN_IT = frozenset({"فيه", "فيها", "خلاله", "خلالها"})
# «لقي مصرعه», «لقي حتفه»: two words.
MET_DEATH = frozenset({"لقي", "لقيت"})
DEATH_NOUNS = frozenset({"مصرعه", "حتفه", "مصرعها", "حتفها"})
# One person, indefinite, definite or accusative («جندي», «الجندي», «جنديا»).
_ONE = ("شخص رجل جندي مدني طفل طفله امراه سيده فتاه فتي شاب عنصر ضابط قيادي قائد "
        "مسلح شرطي مواطن صحفي صحافي مصور ناشط عسكري منتسب موظف طبيب معلم امام زعيم "
        "مسؤول عضو انتحاري امير والي مقاتل حارس سائق محام محامي قاض قاضي")
ONE_PERSON = frozenset(w for base in _ONE.split()
                       for w in (base, "ال" + base, base + "ا"))
# «أحد» only when it names one of a group («أحد منتسبي وزارة الداخلية»), not «أحد عشر».
ONE_OF = frozenset({"احد", "احدي"})
NEGATIONS = frozenset({"لم", "لا", "دون", "بدون", "عدم", "ولم", "ما"})
CLITICS = ("وب", "فب", "وال", "و", "ف", "ب", "ل")


def _bare(word: str) -> str:
    key = normalize(word.strip(PUNCT))
    if key in KILL_WORDS or key in ONE_PERSON or key in ONE_OF or key in MET_DEATH:
        return key
    for clitic in CLITICS:
        rest = key[len(clitic):]
        if key.startswith(clitic) and len(rest) >= 3 and (
                rest in KILL_WORDS or rest in ONE_PERSON or rest in MET_DEATH):
            return rest
    return key


def _persons(mentions: Sequence[Mention], lo: int, hi: int) -> list[Span]:
    return [m.span for m in mentions if m.kind == "PER" and m.span is not None
            and lo <= m.span.start and m.span.end <= hi]


def one_dead(text: str, mentions: Sequence[Mention], lo: int, hi: int) -> Quantity | None:
    """A single person reported killed in ``text[lo:hi]`` with no number: count 1,
    quoting the death word and the person («بمقتل قيادي بارز» → «مقتل قيادي»)."""
    words = [(lo + m.start(), lo + m.start() + len(m.group().rstrip(PUNCT)),
              _bare(m.group())) for m in re.finditer(r"\S+", text[lo:hi])]
    words = [w for w in words if w[2]]
    persons = _persons(mentions, lo, hi)
    for i, (start, end, key) in enumerate(words):
        if i and words[i - 1][2] in NEGATIONS:
            continue
        kill = key in KILL_WORDS
        met = key in MET_DEATH and i + 1 < len(words) and words[i + 1][2] in DEATH_NOUNS
        if not (kill or met):
            continue
        cue_end = words[i + 1][1] if met else end
        k = i + 1 + met
        gap_end = None  # where the gap before the one killed resumes after «فيه»
        if kill and k + 1 < len(words) and words[k][2] in IN_IT \
                and not text[end:words[k][0]].strip(" "):
            gap_end = words[k][1]
            k += 1  # «قتل فيه جندي تركي»
        nxt = words[k] if k < len(words) else None
        if kill and nxt is not None and not text[gap_end or end:nxt[0]].strip(" ") and (
                nxt[2] in ONE_PERSON or (nxt[2] in ONE_OF and (
                    i + 2 >= len(words) or words[i + 2][2] != "عشر"))):
            second = _and_one(text, words, k)
            if second is not None:  # «قتل قائد عسكري وأحد العناصر»: two
                return _one(text, start, second, 2)
            return _one(text, start, nxt[1])  # «مقتل جندي», «قتل أحد منتسبي»
        after = next((p for p in persons if cue_end <= p.start and
                      len(text[cue_end:p.start].split()) <= 3), None)
        if kill and after is not None and not any(c in text[cue_end:after.start]
                                                  for c in PUNCT):
            return _one(text, start, after.end)  # «ذبح المصور الصحافي كينجي جوتو»
        if i:
            pstart, _pend, pkey = words[i - 1]
            if pkey in ONE_PERSON and not text[_pend:start].strip(" "):
                return _one(text, pstart, cue_end)  # «شخصا قتل», «شخصًا لقي مصرعه»
        before = next((p for p in persons if p.end <= start and
                       not text[p.end:start].strip(" ")), None)
        if before is not None and key in {"قتل", "اغتيل", "ذبح", "اعدم", "استشهد"} | MET_DEATH:
            return _one(text, before.start, cue_end)  # «محسن الفضلي قتل في ضربة»
    return None


def _and_one(text: str, words: Sequence[tuple[int, int, str]], k: int) -> int | None:
    """The end of a second single person joined by «و» to the one killed at word ``k``,
    one word (an adjective) allowed between and no punctuation: «قائد عسكري وأحد
    العناصر», «جندي ومدني» (not «وأحد عشر», nor the numeral «جندي واحد»)."""
    for j in (k + 1, k + 2):
        if j >= len(words) or text[words[j - 1][1]:words[j][0]].strip(" "):
            return None
        key = words[j][2]
        written = text[words[j][0]:words[j][1]]
        if key.startswith("و") and (key[1:] in ONE_PERSON or (
                written.startswith(("وأحد", "وإحدى")) and (
                    j + 1 >= len(words) or words[j + 1][2] != "عشر"))):
            return words[j][1]
        if key in KILL_WORDS or key.startswith("و"):
            return None
    return None


def _one(text: str, start: int, end: int, count: int = 1) -> Quantity:
    return Quantity(count=count, min=count, max=count, text=text[start:end],
                    span=Span(start, end), what="killed")


# «دون أن يسفر ذلك عن إصابات», «لم يؤد إلى خسائر بشرية», «لم تسجل إصابات بشرية», «لم تكن
# هناك أي أضرار بشرية», «اقتصرت أضرارها على الخسائر المادية»: nobody was hurt, so nobody
# was killed (GUIDELINES.md §3: 0 only when the text says so). «دون أنباء عن خسائر»,
# «لم ترد معلومات عن إصابات» say nothing is known: no count.
_HARM = (r"(?:وقوع\s+|سقوط\s+|اي\s+)?(?:(?:اصابات|اصابه)(?:\s+بشريه)?|خسائر\s+بشريه"
         r"|اضرار\s+بشريه|ضحايا|قتلي)")
_NO_DEAD = re.compile(
    r"(?<!\w)(?:"
    r"(?:دون|بدون|من\s+دون)\s+(?:ان\s+(?:يسفر|تسفر|يؤدي|تؤدي|يوقع|توقع)\s+(?:ذلك\s+)?"
    r"(?:عن|الي)\s+)?" + _HARM +
    r"|(?:لم|ولم)\s+(?:يسفر|تسفر|يؤد|تؤد|يوقع|توقع)\s+(?:ذلك\s+|الهجوم\s+|القصف\s+)?"
    r"(?:عن|الي)?\s*" + _HARM +
    r"|(?:لم|ولم)\s+(?:تسجل|يسجل|تقع|يقع)\s+" + _HARM +
    r"|(?:لم|ولم)\s+(?:تكن|يكن)\s+هناك\s+" + _HARM +
    r"|اقتصرت\s+(?:اضرار\w*|الاضرار|الخسائر|خسائر\w*)\s+علي\s+(?:الخسائر|الاضرار)\s+الماديه"
    r")(?!\w)")


def no_dead(text: str, lo: int, hi: int) -> Quantity | None:
    """Count 0 when ``text[lo:hi]`` says the event hurt nobody, quoting the phrase."""
    view = view_of(text)
    vlo, vhi = view.view_span(Span(lo, hi))
    m = _NO_DEAD.search(view.text, vlo, vhi)
    if m is None:
        return None
    span = view.span(m.start(), m.end())
    return Quantity(count=0, min=0, max=0, text=text[span.start:span.end], span=span,
                    what="killed")
