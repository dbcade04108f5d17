"""The corpus store on SQLite and on a real PostgreSQL server: ingest, idempotence, kill and resume,
reprints, identities, search, the person view, export, hostile input."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FACTRU
from sqlalchemy import func, select
from test_corpus_pg import pg_server  # noqa: F401  (session fixture)

from svodka import Corpus
from svodka.corpus import tables as t

# Small factRuEval texts, quick to analyse, for the tests that run the whole pipeline.
SMALL = ["book_402", "book_98", "book_93", "book_116", "book_3949", "book_255", "book_284", "book_2009"]
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

KERRY_ONLY = (  # a second article that names him by surname alone (sentences from the sample)
    "Керри возложил венок к Вечному огню\n\n"
    "Госсекретарь США Керри прогулялся по Красной площади и посмотрел на подготовку к праздничному "
    "Параду Победы.\n\n"
    '"Вы лучше других знаете, что сейчас стоит целый ряд задач, решение которых требует такого же уровня '
    'сотрудничества", — добавил Керри.'
)


def small_paths(factru_dir: Path, n: int = len(SMALL)) -> list[str]:
    paths = [factru_dir / f"{name}.txt" for name in SMALL[:n]]
    existing = [str(p) for p in paths if p.exists()]
    if len(existing) < n:  # fall back to the smallest texts of the devset
        existing = [str(p) for p in sorted(factru_dir.glob("book_*.txt"), key=lambda p: p.stat().st_size)[:n]]
    return existing


@pytest.fixture
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'corpus.db'}"
    return request.getfixturevalue("pg_server").new_database()


def snapshot(corpus: Corpus) -> dict[str, list[str]]:
    """Every row of every table, as sorted JSON: two stores are equal when their snapshots are."""
    out = {}
    with corpus.engine.connect() as conn:
        for table in t.CONTENT_TABLES:
            rows = [
                json.dumps(
                    {k: (v.hex() if isinstance(v, bytes) else v) for k, v in r._mapping.items()},
                    sort_keys=True,
                    ensure_ascii=False,
                )
                for r in conn.execute(select(table))
            ]
            out[table.name] = sorted(rows)
    return out


def sample_jsonl(path: Path, extra: list[dict] | None = None) -> Path:
    from svodka import sample_text
    from svodka.readers import split_title

    title, body = split_title(sample_text())
    recs = [
        {"id": "kerry-2013", "title": title, "text": body, "published": "2013-05-08", "url": "https://example.ru/kerry"}
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs + (extra or [])) + "\n", encoding="utf-8")
    return path


# -- idempotence, kill and resume ---------------------------------------------------------------


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_ingest_twice_adds_nothing(url, models, factru_dir, tmp_path):
    paths = small_paths(factru_dir, 4) + [str(sample_jsonl(tmp_path / "sample.jsonl"))]
    corpus = Corpus(url)
    first = corpus.ingest(*paths, workers=1, timeout=60)
    assert first.added == 5 and first.errors == 0, corpus.errors()
    before = snapshot(corpus)
    again = corpus.ingest(*paths, workers=1, timeout=60)
    assert (again.added, again.skipped) == (0, 5)
    assert snapshot(corpus) == before
    assert corpus.check() == []
    assert corpus.counts()["mentions"] > 20


LINKED = ("entities", "entity_roles", "name_classes", "link_keys", "doc_entities", "documents")


def test_devset_sample_nerel_incremental_equals_relink(models, factru_dir, tmp_path):
    """Acceptance: the 122 factRuEval texts, the sample and NEREL dev in two ingests (each linked on top
    of the last), ingested again (nothing added), equal what `relink` computes from scratch."""
    nerel = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "nerel" / "dev"
    if not nerel.is_dir():
        pytest.skip("NEREL dev is not here")
    corpus = Corpus(tmp_path / "devset.db")
    paths = [str(factru_dir), str(sample_jsonl(tmp_path / "sample.jsonl"))]
    first = corpus.ingest(str(nerel), workers=2, timeout=15)
    assert first.added >= 90, corpus.errors()
    second = corpus.ingest(*paths, workers=2, timeout=15)
    assert second.seen == 123 and second.added + second.errors == 123
    assert second.added >= 120, corpus.errors()
    counts = corpus.counts()
    again = corpus.ingest(*paths, workers=2, timeout=15)
    assert again.added == 0 and again.skipped == second.added
    assert corpus.counts() == counts
    assert corpus.check() == []
    incremental = snapshot(corpus)
    assert corpus.relink() == first.added + second.added
    relinked = snapshot(corpus)
    for name in LINKED:
        assert relinked[name] == incremental[name], name
    assert counts["entities"] > 1000
    with corpus.engine.connect() as conn:
        assert conn.execute(select(func.count()).where(t.doc_entities.c.entity_id.is_(None))).scalar_one() == 0
        assert conn.execute(select(func.count()).where(t.documents.c.linked.is_(False))).scalar_one() == 0


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_sigkill_halfway_then_resume_equals_uninterrupted(url, models, factru_dir, tmp_path):
    paths = small_paths(factru_dir)
    corpus = Corpus(url)  # migrated before the child starts, so only documents race
    code = "import sys; from svodka import Corpus; Corpus(sys.argv[1]).ingest(*sys.argv[2:], workers=1)"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    child = subprocess.Popen([sys.executable, "-c", code, url, *paths], env=env, stderr=subprocess.PIPE)
    n = 0
    deadline = time.monotonic() + 120
    with corpus.engine.connect() as conn:
        while time.monotonic() < deadline and child.poll() is None:
            n = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
            conn.rollback()
            if n >= len(paths) // 2:
                break
            time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert 0 < n < len(paths), f"killed after {n} of {len(paths)} documents: {child.stderr.read()[-2000:]!r}"
    assert corpus.check() == []  # whole documents only

    resumed = corpus.ingest(*paths, workers=1)
    assert resumed.added + resumed.skipped == len(paths) and resumed.errors == 0

    fresh = Corpus(f"sqlite:///{tmp_path / 'fresh.db'}" if url.startswith("sqlite") else _sibling_database(url))
    fresh.ingest(*paths, workers=1)
    assert snapshot(corpus) == snapshot(fresh)


def _sibling_database(url: str) -> str:
    import uuid

    import psycopg

    base, _ = url.rsplit("/", 1)
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base + "/postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


# -- reprints ----------------------------------------------------------------------------------


def _reprints(name: str, text: str) -> list[tuple[str, str]]:
    """Three planted reprints: a new headline, a paragraph dropped, the punctuation changed."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    new_headline = "\n\n".join(["Срочно: " + paras[0].rstrip(".") + " (обновлено)"] + paras[1:])
    dropped = "\n\n".join(paras[:3] + paras[4:])
    punct = text.replace(", ", " ,").replace(".", "!").replace('"', "«").replace("—", "-").replace(":", ";")
    return [(f"{name}/headline", new_headline), (f"{name}/dropped", dropped), (f"{name}/punct", punct)]


