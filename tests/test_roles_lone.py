"""Roles of issue #12 round 3: the parser's apposition across a post's own dependents, coordinated
and apposed posts, «исполняющий обязанности», compounds of a known occupation, and lone occupations
given to the person the text is about (``source="nearby"``)."""

from __future__ import annotations

import pytest

from svodka.entities.roles import is_profession


def _roles(models, text):
    from svodka import analyze

    doc = analyze(text, models=models, quotes=False, brief=False, times=False)
    return doc, {e.name: [(r.name, r.source) for r in e.roles] for e in doc.entities if e.type == "PER"}


def test_compounds_and_rare_occupations_come_from_data():
    assert is_profession("прозаик") and is_profession("фельдшер")  # heads of a single NEREL train span
    assert is_profession("рок-музыкант") and is_profession("фотограф-любитель") and is_profession("замгубернатор")
    assert not is_profession("экс-ручка") and not is_profession("лже-ручка")


@pytest.mark.parametrize(
    "text, person, role",
    [
        ("Ранее это сделал депутат от «Справедливой России» Илья Пономарев.", "Илья Пономарев", "депутат"),
        ("Врач Хиллари Клинтон Лиза Бардек сообщила, что пациентка поправляется.", "Лиза Бардек", "врач"),
        ("Скончалась народная артистка СССР, оперная певица Елена Образцова.", "Елена Образцова", "народная артистка СССР"),
        ("Исполняющим обязанности губернатора назначен Геннадий Тушнолобов.", "Геннадий Тушнолобов",
         "исполняющий обязанности губернатора"),
    ],
)
def test_post_and_name_linked_by_the_parse(models, text, person, role):
    _, roles = _roles(models, text)
    assert any(name.startswith(role) and source == "text" for name, source in roles.get(person, [])), roles


def test_the_principal_keeps_no_role_of_the_aide(models):
    _, roles = _roles(models, "Врач Хиллари Клинтон Лиза Бардек сообщила, что пациентка поправляется.")
    assert roles.get("Хиллари Клинтон") == []


def test_a_post_with_a_name_of_its_own_is_not_the_next_persons(models):
    _, roles = _roles(models, "На свадьбе были певица Глюкоза, музыкант Алексей Кортнев и другие.")
    assert [name for name, _ in roles["Алексей Кортнев"]] == ["музыкант"]


def test_a_lone_occupation_goes_to_the_person_the_text_is_about(models):
    text = ("Джордж Майкл умер в своём доме. Джордж Майкл был найден утром. Менеджер Джорджа Майкла "
            "подтвердил новость. По сообщениям BBC, певец скончался во сне.")
    doc, roles = _roles(models, text)
    assert ("певец", "nearby") in roles["Джордж Майкл"], roles
    # a guess, marked as one: nothing else in the entity layer changes for it
    assert all(r.source in ("text", "description", "nearby") for e in doc.entities for r in e.roles)


def test_a_lone_occupation_is_not_guessed_when_two_people_are_named(models):
    text = ("Иван Петров встретился с Сергеем Орловым. Иван Петров рассказал о встрече. Иван Петров "
            "доволен. Сергей Орлов промолчал. Министр юстиции Австрии поддержал решение.")
    _, roles = _roles(models, text)
    assert not any(source == "nearby" for rs in roles.values() for _, source in rs), roles


@pytest.mark.parametrize(
    "text, person, role",
    [
        ("Парламент Кубы утвердил Мигеля Диаса-Канеля главой Госсовета.", "Мигель Диас-Канель", "глава Госсовета"),
        ("Анна Петрова была избрана мэром города.", "Анна Петрова", "мэр города"),
    ],
)
def test_the_one_appointed_holds_the_post(models, text, person, role):
    _, roles = _roles(models, text)
    assert (role, "text") in roles.get(person, []), roles


def test_a_lone_occupation_someone_else_holds_is_not_guessed(models):
    text = ("Памятник Борису Ельцину создал скульптор Георгий Франгулян. Борис Ельцин был первым президентом. "
            "Бориса Ельцина помнят. По словам Бориса Ельцина, это важно. Скульптор выбрал мрамор.")
    _, roles = _roles(models, text)
    assert not any(source == "nearby" for rs in roles.values() for _, source in rs), roles
