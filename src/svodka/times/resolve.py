"""Calendar expressions → TIMEX3 values, against the publication date and the clause's tense."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .bare import reads_as_year
from .grammar import Match
from .holidays import holiday_date, holiday_month_day
from .lexicon import day_of_word, month_of, relative_of, roman_to_int, season_of, weekday_of
from .periods import (
    SEASON_MIDDLE,
    Span,
    add_months,
    iso,
    month_span,
    phase_span,
    pick_year,
    safe_date,
    season_span,
    week_value,
    year_span,
)


@dataclass(slots=True)
class Context:
    published: dt.date | None
    tense: str | None = None  # past | pres | fut
    previous: dt.date | None = None  # the last day named before this expression
    previous_md: tuple[int, int] | None = None  # its month and day when its year is unknown
    sentence_year: int | None = None  # a year said by an earlier expression of the same sentence
    last_year: int | None = None  # the last year said in the text before this expression
    text: str = ""


@dataclass(slots=True)
class Result:
    type: str
    value: str
    span: Span | None = None
    anchor: str = "none"
    mod: str | None = None
    day: dt.date | None = None  # the day it names, for «на следующий день» after it


PREP_MOD = {
    "до": "BEFORE",
    "к": "ON_OR_BEFORE",
    "ко": "ON_OR_BEFORE",
    "не позднее": "ON_OR_BEFORE",
    "не позже": "ON_OR_BEFORE",
    "вплоть до": "ON_OR_BEFORE",
    "после": "AFTER",
    "с": "ON_OR_AFTER",
    "со": "ON_OR_AFTER",
    "начиная с": "ON_OR_AFTER",
    "от": "ON_OR_AFTER",
    "не ранее": "ON_OR_AFTER",
    "около": "APPROX",
}


def _norm(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def _phase(word: str | None) -> str | None:
    if not word:
        return None
    if word.startswith("начал"):
        return "START"
    if word.startswith("кон"):
        return "END"
    if word.startswith("середин"):
        return "MID"
    return "FIRST_HALF" if word.startswith("перв") else "SECOND_HALF"


def finish(res: Result, g: dict, ctx: Context) -> Result:
    """Apply «в начале / до конца / к …» around a resolved period."""
    phase = _phase(g.get("phase"))
    pprep = _norm(g.get("pprep"))
    prep = _norm(g.get("prep"))
    if phase == "END" and pprep in ("до", "к", "ко") and res.value == "XXXX":  # «до конца текущего года», no date
        res.value, res.mod = "XXXX-12-31", "ON_OR_BEFORE"
        return res
    if phase and pprep in ("до", "к", "ко") and phase == "END" and res.span and ctx.tense != "past":
        end = res.span[1]
        if ctx.published and ctx.published <= end:  # «до конца 2013 года»: from now to the end
            res.span = (ctx.published, end)
            res.value, res.anchor, res.mod = f"{iso(ctx.published)}/{iso(end)}", "publication", None
        else:
            res.value, res.span, res.mod = iso(end), None, "ON_OR_BEFORE"
        return res
    if phase and pprep in ("с", "со", "от") and phase == "START" and res.span and ctx.tense != "fut":
        start = res.span[0]
        if ctx.published and ctx.published >= start:  # «с начала года»: from the start to now
            res.span = (start, ctx.published)
            res.value, res.anchor, res.mod = f"{iso(start)}/{iso(ctx.published)}", "publication", None
        else:
            res.value, res.span, res.mod = iso(start), None, "ON_OR_AFTER"
        return res
    if phase:
        if phase.endswith("HALF") and re.fullmatch(r"\d{4}", res.value):
            res.value += "-H1" if phase == "FIRST_HALF" else "-H2"
        else:
            res.mod = phase if not phase.endswith("HALF") else res.mod
        if res.span:
            res.span = phase_span(res.span, phase)
        return res
    if prep in PREP_MOD:
        res.mod = PREP_MOD[prep]
        if res.mod != "APPROX":
            res.span = None
    return res


def _year_of(g: dict, ctx: Context) -> tuple[int | None, str]:
    """An explicit year, a relative one («прошлого года»), or (None, "none")."""
    if g.get("year"):
        return int(g["year"]), "none"
    if g.get("ryear"):
        if g["ryear"].startswith("того"):  # «до ноября того же года»
            return (ctx.last_year, "previous") if ctx.last_year else (None, "none")
        shift = 0 if g["ryear"].startswith("с") else relative_of(g["ryear"]) or 0
        if ctx.published:
            return ctx.published.year + shift, "publication"
    if ctx.sentence_year and ctx.published:
        # «чемпионата мира 2006 года в Германии с 9 июня по 7 июля»: the sentence's year beats
        # the publication year (without a publication date year-less dates stay open)
        return ctx.sentence_year, "previous"
    return None, "none"


def _day_value(year: int | None, month: int, day: int) -> tuple[str, Span | None, dt.date | None]:
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}", None, None
    when = safe_date(year, month, day)
    if when is None:
        return f"{year}-{month:02d}-{day:02d}", None, None
    return iso(when), (when, when), when


def daymonth(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    month = month_of(g["mon"])
    numbers = [int(n) for n in re.findall(r"\d+", g["days"])] or [n for n in [day_of_word(g["days"])] if n]
    if month is None or not numbers or not all(1 <= n <= 31 for n in numbers):
        return None
    year, anchor = _year_of(g, ctx)
    eve = bool(g.get("eve"))
    if year is None and ctx.published:
        year, anchor = pick_year(month, numbers[0], ctx.published, ctx.tense), "publication"
    if len(numbers) >= 2:  # «17-18 июня», «с 1 по 5 мая»
        first_month, first_year = month, year
        if numbers[0] > numbers[-1]:  # «с 30 по 2 декабря»: the first day is in the month before
            first_month, first_year = (month - 1, year) if month > 1 else (12, year - 1 if year else None)
        v1, s1, _ = _day_value(first_year, first_month, numbers[0])
        v2, s2, _ = _day_value(year, month, numbers[-1])
        span = (s1[0], s2[1]) if s1 and s2 else None
        return Result("date", f"{v1}/{v2}", span, anchor, day=span[0] if span else None)
    value, span, day = _day_value(year, month, numbers[0])
    if eve and day:
        day = day - dt.timedelta(days=1)
        value, span = iso(day), (day, day)
    res = Result("date", value, span, anchor, day=day)
    if g.get("night"):  # «в ночь на 27 марта»
        res.type, res.value = "time", value + "TNI"
    return finish(res, g, ctx)


def numdate(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    if g.get("iy"):
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g.get("sy"):  # «24/06/2016»: day first, as Russian writes it
        year, month, day = int(g["sy"]), int(g["sm"]), int(g["sd"])
    else:
        year, month, day = int(g["y"]), int(g["m"]), int(g["d"])
    when = safe_date(year, month, day)
    if when is None:
        return None
    return finish(Result("date", iso(when), (when, when), day=when), g, ctx)


def month(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    first = month_of(g["mon"])
    last = month_of(g["mon2"]) if g.get("mon2") else None
    if first is None:
        return None
    if not (g.get("prep") or g.get("phase") or g.get("year") or g.get("ryear")):
        return None  # a bare month word («май») is too often not a date
    year, anchor = _year_of(g, ctx)
    if year is None and ctx.published:
        year, anchor = pick_year(first, None, ctx.published, ctx.tense), "publication"
    if year is None:
        value = f"XXXX-{first:02d}" + (f"/XXXX-{last:02d}" if last else "")
        return finish(Result("date", value, None, "none"), g, ctx)
    span = month_span(year, first)
    value = f"{year}-{first:02d}"
    if last:
        span = (span[0], month_span(year, last)[1])
        value += f"/{year}-{last:02d}"
    return finish(Result("date", value, span, anchor), g, ctx)


def year(m: Match, ctx: Context, text: str) -> Result | None:
    g = m.groups
    y1 = int(g["y1"][:4]) if g["y1"][:4].isdigit() else int(g["y1"][:2])
    if y1 < 100:  # «67-го года»
        y1 += 1900 if y1 > 30 else 2000
    if not g.get("yw"):
        # a bare number after a preposition is a year before punctuation: «в 2006.»; elsewhere see bare.py
        after = text[m.end : m.end + 2]
        prep = bool(g.get("prep") or g.get("phase"))
        before_punct = prep and 1800 <= y1 <= 2100 and not (after.strip() and after.strip()[0].isalnum())
        second = g.get("y2") or ""
        # «2017/18», «2016/2017»: a season or a school year, two years running
        season = g.get("ysep") == "/" and second.isdigit() and int(second[-2:]) == (y1 + 1) % 100
        if not (before_punct or season) and not reads_as_year(text, m.start, m.end, y1, prep):
            return None
    if g.get("y2"):
        y2 = int(g["y2"])
        if y2 < 100:
            y2 += y1 // 100 * 100
        if y2 <= y1:
            return None
        span = (year_span(y1)[0], year_span(y2)[1])
        return Result("date", f"{y1}/{y2}", span)
    return finish(Result("date", str(y1), year_span(y1)), g, ctx)


def decade(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    digits = g["dec"]
    if not (g.get("prep") or g.get("phase") or g.get("dw")):
        return None  # «30-х Королёвских чтениях» is an ordinal, not the thirties
    if len(digits) == 2:
        first = (2000 if digits == "00" else 1900) + int(digits)
    elif len(digits) == 4:
        first = int(digits)
    else:
        return None
    span = (dt.date(first, 1, 1), dt.date(first + 9, 12, 31))
    return finish(Result("date", str(first)[:3], span), g, ctx)


def century(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    raw = g.get("cent") or g["cent0"]
    number = int(raw) if raw.isdigit() else roman_to_int(raw)
    if not number or number > 30:
        return None
    span = (dt.date((number - 1) * 100 if number > 1 else 1, 1, 1), dt.date((number - 1) * 100 + 99, 12, 31))
    return finish(Result("date", f"{number - 1:02d}", span), g, ctx)


def relative(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    rel = g.get("rel") or g.get("rel2")
    shift = relative_of(rel) if rel else 0  # «к концу недели»: the current one
    unit = g["unit"]
    if shift is None or (rel is None and g.get("wd")):
        return None
    pub = ctx.published
    if g.get("wd"):
        wd = weekday_of(g["wd"])
        if pub is None or wd is None:
            return Result("date", f"XXXX-WXX-{wd}")
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=shift)
        day = monday + dt.timedelta(days=wd - 1)
        return finish(Result("date", iso(day), (day, day), "publication", day=day), g, ctx)
    if unit.startswith("год"):
        if pub is None:
            return finish(Result("date", "XXXX"), g, ctx)
        y = pub.year + shift
        return finish(Result("date", str(y), year_span(y), "publication"), g, ctx)
    if unit.startswith("месяц"):
        if pub is None:
            return finish(Result("date", "XXXX-XX"), g, ctx)
        y, mo = add_months(pub.year, pub.month, shift)
        return finish(Result("date", f"{y}-{mo:02d}", month_span(y, mo), "publication"), g, ctx)
    if unit.startswith("недел"):
        if pub is None:
            return finish(Result("date", "XXXX-WXX"), g, ctx)
        value, span = week_value(pub + dt.timedelta(weeks=shift))
        return finish(Result("date", value, span, "publication"), g, ctx)
    if unit.startswith("десятилет"):
        if pub is None:
            return finish(Result("date", "XXX"), g, ctx)
        first = (pub.year // 10 + shift) * 10
        return finish(Result("date", str(first)[:3], (dt.date(first, 1, 1), dt.date(first + 9, 12, 31)), "publication"), g, ctx)
    if unit.startswith("век"):
        if pub is None:
            return finish(Result("date", "XX"), g, ctx)
        c = pub.year // 100 + shift
        return finish(Result("date", f"{c:02d}", (dt.date(max(1, c * 100), 1, 1), dt.date(c * 100 + 99, 12, 31)), "publication"), g, ctx)
    if unit.startswith(("квартал", "полугоди")):
        size = 3 if unit.startswith("квартал") else 6
        code = "Q" if size == 3 else "H"
        if pub is None:
            return finish(Result("date", f"XXXX-{code}X"), g, ctx)
        y, mo = add_months(pub.year, (pub.month - 1) // size * size + 1, shift * size)
        span = (month_span(y, mo)[0], month_span(*add_months(y, mo, size - 1))[1])
        return finish(Result("date", f"{y}-{code}{(mo - 1) // size + 1}", span, "publication"), g, ctx)
    return None


def new_year(m: Match, ctx: Context) -> Result:
    if ctx.published is None:
        return Result("date", "XXXX")
    y = ctx.published.year + (1 if ctx.published.month >= 9 else 0)
    return Result("date", str(y), year_span(y), "publication")


def season(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    code = season_of(g.get("season") or g["season2"])
    if code is None:
        return None
    g = {**g, "rel": g.get("rel") or g.get("rel2")}
    y, anchor = _year_of(g, ctx)
    if y is None and ctx.published:
        pub = ctx.published
        if g.get("rel"):
            shift = relative_of(g["rel"]) or 0
            current = pub.year + (1 if code == "WI" and pub.month == 12 else 0)
            y = current + shift
        else:
            y = pick_year(SEASON_MIDDLE[code], None, pub, ctx.tense)
        anchor = "publication"
    if y is None:
        return finish(Result("date", f"XXXX-{code}"), g, ctx)
    return finish(Result("date", f"{y}-{code}", season_span(y, code), anchor), g, ctx)


def quarter(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    order = {"перв": 1, "втор": 2, "трет": 3, "четв": 4, "посл": 4}
    n = next((v for k, v in order.items() if g["ord"].startswith(k)), None)
    half = g["qh"].startswith("полугод")
    if n is None or (half and n > 2):
        return None
    if half and g["ord"].startswith("посл"):
        n = 2
    y, anchor = _year_of(g, ctx)
    if y is None and ctx.published:
        y, anchor = ctx.published.year, "publication"
    code = f"H{n}" if half else f"Q{n}"
    if y is None:
        return Result("date", f"XXXX-{code}")
    size = 6 if half else 3
    first = (n - 1) * size + 1
    return finish(Result("date", f"{y}-{code}", (dt.date(y, first, 1), month_span(y, first + size - 1)[1]), anchor), g, ctx)


def holiday(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    name = g["hol"]
    y, anchor = _year_of(g, ctx)
    fixed = holiday_month_day(name)
    if y is None and ctx.published:
        md = fixed or (4, 15)
        y, anchor = pick_year(md[0], md[1], ctx.published, ctx.tense), "publication"
    if y is None:
        if fixed is None:
            return Result("date", "XXXX-XX-XX")
        when = dt.date(2001, *fixed) - dt.timedelta(days=1 if g.get("eve") else 0)
        return Result("date", f"XXXX-{when.month:02d}-{when.day:02d}")
    when = holiday_date(name, y)
    if when is None:
        return None
    if g.get("eve"):
        when -= dt.timedelta(days=1)
    return finish(Result("date", iso(when), (when, when), anchor, day=when), g, ctx)


def date_range(m: Match, ctx: Context, resolve_one) -> Result | None:
    """«с 21 сентября по 13 октября 2006 года»: the first end borrows the year of the second."""
    first, second = m.parts
    if first.family == "compound":  # «в воскресенье с 8 часов утра до 20 часов»
        whole = resolve_one(first, ctx)
        r2 = resolve_one(second, ctx)
        if whole is None or r2 is None:
            return None
        if "T" in whole.value and r2.value.startswith("XXXX-XX-XXT"):
            r2.value = whole.value.split("T")[0] + r2.value[len("XXXX-XX-XX") :]
        whole.value, whole.mod = f"{whole.value}/{r2.value}", None
        return whole
    plain = {"prep": None}
    r2 = resolve_one(Match(second.family, second.start, second.end, {**second.groups, **plain}), ctx)
    g1 = {**first.groups, **plain}
    year2 = second.groups.get("year") or second.groups.get("y1")
    if year2 and not first.groups.get("year") and first.family in ("daymonth", "month"):
        later = (month_of(first.groups["mon"]) or 0) > (month_of(second.groups["mon"]) or 13) if second.family != "year" else False
        g1["year"] = str(int(year2) - (1 if later else 0))
    r1 = resolve_one(Match(first.family, first.start, first.end, g1), ctx)
    if r1 is None or r2 is None:
        return None
    span = (r1.span[0], r2.span[1]) if r1.span and r2.span else None
    return Result(r1.type, f"{r1.value}/{r2.value}", span, r2.anchor if r1.anchor == "none" else r1.anchor, day=r1.day)
