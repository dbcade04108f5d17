"""Roles of issue #12, round 4: subjects of coordinated and subject-less holding verbs, post nouns under
any verb, a post at the end of a genitive chain, lists after a plural post, «Пост, Имя,» (own sentences,
in the shapes of NEREL train's misses)."""

from __future__ import annotations

import pytest

from svodka.entities.roles import is_profession, person_lemma


def _roles(models, text):
    from svodka import analyze

    doc = analyze(text, models=models, quotes=False, brief=False, times=False)
    return {e.name: [r.name for r in e.roles] for e in doc.entities if e.type == "PER"}


@pytest.mark.parametrize(
    "text, person, role",
    [
        ("Анна Смирнова окончила институт и работала санитаркой.", "Анна Смирнова", "санитарка"),
        ("Иван Петров родился в 1953 году в Липецке. Работал инженером-конструктором на заводе.", "Иван Петров",
         "инженер-конструктор"),
        ("Стив Джобс уходит в отставку с поста исполнительного директора компании Apple.", "Стив Джобс",
         "исполнительный директор компании Apple"),
        ("Президент назначил Василия Небензю на пост постоянного представителя России при ООН.", "Василий Небензя",
         "постоянный представитель России"),
        ("Медведев освободил Ивана Петрова от должности министра.", "Иван Петров", "министр"),
        ("Абызов назначен советником президента России Дмитрия Медведева.", "Дмитрий Медведев", "президент России"),
        ("Он работал с такими режиссёрами, как Квентин Тарантино и Мартин Скорсезе.", "Мартин Скорсезе", "режиссер"),
        ("Президент России, Владимир Путин, выразил соболезнования.", "Владимир Путин", "президент России"),
    ],
)
def test_role_is_attached(models, text, person, role):
    roles = _roles(models, text)
    assert role in roles.get(person, []), roles


def test_the_appointer_and_a_subject_of_the_other_gender_take_no_post(models):
    roles = _roles(models, "Президент назначил Василия Небензю на пост постоянного представителя России при ООН.")
    assert all("представитель" not in r for name, rs in roles.items() if name != "Василий Небензя" for r in rs)
    roles = _roles(models, "Анна Смирнова родилась в Туле. Работал инженером на заводе.")
    assert roles.get("Анна Смирнова") == [], roles


def test_a_list_after_a_comma_alone_is_no_list(models):
    roles = _roles(models, "Пришли представители МВД, Иван Петров и Олег Сидоров.")
    assert roles.get("Иван Петров") == [] and roles.get("Олег Сидоров") == [], roles


def test_the_lexicon_reads_words_as_pymorphy_built_it():
    assert person_lemma("аятолла") == "аятолл" and is_profession("аятолл")
    assert person_lemma("физика") == "физик" and is_profession("физик")
    assert not is_profession("квн") and not is_profession("войско")


def test_the_same_post_in_other_words_beside_the_name_is_kept(models):
    roles = _roles(models, "На встречу приехал лидер страны, президент Ганы Джон Махама.")
    assert "президент Ганы" in roles.get("Джон Махама", []), roles
    # a description pointing back stays folded into the explicit post
    roles = _roles(models, "Президент России Владимир Путин прилетел в Сочи. Глава российского государства провёл совещание.")
    assert roles.get("Владимир Путин") == ["президент России"], roles


def test_a_pronoun_is_the_subject_of_the_sentence_before(models):
    roles = _roles(models, "Синдзо Абэ работает в правительстве Иосиро Мори. С 2003 года он был секретарём партии.")
    assert "секретарь партии" in roles.get("Синдзо Абэ", []), roles


def test_a_lone_post_goes_to_the_salient_person_as_a_role_but_no_fact(models):
    from svodka import analyze

    text = ("Иван Сергеевич Петров приехал в Самару. Петров осмотрел новый завод. "
            "Иван Петров встретился с рабочими. Председатель пообещал им новые станки.")
    doc = analyze(text, models=models, quotes=False, brief=False, times=False)
    petrov = next(e for e in doc.entities if e.type == "PER")
    assert [(r.post, r.source) for r in petrov.roles] == [("председатель", "nearby")]
    assert not [f for f in doc.facts if f.type == "Occupation"]
