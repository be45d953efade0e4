"""An event's arguments from the layers inside its clause: actors, places, dates,
fatalities and weapons, each keeping the span of the mention it comes from."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from marsad.claims.lexicon import packaged_lexicon
from marsad.claims.sources import split_coordinated
from marsad.events.casualties import ONE_PERSON, PUNCT
from marsad.events.state_forces import generic_forces
from marsad.events.triggers import CONNECTORS, stems
from marsad.events.unarmed import CIVILIANS, PROTESTERS
from marsad.geo.gazetteer import distance_km
from marsad.lexicons.matcher import Token
from marsad.model import (
    Actor,
    Article,
    Claim,
    DateValue,
    Mention,
    Place,
    Quantity,
    Source,
    Span,
    Weapon,
)
from marsad.quantities.lexicon import OBJECT_DUALS, OBJECTS
from marsad.text.normalize import normalize, view_of

# Words right before an actor that make it the one acted upon.
TARGET_MARKERS = frozenset({"علي", "ضد", "مواقع", "مقرات", "معاقل", "استهدف", "استهدفت",
                            "تجمعات", "تجمع", "مع", "حساب", "لصالح", "الي", "امام",
                            "مستهدفه", "مستهدفا", "مستهدفين", "يستهدف", "تستهدف", "مقتل",
                            "مصرع", "قتلي", "اهداف", "اهدافا", "مراكز", "مركز", "ثكنات",
                            "مقر", "مقرا",
                            # («استهدف هجوم ... حاجزا أمنيا لمقاتلين أكراد»)
                            "حاجز", "حاجزا", "حواجز"})
# Nouns that only say which people of an actor are meant («عناصر داعش», «قادة التنظيم»,
# «33 مسلحا من داعش»): the words before them decide the actor's role.
HEADS = frozenset({"عناصر", "عنصر", "عنصرا", "عنصرين", "مسلحي", "مسلحا", "مسلحين",
                   "مقاتلي", "مقاتلا", "مقاتلين", "منتسبي", "قاده", "قائد", "قياديا",
                   "قيادي", "قياديين", "كبار", "افراد", "فردا", "جنود", "جنديا", "جنديين",
                   "اعضاء", "عضوا", "عضوين", "متشددي", "متشددا", "صفوف", "ميليشيات",
                   "تابعه", "تابع", "تابعين", "التابعه", "التابع", "التابعين", "مسلحو",
                   "مقاتلو", "متشددو", "منتسبو", "عناصره", "مقاتليه"})
# A side's aircraft and forces: after an aiming verb, its subject («استهدف طيران التحالف
# بعدة غارات منطقة الصناعة»), where «استهدفت عناصر داعش» names the target
FORCE_HEADS = frozenset({"طيران", "طائرات", "مقاتلات", "قوات"})
# A state's army or police named bare before another of its forces.
ARMS_OF_STATE = frozenset({"الجيش", "والجيش", "الشرطه", "والشرطه"})
NUMBER_WORDS = frozenset({"عشرات", "مئات", "الاف", "اثنين",
                          "اثنان", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه",
                          "تسعه", "عشره", "نحو"})
# Particles that open a clause: the word before them does not mark its subject.
PARTICLES = frozenset({"ان", "بان", "لان", "وان", "انه", "انها", "قد", "كان", "كانت", "التي",
                       "الذي", "حيث", "ثم", "لكن", "بينما", "فيما"})
LOOKBACK = 12
# «عدد من», «العديد من» say nothing by themselves («أن عددا من فصائل المعارضة»).
VAGUE = frozenset({"عدد", "عددا", "العديد"})
# Verbs whose subject opens fire or attacks (their partitive subject acts: «فتح عناصر من
# حزب العمال الكردستاني النار على قافلة عسكرية»).
OPENING_FIRE = frozenset({"فتح", "فتحت", "فتحوا", "اطلق", "اطلقت", "اطلقوا", "شن", "شنت",
                          "شنوا", "نفذ", "نفذت", "نفذوا", "هاجم", "هاجمت", "هاجموا"})
# Verbs that lay a deed at someone's door («نسبته الحكومة إلى التنظيم», «ينسب إلى»).
ATTRIBUTED = re.compile(r"^[وف]?[يت]?نسب(?:ت|ه|ها|ته|تها|وا)?$")
# A group of a side's people («مجموعة ثانية من أعضاء الفرقة 30»): a partitive like «عناصر من».
GROUPS = frozenset({"مجموعه", "مجموعات", "دفعه"})
# Counts without a number («قتل الكثير من قوات الأسد», «العشرات من عناصر التنظيم»).
MANY = frozenset({"الكثير", "كثير", "العشرات", "عشرات", "المئات", "مئات"})
# What before an actor names it as the one who acted: «من قبل», «على يد», «بيد», a
# clause that refers back to the event («هجوم شنه», «غارات نفذها», «قصف مصدره»).
AGENT_VERBS = frozenset({"شنه", "شنها", "شنته", "نفذه", "نفذها", "نفذته", "مصدره",
                         "مصدرها", "يشنها", "تشنها", "تنفذها", "ينفذها"})
PLACES_OF = frozenset({"مواقع", "مقرات", "مراكز", "منصات", "حواجز"})
# «من سيطرة», «من قبضة»: what is taken is taken from the holder («تحت سيطرة» is no role).
HOLD = frozenset({"سيطره", "قبضه"})
# «بتهمة التعاون مع القوات العراقية»: the charge names no participant (the gold never does).
CHARGE = frozenset({"بتهمه", "بتهم", "بتهمتي", "تهمه"})
# Types whose actor1 flies: an armed group without an air force is the target.
AIR_TYPES = frozenset({"air_strike"})
FIRE_TYPES = frozenset({"air_strike", "shelling"})
# Types whose verbal noun takes the one who acts as its genitive («انسحاب القوات»,
# «قصف الطائرات التركية», «هجوم داعش»); for others the genitive is the one acted upon
# («خطف الصحفيين», «إعدام الأسرى», «تحرير المدينة»).
GENITIVE_AGENT = frozenset({"withdrawal", "air_strike", "shelling", "battle", "deployment",
                            "territory_captured"})
# («سيطرة قوات الأسد على القريتين»; but «تحرير», «طرد» take what is freed or driven out:
# «تحرير الرهائن», «من طرد التنظيم من البلدة»)
OBJECT_NOUNS = frozenset({"تحرير", "لتحرير", "بتحرير", "وتحرير", "التحرير", "طرد", "لطرد",
                          "بطرد"})
STATE = frozenset({1, 8})


# Types that have no actor acted upon: a deployment is one side's move (ACLED codes it with
# actor1 alone; no deployment of the gold set's tuning parts has an actor2), and the enemy
# named with it is its aim («نشر مقاتلات في قاعدة إنغرليك في إطار مواجهة داعش»).
ONE_SIDED = frozenset({"deployment"})
# Types fought out between armed sides: civilians named in them are bystanders or the
# place's people («سيطرة التنظيم على البلدة وتهجير المدنيين»), never a side (GUIDELINES.md
# §3: actor2 is the opponent or the side that loses a place).
ARMED_SIDES_ONLY = frozenset({"battle", "territory_captured", "withdrawal", "deployment"})
# Types whose actor2 is the victim even when named first (passive reports).
VICTIM_TYPES = frozenset({"air_strike", "shelling", "bombing", "suicide_bombing",
                          "attack_on_civilians", "abduction_detention"})
UNARMED = frozenset({PROTESTERS, CIVILIANS})


@lru_cache(maxsize=50_000)
def fold(word: str) -> str:
    """A word (or short phrase) as marsad's view folds it, without edge punctuation."""
    return normalize(word.strip(PUNCT + " \n"))


def _last_word(text: str, end: int) -> str:
    """The folded word that ends right before ``end`` (punctuation and spaces skipped)."""
    words = text[max(0, end - 20):end].split()
    return fold(words[-1]) if words else ""


def in_range(span: Span | None, lo: int, hi: int) -> bool:
    return span is not None and lo <= span.start and span.end <= hi


def outside(span: Span, excluded: Sequence[Span]) -> bool:
    return not any(span.overlaps(x) for x in excluded)


def nearest(items: Sequence, anchor: int) -> object | None:
    """The item whose span starts closest to ``anchor``, later ones winning ties."""
    if not items:
        return None
    return min(items, key=lambda x: (abs(x.span.start - anchor), -x.span.start))



def _is_number(key: str) -> bool:
    return any(c.isdigit() for c in key) or key in NUMBER_WORDS


