"""Find Arabic time expressions in a text and resolve them against the publication date.

A small hand-written grammar walks the tokens of the normalised view. At each token that
can begin an expression every rule is tried and the longest match is kept, so the same
characters never give two dates. Rules build a ``Found``: its token range and a
``resolve(published)`` that returns the (start, end) dates, or None when the expression
needs a publication date that is missing. Spans are mapped back to the original text.

Spans cover the whole expression: a leading يوم, the time of day (فجر، مساء), the day
word and weekday (اليوم الخميس), a month given twice (28 ديسمبر (كانون الأول) 2016),
modifiers (الماضي، الجاري), the era mark (2015م، 1436هـ), and the words that change
its meaning (منذ، قبل، خلال، بين ... و، من ... إلى، مطلع، أواخر). A bare في and attached
و/ف/ب are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from marsad.model import DateValue, Span
from marsad.temporal import calendar as cal
from marsad.temporal import lexicon as lx
from marsad.text.normalize import TATWEEL, normalize, view_of
from marsad.text.numerals import TEN, TEN_TAIL, UNIT, WORDS, read_number
from marsad.text.tokens import Token, bare_forms, split_clitics, tokenize

Resolve = Callable[[dt.date | None], "cal.DateRange | None"]

_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_YMD = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})")
_DDMY = re.compile(r"(\d{1,2})-(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_DM = re.compile(r"(\d{1,2})/(\d{1,2})")
_YY = re.compile(r"(\d{4})[/\-](\d{4})")
_DD = re.compile(r"(\d{1,2})-(\d{1,2})")
_SHORT_DATE_CUES = frozenset(normalize(w) for w in ("يوم", "بتاريخ", "تاريخ", "ليلة"))
_THE_MONTH = normalize("الشهر")
_FEW_ADJ = normalize("القليلة")
_NEARLY = frozenset(normalize(w) for w in ("يقارب", "يزيد"))
_A_FEW = frozenset(normalize(w) for w in ("بضعة", "بضع"))
_COUNTED_AFTER_YEAR = frozenset(normalize(w) for w in (
    "قتيل", "قتيلا", "شخص", "شخصا", "عنصر", "عنصرا", "مدني", "مدنيا", "طفل", "طفلا", "جريح",
    "جريحا", "منزل", "منزلا", "غارة", "غارات", "مقاتل", "مقاتلا", "دولار", "ريال", "ليرة",
    "متر", "مترا", "كيلومتر", "كم", "طن", "مليون", "ألف", "برميل",
))


@dataclass(frozen=True)
class Found:
    """A matched expression over tokens ``[first, end)``."""

    first: int
    end: int
    kind: str
    resolve: Resolve
    precision: int | None = None


BARE_HIJRI_LAST = 1450


def _year_of(year: int | None, published: dt.date | None, hijri: bool, month: int,
             rel: str | None, day: int | None = None) -> int | None:
    """The year written, else the one the publication date implies, else None."""
    if year is not None:
        return year
    if published is None:
        return None
    if hijri:
        return cal.hijri_month_year(month, published, rel)
    if day is not None:
        return cal.day_year(month, day, published, rel)
    return cal.month_year(month, published, rel)


def _fixed(start: dt.date, end: dt.date | None = None) -> Resolve:
    return lambda published: (start, end or start)


class _Grammar:
    def __init__(self, tokens: list[Token]) -> None:
        self.t = tokens
        self.n = len(tokens)

    # ------------------------------------------------------------ small readers

    def word(self, i: int) -> str:
        return self.t[i].text if 0 <= i < self.n else ""

    def adjacent(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` with at most one space."""
        return 0 < i < self.n and self.t[i].start - self.t[i - 1].end <= 1

    def day_number(self, i: int) -> tuple[int, int] | None:
        w = self.word(i)
        if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31:
            return int(w), i + 1
        hit = lx.ORDINAL_DAYS.at(self.t, i) if i < self.n else None
        return hit

    def month(self, i: int, table: lx.PhraseTable[int]) -> tuple[int, int, bool] | None:
        """A month name (with an alternative name in brackets or after /) as
        (month, index after, ambiguous)."""
        if i >= self.n:
            return None
        hit = table.at(self.t, i)
        if not hit:
            return None
        month, j = hit
        ambiguous = self.word(i) in lx.AMBIGUOUS_MONTHS
        if self.word(j) in ("(", "/", "-") and j + 1 < self.n:
            alt = lx.GREGORIAN_MONTHS.at(self.t, j + 1)
            if alt and alt[0] == month:
                k = alt[1]
                if self.word(j) == "(":
                    if self.word(k) != ")":
                        return month, j, ambiguous
                    k += 1
                return month, k, False
        return month, j, ambiguous

    def any_month(self, i: int) -> tuple[int, int, bool, bool] | None:
        """A Gregorian or Hijri month as (month, index after, ambiguous, hijri)."""
        got = self.month(i, lx.GREGORIAN_MONTHS)
        if got is not None:
            return (*got, False)
        got = self.month(i, lx.HIJRI_MONTHS)
        return (*got, True) if got is not None else None

    def year(self, i: int) -> tuple[int, int, str | None] | None:
        """A four-digit year as (year, index after, era mark 'h'/'g'/None)."""
        w = self.word(i)
        if not (len(w) == 4 and w.isdigit()):
            return None
        year, j = int(w), i + 1
        era = None
        if self.word(j) in lx.HIJRI_MARKS and self.adjacent(j):
            era, j = "h", j + 1
        elif self.word(j) in lx.GREGORIAN_MARKS and self.adjacent(j):
            era, j = "g", j + 1
        if era == "h" or (era is None and 1300 <= year <= 1500):
            # (unmarked, no later than 1450 AH, 2028: «ونحو 1500 صاروخ» is a count)
            return (year, j, "h") if 1343 <= year <= (1500 if era else BARE_HIJRI_LAST) \
                else None
        return (year, j, era) if 1800 <= year <= 2100 else None

    def modifier(self, j: int) -> tuple[str | None, int]:
        rel = lx.MODIFIERS.get(self.word(j))
        return (rel, j + 1) if rel else (None, j)

    # ------------------------------------------------------------ rules

    def numeric(self, i: int) -> Found | None:
        """10/12/2016, 2016-12-10, 8-9/12/2016, 13/10/1436هـ, يوم 10/12."""
        w = self.word(i)
        if not w[:1].isdigit():
            return None
        j = i + 1
        era_h = self.word(j) in lx.HIJRI_MARKS and self.adjacent(j)
        era_g = self.word(j) in lx.GREGORIAN_MARKS and self.adjacent(j)
        end = j + 1 if (era_h or era_g) else j
        m = _DDMY.fullmatch(w)
        if m:
            d1, d2, mo, y = (int(g) for g in m.groups())
            if d1 < d2:
                return self._dated_range(i, end, y, mo, d1, d2, hijri=era_h or y < 1600)
        m = _DMY.fullmatch(w)
        if m:
            d, mo, y = (int(g) for g in m.groups())
            return self._dated(i, end, y, mo, d, hijri=era_h or y < 1600)
        m = _YMD.fullmatch(w)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return self._dated(i, end, y, mo, d, hijri=era_h or y < 1600)
        m = _YY.fullmatch(w)
        if m:
            y1, y2 = int(m.group(1)), int(m.group(2))
            if 1800 <= y1 < y2 <= 2100 and y2 - y1 <= 10:
                return Found(i, end, "range", _fixed(cal.year_range(y1)[0],
                                                      cal.year_range(y2)[1]))
        m = _DM.fullmatch(w)
        if m and self.word(i - 1) in _SHORT_DATE_CUES:
            d, mo = int(m.group(1)), int(m.group(2))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                def resolve(p: dt.date | None) -> cal.DateRange | None:
                    if p is None:
                        return None
                    day = dt.date(cal.month_year(mo, p, None, d), mo, d)
                    return day, day
                return Found(i, j, "absolute", resolve)
        return None

    def _dated(self, i: int, j: int, y: int, mo: int, d: int, hijri: bool) -> Found | None:
        try:
            if hijri:
                day = cal.hijri_date(y, mo, d)
            elif 1800 <= y <= 2100:
                day = dt.date(y, mo, d)
            else:
                return None
        except (ValueError, OverflowError):
            return None
        return Found(i, j, "hijri" if hijri else "absolute", _fixed(day))

    def _dated_range(self, i: int, j: int, y: int, mo: int, d1: int, d2: int,
                     hijri: bool) -> Found | None:
        try:
            if hijri:
                start, end = cal.hijri_date(y, mo, d1), cal.hijri_date(y, mo, d2)
            elif 1800 <= y <= 2100:
                start, end = dt.date(y, mo, d1), dt.date(y, mo, d2)
            else:
                return None
        except (ValueError, OverflowError):
            return None
        return Found(i, j, "range", _fixed(start, end))

    def day_month(self, i: int) -> Found | None:
        """15 كانون الأول [2016], الخامس من أغسطس (آب) الحالي, 10 ربيع الأول 1438هـ,
        7 من الشهر الماضي."""
        dn = self.day_number(i)
        if dn is None:
            return None
        day, j = dn
        if self.word(j) == "من":
            j += 1
        if self.word(j) == "شهر":
            j += 1
        if self.word(j) == _THE_MONTH:
            rel, k = self.modifier(j + 1)
            if rel is None:
                return None
            offset = {lx.PAST: -1, lx.CURRENT: 0, lx.NEXT: 1}[rel]

            def rel_day(p: dt.date | None) -> cal.DateRange | None:
                if p is None:
                    return None
                first, _ = cal.period_range("month", offset, p)
                value = first.replace(day=day)
                return value, value
            return Found(i, k, "relative", rel_day)
        got = self.any_month(j)
        if got is None:
            return None
        month, k, _ambiguous, hijri = got
        return self._finish_day_month(i, k, [day], month, hijri)

    def _finish_day_month(self, i: int, k: int, days: list[int], month: int,
                          hijri: bool, first_month: int | None = None) -> Found | None:
        """Year, era mark and modifier after a day (or day range) and month."""
        yr = self.year(self._past_year_word(k))
        rel = None
        if yr is not None:
            year, k, era = yr
            hijri = hijri or era == "h"
        else:
            year = None
            rel, k = self.modifier(k)
            if rel is None and any(f in lx.NAME_HEADS for f, _ in bare_forms(self.word(i - 1))):
                return None
        if hijri and year is None and self.word(k) in lx.HIJRI_MARKS and self.adjacent(k):
            k += 1
        start_month = first_month or month

        def resolve(p: dt.date | None) -> cal.DateRange | None:
            y2 = _year_of(year, p, hijri, month, rel, days[-1])
            if y2 is None:
                return None
            y1 = y2 - 1 if start_month > month else y2
            if hijri:
                return cal.hijri_date(y1, start_month, days[0]), cal.hijri_date(y2, month, days[-1])
            return dt.date(y1, start_month, days[0]), dt.date(y2, month, days[-1])

        kind = "range" if len(days) > 1 else "hijri" if hijri else "absolute"
        return Found(i, k, kind, resolve)

    def day_range(self, i: int) -> Found | None:
        """(بين|من) 8 (و|إلى|حتى|-) 9 كانون الأول [2016]; 8-9 كانون الأول; بين 30 تشرين
        الثاني و2 كانون الأول."""
        j = i
        if self.word(j) in lx.RANGE_START:
            j += 1
        w = self.word(j)
        m = _DD.fullmatch(w)
        if m:
            d1, d2, k = int(m.group(1)), int(m.group(2)), j + 1
        else:
            a = self.day_number(j)
            if a is None:
                return None
            d1, k = a
            first_month = None
            got = self.month(k, lx.GREGORIAN_MONTHS)
            if got is not None:
                if j == i:
                    return None  # 7 أكتوبر و9 يونيو: two dates unless بين/من opens a range
                first_month, k = got[0], got[1]
            if self.word(k) not in lx.RANGE_JOIN:
                return None
            b = self.day_number(k + 1)
            if b is None:
                return None
            d2, k = b
            if first_month is None and not d1 < d2:
                return None
        got = self.any_month(k)
        if got is None:
            return None
        month, k, _ambiguous, hijri = got
        fm = None if m or first_month == month else first_month
        return self._finish_day_month(i, k, [d1, d2], month, hijri, fm)

    def _past_year_word(self, k: int) -> int:
        """Where the year after a month stands: past «عام/سنة» and «من عام» («أيار عام
        2015», «في 6 أغسطس (آب) من عام 2014»)."""
        if self.word(k) in lx.YEAR_WORDS:
            return k + 1
        if self.word(k) == "من" and self.word(k + 1) in lx.YEAR_WORDS:
            return k + 2
        return k

    def month_alone(self, i: int) -> Found | None:
        """[شهر] أيار [2015] | [الماضي]; شهر رمضان; رمضان 1436هـ."""
        j = i
        named = self.word(j) in lx.MONTH_WORD
        if named:
            j += 1
        got = self.any_month(j)
        if got is None:
            return None
        month, k, ambiguous, hijri = got
        yr = self.year(self._past_year_word(k))
        rel = None
        if yr is not None:
            year, k, era = yr
            if (era == "h") != hijri:
                return None
        else:
            year = None
            rel, k = self.modifier(k)
            if rel is None and not named and (
                    ambiguous or self.word(i - 1) not in lx.MONTH_CONTEXT):
                return None

        def resolve(p: dt.date | None) -> cal.DateRange | None:
            y = _year_of(year, p, hijri, month, rel)
            if y is None:
                return None
            return cal.hijri_month_range(y, month) if hijri else cal.month_range(y, month)

        return Found(i, k, "hijri" if hijri else "month", resolve)

    def year_alone(self, i: int, context: bool = False) -> Found | None:
        """عام 2014, العام 2014م, 1436هـ, عامي 2014 و2015, في 2012."""
        j = i
        word_before = self.word(j) in lx.YEAR_WORDS
        if word_before:
            j += 1
        yr = self.year(j)
        if yr is None:
            return None
        year, k, era = yr
        if not (word_before or era or context or self.word(i - 1) in lx.MONTH_CONTEXT):
            return None
        if not (word_before or era) and self._counted(k):
            return None
        hijri = era == "h"
        # a second year: عامي 2014 و2015, بين 2014 و2015
        k2 = k + 1 if self.word(k) in lx.RANGE_JOIN else k
        if k2 > k:
            y2 = self.year(k2)
            if y2 is not None and y2[0] > year and (y2[2] == "h") == hijri:
                first, last = year, y2[0]
                rng = (cal.hijri_year_range(first)[0], cal.hijri_year_range(last)[1]) if hijri \
                    else (cal.year_range(first)[0], cal.year_range(last)[1])
                return Found(i, y2[1], "range", _fixed(*rng))
        try:
            rng = cal.hijri_year_range(year) if hijri else cal.year_range(year)
        except (ValueError, OverflowError):
            return None
        return Found(i, k, "hijri" if hijri else "year", _fixed(*rng))

    def _counted(self, k: int) -> bool:
        """A noun counted by the number just read (2016 عنصراً): not a year."""
        w = self.word(k)
        return w in _COUNTED_AFTER_YEAR or (len(w) > 3 and w.endswith("ا") and w[0] != "ا")

    def period(self, i: int) -> Found | None:
        """الأسبوع الماضي، هذا الشهر، العام الجاري، السنة المقبلة."""
        j = i
        this = self.word(j) in lx.THIS
        if this:
            j += 1
        unit = lx.PERIODS.get(self.word(j))
        if unit is None:
            return None
        rel, k = self.modifier(j + 1)
        if rel is None and not this:
            return None
        if self.year(j + 1) is not None:
            return None  # هذا العام 1436هـ is a year expression
        if this and rel not in (None, lx.CURRENT):
            return None
        offset = {lx.PAST: -1, lx.NEXT: 1}.get(rel or lx.CURRENT, 0)

        def resolve(p: dt.date | None) -> cal.DateRange | None:
            if p is not None and unit == lx.WEEK and offset == 0:
                # «هذا الأسبوع» in a report: the seven days up to publication, not the
                # calendar week, most of which may lie ahead of a Saturday's paper
                return p - dt.timedelta(days=6), p
            return None if p is None else cal.period_range(unit, offset, p)

        return Found(i, k, "relative", resolve)

    def window(self, i: int) -> Found | None:
        """[خلال] الأيام الماضية، اليومين الماضيين، الـ24 ساعة الماضية، الأسابيع القليلة الماضية."""
        j = i
        lead = lx.WITHIN.at(self.t, j) if j < self.n else None
        if lead:
            j = lead[1]
        count = None
        w = self.word(j)
        unit = lx.WINDOW_UNITS.get(w)
        if unit is None and w == "ال" and self.word(j + 1).isdigit():
            count = int(self.word(j + 1))
            got = lx.UNITS.get(self.word(j + 2))
            if got is None:
                return None
            unit, j = got[0], j + 3
        elif unit is None:
            return None
        else:
            if w in lx.WINDOW_DUALS:
                count = 2
            j += 1
            after = self.word(j)
            entry = WORDS.get(after[2:]) if after.startswith("ال") else None
            if entry is not None and entry[0] in (UNIT, TEN, TEN_TAIL):
                count, j = entry[1], j + 1  # الأشهر الستة الماضية
        ends = 0
        while self.word(j) in lx.WINDOW_ENDS:
            j, ends = j + 1, ends + 1
        if ends == 0 or self.word(j - 1) == _FEW_ADJ:
            return None
        if unit == "hour":
            unit, count = "day", max(1, -(-(count or 24) // 24))
        size = count or {"day": 6, "week": 4, "month": 6, "year": 3}[unit]
        window_unit = unit

        def resolve(p: dt.date | None) -> cal.DateRange | None:
            return None if p is None else (cal.shift(p, window_unit, size), p)

        return Found(i, j, "relative", resolve)

    def ago(self, i: int) -> Found | None:
        """منذ ثلاثة أيام، قبل يومين، منذ أكثر من ثلاثة أشهر، قبل أسبوع، منذ أيام."""
        if self.word(i) not in lx.AGO:
            return None
        j = i + 1
        if self.word(j) in lx.APPROX:
            j += 1
            if self.word(j) == "من":
                j += 1
        elif self.word(j) == "ما" and self.word(j + 1) in _NEARLY:
            j += 2
            if self.word(j) in ("على", "عن"):
                j += 1
        count: float | None = None
        vague = False
        if self.word(j) in _A_FEW:
            vague, j = True, j + 1
        else:
            reading = read_number(self.t, j) if j < self.n else None
            if reading is not None and reading.skip == 0:
                count, j = reading.value, reading.end
        unit_entry = lx.UNITS.get(self.word(j))
        if unit_entry is None:
            return None
        unit, implied = unit_entry
        if count is None:
            count = implied
        if count is None and not vague:
            if unit not in ("day", "week"):
                return None
            vague = True
        k = j + 1
        if self.word(k) == "من" or self.year(k) is not None:
            return None  # قبل يومين من الانتخابات: relative to something else
        if unit == "year" and self.word(k).isdigit():
            return None

        def resolve(p: dt.date | None) -> cal.DateRange | None:
            if p is None:
                return None
            if vague:
                lo, hi = (3, 9) if unit == "day" and count is None else (2, 7)
                if unit == "week":
                    lo, hi = 14, 30
                return p - dt.timedelta(days=hi), p - dt.timedelta(days=lo)
            point = cal.shift(p, unit, count or 1)
            if isinstance(point, dt.datetime):
                point = point.date()
            if unit == "week":
                return point - dt.timedelta(days=3), min(p, point + dt.timedelta(days=3))
            if unit == "month":
                return cal.month_range(point.year, point.month)
            if unit == "year":
                return cal.year_range(point.year)
            return point, point

        precision = {"hour": 1, "day": 1, "week": 2}.get(unit, 3)
        if vague:
            precision = 2 if unit == "day" else 3
        return Found(i, k, "relative", resolve, precision=precision)

    def part(self, i: int) -> Found | None:
        """مطلع عام 2014، أواخر 2015، منتصف آذار، نهاية العام الماضي، مطلع الشهر الجاري."""
        hit = lx.PARTS.at(self.t, i)
        if hit is None:
            return None
        which, j = hit
        inner = (self.year_alone(j, context=True) or self.month_alone(j)
                 or self.period(j) or self._month_named(j))
        if inner is None or inner.kind == "range":
            return None
        base = inner.resolve

        def resolve(p: dt.date | None) -> cal.DateRange | None:
            rng = base(p)
            if rng is None:
                return None
            start, end = rng
            if (end - start).days >= 360 and start.month == 1 and start.day == 1:
                return cal.part_of_year(start.year, which)
            if 27 <= (end - start).days <= 30 and start.day == 1:
                return cal.part_of_month(start.year, start.month, which)
            return cal.part_of_range(rng, which)

        return Found(i, inner.end, inner.kind, resolve)

    def _month_named(self, j: int) -> Found | None:
        """A month after a part word (أواخر آب): the part word is its context."""
        got = self.month(j, lx.GREGORIAN_MONTHS)
        if got is None or got[2]:
            return None
        month, k, _ = got
        rel, k = self.modifier(k)

        def resolve(p: dt.date | None) -> cal.DateRange | None:
            return None if p is None else cal.month_range(cal.month_year(month, p, rel), month)

        return Found(j, k, "month", resolve)

    def _not_today(self, j: int, after: int, tod: bool) -> bool:
        """اليوم that is "the day" of something (اليوم الأول، اليوم الوطني، هذا اليوم)."""
        if self.word(j) != "اليوم" or after != j + 1:
            return False
        nxt = self.word(after)
        if nxt in lx.NOT_TODAY or (nxt.startswith("ال") and nxt.endswith("ي")
                                   and nxt not in lx.WEEKDAYS):
            return True
        return not tod and self.word(j - 1) in lx.NOT_TODAY_BEFORE

    def point(self, i: int) -> Found | None:
        """[فجر|مساء ...] [يوم] [اليوم|أمس|غداً] [الخميس|(الخميس)] [الماضي] [، 15 كانون الأول]."""
        j = i
        tod = lx.TIMES_OF_DAY.at(self.t, j)
        night = None
        if tod:
            night, j = tod
        offset = None
        hit = lx.DAY_WORDS.at(self.t, j) if j < self.n else None
        if hit and not self._not_today(j, hit[1], bool(tod)):
            offset, j = hit
        yawm = False
        if offset is None and self.word(j) == "يوم":
            yawm, j = True, j + 1
        weekday = None
        rel = None
        wj = j
        paren = self.word(j) == "(" and self.word(j + 1) in lx.WEEKDAYS and self.word(j + 2) == ")"
        wd_word = self.word(j + 1) if paren else self.word(j)
        if wd_word in lx.WEEKDAYS:
            weekday = lx.WEEKDAYS[wd_word]
            j = j + 3 if paren else j + 1
        if weekday is not None:
            if offset is None:
                rel, j = self.modifier(j)
            context = bool(tod or offset is not None or yawm or paren or rel)
            if wd_word in lx.AMBIGUOUS_WEEKDAYS and not context:
                nxt, prv = self.word(j), self.word(wj - 1)
                if not (nxt in ("،", ",", ")", ".") and prv in ("،", ",", "(")):
                    weekday = None
                    j = wj
            if weekday == 6 and (self.word(j) in lx.NOT_SUNDAY_AFTER
                                 or self.word(wj - 1) in lx.NOT_SUNDAY_BEFORE):
                weekday, j = None, wj
            if weekday == 4 and not context and any(
                    f in lx.FRIDAY_PRAYER for f, _ in bare_forms(self.word(wj - 1))):
                weekday, j = None, wj
        core = None
        k = j
        if self.word(k) in ("،", ",") and weekday is not None:
            k += 1
        if self.word(k) == "(" and (weekday is not None or offset is not None):
            inner = self.numeric(k + 1) or self.day_month(k + 1)
            if inner is not None and self.word(inner.end) == ")":
                core = Found(k, inner.end + 1, inner.kind, inner.resolve)
        elif tod or yawm or weekday is not None or offset is not None:
            core = self.numeric(k) or self.day_month(k)
        if core is not None:
            return Found(i, core.end, core.kind, core.resolve)
        if offset is None and weekday is None:
            return None
        if weekday is not None and j == wj:
            weekday = None
        if offset is None and weekday is None:
            return None
        end = j
        if offset is not None:
            off = offset

            def resolve(p: dt.date | None) -> cal.DateRange | None:
                if p is None:
                    return None
                day = p + dt.timedelta(days=off)
                return day, day
            return Found(i, end, "relative", resolve)
        wd, wrel = weekday, rel
        second = None
        if night in (lx.NIGHT, lx.AFTER_MIDNIGHT) and self.word(end) in lx.NIGHT_JOIN:
            other = lx.WEEKDAYS.get(self.word(end + 1))
            if other is not None and other == (wd + 1) % 7:
                second, end = other, end + 2
        shape = night if night in (lx.NIGHT, lx.AFTER_MIDNIGHT) else None

        def resolve_wd(p: dt.date | None) -> cal.DateRange | None:
            if p is None:
                return None
            day = cal.weekday_date(wd, p, wrel)
            one = dt.timedelta(days=1)
            if shape is None:
                return day, day
            if second is None:  # ليلة الخميس: the night before Thursday
                return (day - one, day) if shape == lx.NIGHT else (day, day)
            return (day, day + one) if shape == lx.NIGHT else (day + one, day + one)
        return Found(i, end, "weekday", resolve_wd, precision=1 if shape else None)

    def ranged_months(self, i: int) -> Found | None:
        """بين آذار ونيسان 2016, من أيار إلى تموز."""
        if self.word(i) not in lx.RANGE_START:
            return None
        a = self.month(i + 1, lx.GREGORIAN_MONTHS)
        if a is None:
            return None
        k = a[1]
        if self.word(k) in lx.RANGE_JOIN:
            k += 1
            b = self.month(k, lx.GREGORIAN_MONTHS)
        else:
            return None
        if b is None:
            return None
        m1, m2, k = a[0], b[0], b[1]
        yr = self.year(k)
        year = None
        if yr is not None and yr[2] != "h":
            year, k = yr[0], yr[1]

        def resolve(p: dt.date | None) -> cal.DateRange | None:
            if year is None and p is None:
                return None
            y2 = year if year is not None else cal.month_year(m2, p, None)  # type: ignore[arg-type]
            y1 = y2 - 1 if m1 > m2 else y2
            return cal.month_range(y1, m1)[0], cal.month_range(y2, m2)[1]

        return Found(i, k, "range", resolve)

    def within(self, i: int) -> Found | None:
        """خلال/طوال/على مدى + a period or window: the words are part of the expression."""
        lead = lx.WITHIN.at(self.t, i)
        if lead is None:
            return None
        inner = self.period(lead[1]) or self.window(lead[1])
        return Found(i, inner.end, inner.kind, inner.resolve, precision=inner.precision) \
            if inner else None

    def range_years(self, i: int) -> Found | None:
        """بين عامي 2014 و2015, من 2014 إلى 2015."""
        if self.word(i) not in lx.RANGE_START:
            return None
        inner = self.year_alone(i + 1, context=True)
        if inner is None or inner.kind != "range":
            return None
        return Found(i, inner.end, "range", inner.resolve)

    def season(self, i: int) -> Found | None:
        """الصيف الماضي، هذا الشتاء، صيف 2012."""
        j = i + 1 if self.word(i) in lx.THIS else i
        months = lx.SEASONS.get(self.word(j))
        if months is None:
            return None
        yr = self.year(j + 1)
        if yr is not None and yr[2] != "h" and not self.word(j).startswith("ال"):
            rng = cal.season_range(months, yr[0])
            return Found(i, yr[1], "month", _fixed(*rng))
        if not self.word(j).startswith("ال"):
            return None
        rel, k = self.modifier(j + 1)
        if rel is None and j == i:
            return None

        def resolve(p: dt.date | None) -> cal.DateRange | None:
            return None if p is None else cal.season_of(months, p, rel)

        return Found(i, k, "relative", resolve)

    RULES = ("point", "numeric", "day_range", "day_month", "month_alone", "year_alone",
             "period", "window", "ago", "part", "ranged_months", "within", "range_years", "season")

    def best_at(self, i: int) -> Found | None:
        best = None
        for name in self.RULES:
            try:
                found = getattr(self, name)(i)
            except (ValueError, OverflowError, IndexError):
                found = None
            if found is not None and found.end > i and (best is None or found.end > best.end):
                best = found
        return best

    def equated(self, found: Found) -> Found:
        """13/10/1436هـ الموافق 29/7/2015: one expression, resolved by its second date."""
        j = found.end
        if self.word(j) in lx.EQUALS:
            k = j + 1
            if self.word(k) == "ل":
                k += 1
            other = self.numeric(k) or self.day_month(k)
            if other is not None:
                kind = "absolute" if found.kind == "hijri" and other.kind != "hijri" else found.kind
                return Found(found.first, other.end, kind, other.resolve)
        return found

    def run(self) -> list[Found]:
        out: list[Found] = []
        i = 0
        while i < self.n:
            if not _may_start(self.t[i].text):
                i += 1
                continue
            found = self.best_at(i)
            if found is None:
                i += 1
                continue
            found = self.equated(found)
            out.append(found)
            i = found.end
        return out


def _starts() -> frozenset[str]:
    words: set[str] = set()
    for table in (lx.GREGORIAN_MONTHS, lx.HIJRI_MONTHS, lx.DAY_WORDS, lx.TIMES_OF_DAY,
                  lx.PARTS, lx.ORDINAL_DAYS):
        words.update(table.first_words)
    words.update(lx.WITHIN.first_words, lx.SEASONS)
    words.update(lx.WEEKDAYS, lx.YEAR_WORDS, lx.PERIODS, lx.THIS, lx.AGO,
                 lx.RANGE_START, lx.MONTH_WORD, lx.WINDOW_UNITS, {"يوم", "(", "ال"})
    return frozenset(words)


_START_WORDS = _starts()


def _may_start(word: str) -> bool:
    return word[0].isdigit() or word in _START_WORDS


def find_dates(text: str, published: dt.date | None = None) -> list[DateValue]:
    """Every time expression in ``text`` as a DateValue whose span indexes ``text``."""
    view = view_of(text)
    tokens = split_clitics(tokenize(view.text), _START_WORDS)
    out: list[DateValue] = []
    for found in _Grammar(tokens).run():
        span = view.span(tokens[found.first].start, tokens[found.end - 1].end)
        end_at = span.end
        while end_at < len(text) and text[end_at] == TATWEEL:
            end_at += 1  # 1436هـ: the tatweel after the era letter belongs to it
        span = Span(span.start, end_at)
        try:
            rng = found.resolve(published)
        except (ValueError, OverflowError):
            rng = None
        if rng is None:
            value = start = end = None
            precision = None
        else:
            start, end = rng
            if end < start:
                start, end = end, start
            value = start
            precision = found.precision or cal.precision_of(start, end)
        out.append(DateValue(value=value, start=start, end=end, precision=precision,
                             text=text[span.start:span.end], span=span, kind=found.kind))
    return out
