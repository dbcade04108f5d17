"""Small hand lists for what a model cannot know: country aliases, geo adjectives, place kinds.

natasha tags «США» and «Соединенными Штатами» as two places and knows nothing of
«российский» meaning Россия; news needs both.  The lists are short on purpose:
the countries and blocs that Russian news names most, not an atlas.
"""

from __future__ import annotations

import functools
import re

# canonical name -> other names (lower case, nominative).  The canonical name is what svodka shows.
_ALIASES: dict[str, tuple[str, ...]] = {
    "Россия": ("рф", "российская федерация", "russia"),
    "США": ("соединенные штаты", "соединенные штаты америки", "америка", "сша", "usa", "us"),
    "Великобритания": ("британия", "соединенное королевство", "англия", "uk"),
    "Китай": ("кнр", "китайская народная республика", "поднебесная"),
    "КНДР": ("северная корея", "корейская народно-демократическая республика"),
    "Южная Корея": ("республика корея",),
    "Германия": ("фрг", "федеративная республика германия"),
    "Белоруссия": ("беларусь", "республика беларусь", "белоруссия"),
    "Молдавия": ("молдова", "республика молдова"),
    "Киргизия": ("кыргызстан", "киргизстан"),
    "ОАЭ": ("объединенные арабские эмираты",),
    "ЮАР": ("южно-африканская республика", "южная африка"),
    "СССР": ("советский союз", "союз советских социалистических республик"),
    "Евросоюз": ("европейский союз", "ес", "eu"),
    "ООН": ("организация объединенных наций",),
    "НАТО": ("североатлантический альянс", "организация североатлантического договора"),
    "Нидерланды": ("голландия",),
    "Чехия": ("чешская республика",),
    "Санкт-Петербург": ("петербург", "питер", "спб"),
    "Москва": ("столица россии",),
    "МИД России": ("мид рф", "министерство иностранных дел россии", "министерство иностранных дел рф"),
    "Госдума": ("государственная дума", "дума"),
    "Совет Федерации": ("совфед", "сф"),
    "Кремль": (),
}

_CANONICAL: dict[str, str] = {}
for _canon, _names in _ALIASES.items():
    _CANONICAL[_canon.lower()] = _canon
    for _n in _names:
        _CANONICAL[_n] = _canon

# Sovereign states and a few regions often acting as political actors («Грузия заявила»).
COUNTRIES = frozenset(
    s.lower()
    for s in """
Россия США Украина Белоруссия Казахстан Грузия Армения Азербайджан Молдавия Киргизия Таджикистан
Узбекистан Туркмения Латвия Литва Эстония Польша Германия Франция Великобритания Италия Испания
Португалия Греция Турция Кипр Болгария Румыния Венгрия Чехия Словакия Сербия Хорватия Словения
Черногория Македония Албания Босния Австрия Швейцария Нидерланды Бельгия Люксембург Дания Швеция
Норвегия Финляндия Исландия Ирландия Китай Япония КНДР Индия Пакистан Афганистан Иран Ирак Сирия
Ливан Израиль Палестина Иордания Египет Ливия Тунис Алжир Марокко Саудовская Аравия ОАЭ Катар
Кувейт Бахрейн Оман Йемен Таиланд Вьетнам Лаос Камбоджа Мьянма Малайзия Сингапур Индонезия
Филиппины Монголия Австралия Канада Мексика Бразилия Аргентина Чили Перу Колумбия Венесуэла Куба
Боливия Эквадор Уругвай Парагвай ЮАР Нигерия Эфиопия Эритрея Сомали Судан Кения Ангола Мали
Новая Зеландия Южная Корея Северная Корея Абхазия Южная Осетия Косово Приднестровье Ватикан
Белоруссия Беларусь Молдова СССР Тайвань Непал Бангладеш Шри-Ланка Ливан Чечня Татарстан
Крым Приморье Кубань Башкирия Дагестан Ингушетия Якутия Бурятия Карелия Чукотка Камчатка
""".replace("Саудовская Аравия", "Саудовская_Аравия")
    .replace("Новая Зеландия", "Новая_Зеландия")
    .replace("Южная Корея", "Южная_Корея")
    .replace("Северная Корея", "Северная_Корея")
    .replace("Абхазия Южная Осетия", "Абхазия Южная_Осетия")
    .split()
    for s in [s.replace("_", " ")]
)

