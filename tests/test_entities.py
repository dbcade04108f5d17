"""The entity layer on the sample article and on real factRuEval sentences."""

from __future__ import annotations

import pytest

from svodka import analyze
from svodka.entities.names import split_name

ENTITIES_ONLY = dict(quotes=False, times=False, facts=False, brief=False)


def ents(text, models, **kw):
    return analyze(text, models=models, **ENTITIES_ONLY, **kw).entities


def by_name(entities, name):
    found = [e for e in entities if e.name == name]
    assert found, f"{name!r} not in {[e.name for e in entities]}"
    assert len(found) == 1, f"{name!r} is {len(found)} entities"
    return found[0]


# -- the sample article --------------------------------------------------------


@pytest.fixture(scope="module")
def sample_doc(models):
    """The sample with the entity layer only, so these tests depend on nothing else."""
    from svodka import sample_text
    from svodka.readers import split_title

    title, body = split_title(sample_text())
    return analyze(body, title=title, published="2013-05-08", models=models, **ENTITIES_ONLY)


def test_sample_has_exactly_six_persons(sample_doc):
    persons = sorted(e.name for e in sample_doc.entities if e.type == "PER")
    assert persons == sorted(["Владимир Путин", "Барак Обама", "Джон Керри", "Дмитрий Песков", "Томас Донилон", "Лавров"])


@pytest.mark.parametrize(
    "name, role",
    [
        ("Джон Керри", "госсекретарь США"),
        ("Томас Донилон", "помощник президента США по национальной безопасности"),
        ("Дмитрий Песков", "пресс-секретарь"),
        ("Барак Обама", "президент США"),
        ("Владимир Путин", "президент России"),
    ],
)
def test_sample_roles(sample_doc, name, role):
    ent = by_name(sample_doc.entities, name)
    assert ent.roles[0].name == role


def test_role_org_is_the_country_entity(sample_doc):
    kerry = by_name(sample_doc.entities, "Джон Керри")
    usa = by_name(sample_doc.entities, "США")
    assert kerry.roles[0].org == usa.id and kerry.roles[0].org_name == "США"


def test_lavrov_keeps_no_invented_first_name(sample_doc):
    lavrov = by_name(sample_doc.entities, "Лавров")
    assert lavrov.parts.first is None and lavrov.parts.last == "Лавров"
    assert [m.text for m in lavrov.mentions] == ["Лавровым"]


@pytest.mark.parametrize(
    "name, descriptions",
    [
        ("Владимир Путин", {"президента России", "Глава российского государства", "главе российского государства", "Президент России"}),
        ("Джон Керри", {"американский дипломат", "Госсекретарь США", "главы внешнеполитического ведомства США"}),
    ],
)
def test_sample_role_descriptions_are_mentions(sample_doc, name, descriptions):
    ent = by_name(sample_doc.entities, name)
    said = {m.text for m in ent.mentions if m.kind == "descriptor"}
    assert descriptions <= said


def test_predicate_is_not_a_mention(sample_doc):
    # «Он стал первым американским госсекретарем»: said of Kerry, not a reference to him.
    texts = {m.text for e in sample_doc.entities for m in e.mentions}
    assert "американским госсекретарем" not in texts
    assert not any("коллег" in t for t in texts)


@pytest.mark.parametrize(
    "name, forms",
    [
        ("Россия", {"Россией", "Россию", "России"}),
        ("США", {"США", "Соединенными Штатами"}),
        ("Северная Ирландия", {"Северной Ирландии"}),
        ("Санкт-Петербург", {"Санкт-Петербурге"}),
        ("Индонезия", {"Индонезии"}),
        ("Сирия", {"Сирии"}),
    ],
)
def test_sample_places_once_in_the_nominative(sample_doc, name, forms):
    ent = by_name(sample_doc.entities, name)
    assert ent.type == "LOC" and ent.geopolitical
    assert {m.text for m in ent.mentions if m.kind == "name"} == forms


def test_itar_tass_is_an_organisation(sample_doc):
    assert by_name(sample_doc.entities, "ИТАР-ТАСС").type == "ORG"


def test_physical_places_are_not_geopolitical(sample_doc):
    for name in ("Красная площадь", "Александровский сад", "Кремлевская стена"):
        assert not by_name(sample_doc.entities, name).geopolitical


