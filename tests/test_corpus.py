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
from sqlalchemy import func, select

from svodka import Corpus
from svodka.corpus import tables as t
from test_corpus_pg import pg_server  # noqa: F401  (session fixture)

from conftest import FACTRU

# Small factRuEval texts, quick to analyse, for the tests that run the whole pipeline.
SMALL = ["book_402", "book_98", "book_93", "book_116", "book_3949", "book_255", "book_284", "book_2009"]
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

KERRY_ONLY = (  # a second article that names him by surname alone (sentences from the sample)
    "Керри возложил венок к Вечному огню\n\n"
    "Госсекретарь США Керри прогулялся по Красной площади и посмотрел на подготовку к праздничному "
    "Параду Победы.\n\n"
    "\"Вы лучше других знаете, что сейчас стоит целый ряд задач, решение которых требует такого же уровня "
    "сотрудничества\", — добавил Керри."
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
            rows = [json.dumps({k: (v.hex() if isinstance(v, bytes) else v) for k, v in r._mapping.items()},
                               sort_keys=True, ensure_ascii=False) for r in conn.execute(select(table))]
            out[table.name] = sorted(rows)
    return out


def sample_jsonl(path: Path, extra: list[dict] | None = None) -> Path:
    from svodka import sample_text
    from svodka.readers import split_title

    title, body = split_title(sample_text())
    recs = [{"id": "kerry-2013", "title": title, "text": body, "published": "2013-05-08", "url": "https://example.ru/kerry"}]
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


def test_devset_and_sample_twice_with_two_workers(models, factru_dir, tmp_path):
    """Acceptance 1: the 122 factRuEval texts plus the sample, twice; the second run adds nothing."""
    corpus = Corpus(tmp_path / "devset.db")
    paths = [str(factru_dir), str(sample_jsonl(tmp_path / "sample.jsonl"))]
    first = corpus.ingest(*paths, workers=2, timeout=15)
    assert first.seen == 123 and first.added + first.errors == 123
    assert first.added >= 120, corpus.errors()
    counts = corpus.counts()
    again = corpus.ingest(*paths, workers=2, timeout=15)
    assert again.added == 0 and again.skipped == first.added
    assert corpus.counts() == counts
    assert corpus.check() == []


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
    punct = (text.replace(", ", " ,").replace(".", "!").replace('"', "«").replace("—", "-").replace(":", ";"))
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
    url = (f"sqlite:///{tmp_path / 'kerry.db'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_server").new_database())
    title, _, body = KERRY_ONLY.partition("\n\n")
    extra = [{"id": "kerry-only", "title": title, "text": body, "published": "2013-05-09", "url": "https://example.ru/venok"}]
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
        names = {r.name for r in conn.execute(select(t.doc_entities.c.name).where(t.doc_entities.c.entity_id == view.id))}
    assert {"Керри", "Джон Керри"} <= names
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
    assert any(q.text.startswith("США считают") and q.date == "2013-05-08" and q.url == "https://example.ru/kerry"
               for q in direct)
