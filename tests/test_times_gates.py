"""The time grammar's keyword gates (times/gates.py) skip families, never matches."""

from __future__ import annotations

import re

import pytest

from svodka.times.gates import clauses_of, gate_of
from svodka.times.grammar import GATES, PATTERNS, candidates, lower_text


def _texts(factru_dir, nerel_dir) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(factru_dir.glob("book_*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((nerel_dir / "train").glob("*.txt"))[:300]]
    from svodka import sample_text

    return texts + [sample_text()]


def _key(found) -> list[tuple]:
    return [(m.family, m.start, m.end, tuple(sorted(m.groups.items(), key=lambda kv: kv[0]))) for m in found]


def test_gated_candidates_equal_ungated_on_real_texts(factru_dir, nerel_dir):
    texts = _texts(factru_dir, nerel_dir)
    assert len(texts) > 400
    skipped = 0
    for text in texts:
        assert _key(candidates(text)) == _key(candidates(text, gated=False))
        lower = lower_text(text)
        skipped += sum(1 for g in GATES.values() if g is not None and not g.open(lower))
    assert skipped > len(texts) * 5  # the gates do skip: several families per text on average


def test_a_closed_gate_means_no_match_on_real_texts(factru_dir, nerel_dir):
    """Family by family: wherever the regex matches, its gate is open."""
    texts = [lower_text(t) for t in _texts(factru_dir, nerel_dir)]
    for name, pattern in PATTERNS.items():
        gate = GATES[name]
        if gate is None:
            continue
        for text in texts:
            if pattern.search(text):
                assert gate.open(text), (name, pattern.search(text).group())


def test_gates_are_read_off_the_grammar():
    assert len([g for g in GATES.values() if g is not None]) >= 15
    words = {w for c in GATES["century"].clauses for w in c}
    assert words == {"век", "столети"}
    assert any("накануне" in c for c in GATES["eve"].clauses)
    weekdays = next(c for c in GATES["weekday"].clauses if "четверг" in c)
    assert {"понедельник", "сред", "суббот", "воскресень"} <= set(weekdays)


@pytest.mark.parametrize(
    ("family", "text", "opened"),
    [
        ("century", "в начале xxi века", True),
        ("century", "в 2013 году", False),
        ("shift", "два года назад", True),
        ("shift", "в прошлом году", False),
        ("weekday", "во вторник утром", True),
        ("holiday", "в канун дня победы", True),
        ("quarter", "в первом квартале 2013 года", True),
        ("quarter", "в первом полугодии", True),
        ("quarter", "во второй половине дня", False),
    ],
)
def test_gates_on_sentences(family, text, opened):
    assert GATES[family].open(text) is opened
    if not opened:
        assert PATTERNS[family].search(text) is None


def test_derivation_rules():
    def words(pattern: str) -> list[set[str]]:
        return [set(c) for c in clauses_of(re.compile(pattern))]

    # an optional part and negative look-arounds need nothing
    assert words(r"(?<![\w])(?:в\s+)?январ[ья](?![\w])") == [{"январ"}]
    assert words(r"(?:через|спустя)\s+\d+\s+лет") == [{"через", "спустя"}, {"лет"}]
    # an alternative with no word: the alternation needs nothing
    assert words(r"(?:через|\d+)\s+лет") == [{"лет"}]
    assert words(r"год(?=\s+назад)") == [{"назад"}, {"год"}]  # a look-ahead's content is in the text
    assert words(r"x*y?z{0,3}") == []
    assert gate_of(re.compile(r"век", re.IGNORECASE)) is None  # not lower-cased text: no gate
    assert gate_of(re.compile(r"\d+")) is None
