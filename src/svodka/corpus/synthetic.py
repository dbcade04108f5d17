"""A synthetic store of many documents, for the search and linking benchmarks (bench_scale.py).

The words are real Russian lemmas with their real frequencies, counted on the
factRuEval texts (or the bundled sample when those are absent), so posting
lists are as skewed as in news.  The names are real too: first names and
surnames of the factRuEval persons, and its place and organisation names (the
tune split only), combined into a pool of people whose popularity falls off like
a Zipf law, as in news.  Each document names a few of them (a person by full
name or by surname alone), its text opens with those names, and it carries what
linking reads: entities with their mentions, a MinHash signature and its LSH
bands.  Documents skip analysis; the store's own linker (``relink``) then builds
identities and duplicate groups over them, as it would for analysed articles.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import time
from operator import itemgetter
from collections import Counter
from pathlib import Path

import numpy as np
from sqlalchemy import JSON, insert, text
from sqlalchemy.engine import Engine

from . import tables as t
from .dedup import band_rows
from .engine import make_engine
from .store import person_tags, text_hash
from .text import WORD, fold, minhash_many

WORDS_PER_DOC = (20, 60)  # a news lead's length
BATCH = 5_000
PEOPLE = 30_000  # the pool of persons; their popularity is Zipf-like
PER_DOC = {"PER": (0, 4), "LOC": (0, 3), "ORG": (0, 2)}  # entities of each type a document names
BARE = 0.3  # share of person mentions by surname alone
SORT = {"documents": ("id",), "doc_entities": ("doc_id", "local_id"), "mentions": ("doc_id", "n"),
        "lsh_bands": ("band", "bucket", "doc_id")}


@functools.lru_cache(maxsize=100_000)
def _lemma(word: str) -> str:
    from ..models import morph_analyzer

    return fold(morph_analyzer().parse(word)[0].normal_form)


def _tune_files(factru_dir: Path | None, suffix: str) -> list[Path]:
    if not factru_dir:
        return []
    files = sorted(factru_dir.glob(f"*{suffix}"))
    return [p for p in files if int(hashlib.sha1(p.stem.encode()).hexdigest(), 16) % 4 != 0]  # tune split


def vocabulary(factru_dir: Path | None = None) -> tuple[list[str], np.ndarray]:
    """Lemmas and their probabilities, from the factRuEval texts (or the sample)."""
    from .. import sample_text

    texts = [p.read_text(encoding="utf-8") for p in sorted(factru_dir.glob("*.txt"))] if factru_dir else []
    counts: Counter[str] = Counter()
    for text_ in texts or [sample_text()]:
        for w in WORD.findall(text_):
            counts[_lemma(fold(w))] += 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    freq = np.array([counts[w] for w in words], dtype=float)
    return words, freq / freq.sum()


def name_pools(factru_dir: Path | None) -> dict[str, list[str]]:
    """First names, surnames, places and organisations of the factRuEval tune texts, in the nominative."""
    want = {"name": "first", "surname": "last", "loc_name": "LOC", "org_name": "ORG"}
    pools: dict[str, set[str]] = {v: set() for v in want.values()}
    for p in _tune_files(factru_dir, ".spans"):
        for line in p.read_text(encoding="utf-8").splitlines():
            head, _, tail = line.partition("#")
            parts, words = head.split(), tail.split()[1:]
            if len(parts) > 1 and parts[1] in want and len(words) == 1 and words[0].isalpha() and words[0][0].isupper():
                word = words[0] if words[0].isupper() else _lemma(words[0]).title()  # «ООН» stays
                pools[want[parts[1]]].add(word)
    fallback = {"first": ["Иван", "Анна", "Сергей"], "last": ["Иванов", "Петров", "Смирнов"],
                "LOC": ["Москва", "Париж"], "ORG": ["Газпром", "ООН"]}
    return {k: sorted(v) or fallback[k] for k, v in pools.items()}


def chain_variants(factru_dir: Path | None) -> dict[str, list[str]]:
    """A place's or organisation's other names, from the coreference chains of the factRuEval tune
    texts («Китай»: «КНР»): the synthetic entity carries them as its variants, so that, as in a
    store of real news, its names are one identity from the start instead of split copies."""
    names_of: dict[str, set[str]] = {}
    for p in _tune_files(factru_dir, ".coref"):
        for chain in p.read_text(encoding="utf-8").split("\n\n"):
            names = {line[5:].strip() for line in chain.splitlines() if line.startswith("name ")}
            names = {n for n in names if n and n[0].isupper()}  # not «движение»: a descriptor annotated as a name
            for n in names:
                names_of.setdefault(n, set()).update(names - {n})
    return {n: sorted(v) for n, v in names_of.items() if v}


def _zipf(n: int, a: float = 1.1) -> np.ndarray:
    p = 1.0 / np.arange(1, n + 1) ** a
    return p / p.sum()


def _entity(local: str, type_: str, name: str, start: int, parts: dict | None, variants: list[str]) -> dict:
    data = {"id": local, "type": type_, "name": name, "mentions": [{"start": start, "end": start + len(name),
            "text": name, "kind": "name"}], "roles": [], "variants": variants}
    if parts:
        data["parts"] = parts
    return data


def _batches(n_docs: int, factru_dir: Path | None, seed: int, progress=None):  # type: ignore[no-untyped-def]
    """The rows of ``n_docs`` synthetic documents, BATCH documents at a time (table → row dicts)."""
    words, probs = vocabulary(factru_dir)
    vocab = np.array(words, dtype=object)
    pools = name_pools(factru_dir)
    variants = chain_variants(factru_dir)
    rng = np.random.default_rng(seed)
    people = [(pools["first"][i], pools["last"][j]) for i, j in zip(
        rng.integers(len(pools["first"]), size=PEOPLE), rng.integers(len(pools["last"]), size=PEOPLE), strict=True)]
    weights = {"PER": _zipf(PEOPLE), "LOC": _zipf(len(pools["LOC"])), "ORG": _zipf(len(pools["ORG"]))}
    days = np.datetime64("2010-01-01") + np.arange(0, 7 * 365)
    done = 0
    while done < n_docs:
        n = min(BATCH, n_docs - done)
        lengths = rng.integers(*WORDS_PER_DOC, size=n)
        flat = vocab[rng.choice(len(vocab), size=int(lengths.sum()), p=probs)]
        dates = rng.choice(days, size=n).astype(str)
        rows: dict[str, list[dict]] = {"documents": [], "doc_entities": [], "mentions": [], "lsh_bands": []}
        picks = {}
        for type_, (lo, hi) in PER_DOC.items():  # with replacement, then each document's distinct ones
            k = rng.integers(lo, hi + 1, size=n)
            drawn = rng.choice(len(weights[type_]), size=int(k.sum()), p=weights[type_])
            picks[type_] = np.split(drawn, np.cumsum(k)[:-1])
        bare_draws = rng.random(size=n * PER_DOC["PER"][1]) < BARE
        docs, pos = [], 0
        for i in range(n):
            ents: list[tuple[str, str, dict | None]] = []
            for type_ in PER_DOC:
                for j in dict.fromkeys(picks[type_][i].tolist()):
                    if type_ == "PER":
                        first, last = people[j]
                        bare = bool(bare_draws[i * PER_DOC["PER"][1] + len(ents) % PER_DOC["PER"][1]])
                        ents.append(("PER", last if bare else f"{first} {last}",
                                     {"last": last} if bare else {"first": first, "last": last}))
                    else:
                        ents.append((type_, pools[type_][j], None))
            lead = f"{done + i}"  # a unique number: no two synthetic texts collide
            spans = []
            for _, name, _ in ents:
                spans.append(len(lead) + 1)
                lead += " " + name
            body = " ".join(flat[pos : pos + lengths[i]])
            pos += lengths[i]
            docs.append((f"{lead}. {body}", ents, spans))
        signatures = minhash_many([[fold(w) for w in WORD.findall(d[0])] for d in docs])
        for i, ((text_, ents, spans), mh) in enumerate(zip(docs, signatures, strict=True)):
            digest, doc_id = text_hash(text_)
            layers: dict = {"schema": "svodka/1", "entities": [], "quotes": [], "times": [], "facts": []}
            for k, ((type_, name, parts), start) in enumerate(zip(ents, spans, strict=True)):
                local = f"T{k + 1}"
                data = _entity(local, type_, name, start, parts, [] if parts else variants.get(name, []))
                layers["entities"].append(data)
                rows["doc_entities"].append({"doc_id": doc_id, "local_id": local, "type": type_, "name": name,
                                             "entity_id": None, "data": data, "class_id": None})
                rows["mentions"].append({"doc_id": doc_id, "n": k, "entity_local": local, "start": start,
                                         "end": start + len(name), "text": name, "kind": "name"})
            lemmas = " ".join(fold(w) for w in WORD.findall(text_))
            rows["documents"].append({
                "id": doc_id, "hash": digest, "title": None, "published": dates[i], "url": None, "ext_id": None,
                "source": f"synthetic:{done + i}", "text": text_, "lemmas": lemmas, "layers": layers,
                "minhash": mh, "dup_group": None, "n_entities": len(ents), "n_mentions": len(ents),
                "n_quotes": 0, "n_times": 0, "n_facts": 0, "schema": "svodka/1", "linked": False,
                "tags": person_tags(rows["doc_entities"][len(rows["doc_entities"]) - len(ents):])})
            rows["lsh_bands"] += band_rows(doc_id, mh)
        yield rows
        done += n
        if progress:
            progress(done, n_docs)


def build(path: Path | str, n_docs: int, factru_dir: Path | None = None, seed: int = 7, progress=None,
          link: bool = True) -> float:
    """Write ``n_docs`` synthetic documents into a new store (a SQLite path or a URL); returns seconds taken."""
    started = time.perf_counter()
    url = str(path)
    if "://" not in url:
        p = Path(url)
        p.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{p}{suffix}").unlink(missing_ok=True)
    engine = make_engine(url)
    if engine.dialect.name == "sqlite":
        engine.dispose()  # the loader's own connection, journal off
        _write_sqlite(Path(engine.url.database), _batches(n_docs, factru_dir, seed, progress))
    elif engine.dialect.name == "postgresql":
        _copy_postgres(engine, _batches(n_docs, factru_dir, seed, progress))
    else:
        with engine.connect() as conn:
            for rows in _batches(n_docs, factru_dir, seed, progress):
                with conn.begin():
                    for name, order in SORT.items():  # in key order, each batch fills pages instead of splitting them
                        batch = sorted(rows[name], key=lambda r: tuple(r[k] for k in order))  # noqa: B023
                        if batch:
                            conn.execute(insert(t.metadata.tables[name]), batch)
    if link:
        from .link import relink

        relink(engine, chunk=20_000)
    if engine.dialect.name == "sqlite" and link:
        # the loader's ANALYZE saw class_id and entity_id all NULL (one value: "no use"), and SQLite's planner
        # then scanned doc_entities for a class's mentions (0.7 s a scan at 1M); the linked store's own statistics
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    engine.dispose()
    return time.perf_counter() - started


def _copy_postgres(engine: Engine, batches) -> None:  # type: ignore[no-untyped-def]
    """Bulk-load a new PostgreSQL store with COPY (psycopg 3's ``cursor.copy``): one COPY per table and
    batch, rows in key order, JSON columns as their text.  10k unlinked documents: 18 s against 32 s with
    SQLAlchemy INSERTs, most of the 18 s being the rows' generation (MinHash, bands).  The generated
    full-text column and the indexes are filled by the server as rows arrive."""
    tables = {n: t.metadata.tables[n] for n in SORT}
    columns = {n: [c.name for c in tb.columns] for n, tb in tables.items()}
    json_cols = {n: {c.name for c in tb.columns if isinstance(c.type, JSON)} for n, tb in tables.items()}
    raw = engine.raw_connection()
    try:
        cur = raw.driver_connection.cursor()  # type: ignore[union-attr]
        for rows in batches:
            for n, order in SORT.items():
                batch = sorted(rows[n], key=itemgetter(*order))
                if not batch:
                    continue
                cols = columns[n]
                with cur.copy(f"COPY {n} ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)}) FROM STDIN") as cp:
                    for r in batch:
                        cp.write_row([json.dumps(r[c], ensure_ascii=False) if c in json_cols[n] and r.get(c) is not None
                                      else r.get(c) for c in cols])
            raw.driver_connection.commit()  # type: ignore[union-attr]
    finally:
        raw.close()


def _write_sqlite(path: Path, batches) -> None:  # type: ignore[no-untyped-def]
    """Bulk-load a new SQLite store: no journal, no fsync, the secondary indexes and the full-text
    triggers dropped while loading and made once at the end (one sort each instead of a million
    b-tree insertions).  A crash halfway leaves a broken file, which a benchmark store may be."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-400000")
    names = list(SORT)
    later = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ((type = 'index' AND tbl_name IN "
        f"({','.join('?' * len(names))})) OR (type = 'trigger' AND tbl_name = 'documents'))", names).fetchall()
    for name, sql in later:
        con.execute(f"DROP {'TRIGGER' if sql.upper().startswith('CREATE TRIGGER') else 'INDEX'} {name}")
    tables = {n: t.metadata.tables[n] for n in names}
    json_cols = {n: [c.name for c in tb.columns if isinstance(c.type, JSON)] for n, tb in tables.items()}
    quoted = {n: ", ".join(f'"{c.name}"' for c in tb.columns) for n, tb in tables.items()}
    sql_of = {n: f"INSERT INTO {n} ({quoted[n]}) VALUES ({', '.join('?' * len(tb.columns))})" for n, tb in tables.items()}
    columns = {n: [c.name for c in tb.columns] for n, tb in tables.items()}
    getters = {n: itemgetter(*cols) for n, cols in columns.items()}
    keys = {n: itemgetter(*(columns[n].index(k) for k in order)) for n, order in SORT.items()}  # key order
    for rows in batches:
        with con:
            for n in SORT:
                for r in rows[n]:
                    for c in json_cols[n]:
                        r[c] = json.dumps(r[c], ensure_ascii=False)
                con.executemany(sql_of[n], sorted(map(getters[n], rows[n]), key=keys[n]))
    for name, sql in later:
        con.execute(sql)
    from importlib import import_module

    tokens = import_module("svodka.corpus.migrations.versions.0003_search_tags")._tokens  # what the triggers index
    con.execute(f"INSERT INTO documents_fts(rowid, lemmas) SELECT d.id, {tokens('d')} FROM documents d")
    con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
    con.commit()
    con.execute("ANALYZE")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()


def build_plain(path: Path, n_docs: int, factru_dir: Path | None = None, seed: int = 7, progress=None) -> float:
    """Documents only (text, lemmas, a date), straight into SQLite: what the search benchmark reads, in minutes."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    make_engine(f"sqlite:///{path}").dispose()  # schema, FTS table and triggers
    words, probs = vocabulary(factru_dir)
    vocab = np.array(words, dtype=object)
    rng = np.random.default_rng(seed)
    days = np.datetime64("2010-01-01") + np.arange(0, 7 * 365)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-400000")
    layers = json.dumps({"schema": "svodka/1", "entities": [], "quotes": [], "times": [], "facts": []})
    sql = (
        "INSERT INTO documents (id, hash, title, published, source, text, lemmas, layers, n_entities, n_mentions,"
        " n_quotes, n_times, n_facts, schema, linked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 'svodka/1', 1)"
    )
    done = 0
    while done < n_docs:
        n = min(20_000, n_docs - done)
        lengths = rng.integers(*WORDS_PER_DOC, size=n)
        flat = vocab[rng.choice(len(vocab), size=int(lengths.sum()), p=probs)]
        dates = rng.choice(days, size=n).astype(str)
        rows, pos = [], 0
        for i in range(n):
            text = " ".join(flat[pos : pos + lengths[i]])
            pos += lengths[i]
            text = f"{done + i} {text}"  # a unique number: no two synthetic texts collide
            digest, doc_id = text_hash(text)
            rows.append((doc_id, digest, None, dates[i], f"synthetic:{done + i}", text, text, layers))
        rows.sort()  # ids are hashes: in order, each batch fills pages instead of splitting them
        with con:
            con.executemany(sql, rows)
        done += n
        if progress:
            progress(done, n_docs)
    con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")  # one b-tree per term: faster reads
    con.commit()
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    return time.perf_counter() - started
