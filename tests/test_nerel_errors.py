"""`svodka eval nerel --errors`: the mention errors by kind, on a hand-made brat case."""

from __future__ import annotations

from svodka.eval import brat
from svodka.eval.nerel_errors import markdown, mention_errors
from svodka.eval.nerel_view import SysView

TEXT = "Российский министр Сергей Лавров прилетел в Нью-Йорк, сообщила пресс-служба МИД."
#       0         1         2         3         4         5         6         7
#       01234567890123456789012345678901234567890123456789012345678901234567890123456789
ANN = "\n".join([
    "T1\tCOUNTRY 0 10\tРоссийский",
    "T2\tPERSON 19 32\tСергей Лавров",
    "T3\tCITY 44 52\tНью-Йорк",
    "T4\tORGANIZATION 63 79\tпресс-служба МИД",
    "T5\tORGANIZATION 76 79\tМИД",
    "T6\tPROFESSION 11 18\tминистр",
])


def _errors(mentions):
    g = brat.parse("hand", TEXT, ANN)
    return mention_errors(g, SysView(mentions=mentions, entities={}, times=[], facts=[]))


def test_each_kind_once():
    errs = _errors([
        ("PER", 26, 32, "e1"),  # «Лавров» for «Сергей Лавров»: boundary
        ("ORG", 44, 52, "e2"),  # the city as an organisation: type
        ("ORG", 76, 79, "e3"),  # the inner «МИД»: neither right nor wrong, so «пресс-служба МИД» is missing
        ("LOC", 11, 18, "e4"),  # «министр» is a PROFESSION, an unscored extent: excused
        ("PER", 53, 61, "e5"),  # «сообщила»: extra
    ])
    kinds = sorted((e.kind, (e.gold or e.system)[0]) for e in errs)
    assert kinds == [("boundary", "PER"), ("extra", "PER"), ("missing", "LOC"), ("missing", "ORG"), ("type", "LOC")]
    boundary = next(e for e in errs if e.kind == "boundary")
    assert (boundary.gold_text, boundary.system_text) == ("Сергей Лавров", "Лавров")
    assert next(e for e in errs if e.kind == "missing" and e.gold[0] == "LOC").gold_type == "COUNTRY"


def test_no_errors_when_exact():
    assert _errors([("LOC", 0, 10, "a"), ("PER", 19, 32, "b"), ("LOC", 44, 52, "c"), ("ORG", 63, 79, "d")]) == []


def test_markdown_counts_classes():
    text = markdown(_errors([("PER", 26, 32, "e1")]))
    assert "| boundary PER | 1 |" in text and "| missing ORG | 1 |" in text and "«Сергей Лавров»→«Лавров»" in text