def marked_role(tokens: Sequence[Token], view_start: int, trigger_end: int = -1) -> str | None:
    """``"target"``, ``"agent"``, ``"origin"``, ``"partitive"`` or None for the actor
    mention starting at ``view_start``, from the words before it. Heads («عناصر», «قادة»),
    punctuation and «عدد من» are looked through; a partitive after a count («مقتل 33 مسلحا
    من داعش», «قتلت 23 عنصرا من التنظيم», «قتل الكثير من قوات الأسد») names the people hit,
    one after a head or a group («عناصر من داعش», «مجموعة من أعضاء الفرقة 30») is
    ``"partitive"``: hit, unless it is the subject before the verb or right after a verb of
    acting («فتح عناصر من حزب العمال النار»); «من قبل», «على يد», «نسبته ... إلى» and,
    right after the trigger ``trigger_end``, «شنه», «نفذها», «مصدره» the one who acted;
    «من مواقع» where the fire (or the seized weapons) came from; TARGET_MARKERS («على»,
    «ضد», «مواقع لـ», «استهدفت») the one acted upon."""
    j = _tokens_before(tokens, view_start)
    before: list[Token] = []  # the last words before the mention, punctuation skipped
    while j and len(before) < LOOKBACK:
        j -= 1
        if tokens[j].key[:1].isalnum():
            before.append(tokens[j])
    before.reverse()
    i = len(before) - 1
    while i >= 0:
        if any(r in HEADS for r in stems(before[i].key)) or before[i].key in FORCE_HEADS or (
                before[i].key in ARMS_OF_STATE):
            i -= 1  # («ثلاثة عناصر من الجيش والشرطة»: the police among the dead too)
        elif i > 0 and before[i].key == "من" and before[i - 1].key in VAGUE:
            i -= 2
        else:
            break
    if i < 0:
        return None
    key = before[i].key
    prev = before[i - 1].key if i else ""
    if (key in ALONGSIDE and prev in TOGETHER) or key in BACKING or (
            key == "من" and prev in BACKING):
        return "ally"  # «بالتعاون مع الكتائب المقاتلة», «بغطاء من طيران التحالف»
    if key == "الي" and any(ATTRIBUTED.match(t.key) for t in before[max(0, i - 3):i]):
        return "agent"  # «هجوم انتحاري دام نسبته الحكومة الى التنظيم المتطرف»
    if key == "من" and (_is_number(prev) or prev in MANY) and not any(
            r in AIRCRAFT for t in before[max(0, i - 4):i] for r in stems(t.key)):
        # «7 من عناصر داعش», «قتل الكثير من قوات الأسد»: people hit (not aircraft counted:
        # «قامت ثلاث مقاتلات اف-16 من سلاح الجو التركي بقصف»)
        return "target"
    if key == "من" and (prev in GROUPS or (i > 1 and before[i - 2].key in GROUPS)):
        return "partitive"  # «خطفت جبهة النصرة مجموعة ثانية من أعضاء الفرقة 30»
    if key == "من" and any(r in HEADS for r in stems(prev)):
        if i > 1 and any(r in OPENING_FIRE for r in stems(before[i - 2].key)):
            return None  # «حين فتح عناصر من حزب العمال النار»: the verb's subject
        return "partitive"  # «مقتل عناصر من داعش» (hit), «عناصر من داعش هاجموا» (acting)
    by_hand = key in ("يد", "ايدي", "بيد", "بايدي") and (prev == "علي" or key[0] == "ب")
    if ((key == "قبل" and prev == "من") or by_hand) and view_start > trigger_end:
        return "agent"  # (after the trigger: «دربوا على يد الائتلاف» before it is not its)
    if key in ("قيام", "بقيام", "لقيام") and view_start < trigger_end:
        return "agent"  # «قيام عناصر تابعة لجبهة النصرة بخطف ...»
    if any(r in AGENT_VERBS for r in stems(key)) and 0 <= before[i].start - trigger_end < 30:
        return "agent"  # «قصف شنه داعش» (not «انسحاب ... إثر هجوم شنه جيش الفتح»)
    if key in HOLD and prev == "من" and 0 <= trigger_end <= before[i].start:
        # «تحرير الطريق من سيطرة تنظيم داعش»: the side that loses it (not the trigger
        # itself: «بعد أسابيع من سيطرة التنظيم على سنجار»)
        return "target"
    if any(r in PLACES_OF for r in stems(key)) and (prev == "من" or prev in AGENT_VERBS):
        return "origin"  # «قصف مدفعي من مواقع قوات النظام», «مصدره مواقع الفصائل»
    # (only a side's aircraft or forces may stand between: «استهدفت عناصر داعش» is the target)
    right_after = all(t.key in FORCE_HEADS for t in before[i + 1:])
    if right_after and before[i].end == trigger_end and any(r in AIMING for r in stems(key)):
        return "subject"  # «واستهدفت قوات الأسد ... بلدات»: the trigger verb, then its subject
    if any(r in TARGET_MARKERS for r in stems(key)) or (
            prev and key not in PARTICLES and before[i].end != trigger_end and not (
                before[i - 1].end == trigger_end and any(r in AIMING for r in stems(prev)))
            and any(r in TARGET_MARKERS for r in stems(prev))):
        # («على مقر لداعش»; not «أشار إلى أن جبهة النصرة», nor «ردا على قصف قوات النظام»,
        # where «على» governs the trigger, nor «واستهدفت غارات للجيش التركي مواقع», where
        # the trigger verb's subject follows it)
        return "target"
    return None


# Words before an actor that make it a partner of the side that acts: «بالتعاون مع»,
# «بالتنسيق مع», «جنبا إلى جنب مع», «بغطاء من», «بدعم من», «بمساندة».
ALONGSIDE = frozenset({"مع"})
TOGETHER = frozenset({"بالتعاون", "بالتنسيق", "بالاشتراك", "جنب", "بالتحالف"})
BACKING = frozenset({"بغطاء", "بدعم", "بمسانده", "باسناد", "بمشاركه", "بمؤازره", "وبغطاء",
                     "وبدعم", "وبمسانده", "وباسناد", "وبمشاركه", "وبمؤازره"})


# Aircraft counted before the side they belong to.
AIRCRAFT = frozenset({"طائرات", "طائره", "مقاتلات", "مقاتله", "مروحيات", "مروحيه", "قاذفات"})


# Verbs of aiming: what follows them is the target («انفجار استهدف قوات النظام»), but
# when one is the trigger and opens its clause the actor right after it is its subject.
AIMING = frozenset({"استهدف", "استهدفت", "استهدفوا"})


def _right_after(tokens: Sequence[Token], trigger_end: int, view_start: int) -> bool:
    """The mention at ``view_start`` follows the trigger with at most two head nouns
    between («قصف الطائرات التركية», «وانسحب عناصر التنظيم»)."""
    if view_start < trigger_end:
        return False
    between = [t for t in tokens if trigger_end <= t.start and t.end <= view_start]
    return len(between) <= 2 and all(any(r in HEADS for r in stems(t.key)) for t in between)


# Verbs that force the one after them out («أجبر التقدم عناصر التنظيم على الانسحاب»).
FORCE = frozenset({"اجبر", "اجبرت", "اجبروا", "ارغم", "ارغمت", "ارغموا", "اضطر", "اضطرت",
                   "اجبار", "ارغام", "دفع", "دفعت", "دفعوا"})


def _forced(tokens: Sequence[Token], view_start: int, trigger_end: int) -> bool:
    """A forcing verb among the four words before the mention and «على» within eight words
    after it, before the trigger: the mention is the side that withdrew."""
    j = _tokens_before(tokens, view_start)
    before = tokens[max(0, j - 4):j]  # «أجبروا خلاله قوات», «أجبر هذا التقدم عناصر»
    if not any(any(r in FORCE for r in stems(t.key)) for t in before) or any(
            not t.key[:1].isalnum() for t in before):
        return False
    after = [t for t in tokens[j:j + 8] if t.end <= trigger_end]
    return any(t.key == "علي" for t in after)


def _acting(event_type: str, tokens: Sequence[Token], view_start: int,
            trigger_end: int) -> bool:
    """The mention at ``view_start`` is the one who acted, by its place alone: the
    genitive or subject right after the trigger («بعد انسحاب القوات العراقية», «وانسحب
    عناصر التنظيم»), or the side forced out of a withdrawal («أجبروا قوات النظام على
    الانسحاب»)."""
    if event_type in GENITIVE_AGENT and _right_after(tokens, trigger_end, view_start):
        return not _trigger_in(tokens, trigger_end, OBJECT_NOUNS)
    return event_type == "withdrawal" and _forced(tokens, view_start, trigger_end)


# Verbal nouns of arrest: the armed group named after one is who was arrested.
ARREST_NOUNS = frozenset({"القبض", "بالقبض", "توقيف", "بتوقيف", "اعتقال", "باعتقال",
                          "واعتقال", "احتجاز", "باحتجاز"})


