"""Layer values as a Russian reader says them, for the page: no internal codes on screen.

TIMEX3 values («2013-06-17», «XXXX-WXX-7TEV», «P2D», «PAST_REF») become words
(«17 июня 2013», «в воскресенье вечером (дата не указана)», «2 дня», «в прошлом»);
facts become the lines the CLI prints (facts.describe.fact_line), with the dates in
them in words too.  The month and weekday names are the closed calendar vocabulary
(twelve genitive month names, seven weekdays), the same set times/lexicon.py parses.
"""

from __future__ import annotations

import re
from typing import Any

from ..document import Document, TimeExpr

MONTHS_GEN = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)
MONTHS_NOM = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)
# «в понедельник», «во вторник», … (accusative after «в»)
WEEKDAYS_IN = ("в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье")
PARTS_OF_DAY = {"MO": "утром", "AF": "днём", "EV": "вечером", "NI": "ночью"}
SEASONS = {"SP": "весна", "SU": "лето", "FA": "осень", "WI": "зима"}
REFS = {"PAST_REF": "в прошлом", "PRESENT_REF": "в настоящее время", "FUTURE_REF": "в будущем"}
UNKNOWN = " (дата не указана)"
# Duration units with their three counting forms («1 день», «2 дня», «5 дней»).
UNITS = {
    "Y": ("год", "года", "лет"), "M": ("месяц", "месяца", "месяцев"), "W": ("неделя", "недели", "недель"),
    "D": ("день", "дня", "дней"), "H": ("час", "часа", "часов"), "MIN": ("минута", "минуты", "минут"),
    "S": ("секунда", "секунды", "секунд"),
}

_DATE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?(?:T(\d{2}:\d{2}|MO|AF|EV|NI))?$")
_WEEK = re.compile(r"^(\d{4}|XXXX)-W(\d{2}|XX)(?:-(\d))?(?:T(\d{2}:\d{2}|MO|AF|EV|NI))?$")
_SEASON = re.compile(r"^(\d{4}|XXXX)-(SP|SU|FA|WI)$")
_DURATION = re.compile(r"^P(T?)([\d.]+|X)(Y|M|W|D|H|S)$")


def plural(n: float, forms: tuple[str, str, str]) -> str:
    """The counting form («согласование с числительным»): 1 год, 2 года, 5 лет, 21 год."""
    if n != int(n):
        return forms[1]
    n = int(n)
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def _clock(part: str | None) -> str:
    if not part:
        return ""
    return " " + PARTS_OF_DAY.get(part, f"в {part}")


def date_words(value: str) -> str | None:
    """One TIMEX3 date as words, or None when the value is not a date."""
    m = _DATE.match(value)
    if m:
        year, month, day, clock = m.groups()
        y = "" if year == "XXXX" else year
        if month in (None, "XX") and day in (None, "XX"):
            if clock and not y:
                return ("сегодня" + _clock(clock)) if clock in PARTS_OF_DAY else f"в {clock}"
            return f"{y} год" if y else None
        mi = int(month) - 1 if month and month != "XX" and 1 <= int(month) <= 12 else None
        if mi is None:
            return f"{y} год" if y else None
        if day and day != "XX":
            text = f"{int(day)} {MONTHS_GEN[mi]}" + (f" {y}" if y else "")
        else:
            text = MONTHS_NOM[mi] + (f" {y}" if y else "")
        return text + _clock(clock) + ("" if y else UNKNOWN)
    m = _WEEK.match(value)
    if m:
        year, week, wday, clock = m.groups()
        if wday:
            text = WEEKDAYS_IN[int(wday) - 1] + _clock(clock)
            return text + (f" ({week}-я неделя {year})" if week != "XX" and year != "XXXX" else UNKNOWN)
        if week != "XX" and year != "XXXX":
            return f"{int(week)}-я неделя {year}"
        return "на неделе" + UNKNOWN
    m = _SEASON.match(value)
    if m:
        year, season = m.groups()
        return SEASONS[season] + (f" {year}" if year != "XXXX" else UNKNOWN)
    return None


def duration_words(value: str) -> str | None:
    m = _DURATION.match(value)
    if not m:
        return None
    in_time, amount, unit = m.groups()
    unit = "MIN" if in_time and unit == "M" else unit
    forms = UNITS[unit]
    if amount == "X":
        return f"несколько {forms[2]}"
    n = float(amount)
    shown = str(int(n)) if n == int(n) else amount.replace(".", ",")
    return f"{shown} {plural(n, forms)}"