def test_planted_reprints_group_with_their_original_only(models, factru_dir, tmp_path):
    from svodka import sample_text

    originals = {"sample": sample_text()} | {b: (factru_dir / f"{b}.txt").read_text() for b in ("book_179", "book_297")}
    others = {b: (factru_dir / f"{b}.txt").read_text() for b in ("book_105", "book_131", "book_180", "book_98")}
    recs = [(name, text) for name, text in originals.items()] + [(n, t_) for n, t_ in others.items()]
    for name, text in originals.items():
        recs += _reprints(name, text)
    lines = []
    for ext_id, text in recs:
        title, _, body = text.partition("\n\n")
        lines.append(json.dumps({"id": ext_id, "title": title, "text": body}, ensure_ascii=False))
    path = tmp_path / "reprints.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = Corpus(tmp_path / "dups.db")
    stats = corpus.ingest(str(path), workers=1, timeout=30)
    assert stats.added == len(recs), corpus.errors()
    with corpus.engine.connect() as conn:
        ext = dict(conn.execute(select(t.documents.c.id, t.documents.c.ext_id)).all())
    groups = sorted(sorted(ext[d["id"]] for d in g) for g in corpus.duplicates())
    expected = sorted(sorted([name] + [n for n, _ in _reprints(name, text)]) for name, text in originals.items())
    assert groups == expected