def _trigger_in(tokens: Sequence[Token], trigger_end: int, words: frozenset[str]) -> bool:
    """Whether the trigger's (last) token, the one ending at ``trigger_end``, is in ``words``."""
    return any(t.end == trigger_end and t.key in words for t in tokens)


def _counted(tokens: Sequence[Token], view_start: int) -> bool:
    """Whether the mention follows a count and «من» («54 عنصرا من الفرقة 30»)."""
    j = _tokens_before(tokens, view_start)
    return j >= 2 and tokens[j - 1].key == "من" and (
        _is_number(tokens[j - 2].key) or (j >= 3 and _is_number(tokens[j - 3].key)))


def _driven_out(tokens: Sequence[Token], view_start: int, trigger_end: int) -> bool:
    """The genitive right after «طرد» (the side driven out), not an ``OBJECT_NOUNS``
    verbal noun whose genitive is a place («تحرير المدينة»)."""
    return _right_after(tokens, trigger_end, view_start) and _trigger_in(
        tokens, trigger_end, DRIVING_OUT)


DRIVING_OUT = frozenset({"طرد", "لطرد", "بطرد", "وطرد"})


def subject_before(tokens: Sequence[Token], view_starts: Sequence[int],
                   view_ends: Sequence[int], trigger_end: int) -> int | None:
    """Which actor mention (its index) stands right before the trigger verb as its
    subject, if one does, so that the one
    right after the verb is its object («إن جبهة النصرة هاجمت قوات النظام»): only «قد» or
    a relative pronoun between, no article or preposition on the trigger (a noun: «33 مسلحا
    من تنظيم داعش بانفجار»), no object pronoun on it
    («داعش استهدفته طائرات التحالف»: the subject follows), the mention not marked itself
    («ضد داعش»)."""
    k = next((n for n, t in enumerate(tokens) if t.end == trigger_end), None)
    if k is None or tokens[k].key.startswith(("ال", "وال", "ب", "ل")) or (
            tokens[k].key.endswith(OBJECT_PRONOUNS)):
        return None
    j = k - 1
    while j >= 0 and tokens[j].key in ("قد", "لقد", "التي", "الذي", "الذين"):
        j -= 1  # («الوحدات الكردية التي طردت تنظيم داعش»: the relative's antecedent)
    if j < 0:
        return None
    return next((n for n, (s, e) in enumerate(zip(view_starts, view_ends, strict=True))
                 if s <= tokens[j].start and tokens[j].end <= e
                 and marked_role(tokens, s, trigger_end) in (None, "partitive")), None)


OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "هن")


# Types whose side named again right after the trigger is the one who acted («قتل 18
# عنصرا من الدواعش وانسحب عناصر التنظيم», «اشتباكات بين قوات المعارضة وقوات النظام أسفرت
# عن سيطرة قوات الأسد»)
NAMED_AGAIN = frozenset({"withdrawal", "territory_captured"})


def _tokens_before(tokens: Sequence[Token], view_start: int) -> int:
    """How many of the sentence's ``tokens`` end at or before ``view_start``."""
    j = len(tokens)
    while j and tokens[j - 1].end > view_start:
        j -= 1
    return j


def _charged(tokens: Sequence[Token], view_start: int) -> bool:
    """Whether the mention starting at ``view_start`` stands in a charge («بإعدام شخصين
    بتهمة التعاون مع القوات العراقية»): «بتهمة» among the six words before it, with no
    punctuation between."""
    j = _tokens_before(tokens, view_start)
    for token in reversed(tokens[max(0, j - 6):j]):
        if not token.key[:1].isalnum():
            return False
        if token.key in CHARGE:
            return True
    return False


def _described(tokens: Sequence[Token], view_start: int) -> bool:
    """Whether the mention starting at ``view_start`` only describes the actor before it
    («جبهة النصرة ذراع تنظيم القاعدة في سوريا», «فرع القاعدة»): a branch noun right
    before it."""
    j = _tokens_before(tokens, view_start)
    return j > 0 and tokens[j - 1].key in BRANCH


BRANCH = frozenset({"ذراع", "فرع", "جناح", "الذراع", "الفرع", "الجناح", "ذراعا", "فرعا"})


def _glued(tokens: Sequence[Token], view_start: int, before_end: int, glue: str) -> bool:
    """Whether the mention at ``view_start`` follows the mention ending at ``before_end``
    with only the token ``glue`` between."""
    j = _tokens_before(tokens, view_start)
    return j >= 2 and tokens[j - 1].key == glue and tokens[j - 2].end == before_end


def _joined(tokens: Sequence[Token], view_start: int, before_end: int) -> bool:
    """Whether the mention at ``view_start`` is joined by «و» straight to the mention ending
    at ``before_end`` («الدولة الإسلامية وحزب العمال»)."""
    j = _tokens_before(tokens, view_start)
    if j < len(tokens) and tokens[j].start <= view_start and tokens[j].key.startswith("و") \
            and j > 0 and tokens[j - 1].end == before_end:
        return True  # (the «و» is the first letter of the mention's token)
    return _glued(tokens, view_start, before_end, "و")


def _bracketed_after(tokens: Sequence[Token], view_start: int, before_end: int) -> bool:
    """Whether the mention at ``view_start`` opens brackets right after the mention ending
    at ``before_end``: it describes that one («جبهة النصرة (تنظيم القاعدة في بلاد الشام)»)."""
    return _glued(tokens, view_start, before_end, "(")


def side_of(actor: Actor) -> str:
    """Which side an armed actor fights on: state forces and their militias (ACLED 1, 3,
    8), the Islamic State (at war with every other side), or the other armed groups."""
    if actor.name == "Islamic State":
        return "is"
    return "state" if actor.inter in (1, 3, 8) or actor.name in STATE_ALLIES else "groups"


# Communal militias (ACLED 4) that fight on the state's side («الجيش العراقي ومقاتلي
# العشائر»: the Anbar tribes against the Islamic State).
STATE_ALLIES = frozenset({"Tribal Mobilization (Iraq)"})


