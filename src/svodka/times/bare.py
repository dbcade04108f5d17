"""When a year written alone, with no «год» and no preposition, is read as a year.

A bare four-digit number is a year only where a reader cannot take it for a
count.  Three places were found on NEREL train's DATE spans (svodka eval nerel
--times-errors; 146 bare years missed at 0.829 overlap F1) and checked against
the counts next to them (chess ratings, people, matches):

- a parenthesis of years: «(1996)», «(2002, 2004)», «(1993—2003)», «(1954 — химия,
  1962 — премия мира)», «(? — 1944)» — the parenthesis starts with a year, and each
  year in it is followed by a separator, not by a counted noun («(2500 часов)»); or the
  year closes it after a comma or «р.»: «(«Пальцем в глаз», 1953)», «(р. 1993)»;
- a season: «в сезонах 2002/03, 2004/05», «сезон 2017—2018», «сезоны 2001/02»;
- after a preposition, before a verb, a pronoun or a capitalised word: «В 1983 окончил
  МГИМО», «в 2002 он был», «В 1986 Корасон Акино» (not «в 2000 человек»).

Years inside names («ЧМ-2018», «Corus Chess Tournament 2006») stay out: the grammar's
left edge refuses a hyphen, and a name is not a parenthesis of years.
"""

from __future__ import annotations

import re

FIRST, LAST = 1500, 2099  # chess ratings («(2637)») lie above, ordinary counts are rarely in parentheses
_PAREN = re.compile(r"\(([^()\n]{1,120})\)")
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_STARTS = re.compile(r"\s*(?:(?:с|c|в|до|по|около)\s+|\?\s*[—–-]\s*|,\s*)?" + _YEAR + r"(?!\d)")
# what may follow a year inside such a parenthesis: a separator, a range end, «г.», «гг.», «год(ы)», «р.»
_AFTER = re.compile(r"\s*(?:$|[,;—–/-]|и\s|по\s|г\.|гг\.|год|р\.)")
_SEASON = re.compile(r"(?i)(?<![\w])сезон\w*\s+(?:(?:\d{4}(?:\s*[/—–-]\s*\d{2,4})?)\s*(?:,|и)\s*)*$")
_PRONOUN = {"он", "она", "оно", "они", "мы", "я", "это", "этот", "эта", "там", "тогда", "же", "уже", "также", "ещё", "еще",
            "после", "её", "ее", "его", "их", "в", "на"}
_VERB_END = re.compile(r"(?:л|ла|ли|ло|лся|лась|лись|лось|ет|ит|ут|ют|ят|ется|ится|ются|ятся|ан|ана|ано|аны|ен|ена|ены|ят)$")


def _in_year_parenthesis(text: str, start: int, end: int) -> bool:
    open_at = text.rfind("(", max(0, start - 120), start)
    if open_at < 0 or ")" in text[open_at:start]:
        return False
    m = _PAREN.match(text, open_at)
    if not m or m.end() < end:
        return False
    inner = m.group(1)
    if _STARTS.match(inner) and _AFTER.match(text[end : m.end() - 1]):
        return True
    # the year closing a parenthesis after a title or «р.»: «(«Пальцем в глаз», 1953)», «(р. 1993)»
    return not text[end : m.end() - 1].strip() and bool(re.search(r"(?:,|\bр\.)\s*$", text[open_at + 1 : start]))


def _in_season(text: str, start: int) -> bool:
    return bool(_SEASON.search(text[max(0, start - 80) : start]))


def _before_clause(text: str, end: int) -> bool:
    nxt = re.match(r"\s+([^\W\d_]+)", text[end : end + 40])
    if not nxt:
        return False
    word = nxt.group(1)
    return word[0].isupper() or word.lower() in _PRONOUN or bool(_VERB_END.search(word.lower()))


def reads_as_year(text: str, start: int, end: int, first: int, prep: bool) -> bool:
    """True when the bare year (or year range) text[start:end] stands where a reader reads a year."""
    if not FIRST <= first <= LAST:
        return False
    if _in_year_parenthesis(text, start, end) or _in_season(text, start):
        return True
    return prep and _before_clause(text, end)
