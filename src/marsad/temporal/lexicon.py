"""The words of Arabic time expressions, in normalised (view) form.

Month names come in the Levantine/Iraqi (كانون الثاني ... كانون الأول), Egyptian/Gulf
(يناير ... ديسمبر) and Maghrebi (جانفي، غشت، دجنبر ...) series. Multi-word entries are
tuples of view words; ``phrase_at`` matches the longest one.
"""

from __future__ import annotations

from marsad.text.normalize import normalize
from marsad.text.phrases import PhraseTable


def _months(rows: dict[int, str]) -> list[tuple[str, int]]:
    return [(name.strip(), month) for month, names in rows.items() for name in names.split("،")]


GREGORIAN_MONTHS = PhraseTable(_months({
    1: "كانون الثاني، يناير، جانفي، ينار",
    2: "شباط، فبراير، فبرایر، فيفري، فبرابر",
    3: "آذار، مارس",
    4: "نيسان، أبريل، إبريل، ابريل، أفريل، ابريل",
    5: "أيار، مايو، ماي، مايس",
    6: "حزيران، يونيو، يونيه، جوان",
    7: "تموز، يوليو، يوليه، جويلية، يوليوز",
    8: "آب، أغسطس، اغسطس، أغسطوس، أوت، غشت",
    9: "أيلول، سبتمبر، شتنبر",
    10: "تشرين الأول، أكتوبر، اكتوبر",
    11: "تشرين الثاني، نوفمبر، نونبر",
    12: "كانون الأول، ديسمبر، دجنبر",
}))
# Names that are also ordinary words (father, practised, May-as-modal, a car make ...):
# taken as months only next to a day, a year, شهر, another month name or a modifier.
AMBIGUOUS_MONTHS = frozenset(normalize(w) for w in ("آب", "مارس", "ماي", "أوت", "نيسان",
                                                    "مايس", "صفر", "رجب", "شعبان", "رمضان"))

HIJRI_MONTHS = PhraseTable(_months({
    1: "محرم، المحرم",
    2: "صفر",
    3: "ربيع الأول، ربيع أول",
    4: "ربيع الثاني، ربيع الآخر، ربيع ثاني",
    5: "جمادى الأولى، جمادى الأول",
    6: "جمادى الآخرة، جمادى الثانية، جمادى الآخر، جمادى الثاني",
    7: "رجب",
    8: "شعبان",
    9: "رمضان",
    10: "شوال",
    11: "ذو القعدة، ذي القعدة",
    12: "ذو الحجة، ذي الحجة",
}))

# Python weekday numbers (Monday 0).
WEEKDAYS = {normalize(w): n for w, n in (
    ("الاثنين", 0), ("الإثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الاربعاء", 2),
    ("الخميس", 3), ("الجمعة", 4), ("السبت", 5), ("الأحد", 6),
)}
# Weekdays that are also common words (the one, the two): need يوم, a day word or a
# modifier next to them.
AMBIGUOUS_WEEKDAYS = frozenset({normalize("الاثنين")})
# الأحد is "the one" before these (الأحد عشر) and after الواحد.
NOT_SUNDAY_AFTER = frozenset(normalize(w) for w in ("عشر", "عشرة"))
NOT_SUNDAY_BEFORE = frozenset(normalize(w) for w in ("الواحد",))
# Words before الجمعة that make it the prayer, not the day.
FRIDAY_PRAYER = frozenset(normalize(w) for w in ("صلاة", "خطبة", "خطيب", "خطب", "صلوات"))

# Days relative to publication (offset in days).
DAY_WORDS = PhraseTable([
    ("اليوم", 0), ("أمس", -1), ("الأمس", -1), ("البارحة", -1), ("يوم أمس", -1),
    ("أول أمس", -2), ("أول من أمس", -2), ("أمس الأول", -2), ("غدا", 1), ("غداً", 1),
    ("بعد غد", 2), ("الليلة الماضية", -1), ("ليلة أمس", -1), ("يوم غد", 1),
    ("الليلة قبل الماضية", -2), ("الليلة ما قبل الماضية", -2), ("ليلة أول أمس", -2),
    ("ليلة أول من أمس", -2),
])
# Words after اليوم that make it "the day" of something else, not today.
NOT_TODAY = frozenset(normalize(w) for w in (
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
    "العاشر", "الأخير", "التالي", "السابق", "الذي", "التي", "نفسه", "ذاته", "الموعود",
    "العالمي", "الوطني", "الدولي", "المفتوح", "الدراسي", "الختامي", "الأخيرة", "المحدد",
    "عينه", "الثلاثين", "العشرين", "الأربعين", "الحادي",
))
NOT_TODAY_BEFORE = frozenset(normalize(w) for w in ("هذا", "ذلك", "نفس", "ذات", "هذه", "تلك"))

