"""Days counted from now and clock times: «вчера», «накануне», «в среду», «в 15:30», and their compounds."""

from __future__ import annotations

import datetime as dt

from . import resolve as cal
from .grammar import Match
from .lexicon import PART_OF_DAY, weekday_of
from .periods import iso
from .resolve import Context, Result

_DEIXIS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}


def _pod(word: str | None) -> str | None:
    return PART_OF_DAY.get(" ".join(word.split())) if word else None


def _on_day(day: dt.date | None, anchor: str, pod: str | None = None) -> Result:
    if day is None:
        return Result("time" if pod else "date", "XXXX-XX-XX" + (f"T{pod}" if pod else ""))
    return Result("time" if pod else "date", iso(day) + (f"T{pod}" if pod else ""), (day, day), anchor, day=day)


def deictic(m: Match, ctx: Context) -> Result:
    g = m.groups
    pub = ctx.published
    day = pub + dt.timedelta(days=_DEIXIS[g["deix"]]) if pub else None
    return _on_day(day, "publication", _pod(g.get("pod")))


def lone_part_of_day(m: Match, ctx: Context) -> Result:
    """«утром», «поздно вечером» with no day beside them: which day is not said."""
    return _on_day(None, "none", _pod(m.groups.get("pod")))


def weekend(m: Match, ctx: Context) -> Result:
    """«в выходные», «в минувшие выходные»: the Saturday and Sunday nearest publication that the words and
    the tense allow; without a publication date an unknown week (XXXX-WXX-WE)."""
    rel = (m.groups.get("wrel") or "").lower()
    pub = ctx.published
    if pub is None:
        return Result("date", "XXXX-WXX-WE")
    if rel.startswith(("минувш", "прошедш", "прошл")):
        tense = "past"
    elif rel.startswith(("ближайш", "будущ", "следующ", "предстоящ", "грядущ")):
        tense = "fut"
    else:
        tense = ctx.tense
    saturday = weekday_date(6, pub, tense)
    sunday = saturday + dt.timedelta(days=1)
    year, week, _ = saturday.isocalendar()
    return Result("date", f"{year}-W{week:02d}-WE", (saturday, sunday), "publication")


def eve(m: Match, ctx: Context) -> Result:
    """«накануне» alone: the day before the last named day, else before publication."""
    if ctx.previous:
        return _on_day(ctx.previous - dt.timedelta(days=1), "previous", _pod(m.groups.get("pod")))
    if ctx.previous_md and not ctx.published:
        return partial_shift(ctx, -1, _pod(m.groups.get("pod")))
    day = ctx.published - dt.timedelta(days=1) if ctx.published else None
    return _on_day(day, "publication", _pod(m.groups.get("pod")))


def next_day(m: Match, ctx: Context) -> Result:
    """«на следующий день»: the day after the last named day (anchor previous)."""
    pod = {"утро": "MO", "вечер": "EV"}.get(m.groups["nd"])
    if ctx.previous is None:
        return partial_shift(ctx, 1, pod) or _on_day(None, "none", pod)
    return _on_day(ctx.previous + dt.timedelta(days=1), "previous", pod)


def partial_shift(ctx: Context, days: int, pod: str | None = None) -> Result | None:
    """«днём позже» after «10 декабря» with no year known: XXXX-12-11 (counted in a leap year)."""
    if ctx.previous_md is None:
        return None
    day = dt.date(2000, *ctx.previous_md) + dt.timedelta(days=days)
    value = f"XXXX-{day.month:02d}-{day.day:02d}" + (f"T{pod}" if pod else "")
    return Result("time" if pod else "date", value, anchor="previous")


def weekday_date(wd: int, pub: dt.date, tense: str | None) -> dt.date:
    """The weekday nearest the publication date that the tense allows."""
    back = (pub.isoweekday() - wd) % 7  # days since the last such weekday (0 = today)
    ahead = (wd - pub.isoweekday()) % 7 or 7
    if tense == "fut":
        return pub + dt.timedelta(days=ahead)
    if tense == "past":
        return pub - dt.timedelta(days=back)
    return pub - dt.timedelta(days=back) if back <= ahead else pub + dt.timedelta(days=ahead)


