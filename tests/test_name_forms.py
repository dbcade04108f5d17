"""The name lexicon from NEREL train's Wikidata names (entities/name_forms.py), the bearer's sex
from the name words (names.mention_gender) and spelling-variant keys.

Sentences from NEREL train (Russian Wikinews; file ids in comments), verbatim."""

from __future__ import annotations

from importlib.resources import files

import pytest

from svodka import analyze
from svodka.entities.declension import nominatives
from svodka.entities.name_forms import known_nominative, lexicon_sex, seen_nominatives
from svodka.entities.variants import same_spelling, variant_key


def persons(text, models):
    doc = analyze(text, models=models, quotes=False, facts=False, brief=False, times=False)
    return [e.name for e in doc.entities if e.type == "PER"]


def test_the_lexicon_has_its_provenance_and_only_name_words():
    text = files("svodka").joinpath("data/name_forms.tsv").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("NEREL v1.1 train" in line for line in header)
    assert any("scripts/build_name_forms.py" in line for line in header)
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        kind, nom, sex, forms, mentions, entities = line.split("\t")
        assert kind in ("first", "last") and sex in ("M", "F", "-")
        assert " " not in nom and all(" " not in f for f in forms.split(","))  # words, no text
        assert int(mentions) >= 1 and int(entities) >= 1


def test_lexicon_entries():
    assert seen_nominatives("скрипаля", "Masc") == ["скрипаль"]
    assert known_nominative("меркель", "Fem") and lexicon_sex("меркель") == "Fem"
    assert seen_nominatives("марьяна", "Fem") == []  # a woman's «Марьяна» is not the man's «Марьян»
    assert nominatives("шарецом", "Ins", "Masc")[0] == "шарец"


@pytest.mark.parametrize(
    "text, name",
    [
        # 151219: a man's surname on «-ь» in the genitive, no first name in the sentence
        (
            "Оцепленными также остаются ещё четыре места в Солсбери — дом Скрипаля, паб ''Bishopʼs Mill'', скамейка "
            "в парке, где были найдены отравленные, и кладбище, где похоронены жена и сын бывшего разведчика.",
            "Скрипаль",
        ),
        # 13730: a woman's surname on a consonant does not decline
        (
            "Из-за ареста под угрозой срыва встреча Стросс-Кана с канцлером Германии Ангелой Меркель, назначенная "
            "на воскресенье.",
            "Ангела Меркель",
        ),
        # 12474: instrumental of a man's name on «-а»
        (
            "Напомним, последний российско-американский договор по СНВ был подписан Дмитрием Медведевым и Бараком "
            "Обамой в Праге 8 апреля 2010 года.",
            "Барак Обама",
        ),
    ],
)
def test_names_in_the_nominative(models, text, name):
    assert name in persons(text, models)


@pytest.mark.parametrize(
    "text, name",
    [
        # 106330: «-евой» is a woman's form whatever the tagger says: the first name is a woman's too
        (
            "Назначение 53-летней Дариги Назарбаевой на этот пост обозначило бы ее выдвижение как вероятного "
            "преемника 76-летнего президента.",
            "Дарига Назарбаева",
        ),
        # 509888: «Грету» is only the accusative of a woman's «Грета» (tagged a man's dative)
        (
            "Полный список держался в секрете, однако эксперты называли в числе фаворитов молодёжных активисток "
            "Ильвад Эльман из Сомали и Хаджер Шариф из Ливии, а также активиста из Гонконга 23-летнего Натана Лау "
            "и экоактивистку из Швеции Грету Тунберг.",
            "Грета Тунберг",
        ),
        # 105140: a declined first name beside an unchanged surname on a consonant: a woman
        (
            "На соревновании в вольных упражнениях Байлз была фаворитом, хотя многие считали главной конкуренткой "
            "спортсменки ее соратницу по сборной Александру Райсман, в конце концов ставшую обладательницей "
            "серебряной медали.",
            "Александра Райсман",
        ),
    ],
)
def test_the_name_words_tell_the_bearers_sex(models, text, name):
    assert name in persons(text, models)


def test_a_name_agrees_in_case_where_the_tagger_says_nominative(models):
    # 18480: «Жоржу» is only a dative to the dictionary, «Мельесу» ends as one: both datives
    text = (
        "Богатый визуальными спецэффектами фильм «Хранитель времени» (Hugo), ставший данью одному из "
        "основоположников французского кинематографа Жоржу Мельесу, собрал пять «Оскаров», в том числе за лучшую "
        "операторскую работу, лучшую работу художника-постановщика и лучший звуковой монтаж."
    )
    assert "Жорж Мельес" in persons(text, models)
    assert persons("Исаму Акасаки получил Нобелевскую премию.", models) == ["Исаму Акасаки"]  # a nominative


def test_a_man_keeps_his_declined_surname(models):
    # the same first-name form, the surname declined with it: a man (Александр)
    assert persons("Премию вручили Александру Петрову.", models) == ["Александр Петров"]


@pytest.mark.parametrize(
    "a, b", [("Монтойя", "Монтойа"), ("Гарсия", "Гарсиа"), ("Хантсмен", "Хантсман"), ("Ньюмен", "Ньюман"),
             ("Рафаэль", "Рафаель")],
)
def test_more_spelling_variants_share_a_key(a, b):
    assert same_spelling(a, b)


@pytest.mark.parametrize("a, b", [("Яна", "Ана"), ("Мария", "Марина"), ("Семен", "Саман")])
def test_other_names_keep_their_keys(a, b):
    assert variant_key(a) != variant_key(b)