# -- identities and the person view -------------------------------------------------------------


@pytest.fixture
def kerry_corpus(request, models, tmp_path):
    """The sample (published 2013-05-08) and a second article naming him «Керри» only."""
    url = (
        f"sqlite:///{tmp_path / 'kerry.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_server").new_database()
    )
    title, _, body = KERRY_ONLY.partition("\n\n")
    extra = [
        {"id": "kerry-only", "title": title, "text": body, "published": "2013-05-09", "url": "https://example.ru/venok"}
    ]
    corpus = Corpus(url)
    stats = corpus.ingest(str(sample_jsonl(tmp_path / "kerry.jsonl", extra)), workers=1)
    assert stats.added == 2, corpus.errors()
    return corpus


@pytest.mark.parametrize("kerry_corpus", BACKENDS, indirect=True)
def test_kerry_is_one_person_across_articles(kerry_corpus, sample_doc):
    view = kerry_corpus.person("Керри")
    assert view is not None and view.name == "Джон Керри"
    assert kerry_corpus.person("Джон Керри").id == view.id
    assert view.n_docs == 2  # «Джон Керри» in the sample, «Керри» alone in the other article
    assert (view.first_seen, view.last_seen) == ("2013-05-08", "2013-05-09")
    with kerry_corpus.engine.connect() as conn:
        names = {
            r.name for r in conn.execute(select(t.doc_entities.c.name).where(t.doc_entities.c.entity_id == view.id))
        }
    assert {"Керри", "Джон Керри"} <= names
    assert "Керри" in view.variants and view.name not in view.variants
    people = dict(view.people)
    assert "Владимир Путин" in people


@pytest.mark.parametrize("kerry_corpus", BACKENDS, indirect=True)
def test_kerry_roles_and_quotes_with_dates_and_source(kerry_corpus, sample_doc):
    view = kerry_corpus.person("Керри")
    kerry = next((e for e in sample_doc.entities if e.type == "PER" and "Керри" in e.name), None)
    if kerry is not None and kerry.roles:
        assert any("госсекретар" in r.name for r in view.roles)
    if not sample_doc.quotes:
        pytest.skip("the quotes layer gives no quotes yet")
    direct = [q for q in view.quotes if q.kind == "direct"]
    assert len(direct) == 4, [q.text for q in direct]
    for q in direct:  # each with its date and its source
        assert q.date in ("2013-05-08", "2013-05-09")
        assert q.title and q.source.endswith(("kerry.jsonl:1", "kerry.jsonl:2"))
    assert any(
        q.text.startswith("США считают") and q.date == "2013-05-08" and q.url == "https://example.ru/kerry"
        for q in direct
    )


