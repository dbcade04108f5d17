"""Substantivised participles as posts (issue #12, roles2): «управляющий», «заведующий» are in the NEREL-train
lexicon (scripts/build_professions.py) and natasha lemmatises them as their verbs (own sentences)."""

from __future__ import annotations

import pytest


def _roles(models, text):
    from svodka import analyze

    doc = analyze(text, models=models, quotes=False, brief=False, times=False)
    return {e.name: [(r.name, r.post) for r in e.roles] for e in doc.entities if e.type == "PER"}


@pytest.mark.parametrize(
    "text, person, name",
    [
        ("Главным управляющим General Motors назначен Эдвард Уитакер.", "Эдвард Уитакер", "главный управляющий General Motors"),
        ("Управляющий фонда Иван Петров уволился вчера.", "Иван Петров", "управляющий фонда"),
        ("Заведующий отделением больницы Сергей Иванов рассказал о пациентах.", "Сергей Иванов", "заведующий отделением больницы"),
        ("Ведущим концерта станет Вадим Степанцов.", "Вадим Степанцов", "ведущий концерта"),
    ],
)
def test_a_participle_post_is_a_role(models, text, person, name):
    roles = _roles(models, text)
    assert name in [n for n, _ in roles.get(person, [])], roles


def test_a_participle_that_is_a_verb_is_no_post(models):
    roles = _roles(models, "Сергей Иванов, управляющий своей компанией уже десять лет, рассказал о планах.")
    assert not any("управля" in n for n, _ in roles.get("Сергей Иванов", [])), roles
