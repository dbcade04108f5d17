"""Layer values in words for the page (svodka.web.readable): no internal code reaches a reader."""

from __future__ import annotations

import pytest

from svodka.document import Interval, TimeExpr
from svodka.web.readable import plural, time_words, value_words


@pytest.mark.parametrize(
    "value, words",
    [
        ("2013-06-17", "17 июня 2013"),
        ("2013-06", "июнь 2013"),
        ("2013", "2013 год"),
        ("XXXX-06-17", "17 июня (дата не указана)"),
        ("XXXX-WXX-7TEV", "в воскресенье вечером (дата не указана)"),
        ("XXXX-WXX-1", "в понедельник (дата не указана)"),
        ("2013-W23", "23-я неделя 2013"),
        ("2013-06-17TMO", "17 июня 2013 утром"),
        ("XXXX-XX-XXT10:00", "в 10:00"),
        ("2013-FA", "осень 2013"),
        ("PAST_REF", "в прошлом"),
        ("PRESENT_REF", "в настоящее время"),
        ("P2D", "2 дня"),
        ("P5Y", "5 лет"),
        ("P21Y", "21 год"),
        ("PT3H", "3 часа"),
        ("PT30M", "30 минут"),
        ("PXY", "несколько лет"),
        ("P1.5Y", "1,5 года"),
        ("2013-06-17/2013-06-18", "17–18 июня 2013"),
        ("XXXX-06-17/XXXX-06-18", "17–18 июня (дата не указана)"),
        ("2013-05-30/2013-06-02", "30 мая – 2 июня 2013"),
        ("2013-05/2013-06", "май 2013 – июнь 2013"),
        ("201", "2010-е годы"),
        ("NONSENSE", "время не распознано"),
    ],
)
def test_values_in_words(value, words):
    assert value_words(value) == words


def test_a_date_range_is_told_from_its_interval():
    t = TimeExpr("t1", "17-18 июня", 0, 10, "date", "2013-06-17/2013-06-18", Interval("2013-06-17", "2013-06-18"))
    assert time_words(t) == "17–18 июня 2013"
    month = TimeExpr("t2", "в июне 2013 года", 0, 16, "date", "2013-06", Interval("2013-06-01", "2013-06-30"))
    assert time_words(month) == "июнь 2013"


@pytest.mark.parametrize("n, form", [(1, "год"), (2, "года"), (5, "лет"), (11, "лет"), (22, "года"), (112, "лет")])
def test_counting_forms(n, form):
    assert plural(n, ("год", "года", "лет")) == form