def test_namesakes_stay_apart_unless_full_names_agree(tmp_path):
    """Two bare «Иванов» with different posts are two people; «Иван Иванов» twice is one."""
    from svodka.document import Entity, Mention, Role
    from svodka.pipeline import make_document

    def doc(text: str, name: str, post: str | None, published: str):
        d = make_document(text, published=published)
        start = d.text.index(name.split()[-1])
        roles = [Role(name=post, post=post)] if post else []
        d.entities = [
            Entity(id="e1", type="PER", name=name, mentions=[Mention(start, start + len(name), name)], roles=roles)
        ]
        return d

    docs = [
        doc("Министр финансов Иванов заявил о росте доходов бюджета.", "Иванов", "министр финансов", "2013-01-10"),
        doc("Нападающий Иванов забил победный гол в ворота соперника.", "Иванов", "нападающий", "2013-02-11"),
        doc("Иван Иванов возглавил совет директоров компании.", "Иван Иванов", None, "2013-03-12"),
        doc("Совет директоров провел заседание, которое открыл Иван Иванов.", "Иван Иванов", None, "2013-04-13"),
    ]
    corpus = Corpus(tmp_path / "namesakes.db")
    assert corpus.add(docs) == 4
    with corpus.engine.connect() as conn:
        people = conn.execute(select(t.entities.c.name, t.entities.c.n_docs).order_by(t.entities.c.name)).all()
    # the two bare surnames fit the one full name by surname, but their posts differ from each other:
    # they may not both be him, so nobody is merged by surname alone here
    assert sorted(n for _, n in people) == [1, 1, 2]
    assert ("Иван Иванов", 2) in people

    more = [  # two spellings of one first name are one person; two first names are two people
        doc("Премьер-министр Израиля Беньямин Нетаньяху прибыл в Вашингтон.", "Беньямин Нетаньяху", None, "2010-03-22"),
        doc("Беньямин Нетаньяху встретился с Бараком Обамой.", "Беньямин Нетаньяху", None, "2010-03-23"),
        doc("Биньямин Нетаньяху заявил, что строительство продолжится.", "Биньямин Нетаньяху", None, "2010-03-24"),
        doc("Виктор Бут был экстрадирован в США.", "Виктор Бут", None, "2010-11-16"),
        doc("Супруга бизнесмена Алла Бут прилетела в Нью-Йорк.", "Алла Бут", None, "2010-11-18"),
    ]
    assert corpus.add(more) == 5
    with corpus.engine.connect() as conn:
        people = dict(conn.execute(select(t.entities.c.name, t.entities.c.n_docs)).all())
    assert people["Беньямин Нетаньяху"] == 3 and "Биньямин Нетаньяху" not in people
    assert people["Виктор Бут"] == 1 and people["Алла Бут"] == 1


def test_class_stored_under_an_older_block_is_linked_again(tmp_path):
    """A store linked by older rules (here: a surname fold that changed) holds a class under another
    block than today's rules give it; the next ingest of that name links it instead of failing."""
    from sqlalchemy import update

    from svodka.document import Entity, Mention
    from svodka.pipeline import make_document

    def doc(text: str, name: str):
        d = make_document(text, published="2013-05-08")
        start = d.text.index(name)
        d.entities = [Entity(id="e1", type="PER", name=name, mentions=[Mention(start, start + len(name), name)])]
        return d

    corpus = Corpus(tmp_path / "stale.db")
    assert corpus.add([doc("Джон Керри прибыл в Москву.", "Джон Керри")]) == 1
    with corpus.engine.begin() as conn:  # as an older rule would have blocked it
        conn.execute(update(t.name_classes).values(block="PER:керрі"))
    assert corpus.add([doc("Джон Керри встретился с министром.", "Джон Керри")]) == 1
    with corpus.engine.connect() as conn:
        people = dict(conn.execute(select(t.entities.c.name, t.entities.c.n_docs)).all())
        blocks = set(conn.execute(select(t.name_classes.c.block)).scalars())
    assert people == {"Джон Керри": 2}
    assert "PER:керрі" not in blocks


# -- search ------------------------------------------------------------------------------------

HOSTILE_QUERIES = [
    "'; DROP TABLE documents; --",
    '" OR 1=1 --',
    "NEAR(Керри Путин, 2)",
    "Керри* AND ^Путин OR NOT",
    "title:Керри",
    '"unterminated',
    "Керри) OR (1",
    "%_\\",
    "Керри & !Путин | (:*",
    "Керри\x00Путин",
]


@pytest.mark.parametrize("kerry_corpus", BACKENDS, indirect=True)
def test_search_ranks_highlights_and_filters(kerry_corpus):
    hits = kerry_corpus.search("госсекретарь Керри")
    assert {h.published for h in hits} == {"2013-05-08", "2013-05-09"}
    assert all(h.marks for h in hits)
    assert "[госсекретарем]" in " ".join(h.highlighted() for h in hits).lower() or any(
        "госсекретар" in h.highlighted().lower() for h in hits
    )
    assert [h.published for h in kerry_corpus.search("Керри", since="2013-05-09")] == ["2013-05-09"]
    assert [h.published for h in kerry_corpus.search("Керри", until="2013-05-08")] == ["2013-05-08"]
    assert [h.published for h in kerry_corpus.search("Донилон", person="Керри")] == ["2013-05-08"]
    assert kerry_corpus.search("Керри", person="Никто Неизвестный") == []
    assert kerry_corpus.search("Бостонском марафоне")[0].title.startswith("Владимир Путин")  # any inflection