def actors_for(event_type: str, mentions: Sequence[Mention], tokens: Sequence[Token],
               view_starts: Sequence[int], trigger_end: int = -1,
               view_ends: Sequence[int] = ()) -> tuple[Actor, ...]:
    """actor1, actor2 and associated actors among the actor mentions of the clause
    (``view_ends``, when given, let a subject before the verb be told from one after)."""
    subject = subject_before(tokens, view_starts, view_ends, trigger_end) if view_ends \
        else None
    svo = subject is not None
    marks: list[str | None] = [None] * len(mentions)  # each mention's mark, once known
    firsts: list[tuple[str, Actor]] = []
    keys: list[str] = []  # the actor of each of ``firsts``
    seen: set[str] = set()
    agent: Actor | None = None
    before_verb: list[int] = []  # (indices in ``firsts`` of unmarked actors before it)
    passive = False
    for n, (mention, vstart) in enumerate(zip(mentions, view_starts, strict=True)):
        key = str(mention.attrs.get("actor_id") or mention.norm)
        if key not in seen and any(a.name == mention.norm for _, a in firsts):
            # («الجيش العراقي ... القوات الأمنية»: the lexicon's army and the generic
            # forces are one actor by name)
            key = next(k for k, (_, a) in zip(keys, firsts, strict=True)
                       if a.name == mention.norm)
        if key in seen:
            if event_type in NAMED_AGAIN and agent is None and key in keys and _acting(
                    event_type, tokens, vstart, trigger_end):
                # «قتل 18 عنصرا من الدواعش وانسحب عناصر التنظيم»: named again as the
                # side that withdrew
                k = keys.index(key)
                agent = replace(firsts[k][1], role="actor1")
                firsts[k] = ("actor1", agent)
            continue
        seen.add(key)
        inter = mention.attrs.get("inter")
        if inter == CIVILIANS and event_type in ARMED_SIDES_ONLY:
            continue
        if _charged(tokens, vstart) or _described(tokens, vstart) or (
                n and view_ends and _bracketed_after(tokens, vstart, view_ends[n - 1])):
            continue
        marked = marked_role(tokens, vstart, trigger_end)
        told_by = marked == "agent" and vstart > trigger_end  # («على أيدي», «من قبل»)
        if marked == "partitive":  # the verb's subject when it stands right before it
            marked = None if n == subject else "target"
        if marked == "target" and event_type in ONE_SIDED and _counted(tokens, vstart):
            marked = None  # «54 عنصرا من الفرقة 30 ... اجتازوا الحدود»: the counted move
        if marked == "subject":  # (the target when an actor stands before the verb)
            trigger_start = next(t.start for t in tokens if t.end == trigger_end)
            marked = "target" if any(v < trigger_start for v in view_starts) else "agent"
        if marked == "origin":  # fire comes from the positions, weapons are taken from them
            marked = "agent" if event_type in FIRE_TYPES else "target"
        if marked is None and svo and _right_after(tokens, trigger_end, vstart):
            marked = "target"  # «إن جبهة النصرة هاجمت الجيش الحر»: the verb's object
        if marked is None and event_type == "abduction_detention" and inter not in STATE and (
                vstart > trigger_end and _trigger_in(tokens, trigger_end, ARREST_NOUNS)):
            marked = "target"  # «أعلنت السلطات القبض على خلية ... موالية لتنظيم داعش»
        if marked is None and _driven_out(tokens, vstart, trigger_end):
            marked = "target"  # «من طرد تنظيم داعش من حي»: the one driven out
        if marked is None and _acting(event_type, tokens, vstart, trigger_end):
            marked = "agent"  # «بعد انسحاب القوات العراقية», «أجبروا قوات النظام على الانسحاب»
        if marked is None and n and view_ends and marks[n - 1] == "target" and _joined(
                tokens, vstart, view_ends[n - 1]):
            marked = "target"  # «حملة استهدفت الدولة الإسلامية وحزب العمال الكردستاني»
        marks[n] = marked
        if inter in UNARMED:
            role = "actor1" if inter == 6 and event_type == "protest" else "actor2"
        elif marked == "ally":
            role = "associated"
        elif event_type == "protest":
            role = "actor2"  # the protesters act; forces or groups face them or are the aim
        elif event_type in AIR_TYPES and inter not in STATE:
            role = "actor2"  # «غارة على جسرين يستخدمهما داعش»: the group has no aircraft
        else:
            role = "actor2" if marked == "target" else "actor1"
        actor = Actor(role=role, name=mention.norm, text=mention.text,
                      inter=int(inter) if inter is not None else None, span=mention.span)
        if marked == "agent" and role == "actor1" and agent is None:
            agent = actor
            passive = told_by  # «اعتقلوا على أيدي مقاتلي جبهة النصرة»
        if marked is None and role == "actor1" and vstart < trigger_end:
            before_verb.append(len(firsts))
        firsts.append((role, actor))
        keys.append(key)
    if passive:
        # «مقاتلين من المعارضة دربهم الجيش الأمريكي اعتقلوا على أيدي مقاتلي جبهة النصرة»:
        # with the agent after the verb, the side named before it is the one acted upon
        for k in before_verb:
            firsts[k] = ("actor2", replace(firsts[k][1], role="actor2"))
    if agent is not None:
        # «تعرضت البلدة لقصف من قبل قوات النظام»: the agent of a passive report is
        # actor1 even when other actors are named before it
        firsts.sort(key=lambda ra: ra[1] is not agent)
    out: list[Actor] = []
    actor1: Actor | None = None
    armed2: Actor | None = None
    for role, actor in firsts:
        armed = actor.inter not in UNARMED
        if role == "actor1" and actor1 is None:
            actor1 = actor
        elif role == "actor1" and armed:
            if actor1 is not None and side_of(actor) == side_of(actor1):
                role = "associated"
            elif armed2 is None:
                role, armed2 = "actor2", actor
            else:
                role = "associated"
        elif role == "actor2" and armed:
            if armed2 is None:
                armed2 = actor
            else:
                role = "associated"
        out.append(Actor(role, actor.name, actor.text, actor.inter, actor.span))
    return tuple(out)


# What may stand between two coordinated places of one list («بلدتي النعيمة واليادودة»).
LIST_GLUE = frozenset({"و", "،", ",", "قريه", "قري", "بلده", "بلدتي", "قريتي", "مدينه",
                       "حي", "حيي", "منطقه", "منطقتي", "ناحيه", "قضاء", "قرب", "ثم", "او",
                       "محافظه", "محافظات", "مدن", "بلدات",
                       # «مناطق في بلدة تفتناز ومناطق أخرى في بلدة سراقب»
                       "مناطق", "اخري", "في", "اطراف"})


def _coordinated(text: str, gap: Span) -> bool:
    words = normalize(text[gap.start:gap.end]).replace("،", " ، ").replace(",", " , ").split()
    conjunction = any(w.startswith("و") or w in CONJUNCTIONS for w in words) or (
        _starts_with_wa(text[gap.end:gap.end + 6]))
    if not conjunction:
        # «الباب شمال حلب», «الرمادي بمحافظة الأنبار»: a place qualified by its region is
        # one place; a list needs a conjunction («الرقة ودير الزور», «النعيمة، اليادودة»).
        return False
    return all(_list_item(item, first=k == 0) for k, item in enumerate(_items(words)))


def _items(words: Sequence[str]) -> list[list[str]]:
    """The gap's words cut at each conjunction (a word starting with و, a comma)."""
    items: list[list[str]] = [[]]
    for w in words:
        if w in CONJUNCTIONS or w == "و" or (w.startswith("و") and len(w) > 2):
            # (a bare «و» is left when the next place's text begins after it: «درعا البلد
            # وحي طريق السد» once «حي طريق السد» is a place)
            items.append([] if w in CONJUNCTIONS or w == "و" else [w[1:]])
        else:
            items[-1].append(w)
    return items


def _list_item(words: Sequence[str], first: bool) -> bool:
    """List glue, or an item the gazetteer does not know led by its type («وحي طريق
    السد», «وبلدة X»); the gap's first item may be the last word of the place before it
    («درعا البلد»)."""
    rest = [w for w in words if w not in LIST_GLUE and w != "و"]
    if not rest:
        return True
    if first:
        return len(rest) == 1 and len(words) == 1
    return words[0] in ITEM_TYPES and len(words) <= 4


ITEM_TYPES = frozenset({"حي", "قريه", "بلده", "مدينه", "منطقه", "ناحيه", "مخيم", "حيي",
                        "قريتي", "بلدتي", "احياء"})


CONJUNCTIONS = frozenset({"،", ",", "او", "ثم"})


def _starts_with_wa(head: str) -> bool:
    """Whether a place's own text begins with the conjunction و («ومدينة إدلب»)."""
    key = normalize(head)
    return key.startswith("و") and not key.startswith(("وادي", "واد ", "ورد"))


def broader(outer: Place | None, inner: Place | None) -> bool:
    """Whether ``outer`` is a country or province that contains the town ``inner``."""
    if outer is None or inner is None or (outer.precision or 3) < 3:
        return False
    if outer.feature == "country":
        return inner.feature != "country" and inner.country is not None and (
            inner.country == outer.country)
    return outer.admin1 is not None and inner.admin1 == outer.admin1 and (
        inner.precision or 3) < 3



# Words before a country that make it a party, not a place: «تحالف تقوده الولايات
# المتحدة», «بقيادة أمريكية», «برنامج تدعمه واشنطن».
LEADERS = frozenset({"تقوده", "يقوده", "تقودها", "يقودها", "قياده", "بزعامه", "تدعمه",
                     "يدعمه", "تدعمها", "يدعمها", "دعم", "المدعوم", "المدعومه",
                     "مدعوم", "مدعومه", "مدعومين", "ترعاه", "يرعاه",
                     # who trained them and whom a base is opened to («مقاتلين سوريين
                     # دربتهم الولايات المتحدة», «السماح للولايات المتحدة باستخدام»)
                     "دربتهم", "دربهم", "دربتها", "دربها", "دربته", "دربه", "السماح",
                     "بالسماح"})


def led_by(text: str, place: Place) -> bool:
    """Whether ``place`` names who leads or backs something («تقوده الولايات المتحدة»)."""
    return any(r in LEADERS for r in stems(_last_word(text, place.span.start)))  # type: ignore[union-attr]


def across_border(text: str, place: Place, strikes: bool = False) -> bool:
    """Whether ``place`` is the country across a border from where the event is («في
    فوتوكول على الحدود مع نيجيريا», «المناطق الشرقية الحدودية مع باكستان»). After the
    noun («عند الحدود مع سوريا، حيث قصفت الطائرات التركية») a strike may land there."""
    if place.feature != "country" or place.span is None:
        return False
    words = [fold(w) for w in text[max(0, place.span.start - 30):place.span.start].split()]
    if len(words) < 2 or words[-1] != "مع":
        return False
    return words[-2] in BORDERING or (words[-2] in BORDER and not strikes)


BORDER = frozenset({"الحدود", "حدود", "حدودها", "حدوده", "المشتركه"})
BORDERING = frozenset({"الحدوديه", "الحدودي"})


PREPOSITIONS = frozenset({"في", "قرب", "علي", "من", "الي", "عند", "داخل", "نحو", "باتجاه",
                          "شمال", "جنوب", "شرق", "غرب", "بين", "مدينه", "بلده", "قريه"})


