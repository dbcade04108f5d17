"""Times: date and time expressions on the sample and factRuEval sentences.

Sentences are quoted from factRuEval-2016 devset documents (book_N named in
the comment) or the sample; where no document has a pattern family the
brief asks for, a short news sentence is written in the same style and marked
«composed».
"""

from __future__ import annotations

from pathlib import Path

import pytest

from svodka.document import Document, TimeExpr
from svodka.nlp import parse
from svodka.pipeline import make_document
from svodka.times import extract_times

DATA = Path(__file__).resolve().parent / "data" / "times"


@pytest.fixture(scope="module")
def times(models):
    """Times of a text published on a date (None: no publication date)."""

    def run(text: str, published: str | None = None) -> list[TimeExpr]:
        doc = make_document(text, published=published)
        parse(doc, models)  # tokens and sentences: the tense of each clause
        return extract_times(doc)

    return run


def one(found: list[TimeExpr], text: str) -> TimeExpr:
    hits = [t for t in found if t.text == text]
    assert len(hits) == 1, [(t.text, t.value) for t in found]
    return hits[0]


def interval(t: TimeExpr) -> tuple[str, str] | None:
    return (t.interval.start, t.interval.end) if t.interval else None


# -- the sample article (acceptance) ---------------------------------------------------

SAMPLE_GOLD = [
    ("в июне 2013 года", "2013-06", ("2013-06-01", "2013-06-30")),
    ("в этом году", "2013", ("2013-01-01", "2013-12-31")),
    ("17-18 июня", "2013-06-17/2013-06-18", ("2013-06-17", "2013-06-18")),
    ("в сентябре", "2013-09", ("2013-09-01", "2013-09-30")),
    ("До конца 2013 года", "2013-05-08/2013-12-31", ("2013-05-08", "2013-12-31")),
    ("в октябре", "2013-10", ("2013-10-01", "2013-10-31")),
    ("за последнее время", "PAST_REF", None),
    ("в канун Дня Победы", "2013-05-08", ("2013-05-08", "2013-05-08")),
]


def test_sample_times_and_nothing_else(sample_doc):
    got = [(t.text, t.value, interval(t)) for t in sample_doc.times]
    assert got == SAMPLE_GOLD
    assert [t.id for t in sample_doc.times] == [f"t{i}" for i in range(1, 9)]
    assert one(sample_doc.times, "за последнее время").mod == "PAST_REF"
    for t in sample_doc.times:
        assert sample_doc.text[t.start : t.end] == t.text


def test_sample_without_publication_date_invents_no_year(models):
    from svodka import analyze, sample_text
    from svodka.readers import split_title

    title, body = split_title(sample_text())
    doc = analyze(body, title=title, models=models, quotes=False, facts=False, brief=False)
    by_text = {t.text: t for t in doc.times}
    assert by_text["в июне 2013 года"].value == "2013-06"  # given in the text: kept
    assert by_text["До конца 2013 года"].value == "2013-12-31"
    assert by_text["До конца 2013 года"].mod == "ON_OR_BEFORE"
    assert by_text["в сентябре"].value == "XXXX-09"
    assert by_text["17-18 июня"].value == "XXXX-06-17/XXXX-06-18"
    assert by_text["в канун Дня Победы"].value == "XXXX-05-08"
    assert by_text["в этом году"].value == "XXXX"
    for text in ("в этом году", "17-18 июня", "в сентябре", "в октябре", "в канун Дня Победы", "за последнее время"):
        assert by_text[text].anchor == "none", text
        assert by_text[text].interval is None, text


def test_times_are_in_the_json(sample_doc):
    data = sample_doc.to_dict()
    assert data["times"][0]["value"] == "2013-06"
    back = Document.from_dict(data)
    assert back.times == sample_doc.times


# -- holidays and «в канун» / «накануне» ----------------------------------------------


