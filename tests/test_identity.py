"""The corpus linker's decision for one surname block (corpus/identity.py) and the name parts it
compares (corpus/names.py ``tidy``): names as news write them."""

from __future__ import annotations

from svodka.corpus.identity import NameClass, decide, explain, member_class
from svodka.corpus.names import PersonName, tidy


def per(name: str, first=None, last=None, middle=None, posts=()):
    data = {"parts": {"first": first, "middle": middle, "last": last}, "roles": [{"post": p, "name": p} for p in posts]}
    return member_class("PER", name, data)


def keys(block: list[tuple[NameClass, int]]) -> list[tuple]:
    got = decide(block)
    return [got[c.id] for c, _ in block]


def test_bare_surname_joins_the_most_named_of_several_full_names():
    # «Обама» alone in an article: the corpus names Барак far more often than Мишель
    barack, michelle = per("Барак Обама", "Барак", "Обама"), per("Мишель Обама", "Мишель", "Обама")
    bare = per("Обама", last="Обама", posts=("президент",))
    k = keys([(barack, 12), (michelle, 2), (bare, 5)])
    assert k[2] == k[0] != k[1]


def test_bare_surname_stays_apart_when_no_namesake_dominates():
    fidel, raul = per("Фидель Кастро", "Фидель", "Кастро"), per("Рауль Кастро", "Рауль", "Кастро")
    bare = per("Кастро", last="Кастро")
    k = keys([(fidel, 5), (raul, 4), (bare, 3)])
    assert k[2] not in (k[0], k[1])
    assert "none most named" in explain([(fidel, 5), (raul, 4), (bare, 3)])[bare.id][1]


def test_a_shared_post_decides_between_namesakes():
    uorren = per("Уоррен Баффет", "Уоррен", "Баффет", posts=("миллиардер",))
    govard = per("Говард Баффет", "Говард", "Баффет", posts=("фермер",))
    bare = per("Баффет", last="Баффет", posts=("фермер",))
    k = keys([(uorren, 9), (govard, 3), (bare, 1)])
    assert k[2] == k[1]


def test_initials_join_the_full_name_they_abbreviate():
    full, initials = per("Владимир Путин", "Владимир", "Путин"), per("В. В. Путин", "В В", "Путин")
    assert initials.first == "в" and initials.middle == "в"
    k = keys([(full, 20), (initials, 2)])
    assert k[0] == k[1]


def test_spelling_variants_of_a_surname_meet_two_first_names_do_not():
    a, b = per("Ричард Коннелл", "Ричард", "Коннелл"), per("Ричард Коннель", "Ричард", "Коннель")
    c = per("Джон Коннелл", "Джон", "Коннелл")
    assert a.block == b.block == c.block
    k = keys([(a, 3), (b, 1), (c, 2)])
    assert k[0] == k[1] != k[2]
    h, g = per("Гельмут Коль", "Гельмут", "Коль"), per("Хельмут Коль", "Хельмут", "Коль")
    assert len(set(keys([(h, 2), (g, 1)]))) == 1
    o1, o2 = per("Конан О'Брайен", "Конан", "О'Брайен"), per("Конан О’Брайен", "Конан", "О’Брайен")
    assert o1.block == o2.block and len(set(keys([(o1, 1), (o2, 1)]))) == 1


def test_tidy_name_parts_from_the_entity_layer():
    assert tidy(PersonName("анжелиной", None, "джоли")) == PersonName("анжелина", None, "джоли")
    assert tidy(PersonName("владимир", None, "путины")) == PersonName("владимир", None, "путин")
    assert tidy(PersonName("сэр алекс", None, "фергюсон")) == PersonName("алекс", None, "фергюсон")
    assert tidy(PersonName("прислуга", None, "макафи")) == PersonName(None, None, "макафи")
    assert tidy(PersonName("де", None, "ниро")).last == tidy(PersonName("роберт", None, "де ниро")).last == "де ниро"
    assert tidy(PersonName("анджелина", None, "джоли анджелина джоли")).last == "джоли"
    assert tidy(PersonName("ким", None, "чен ын")).last == "чен ын"  # syllables of a Korean name stay
    assert tidy(PersonName("баффет", None, None)) == PersonName(None, None, "баффет")
    assert tidy(PersonName("юлия", None, None)) == PersonName("юлия", None, None)


def test_the_article_completes_a_lone_name():
    from types import SimpleNamespace as Member

    from svodka.corpus.identity import article_classes

    full, lone = per("Юлия Скрипаль", "Юлия", "Скрипаль"), per("Юлия", first="Юлия")
    other = per("Юлия", first="Юлия")
    ms = [Member(doc_id=1, type="PER", cls=full, data={}), Member(doc_id=1, type="PER", cls=lone, data={}),
          Member(doc_id=2, type="PER", cls=other, data={})]
    article_classes(ms)
    assert ms[1].cls.block == full.block and ms[1].cls.last == "скрипаль"
    assert ms[2].cls == other  # another article without the full name: nothing to go by
    k = keys([(full, 3), (ms[1].cls, 1)])
    assert k[0] == k[1]