def _subject(text: str, place: Place, trigger: Span) -> bool:
    """A place right before the trigger (or before «قد» and the trigger) is its subject, a
    state or government acting («أن الولايات المتحدة نفذت أول غارة», «حكومة أنقرة
    استهدفت مواقعنا», «وكانت ألمانيا قد أرسلت»); so is a foreign country right after it
    («نشرت الولايات المتحدة مقاتلات»). Syria and Iraq, where the wars are, stay places."""
    start, end = place.span.start, place.span.end  # type: ignore[union-attr]
    if _dateline(text, place):
        return False
    if start >= trigger.end and not text[trigger.end:start].strip():
        return place.feature == "country" and (place.country or "") not in HOME
    between = fold(text[end:trigger.start]) if end <= trigger.start else "-"
    if between not in ("", "قد") or fold(text[trigger.start:trigger.end]).startswith(
            ("و", "ف")):
        return False  # («قرب عين العرب وقصفت»: a new clause)
    return _last_word(text, start) not in PREPOSITIONS  # («في حلب»: where, not who)


HOME = frozenset({"SY", "IQ"})


def subject_spans(text: str, places: Sequence[Place], triggers: Sequence[Span]) -> list[Span]:
    """The spans of the places that are the subject of one of ``triggers`` (a state acting
    in one clause is no place for the other events of its sentence either)."""
    return [p.span for p in places if p.span is not None  # type: ignore[misc]
            and any(_subject(text, p, t) for t in triggers)]


def _between(text: str, places: Sequence[Place]) -> set[int]:
    """Indexes of the places of «بين X و Y» (a route or a front line: «طريقين يستخدمهما
    التنظيم بين سوريا والعراق»): not where an event happened."""
    out: set[int] = set()
    for i, place in enumerate(places):
        if i + 1 >= len(places) or _last_word(text, place.span.start) != "بين":  # type: ignore[union-attr]
            continue
        gap = fold(text[place.span.end:places[i + 1].span.start]).split()  # type: ignore[union-attr]
        if gap in (["و"], []) or (len(gap) == 1 and gap[0].startswith("و")):
            out.update((i, i + 1))
    return out


def _dateline(text: str, place: Place) -> bool:
    """A place opening a line and followed by a dash or colon («أنقرة- رويترز:»), or
    right after a short outlet name and a dash («عين اليوم – أنقرة نشرت ...»)."""
    start, end = place.span.start, place.span.end  # type: ignore[union-attr]
    line = text.rfind("\n", 0, start) + 1
    before = text[line:start].strip()
    if before and before[-1] in "-–—" and len(before.split()) <= OUTLET_WORDS + 1:
        return True
    return not before and bool(re.match(r"\s*[-–—:]", text[end:end + 4]))


OUTLET_WORDS = 3


def places_for(text: str, places: Sequence[Place], lo: int, trigger: Span, hi: int,
               excluded: Sequence[Span], split: bool = True,
               across: bool = False) -> list[Place]:
    """The places of the clause: the first after the trigger and those coordinated with
    it («الرقة ودير الزور»), else the nearest one before it; one per gazetteer entry.
    Countries that lead or back someone («تقوده الولايات المتحدة») are no places, and a
    dateline («أنقرة- رويترز:») is one only when the clause names nothing else; nor is the
    country across a border (``across``: the clause tells a strike, see `across_border`).
    Before the trigger a place that only says where the one before it lies is none («في
    مدينة منبج شمال حلب ... صورا لقصف جوي»: Manbij), unless a clause of its own opens
    after them: the first place is then another event's, and the second the safer guess
    («هجوم ... في حي البياع جنوب غرب بغداد ...، فيما قتل اثنان في تفجير»)."""
    inside = [p for p in places if p.span is not None and outside(p.span, excluded)
              and in_range(p.span, lo, hi) and not led_by(text, p)
              and not _subject(text, p, trigger)
              and not across_border(text, p, across)]
    between = _between(text, inside)
    own = [p for i, p in enumerate(inside) if not _dateline(text, p) and i not in between]
    inside = own or [p for i, p in enumerate(inside) if i not in between][:1] or inside[:1]
    after = [p for p in inside if in_range(p.span, trigger.end, hi)]
    if not after:
        before = [p for i, p in enumerate(inside) if in_range(p.span, lo, trigger.start)
                  and not _locates_previous(text, inside, i, trigger)]
        specific = [p for p in before if (p.precision or 3) < 3]
        return (specific or before)[-1:]
    # A town or site in the country or province named first beats it («في سوريا ... بلدة
    # سرمدا»); a town elsewhere is another clause's.
    start = next((i for i, p in enumerate(after) if (p.precision or 3) < 3 and (
        i == 0 or broader(after[0], p))), 0)
    after = after[start:]
    out = [after[0]]
    keys = {after[0].gazetteer_id or after[0].name}
    for place in after[1:]:
        if not split:
            break
        key = place.gazetteer_id or place.name
        gap = Span(out[-1].span.end, place.span.start)  # type: ignore[union-attr]
        if _qualifier(text, gap, place) or not _coordinated(text, gap):
            break
        if key in keys or _district_of(place, out):
            continue
        keys.add(key)
        out.append(place)
    return out


def _locates_previous(text: str, places: Sequence[Place], i: int, trigger: Span) -> bool:
    """Whether place ``i`` only says where the one before it lies («منبج شمال حلب») and no
    clause of its own opens between it and the trigger."""
    if not i:
        return False
    prev, place = places[i - 1].span, places[i].span
    return _qualifier(text, Span(prev.end, place.start), places[i]) and (  # type: ignore[union-attr]
        not WHILE.search(text, place.end, trigger.start))  # type: ignore[union-attr]


def _qualifier(text: str, gap: Span, place: Place) -> bool:
    """Whether ``place`` only says where the place before it lies («في المقدادية، شمال
    بغداد»): a direction right after it, with no conjunction between."""
    return fold(text[gap.start:gap.end]) in ("", "،", ",") and fold(
        place.text or "").startswith(DIRECTIONS)


DIRECTIONS = ("شمال", "جنوب", "شرق", "غرب")
# «فيما», «بينما»: a clause with a subject of its own opens (`triggers.CONNECTORS`).
WHILE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(CONNECTORS)) + r")(?!\w)")


DISTRICT_KM = 8.0
"""A neighbourhood this close to a town already listed is part of it (GUIDELINES: districts
of one city reported together are one event): «درعا البلد وحي طريق السد»."""


def _district_of(place: Place, listed: Sequence[Place]) -> bool:
    if place.feature != "neighbourhood" or place.lat is None or place.lon is None:
        return False
    return any(p.lat is not None and p.lon is not None and p.feature != "neighbourhood"
               and distance_km(place.lat, place.lon, p.lat, p.lon) <= DISTRICT_KM
               for p in listed)


def date_for(dates: Sequence[DateValue], lo: int, trigger: Span, hi: int,
             excluded: Sequence[Span]) -> DateValue | None:
    """The time expression of the clause nearest the trigger."""
    inside = [d for d in dates if d.value is not None and in_range(d.span, lo, hi)
              and outside(d.span, excluded)  # type: ignore[arg-type]
              and not _lasting(d)]
    return nearest(inside, trigger.start)  # type: ignore[return-value]


# «منذ أكثر من عامين», «منذ بداية الشهر»: how long a state has lasted, not an event's day
# («منذ يومين», two days ago, is one)
SINCE = ("منذ", "ومنذ")


def _lasting(d: DateValue) -> bool:
    wide = d.start is not None and d.end is not None and (d.end - d.start).days > 7
    return wide and fold(d.text or "").startswith(SINCE)


def fatalities_for(quantities: Sequence[Quantity], lo: int, trigger: Span,
                   hi: int, text: str | None = None) -> Quantity | None:
    """The count of dead in the clause nearest the trigger, with the counts coordinated
    with it added when ``text`` is given («مقتل 25 جهاديا من النصرة وسبعة من المقاتلين»:
    32)."""
    dead = [q for q in quantities if q.what == "killed" and q.count is not None
            and in_range(q.span, lo, hi)]
    found = nearest(dead, trigger.start)
    if found is None or text is None:
        return found  # type: ignore[return-value]
    return with_one_coordinated(with_coordinated(found, quantities, text, hi),  # type: ignore[arg-type]
                                text, lo, hi)


# What joins a second toll to the first: «و18 مقاتلا», «بالإضافة إلى ستة مدنيين», and the
# other side's dead «مقابل 19 قتيلا في صفوف الفصائل».
_AND_ALSO = re.compile(r"(?:\sو|\s(?:بال|)[إا]ضافة\s+(?:[إا]لى\s+|ل)|\sفضلا?ً?\s+عن\s+"
                       r"|\s(?:في\s+)?مقابل\s+)$")
# A list of tolls by place, after a comma: «ثلاثة شهداء بقرية الموزرة، وخمسة شهداء بقرية
# أرنبة، إضافة لشهيدين»
_LISTED = re.compile(r"^[^.؛;:]*[،,]\s*(?:و|(?:بال|)[إا]ضافة\s+(?:[إا]لى\s+|ل))$")
COORDINATED_GAP = 80  # characters between one toll and the next at most