def test_holiday_eve_in_the_sample_sentence(times):
    found = times("Встреча с Путиным проходит в канун Дня Победы.", "2013-05-08")  # sample
    assert one(found, "в канун Дня Победы").value == "2013-05-08"


def test_holiday_as_a_time_adverbial_not_as_an_object(times):
    # composed: «на Новый год» locates an event; «Рождество … отмечают» names the feast itself
    found = times("Рождество православные отмечают 7 января, а на Новый год в Москве прошел салют.", "2011-01-06")
    assert [t.text for t in found] == ["7 января", "на Новый год"]
    assert one(found, "на Новый год").value == "2011-01-01"


def test_nakanune_with_its_date_is_one_expression(times):
    text = "Представители Гринпис, сотрудники Росприроднадзора и Рыбохраны накануне (4 июня) целый день проводили рейд по Славянке."
    found = times(text, "2011-06-05")  # book_193
    assert one(found, "накануне (4 июня)").value == "2011-06-04"


def test_nakanune_alone_is_the_day_before_publication(times):
    found = times("Накануне губернатор Приморья Сергей Дарькин заявил на пресс-конференции.", "2011-06-05")  # book_302
    t = one(found, "Накануне")
    assert (t.value, t.anchor) == ("2011-06-04", "publication")


def test_nakanune_governing_an_event_is_not_a_time(times):
    text = "Премьер-министр Японии Наото Кан накануне визита главы японского МИДа в Москву пообещал настаивать на возвращении островов."
    assert times(text, "2011-02-07") == []  # book_290


# -- weekdays: past and future clauses ---------------------------------------------------


def test_weekday_in_a_past_clause_is_the_last_one(times):
    found = times("В среду началась новая сессия Конгресса США.", "2011-01-07")  # book_252; published on a Friday
    assert one(found, "В среду").value == "2011-01-05"


def test_weekday_in_a_future_clause_is_the_next_one(times):
    text = "Избирательные участки будут открыты в воскресенье с 8 часов утра до 20 часов."  # book_399
    t = times(text, "2011-01-06")[0]  # published on a Thursday
    assert t.text == "в воскресенье с 8 часов утра до 20 часов"
    assert t.value == "2011-01-09T08:00/2011-01-09T20:00"


def test_weekday_with_its_date(times):
    text = "В пятницу, 21 января, на досудебных слушаниях Алла впервые сможет увидеть супруга."  # book_448
    assert one(times(text, "2011-01-20"), "В пятницу, 21 января").value == "2011-01-21"
    assert one(times(text), "В пятницу, 21 января").value == "XXXX-01-21"


# -- вчера / сегодня --------------------------------------------------------------------


def test_date_weekday_and_clock_are_one_expression(times):
    text = "На лекции, которая состоится 20 марта, в субботу, в 16:00 в книжном магазине, выступит автор."  # book_369
    t = times(text, "2010-03-10")[0]
    assert (t.text, t.type, t.value) == ("20 марта, в субботу, в 16:00", "time", "2010-03-20T16:00")


def test_yesterday_evening(times):
    found = times("Попытка покушения совершена вчера вечером на квартире Исы Ямадаева.", "2008-09-25")  # book_182
    t = one(found, "вчера вечером")
    assert (t.type, t.value, t.anchor) == ("time", "2008-09-24TEV", "publication")


def test_today_morning_and_no_date(times):
    text = "Сегодня утром, открывая памятник, он отметил заслуги первого президента."  # book_253
    assert one(times(text, "2011-02-01"), "Сегодня утром").value == "2011-02-01TMO"
    t = one(times(text), "Сегодня утром")
    assert (t.value, t.anchor) == ("XXXX-XX-XXTMO", "none")


# -- weeks, years, decades ---------------------------------------------------------------


def test_last_week(times):
    found = times("На прошлой неделе министр иностранных дел посетил Владивосток.", "2013-05-08")  # composed
    t = one(found, "На прошлой неделе")
    assert (t.value, interval(t)) == ("2013-W18", ("2013-04-29", "2013-05-05"))


