"""Background events: history the article recalls, not news it reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from marsad.events.lexicon import EventLexicon
from marsad.events.triggers import stems
from marsad.lexicons.matcher import Token
from marsad.model import DateValue
from marsad.text.numerals import digits_value


def has_cue(cues: Sequence[tuple[str, ...]], tokens: Sequence[Token]) -> bool:
    """Whether one of the (multi-word, folded) ``cues`` occurs among ``tokens``."""
    by_first = _by_first(tuple(cues))
    readings = [stems(t.key) for t in tokens]
    for i, here in enumerate(readings):
        for reading in here:
            for cue in by_first.get(reading, ()):
                if i + len(cue) <= len(readings) and all(
                        part in readings[i + k] for k, part in enumerate(cue[1:], start=1)):
                    return True
    return False


@lru_cache(maxsize=64)
def _by_first(cues: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """The cues by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        if cue:
            out.setdefault(cue[0], []).append(cue)
    return out


def has_background_cue(lexicon: EventLexicon, tokens: Sequence[Token], trigger: int,
                       date: DateValue | None = None,
                       published: dt.date | None = None) -> bool:
    """Whether a background cue («يذكر أن», «سبق أن», «منذ», «بعد شهرين على»:
    ``weeks_after``) comes within the window before token ``trigger``; «في وقت سابق» only
    with a pluperfect in it; «منذ» alone
    does not make background of an event whose own date is in the week before
    publication: it is still going on («اشتباكات عنيفة منذ صباح أمس», «بدأت منذ الليلة
    قبل الماضية في قصف مواقعنا» are news)."""
    if has_cue(OPENERS, tokens[:3]):
        return True  # «يذكر أن ...», «يشار إلى أن ...» open a whole sentence of background
    if weeks_after(tokens, trigger):
        return True
    if tokens and published is not None and (
            year := digits_value(tokens[0].key)) is not None and 1900 <= year < published.year:
        return True  # a chronicle's entry («2008- تسعة قتلى اشتباكات», «في مثل هذا اليوم»)
    lo = max(0, trigger - lexicon.historical_window)
    if lo == 0 and _dateline(tokens):
        lo = 1
    window = tokens[lo:trigger]
    into = trigger - 1 if trigger and tokens[trigger - 1].key not in INCIDENT_HEADS else (
        trigger - 2)
    if into >= 0 and tokens[into].key == "في" and any(t.key in INQUIRIES for t in window):
        return True  # «التحقيقات التي تجريها السلطات القضائية العراقية في (عملية) التفجير»
    if not has_cue(lexicon.historical_cues, window):
        return False
    others = tuple(c for c in lexicon.historical_cues if c not in (SINCE, EARLIER))
    if has_cue(others, window):
        return True
    if has_cue((EARLIER,), window) and any(
            r in PLUPERFECT for t in window for r in stems(t.key)):
        return True  # «كانوا قتلوا في وقت سابق باشتباكات»
    return has_cue((SINCE,), window) and not _recent(date, published, ONGOING_DAYS)


# What is under investigation happened before, even with a relative clause between the
# inquiry and «في» (the lexicon's «التحقيق في» needs them side by side).
INQUIRIES = frozenset({"التحقيقات", "التحقيق", "تحقيقات", "تحقيق", "تحقيقا", "والتحقيقات",
                       "والتحقيق"})
INCIDENT_HEADS = frozenset({"عمليه", "جريمه", "حادث", "حادثه"})


def weeks_after(tokens: Sequence[Token], trigger: int) -> bool:
    """«بعد نحو شهرين على إرسال تعزيزات», «بعد حوالى شهر من هجوم مماثل», «بعد أقل من
    أسبوع على تفجير»: an event the news is timed by, weeks, months or years after it, is
    background (as «بعد مجزرة ... الجمعة الماضية» is in the gold set)."""
    i = trigger - 1
    if i < 2 or tokens[i].key not in ("من", "علي"):
        return False
    i -= 1
    if tokens[i].key not in DURATIONS:
        return False
    i -= 1
    if i >= 0 and (digits_value(tokens[i].key) is not None or tokens[i].key in COUNT_WORDS):
        i -= 1  # «بعد 3 أسابيع من», «بعد أربع سنوات من»
    while i >= 0 and tokens[i].key in ABOUT:
        i -= 1  # «بعد نحو», «بعد أكثر من»
    return i >= 0 and tokens[i].key in ("بعد", "وبعد", "فبعد")


DURATIONS = frozenset({"اسبوع", "اسبوعين", "اسابيع", "شهر", "شهرين", "اشهر", "شهور", "عام",
                       "عامين", "اعوام", "سنه", "سنتين", "سنوات"})
COUNT_WORDS = frozenset({"ثلاثه", "ثلاث", "اربعه", "اربع", "خمسه", "خمس", "سته", "ست",
                         "سبعه", "سبع", "ثمانيه", "ثماني", "تسعه", "تسع", "عشره", "عشر",
                         "بضعه", "بضع", "عده"})
ABOUT = frozenset({"نحو", "حوالي", "قرابه", "زهاء", "اكثر", "اقل", "من"})