def test_person_why_explains_each_mention_on_a_real_corpus(models, tmp_path):
    """`svodka person Керри --why` on the sample and a second article naming him «Керри» only:
    the full name links by itself, the bare surname by the corpus's one full name of that surname."""
    from test_corpus import KERRY_ONLY, sample_jsonl
    from typer.testing import CliRunner

    from svodka import Corpus
    from svodka.cli import app

    title, _, body = KERRY_ONLY.partition("\n\n")
    extra = [{"id": "kerry-only", "title": title, "text": body, "published": "2013-05-09"}]
    db = tmp_path / "kerry.db"
    corpus = Corpus(db)
    assert corpus.ingest(str(sample_jsonl(tmp_path / "kerry.jsonl", extra)), workers=1).added == 2
    view = corpus.person("Керри")
    whys = corpus.person_why(view.id)
    corpus.close()
    assert sum(w.mentions for w in whys) >= 2 and sum(w.n_docs for w in whys) >= 2
    by_name = {w.name: w for w in whys}
    assert by_name["Джон Керри"].why.startswith("full name")
    bare = by_name["Керри"]
    assert bare.why.startswith("surname") and "«джон керри»" in bare.why
    result = CliRunner().invoke(app, ["person", "Керри", "--db", str(db), "--why"])
    assert result.exit_code == 0, result.output
    assert "Why these mentions" in result.output and "full name" in result.output
    assert "Why these mentions" not in CliRunner().invoke(app, ["person", "Керри", "--db", str(db)]).output


def test_a_lone_first_name_beside_the_articles_family_joins_that_family_member():
    """«Рауль Кастро … Фидель» in an article: Фидель is Фидель Кастро when the corpus names him;
    a first name the family has no full name of stays a lone first name; a regnal number is no family."""
    from types import SimpleNamespace as Member

    from svodka.corpus.identity import KIN, article_classes

    raul, fidel, lone = per("Рауль Кастро", "Рауль", "Кастро"), per("Фидель Кастро", "Фидель", "Кастро"), per("Фидель", first="Фидель")
    other = per("Мария", first="Мария")
    ms = [Member(doc_id=1, type="PER", cls=raul, data={"mentions": [1, 2, 3]}),
          Member(doc_id=1, type="PER", cls=lone, data={"mentions": [1]}),
          Member(doc_id=1, type="PER", cls=other, data={"mentions": [1]})]
    article_classes(ms)
    assert ms[1].cls.article == KIN and ms[1].cls.block == raul.block
    block = [(raul, 5), (fidel, 4), (ms[1].cls, 1), (ms[2].cls, 1)]
    k = keys(block)
    assert k[2] == k[1] != k[0]
    assert k[3] == ("PER", None, "мария")  # no Мария Кастро in the corpus
    assert "beside the article's" in explain(block)[ms[1].cls.id][1]
    king = per("Альберт II", "Альберт", "II")
    ms = [Member(doc_id=2, type="PER", cls=king, data={"mentions": [1, 2]}),
          Member(doc_id=2, type="PER", cls=per("Филипп", first="Филипп"), data={})]
    article_classes(ms)
    assert ms[1].cls.article != KIN


def test_a_family_first_name_links_the_same_incrementally_and_by_relink(tmp_path):
    """The lone «Фидель» beside «Рауль Кастро» comes before the corpus names Фидель Кастро: when the
    full name arrives, the block is decided again and the lone name joins him, as a relink gives."""
    from sqlalchemy import select
    from test_corpus import snapshot

    from svodka import Corpus
    from svodka.corpus import tables as t
    from svodka.document import Entity, Mention
    from svodka.pipeline import make_document

    def doc(text: str, names: list[str], published: str):
        d = make_document(text, published=published)
        d.entities = []
        for n, name in enumerate(names):
            start = d.text.index(name)
            d.entities.append(Entity(id=f"e{n}", type="PER", name=name, mentions=[Mention(start, start + len(name), name)]))
        return d

    corpus = Corpus(tmp_path / "family.db")
    corpus.add([doc("Рауль Кастро сказал, что брат Фидель чувствует себя хорошо.", ["Рауль Кастро", "Фидель"], "2016-01-10")])
    corpus.add([doc("Фидель Кастро встретился с Папой Римским в Гаване.", ["Фидель Кастро"], "2016-02-11")])
    with corpus.engine.connect() as conn:
        de = t.doc_entities
        ids = dict(conn.execute(select(de.c.name, de.c.entity_id)).all())
    assert ids["Фидель"] == ids["Фидель Кастро"] != ids["Рауль Кастро"]
    before = snapshot(corpus)
    corpus.relink()
    assert snapshot(corpus) == before
