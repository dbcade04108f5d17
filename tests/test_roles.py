"""Roles from data: occupations the NEREL-built lexicon knows, attached by apposition, copula,
«работает кем», «в качестве» and genitive chains (phrases of issue #12, as a Wikinews reader met them)."""

from __future__ import annotations

import pytest

from svodka.entities.roles import is_profession, professions


def test_the_lexicon_is_built_from_data_and_keeps_people_not_things():
    words = professions()
    assert len(words) > 250
    assert {"режиссер", "сержант", "поэт", "математик", "шейх", "артист", "продюсер"} <= words
    assert not {"человек", "житель", "премьера", "сторонник"} & words
    assert is_profession("бегунья") and is_profession("артистка") and is_profession("президент")
    assert not is_profession("ручка")


@pytest.mark.parametrize(
    "text, person, role, post",
    [
        ("В фильме режиссёра Ларса Нильсена снялась его жена.", "Ларс Нильсен", "режиссёр", True),
        ("Вчера 26-летний сержант Джон Миллер вернулся домой.", "Джон Миллер", "сержант", False),
        ("Так считает глава Центра исследований рынков Иван Петров.", "Иван Петров", "глава Центра исследований рынков", True),
        ("Анна Смирнова — заслуженная артистка России.", "Анна Смирнова", "заслуженная артистка России", True),
        ("Забег выиграла бегунья Ольга Кузнецова.", "Ольга Кузнецова", "бегунья", False),
        ("В 2010 году Иван Петров стал продюсером фильма.", "Иван Петров", "продюсер фильма", True),
        ("Сергей Орлов работает врачом в Москве.", "Сергей Орлов", "врач", False),
        ("Олег Сидоров выступил в качестве эксперта.", "Олег Сидоров", "эксперт", True),
        ("Мария Иванова, которая работает врачом, рассказала об этом.", "Мария Иванова", "врач", False),
        ("В январе Барак Обама — в то время занимавший пост президента США — сократил срок.", "Барак Обама", "президент США", True),
        ("До мая 2010 года пост министра торговли Великобритании занимал Мервин Дэвис.", "Мервин Дэвис",
         "министр торговли Великобритании", True),
        ("Об этом написал лидер Радикальной партии Олег Ляшко.", "Олег Ляшко", "лидер Радикальной партии", True),
        ("Эмир Катара шейх Хамад бен Халиф Аль Тани встретится с членами семьи.", "Хамад бен Халиф Аль Тани", "эмир Катара", True),
        ("Известная актриса, общественный деятель и журналист Ксения Собчак стала мамой.", "Ксения Собчак", "известная актриса", True),
        ("Кабинет распределён так. Министр обороны — Ицунори Онодэра.", "Ицунори Онодэра", "министр обороны", True),
        ("На поле вышел защитник «Зенита» 34-летний Бранислав Иванович.", "Бранислав Иванович", "защитник «Зенита»", True),
        ("Об этом сообщил экс-министр Иван Петров.", "Иван Петров", "экс-министр", True),
        ("Он уволил непопулярного министра финансов Симеона Дянкова.", "Симеон Дянков", "непопулярный министр финансов", True),
        ("Так фронтмен Sex Pistols Джон Лайдон сказал это.", "Джон Лайдон", "фронтмен Sex Pistols", True),
        ("Глава городского Департамента искусства и культуры Ханс-Георг Кюпперс сказал это.", "Ханс-Георг Кюпперс",
         "глава городского Департамента искусства и культуры", True),
    ],
)
def test_role_is_attached(models, text, person, role, post):
    """A post held (``post``) also makes an Occupation fact; an occupation with no place of work
    («сержант», «врач») stays a role, as factRuEval's Occupation facts have it."""
    from svodka import analyze

    doc = analyze(text, models=models, quotes=False, brief=False, times=False)
    roles = {e.name: [r.name for r in e.roles] for e in doc.entities if e.type == "PER"}
    assert role in roles.get(person, []), roles
    occupations = [f for f in doc.facts if f.type == "Occupation"]
    assert post == any(doc.entity(a.entity).name == person for f in occupations for a in f.args if a.role == "who")


def test_a_plural_post_is_the_role_of_each_name_listed_after_it(models):
    from svodka import analyze

    doc = analyze("В их числе — актрисы Гвинет Пэлтроу, Анджелина Джоли, Розанна Аркетт и Кара Делевинь.",
                  models=models, quotes=False, brief=False, times=False)
    roles = {e.name: [r.name for r in e.roles] for e in doc.entities if e.type == "PER"}
    assert roles == dict.fromkeys(["Гвинет Пэлтроу", "Анджелина Джоли", "Розанна Аркетт", "Кара Делевинь"], ["актриса"])
    assert not [f for f in doc.facts if f.type == "Occupation"]  # several people: no one's post
    doc = analyze("Представители Владимира Путина отказались.", models=models, quotes=False, brief=False, times=False)
    assert [e.roles for e in doc.entities if e.type == "PER"] == [[]]  # whose representatives, not who


def test_a_fan_of_a_club_is_a_role_but_no_occupation(models):
    from svodka import analyze
    from svodka.entities.roles import names_occupation

    assert names_occupation("горничная") and not names_occupation("болельщик")
    doc = analyze("Погиб болельщик «Спартака» Егор Свиридов.", models=models, quotes=False, brief=False, times=False)
    assert [r.post for e in doc.entities if e.type == "PER" for r in e.roles] == ["болельщик"]
    assert not [f for f in doc.facts if f.type == "Occupation"]


@pytest.mark.parametrize(
    "text, person, role",
    [
        # the subject of «избран/стал кем» is a post its holder stands beside, or a word the name is apposed to
        ("Мэром Детройта избран легендарный баскетболист Дэйв Бинг.", "Дэйв Бинг", "мэр Детройта"),
        ("Юлия уехала в США, где её тренером стал американец Дэвид Сало.", "Дэвид Сало", "тренер"),
        # what a post commands, in the instrumental, is part of it
        ("Новым главкомом назначен командующий войсками Сибирского военного округа генерал-полковник Александр Постников.",
         "Александр Постников", "командующий войсками Сибирского военного округа"),
        # a dash between a post and a name of the same case: an apposition
        ("Бронзовая медаль у российского спортсмена — Тимура Сафина.", "Тимур Сафин", "российский спортсмен"),
        # a name, a typographic dash, a post: «X — кто»
        ("Дети: сын Максим — следователь, и дочь Анастасия — актриса.", "Анастасия", "актриса"),
        ("Дмитрий Аленичев — советский и российский футболист, полузащитник.", "Дмитрий Аленичев", "полузащитник"),
        # «он работает кем»: the person last named, of the pronoun's gender
        ("Министр Игорь Юсуфов ушёл в отставку. Сейчас он работает спецпредставителем президента.", "Игорь Юсуфов",
         "спецпредставитель президента"),
    ],
)
def test_a_post_said_apart_from_the_name_is_attached(models, text, person, role):
    """Shapes of NEREL train's missed WORKS_AS (issue #12, roles2): the post and the name are not side by side."""
    from svodka import analyze

    doc = analyze(text, models=models, quotes=False, brief=False, times=False)
    roles = {e.name: [r.name for r in e.roles] for e in doc.entities if e.type == "PER"}
    assert role in roles.get(person, []), roles


def test_a_pronoun_of_the_other_gender_takes_no_post(models):
    from svodka import analyze

    doc = analyze("Анна Смирнова приехала в город. Сейчас он работает врачом.", models=models, quotes=False, brief=False, times=False)
    assert [e.roles for e in doc.entities if e.type == "PER"] == [[]]