def weekday(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    wd = weekday_of(g["wd"])
    if wd is None or m.family == "weekday_bare":
        return None
    pod = "NI" if g.get("night") else _pod(g.get("pod"))
    if ctx.published is None:
        return Result("time" if pod else "date", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))
    res = _on_day(weekday_date(wd, ctx.published, ctx.tense), "publication", pod)
    return cal.finish(res, g, ctx)


def clock(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    value = clock_value(g)
    if value is None:
        return None
    if g.get("hd") and not g.get("prep"):
        return None  # «7 вечера» needs «в» or «около»
    if g.get("h") and not (g.get("prep") or g.get("tz")):
        return None  # a bare «5.30» or «01:23» is more often a number or a match clock than a time of day
    if g.get("hw") and not (g.get("prep") or g.get("tz") or g.get("ampm") or g.get("mw")):
        return None  # «13 часов» without «в» is a duration; «13 часов 30 минут» is a clock time
    res = Result("time", f"XXXX-XX-XX{value}")
    if g.get("h2"):
        res.value += f"/XXXX-XX-XXT{int(g['h2']):02d}:{g['mi2']}"
        return res
    return cal.finish(res, g, ctx)


def clock_value(g: dict) -> str | None:
    if g.get("noon"):
        return "T12:00" if g["noon"].startswith(("полд", "полуд")) else "T00:00"
    if g.get("h"):
        return f"T{int(g['h']):02d}:{g['mi']}"
    if g.get("hw") or g.get("hd"):
        hour = int(g.get("hw") or g["hd"])
        ampm = g.get("ampm") or g.get("ampm2")
        if ampm in ("дня", "вечера") and hour < 12:
            hour += 12
        if ampm == "ночи" and hour == 12:
            hour = 0
        if hour > 23:
            return None
        return f"T{hour:02d}:{int(g.get('mw') or 0):02d}"
    return None


_DATE_FAMILIES = ("daymonth", "numdate", "holiday", "deictic", "eve", "weekday")


def compound(m: Match, ctx: Context) -> Result | None:
    """«в пятницу, 21 января», «утром в 06.00 по московскому времени 21 мая 2011 года»."""
    by_family = {p.family: p for p in m.parts}
    date_part = next((by_family[f] for f in _DATE_FAMILIES if f in by_family), None)
    clock_part = by_family.get("clock")
    pod = next((_pod(p.groups.get("pod")) for p in m.parts if p.groups.get("pod")), None)
    date: Result | None = None
    if date_part is not None:
        date = dispatch_day(date_part, ctx)
        wd_part = by_family.get("weekday") or by_family.get("weekday_bare") or by_family.get("relative")
        if date_part.family in ("daymonth", "numdate") and wd_part is not None and date and date.day:
            date = _match_weekday(date, date_part, wd_part, ctx)
    prep = " ".join((m.parts[0].groups.get("prep") or "").split())
    if date is not None and date.mod is None and prep in cal.PREP_MOD:  # «со среды (14 мая)»
        date.mod = cal.PREP_MOD[prep]
    time = clock_value(clock_part.groups) if clock_part else (f"T{pod}" if pod else "")
    if time is None:
        return date
    if date is None or "/" in date.value:
        if date is not None:
            return date
        return Result("time", f"XXXX-XX-XX{time}")
    if time:
        date.type = "time"
        date.value += time
    return date


def _match_weekday(date: Result, date_part: Match, wd_part: Match, ctx: Context) -> Result:
    """A year-less «пятница, 21 января»: prefer the neighbouring year where 21 January is a Friday."""
    wd = weekday_of(wd_part.groups.get("wd") or "")
    if wd is None or date_part.groups.get("year") or date.day is None or date.day.isoweekday() == wd:
        return date
    for shift in (-1, 1):
        try:
            other = date.day.replace(year=date.day.year + shift)
        except ValueError:
            continue
        if other.isoweekday() == wd:
            return Result(date.type, iso(other), (other, other), date.anchor, date.mod, other)
    return date


def dispatch_day(part: Match, ctx: Context) -> Result | None:
    if part.family == "daymonth":
        return cal.daymonth(part, ctx)
    if part.family == "numdate":
        return cal.numdate(part, ctx)
    if part.family == "holiday":
        return cal.holiday(part, ctx)
    if part.family == "deictic":
        return deictic(part, ctx)
    if part.family == "eve":
        return eve(part, ctx)
    if part.family == "weekday":
        return weekday(part, ctx)
    return None
