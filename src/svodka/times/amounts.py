"""Durations, frequencies («наборы», TIMEX3 SET), shifts («через два дня») and vague references."""

from __future__ import annotations

import datetime as dt

from .grammar import Match
from .lexicon import number_of, unit_of, weekday_of
from .periods import add_months, iso, month_span, year_span
from .resolve import Context, Result

_DUR_MOD = {
    "около": "APPROX",
    "примерно": "APPROX",
    "приблизительно": "APPROX",
    "порядка": "APPROX",
    "почти": "APPROX",
    "более": "MORE_THAN",
    "свыше": "MORE_THAN",
    "больше": "MORE_THAN",
    "менее": "LESS_THAN",
    "меньше": "LESS_THAN",
    "не менее": "EQUAL_OR_MORE",
    "не меньше": "EQUAL_OR_MORE",
    "от": "EQUAL_OR_MORE",
    "не более": "EQUAL_OR_LESS",
    "не больше": "EQUAL_OR_LESS",
    "до": "EQUAL_OR_LESS",
}
# Without a number a unit is a duration only after these: «в течение часа», «около года».
_BARE_OK = {"в течение", "на протяжении", "около", "почти", "более", "менее", "свыше", "не менее", "не более", "за",
            "целый", "целую", "весь", "всю", "примерно", "больше", "меньше"}
_ADJ_UNITS = {"летн": ("Y", 1), "годичн": ("Y", 1), "месячн": ("M", 1), "недельн": ("W", 1), "дневн": ("D", 1),
              "суточн": ("D", 1), "часов": ("H", 1), "минутн": ("MIN", 1), "годов": ("Y", 1)}
_SET_ADVERBS = {"ежегодн": "P1Y", "ежемесячн": "P1M", "еженедельн": "P1W", "ежедневн": "P1D",
                "ежеквартальн": "P3M", "ежечасн": "PT1H", "ежеминутн": "PT1M"}


def _norm(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def period_value(amount: float | None, code: str, factor: int) -> str:
    """ISO 8601 duration: P2W, PT3H, P1.5Y, PXY (unknown amount)."""
    if amount is None:
        number = "X"
    else:
        total = amount * factor
        smaller = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "H": ("MIN", 60)}
        if total < 1 and code in smaller:  # «полугодовой» → P6M, not P0.5Y
            code, times = smaller[code]
            total *= times
        number = str(int(total)) if total == int(total) else f"{total:g}"
    if code in ("H", "MIN", "S"):
        return f"PT{number}{'M' if code == 'MIN' else code}"
    return f"P{number}{code}"