# Adjective lemma -> country, for roles such as «глава российского государства», «американский дипломат».
GEO_ADJECTIVES: dict[str, str] = {
    "российский": "Россия",
    "русский": "Россия",
    "американский": "США",
    "британский": "Великобритания",
    "английский": "Великобритания",
    "украинский": "Украина",
    "белорусский": "Белоруссия",
    "германский": "Германия",
    "немецкий": "Германия",
    "французский": "Франция",
    "итальянский": "Италия",
    "испанский": "Испания",
    "китайский": "Китай",
    "японский": "Япония",
    "индийский": "Индия",
    "турецкий": "Турция",
    "грузинский": "Грузия",
    "израильский": "Израиль",
    "иранский": "Иран",
    "сирийский": "Сирия",
    "польский": "Польша",
    "казахстанский": "Казахстан",
    "армянский": "Армения",
    "азербайджанский": "Азербайджан",
    "канадский": "Канада",
    "советский": "СССР",
    "европейский": "Евросоюз",
    "московский": "Москва",
    "петербургский": "Санкт-Петербург",
}

# Words that make a LOC a physical place, never a political actor.
_PHYSICAL = re.compile(
    r"(площад|улиц|проспект|переул|бульвар|набережн|шоссе|сад|парк|сквер|стен|мост|река|реки|озер|"
    r"море|мор[ея]|океан|гор[аыу]|хребет|остров|залив|пролив|пустын|лес|вокзал|аэропорт|станци|"
    r"кладбищ|площадк|район|квартал|дорог|трасс)",
    re.IGNORECASE,
)
# Head nouns of names of political units.
_POLITICAL_HEADS = frozenset(
    "область край округ республика государство империя штат провинция королевство княжество федерация эмират".split()
)
_NEVER_POLITICAL = frozenset(
    """луна земля марс солнце венера юпитер мкс европа азия африка америка евразия сибирь кавказ балтия
    арктика антарктида антарктика ближний_восток дальний_восток урал поволжье скандинавия балканы
    нева волга дон днепр енисей обь лена амур темза сена рейн дунай нил миссисипи байкал эльбрус альпы
    гималаи карпаты крайний_север""".replace("_", " ").split()
)

# Blocs and bodies natasha tags as places; news treats them as organisations.
ORGANISATIONS = frozenset(
    """ес евросоюз европейский_союз оон нато снг обсе вто мвф опек юнеско магатэ шос брикс асеан одкб еаэс
    атэс g8 g20 g7 большая_восьмерка большая_двадцатка евразэс совбез совет_безопасности_оон""".replace("_", " ").split()
)
# Buildings that stand for the power inside them: a place «в Кремле», an organisation when «Кремль заявил».
SEATS_OF_POWER = frozenset({"кремль", "белый дом", "елисейский дворец", "даунинг-стрит", "смольный"})
# Things natasha tags as organisations that are places: a space station is where people are.
PLACES = frozenset({"мкс", "международная космическая станция"})


def fixed_type(name: str) -> str | None:
    """ORG or LOC for names whose type we know better than the model, else None."""
    folded = _fold(name)
    canon = canonical(name)
    keys = {folded, _fold(canon)} if canon else {folded}
    if keys & ORGANISATIONS:
        return "ORG"
    if keys & PLACES:
        return "LOC"
    return None


def canonical(name: str) -> str | None:
    """The canonical name for a known alias («Соединенные Штаты» → «США»), else None."""
    return _CANONICAL.get(_fold(name))


def alias_key(name: str) -> str:
    """The merge key of a place or organisation name: its canonical alias, or the name folded."""
    canon = canonical(name)
    return _fold(canon) if canon else _fold(name)


def is_geopolitical(name: str) -> bool:
    """Countries, regions and cities (a name pymorphy marks Geox) can act as political actors."""
    folded = _fold(name)
    canon = canonical(name)
    if canon and _fold(canon) in COUNTRIES or folded in COUNTRIES:
        return True
    if folded in _NEVER_POLITICAL or _PHYSICAL.search(folded):
        return False
    if len(folded.split()) > 1 and folded.split()[-1] in _POLITICAL_HEADS:
        return True  # «Свердловская область», «Палестинское государство»
    from ..models import morph_analyzer

    words = folded.split()
    if not words or len(words) > 3:
        return False
    head = words[-1] if len(words) > 1 else words[0]
    for parse in morph_analyzer().parse(head)[:2]:
        if "Geox" in parse.tag:
            return True
    return False


@functools.lru_cache(maxsize=50_000)
def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace("ё", "е")).strip(" .,«»\"")