@pytest.mark.parametrize("kerry_corpus", BACKENDS, indirect=True)
def test_hostile_queries_are_plain_words(kerry_corpus):
    from svodka.errors import InputError, SvodkaError

    before = kerry_corpus.counts()
    for query in HOSTILE_QUERIES:
        hits = kerry_corpus.search(query)
        assert isinstance(hits, list)
    assert kerry_corpus.search("Керри* ^Путин")  # operators are dropped, the words still count
    for bad in ("", "   ", "!!! ---", "*"):
        with pytest.raises(InputError, match="no words"):
            kerry_corpus.search(bad)
    with pytest.raises(SvodkaError, match="since"):
        kerry_corpus.search("Керри", since="2013-13-45'; --")
    assert kerry_corpus.counts() == before
    assert kerry_corpus.person("'; DROP TABLE entities; --") is None


# -- hostile input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_hostile_input_clear_errors_nothing_lost_no_partial_rows(url, models, factru_dir, tmp_path):
    sentence = "Госсекретарь США Джон Керри прибыл в Москву. "
    good = (factru_dir / f"{SMALL[0]}.txt").read_text()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text(sentence * (10 * 2**20 // len(sentence.encode())), encoding="utf-8")  # 10 MB
    (folder / "good.txt").write_text(good, encoding="utf-8")
    lines = [
        json.dumps(
            {"id": "ok", "text": "Министр иностранных дел России Сергей Лавров встретился с Керри."}, ensure_ascii=False
        ),
        json.dumps({"id": "huge", "text": sentence * 250_000}, ensure_ascii=False),  # ~11 MB line
        '{"id": "broken", "text": "Керри',
        json.dumps({"id": "surrogate", "text": "Керри \ud800 прибыл"}),
        json.dumps(
            {
                "id": "nul",
                "title": "Керри\x00",
                "url": "http://x\x00y",
                "text": "Сергей Лавров\x00 прилетел в Вашингтон.",
            }
        ),
        json.dumps(["not", "an", "object"]),
    ]
    data = "\n".join(lines).encode("utf-8") + b"\n" + b'{"id": "latin1", "text": "\xc0\xff\xfe"}\n'
    (folder / "batch.jsonl").write_bytes(data)
    (folder / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n' * 100)[:40])
    corpus = Corpus(url)
    stats = corpus.ingest(str(folder), workers=1, timeout=60)
    reasons = {(Path(e["source"].split(":")[0]).name, e["line"]): e["reason"] for e in corpus.errors()}
    assert "too large" in reasons[("big.txt", None)]
    assert "too large" in reasons[("batch.jsonl", 2)]
    assert "broken JSON" in reasons[("batch.jsonl", 3)]
    assert "surrogate" in reasons[("batch.jsonl", 4)]
    assert "JSON object" in reasons[("batch.jsonl", 6)]
    assert "UTF-8" in reasons[("batch.jsonl", 7)]
    assert "gzip" in reasons[("broken.jsonl.gz", None)]
    # good.txt, "ok", "nul" (scrubbed) and the "x" the broken gzip held before its break (read as a
    # stream, the lines before a break are kept): nothing else lost
    assert stats.added == 4
    with corpus.engine.connect() as conn:
        ext = {r.ext_id: r for r in conn.execute(select(t.documents))}
    assert {"ok", "nul"} <= set(ext) and "\x00" not in ext["nul"].text + (ext["nul"].url or "")
    assert corpus.check() == []
    before = snapshot(corpus)
    again = corpus.ingest(str(folder), workers=1, timeout=60)
    assert again.added == 0 and snapshot(corpus) == before  # errors are not recorded twice


# -- export, CLI, migrations -------------------------------------------------------------------------


@pytest.mark.parametrize("kerry_corpus", ["sqlite"], indirect=True)
def test_export_jsonl_and_parquet(kerry_corpus, tmp_path):
    import pyarrow.parquet as pq

    from svodka.document import Document

    assert kerry_corpus.export(tmp_path / "c.jsonl") == 2
    rows = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text().splitlines()]
    docs = [Document.from_dict({k: v for k, v in r.items() if k != "corpus"}) for r in rows]
    assert {d.published for d in docs} == {"2013-05-08", "2013-05-09"}
    assert all(r["corpus"]["entities"] for r in rows)
    assert kerry_corpus.export(tmp_path / "c.parquet", "parquet") == 2
    import datetime as dt

    import pyarrow as pa

    table = pq.read_table(tmp_path / "c.parquet")  # typed columns: a date, numbers; each layer its own table
    assert table.num_rows == 2 and table.schema.field("published").type == pa.date32()
    assert set(table.column("published").to_pylist()) == {dt.date(2013, 5, 8), dt.date(2013, 5, 9)}
    entities = pq.read_table(tmp_path / "c.entities.parquet").to_pylist()
    assert {e["doc_id"] for e in entities} == set(table.column("id").to_pylist())
    kerry = [e for e in entities if e["name"] == "Джон Керри"]
    assert kerry and any(r["post"] for e in kerry for r in e["roles"]) and all(e["entity_id"] for e in entities)
    quotes = pq.read_table(tmp_path / "c.quotes.parquet")
    assert quotes.num_rows >= 8 and quotes.schema.field("start").type == pa.int32()
    facts = pq.read_table(tmp_path / "c.facts.parquet").to_pylist()
    assert facts and all(a["role"] for f in facts for a in f["args"])


@pytest.mark.parametrize("kerry_corpus", ["sqlite"], indirect=True)
def test_cli_commands(kerry_corpus, tmp_path):
    from typer.testing import CliRunner

    from svodka.cli import app

    db = str(kerry_corpus.engine.url.database)
    run = CliRunner().invoke
    res = run(app, ["person", "Керри", "--db", db])
    assert res.exit_code == 0, res.output
    assert "Джон Керри" in res.output and "2013-05-08" in res.output and "Roles" in res.output
    res = run(app, ["search", "Бостонском марафоне", "--db", db])
    assert res.exit_code == 0 and "Владимир Путин намерен" in res.output
    res = run(app, ["search", "'; DROP TABLE documents; --", "--db", db])
    assert res.exit_code == 0 and "no documents found" in res.output
    res = run(app, ["search", "***", "--db", db])
    assert res.exit_code == 1 and "no words" in res.output
    assert run(app, ["dups", "--db", db]).exit_code == 0
    res = run(app, ["person", "Неизвестный", "--db", db])
    assert res.exit_code == 1 and "no person" in res.output
    res = run(app, ["export", "--db", db, "--format", "parquet"])
    assert res.exit_code == 1 and "--out" in res.output
    res = run(app, ["ingest", str(FACTRU / f"{SMALL[0]}.txt"), "--db", db, "--workers", "1"])
    assert res.exit_code == 0 and "1 added" in res.output
    lines = json.dumps(
        {"id": "stdin-1", "text": "Сергей Лавров встретился с Джоном Керри в Женеве."}, ensure_ascii=False
    )
    res = run(app, ["ingest", "-", "--db", db, "--workers", "1"], input=(lines + "\n{broken\n").encode())
    assert res.exit_code == 0 and "1 added" in res.output and "1 errors" in res.output


def test_migrations_apply_once_and_bad_urls_are_config_errors(tmp_path):
    from alembic.runtime.migration import MigrationContext

    from svodka.errors import ConfigError

    Corpus(tmp_path / "m.db").close()
    corpus = Corpus(f"sqlite:///{tmp_path / 'm.db'}")  # reopening is a no-op
    with corpus.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0005"
    with pytest.raises(ConfigError):
        Corpus("mysql://nobody@localhost/x")
    with pytest.raises(ConfigError):
        Corpus("postgresql://nobody@127.0.0.1:1/none")