def with_coordinated(first: Quantity, quantities: Sequence[Quantity], text: str,
                     hi: int) -> Quantity:
    """``first`` plus the uncategorised counts joined to it by «و» or «بالإضافة إلى» (the
    dead of another side) and the dead or uncategorised counts listed after a comma («،
    وخمسة شهداء بقرية أرنبة», «قتل خمسة عناصر من النصرة ...، وستة مقاتلين من فصائل
    مؤيدة للفرقة»), quoting the whole stretch; counts of injured joined to them stay out."""
    total, end = first, first.span.end  # type: ignore[union-attr]
    for q in sorted(quantities, key=lambda q: q.span.start if q.span else -1):
        if q.span is None or q.span.start < end or q.span.end > hi:
            continue
        gap = text[end:q.span.start]
        if q.count is None or len(gap) > COORDINATED_GAP or any(
                normalize(w) in INCLUDED for w in gap.split()):
            break
        joined = not any(p in gap for p in CLAUSE_MARKS) and _AND_ALSO.search(gap)
        if q.what == "injured" and joined:
            end = q.span.end  # «ثلاثة شهداء وعشرة جرحى»
            continue
        if q.what not in (None, "killed") or _things(q) or not (
                joined or _LISTED.match(gap)):
            break
        total = _sum(total, q, text, first.span.start, q.span.end)  # type: ignore[union-attr]
        end = q.span.end
    return total


CLAUSE_MARKS = "،,.؛;:"


def _things(q: Quantity) -> bool:
    """A count of things, not people («اشتباكات ... وتفجيرين انتحاريين», «و3 دبابات»)."""
    return any(w in OBJECT_DUALS or w in OBJECTS for w in normalize(q.text or "").split())


def _sum(a: Quantity, b: Quantity, text: str, start: int, end: int) -> Quantity:
    """The dead of ``a`` and ``b`` together, quoting ``text[start:end]``."""
    assert a.count is not None and b.count is not None
    return Quantity(count=a.count + b.count, min=(a.min or a.count) + (b.min or b.count),
                    max=(a.max or a.count) + (b.max or b.count), text=text[start:end],
                    span=Span(start, end), what="killed")


# One person joined to a toll by «و»: «قياديا تونسيا في تنظيم داعش وخمسة متشددين» (6),
# «مقتل 3 جنود وضابط» (4). Up to four words may stand between the person and «و» before
# the toll, up to three between the toll and «و» after it; no punctuation, no second number
# and no «بينهم» («مقتل 10 بينهم قيادي» counts the leader among the ten).
INCLUDED = frozenset({"بينهم", "منهم", "بينهما", "بينها", "منها", "وبينهم", "ومنهم"})
_WORD = re.compile(r"\S+")


def with_one_coordinated(toll: Quantity, text: str, lo: int, hi: int) -> Quantity:
    """``toll`` plus one for a single person coordinated with it, quoting both."""
    if toll.span is None or toll.count is None or toll.what != "killed":
        return toll
    start, end = toll.span.start, toll.span.end
    base = max(lo, start - 60)
    head = text[base:start].rstrip()
    if head.endswith("و") and (len(head) == 1 or head[-2].isspace()):
        words = list(_WORD.finditer(head[:-1]))[-5:]
        for m in reversed(words):
            if not _plain(m.group()) or normalize(m.group()) in INCLUDED:
                break
            if _one_word(m.group()):
                return _plus_one(toll, text, base + m.start(), end)
    for m in list(_WORD.finditer(text, end, min(hi, end + 50)))[:4]:
        if not _plain(m.group()) or normalize(m.group()) in INCLUDED:
            break
        if m.group().startswith("و") and _one_word(m.group()[1:]):
            return _plus_one(toll, text, start, m.end())
    return toll


ONE_DEAD = Quantity(count=1, min=1, max=1, what="killed")


def _plus_one(toll: Quantity, text: str, start: int, end: int) -> Quantity:
    return _sum(toll, ONE_DEAD, text, start, end)


def _plain(word: str) -> bool:
    """A word with no digit and no clause punctuation."""
    return not any(c.isdigit() or c in CLAUSE_MARKS for c in word)


def _one_word(word: str) -> bool:
    key = normalize(word.strip(PUNCT))
    return key in ONE_PERSON or key in COMMANDERS


# An Iraqi unit's commander («مقتل آمر الفوج وجنديين»): one person beside a toll (not in
# ONE_PERSON, since «أمر» folds to the same letters as «order»).
COMMANDERS = frozenset({"امر", "الامر"})


def weapons_for(mentions: Sequence[Mention], lo: int, hi: int,
                text: str | None = None) -> tuple[Weapon, ...]:
    """The weapons the clause names."""
    out = []
    seen = set()
    for m in mentions:
        if not in_range(m.span, lo, hi):
            continue
        if m.kind == "WEAPON":
            key = m.attrs.get("weapon_id") or m.norm
            weapon = Weapon(name=m.norm, category=m.attrs.get("category"), text=m.text,
                            span=m.span)
        elif m.attrs.get("inter") is not None and (platform := _aircraft(m.text)):
            # «طيران التحالف الدولي», «مروحيات النظام»: an actor named by its aircraft
            # names the weapon too
            key, weapon = platform[0], Weapon(name=platform[0], category=platform[1],
                                              text=m.text, span=m.span)
        elif m.attrs.get("inter") is not None and text is not None and (
                found := _aircraft_before(text, m.span, lo)):
            # «طائرات التحالف»: the aircraft word stands before a short name of the actor
            platform, start = found
            key, weapon = platform[0], Weapon(name=platform[0], category=platform[1],
                                              text=text[start:m.span.end],
                                              span=Span(start, m.span.end))
        else:
            continue
        if key in seen:
            continue
        seen.add(key)
        out.append(weapon)
    if text is None:
        return tuple(out)
    return tuple(w for w in out if not any(_model_of(text, w, m) for m in out))


# «أسلحة وذخائر», «شحنة أسلحة»: arms in general, a weapon only of what is seized or
# supplied (GUIDELINES.md §3), so read here for those events and not a lexicon entry
# (which would make a weapon mention of every «الأسلحة» the other stages read).
ARMS_IN_GENERAL = "weapons and ammunition (unspecified)"
ARMS_WORDS = ("أسلحة وذخائر", "الأسلحة والذخائر", "أسلحة وذخيرة", "الأسلحة والذخيرة",
              "أسلحة وعتاد", "الأسلحة والعتاد", "ذخائر", "الذخائر", "ذخيرة", "الذخيرة",
              "أسلحة", "الأسلحة", "عتاد", "العتاد")
_ARMS = re.compile(r"(?<!\S)(?:و|ب|ل|وب|ول)?(?:" + "|".join(
    re.escape(w) for w in sorted({normalize(w) for w in ARMS_WORDS}, key=len, reverse=True))
    + r")(?![^\s،,.])")


def arms_in_general(text: str, lo: int, hi: int, named: Sequence[Weapon]) -> Weapon | None:
    """The first mention of arms in general in ``[lo, hi)`` outside the weapons named."""
    view = view_of(text)
    vlo, vhi = view.view_span(Span(lo, hi))
    for m in _ARMS.finditer(view.text, vlo, vhi):
        span = view.span(m.start(), m.end())
        if not any(w.span is not None and w.span.overlaps(span) for w in named):
            return Weapon(name=ARMS_IN_GENERAL, category="ammunition",
                          text=text[span.start:span.end], span=span)
    return None


def _model_of(text: str, generic: Weapon, model: Weapon) -> bool:
    """Whether ``model`` names the model of the kind ``generic`` names just before it, in
    its category: «صواريخ مضادة للدروع من طراز "تاو"», «دبابات من نوع T-72» are one
    weapon, the TOW, the T-72."""
    if not (generic.name or "").endswith("(unspecified)") or (
            model.name or "").endswith("(unspecified)") or generic.category != model.category:
        return False
    if generic.span is None or model.span is None or model.span.start < generic.span.end:
        return False
    gap = normalize(text[generic.span.end:model.span.start]).strip(" \"'«»“”")
    return gap in MODEL_MARKERS


MODEL_MARKERS = frozenset({"", "من طراز", "طراز", "من نوع", "نوع"})


# The first word of an actor's name that makes it an aircraft -> (weapon name, category);
# the names are the weapons lexicon's generic entries.
AIRCRAFT_WORDS = {"طيران": ("warplane (unspecified)", "aircraft"),
                  "طائرات": ("warplane (unspecified)", "aircraft"),
                  "مقاتلات": ("warplane (unspecified)", "aircraft"),
                  "مروحيات": ("helicopter (unspecified)", "helicopter")}