def test_mentions_are_offsets_into_text(sample_doc):
    for ent in sample_doc.entities:
        for m in ent.mentions:
            assert sample_doc.text[m.start : m.end] == m.text


def test_persons_in_nominative(sample_doc):
    obama = by_name(sample_doc.entities, "Барак Обама")
    assert {m.text for m in obama.mentions} == {"Бараком Обамой", "Обамы", "Барак Обама", "Барака Обамы"}


# -- rules on factRuEval and other real sentences -----------------------------------


def test_full_name_and_surname_merge_across_cases(models):
    # book_100: «…отставка мэра Москвы Юрия Лужкова… Лужков…»
    text = "Митинг против отставки мэра Москвы Юрия Лужкова прошёл на Тверской площади. Сторонники Лужкова собрались у мэрии."
    luzhkov = by_name(ents(text, models), "Юрий Лужков")
    assert len(luzhkov.mentions) >= 2
    assert luzhkov.roles and luzhkov.roles[0].name == "мэр Москвы"


def test_namesakes_with_different_first_names_stay_apart(models):
    text = "Иван Петров встретился с Сергеем Петровым. Позже Сергей Петров уехал."
    names = sorted(e.name for e in ents(text, models) if e.type == "PER")
    assert names == ["Иван Петров", "Сергей Петров"]


def test_abbreviation_joins_its_expansion(models):
    text = "Российская Федерация направила ноту. Позиция РФ не изменилась, заявили в Москве. Россия ждёт ответа."
    russia = by_name(ents(text, models), "Россия")
    assert {m.text for m in russia.mentions} >= {"Российская Федерация", "РФ", "Россия"}
    # Without the short name in the text, the entity keeps the name the article uses.
    text = "Российская Федерация направила ноту. Позиция РФ не изменилась."
    russia = by_name(ents(text, models), "Российская Федерация")
    assert {m.text for m in russia.mentions} == {"Российская Федерация", "РФ"}


def test_role_after_name_with_comma(models):
    text = "Об этом сообщил Дмитрий Песков, пресс-секретарь президента России."
    peskov = by_name(ents(text, models), "Дмитрий Песков")
    assert peskov.roles[0].name == "пресс-секретарь президента России"


def test_geopolitical_mentions_depend_on_context(models):
    text = "Россия заявила протест. Переговоры прошли в России."
    russia = by_name(ents(text, models), "Россия")
    flags = [m.geopolitical for m in russia.mentions]
    assert flags == [True, False]


@pytest.mark.parametrize(
    "words, parts",
    [
        (["Владимир", "Путин"], ("Владимир", None, "Путин")),
        (["Путин", "Владимир", "Владимирович"], ("Владимир", "Владимирович", "Путин")),
        (["Лавров"], (None, None, "Лавров")),
        (["Керри"], (None, None, "Керри")),
    ],
)
def test_split_name(words, parts):
    p = split_name(words)
    assert (p.first, p.middle, p.last) == parts


def test_factru_document_runs_and_offsets_hold(models, factru_dir):
    text = (factru_dir / "book_100.txt").read_text(encoding="utf-8")
    doc = analyze(text, models=models, **ENTITIES_ONLY)
    names = {e.name for e in doc.entities}
    assert {"Юрий Лужков", "Москва"} <= names
    for ent in doc.entities:
        for m in ent.mentions:
            raw_start = doc.raw_offset(m.start)
            assert text[raw_start : raw_start + len(m.text)] == m.text


def test_gloss_in_parentheses_is_the_same_entity(models):
    # book_151: «…фотограф Билал Хассеин (Bilal Hussein)…»
    text = "Фотограф агентства Associated Press Билал Хассеин (Bilal Hussein) провёл в тюрьме два года."
    persons = [e for e in ents(text, models) if e.type == "PER"]
    assert len(persons) == 1
    assert persons[0].name == "Билал Хассеин"
    assert {m.text for m in persons[0].mentions} == {"Билал Хассеин", "Bilal Hussein"}


def test_list_items_run_together_are_separate(models, factru_dir):
    text = (factru_dir / "book_394.txt").read_text(encoding="utf-8")
    names = {e.name for e in ents(text, models)}
    assert {"Монако", "Намибия", "Суринам"} <= names