def _dateline(tokens: Sequence[Token]) -> bool:
    """Whether the sentence opens with the outlet Sabq's dateline («سبق- وكالات: قصفت
    طائرات ...»), not the verb «سبق» (it happened before) that a cue names."""
    return len(tokens) > 1 and tokens[0].key == "سبق" and tokens[1].key not in ("ان", "وان")


SINCE = ("منذ",)
# «في وقت سابق» is earlier the same day («وأعلنت فصائل جيش الفتح، في وقت سابق من يوم
# الجمعة، عن سيطرتها») unless a pluperfect goes with it.
EARLIER = ("في", "وقت", "سابق")
# Sentence openers that make all of it background, however far its triggers stand.
OPENERS = (("يذكر", "ان"), ("يشار", "الي", "ان"), ("جدير", "بالذكر"), ("الجدير", "بالذكر"))
ONGOING_DAYS = 7


def _recent(date: DateValue | None, published: dt.date | None, days: int = 1) -> bool:
    """An own date that ends ``days`` before publication (yesterday) or later."""
    if date is None or date.inherited or published is None:
        return False
    end = date.end or date.value
    return end is not None and (published - end).days <= days


def is_unreported(lexicon: EventLexicon, tokens: Sequence[Token], trigger: int) -> bool:
    """Whether the sentence presents the trigger as not a reported occurrence: a
    conditional or question before it («إذا», «لو»), or statistics and ongoing campaigns
    anywhere in the sentence («العدد الإجمالي», «خلال هذه الفترة», «حتى الآن»), or a
    tally over a past stretch («عشرات الغارات ... خلال الأيام القليلة الماضية»), or a
    campaign told in the present right after it («الغارات التي ينفذها الائتلاف»).
    A "sentence" cue counts within ``SENTENCE_REACH`` tokens: a report run on without a
    full stop («... قصف عنيف جداً ... وكشفت وثائق ... منذ بداية العام») is many sentences."""
    near = tokens[max(0, trigger - SENTENCE_REACH):_reported_after(tokens, trigger)]
    return has_cue(lexicon.unreported_before, tokens[:trigger]) or has_cue(
        lexicon.unreported_sentence, near) or _tallied(lexicon, tokens, trigger) or (
        _follows(lexicon.unreported_habit, tokens, trigger)) or has_cue(
        IF_AFTER, tokens[trigger + 1:trigger + 6])


def _reported_after(tokens: Sequence[Token], trigger: int) -> int:
    """Where the sentence cues after the trigger end: ``SENTENCE_REACH`` tokens on, or
    earlier at a clause that «أن» opens («... خلال وقفة احتجاجية ...، كشف ناشط أن التنظيم
    قتل ... وحتى الآن 2070 شخصا»: the running total is the statement's; «استأنف طيران
    الأسد قصفه ... من دون أن تحقق أي نجاح حتى الآن»: so far is the lack of success)."""
    end = min(len(tokens), trigger + SENTENCE_REACH)
    for i in range(trigger + 2, end):
        if tokens[i].key in REPORTED:
            return i
    return end


# A condition right after the trigger («اقتحام القضاء في حال فشلها», «حكم الإعدام فيما
# إذا لم يستطع»)
IF_AFTER = (("في", "حال"), ("فيما", "اذا"))
SENTENCE_REACH = 40


def _follows(cues: Sequence[tuple[str, ...]], tokens: Sequence[Token], trigger: int) -> bool:
    """Whether one of the (folded, multi-word) ``cues`` follows token ``trigger`` at once
    or after one word (an adjective: «الغارات الجوية التي ينفذها»)."""
    keys = [t.key for t in tokens[trigger + 1:trigger + 2 + max(map(len, cues), default=0)]]
    return any(tuple(keys[i:i + len(c)]) == c for c in cues for i in (0, 1))


def _tallied(lexicon: EventLexicon, tokens: Sequence[Token], trigger: int) -> bool:
    """A count in tens, hundreds or thousands just before the trigger or among the eight tokens
    after it («شن التحالف عشرات الغارات»), in a sentence that names a past stretch of
    days, weeks or months; or a count in figures no single attack reaches («ألقت 14297
    برميلًا متفجرًا», «26350 غارة»), named with no stretch at all."""
    near = tokens[max(0, trigger - 2):trigger + 9]
    if any((v := digits_value(t.key)) is not None and v >= STATISTIC for t in near):
        return True
    return any(r in lexicon.unreported_tally for t in near for r in stems(t.key)) and (
        has_cue(lexicon.unreported_period, tokens))


STATISTIC = 5000


def is_old(lexicon: EventLexicon, date: DateValue | None, published: dt.date | None) -> bool:
    """Whether ``date`` ends more than ``max_age_days`` before publication, or is a month
    or more that ended before the month of publication («الشهر الماضي» in an article of
    the 9th: all 30 such events of the tuning gold are background)."""
    if date is None or published is None:
        return False
    end = date.end or date.value
    if end is None:
        return False
    wide = date.start is not None and (end - date.start).days >= MONTH_DAYS
    return (published - end).days > lexicon.max_age_days or (
        wide and end < published.replace(day=1))