def _aircraft(text: str) -> tuple[str, str] | None:
    words = text.split()
    if not words:
        return None
    first = _bare(words[0])
    if first == "طيران" and len(words) > 1 and _bare(words[1]) in ("مروحي", "مروحيه"):
        return AIRCRAFT_WORDS["مروحيات"]
    return AIRCRAFT_WORDS.get(first)


def _aircraft_before(text: str, span: Span, lo: int) -> tuple[tuple[str, str], int] | None:
    """The aircraft word right before ``span`` («طائرات» in «طائرات التحالف») and where it
    starts."""
    base = max(lo, span.start - 20)
    m = re.search(r"(\S+)\s+$", text[base:span.start])
    platform = _aircraft(m.group(1)) if m else None
    return (platform, base + m.start(1)) if platform and m else None


# Words for aircraft and guns that a nationality adjective can qualify («مقاتلات تركية»,
# «طائرات حربية روسية», «المدفعية التركية»), folded, without ال.
PLATFORMS = frozenset({"مقاتلات", "مقاتله", "طائرات", "طائره", "طيران", "مروحيات",
                       "مروحيه", "قاذفات", "مدفعيه", "بوارج", "سفن",
                       # the strike itself («ضربة جوية أمريكية», «غارات تركية»)
                       "غاره", "غارات", "ضربه", "ضربات", "قصف"})
QUALIFIERS = frozenset({"حربيه", "حربي", "مقاتله", "بدون", "طيار", "مسيره", "جويه", "جوي",
                        "مروحي"})


def _bare(word: str) -> str:
    key = normalize(word.strip(PUNCT))
    for clitic in ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب"):
        if key.startswith(clitic) and len(key) - len(clitic) >= 3:
            return key[len(clitic):]
    return key


def nationality_actor(text: str, lo: int, hi: int,
                      nationality: Sequence[tuple[str, str, int]]) -> Actor | None:
    """actor1 from aircraft or guns with a nationality adjective in ``text[lo:hi]``
    («مقاتلات تركية», «طائرات حربية روسية»): that state's forces, quoting the phrase."""
    adjectives = {a: (name, inter) for a, name, inter in nationality}
    words = [(m.start(), m.end(), _bare(m.group())) for m in re.finditer(r"\S+", text[lo:hi])]
    for i, (_s, e, key) in enumerate(words):
        if key not in adjectives:
            continue
        j = i - 1
        while j >= 0 and i - j <= 3 and words[j][2] in QUALIFIERS:
            j -= 1
        if j >= 0 and words[j][2] in PLATFORMS:
            name, inter = adjectives[key]
            word = text[lo + words[i][0]:lo + e]
            span = Span(lo + words[j][0], lo + words[i][0] + len(word.rstrip(PUNCT)))
            return Actor("actor1", name, text[span.start:span.end], inter, span)
    return None


# Helicopters and barrel bombs over Syria are the government's (only its air force flew
# them), and so are warplanes a report names without an owner («الطيران الحربي»: the
# coalition's, Turkey's and Russia's are named as such); ACLED codes them so.
REGIME_AIRCRAFT = frozenset({"مروحي", "مروحيه", "مروحيات", "براميل", "برميل", "حربي",
                             "حربيه"})


def regime_aircraft(text: str, lo: int, hi: int) -> Actor | None:
    """actor1 «Military Forces of Syria» from a helicopter, barrel bomb or warplane in
    ``text[lo:hi]`` (call it for strikes in Syria with no other state actor), quoting the
    word."""
    words = list(re.finditer(r"\S+", text[lo:hi]))
    for i, m in enumerate(words):
        if _bare(m.group()) in REGIME_AIRCRAFT:
            # «الطيران الحربي», «الطيران المروحي»: the aircraft with its kind
            first = words[i - 1] if i and _bare(words[i - 1].group()) in PLATFORMS else m
            end = lo + m.start() + len(m.group().rstrip(PUNCT))
            span = Span(lo + first.start(), end)
            return Actor("actor1", "Military Forces of Syria", text[span.start:span.end], 1,
                         span)
    return None


# The nationality adjective (a key of the lexicon's [nationality]) of a country whose
# name can stand for its forces («أن الولايات المتحدة نفذت أول غارة»).
COUNTRY_ADJECTIVES = {"US": "امريكيه", "TR": "تركيه", "RU": "روسيه", "JO": "اردنيه",
                      "IL": "اسرائيليه"}


def state_actor(text: str, places: Sequence[Place], trigger: Span,
                nationality: Sequence[tuple[str, str, int]]) -> Actor | None:
    """actor1 from a foreign country named as the subject right before the trigger
    («أن الولايات المتحدة نفذت», «أنقرة استهدفت»): that state's forces."""
    adjectives = {a: (name, inter) for a, name, inter in nationality}
    for place in places:
        key = COUNTRY_ADJECTIVES.get(place.country or "")
        if key in adjectives and place.span is not None and (
                place.feature == "country" or place.name in CAPITALS) and (
                _subject(text, place, trigger)):
            name, inter = adjectives[key]
            return Actor("actor1", name, place.text, inter, place.span)
    return None


# Capitals that stand for their state («أطلقت أنقرة عملية عسكرية»); another town is only
# where («بإقليمي فان واغري قتل المتمردون جنديين»).
CAPITALS = frozenset({"Ankara", "Washington", "Washington, D.C.", "Tehran", "Moscow", "Paris",
                      "London", "Riyadh", "Amman", "Beirut", "Cairo", "Berlin", "Tel Aviv",
                      "Jerusalem", "Doha", "Abu Dhabi", "Kuwait City", "Manama", "Muscat",
                      "Sanaa", "Beijing"})


def announcer(article: Article, claim: Claim, trigger: Span) -> Actor | None:
    """The armed body that announces the trigger as its own deed, the verbal noun first
    in what it announces («وأعلنت قيادة عمليات بغداد في وقت سابق تحرير معظم مناطق
    الكرمة», «أعلنت فصائل جيش الفتح، في وقت سابق من يوم الجمعة، عن سيطرتها»): actor1 when the clause
    names none; so is any armed speaker telling its deed with «أنه», «أنها», «أنهم» («وأعلن
    مقاتلو المعارضة أمس، أنهم نفذوا هجوماً»). Not an announced arrival or supply, which the
    announcer receives."""
    if claim.cue is None or claim.source.span is None or not (
            claim.content.start <= trigger.start < claim.content.end):
        return None
    src = claim.source.span
    armed = [m for m in article.mentions if m.attrs.get("inter") not in (None, *UNARMED_INTER)
             and src.start <= m.span.start < src.end]
    # («وأمس اعلنت الشرطة التركية عن اعتقال ثلاثة اشخاص»: a state's generic forces)
    armed += generic_forces(article, src.start, src.end, armed)
    if not armed:
        return None
    m = min(armed, key=lambda m: m.span.start)
    # (only a time, a statement or «عن» between them: «في بيان منفصل ، عن مقتل»)
    lead = [w for w in normalize(article.text[max(src.end, m.span.end):trigger.start]).split()
            if w.strip(PUNCT)]
    openers = [i for i, w in enumerate(lead) if w in CLAUSE_OPENERS]
    after = lead[openers[0] + 1:openers[0] + 2] if len(openers) == 1 else []
    own = bool(after) and after[0] in OWN_FIGHTERS
    if len(openers) == 1 and (lead[openers[0]] in SELF or own):
        # «وأعلن مقاتلو المعارضة أمس، أنهم نفذوا هجوماً», «قال ... إنه سيطر على», «وقال جيش
        # الفتح ... إن مقاتليه فجّروا»: the speaker tells its own deed, whatever the verb
        lead = lead[openers[0] + 1 + own:]
        # («أنهم نفذوا هجوماً مباغتاً ليل الاثنين - الثلاثاء، أسفر عن السيطرة على»: what
        # the deed led to is theirs too)
        results = [i for i, w in enumerate(lead) if w in RESULTS]
        lead = lead[results[-1] + 1:] if results else lead
    elif openers or not normalize(claim.cue.text).removeprefix("و").startswith(ANNOUNCING):
        return None
    if len(lead) > LEAD_WORDS or "." in lead:
        return None
    return Actor("actor1", m.norm, m.text, int(m.attrs["inter"]), m.span)


ANNOUNCING = ("اعلن", "تبن")
RESULTS = frozenset({"اسفر", "اسفرت", "ادي", "ادت"})
LEAD_WORDS = 8
CLAUSE_OPENERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها", "لان"})
# The clause openers by which a speaker speaks of itself («أنه», «أنها», «أنهم»).
SELF = frozenset({"انه", "انها", "انهم", "بانه", "بانها"})
# The speaker's own fighters («إن مقاتليه فجّروا»).
OWN_FIGHTERS = frozenset({"مقاتليه", "مقاتلوه", "مقاتليها", "مقاتلوها", "عناصره", "عناصرها",
                          "قواته", "قواتها"})