def test_organisation_keeps_its_country_and_quoted_name(models):
    text = (
        "Об этом говорится в заявлении министерства сельского хозяйства Германии. «Мы против», — сказал в "
        "эксклюзивном интервью Русской службе «Голоса Америки» лидер Меджлиса крымских татар Мустафа Джемилев."
    )
    names = {e.name for e in ents(text, models) if e.type == "ORG"}
    assert "министерство сельского хозяйства Германии" in names
    assert "«Голос Америки»" in names


def test_korean_names_put_the_surname_first(models, factru_dir):
    text = (factru_dir / "book_1667.txt").read_text(encoding="utf-8")
    hwang = by_name(ents(text, models), "Хван Чжан Еп")
    assert (hwang.parts.first, hwang.parts.last) == ("Чжан Еп", "Хван")


def test_genitive_name_after_a_post_is_whose_post_it_is(models):
    text = "Помощник Хиллари Клинтон Хума Абедин заявила, что визит отменен. Госсекретарь США Хиллари Клинтон прибыла в Киев."
    entities = ents(text, models)
    assert [r.name for r in by_name(entities, "Хиллари Клинтон").roles] == ["госсекретарь США"]
    assert [r.name for r in by_name(entities, "Хума Абедин").roles] == ["помощник Хиллари Клинтон"]


def test_organisation_name_stops_before_a_person(models):
    text = "Об этом сообщил официальный представитель Следственного комитета при прокуратуре Владимир Маркин."
    entities = ents(text, models)
    assert by_name(entities, "Следственный комитет при прокуратуре").type == "ORG"
    assert by_name(entities, "Владимир Маркин").roles[0].name.startswith("официальный представитель")


def test_plural_and_organisation_descriptions_are_not_guessed(models):
    # «представители Роскосмоса» are several people; «глава Отдела» may be anyone in the department.
    text = ("Пегги Уитсон вернулась на Землю. Представители Роскосмоса сообщили о посадке. "
            "Алексей Митрохин выступил на конференции. Глава синодального Отдела сказал, что доволен.")
    entities = ents(text, models)
    said = {m.text for e in entities for m in e.mentions if m.kind == "descriptor"}
    assert not said


def test_every_head_chain_ends_at_a_root(models, factru_dir):
    # natasha's parser returns a cycle of heads in book_365; walking up must always end.
    text = (factru_dir / "book_365.txt").read_text(encoding="utf-8")
    doc = analyze(text, models=models, **ENTITIES_ONLY)
    for i in range(len(doc.tokens)):
        seen, j = set(), i
        while j >= 0:
            assert j not in seen
            seen.add(j)
            j = doc.tokens[j].head


# -- foreign names in oblique cases (factRuEval sentences) ----------------------


def test_two_given_names_and_a_surname_declined_like_a_feminine_noun(models):
    # «Хуан» is also a Chinese surname; «Пабло» is a known given name, so the order is Western,
    # and a man's «Монтойя» declines like a feminine noun (dative «Монтойе»).
    e = by_name(ents("На третьем месте финишировал Хуану Пабло Монтойе из команды МакЛарен-Мерседес.", models), "Хуан Пабло Монтойя")
    assert (e.parts.first, e.parts.last) == ("Хуан Пабло", "Монтойя")


def test_masculine_accusative_is_genitive(models):
    e = by_name(ents("Чамитофф должен заменить Гаррета Рейсмана на борту станции.", models), "Гаррет Рейсман")
    assert e.parts.first == "Гаррет"


def test_apostrophe_surname_is_one_word(models):
    e = by_name(ents("— заявил глава Business NZ Фил О’Рейли.", models), "Фил О’Рейли")
    assert (e.parts.first, e.parts.last) == ("Фил", "О’Рейли")


def test_short_surname_in_genitive_joins_its_person_and_the_right_minister_is_described(models):
    text = (
        "Об этом заявил министр финансов Новой Зеландии Майкл Каллен. "
        "Министр по государственным сборам Новой Зеландии Питер Данн подчеркнул, что реформа идёт. "
        "По словам Данна, наблюдатели неверно интерпретируют заявления министра финансов."
    )
    found = ents(text, models)
    dunne = by_name(found, "Питер Данн")
    assert "Данна" in [m.text for m in dunne.mentions]
    assert not [e for e in found if e.name == "Данна"]
    cullen = by_name(found, "Майкл Каллен")
    assert "министра финансов" in [m.text for m in cullen.mentions]
    assert "министра финансов" not in [m.text for m in dunne.mentions]


