"""Word lists that signal speech: verbs of saying, source nouns, relay verbs.

Our own lists, not a library's: no maintained Russian lexicon of speech verbs
(«глаголы речи», verbs that introduce what someone said) ships on PyPI.  The
lists hold lemmas as natasha's lemmatiser gives them.

Speech verbs and source nouns are also read from data: ``data/speech_frames.json``
counts, over NEREL train and the factRuEval tuning split, how often each verb
governs «, что …» or a colon with a person or organisation as its subject, and how
often each noun heads «по / согласно N X,» with a person or organisation as X
(built by scripts/build_speech_frames.py).  A lemma seen in its frame at least
``MIN_COUNT`` times and in at least ``MIN_SHARE`` of its uses joins the list below.
"""

from __future__ import annotations

import json
from importlib.resources import files

MIN_COUNT = {"verbs": 3, "sources": 2}
MIN_SHARE = 0.1


def _from_frames(part: str) -> frozenset[str]:
    data = json.loads(files("svodka").joinpath("data/speech_frames.json").read_text(encoding="utf-8"))
    return frozenset(k for k, (n, total) in data[part].items() if n >= MIN_COUNT[part] and n >= MIN_SHARE * total)


# Verbs of saying and of stated opinion («глаголы речи и мнения»), both aspects.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    заявить заявлять сказать говорить сообщить сообщать отметить отмечать
    подчеркнуть подчёркивать подчеркивать добавить добавлять уточнить уточнять
    пояснить пояснять объяснить объяснять рассказать рассказывать заметить замечать
    считать полагать утверждать признать признавать признаться признаваться
    напомнить напоминать констатировать заключить подытожить резюмировать
    ответить отвечать продолжить продолжать указать указывать предупредить предупреждать
    написать писать высказаться высказываться прокомментировать комментировать
    заверить заверять уверять пообещать обещать призвать призывать отрицать
    опровергнуть опровергать настаивать подтвердить подтверждать объявить объявлять
    доказывать убеждать пожаловаться жаловаться посетовать сетовать возразить возражать
    воскликнуть спросить поинтересоваться предположить предполагать допустить допускать
    оценить оценивать прогнозировать спрогнозировать рассуждать процитировать цитировать
    попросить просить сформулировать пожелать убедить выразить выражать скандировать прокричать кричать
    исключить исключать анонсировать пообещать информировать проинформировать уведомить отчитаться
    говориться отмечаться подчеркиваться сообщаться указываться утверждаться уточняться поясняться
    пригрозить грозить угрожать намекнуть намекать опровергнуть
    """.split()
) | _from_frames("verbs")

# Speech said by a verb with a word it needs (a light verb, «фразеологизм»): «давал понять, что»,
# «обратил внимание на то, что», «сходятся во мнении, что», «выразил уверенность в том, что».
LIGHT_SPEECH: dict[str, frozenset[str]] = {
    "дать": frozenset({"понять"}), "давать": frozenset({"понять"}),
    "обратить": frozenset({"внимание"}), "обращать": frozenset({"внимание"}),
    "сходиться": frozenset({"мнение"}), "сойтись": frozenset({"мнение"}),
    "выразить": frozenset({"уверенность", "надежда", "сожаление", "удовлетворение", "опасение", "сомнение"}),
    "выражать": frozenset({"уверенность", "надежда", "сожаление", "удовлетворение", "опасение", "сомнение"}),
}

# Verbs of naming: their quoted complement gives the speaker's words («назвал реформу «убийцей рабочих мест»»).
NAMING_VERBS: frozenset[str] = frozenset({"назвать", "называть", "охарактеризовать", "характеризовать"})

# Short adjectives that report a stance like a verb: «— уверен он», «убеждена она».
STANCE_ADJECTIVES: frozenset[str] = frozenset({"уверенный", "убежденный", "убеждённый", "уверен", "убежден"})

# Impersonal forms that carry no speaker unless a source follows:
# «говорится в сообщении компании», «отмечается в заявлении».
IMPERSONAL_VERBS: frozenset[str] = frozenset(
    {"говориться", "отмечаться", "подчеркиваться", "сообщаться", "указываться", "утверждаться", "уточняться", "поясняться"}
)

# Verbs through which an agency relays someone's words: «приводит слова …», «цитирует …», «передаёт …».
RELAY_VERBS: frozenset[str] = frozenset({"приводить", "привести", "цитировать", "процитировать", "передавать", "передать"})

# Nouns of «по словам X», «по мнению X» (a source phrase, «вводная конструкция»).
SOURCE_NOUNS: frozenset[str] = frozenset(
    {"слово", "мнение", "заявление", "утверждение", "оценка", "признание", "убеждение", "замечание", "сообщение", "отчёт", "отчет", "доклад", "словам", "мнению",
     "сведение", "сведения"}
) | _from_frames("sources")

# Texts that speak for their author: «в заявлении МВД говорится», «в статье газеты уточняется».
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    заявление сообщение пресс-релиз релиз коммюнике статья письмо обращение документ доклад отчёт отчет
    публикация материал блог микроблог декларация резолюция послание указ приказ постановление
    """.split()
)

