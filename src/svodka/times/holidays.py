"""Holidays and named days whose date a reader knows: «День Победы» is 9 May.

The table is ours (no maintained library lists Russian public holidays with
their case forms); each entry is a lower-case regex and a (month, day) or a
function of the year for movable feasts (Orthodox Easter).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

# «день» inflects: «День Победы», «Дня Победы», «ко Дню Победы», «Днём Победы».
_DAY = r"д(?:ень|ня|ню|н[её]м|не)"


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter (Пасха) by Meeus's Julian algorithm, shifted to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = dt.date(year, month, day + 1)
    return julian + dt.timedelta(days=year // 100 - year // 400 - 2)


Fixed = tuple[int, int]
HOLIDAYS: list[tuple[str, Fixed | Callable[[int], dt.date]]] = [
    (rf"{_DAY}\s+победы", (5, 9)),
    (rf"{_DAY}\s+россии", (6, 12)),
    (rf"{_DAY}\s+народного\s+единства", (11, 4)),
    (rf"{_DAY}\s+защитника\s+отечества", (2, 23)),
    (rf"{_DAY}\s+конституции(?:\s+(?:рф|российской\s+федерации|россии))?", (12, 12)),
    (rf"{_DAY}\s+космонавтики", (4, 12)),
    (rf"{_DAY}\s+знаний", (9, 1)),
    (rf"{_DAY}\s+святого\s+валентина", (2, 14)),
    (rf"татьянин(?:а|у|ым)?\s+{_DAY}", (1, 25)),
    (rf"международн(?:ый|ого|ому|ым)\s+женск(?:ий|ого|ому|им)\s+{_DAY}", (3, 8)),
    (r"праздник(?:а|у|ом)?\s+весны\s+и\s+труда|первома(?:й|я|ю|ем)", (5, 1)),
    (r"католическ(?:ое|ого|ому|им)\s+рождеств(?:о|а|у|ом)", (12, 25)),
    (r"рождеств(?:о|а|у|ом)(?:\s+христов(?:о|а|у|ым))?", (1, 7)),
    (r"новый\s+год|нового\s+года|новому\s+году|новым\s+годом", (1, 1)),
    (r"пасх(?:а|и|у|е|ой)", orthodox_easter),
]
HOLIDAY = "(?:" + "|".join(p for p, _ in HOLIDAYS) + r")(?![\w])"
_HOLIDAY_RE = [(re.compile(f"^(?:{p})$"), when) for p, when in HOLIDAYS]


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a holiday (as matched by HOLIDAY) in a given year."""
    name = " ".join(name.lower().split())
    for pattern, when in _HOLIDAY_RE:
        if pattern.match(name):
            if callable(when):
                return when(year)
            return dt.date(year, *when)
    return None


def holiday_month_day(name: str) -> Fixed | None:
    """(month, day) of a fixed holiday, or None (movable or unknown)."""
    name = " ".join(name.lower().split())
    for pattern, when in _HOLIDAY_RE:
        if pattern.match(name):
            return None if callable(when) else when
    return None