def test_juan_is_a_given_name(models):
    e = by_name(ents("Гол забил полузащитник Хуан Суареш.", models), "Хуан Суареш")
    assert (e.parts.first, e.parts.last) == ("Хуан", "Суареш")


def test_east_asian_order_still_holds(models):
    found = ents("Ким Чен Ын и Ху Цзиньтао встретились в Пекине.", models)
    assert by_name(found, "Ким Чен Ын").parts.last == "Ким"
    assert by_name(found, "Ху Цзиньтао").parts.last == "Ху"


def test_seat_of_power_is_a_place_or_the_administration_in_it(models):
    assert by_name(ents("Встреча прошла в Кремле.", models), "Кремль").type == "LOC"
    assert by_name(ents("Кремль всех опередил: первое заявление подал он.", models), "Кремль").type == "ORG"
    assert by_name(ents("В начале недели Белый дом получил известие о визите.", models), "Белый дом").type == "ORG"
    assert by_name(ents("Обама принимает в Белом доме французского коллегу.", models), "Белый дом").type == "LOC"


def test_latin_gloss_and_its_abbreviation_are_the_organisation(models):
    found = ents(
        "Об этом сообщает Комитет защиты журналистов (КЗЖ) (Committee to Protect Journalists). "
        "Руководитель КЗЖ Джоэл Саймон добавил.",
        models,
    )
    cpj = by_name(found, "Комитет защиты журналистов")
    assert [m.text for m in cpj.mentions] == ["Комитет защиты журналистов", "КЗЖ", "Committee to Protect Journalists", "КЗЖ"]
    found = ents("Международная амнистия (Amnesty International) обвинила власти.", models)
    assert "Amnesty International" in [m.text for m in by_name(found, "Международная амнистия").mentions]


def test_adjectives_before_an_organisations_name_belong_to_it(models):
    found = ents("Санкции российского Минсельхоза затронули фрукты. Минсельхоз пояснил свою позицию.", models)
    agri = by_name(found, "Минсельхоз")
    assert [m.text for m in agri.mentions] == ["российского Минсельхоза", "Минсельхоз"]
    mfa = [e for e in ents("Глава японского МИДа Сэйдзи Маэхара отметил это.", models) if e.type == "ORG"]
    assert [(e.name, e.mentions[0].text) for e in mfa] == [("японский МИД", "японского МИДа")]
    # a judging adjective is not part of the name
    fb = by_name(ents("Такой выгодный Facebook привлёк инвесторов.", models), "Facebook")
    assert [m.text for m in fb.mentions] == ["Facebook"]
    # a common noun is a description, not a name: nothing to extend (it is a «common» mention, entities/common_orgs.py)
    orgs = [e for e in ents("Японское правительство выразило протест.", models) if e.type == "ORG"]
    assert [(m.text, m.kind) for e in orgs for m in e.mentions] == [("Японское правительство", "common")]


def test_named_vehicles_are_not_organisations_but_their_owners_are(models):
    text = "Шаттл «Дискавери» завершил полёт. После «Дискавери» полетят шаттлы «Индевор» (в конце апреля) и «Атлантис»."
    assert [e.name for e in ents(text, models) if e.type != "PER"] == []
    found = ents("Самолёт «Аэрофлота» приземлился в Шереметьеве. «Аэрофлот» сообщил об этом.", models)
    assert [m.text for m in by_name(found, "Аэрофлот").mentions] == ["Аэрофлота", "Аэрофлот"]


def test_a_fully_named_persons_bare_surname_natasha_missed_is_found(models):
    text = (
        "Матч между чемпионом мира Веселином Топаловым и Гатой Камским начался. "
        "Календарь\n\n• 7 апреля, 2-я партия\n\n• • Топалов — Камский 1:0\n\n"
    )
    topalov = by_name(ents(text, models), "Веселин Топалов")
    assert len(topalov.mentions) == 2


def test_bodies_of_a_country_are_organisations(models):
    found = ents("Пресс-служба президента Украины сообщила об этом. Делегация США прибыла в Женеву.", models)
    assert by_name(found, "делегация США").type == "ORG"
    assert by_name(found, "пресс-служба президента Украины").type == "ORG"
    assert by_name(found, "США").type == "LOC"  # the country keeps its own mention
    found = ents("Пегги Уитсон вошла в основной состав 16-й долговременной экспедиции МКС.", models)
    assert by_name(found, "16-я долговременная экспедиция МКС").type == "ORG"  # its adjectives belong to it
    found = ents("Чамитофф должен заменить Рейсмана в экипаже МКС.", models)
    assert by_name(found, "экипаж МКС").type == "ORG" and by_name(found, "МКС").type == "LOC"