# Unnamed sources: «собеседник "Ъ"», «источник в правительстве» (the speaker is nobody named).
ANONYMOUS_NOUNS: frozenset[str] = frozenset({"собеседник", "источник", "инсайдер"})
# Adjectives that leave a source unnamed: «неназванный представитель армии», «анонимный чиновник».
ANONYMOUS_ADJECTIVES: frozenset[str] = frozenset({"неназванный", "анонимный", "неизвестный"})

# Words that introduce the reported clause after a speech verb («изъяснительные союзы»).
COMPLEMENTISERS: frozenset[str] = frozenset({"что", "будто", "чтобы", "якобы"})

# Nouns whose quoted complement is a name, not speech: «газета "Ведомости"», «закон "О полиции"».
NAME_NOUNS: frozenset[str] = frozenset(
    """
    газета журнал издание агентство телеканал канал радиостанция радио сайт портал блог
    компания корпорация концерн холдинг банк фонд группа оао зао ооо пао ао нко ип
    фирма завод комбинат предприятие фабрика клуб команда партия движение организация
    объединение союз ассоциация проект программа операция акция марш кампания фестиваль
    конкурс премия фильм картина сериал спектакль книга роман повесть песня альбом
    передача шоу статья закон законопроект постановление указ кодекс поправка
    магазин ресторан кафе отель гостиница центр театр музей бренд марка сеть торговый
    аэропорт станция стадион улица площадь корабль судно самолёт самолет ракета спутник
    комплекс месторождение трасса технология система модель игра сервис мессенджер
    """.split()
)

# Role nouns that describe a speaker, with posts that such a description may stand for.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "дипломат": frozenset({"дипломат", "госсекретарь", "посол", "министр", "глава", "замминистра", "представитель"}),
    "глава": frozenset({"глава", "руководитель", "президент", "председатель", "министр", "госсекретарь", "директор", "губернатор", "мэр"}),
    "руководитель": frozenset({"руководитель", "глава", "директор", "председатель", "президент"}),
    "политик": frozenset({"политик", "президент", "премьер", "министр", "депутат", "лидер", "сенатор", "губернатор"}),
    "чиновник": frozenset({"чиновник", "министр", "замминистра", "глава", "губернатор", "мэр", "руководитель"}),
    "премьер": frozenset({"премьер", "премьер-министр", "председатель"}),
    "эксперт": frozenset({"эксперт", "аналитик", "экономист", "политолог"}),
}

# Adjectives of nationality that name a country in a role description («американский дипломат»).
COUNTRY_ADJECTIVES: dict[str, str] = {
    "американский": "сша",
    "российский": "россия",
    "украинский": "украина",
    "британский": "великобритания",
    "французский": "франция",
    "немецкий": "германия",
    "китайский": "китай",
    "японский": "япония",
    "белорусский": "белоруссия",
    "казахстанский": "казахстан",
    "грузинский": "грузия",
    "сербский": "сербия",
    "израильский": "израиль",
    "турецкий": "турция",
    "европейский": "евросоюз",
}

# Outlets that write their own name as a sign: Коммерсантъ calls itself «Ъ» («по данным "Ъ"»,
# «источник "Ъ"»); a quote's speaker is given by the full name.
OUTLET_SIGNS: dict[str, str] = {"Ъ": "Коммерсантъ"}

# Kinship nouns: «внук Манделы» is a person of his own, not whoever spoke last (quotes._kin_fits).
KIN_NOUNS: frozenset[str] = frozenset(
    "жена муж вдова вдовец сын дочь отец мать брат сестра внук внучка дед бабушка племянник племянница".split()
)

# Nouns for a publication: «по данным газеты», «Издание отмечает», «сообщает агентство»; unnamed, they
# stand for the outlet named last (quotes._organisation_described).
MEDIA_NOUNS: frozenset[str] = frozenset(
    "газета журнал издание агентство телеканал канал радиостанция портал таблоид еженедельник".split()
)

# Kinds of organisation that speak, unnamed, for the one named before: «Как пояснили в министерстве»,
# «В компании уверены», «сообщило ведомство».
ORG_NOUNS: frozenset[str] = frozenset(
    """
    министерство ведомство департамент мэрия администрация правительство посольство прокуратура
    компания корпорация концерн холдинг банк фонд партия организация комитет комиссия штаб
    управление служба учреждение университет клуб федерация ассоциация союз лейбл
    """.split()
)
