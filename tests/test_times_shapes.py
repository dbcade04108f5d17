"""Times: the shapes found from NEREL train's DATE/TIME errors (svodka eval nerel --times-errors).

Sentences are composed in the style of the news; none is copied from a held-out document.
"""

from __future__ import annotations

import pytest

from svodka.document import TimeExpr
from svodka.nlp import parse
from svodka.pipeline import make_document
from svodka.times import extract_times


@pytest.fixture(scope="module")
def times(models):
    def run(text: str, published: str | None = None) -> list[tuple[str, str | None]]:
        doc = make_document(text, published=published)
        parse(doc, models)
        return [(t.text, t.value) for t in extract_times(doc)]

    return run


def test_years_in_a_parenthesis_of_years(times):
    found = times("Она снялась в фильмах «Лето» (1996), «Осень» (2002, 2004) и была солисткой группы (1993—2003).")
    assert ("1996", "1996") in found and ("2002", "2002") in found and ("2004", "2004") in found
    assert ("1993—2003", "1993/2003") in found


def test_counts_in_parentheses_are_no_years(times):
    found = times("От России играли Сергей Петров (2637) и Иван Сидоров (2599), а налёт составил (2500 часов).")
    assert found == [("2500 часов", "PT2500H")]  # a duration, not the year 2500


def test_a_bare_year_after_a_preposition_before_a_clause(times):
    assert ("В 1983", "1983") in times("Он родился в Москве. В 1983 окончил МГИМО.")
    assert ("в 2002", "2002") in times("Судно купили в 1998 году, а в 2002 он встал на якорь.")
    assert times("Митинг собрал в 2000 человек.") == []


def test_seasons_of_two_years(times):
    found = times("Клуб выиграл чемпионат России 2017/18, а в сезонах 2002/03, 2004/05 был вторым.")
    assert {t for t, _ in found} >= {"2017/18", "2002/03", "2004/05"}
    assert ("2017/18", "2017/2018") in found


def test_weekends(times):
    found = times("Протестующие вышли на улицы в минувшие выходные.", "2013-05-08")  # a Wednesday
    assert found == [("в минувшие выходные", "2013-W18-WE")]
    assert times("Концерт пройдёт в ближайшие выходные.", "2013-05-08") == [("в ближайшие выходные", "2013-W19-WE")]
    assert times("Предусмотрены три выходных дня.") == []


def test_last_periods_and_long_years(times):
    found = times("За последний год доходы выросли, а долгие годы компания теряла деньги.")
    assert ("За последний год", "PAST_REF") in found and ("долгие годы", "PAST_REF") in found


def test_half_a_year(times):
    assert times("Спортсменку дисквалифицировали на полгода.") == [("на полгода", "P6M")]
    assert times("Процесс займёт не менее полугода.") == [("не менее полугода", "P6M")]


def test_a_part_of_the_day_alone(times):
    assert times("Утром трое неизвестных открыли стрельбу.") == [("Утром", "XXXX-XX-XXTMO")]
    assert times("Его доставили в больницу поздно вечером.") == [("поздно вечером", "XXXX-XX-XXTEV")]
    assert times("«С добрым утром», — говорит мама.") == []
    assert times("Днём позже он уехал.")[0][0] == "Днём позже"


def test_dates_with_slashes_and_at_a_sentence_end(times):
    assert ("24/06/2016", "2016-06-24") in times("Документ подписан 24/06/2016 в Москве.")
    assert ("5.11.2019", "2019-11-05") in times("Республика Мордовия, Россия. 5.11.2019.")
    assert times("Депутат назвал закон опасным, пишет РБК https://www.rbc.ru/politics/07/07/2016/577e4ccc .") == []


def test_shifts_with_more_or_almost(times):
    assert [t for t, _ in times("Это случилось больше года назад.")] == ["больше года назад"]
    assert [t for t, _ in times("Он вернулся через почти 70 лет.")] == ["через почти 70 лет"]


def test_no_expression_crosses_a_paragraph(times):
    found = times("Ему было 50 лет\n\nРанее отец подал иск.")
    assert all("\n" not in t for t, _ in found)


def test_moscow_time_without_a_bracket(times):
    found = times("Встреча началась в 23:00 по местному времени (22:00 мск).")
    assert "22:00 мск" in [t for t, _ in found]


def test_a_year_closing_a_parenthesis_after_a_title(times):
    found = times("Он ставил фарсы («Пальцем в глаз», 1953). У него есть дочь Серафима (р. 1993).")
    assert ("1953", "1953") in found and ("1993", "1993") in found
    assert ("в 1993", "1993") in times("Он наследовал престол в 1993 после кончины брата.")


def test_an_ordinal_day_and_long_hours(times):
    assert ("20-го августа", "XXXX-08-20") in times("Это случилось 20-го августа в больнице.")
    assert ("2500 часов", "PT2500H") in times("Лётчик имел налёт 2500 часов.")


def test_a_weekday_and_its_date_across_a_dash(times):
    found = times("Прокурор выступил в среду — 3 июля 2013 года.", "2013-07-04")
    assert found == [("в среду — 3 июля 2013 года", "2013-07-03")]
    assert times("Вчера, 7 мая 2013 года, Путин провёл совещание.", "2013-05-08") == [("Вчера, 7 мая 2013 года", "2013-05-07")]


def test_lengths_in_descending_units_are_one(times):
    assert times("Выход в открытый космос длился 53 часа 22 минуты.") == [("53 часа 22 минуты", "PT53H22M")]
    assert times("Ему запретили участвовать в митингах в течение года и девяти месяцев.") == [
        ("в течение года и девяти месяцев", "P1Y9M")]


def test_a_night_between_two_ordinal_days(times):
    assert times("В ночь со 2-го на 3-е ноября скончался экс-премьер.", "2010-11-03") == [
        ("В ночь со 2-го на 3-е ноября", "2010-11-03TNI")]