UNARMED_INTER = frozenset({5, 6, 7})


def actor_mentions(article: Article, lo: int, hi: int,
                   excluded: Sequence[Span]) -> list[Mention]:
    """Mentions with an ACLED class inside ``[lo, hi)``, outside source phrases, and the
    definite heads that refer back to one of them («جبهة النصرة ... وشنت الجبهة هجوما»)."""
    out = [m for m in article.mentions
           if m.attrs.get("inter") is not None and in_range(m.span, lo, hi)
           and outside(m.span, excluded)]
    return sorted(out + _anaphors(article, lo, hi, excluded, out), key=lambda m: m.span.start)


# Heads of group names that the text repeats alone with the article: «جبهة النصرة» ->
# «الجبهة», «حركة حزم» -> «الحركة», «وحدات حماية الشعب» -> «الوحدات», «الفرقة 30» ->
# «الفرقة». (Not «الجيش», «القوات»: they name any army.)
ANAPHOR_HEADS = frozenset({"جبهه", "حركه", "وحدات", "فرقه", "لواء", "جماعه", "كتائب"})


def _anaphors(article: Article, lo: int, hi: int, excluded: Sequence[Span],
              found: Sequence[Mention]) -> list[Mention]:
    heads = {}
    for m in article.mentions:
        if m.attrs.get("inter") is None or m.span.end > hi:
            continue
        words = m.text.split()
        head = stems(fold(words[0]))[-1] if words else ""
        if head in ANAPHOR_HEADS and len(words) > 1:
            heads[head] = m  # the latest antecedent wins
    taken = [*excluded, *(m.span for m in found)]
    out = []
    for w in re.finditer(r"\S+", article.text[lo:hi]):
        if "ال" not in w.group()[:4] and "لل" not in w.group()[:3]:
            continue  # only a definite word can repeat a name
        if _named_further(article.text, lo + w.end()):
            continue  # «الفرقة الأولى الساحلية»: another unit's own name, not «الفرقة» again
        key = fold(w.group())
        span = Span(lo + w.start(), lo + w.start() + len(w.group().rstrip(PUNCT)))
        if key.strip(PUNCT) in LATTER:
            antecedent = _latest_actor(article, span.start)
        else:
            rest = next((r[2:] for r in stems(key) if r.startswith("ال")), None) if heads \
                else None
            antecedent = heads.get(rest) if rest else None
        if antecedent is None or antecedent.span.end > span.start or not outside(span, taken):
            continue
        out.append(Mention(antecedent.kind, article.text[span.start:span.end], span,
                           antecedent.norm, antecedent.source, dict(antecedent.attrs)))
    return out


ORDINALS = frozenset({"الاول", "الاولي", "الثاني", "الثانيه", "الثالث", "الثالثه", "الرابع",
                      "الرابعه", "الخامس", "الخامسه", "السادس", "السابع", "الثامن", "التاسع",
                      "العاشر", "العاشره"})


def _named_further(text: str, end: int) -> bool:
    """The word after ``end`` goes on with a name: an ordinal or a nisba adjective
    («الفرقة الأولى», «الجبهة الشامية»)."""
    nxt = re.match(r"\s*(\S+)", text[end:end + 40])
    if nxt is None or text[end:end + 1] not in (" ", "\u00a0"):
        return False
    word = fold(nxt.group(1)).strip(PUNCT)
    return word in ORDINALS or (word.startswith("ال") and word.endswith(("يه", "ي"))
                                and len(word) > 4)


# «بينما رد الأخير بقصف»: the latter is the actor named last before it.
LATTER = frozenset({"الاخير", "والاخير", "الاخيره", "والاخيره", "فالاخير"})
LATTER_REACH = 250


def _latest_actor(article: Article, start: int) -> Mention | None:
    """The mention of an actor that ends last before ``start``, within reach."""
    before = [m for m in article.mentions if m.attrs.get("inter") is not None
              and start - LATTER_REACH <= m.span.start and m.span.end <= start]
    return max(before, key=lambda m: m.span.end) if before else None


def _unarticled(word: str) -> str | None:
    """A definite word without its article («المصادر» -> «مصادر»), else None."""
    for article in ("وال", "فال", "ال"):
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article):]
    return None


# A preposition with a pronoun («صرح به», «أفاد له») names no one.
PRONOUNS = frozenset({"به", "له", "لها", "بها", "عنه", "عنها", "منه", "منها", "لهم", "بهم",
                      "لنا", "لي"})


def event_sources(claims: Sequence[Claim], claim: Claim) -> list[Source]:
    """The event's sources from the claim that holds its trigger (two when its source
    phrase joins two: «مصادر محلية وشهود عيان»): none for the outlet's own assertion; for a
    hedge with no one named («طائرات يعتقد أنها تابعة للتحالف») the
    source of the claim around it («وأفادت مصادر صحفية أن ...»), if any."""
    if claim.cue is None:
        return []
    if not claim.source.text or claim.source.span is None or (
            fold(claim.source.text) in PRONOUNS):
        c = claim.content
        outer = [o for o in claims if o.source.text and o.source.span is not None
                 and o.content.start <= c.start and c.end <= o.content.end and o is not claim]
        if not outer:
            return []
        claim = min(outer, key=lambda o: len(o.content))
    # («ونقل المرصد عن سكان ...», «وقال المرصد نقلا عن مصادر محلية»: the teller named
    # before the one it quotes is a source too; not the outlet told after: «قال لفرانس برس»)
    first = claim.source.span.start if claim.source.span is not None else -1
    relays = [r for r in claim.source.chain if r.text and r.span is not None
              and r.span.end <= first]
    return [*relays, *split_coordinated(claim.source, packaged_lexicon())]


# Sources that speak for a body or a group of witnesses (not a word the claims stage took
# for a person's name, «اتهمته بالتعامل»).
NAMED_BODIES = frozenset({"official", "anonymous", "observers", "media", "social_media"})


def sentence_claim(claims: Sequence[Claim], sentence: Span, trigger: Span) -> Claim | None:
    """For a trigger outside every claim's content, a claim of its own sentence with a named
    source: the sentence is told on that source's word whichever side the verb stands
    («أحبطت فصائل المعارضة محاولة تقدم ...، كما أفاد ناشطون», «طبقا لما أعلنته قيادة
    عمليات دجلة فإن ...»); the nearest such cue wins."""
    inside = [c for c in claims if c.cue is not None and c.source.span is not None
              and c.source.kind in NAMED_BODIES and c.source.text
              and sentence.start <= c.cue.span.start < sentence.end]
    if not inside:
        return None
    return min(inside, key=lambda c: abs(c.cue.span.start - trigger.start))


def resolve_sources(claims: Sequence[Claim], sources: Sequence[Source],
                    evidence: Sequence[Span]) -> list[Source]:
    """A source named only by a definite head («وقالت المصادر», «الوزارة») or a person by
    surname («وأضاف سلال») is quoted at its full mention («مصادر أمنية عراقية», «منذر
    سلال») when the event's evidence holds that mention (GUIDELINES §3: the mention inside
    the evidence), and then counts once."""
    out: list[Source] = []
    for source in sources:
        full = _antecedent(claims, source) or _full_name(claims, source)
        if full is not None and any(e.start <= full.span.start and full.span.end <= e.end
                                    for e in evidence):  # type: ignore[union-attr]
            source = full
        if not any(s.span == source.span for s in out):
            out.append(source)
    return out


def _full_name(claims: Sequence[Claim], source: Source) -> Source | None:
    """The first fuller mention of a person («العقيد وليد الدليمي», «منذر سلال») when
    ``source`` names them by one word («وأضاف الدليمي», «وأشار سلال»)."""
    if source.kind != "person" or not source.text or source.span is None or (
            len(source.text.split()) > 1):
        return None
    named = (s for c in claims for s in (c.source, *c.source.chain))
    return next((s for s in named if s.kind == "person" and s.name == source.name and s.text
                 and source.text in s.text.split() and s.text != source.text
                 and s.span is not None and s.span.end <= source.span.start), None)


def _antecedent(claims: Sequence[Claim], source: Source) -> Source | None:
    """The last full source mention before ``source`` with its head («مصدر أمني» for
    «المصدر»), when ``source`` is only a definite head (and adjective)."""
    if not source.text or source.span is None:
        return None
    words = normalize(source.text).split()
    heads = [_unarticled(w) for w in words]
    if len(words) > 2 or None in heads:
        return None
    best: Source | None = None
    for claim in claims:
        other = claim.source
        if other.span is None or not other.text or other.span.end > source.span.start:
            continue
        full = normalize(other.text).split()
        if len(full) > len(words) and full[0] in (heads[0], words[0]) and (
                best is None or other.span.start > best.span.start):  # type: ignore[union-attr]
            best = other
    return best
