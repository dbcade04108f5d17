"""Calendar arithmetic: TIMEX3 values and full-date intervals of periods."""

from __future__ import annotations

import calendar
import re
import datetime as dt

Span = tuple[dt.date, dt.date]


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def year_span(year: int) -> Span:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def month_span(year: int, month: int) -> Span:
    return dt.date(year, month, 1), month_end(year, month)


def add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def week_value(day: dt.date) -> tuple[str, Span]:
    iso = day.isocalendar()
    monday = day - dt.timedelta(days=day.weekday())
    return f"{iso[0]}-W{iso[1]:02d}", (monday, monday + dt.timedelta(days=6))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


# The month a season is resolved by (winter of 2013 is December 2012 … February 2013).
SEASON_MIDDLE = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def season_span(year: int, code: str) -> Span:
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        return dt.date(year - 1, 12, 1), month_end(year, 2)
    return dt.date(year, first, 1), month_end(year, last)


def phase_span(span: Span, phase: str) -> Span:
    """The first, middle or last third of a period («в начале / середине / конце»)."""
    start, end = span
    days = (end - start).days + 1
    third = max(1, days // 3)
    if phase == "START":
        return start, start + dt.timedelta(days=third - 1)
    if phase == "END":
        return end - dt.timedelta(days=third - 1), end
    if phase == "MID":
        return start + dt.timedelta(days=third), end - dt.timedelta(days=third)
    if phase == "FIRST_HALF":
        return start, start + dt.timedelta(days=days // 2 - 1)
    if phase == "SECOND_HALF":
        return start + dt.timedelta(days=days // 2), end
    return span


def pick_year(month: int, day: int | None, published: dt.date, tense: str | None) -> int:
    """The year of a year-less date: the publication year, moved by the clause's tense.

    A future clause cannot mean a month already past; a past clause cannot mean
    one still ahead; without tense the nearest occurrence wins.
    """
    year = published.year
    if day is None:
        delta = month - published.month
        if tense == "fut" and delta < 0:
            return year + 1
        if tense == "past" and delta > 0:
            return year - 1
        if tense not in ("fut", "past"):
            if delta > 6:
                return year - 1
            if delta < -6:
                return year + 1
        return year
    when = safe_date(year, month, day) or month_end(year, month)
    delta = (when - published).days
    if tense == "fut" and delta < -14:
        return year + 1
    if tense == "past" and delta > 14:
        return year - 1
    if tense not in ("fut", "past"):
        if delta > 183:
            return year - 1
        if delta < -183:
            return year + 1
    return year


def iso(day: dt.date) -> str:
    return day.isoformat()


# A calendar day inside a TIMEX3 value: 2013-02-31, XXXX-04-31 (the year may be unknown).
_DAY = re.compile(r"(?<![\dX])(\d{4}|XXXX)-(\d\d)-(\d\d)(?!\d)")


def impossible(value: str, interval: tuple[str, str] | None) -> str | None:
    """Why a resolved value names no real time («31 февраля», an interval that ends before it
    starts), or None when it is fine.  A year-less day is checked against a leap year."""
    for m in _DAY.finditer(value):
        year = 2000 if m.group(1) == "XXXX" else int(m.group(1))
        if safe_date(year, int(m.group(2)), int(m.group(3))) is None:
            return f"no such day {m.group()}"
    ends = value.split("/")
    if len(ends) == 2 and all(_DAY.fullmatch(e) and not e.startswith("X") for e in ends) and ends[0] > ends[1]:
        return f"interval {value} ends before it starts"
    if interval is not None and interval[0] > interval[1]:
        return f"interval {interval[0]}/{interval[1]} ends before it starts"
    return None
