"""Calendar arithmetic for resolving time expressions: months, weeks, parts, Hijri dates."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

from hijridate import Gregorian, Hijri

from marsad.temporal.lexicon import CURRENT, EARLY, LATE, MID, NEXT, PAST

DateRange = tuple[dt.date, dt.date]
# Weeks start on Saturday, as on Arabic calendars (Python: Monday 0 ... Saturday 5).
WEEK_START = 5
# A yearless date more than this far after publication is taken from the year before.
FUTURE_SLACK = dt.timedelta(days=60)


def month_range(year: int, month: int) -> DateRange:
    last = _calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def year_range(year: int) -> DateRange:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def part_of_month(year: int, month: int, part: str) -> DateRange:
    """Early (1–10), middle (11–20) or late (21–end) part of a month."""
    first, last = month_range(year, month)
    if part == EARLY:
        return first, first.replace(day=10)
    if part == MID:
        return first.replace(day=11), first.replace(day=20)
    return first.replace(day=21), last


def part_of_year(year: int, part: str) -> DateRange:
    """Early (January–March), middle (May–August) or late (October–December) part of a year."""
    if part == EARLY:
        return dt.date(year, 1, 1), dt.date(year, 3, 31)
    if part == MID:
        return dt.date(year, 5, 1), dt.date(year, 8, 31)
    return dt.date(year, 10, 1), dt.date(year, 12, 31)


def part_of_range(rng: DateRange, part: str) -> DateRange:
    """The first, middle or last third of any range (weeks: two or three days)."""
    start, end = rng
    days = (end - start).days + 1
    third = max(days // 3, 1)
    if part == EARLY:
        return start, start + dt.timedelta(days=third - 1)
    if part == LATE:
        return end - dt.timedelta(days=third - 1), end
    middle = start + dt.timedelta(days=third)
    return middle, min(end, middle + dt.timedelta(days=third - 1))


def month_year(month: int, published: dt.date, rel: str | None, day: int = 1) -> int:
    """The year of a month named without one, relative to the publication date.

    ``past`` (الماضي): the latest such month before the current one; ``next`` (المقبل):
    the first after it; ``current`` (الجاري): the publication year; none: the publication
    year unless that puts the date more than two months after publication.
    """
    year = published.year
    if rel == PAST:
        return year if month < published.month else year - 1
    if rel == NEXT:
        return year if month > published.month else year + 1
    if rel == CURRENT:
        return year
    day = min(day, _calendar.monthrange(year, month)[1])
    return year - 1 if dt.date(year, month, day) - published > FUTURE_SLACK else year


def day_year(month: int, day: int, published: dt.date, rel: str | None) -> int:
    """The year of a day and month named without one: ``past`` the last such date before
    publication, ``next`` the first after it, otherwise as ``month_year``."""
    year = published.year
    if rel in (PAST, NEXT):
        this = dt.date(year, month, min(day, _calendar.monthrange(year, month)[1]))
        if rel == PAST:
            return year if this < published else year - 1
        return year if this > published else year + 1
    return month_year(month, published, rel, day)


def weekday_date(weekday: int, published: dt.date, rel: str | None) -> dt.date:
    """The named weekday nearest before (or on) publication; ``past`` strictly before,
    ``next`` strictly after."""
    if rel == NEXT:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    if rel == PAST and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def period_range(unit: str, offset: int, published: dt.date) -> DateRange:
    """The calendar week (from Saturday), month or year ``offset`` periods from publication."""
    if unit == "week":
        start = published - dt.timedelta(days=(published.weekday() - WEEK_START) % 7)
        start += dt.timedelta(days=7 * offset)
        return start, start + dt.timedelta(days=6)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return month_range(index // 12, index % 12 + 1)
    return year_range(published.year + offset)


def shift(published: dt.date, unit: str, count: float) -> dt.date:
    """``count`` units before publication (negative: after)."""
    if unit == "hour":
        return published - dt.timedelta(hours=count)
    if unit == "day":
        return published - dt.timedelta(days=count)
    if unit == "week":
        return published - dt.timedelta(days=7 * count)
    if unit == "month":
        months = round(count)
        index = published.year * 12 + published.month - 1 - months
        year, month = index // 12, index % 12 + 1
        return dt.date(year, month, min(published.day, _calendar.monthrange(year, month)[1]))
    years = round(count)
    day = published.day if not (published.month == 2 and published.day == 29) else 28
    return published.replace(year=published.year - years, day=day)


def hijri_date(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a Hijri (Umm al-Qura) date; ValueError/OverflowError outside it."""
    return Hijri(year, month, day).to_gregorian()


def hijri_month_range(year: int, month: int) -> DateRange:
    first = Hijri(year, month, 1)
    return first.to_gregorian(), Hijri(year, month, first.month_length()).to_gregorian()


def hijri_year_range(year: int) -> DateRange:
    return hijri_month_range(year, 1)[0], hijri_month_range(year, 12)[1]


def hijri_month_year(month: int, published: dt.date, rel: str | None) -> int:
    """The Hijri year of a Hijri month named without one (same rule as ``month_year``)."""
    today = Gregorian(published.year, published.month, published.day).to_hijri()
    if rel == PAST:
        return today.year if month < today.month else today.year - 1
    if rel == NEXT:
        return today.year if month > today.month else today.year + 1
    if rel == CURRENT or month <= today.month:
        return today.year
    start = Hijri(today.year, month, 1).to_gregorian()
    return today.year - 1 if start - published > FUTURE_SLACK else today.year


def season_range(months: tuple[int, int], year: int) -> DateRange:
    """A season of ``year`` (winter runs from its December into the next year)."""
    first, last = months
    end_year = year + 1 if last < first else year
    return month_range(year, first)[0], month_range(end_year, last)[1]


def season_of(months: tuple[int, int], published: dt.date, rel: str | None) -> DateRange:
    """``past``: the last such season over before publication; ``next``: the first to
    begin after it; otherwise the one of the publication year (or the winter it is in)."""
    year = published.year
    if rel == PAST:
        while season_range(months, year)[1] >= published:
            year -= 1
    elif rel == NEXT:
        while season_range(months, year)[0] <= published:
            year += 1
    elif months[1] < months[0] and published.month <= months[1]:
        year -= 1
    return season_range(months, year)


def precision_of(start: dt.date, end: dt.date) -> int:
    """ACLED time precision of a range: 1 one day, 2 up to a week, 3 longer."""
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 6 else 3