def duration(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    if g.get("aunit"):  # «трёхдневный», «16-летняя»
        stem = next((k for k in _ADJ_UNITS if g["aunit"].startswith(k)), None)
        raw = g["anum"].rstrip("-")
        amount = 0.5 if raw == "полу" else number_of(raw)
        if stem is None or amount is None or text_after(m, ctx).startswith("войн"):
            return None  # «Шестидневная война» is a name
        code, factor = _ADJ_UNITS[stem]
        return Result("duration", period_value(amount, code, factor))
    unit = unit_of(g["unit"])
    if unit is None:
        return None
    prep = _norm(g.get("dprep"))
    raw = g.get("num")
    if raw is None:
        if (prep not in _BARE_OK and not g["unit"].startswith("пол")) or g["unit"] in ("лет", "годы", "дни", "месяцы", "часы"):
            return None
        amount: float | None = 1
    else:
        amount = number_of(raw)
        if raw.isdigit() and unit[0] == "Y" and int(raw) >= 1000:
            return None  # «2013 года» is a year, not 2013 years
        if raw.isdigit() and int(raw) > 1000 and unit[0] not in ("H", "MIN", "S"):
            return None  # «налёт 2500 часов» is a duration; 1500 of a longer unit is rather a count or a year
    mod = _DUR_MOD.get(prep)
    if raw and any(ch in raw for ch in "-–—"):
        mod = mod or "APPROX"  # «2-3 дня»
    return Result("duration", period_value(amount, *unit), mod=mod)


def duration_sum(m: Match, ctx: Context) -> Result | None:
    """«53 часа 22 минуты» → PT53H22M, «года и девяти месяцев» → P1Y9M; the first part's mod («в течение», «более»)."""
    parts = [duration(p, ctx) for p in m.parts]
    if any(r is None or r.type != "duration" for r in parts):
        return parts[0]
    date, time = "", ""
    for r in parts:
        body = r.value[1:]
        if body.startswith("T"):
            time += body[1:]
        else:
            date += body
    if "X" in date + time:
        return parts[0]
    return Result("duration", "P" + date + (f"T{time}" if time else ""), mod=parts[0].mod)


def text_after(m: Match, ctx: Context) -> str:
    return ctx.text[m.end : m.end + 12].lstrip().lower() if ctx.text else ""


def frequency(m: Match, ctx: Context) -> Result | None:
    g = m.groups
    if g.get("adv"):
        return Result("set", _SET_ADVERBS[g["adv"]])
    if g.get("pwd"):
        return Result("set", f"XXXX-WXX-{_plural_weekday(g['pwd'])}")
    word = g.get("eunit") or g.get("runit")
    season = {"весну": "SP", "лето": "SU", "осень": "FA", "зиму": "WI"}.get(word)
    if season:
        return Result("set", f"XXXX-{season}")
    wd = weekday_of(word)
    if wd:
        return Result("set", f"XXXX-WXX-{wd}")
    unit = unit_of(word)
    if unit is None:
        return None
    return Result("set", period_value(1, *unit))


def _plural_weekday(word: str) -> str:
    names = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"]
    for i, stem in enumerate(names, 1):
        if word.startswith(stem):
            return str(i)
    return "WE"  # «по выходным»: weekends


_RATE_UNITS = {"год": "P1Y", "сутки": "P1D", "день": "P1D", "месяц": "P1M", "неделю": "P1W", "час": "PT1H", "минуту": "PT1M"}
_FUNCTION_WORDS = {"на", "и", "а", "но", "для", "с", "по", "в", "при", "без", "за", "к", "или"}


def rate(m: Match, ctx: Context) -> Result | None:
    """«в сутки», «в год» after a quantity: a frequency (TIMEX3 SET), not a date («в год 70-летия»)."""
    before = ctx.text[max(0, m.start - 40) : m.start].lower().split()[-3:]
    after = ctx.text[m.end : m.end + 20].split()
    quantity = any(w[:1].isdigit() or w.startswith(("тысяч", "млн", "миллион", "млрд", "миллиард", "раз")) for w in before)
    ends = not after or not after[0][:1].isalnum() or after[0].lower().strip(",.;:") in _FUNCTION_WORDS
    if not (quantity and ends):
        return None
    return Result("set", _RATE_UNITS[m.groups["rate"]])


def shift(m: Match, ctx: Context) -> Result | None:
    """«через два дня», «три года назад», «спустя неделю»: a date counted from now or from before."""
    g = m.groups
    word = g.get("unit") or g.get("unit2")
    unit = unit_of(word) if word else None
    raw = g.get("num") or g.get("num2")
    if unit is None:
        return None
    amount = number_of(raw) if raw else 1
    if g.get("event") or g.get("na"):  # «через полчаса после приземления»: a span after an event, not a date
        return Result("duration", period_value(amount, *unit))
    after = (g.get("after") or "").strip()
    forward = bool(g.get("before")) or after in ("спустя", "позже", "позднее")
    from_previous = g.get("before") == "спустя" or after in ("спустя", "позже", "позднее", "раньше", "ранее")
    if from_previous or (g.get("before") == "через" and ctx.tense == "past"):
        base, anchor = ctx.previous, "previous"
    else:
        base, anchor = ctx.published, "publication"
    if amount is None:
        return Result("date", "FUTURE_REF" if forward else "PAST_REF", anchor=anchor if base else "none",
                      mod="FUTURE_REF" if forward else "PAST_REF")
    if base is None:
        if anchor == "previous" and unit[0] in ("D", "W"):
            from .moments import partial_shift

            step = int(amount * unit[1]) * (7 if unit[0] == "W" else 1) * (1 if forward else -1)
            partial = partial_shift(ctx, step)
            if partial is not None:
                return partial
        return Result("date", "XXXX-XX-XX" if unit[0] in ("D", "W") else ("XXXX-XX" if unit[0] == "M" else "XXXX"))
    n = int(amount * unit[1]) * (1 if forward else -1)
    code = unit[0]
    approx = "APPROX" if g.get("approx") else None  # «около 10 дней назад»
    if code in ("D", "W", "H", "MIN", "S"):
        days = n * (7 if code == "W" else 1) if code in ("D", "W") else 0
        day = base + dt.timedelta(days=days)
        return Result("date", iso(day), (day, day), anchor, approx, day=day)
    if code == "M":
        y, mo = add_months(base.year, base.month, n)
        return Result("date", f"{y}-{mo:02d}", month_span(y, mo), anchor, approx)
    y = base.year + n
    return Result("date", str(y), year_span(y), anchor, approx)


_REFS = {
    "PAST_REF": ("последнее время", "последн", "в прошлом", "прошлые", "предыдущие", "прежние", "былые", "прошедш",
                 "истекш", "долг", "многи", "разные", "последующ", "ряда"),
    "FUTURE_REF": ("ближайшее время", "скором времени", "ближайшие", "будущем", "предстоящ", " следующих"),
}


def reference(m: Match, ctx: Context) -> Result:
    """«за последнее время» → PAST_REF, «в ближайшее время» → FUTURE_REF, «в настоящее время» → PRESENT_REF."""
    text = _norm(m.groups["ref"])
    value = "PRESENT_REF"
    for ref, cues in _REFS.items():
        if any(cue in text for cue in cues):
            value = ref
    if text == "на днях":
        value = "FUTURE_REF" if ctx.tense == "fut" else "PAST_REF"
    anchor = "publication" if ctx.published else "none"
    return Result("date", value, anchor=anchor, mod=value if value != "PRESENT_REF" else None)