MONTH_DAYS = 27


PLUPERFECT = frozenset({"كان", "كانت", "كانوا"})


def is_earlier_episode(tokens: Sequence[Token], trigger: int, date: DateValue | None,
                       published: dt.date | None) -> bool:
    """«وكانت المدينة قد تعرضت الأسبوع الماضي لقصف»: a pluperfect («كان ... قد») before
    the trigger and an own date ending before yesterday, or no day of its own at all,
    recall an earlier episode (the previous evening, «أمس», still continues the news:
    GUIDELINES.md §3); so does a sentence opening with «وكان» without «قد»
    (``_opens_pluperfect``)."""
    if published is None:
        return False
    own = date is not None and not date.inherited
    end = (date.end or date.value) if own else None  # type: ignore[union-attr]
    if _opens_pluperfect(tokens, trigger) and (
            not own or (end is not None and (published - end).days >= OPENER_DAYS)):
        return True
    if own and end is not None and (published - end).days >= STARTED_DAYS and (
            _opens_with_kana(tokens)):
        # (further off, a week or more back: «وكان 54 عنصرا من «الفرقة 30» من الذين تلقوا
        # تدريبات ...، اجتازوا قبل أكثر من أسبوعين الحدود»)
        return True
    if own and (end is None or (published - end).days <= 1):
        return False
    if own and end is not None and (published - end).days >= STARTED_DAYS and any(
            t.key in STARTED for t in tokens[max(0, trigger - START_REACH):trigger]):
        # «وبدأت قوات النظام وحزب الله في الرابع من تموز/يوليو هجوما على مدينة الزبداني»
        # (in an article of the 21st): when a campaign began, its background
        return True
    readings = [stems(t.key) for t in tokens[:trigger]]
    # («وكانت تظاهرة مماثلة ... قد أسفرت»: the trigger is the subject, «قد» follows it)
    later = [stems(t.key) for t in tokens[trigger + 1:trigger + 10]]
    last = max((i for i, rs in enumerate(readings) if PLUPERFECT & set(rs)), default=None)
    if last is None or not any("قد" in rs for rs in readings + later):
        return False
    # with no day of its own, the pluperfect must govern the trigger's own clause, not a
    # statement that reports it («وكان المتحدث قد صرح بأنه أثناء ... فجر انتحاري»)
    return own or not any(t.key in REPORTED for t in tokens[last:trigger])


# Verbs of beginning: a campaign begun a week or more before the news is its background.
STARTED = frozenset({"بدات", "وبدات", "بدا", "وبدا", "بداوا", "وبداوا", "انطلقت", "وانطلقت",
                     "اطلقت", "واطلقت", "اطلق", "واطلق"})
STARTED_DAYS = 7
START_REACH = 16
# Words that open reported content («صرح بأنه», «ذكرت أن»).
REPORTED = frozenset({"ان", "بان", "انه", "بانه", "انها", "بانها", "انهم", "بانهم", "وان"})


OPENER_DAYS = 3


def _opens_pluperfect(tokens: Sequence[Token], trigger: int) -> bool:
    """«وكان التنظيم سيطر على كامل بلدة مهين», «وكانت جبهة النصرة خطفت ... مساء الأربعاء»:
    a sentence that opens with «كان» and has its trigger among the next five words recalls
    an earlier episode, when it has no day of its own or one at least ``OPENER_DAYS``
    before publication («وكانت قوة أمنية عثرت ليل أمس» is still news)."""
    return 1 <= trigger <= 5 and _opens_with_kana(tokens)


def _opens_with_kana(tokens: Sequence[Token]) -> bool:
    """Whether the sentence opens with «كان» («وكان», «وكانت»)."""
    return bool(tokens) and any(r in PLUPERFECT for r in stems(tokens[0].key))


RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان",
                       "اللواتي", "اللاتي"})


def in_relative_clause(tokens: Sequence[Token], trigger: int, date: DateValue | None,
                       published: dt.date | None) -> bool:
    """«بلدة صرين التي سيطروا عليها ... في 27 يوليو»: a relative clause that tells what
    happened to what it qualifies recalls it, unless its own date is yesterday or later
    (the caller limits this to captures: «الهجوم الذي شنه» is the news itself)."""
    before = [t for t in tokens[max(0, trigger - 4):trigger] if t.key not in PAST]
    # («المحاور التي كانت قد تقدمت فيها»: a pluperfect between them)
    return any(t.key in RELATIVES for t in before[-2:]) and not _recent(date, published)


PAST = PLUPERFECT | {"قد"}


def after_capture(tokens: Sequence[Token], trigger: int, date: DateValue | None,
                  published: dt.date | None) -> bool:
    """«بعد سيطرة التنظيم على بلدات الحدث وحوارين», «بعد تحرير الناحية»: a capture the
    news comes after is background, unless its own date is yesterday or later (the
    caller limits this to captures: «سيطرت ... بعد اشتباكات» is the news itself)."""
    return trigger > 0 and tokens[trigger - 1].key in ("بعد", "وبعد") and not _recent(
        date, published)