def test_organisation_names_in_oblique_cases_and_their_ends(models):
    theatre = [e for e in ents("Но я не прощаюсь с Большим театром, а говорю лишь до свидания.", models) if e.type == "ORG"]
    assert [e.name for e in theatre] == ["Большой театр"]  # not «Больший театр»
    found = ents("В работе участвовали сотрудники ГУ МЧС России по Санкт-Петербургу и Ленобласти представители Гринпис.", models)
    assert not [e for e in found if "Гринпис" in e.name and "МЧС" in e.name]


def test_the_people_of_an_organisation_are_not_its_name(models):
    lab = [e for e in ents("Исследователи Брукхейвенской национальной лаборатории выяснили это.", models) if e.type == "ORG"]
    assert [e.mentions[0].text for e in lab] == ["Брукхейвенской национальной лаборатории"]
    found = ents("Замглавы Федеральной миграционной службы России Михаил Тюркин заявил это.", models)
    assert not [e for e in found if "Замглавы" in e.name]


def test_media_named_after_a_place_are_organisations(models):
    found = ents("Голос Америки: Ранее СМИ сообщали об этом. В эфире «Эха Москвы» выступил Навальный.", models)
    assert by_name(found, "Голос Америки").type == "ORG"
    assert by_name(found, "Эхо Москвы").type == "ORG"
    assert not [e for e in found if e.name in ("Америка", "Москва")]


def test_role_in_brackets_after_a_name(models):
    found = ents("Юрген Клинсман и Андреас Кёпке (тренер вратарей) сообщили это решение Оливеру Кану.", models)
    assert [r.name for r in by_name(found, "Андреас Кёпке").roles] == ["тренер вратарей"]
    assert by_name(found, "Юрген Клинсман").roles == []


def test_an_aides_principal_is_not_the_aide(models):
    found = ents("Помощник Хиллари Клинтон по европейским и евразийским делам посетил Белград.", models)
    assert by_name(found, "Хиллари Клинтон").roles == []


def test_named_after_a_person_belongs_to_the_organisation(models):
    found = ents("Спектакль показали в Театре им. Йозефа Бойса.", models)
    assert [m.text for m in by_name(found, "Театр им. Йозефа Бойса").mentions] == ["Театре им. Йозефа Бойса"]
    assert by_name(found, "Йозеф Бойс").type == "PER"


def test_a_country_in_a_bulleted_list_is_no_person(models):
    found = ents("Участники: • Чили • Эквадор • Египет • Эль Сальвадор • Эфиопия • Грузия • Греция", models)
    assert not [e for e in found if e.type == "PER" and e.name == "Эфиопия"]


def test_an_arabic_organisation_run_into_a_name_is_split_off(models):
    found = ents("Среди задержанных оказался оператор Аль-Джазиры Сами аль-Хадж (Sami al-Haj).", models)
    assert by_name(found, "Аль-Джазира").type == "ORG"
    assert by_name(found, "Сами аль-Хадж").type == "PER"


def test_names_listed_with_commas_are_separate_people(models):
    found = ents("Отчёт: 0:1 — 01:23 Сёмин (Овечкин, Фёдоров), 1:1 — Ковальчук.", models)
    assert {"Овечкин", "Фёдоров"} <= {e.name for e in found if e.type == "PER"}


def test_no_name_runs_across_a_paragraph_break(models):
    found = ents("Космонавты вернулись на Землю\n\nВсе дружно отметили 45-летие полёта Гагарина.", models)
    assert [m.text for e in found if e.type == "LOC" for m in e.mentions] == ["Землю"]


def test_a_place_natasha_left_untagged_is_found_but_not_a_quoted_name(models):
    found = ents("Новым чемпионом Европы стал гроссмейстер из Хорватии.", models)
    assert by_name(found, "Европа").type == "LOC"
    found = ents("Автомобиль «Славута» построен на платформе «Таврия».", models)
    assert not [e for e in found if e.type == "LOC"]