def test_last_year(times):
    text = "В прошлом году в стране по разным причинам умерло 1449 наркоманов."  # book_180
    assert one(times(text, "2010-03-01"), "В прошлом году").value == "2009"
    t = one(times(text), "В прошлом году")
    assert (t.value, t.anchor) == ("XXXX", "none")


def test_decades(times):
    found = times("В начале 90-х он женился на сестре Джоанны Стингрей и переехал в США.", "2009-06-01")  # book_270
    t = one(found, "В начале 90-х")
    assert (t.value, t.mod) == ("199", "START")
    found = times("Цены на нефть быстро росли в 2000-х годах.", "2013-05-08")  # composed
    assert interval(one(found, "в 2000-х годах")) == ("2000-01-01", "2009-12-31")


def test_centuries(times):
    found = times("«Словом, построение гелиевого реактора — задача даже не XXI, а XXII века» — говорит Сагдеев.")  # book_461
    assert [(t.text, t.value) for t in found] == [("XXI", "20"), ("XXII века", "21")]
    assert one(times("В ХХ веке страна пережила две войны."), "В ХХ веке").value == "19"  # composed; Cyrillic «Х»


def test_ordinal_before_a_name_is_not_a_decade(times):
    text = "Академик Сагдеев сказал, что на недавно прошедших 30-х Королёвских чтениях тон задавали сторонники лунных проектов."
    assert times(text) == []  # book_461


# -- ranges -----------------------------------------------------------------------------------


def test_day_range_in_a_month(times):
    found = times("Corus Chess Tournament будет проводится с 13 по 29 января 2006 года.")  # book_483
    t = one(found, "с 13 по 29 января 2006 года")
    assert (t.value, interval(t)) == ("2006-01-13/2006-01-29", ("2006-01-13", "2006-01-29"))
    found = times("Фестиваль пройдет с 1 по 5 мая в Казани.", "2013-04-20")  # composed
    assert one(found, "с 1 по 5 мая").value == "2013-05-01/2013-05-05"


def test_range_across_months_borrows_the_year(times):
    text = "Судья заявила, что «с ноября по декабрь 2010 года Андрей Санников предпринял действия для организации беспорядков»."
    t = one(times(text), "с ноября по декабрь 2010 года")  # book_347
    assert (t.value, interval(t)) == ("2010-11/2010-12", ("2010-11-01", "2010-12-31"))


def test_year_ranges(times):
    found = times("В 2007-2008 годах, беднейшие страны мира, такие как Гаити, были охвачены беспорядками.")  # book_127
    assert one(found, "В 2007-2008 годах").value == "2007/2008"
    found = times("Цены держались выше ста долларов в 2010–2012 годах.")  # composed
    assert interval(one(found, "в 2010–2012 годах")) == ("2010-01-01", "2012-12-31")


def test_a_year_said_in_the_sentence_beats_the_publication_year(times):
    text = "Он обслуживал матчи финальной стадии чемпионата мира 2006 года в Германии с 9 июня по 7 июля."  # book_389
    t = one(times(text, "2011-06-15"), "с 9 июня по 7 июля")
    assert (t.value, t.anchor) == ("2006-06-09/2006-07-07", "previous")
    text = "В августе 2004 года продуктопровод начал работать. Преступники пользовались им до ноября того же года."  # book_146
    t = one(times(text), "до ноября того же года")
    assert (t.value, t.mod, t.anchor) == ("2004-11", "BEFORE", "previous")


def test_list_of_days_shares_the_month(times):
    found = times("Предусмотрены три выходных дня — 18, 23 и 26 января.", "2006-01-10")  # book_483
    assert [(t.text, t.value) for t in found] == [("18", "2006-01-18"), ("23", "2006-01-23"), ("26 января", "2006-01-26")]


# -- clock times ----------------------------------------------------------------------------


