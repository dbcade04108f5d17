"""Roles of issue #12, round 5: lists after a plural post past brackets and mis-tagged cases, and runs of
subject-less sentences about one person (own sentences, in the shapes of NEREL train's misses)."""

from __future__ import annotations

import pytest


def _roles(models, text):
    from svodka import analyze

    doc = analyze(text, models=models, quotes=False, brief=False, times=False)
    return {e.name: [r.post for r in e.roles] for e in doc.entities if e.type == "PER"}


@pytest.mark.parametrize(
    "text, person, post",
    [
        # a bracketed aside after each listed name
        ("За медали поборются легкоатлеты Илья Шкуренев (многоборье), Антонина Кривошапка (эстафета) и "
         "Юлия Колтунова (прыжки).", "Антонина Кривошапка", "легкоатлет"),
        # «, а также» and an age between the listed names
        ("Его жертвами стали сотрудники полиции Люсиль Гарсия и Сорайя Белкакеми, а также 22-летний Сирил Вангрикен.",
         "Сорайя Белкакеми", "сотрудник"),
        # a full name the tagger reads as a genitive, which pymorphy allows in the post's case
        ("На премьеру пришли режиссёр Евгений Татаров, а также актёры Хельга Филиппова и Сергей Рост.",
         "Хельга Филиппова", "актер"),
        # a run of sentences with no subject keeps its person
        ("Эдуард Назаров родился в Москве. Окончил художественное училище. Работал художником-постановщиком.",
         "Эдуард Назаров", "художник-постановщик"),
        # a post opening the sentence, a comma, and the name that is its subject
        ("Бывший прокурор из Майами, Джанет Рено проработала в должности восемь лет.", "Джанет Рено", "прокурор"),
        # the verb right before «должность/пост», whatever the parse; a participle's name before its comma
        ("До нового назначения Григорий Педченко занимал должность первого замминистра обороны, на которую его "
         "несколько месяцев назад назначил Виктор Янукович.", "Григорий Педченко", "замминистра"),
        ("Он помог Радию Хабирову, сейчас занимающему пост заместителя начальника управления президента РФ.",
         "Радий Хабиров", "заместитель"),
        ("Анна Смирнова родилась в Туле. В 1990 году переехала в Москву. Работала врачом в больнице.", "Анна Смирнова", "врач"),
    ],
)
def test_role_is_attached(models, text, person, post):
    roles = _roles(models, text)
    assert post in roles.get(person, []), roles


def test_a_genitive_principal_after_a_plural_post_is_no_list(models):
    roles = _roles(models, "Приехали представители Владимира Путина и Дмитрия Медведева.")
    assert not roles.get("Владимир Путин") and not roles.get("Дмитрий Медведев"), roles


def test_a_run_stops_at_a_sentence_with_a_subject_of_its_own(models):
    roles = _roles(models, "Эдуард Назаров родился в Москве. Завод открылся в 1960 году. Работал инженером.")
    assert "инженер" not in roles.get("Эдуард Назаров", []), roles
