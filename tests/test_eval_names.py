"""`svodka eval names`: canonical names of person mentions scored on a hand-made case and a NEREL document."""

from __future__ import annotations

import pytest

from svodka.eval.names import NEREL, NameScore, fold, nerel_text, score_doc

DOC = "train/013"
GOLD = {"source": f"nerel:{DOC}", "mentions": [
    {"start": 140, "end": 156, "text": "Азамата Сагитова", "canonical": "Азамат Сагитов"},
    {"start": 238, "end": 252, "text": "Радия Хабирова", "canonical": "Радий Хабиров"},
    {"start": 1011, "end": 1019, "text": "Хабирова", "canonical": "Радий Хабиров"},
    {"start": 1381, "end": 1397, "text": "Муртазы Рахимова", "canonical": "Муртаза Рахимов"},
]}


def test_fold_ignores_case_yo_apostrophes_and_patronymics():
    assert fold("Пётр О’Брайен") == fold("петр о'брайен")
    assert fold("Владимир Владимирович Путин") == fold("Владимир Путин")
    assert fold("Владимир Путин") != fold("Владимир Путина")


def test_score_counts_found_right_and_missing(models):
    from svodka.document import Document, Entity, Mention, PER

    text = "Встретились Ивана Петрова и Анна Смирнова."
    doc = Document(text=text, entities=[
        Entity("e1", PER, "Иван Петров", [Mention(12, 25, "Ивана Петрова")]),
        Entity("e2", PER, "Анны Смирнова", [Mention(28, 41, "Анна Смирнова")]),
    ])
    gold = {"source": "x", "mentions": [
        {"start": 12, "end": 25, "text": "Ивана Петрова", "canonical": "Иван Петров"},
        {"start": 28, "end": 41, "text": "Анна Смирнова", "canonical": "Анна Смирнова"},
        {"start": 0, "end": 11, "text": "Встретились", "canonical": "Никто"},
    ]}
    score = NameScore()
    score_doc(gold, doc, score)
    assert (score.mentions, score.found, score.right, score.surname_right) == (3, 2, 1, 2)
    assert score.accuracy == 0.5 and score.accuracy_all == pytest.approx(1 / 3)
    assert [m.found for m in score.misses] == ["Анны Смирнова", None]


def test_nerel_document_names_in_the_nominative(models):
    if not (NEREL / "train").is_dir():
        pytest.skip("NEREL not found")
    from svodka import analyze

    text = nerel_text(GOLD["source"])
    for g in GOLD["mentions"]:
        assert text[g["start"]:g["end"]] == g["text"]
    score = NameScore()
    score_doc(GOLD, analyze(text, quotes=False, times=False, facts=False, brief=False, models=models), score)
    assert score.found == 4 and score.right >= 3, score.misses