def value_words(value: str | None) -> str:
    """Any TIMEX3 value as words; an unknown code is never shown as is."""
    if not value:
        return "дата не указана"
    if value in REFS:
        return REFS[value]
    if "/" in value:
        start, _, end = value.partition("/")
        return range_words(start, end)
    words = date_words(value) or duration_words(value)
    if words:
        return words
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0-е годы"
    if re.fullmatch(r"\d{2}", value):
        return f"{int(value) + 1}-й век"
    return "время не распознано"


def range_words(start: str, end: str) -> str:
    """«2013-06-17»…«2013-06-18» → «17–18 июня 2013»; mixed parts are spelled in full."""
    a, b = _DATE.match(start), _DATE.match(end)
    if a and b and not a.group(4) and not b.group(4):
        (ya, ma, da, _), (yb, mb, db, _) = a.groups(), b.groups()
        if da and db and "XX" not in (ma, mb, da, db) and 1 <= int(ma) <= 12 and 1 <= int(mb) <= 12:
            year = "" if ya == "XXXX" else f" {ya}"
            tail = "" if year else UNKNOWN
            if (ya, ma) == (yb, mb):
                return f"{int(da)}–{int(db)} {MONTHS_GEN[int(ma) - 1]}{year}{tail}"
            if ya == yb:
                return f"{int(da)} {MONTHS_GEN[int(ma) - 1]} – {int(db)} {MONTHS_GEN[int(mb) - 1]}{year}{tail}"
    return f"{value_words(start)} – {value_words(end)}"


def time_words(t: TimeExpr) -> str:
    """A time expression's calendar value in words, from its interval when it has one."""
    if t.interval and t.interval.start != t.interval.end and t.type == "date" and "/" not in t.value:
        whole_month = re.fullmatch(r"\d{4}-\d{2}", t.value) or re.fullmatch(r"\d{4}", t.value)
        if not whole_month and not t.value.startswith("XXXX-W"):
            return range_words(t.interval.start, t.interval.end)
    words = value_words(t.value)
    if t.mod in ("APPROX",):
        words = "около: " + words
    return words


_ISO_IN_LINE = re.compile(r"\b(\d{4}-\d{2}-\d{2})…(\d{2}|\d{4}-\d{2}-\d{2})\b|\b(\d{4}-\d{2}(?:-\d{2})?)\b")
_CODE_IN_LINE = re.compile(r"\b(?:XXXX[-\w:]*|P(?:T)?[\dX.]+[YMWDHS]|(?:PAST|PRESENT|FUTURE)_REF)\b")


def _dates_in_words(line: str) -> str:
    def iso(m: re.Match[str]) -> str:
        if m.group(1):
            start, end = m.group(1), m.group(2)
            end = end if len(end) == 10 else start[:8] + end
            return range_words(start, end)
        return value_words(m.group(3))

    line = _ISO_IN_LINE.sub(iso, line)
    return _CODE_IN_LINE.sub(lambda m: value_words(m.group(0)), line)


def fact_sentence(doc: Document, fact) -> str:
    """The CLI's fact line with its dates in words:
    «Встреча: Владимир Путин, Барак Обама — саммит G8 — 17–18 июня 2013 (планируется)»."""
    from ..facts.describe import fact_line

    return _dates_in_words(fact_line(doc, fact))


def readable(doc: Document) -> dict[str, dict[str, str]]:
    """Words for the page, keyed by layer id: {"times": {id: words}, "facts": {id: sentence}}."""
    out: dict[str, dict[str, str]] = {"times": {}, "facts": {}}
    for t in doc.times:
        out["times"][t.id] = time_words(t)
    for f in doc.facts:
        try:
            out["facts"][f.id] = fact_sentence(doc, f)
        except Exception:  # noqa: BLE001 — a fact the describer cannot word still shows by its type
            out["facts"][f.id] = f.type
    return out


def document_out(doc: Document, info: dict[str, Any] | None = None) -> dict[str, Any]:
    """A Document as the API gives it: its layers, the readable words, store ids as strings;
    ``info`` (a stored document's) adds its source and reprints."""
    out = doc.to_dict()
    out["readable"] = readable(doc)
    if info:
        out["source"] = info["source"]
        out["reprints"] = [{**r, "id": str(r["id"])} for r in info["reprints"]]
    return out