def test_clock_time_moscow(times):
    found = times("Самолет вылетит из Внукова в 15:30 по московскому времени.", "2013-05-08")  # composed
    t = one(found, "в 15:30 по московскому времени")
    assert (t.type, t.value) == ("time", "XXXX-XX-XXT15:30")
    found = times("В 19 часов по Московскому времени в Болгарии был открыт год Российской Федерации.")  # book_156
    assert one(found, "В 19 часов по Московскому времени").value == "XXXX-XX-XXT19:00"


def test_clock_time_with_its_date(times):
    text = "Конец света, который предрекал проповедник утром в 06.00 по московскому времени 21 мая 2011 года так и не наступил."
    t = times(text, "2011-05-22")[0]  # book_105
    assert (t.text, t.value) == ("утром в 06.00 по московскому времени 21 мая 2011 года", "2011-05-21T06:00")


def test_clock_range_and_afternoon(times):
    text = "В некоторых районах столицы будет введён комендантский час с 23:00 до 5:00 утра."  # book_489
    assert one(times(text), "с 23:00 до 5:00 утра").value == "XXXX-XX-XXT23:00/XXXX-XX-XXT05:00"
    text = "Управление пояснило, что в субботу после полудня с самолётом пропала связь."  # book_93
    assert one(times(text), "в субботу после полудня").value == "XXXX-WXX-6TAF"


def test_match_clock_is_not_a_time_of_day(times):
    assert times("• 0:1 — 01:23 Сёмин (Овечкин, Фёдоров) • 1:1 — 03:54 Бернс (Рой, Грин)") == []  # book_444


# -- durations and sets --------------------------------------------------------------------


def test_durations(times):
    found = times("Переговоры продлятся около двух недель.", "2013-05-08")  # composed
    t = one(found, "около двух недель")
    assert (t.type, t.value, t.mod) == ("duration", "P2W", "APPROX")
    text = "«При этом свидание будет продолжаться три часа, а не как положено — в течение часа», — добавила она."  # book_448
    found = times(text)
    assert [(t.text, t.value) for t in found] == [("три часа", "PT3H"), ("в течение часа", "PT1H")]


def test_and_a_half(times):
    text = "Он приобрёл «космического брата» за четыре с половиной года совместных тренировок."  # book_396
    assert one(times(text), "за четыре с половиной года").value == "P4.5Y"


def test_ages_and_adjectives_are_durations(times):
    found = times("На встречу прибудут его 16-летняя дочь Лиза и 74-летняя мать Раиса.")  # book_448
    assert [t.value for t in found] == ["P16Y", "P74Y"]
    text = "Израиль не вернет Восточный Иерусалим со Старым городом, захваченным у Иордании во время Шестидневной войны 1967 года."
    assert [t.text for t in times(text)] == ["1967 года"]  # book_349: «Шестидневная война» is a name


def test_sets(times):
    found = times("Форум проводится в Петербурге каждый год.")  # composed
    t = one(found, "каждый год")
    assert (t.type, t.value) == ("set", "P1Y")
    text = "Супруга убеждена, что встречи должны проходить «систематически, не реже одного раза в неделю и не менее одного часа»."
    found = times(text)  # book_448
    assert one(found, "не реже одного раза в неделю").value == "P1W"
    assert one(found, "не менее одного часа").mod == "EQUAL_OR_MORE"
    found = times("В декабре комиссия пригрозила наложить штраф в размере 2 млн. долларов в сутки на Microsoft.")  # book_455
    assert one(found, "в сутки").value == "P1D"


def test_habitual_sentences_keep_the_year_open(times):
    text = "Осенью, как правило, в начале октября стрелки часов переводились на один час назад."  # book_256
    found = times(text, "2011-03-01")
    assert [(t.text, t.value) for t in found] == [("Осенью", "XXXX-FA"), ("в начале октября", "XXXX-10"), ("на один час", "PT1H")]


# -- shifts and references --------------------------------------------------------------------


