"""Place adjectives («российского министра») are mentions of the place, of their own kind."""

from __future__ import annotations

from svodka import analyze
from svodka.entities.adjectives import KIND, lexicon
from svodka.eval.export import export

ENTITIES_ONLY = dict(quotes=False, times=False, facts=False, brief=False)


def _doc(text, models):
    return analyze(text, models=models, **ENTITIES_ONLY)


def test_lexicon_comes_from_data_with_canonical_places():
    known = lexicon()
    assert known["российский"] == "Россия"
    assert known["американский"] == "США"
    assert known["московский"] == "Москва"
    assert "новый" not in known and "большой" not in known


def test_adjective_joins_the_named_country(models):
    doc = _doc("Россия направила ноту. Российский МИД и российские дипломаты потребовали объяснений.", models)
    russia = [e for e in doc.entities if e.name == "Россия"]
    assert len(russia) == 1
    kinds = [m.kind for m in russia[0].mentions]
    assert kinds.count("name") == 1 and kinds.count(KIND) == 1  # «Российский МИД» is a name: its adjective stays in it
    assert [m.text for m in russia[0].mentions if m.kind == KIND] == ["российские"]


def test_adjective_alone_makes_a_place_but_no_factru_mention(models):
    text = "Чешская полиция задержала двух водителей на границе."
    doc = _doc(text, models)
    czech = [e for e in doc.entities if e.name == "Чехия"]
    assert len(czech) == 1 and [m.kind for m in czech[0].mentions] == [KIND]
    exported = export(doc, text)
    assert "Чехия" not in exported.task2  # factRuEval names only named entities
    assert not any(line.startswith("loc 0 ") for line in exported.task1.splitlines())


def test_no_adjective_mention_inside_a_name(models):
    doc = _doc("Сотрудники Российской академии наук провели конференцию.", models)
    assert not any(m.kind == KIND for e in doc.entities for m in e.mentions)


# -- organisations named by a common noun ----------------------------------------------------------


def test_bare_government_is_a_common_org_mention(models):
    from svodka.entities.common_orgs import KIND as COMMON

    text = "Коалиционное правительство ушло в отставку. Парламент назначил выборы."
    doc = _doc(text, models)
    common = {m.text: e.type for e in doc.entities for m in e.mentions if m.kind == COMMON}
    assert common == {"Коалиционное правительство": "ORG", "Парламент": "ORG"}
    assert export(doc, text).task1 == ""  # not factRuEval names


def test_common_noun_joins_the_named_institution(models):
    doc = _doc("Правительство Израиля одобрило план. Позже правительство уточнило детали.", models)
    gov = [e for e in doc.entities if e.type == "ORG" and e.name.lower().startswith("правительств")]
    assert len(gov) == 1
    assert [m.kind for m in gov[0].mentions] == ["name", "common"]


def test_noun_inside_a_post_is_no_organisation(models):
    doc = _doc("Глава правительства встретился с журналистами.", models)
    assert not any(m.kind == "common" for e in doc.entities for m in e.mentions)


def test_age_before_a_name_at_a_sentence_start_is_not_part_of_it(models):
    doc = _doc("Восьмидесятилетний Джон Маккейн выступил в сенате.", models)
    assert [m.text for e in doc.entities if e.type == "PER" for m in e.mentions] == ["Джон Маккейн"]
