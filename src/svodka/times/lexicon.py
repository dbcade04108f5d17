"""Word forms of the time vocabulary, as regular-expression pieces over lower-cased text.

The vocabulary is closed (twelve months, seven weekdays, a dozen units, number
words), so its case forms are listed here instead of lemmatising every token
with pymorphy3: one compiled regex scans an article in well under a
millisecond, while a yargy parser with the same coverage costs tens of
milliseconds per article (natasha's date grammar alone: ~40 ms on 4 kB), and
this layer runs on every document.  dateparser was measured too: 0.4 s to load,
~2 ms per found string, and it returns a point where we need a granularity
(«в прошлом году» → 2012-05-08, not 2012; «в сентябре» → None), so the values are
computed here (periods.py, resolve.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def _table(forms: Iterable[tuple[str, Any]]) -> list[tuple[re.Pattern[str], Any]]:
    """(pattern, value) pairs compiled to match a whole word."""
    return [(re.compile(f"^(?:{p})$"), value) for p, value in forms]


def _lookup(table: list[tuple[re.Pattern[str], Any]], word: str) -> Any:
    """The value of the first pattern the whole word matches, else None."""
    for pattern, value in table:
        if pattern.match(word):
            return value
    return None


# -- months ------------------------------------------------------------------
# Russian nouns inflect for case («падеж»): «июнь» (nominative), «июня»
# (genitive, «17 июня»), «июне» (prepositional, «в июне») …
_MONTH_FORMS = {
    1: r"январ(?:ь|я|ю|е|ём|ем)",
    2: r"феврал(?:ь|я|ю|е|ём|ем)",
    3: r"март(?:а|у|е|ом)?",
    4: r"апрел(?:ь|я|ю|е|ем)",
    5: r"ма(?:й|я|ю|е|ем)",
    6: r"июн(?:ь|я|ю|е|ем)",
    7: r"июл(?:ь|я|ю|е|ем)",
    8: r"август(?:а|у|е|ом)?",
    9: r"сентябр(?:ь|я|ю|е|ём|ем)",
    10: r"октябр(?:ь|я|ю|е|ём|ем)",
    11: r"ноябр(?:ь|я|ю|е|ём|ем)",
    12: r"декабр(?:ь|я|ю|е|ём|ем)",
}
MONTH = "(?:" + "|".join(_MONTH_FORMS.values()) + r")(?![\w])"
_MONTH_RE = _table((p, n) for n, p in _MONTH_FORMS.items())


def month_of(word: str) -> int | None:
    return _lookup(_MONTH_RE, word.lower())


# -- weekdays (ISO numbers, Monday = 1) --------------------------------------
_WEEKDAY_FORMS = {
    1: r"понедельник(?:а|у|ом|е|и|ов|ам|ами)?",
    2: r"вторник(?:а|у|ом|е|и|ов|ам|ами)?",
    3: r"сред(?:а|у|ы|е|ой|ам|ами)",
    4: r"четверг(?:а|у|ом|е|и|ов|ам|ами)?",
    5: r"пятниц(?:а|у|ы|е|ей|ам|ами)",
    6: r"суббот(?:а|у|ы|е|ой|ам|ами)",
    7: r"воскресень(?:е|я|ю|ем|и|ям|ями)",
}
WEEKDAY = "(?:" + "|".join(_WEEKDAY_FORMS.values()) + r")(?![\w])"
_WEEKDAY_RE = _table((p, n) for n, p in _WEEKDAY_FORMS.items())


def weekday_of(word: str) -> int | None:
    return _lookup(_WEEKDAY_RE, word.lower())


# -- number words -------------------------------------------------------------
# Cardinals decline too: «два года», «около двух недель», «двумя днями».
# None stands for an unknown amount («несколько лет» → PXY).
_NUMBER_FORMS: list[tuple[str, float | None]] = [
    (r"од(?:ин|на|но|ного|ной|ну|ному|ним|ном|ною)", 1),
    (r"дв(?:а|е|ух|ум|умя)|двое|двоих", 2),
    (r"тр(?:и|[её]х|[её]м|[её]мя)|трое|троих", 3),
    (r"четыр(?:е|[её]х|[её]м|ьмя)|четверо", 4),
    (r"пят(?:ь|и|ью)", 5),
    (r"шест(?:ь|и|ью)", 6),
    (r"сем(?:ь|и|ью)", 7),
    (r"вос(?:емь|ьми|емью|ьмью)", 8),
    (r"девят(?:ь|и|ью)", 9),
    (r"десят(?:ь|и|ью)", 10),
    (r"одиннадцат(?:ь|и|ью)", 11),
    (r"двенадцат(?:ь|и|ью)", 12),
    (r"пятнадцат(?:ь|и|ью)", 15),
    (r"двадцат(?:ь|и|ью)", 20),
    (r"тридцат(?:ь|и|ью)", 30),
    (r"сорок(?:а)?", 40),
    (r"пят(?:ьдесят|идесяти)", 50),
    (r"ст(?:о|а)", 100),
    (r"полтор(?:а|ы)|полутора", 1.5),
    (r"пар(?:у|а|ы)", 2),
    (r"нескольк(?:о|их|им|ими)", None),
    (r"мног(?:о|их|ие)", None),
]
# Ordinal day words in the genitive of a date («пятого сентября», «двадцать первого июня»): 1 … 31.
_ORD_UNITS = ["перв", "втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят"]
_ORD_TEENS = ["десят", "одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат",
              "семнадцат", "восемнадцат", "девятнадцат"]
_ORD_GEN = [(u + ("ьего" if u == "трет" else "ого"), i + 1) for i, u in enumerate(_ORD_UNITS)]
_ORD_GEN += [(t + "ого", 10 + i) for i, t in enumerate(_ORD_TEENS)]
_ORD_GEN += [("двадцатого", 20), ("тридцатого", 30)]
_ORD_GEN += [(f"двадцать\\s+{w}", 20 + n) for w, n in _ORD_GEN[:9]] + [(f"тридцать\\s+{_ORD_GEN[0][0]}", 31)]
DAY_WORD = "(?:" + "|".join(w for w, _ in sorted(_ORD_GEN, key=lambda wn: -len(wn[0]))) + r")(?![\w])"


def day_of_word(text: str) -> int | None:
    """«пятого» → 5, «двадцать первого» → 21; None for anything else."""
    t = " ".join(text.lower().split())
    return next((n for w, n in _ORD_GEN if re.fullmatch(w, t)), None)


NUMBER_WORD = "(?:" + "|".join(p for p, _ in _NUMBER_FORMS) + r")(?![\w])"
_NUMBER_RE = _table(_NUMBER_FORMS)
# «четыре с половиной» (four and a half) counts as 4.5
NUMBER = rf"(?:(?:\d+|{NUMBER_WORD})\s+с\s+половиной|\d+(?:[.,]5)?(?:\s*[-–—]\s*\d+)?|{NUMBER_WORD})"


def number_of(text: str) -> float | None:
    """The amount a number (digits or words) says; None when vague («несколько»)."""
    text = text.lower().strip()
    if text.endswith("с половиной"):
        whole = number_of(text[: -len("с половиной")])
        return None if whole is None else whole + 0.5
    digits = re.match(r"(\d+(?:[.,]5)?)", text)
    if digits:
        return float(digits.group(1).replace(",", "."))
    return _lookup(_NUMBER_RE, text)


# -- units ------------------------------------------------------------------
# code: ISO 8601 designator; factor: how many of it one unit makes.
_UNIT_FORMS: list[tuple[str, str, int]] = [
    (r"полминуты", "S", 30),
    (r"полчаса", "MIN", 30),
    (r"полдня", "H", 12),
    (r"пол(?:года|угода|угоду)", "M", 6),
    (r"полвека", "Y", 50),
    (r"секунд(?:а|ы|у|ой|ам|ами|ах)?", "S", 1),
    (r"минут(?:а|ы|у|ой|ам|ами|ах)?", "MIN", 1),
    (r"час(?:а|ов|у|ом|ам|ами|ах)?", "H", 1),
    (r"сут(?:ки|ок|кам|ками|ках)", "D", 1),
    (r"д(?:ень|ня|ню|н[её]м|не|ни|ней|ням|нями|нях)", "D", 1),
    (r"недел(?:я|и|ю|е|ей|ь|ям|ями|ях|ею)", "W", 1),
    (r"месяц(?:а|у|ем|е|ы|ев|ам|ами|ах)?", "M", 1),
    (r"квартал(?:а|у|ом|е|ы|ов)?", "M", 3),
    (r"полугоди(?:е|я|ю|ем|и|й)", "M", 6),
    (r"год(?:а|у|ом|е|ы|ов|ам|ами|ах)?|лет", "Y", 1),
    (r"десятилети(?:е|я|ю|ем|и|й|ям|ями|ях)", "Y", 10),
    (r"век(?:а|у|ом|е|ов|ам|ами|ах)?|столети(?:е|я|ю|ем|и|й)", "Y", 100),
]
UNIT = "(?:" + "|".join(p for p, _, _ in _UNIT_FORMS) + r")(?![\w])"
_UNIT_RE = _table((p, (code, factor)) for p, code, factor in _UNIT_FORMS)


def unit_of(word: str) -> tuple[str, int] | None:
    return _lookup(_UNIT_RE, word.lower())


# Plural forms («в последние годы», «в ближайшие месяцы») mark vague references.
PLURAL_UNIT = r"(?:годы|месяцы|недели|дни|десятилетия|годах|месяцах|неделях|днях|десятилетиях)(?![\w])"

# Parts of the day («утром», «вечером»): TIMEX3 MO, AF, EV, NI.
PART_OF_DAY = {"утром": "MO", "днем": "AF", "днём": "AF", "вечером": "EV", "ночью": "NI", "после полудня": "AF",
               "до полудня": "MO", "с утра": "MO", "до утра": "NI", "до вечера": "AF", "до самого вечера": "AF"}

# Seasons in the instrumental case («летом» = in summer): TIMEX3 SP, SU, FA, WI.
SEASONS = {"весн": "SP", "лет": "SU", "осен": "FA", "зим": "WI"}


def season_of(word: str) -> str | None:
    word = word.lower()
    for stem, code in SEASONS.items():
        if word.startswith(stem):
            return code
    return None


# Relative words: «прошлый» (last), «этот» (this), «следующий» (next) …
RELATIVE = {
    "позапрошл": -2,
    "прошл": -1,
    "минувш": -1,
    "прошедш": -1,
    "предыдущ": -1,
    "текущ": 0,
    "эт": 0,
    "нынешн": 0,
    "следующ": 1,
    "будущ": 1,
    "наступающ": 1,
    "предстоящ": 1,
}
RELATIVE_WORD = r"(?:позапрошл|прошл|прошедш|минувш|предыдущ|текущ|нынешн|следующ|будущ|наступающ|предстоящ)\w*|эт(?:от|ом|ого|ому|им|а|ой|у|и|их)"


def relative_of(word: str) -> int | None:
    word = word.lower()
    for stem, shift in RELATIVE.items():
        if word.startswith(stem):
            return shift
    return None


ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman_to_int(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text.lower().replace("х", "x")):  # Cyrillic «Х» often stands for X
        value = ROMAN.get(ch)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total or None