DAYTIME, NIGHT, AFTER_MIDNIGHT = "daytime", "night", "after midnight"
# Times of day before a day word or weekday. "ليلة الخميس" is the night before Thursday
# (Wednesday evening); "بعد منتصف ليل السبت-الأحد" is early Sunday.
TIMES_OF_DAY = PhraseTable([(w, DAYTIME) for w in (
    "فجر", "صباح", "ظهر", "ظهيرة", "عصر", "مساء", "بعد ظهر", "قبيل فجر", "قبيل ظهر",
    "قبيل مساء", "قبيل صباح", "فجر يوم", "صباح يوم", "مساء يوم", "ظهر يوم", "عصر يوم",
    "ساعات فجر", "ساعات صباح", "ساعات مساء", "وقت متأخر من مساء", "وقت مبكر من صباح",
    "وقت مبكر من فجر",
)] + [(w, NIGHT) for w in (
    "ليلة", "ليل", "ليلة يوم", "وقت متأخر من ليلة", "وقت متأخر من ليل", "قبيل منتصف ليلة",
    "قبيل منتصف ليل",
)] + [(w, AFTER_MIDNIGHT) for w in (
    "منتصف ليلة", "منتصف ليل", "بعد منتصف ليلة", "بعد منتصف ليل",
)])
# Night between two weekdays: ليلة الخميس - الجمعة، ليل السبت على الأحد.
NIGHT_JOIN = frozenset(normalize(w) for w in ("-", "–", "على", "إلى", "الى", "و"))

SEASONS = {normalize(w): v for w, v in (
    ("الصيف", (6, 8)), ("الشتاء", (12, 2)), ("الربيع", (3, 5)), ("الخريف", (9, 11)),
    ("صيف", (6, 8)), ("شتاء", (12, 2)), ("ربيع", (3, 5)), ("خريف", (9, 11)),
)}

PAST = "past"
NEXT = "next"
CURRENT = "current"
MODIFIERS = {normalize(w): rel for w, rel in (
    ("الماضي", PAST), ("الماضية", PAST), ("المنصرم", PAST), ("المنصرمة", PAST),
    ("الفائت", PAST), ("الفائتة", PAST), ("المقبل", NEXT), ("المقبلة", NEXT),
    ("القادم", NEXT), ("القادمة", NEXT), ("الجاري", CURRENT), ("الجارية", CURRENT),
    ("الحالي", CURRENT), ("الحالية", CURRENT),
)}

EARLY, MID, LATE = "early", "mid", "late"
PARTS = PhraseTable([
    ("مطلع", EARLY), ("أوائل", EARLY), ("بداية", EARLY), ("بدايات", EARLY),
    ("منتصف", MID), ("أواسط", MID), ("أواخر", LATE), ("نهاية", LATE), ("نهايات", LATE),
    ("أواخر شهر", LATE), ("مطلع شهر", EARLY), ("منتصف شهر", MID), ("أوائل شهر", EARLY),
    ("بداية شهر", EARLY), ("نهاية شهر", LATE),
])

DAY, WEEK, MONTH, YEAR, HOUR = "day", "week", "month", "year", "hour"
# Duration words: (unit, count or None when a number must come before it).
UNITS = {normalize(w): v for w, v in (
    ("ساعة", (HOUR, 1)), ("ساعات", (HOUR, None)), ("ساعتين", (HOUR, 2)),
    ("ساعتان", (HOUR, 2)), ("يوم", (DAY, 1)), ("أيام", (DAY, None)), ("يومين", (DAY, 2)),
    ("يومان", (DAY, 2)), ("يوما", (DAY, None)), ("أسبوع", (WEEK, 1)), ("أسابيع", (WEEK, None)),
    ("أسبوعين", (WEEK, 2)), ("أسبوعان", (WEEK, 2)), ("أسبوعا", (WEEK, None)),
    ("شهر", (MONTH, 1)), ("أشهر", (MONTH, None)), ("شهور", (MONTH, None)),
    ("شهرين", (MONTH, 2)), ("شهران", (MONTH, 2)), ("شهرا", (MONTH, None)),
    ("عام", (YEAR, 1)), ("أعوام", (YEAR, None)), ("عامين", (YEAR, 2)), ("عاما", (YEAR, None)),
    ("سنة", (YEAR, 1)), ("سنوات", (YEAR, None)), ("سنتين", (YEAR, 2)), ("سنين", (YEAR, None)),
    ("سنة", (YEAR, 1)),
)}
# Plural unit words that stand alone in "the past days/weeks" windows.
WINDOW_UNITS = {normalize(w): v for w, v in (
    ("الأيام", DAY), ("الأسابيع", WEEK), ("الأشهر", MONTH), ("الشهور", MONTH),
    ("الساعات", HOUR), ("اليومين", DAY), ("الأسبوعين", WEEK), ("الشهرين", MONTH),
    ("السنوات", YEAR), ("الأعوام", YEAR), ("العامين", YEAR), ("السنتين", YEAR),
)}
WINDOW_DUALS = frozenset(normalize(w) for w in ("اليومين", "الأسبوعين", "الشهرين", "العامين",
                                                "السنتين"))