def test_next_day_counts_from_the_last_named_day(times):
    text = "Она была госпитализирована 5 января, на следующий день ей была сделана хирургическая операция."  # composed
    t = one(times(text, "2011-01-10"), "на следующий день")
    assert (t.value, t.anchor) == ("2011-01-06", "previous")
    assert one(times("На следующий день он отозвал из России посла."), "На следующий день").value == "XXXX-XX-XX"  # book_260



def test_years_ago(times):
    found = times("Последний раз Россия выигрывала мировое первенство 15 лет назад.", "2008-05-18")  # book_444
    t = one(found, "15 лет назад")
    assert (t.value, t.anchor) == ("1993", "publication")
    found = times("Несколько дней назад Бюро США по патентам выдало сети Facebook разрешение.")  # book_370
    assert one(found, "Несколько дней назад").value == "PAST_REF"


def test_day_later_after_a_yearless_date(times):
    text = "О том, что будет выдвинут именно он, стало известно 10 декабря, днём позже Медведев предложил Путину пост."
    t = one(times(text), "днём позже")  # book_176
    assert (t.value, t.anchor) == ("XXXX-12-11", "previous")


def test_approximate_shift(times):
    text = "Переговоры не планировались, так как встреча уже состоялась около 10 дней назад."  # book_301
    t = one(times(text, "2006-12-01"), "около 10 дней назад")
    assert (t.value, t.mod) == ("2006-11-21", "APPROX")


def test_season_agrees_with_its_adjective(times):
    text = "Судьи будут обслуживать матчи предстоящего летом этого года чемпионата мира по футболу."  # book_389
    assert [(t.text, t.value) for t in times(text, "2006-04-20")] == [("летом этого года", "2006-SU")]


def test_present_and_past_references(times):
    text = "Однако в последнее время растёт количество журналистов, которые подвергаются арестам за работу в Интернете."
    assert one(times(text, "2006-12-07"), "в последнее время").value == "PAST_REF"  # book_151
    found = times("В настоящее время супруга, дочь и мама Виктора Бута проживают в Нью-Йорке.")  # book_448
    assert one(found, "В настоящее время").value == "PRESENT_REF"
    assert times("Мы сейчас готовим ответное письмо.") == []  # sample: the adverb «сейчас» is not annotated


def test_phase_of_the_current_period(times):
    found = times("К концу недели президент Ирана объявил свою страну ядерной державой.", "2006-04-16")  # book_410
    t = one(found, "К концу недели")
    assert (t.value, t.mod) == ("2006-W15", "END")
    text = "Думаю, оно будет принято до конца текущего года."  # book_475
    t = one(times(text, "2010-06-10"), "до конца текущего года")
    assert (t.value, t.anchor) == ("2010-06-10/2010-12-31", "publication")
    t = one(times(text), "до конца текущего года")
    assert (t.value, t.mod, t.anchor) == ("XXXX-12-31", "ON_OR_BEFORE", "none")


# -- robustness ---------------------------------------------------------------------------------


def test_impossible_dates_and_empty_text(times):
    assert times("Встреча назначена на 32 мая.", "2013-05-08") == []
    assert extract_times(Document(text="")) == []


def test_works_without_tokens_and_with_a_bad_date():
    doc = make_document("В прошлом году встреча прошла 17 июня.", published="2013-05-08")
    found = extract_times(doc)  # no parse: no tense, nearest year
    assert [(t.text, t.value) for t in found] == [("В прошлом году", "2012"), ("17 июня", "2013-06-17")]
    doc.published = "not a date"
    assert [t.value for t in extract_times(doc)] == ["XXXX", "XXXX-06-17"]


# -- the development and held-out sets (docs/quality.md) ------------------------------------------


