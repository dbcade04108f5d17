"""Times: every date and time expression, normalised against the publication date.

``extract_times(doc)`` finds expressions with the regex grammar (grammar.py),
reads the tense of their clause from natasha's morphology (tense.py) and
resolves them to TIMEX3 values and full-date intervals (resolve.py,
moments.py, amounts.py).  Without a publication date relative expressions
keep what is known («XXXX-09») with anchor "none"; no year is invented.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from ..document import Document, Interval, TimeExpr
from . import amounts, moments
from . import resolve as cal
from .grammar import Match, candidates, merge, select
from .periods import impossible
from .resolve import Context, Result
from .tense import clause_tense

__all__ = ["extract_times"]

log = logging.getLogger(__name__)

_HANDLERS = {
    "daymonth": cal.daymonth,
    "numdate": cal.numdate,
    "month": cal.month,
    "decade": cal.decade,
    "century": cal.century,
    "relative": cal.relative,
    "newyear": cal.new_year,
    "season": cal.season,
    "quarter": cal.quarter,
    "holiday": cal.holiday,
    "deictic": moments.deictic,
    "eve": moments.eve,
    "nextday": moments.next_day,
    "weekday": moments.weekday,
    "weekday_bare": moments.weekday,
    "weekend": moments.weekend,
    "pod_alone": moments.lone_part_of_day,
    "clock": moments.clock,
    "compound": moments.compound,
    "ref": amounts.reference,
    "set": amounts.frequency,
    "shift": amounts.shift,
    "rate": amounts.rate,
    "duration": amounts.duration,
    "dursum": amounts.duration_sum,
}
_NOMINAL = {"NOUN", "PROPN", "ADJ", "DET", "NUM"}
# A habitual sentence («Осенью, как правило, …», «обычно в мае») speaks of every year:
# its year-less dates keep the year unspecified instead of taking the publication year.
_HABITUAL = re.compile(r"(?i)\b(?:как\s+правило|обычно|традиционно|по\s+традиции|ежегодно|каждый\s+год|раз\s+в\s+год|регулярн\w*)\b")
# «c 1996 года» typed with a Latin «c» (NEREL train: 6 such extents): the grammar reads it as «с».
_LATIN_C = re.compile(r"(?<![\w.])c(?=\s+(?:\d|[а-яё]))")
_CALENDAR = {"month", "season", "daymonth", "holiday", "compound", "range"}


def _published(doc: Document) -> dt.date | None:
    if not doc.published:
        return None
    try:
        return dt.date.fromisoformat(doc.published[:10])
    except ValueError:
        return None


def _split_lists(text: str, matches: list[Match]) -> list[Match]:
    """«18, 23 и 26 января» is three dates: one expression per day, the month shared."""
    out: list[Match] = []
    for m in matches:
        if m.family == "year" and (m.groups.get("ysep") or "") in ("и", "или"):  # «в 1995 и 2002 году»
            second = m.start + text[m.start : m.end].rindex(m.groups["y2"])
            first_end = m.start + text[m.start : m.end].index(m.groups["y1"]) + 4
            out.append(Match("year", m.start, first_end, {**m.groups, "y2": None, "yw": "год"}))
            out.append(Match("year", second, m.end, {**m.groups, "y1": m.groups["y2"], "y2": None, "prep": None}))
            continue
        days = m.groups.get("days") or ""
        if m.family != "daymonth" or not re.search(r",|\bи\b", days) or re.search(r"[-–—]|по|до", days):
            out.append(m)
            continue
        numbers = list(re.finditer(r"\d+", text[m.start : m.end]))[: len(re.findall(r"\d+", days))]
        for i, num in enumerate(numbers):
            start = m.start if i == 0 else m.start + num.start()
            end = m.end if i == len(numbers) - 1 else m.start + num.end()
            out.append(Match("daymonth", start, end, {**m.groups, "days": num.group(), "prep": m.groups["prep"] if i == 0 else None}))
    return out


def _governs_event(doc: Document, m: Match) -> bool:
    """«накануне выборов» names an event, not a day: the word after it is nominal."""
    if m.groups.get("pod"):
        return False
    following = [t for t in doc.tokens if t.start >= m.end][:1]
    if following:  # «накануне визита» (genitive: governed) vs «Накануне губернатор заявил» (a subject)
        return following[0].pos in _NOMINAL and following[0].feats.get("Case") == "Gen"
    nxt = doc.text[m.end : m.end + 30].split()
    return bool(nxt) and nxt[0][:1].isalpha() and nxt[0][:1].islower() and nxt[0] not in ("он", "она", "они", "в", "на")


def _sentence(doc: Document, offset: int) -> str:
    sent = doc.sent_of(offset) if doc.sents else None
    if sent is not None:
        return doc.text[sent.start : sent.end]
    start = max(doc.text.rfind(ch, 0, offset) for ch in ".!?\n") + 1
    ends = [i for i in (doc.text.find(ch, offset) for ch in ".!?\n") if i >= 0]
    return doc.text[start : min(ends) if ends else len(doc.text)]


def _dispatch(m: Match, ctx: Context, text: str) -> Result | None:
    if m.family == "year":
        return cal.year(m, ctx, text)
    if m.family == "range":
        return cal.date_range(m, ctx, lambda part, c: _dispatch(part, c, text))
    handler = _HANDLERS.get(m.family)
    return handler(m, ctx) if handler else None


def extract_times(doc: Document) -> list[TimeExpr]:
    text = doc.text
    if not text:
        return []
    published = _published(doc)
    text = _LATIN_C.sub("с", text)  # the grammar's view only: offsets and doc.text stay as written
    found = candidates(text)
    rejected: set[tuple[str, int, int]] = set()
    for _ in range(4):  # a match that does not resolve gives way to the next longest
        results = _resolve_all(doc, published, merge(text, _split_lists(text, select(found, rejected))))
        failed = {(m.family, m.start, m.end) for m, res in results if res is None} - rejected
        failed |= {(p.family, p.start, p.end) for m, res in results if res is None for p in m.parts}
        if not failed:
            break
        rejected |= failed
    times: list[TimeExpr] = []
    for m, res in results:
        if res is None:
            continue
        interval = Interval(res.span[0].isoformat(), res.span[1].isoformat()) if res.span else None
        value: str | None = res.value
        why = impossible(res.value, (interval.start, interval.end) if interval else None)
        if why:  # kept as text, so a reader sees what the article said, but with no value
            doc.warnings.append(f"times: {doc.text[m.start : m.end]!r} at {m.start}: {why}; value left null")
            value, interval = None, None
        times.append(
            TimeExpr(
                id=f"t{len(times) + 1}",
                text=doc.text[m.start : m.end],
                start=m.start,
                end=m.end,
                type=res.type,
                value=value,
                interval=interval,
                anchor=res.anchor,
                mod=res.mod,
            )
        )
    return times


def _resolve_all(doc: Document, published: dt.date | None, matches: list[Match]) -> list[tuple[Match, Result | None]]:
    out: list[tuple[Match, Result | None]] = []
    previous: dt.date | None = None
    previous_md: tuple[int, int] | None = None
    last_year: int | None = None
    said: tuple[str, int] | None = None  # (sentence, year) of the last expression that said a year
    for m in matches:
        if m.family == "eve" and _governs_event(doc, m):
            out.append((m, None))
            continue
        sentence = _sentence(doc, m.start)
        pub = None if m.family in _CALENDAR and _HABITUAL.search(sentence) else published
        same = said[1] if said and said[0] == sentence else None
        ctx = Context(
            pub, clause_tense(doc, m.start, m.end), previous, previous_md, same, last_year, text=doc.text
        )
        try:
            res = _dispatch(m, ctx, doc.text)
        except (ValueError, OverflowError) as exc:  # a date out of the calendar's range: skip it, keep the rest
            log.debug("times: skipped %r: %s", doc.text[m.start : m.end], exc)
            res = None
        if res is not None and res.day is not None:
            previous, previous_md = res.day, None
        elif res is not None and (md := re.match(r"XXXX-(\d\d)-(\d\d)(?:$|T)", res.value)):
            previous, previous_md = None, (int(md.group(1)), int(md.group(2)))
        years = re.findall(r"(?<![\dX])\d{4}(?![\d])", res.value) if res is not None and res.anchor == "none" else []
        if years and res.type in ("date", "time"):  # a year said in the text
            last_year = int(years[-1])
            said = (sentence, last_year)
        out.append((m, res))
    return out
