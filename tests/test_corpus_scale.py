"""The corpus at scale: concurrent writers, the stored LSH index, streaming input, search arguments."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_corpus import BACKENDS, sample_jsonl, small_paths, snapshot
from test_corpus_pg import pg_server  # noqa: F401  (session fixture)

from svodka import Corpus
from svodka.errors import InputError


@pytest.fixture
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'corpus.db'}"
    return request.getfixturevalue("pg_server").new_database()


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_three_concurrent_ingests_equal_one_serial(url, models, factru_dir, tmp_path):
    """Three processes ingest overlapping inputs at once: no document, identity or group lost or doubled."""
    texts = small_paths(factru_dir) + [str(sample_jsonl(tmp_path / "sample.jsonl"))]
    inputs = [texts[0:6], texts[3:9], texts[::2]]
    Corpus(url).close()  # migrated before the writers start
    code = "import sys; from svodka import Corpus; Corpus(sys.argv[1]).ingest(*sys.argv[2:], workers=1, timeout=120)"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    procs = [subprocess.Popen([sys.executable, "-c", code, url, *paths], env=env, stderr=subprocess.PIPE) for paths in inputs]
    for p in procs:
        _, err = p.communicate(timeout=900)
        assert p.returncode == 0, err.decode()[-3000:]
    together = Corpus(url)
    assert together.check() == []
    if url.startswith("sqlite"):
        serial = Corpus(tmp_path / "serial.db")
    else:
        from test_corpus import _sibling_database

        serial = Corpus(_sibling_database(url))
    stats = serial.ingest(*texts, workers=1, timeout=120)
    assert stats.added == len(texts)
    assert snapshot(together) == snapshot(serial)
    assert together.counts()["entities"] > 20


def test_lsh_bands_are_datasketch_layout_and_signatures_match():
    from datasketch import MinHashLSH

    from svodka.corpus.dedup import BANDS, DUP_THRESHOLD, ROWS
    from svodka.corpus.text import NUM_PERM, minhash_bytes, minhash_many

    lsh = MinHashLSH(threshold=DUP_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
    texts = [f"Сергей Лавров прибыл в Женеву {i} на переговоры".split() for i in range(50)] + [[], ["одно"]]
    assert minhash_many(texts) == [minhash_bytes(w) for w in texts]


def test_jsonl_is_read_as_a_stream_and_each_line_decoded_alone():
    from svodka.readers import iter_jsonl_stream

    class Endless(io.RawIOBase):  # two good lines, then a read that must never happen before they are out
        lines = [json.dumps({"text": "Первая строка."}, ensure_ascii=False).encode() + b"\n", "{\"text\": \"Вторая\"}\n".encode("cp1251")]

        def readline(self, size: int = -1) -> bytes:
            if not self.lines:
                raise AssertionError("read ahead")
            return self.lines.pop(0)

    records = iter_jsonl_stream(Endless(), "stdin")
    first, second = next(records), next(records)
    assert first.text == "Первая строка." and second.error == "line is not valid UTF-8"  # UTF-8 seen: corrupt
    legacy = iter_jsonl_stream(io.BytesIO("{\"text\": \"Сергей Лавров прибыл в Женеву.\"}\n".encode("cp1251")), "x")
    assert next(legacy).text == "Сергей Лавров прибыл в Женеву."


def test_stdin_decodes_per_line_like_files(tmp_path):
    """Issue 14, failure 6: one cp1251 line in a UTF-8 feed on stdin is one error record, the rest go on."""
    feed = (
        json.dumps({"id": "a", "text": "Сергей Лавров прибыл в Женеву."}, ensure_ascii=False).encode() + b"\n"
        + "{\"id\": \"b\", \"text\": \"Лавров\"}\n".encode("cp1251")
        + json.dumps({"id": "c", "text": "Джон Керри прилетел в Москву."}, ensure_ascii=False).encode() + b"\n"
    )
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    cmd = [str(Path(sys.executable).parent / "svodka"), "analyze", "-", "-f", "jsonl", "--no-facts", "--no-quotes", "--no-times"]
    proc = subprocess.run(cmd, input=feed, capture_output=True, env=env, timeout=300)
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r.get("id") for r in out] == ["a", None, "c"] or [r.get("id") for r in out] == ["a", "b", "c"]
    assert "error" in out[1] and "UTF-8" in out[1]["error"]
    big = tmp_path / "feed.jsonl.gz"
    with gzip.open(big, "wt", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"id": str(i), "text": "Лавров"}, ensure_ascii=False) + "\n")
    from svodka.readers import read_path

    assert [r.id for r in read_path(big)] == ["0", "1", "2"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"limit": "10"}, "limit: expected a whole number"),
        ({"limit": True}, "limit: expected a whole number"),
        ({"limit": 0}, "limit: expected a positive number"),
        ({"person": 123}, "person: expected a name"),
        ({"since": 2013}, "since: expected a date"),
    ],
)
def test_search_arguments_of_the_wrong_type_are_clear_errors(tmp_path, kwargs, message):
    """Issue 14, failure 10."""
    corpus = Corpus(tmp_path / "empty.db")
    with pytest.raises(InputError, match=message):
        corpus.search("Керри", **kwargs)


def test_ingest_over_a_dask_local_cluster_equals_one_process(models, factru_dir, tmp_path):
    """Dask workers analyse and build the rows (lemmas, MinHash, bands); the stored result is the same."""
    pytest.importorskip("distributed")
    paths = small_paths(factru_dir, 3) + [str(sample_jsonl(tmp_path / "sample.jsonl"))]
    over_dask = Corpus(tmp_path / "dask.db")
    stats = over_dask.ingest(*paths, workers=1, dask="local", timeout=120)
    assert stats.added == len(paths), over_dask.errors()
    here = Corpus(tmp_path / "here.db")
    here.ingest(*paths, workers=1, timeout=120)
    assert snapshot(over_dask) == snapshot(here)


def test_relink_command(tmp_path):
    from typer.testing import CliRunner

    from svodka.cli import app

    res = CliRunner().invoke(app, ["relink", "--db", str(tmp_path / "new.db")])
    assert res.exit_code == 1 and "no store at" in res.output  # a mistyped path is no new empty store
    Corpus(tmp_path / "new.db").close()
    res = CliRunner().invoke(app, ["relink", "--db", str(tmp_path / "new.db")])
    assert res.exit_code == 0 and "0 documents linked" in res.output


def test_filtered_search_through_tokens_equals_brute_force(models, factru_dir, tmp_path):
    """Date and person filters inside the full-text query (SQLite) find exactly the documents a scan finds."""
    from sqlalchemy import select

    from svodka.corpus import tables as t
    from svodka.corpus.synthetic import build
    from svodka.corpus.text import parse_query

    store = tmp_path / "syn.db"
    build(store, 600, factru_dir)
    corpus = Corpus(store)
    with corpus.engine.connect() as conn:
        docs = conn.execute(select(t.documents.c.id, t.documents.c.lemmas, t.documents.c.published)).all()
        people = conn.execute(
            select(t.entities.c.id, t.entities.c.name).where(t.entities.c.type == "PER").order_by(t.entities.c.n_docs.desc()).limit(5)
        ).all()
        links = conn.execute(select(t.doc_entities.c.doc_id, t.doc_entities.c.entity_id)).all()
    for query in ("год", "россия", "заявить"):
        groups = parse_query(query).groups
        matching = {d.id for d in docs if all(g & set(d.lemmas.split()) for g in groups)}
        for since, until in (("2012-03-01", "2012-03-31"), ("2011-12-25", "2012-02-03")):
            got = {h.id for h in corpus.search(query, since=since, until=until, limit=1000)}
            want = {d.id for d in docs if d.id in matching and since <= d.published <= until}
            assert got == want
        for eid, name in people:
            got = {h.id for h in corpus.search(query, person=name, limit=1000)}
            mine = {doc for doc, e in links if e == eid}
            assert got <= matching and got <= mine | {doc for doc, e in links if e != eid}
            assert got == {d for d in matching if d in mine} or len(corpus.person(name).others) > 0


def test_synthetic_places_carry_their_coreference_names_and_link_as_one(tmp_path):
    """A place's other names in one coreference chain become the synthetic entity's variants, so the
    store links «Китай» and «КНР» as one identity from the start (no split copies to merge later)."""
    from sqlalchemy import select

    from svodka.corpus import tables as t
    from svodka.corpus.synthetic import build, chain_variants

    factru = tmp_path / "factru"
    factru.mkdir()
    (factru / "book_a.coref").write_text(  # book_a is in the tune split
        "1 11 12\nname Китай\nname КНР\n\n2 13\ndescriptor движение\nname движение\nname Зелёный фронт\n\n"
        "3 14\nfirstname Иван\nlastname Петров\n", encoding="utf-8")
    (factru / "book_a.spans").write_text(
        "1 loc_name 0 5 1 1  # 1 Китай\n2 loc_name 10 3 2 1  # 2 КНР\n3 org_name 20 6 3 1  # 3 Фронт\n"
        "4 name 30 4 4 1  # 4 Иван\n5 surname 35 6 5 1  # 5 Петров\n", encoding="utf-8")
    variants = chain_variants(factru)
    assert variants["Китай"] == ["КНР"] and variants["КНР"] == ["Китай"]
    assert "Зелёный фронт" not in variants  # a descriptor annotated as a name («движение») is no other name
    assert "движение" not in variants and "Иван" not in variants
    store = tmp_path / "syn.db"
    build(store, 300, factru)
    corpus = Corpus(store)
    with corpus.engine.connect() as conn:
        locs = conn.execute(select(t.entities.c.name, t.entities.c.n_docs).where(t.entities.c.type == "LOC")).all()
    corpus.close()
    assert len(locs) == 1 and locs[0].n_docs > 100, locs
