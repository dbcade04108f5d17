"""Tokens and sentences (svodka.nlp): offsets into the text, sentences never across a blank line."""

from __future__ import annotations

from svodka.nlp import parse
from svodka.pipeline import make_document


def test_headline_without_full_stop_is_its_own_sentence(models):
    text = "Высокотемпературные сверхпроводники из непроводников\n\nИсследователи лаборатории выяснили это. Второе предложение."
    doc = make_document(text)
    parse(doc, models)
    sents = [doc.text[s.start : s.end] for s in doc.sents]
    assert sents == [
        "Высокотемпературные сверхпроводники из непроводников",
        "Исследователи лаборатории выяснили это.",
        "Второе предложение.",
    ]
    for s in doc.sents:
        assert all(s.start <= t.start and t.end <= s.end for t in doc.tokens[s.first : s.last])
    assert all(doc.text[t.start : t.end] == t.text for t in doc.tokens)


def test_heads_stay_inside_their_sentence(models):
    doc = make_document("Путин встретился с Керри в Кремле.\n\nВстреча длилась три часа")
    parse(doc, models)
    for i, tok in enumerate(doc.tokens):
        if tok.head >= 0:
            assert doc.tokens[tok.head].sent == tok.sent, (i, tok.text)
