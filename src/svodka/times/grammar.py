"""The grammar: one regex per family of time expressions, run over lower-cased text.

Each family names its parts with groups; ``candidates`` finds every match,
``select`` keeps the longest without overlaps as ``Match`` records, and
``merge`` joins neighbours that a reader reads as one expression
(«в пятницу, 21 января», «утром в 06.00 … 21 мая 2011 года»).
Why regexes and not yargy: see lexicon.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gates import gate_of
from .holidays import HOLIDAY
from .lexicon import (
    DAY_WORD,
    MONTH,
    NUMBER,
    NUMBER_WORD,
    PLURAL_UNIT,
    RELATIVE_WORD,
    UNIT,
    WEEKDAY,
    unit_of,
)

_L = r"(?<![\w\-])"  # left word edge; a hyphen before means a name («Евро-2012»)
_YEAR_WORD = r"(?:год(?:а|у|ом|ы|ов|ах|ам)?|гг?\.)(?![\w])"
# A governing preposition, kept in the extent («в июне», «до конца», «к 2020 году»).
_PREP = (
    r"(?:(?P<prep>в\s+течение|на\s+протяжении|в\s+ходе|в\s+период|начиная\s+с|вплоть\s+до|не\s+позднее|"
    r"не\s+позже|не\s+ранее|в|во|с|со|по|до|к|ко|на|от|после|около|за|между)\s+)"
)
# «в начале / в середине / до конца / к концу …» of a period: TIMEX3 mod START, MID, END.
_PHASE = (
    r"(?:(?P<pprep>в|во|до|к|ко|с|со|по|на|от)\s+)?(?:самом\s+|самого\s+)?"
    r"(?P<phase>начал[аеоу]|кон(?:ц[аеу]|[её]ц)|середин[аеуы]|"
    r"(?:перв|втор)(?:ой|ую|ая)\s+половин[аеуы])\s+"
)
_YEAR = r"(?P<year>[12]\d{3})(?:\s*(?:года|году|год|г\.)(?![\w]))?"
# «прошлого года», «с.г.» («сего года», this year), «того же года» (the year just named)
_REL_YEAR = r"(?P<ryear>(?:" + RELATIVE_WORD + r"|того\s+же)\s+года(?![\w])|с\.\s?г\.)"
_DAYS = r"(?P<days>(?:[0-3]?\d)(?:-го|-е)?(?:\s*(?:[-–—]|,|и|по|до)\s*[0-3]?\d)*|" + DAY_WORD + r")"
# «с 10,63 миллиарда до 11.29 миллиарда долларов»: a decimal amount, not a clock
_NOT_AMOUNT = r"(?!\s+(?:тыс|млн|млрд|миллион|миллиард|трлн|триллион|процент|доллар|евро|рубл|%)\w*)"
_TZ = (
    r"(?P<tz>\s+(?:по\s+)?(?:московскому|местному|киевскому|всемирному|гринвичу)(?:\s+времени)?"
    r"|\s+(?:московского|местного)\s+времени|\s+по\s+(?:москве|мск)|\s+\(мск\)|\s+мск|\s+\(?(?:utc|gmt)(?:\s*[+-]\d+)?\)?)?"
)
_POD = (
    r"(?<!добрым\s)(?<!доброе\s)(?:(?:рано|поздно|ранним|поздним|глубокой|поздней)\s+)?(?P<pod>утром|днем|днём|вечером|ночью|после\s+полудня|до\s+полудня"
    r"|с\s+утра|до\s+(?:самого\s+)?(?:утра|вечера))(?![\w])"
    r"(?!\s+(?:позже|позднее|раньше|ранее|спустя))"
)

_WHEN = r"(?:" + _PHASE + r"|" + _PREP + r")?"  # «в», «до конца», «к» … before a period
_YEAR_TAIL = r"(?:\s+" + _YEAR + r"|\s+" + _REL_YEAR + r")?"  # «… 2013 года», «… прошлого года»


def _alt(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


# «за последний год», «в течение последней недели», «последние дни», «за истекшее десятилетие»
_LAST_UNIT = (r"(?:год|года|месяц|месяца|месяцы|месяцев|недел[июе]|недель|дни|дней|полгода|полугодие|десятилетие|"
              r"десятилетия|столетие|столетия)")


_REFS = _alt(
    r"(?:за|в|всё|все|на\s+протяжении)\s+последнее\s+время",
    r"(?:за|в)\s+последние\s+" + PLURAL_UNIT,
    r"(?:(?:за|в|на\s+протяжении|в\s+течение)\s+)?(?:последн|прошедш|истекш)(?:ий|юю|ее|ие|их|ей|ее|ую)\s+" + _LAST_UNIT,
    r"(?:в\s+течение\s+)?(?:долгие|долгих|многие|многих)\s+(?:годы|лет|десятилетия|десятилетий)",
    r"в\s+(?:разные|последующие|предстоящие|ближайшие|прошлые)\s+годы|в\s+течение\s+(?:ряда|следующих|последующих)\s+лет",
    r"(?<=\s)последних\s+лет",
    r"в\s+(?:прошлые|предыдущие|прежние|былые)\s+(?:годы|времена)",
    r"в\s+(?:ближайшее|скором)\s+время",
    r"в\s+ближайшие\s+" + PLURAL_UNIT,
    r"в\s+(?:ближайшем|недал[её]ком|обозримом)\s+будущем",
    r"в\s+будущем|в\s+прошлом|на\s+днях",
    r"в\s+настоящее\s+время|в\s+настоящий\s+момент",
    r"на\s+(?:данный|текущий|сегодняшний)\s+(?:момент|день)",
)
_DUR_PREP = _alt(
    r"в\s+течение|на\s+протяжении|(?:за\s+|в\s+)?последние|в(?=\s+(?:первые|ближайшие|последние)\s)",
    r"около|почти|примерно|приблизительно|порядка",
    r"не\s+менее|не\s+более|не\s+больше|не\s+меньше|более|менее|свыше|больше|меньше",
    r"целых|уже|лишь|всего|весь|всю|все|всё|целый|целую|за|на|по|от|до",
)
_DUR_ADJ = _alt(  # «на первые пять лет», «в течение прошлых 10 лет», «в течение лишнего часа»
    r"(?:первые|первых|прошлые|прошлых|последних|ближайшие|ближайших|следующие|следующих|очередные)\s+(?=\d|"
    + NUMBER_WORD + r")",
    r"(?<=течение\s)\w+(?:ого|его)\s+(?=" + UNIT + r")",
)
# «трёхдневный», «16-летняя», «полугодовой»: the genitive of the number glued to the unit
_ADJ_NUMBER = _alt(
    r"\d+-?|\d+-и\s+",
    NUMBER_WORD.replace(r"(?![\w])", ""),
    r"одно|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|пятнадцати|двадцати|тридцати|сорока",
    r"пятидесяти|ста|полу",
)
_ADJ_UNIT = r"(?:летн|месячн|недельн|дневн|годов|часов|минутн|суточн|годичн)"
_CLOCK = _alt(
    r"(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<mi>[0-5]\d)(?:\s*(?:[-–—]|до|по)\s*(?P<h2>[01]?\d|2[0-3])[:.](?P<mi2>[0-5]\d)"
    r"(?:\s+(?:утра|ночи))?)?",
    r"(?P<hw>[01]?\d|2[0-3])\s+час(?:ов|а)?(?:\s+(?P<mw>[0-5]?\d)\s+минут\w*)?(?:\s+(?P<ampm>утра|дня|вечера|ночи))?",
    r"(?P<noon>полдень|полночь|(?<!после\s)полудн[яю]|полуноч[иь]|полуночью)",
    r"(?<=\s)(?P<hd>[01]?\d)\s+(?P<ampm2>утра|дня|вечера|ночи)",
)
_SET = _alt(
    r"(?P<each>кажд(?:ый|ую|ое|ого|ом|ые|ых|ой|ая|ым))\s+(?P<eunit>" + UNIT + "|" + WEEKDAY + r"|весну|лето|осень|зиму)",
    r"(?P<adv>ежегодн|ежемесячн|еженедельн|ежедневн|ежеквартальн|ежечасн|ежеминутн)"
    r"(?:о|ый|ая|ое|ого|ой|ом|ому|ую|ые|ых|ым|ыми)(?![\w])",
    r"(?:(?:не\s+(?:реже|чаще)|как\s+минимум|минимум|максимум)\s+)?(?:(?:" + NUMBER + r")\s+)?"
    r"(?:раз(?:а)?|дважды|трижды|четырежды)\s+в\s+(?P<runit>" + UNIT + r")",
    r"по\s+(?P<pwd>понедельникам|вторникам|средам|четвергам|пятницам|субботам|воскресеньям|выходным)",
)
_SHIFT = _alt(
    r"(?P<before>через|спустя)\s+(?:(?:почти|около|примерно|более|менее|свыше|больше|меньше)\s+)?"
    r"(?:(?P<num>" + NUMBER + r")\s+)?(?P<unit>" + UNIT + r")(?P<event>\s+после)?",
    r"(?P<na>на\s+)?(?:(?P<approx>около|примерно|почти|(?:немногим\s+|чуть\s+)?более|менее|свыше|больше|меньше)\s+)?(?:(?P<num2>" + NUMBER + r")\s+)?"
    r"(?P<unit2>" + UNIT + r")\s+"
    r"(?P<after>(?:тому\s+)?назад|спустя|позже|позднее|раньше|ранее)(?![\w])",
)
_REL_UNIT = _alt(
    r"год(?:а|у|ом)?|недел[июеь]|месяц(?:а|е|ем)?|десятилети[еяю]|век(?:а|е|у)?|квартал(?:а|е)?|полугоди[еяю]",
    r"(?P<wd>" + WEEKDAY + r")",
)

FAMILIES: dict[str, str] = {
    # 21.05.2011, 2011-05-21
    "numdate": _L + r"(?<!/)" + _PREP + r"?(?:(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d{4})(?:\s*(?:года|г\.))?"
    r"|(?P<sd>[0-3]?\d)/(?P<sm>[01]?\d)/(?P<sy>\d{4})|(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?![\w])(?!\.\w)",
    # 17-18 июня, с 1 по 5 мая 2013 года, 18, 23 и 26 января, в ночь на 27 марта
    "daymonth": _L + r"(?:(?P<eve>в\s+канун|накануне)\s+|(?P<night>в\s+ночь\s+(?:со?\s+[0-3]?\d(?:-го)?\s+)?на)\s+)?"
    + _PREP + r"?" + _DAYS + r"\s+(?P<mon>" + MONTH + r")" + _YEAR_TAIL,
    # в июне 2013 года, в начале января, в марте прошлого года, в январе–феврале
    "month": _L + _WHEN + r"(?P<mon>" + MONTH + r")(?:\s*[-–—]\s*(?P<mon2>" + MONTH + r"))?" + _YEAR_TAIL,
    # в 2020 году, до конца 2013 года, в 2010–2012 годах, с 2005 по 2010 год, 67-го года, 2009-й
    "year": _L + _WHEN + r"(?P<y1>[1-9]\d{3}|\d{2}-?(?:го|й|м)(?=\s+год))"
    r"(?:\s*(?P<ysep>[-–—/]|по|и|или|до)\s*(?P<y2>[12]\d{3}|\d{2}))?"
    r"\s*(?P<yw>" + _YEAR_WORD + r"|(?<=\d)-(?:й|го|м)(?![\w]))?",
    # в 2000-х, в 90-е годы, в конце 1990-х годов прошлого века
    "decade": _L + _WHEN + r"(?P<dec>(?:1[5-9]|20)?\d0)\s*-?\s*(?:х|е|ые|ых)(?![\w])"
    r"(?:\s+(?P<dw>годах|годы|годов|гг\.))?(?:\s+(?:прошлого|xx|20-го)\s+(?:века|столетия))?"
    r"(?!\s+(?:мест|позици|строчк|строк|ряд)\w*)",  # «на 40-е место» is a rank
    # в XXI веке, в начале XX века
    "century": _L + _WHEN + r"(?:(?P<cent>[xviх]{1,6}|\d{1,2})(?:-?(?:м|ом|й|го))?\s+(?:век(?:а|е|у|ом)?|столети(?:е|я|и))"
    r"|(?P<cent0>[xviх]{1,6})(?=\s*,?\s*(?:а|и|или)\s+[xviх]{1,6}\s+век))(?![\w])",  # «не XXI, а XXII века»
    # в прошлом году, на прошлой неделе, в следующем месяце, в конце прошлого года, к концу недели
    "relative": _L + r"(?:" + _PHASE + r"(?:(?P<rel>" + RELATIVE_WORD + r")\s+)?|(?:" + _PREP + r")?(?P<rel2>"
    + RELATIVE_WORD + r")\s+)(?P<unit>" + _REL_UNIT + r")(?![\w])",
    # в новом году
    "newyear": _L + r"в\s+новом\s+году(?![\w])",
    # летом 2010 года, прошлой осенью, этим летом, к осени 2009 года
    "season": _L + r"(?:(?:(?P<rel>(?:позапрошл|прошл|прошедш|минувш|текущ|нынешн|следующ|будущ|наступающ)(?:им|ым|ой|ей)"
    r"|эт(?:им|ой))\s+)?(?P<season>весн(?:ой|ою)|летом|осенью|зим(?:ой|ою))"
    r"|" + _PREP + r"(?:(?P<rel2>" + RELATIVE_WORD + r")\s+)?"
    r"(?P<season2>весн[аыуе]|лет[ао]|(?<=к\s)лету|осен[иь]|зим[аыуе]))(?![\w])" + _YEAR_TAIL,
    # в первом квартале 2013 года, во втором полугодии
    "quarter": _L + _PREP + r"?(?P<ord>перв|втор|трет|четв[её]рт|последн)\w*\s+(?P<qh>квартал|полугоди)\w*" + _YEAR_TAIL,
    # вчера, сегодня вечером, позавчера
    "deictic": _L + r"(?P<deix>позавчера|вчера|сегодня|завтра|послезавтра)(?![\w])(?:\s+" + _POD + r")?",
    # на следующий день, на другой день, на следующее утро: the day after the last named one
    "nextday": _L + r"на\s+(?:следующ(?:ий|ее)|другой)\s+(?P<nd>день|утро|вечер)(?![\w])",
    # накануне (the day before), when it does not govern an event noun
    "eve": _L + r"накануне(?![\w])(?:\s+" + _POD + r")?",
    # в понедельник, в ночь на субботу, во вторник днём
    "weekday": _L + r"(?:(?P<night>в\s+ночь\s+(?:с\s+\w+\s+)?на)\s+|" + _PREP + r")"
    r"(?P<wd>" + WEEKDAY + r")(?:\s+" + _POD + r")?",
    # в выходные, в минувшие выходные, на прошлых выходных, в эти выходные
    "weekend": _L + r"(?:(?:в|во|на|все|всё|на\s+этих|за)\s+)?(?:(?P<wrel>ближайшие|минувшие|прошедшие|прошлые|прошлых|эти|этих|"
    r"будущие|следующие|предстоящие|грядущие)\s+)?(?<=[\s])выходн(?:ые|ых)(?![\w])(?!\s+(?:дн|данны))",
    # пятница, 21 января (a bare weekday only right before its date)
    "weekday_bare": _L + r"(?P<wd>" + WEEKDAY + r")(?=\s*,?\s*[0-3]?\d\s+" + MONTH + r")",
    # в 15:30 по московскому времени, в 06.00 мск, в 15 часов 30 минут, в полдень, около 7 вечера
    "clock": _L + _PREP + r"?" + _CLOCK + r"(?![\w])" + _TZ + _NOT_AMOUNT,
    # за последнее время, в ближайшее время, в последние годы, в настоящее время
    "ref": _L + r"(?P<ref>" + _REFS + r")(?![\w])",
    # каждый год, ежегодно, раз в неделю, по понедельникам
    "set": _L + _SET,
    # a rate: «250 000 автомобилей в год», «2 млн долларов в сутки» (checked against the words around)
    "rate": _L + r"в\s+(?P<rate>год|сутки|день|месяц|неделю|час|минуту)(?![\w])",
    # N лет назад, через два дня, спустя неделю, днём позже
    "shift": _L + _SHIFT,
    # около двух недель, в течение часа, три часа, 2-летний, трёхдневный
    "duration": _L + r"(?:(?P<dprep>" + _DUR_PREP + r")\s+)?" + _DUR_ADJ + r"?(?:(?P<num>" + NUMBER + r")\s+)?"
    r"(?P<unit>" + UNIT + r")|" + _L + r"(?P<anum>" + _ADJ_NUMBER + r")-?(?P<aunit>" + _ADJ_UNIT + r")\w*",
    # в канун Дня Победы, на Новый год, к Рождеству, накануне Пасхи
    "holiday": _L + r"(?:(?P<eve>в\s+канун|накануне|перед|под)\s+|" + _PREP + r")(?P<hol>" + HOLIDAY + r")"
    r"(?:\s+" + _YEAR + r")?",
    # a part of the day: kept only next to a date, weekday or clock time
    "pod": _L + _POD,
}

PATTERNS = {name: re.compile(p) for name, p in FAMILIES.items()}
# The words each family needs, read off its regex (gates.py): a text without them is not scanned.
GATES = {name: gate_of(p) for name, p in PATTERNS.items()}
# Family preference when two matches have the same extent (earlier wins).
_ORDER = {name: i for i, name in enumerate(FAMILIES)}


@dataclass(slots=True)
class Match:
    family: str
    start: int
    end: int
    groups: dict[str, str | None]
    parts: list[Match] = field(default_factory=list)  # merged neighbours, in order


def lower_text(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):  # a few letters change length when lower-cased; keep offsets
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lower


def candidates(text: str, gated: bool = True) -> list[Match]:
    """Every family match over ``text``, longest first (``gated``: skip the families whose
    words the text lacks; the matches are the same either way)."""
    lower = lower_text(text)
    found: list[Match] = []
    for name, pattern in PATTERNS.items():
        gate = GATES[name] if gated else None
        if gate is not None and not gate.open(lower):
            continue
        for m in pattern.finditer(lower):
            start, end = m.span()
            groups = m.groupdict()
            if groups.get("event"):  # «после …» only tells what it counts from
                end = m.start("event")
            if groups.get("na") and groups.get("after"):  # «на час назад»: hands moved back
                end = m.start("after")
            while end > start and lower[end - 1] in " \t,":
                end -= 1
            if end > start and "\n\n" not in lower[start:end]:  # «Ему было 50 лет\n\nРанее …» is two paragraphs
                found.append(Match(name, start, end, groups))
    found.sort(key=lambda m: (-(m.end - m.start), m.start, _ORDER[m.family]))
    return found


def select(found: list[Match], rejected: set[tuple[str, int, int]] = frozenset()) -> list[Match]:
    """The longest matches without overlaps, in text order, skipping ``rejected`` ones."""
    taken: list[Match] = []
    for cand in found:
        if (cand.family, cand.start, cand.end) in rejected:
            continue
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    taken.sort(key=lambda m: m.start)
    return taken


def scan(text: str) -> list[Match]:
    return select(candidates(text))


# Which neighbours join into one expression, with only spaces or a comma between.
_JOIN = {
    ("weekday", "daymonth"),
    ("daymonth", "weekday"),
    ("relative", "daymonth"),
    ("eve", "daymonth"),
    ("weekday_bare", "daymonth"),
    ("weekday", "numdate"),
    ("deictic", "daymonth"),  # «Вчера, 7 мая 2013 года»
    ("deictic", "numdate"),
    ("pod", "clock"),
    ("pod", "daymonth"),
    ("pod", "weekday"),
    ("pod", "deictic"),
    ("pod", "eve"),
    ("clock", "daymonth"),
    ("clock", "numdate"),
    ("clock", "deictic"),
    ("clock", "weekday"),
    ("daymonth", "clock"),
    ("numdate", "clock"),
    ("deictic", "clock"),
    ("weekday", "clock"),
    ("eve", "clock"),
    ("holiday", "clock"),
    ("daymonth", "pod"),
    ("deictic", "pod"),
    ("weekday", "pod"),
    ("clock", "pod"),
}
_GAP = re.compile(r"^[\s,]*(?:[—–]\s*)?(?:\(\s*)?$")  # «в среду — 3 июля 2013 года» is one, as with a comma
# «12 минут 41 секунду», «53 часа 22 минуты», «года и девяти месяцев»: one length in descending units
_SUM_GAP = re.compile(r"^(?:\s*,)?\s+(?:и\s+)?$")
_UNIT_ORDER = ("Y", "M", "W", "D", "H", "MIN", "S")


_RANGE_ENDS = {"daymonth", "month", "year", "numdate", "clock", "weekday"}


def _prep(m: Match) -> str:
    return " ".join((m.groups.get("prep") or "").split())


def _unit_rank(m: Match) -> int | None:
    unit = unit_of(m.groups.get("unit") or "") if m.family == "duration" and m.groups.get("unit") else None
    return _UNIT_ORDER.index(unit[0]) if unit else None


def _sums(text: str, last: Match, m: Match) -> bool:
    """Two lengths in a row, the second in a smaller unit and with no preposition of its own."""
    a, b = _unit_rank(last), _unit_rank(m)
    return (a is not None and b is not None and a < b and not m.groups.get("dprep") and bool(m.groups.get("num"))
            and bool(_SUM_GAP.match(text[last.end : m.start])))


def merge(text: str, matches: list[Match]) -> list[Match]:
    """Join neighbours that form one expression; drop parts of the day left alone."""
    out: list[Match] = []
    for m in matches:
        if out:
            prev = out[-1]
            last = prev.parts[-1] if prev.family in ("compound", "dursum") else prev
            if (
                last.family in _RANGE_ENDS
                and m.family in _RANGE_ENDS
                and _prep(last) in ("с", "со", "от")
                and _prep(m) in ("по", "до")
                and not text[prev.end : m.start].strip()
            ):  # «с ноября по декабрь 2010 года»
                out[-1] = Match("range", prev.start, m.end, {}, [prev, m])
                continue
            if _sums(text, last, m):
                out[-1] = Match("dursum", prev.start, m.end, {}, (prev.parts if prev.family == "dursum" else [prev]) + [m])
                continue
            kinds = {p.family for p in (prev.parts or [prev])}
            gap = text[prev.end : m.start]
            if _GAP.match(gap) and any((k, m.family) in _JOIN for k in kinds) and m.family not in kinds:
                parts = (prev.parts or [prev]) + [m]
                end = m.end + 1 if "(" in gap and text[m.end : m.end + 1] == ")" else m.end  # «со среды (14 мая)»
                out[-1] = Match("compound", prev.start, end, {}, parts)
                continue
        out.append(m)
    # A part of the day left alone is dropped, except the morning, evening and night («Утром трое неизвестных
    # начали стрелять», «поздно вечером»): NEREL train marks them as TIME; «днём» alone is too often «днём позже».
    return [Match("pod_alone", m.start, m.end, m.groups) if m.family == "pod" else m for m in out
            if m.family != "pod" or m.groups.get("pod") in _LONE_POD]


_LONE_POD = frozenset({"утром", "вечером", "ночью", "с утра", "до вечера", "до самого вечера", "до утра"})