def test_development_set_quality(models):
    """Floors: strict extent F1 ≥ 0.92 and value accuracy ≥ 0.88 on the dev set; F1 ≥ 0.85 held out."""
    from svodka.times.score import load_records, score

    dev = score(load_records(DATA / "dev.jsonl"), models)
    assert dev.gold >= 200
    assert dev.strict_prf[2] >= 0.92
    assert dev.value_accuracy >= 0.88
    for name in ("heldout.jsonl", "heldout2.jsonl"):
        held = score(load_records(DATA / name), models)
        assert held.strict_prf[2] >= 0.85, name
        assert held.value_accuracy >= 0.88, name


# -- command line -------------------------------------------------------------------------------------


def test_pretty_view_lists_the_times(sample_doc):
    from svodka.cli.times import render_times

    table = render_times(sample_doc)
    assert table is not None and table.row_count == 8
    assert render_times(Document(text="Без дат.")) is None


def test_eval_times_reports_a_bad_file_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from svodka.cli import app

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "times", str(bad)])
    assert result.exit_code == 1
    assert "expected a record with text and times" in result.output


def test_ordinal_day_words_date(times):
    """NEREL train: «пятого сентября», «до четвертого октября» were missed; ordinal words are days 1 … 31."""
    found = times("Первого января он уехал, двадцать третьего февраля вернулся. Выставка продлится до четвертого октября.",
                  "2016-06-15")
    assert [(t.text, t.value) for t in found] == [
        ("Первого января", "2016-01-01"), ("двадцать третьего февраля", "2016-02-23"), ("до четвертого октября", "2016-10-04")]
    assert times("Все прошли третьего уровня испытания.", "2016-06-15") == []


def test_noon_and_midnight_in_oblique_cases(times):
    """«около полуночи», «незадолго до полудня», «к полудню» (NEREL train misses); «после полудня» stays a part of day."""
    found = times("Взрыв произошёл около полуночи, а незадолго до полудня он вернулся к полудню.", "2016-06-15")
    assert [(t.text, t.value) for t in found] == [
        ("около полуночи", "XXXX-XX-XXT00:00"), ("до полудня", "XXXX-XX-XXT12:00"), ("к полудню", "XXXX-XX-XXT12:00")]
    assert one(times("В субботу после полудня начался штурм.", "2016-06-15"), "В субботу после полудня").value == "2016-06-11TAF"


def test_a_rank_and_an_amount_are_no_times(times):
    """NEREL train extras: «на 40-е место» is a rank, «до 11.29 миллиарда» an amount; «в 40-е годы», «в 11.30» stay."""
    found = times("Это ставит его на 40-е место в рейтинге, а в 40-е годы он жил в Москве.", "2016-06-15")
    assert [(t.text, t.value) for t in found] == [("в 40-е годы", "194")]
    assert times("Прибыль выросла с 10,63 миллиарда до 11.29 миллиарда долларов.", "2016-06-15") == []
    assert one(times("Встреча началась в 11.30 в Кремле.", "2016-06-15"), "в 11.30").value == "XXXX-XX-XXT11:30"


def test_a_latin_c_preposition_reads_as_s(times):
    """NEREL train: «Заслуженный артист Российской Федерации c 1996 года» typed with a Latin «c»."""
    t = one(times("Он заслуженный артист c 1996 года.", "2016-06-15"), "c 1996 года")
    assert (t.start, t.value, t.mod) == (22, "1996", "ON_OR_AFTER")


def test_from_morning_and_until_evening(times):
    """NEREL train marks «с утра», «до вечера», «до самого вечера» as times; «с утратой доверия» is none."""
    found = times("С утра шёл дождь, а заседание продлится до самого вечера.", "2016-06-15")
    assert [(t.text, t.value) for t in found] == [("С утра", "XXXX-XX-XXTMO"), ("до самого вечера", "XXXX-XX-XXTAF")]
    assert one(times("И с утра 9 октября начались торжества.", "2016-06-15"), "с утра 9 октября").value == "2015-10-09TMO"
    assert times("Он уволен в связи с утратой доверия.", "2016-06-15") == []