WINDOW_ENDS = frozenset(normalize(w) for w in ("الماضية", "الماضيين", "الأخيرة", "الأخيرين",
                                               "المنصرمة", "القليلة", "المنصرمين", "الفائتة"))
# Periods named relative to publication: الأسبوع الماضي، الشهر الجاري، العام المقبل.
PERIODS = {normalize(w): v for w, v in (
    ("الأسبوع", WEEK), ("الشهر", MONTH), ("العام", YEAR), ("السنة", YEAR),
)}
THIS = frozenset(normalize(w) for w in ("هذا", "هذه"))

YEAR_WORDS = frozenset(normalize(w) for w in ("عام", "العام", "سنة", "السنة", "عامي", "سنتي"))
MONTH_WORD = frozenset(normalize(w) for w in ("شهر", "شهري"))
HIJRI_MARKS = frozenset(normalize(w) for w in ("هـ", "ه", "هجري", "هجرية", "للهجرة"))
GREGORIAN_MARKS = frozenset(normalize(w) for w in ("م", "ميلادي", "ميلادية", "للميلاد"))
AGO = frozenset(normalize(w) for w in ("منذ", "قبل"))
# Words before a period that make it "during": part of the expression.
WITHIN = PhraseTable([(w, True) for w in ("خلال", "طوال", "طيلة", "على مدى")])
RANGE_START = frozenset(normalize(w) for w in ("بين", "من", "ما بين"))
RANGE_JOIN = frozenset(normalize(w) for w in ("و", "إلى", "الى", "حتى", "لغاية", "-", "–"))
EQUALS = frozenset(normalize(w) for w in ("الموافق", "الموافقة", "والموافق", "وفق"))
APPROX = frozenset(normalize(w) for w in ("نحو", "حوالي", "قرابة", "زهاء", "أكثر", "أقل"))
# A month name alone (no day, no year) is taken after these.
_CONTEXT_WORDS = (
    "في", "خلال", "منذ", "حتى", "مطلع", "أواخر", "أوائل", "منتصف", "نهاية", "بداية", "شهر",
    "أواسط", "طوال", "طيلة", "قبل", "بعد", "مع", "حلول", "لغاية",
)
# (with the conjunction too: «وفي 2013، وقع تفجير»)
MONTH_CONTEXT = frozenset(normalize(p + w) for w in _CONTEXT_WORDS for p in ("", "و"))
# Ordinal days (الخامس من أغسطس).
_ORDINALS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
             "التاسع", "العاشر"]
_ORDINAL_TENS = {20: "العشرين", 30: "الثلاثين"}


def _ordinal_days() -> list[tuple[str, int]]:
    rows = [(w, n) for n, w in enumerate(_ORDINALS, start=1)]
    rows += [("أول", 1), ("الحادي عشر", 11), ("الثاني عشر", 12)]
    rows += [(f"{_ORDINALS[n - 11]} عشر", n) for n in range(13, 20)]
    for tens, word in _ORDINAL_TENS.items():
        rows.append((word, tens))
        for unit in range(1, 10):
            if tens + unit > 31:
                break
            head = "الحادي" if unit == 1 else _ORDINALS[unit - 1]
            rows.append((f"{head} و {word}", tens + unit))
    return rows


ORDINAL_DAYS = PhraseTable(_ordinal_days())
# Words before a yearless day-month that make it a name (ثورة 25 يناير، شارع 6 أكتوبر).
NAME_HEADS = frozenset(normalize(w) for w in (
    "قوى", "تيار", "حركة", "ثورة", "قصر", "فريق", "انتفاضة", "شارع", "ساحة", "جسر", "ميدان",
    "مدينة", "مدرسة", "مستشفى", "حرب", "جامعة", "حي", "ملعب", "مطار", "نادي", "جبهة",
))
