"""A synthetic store of many documents, written straight into SQLite, for the search benchmark.

The words are real Russian lemmas with their real frequencies, counted on the
factRuEval texts (or the bundled sample when those are absent), so posting
lists are as skewed as in news.  Documents skip analysis: they carry text,
lemmas, a date and a source, which is all search reads.  Writing goes through
the migrated schema and its triggers, with SQLite's journal off while building.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
from collections import Counter
from pathlib import Path

import numpy as np

from .engine import make_engine
from .store import text_hash
from .text import WORD, fold

WORDS_PER_DOC = (20, 60)  # a news lead's length: keeps the 1M-document store near 2 GB
BATCH = 20_000


@functools.lru_cache(maxsize=100_000)
def _lemma(word: str) -> str:
    from ..models import morph_analyzer

    return fold(morph_analyzer().parse(word)[0].normal_form)


def vocabulary(factru_dir: Path | None = None) -> tuple[list[str], np.ndarray]:
    """Lemmas and their probabilities, from the factRuEval texts (or the sample)."""
    from .. import sample_text

    texts = [p.read_text(encoding="utf-8") for p in sorted(factru_dir.glob("*.txt"))] if factru_dir else []
    counts: Counter[str] = Counter()
    for text in texts or [sample_text()]:
        for w in WORD.findall(text):
            counts[_lemma(fold(w))] += 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    freq = np.array([counts[w] for w in words], dtype=float)
    return words, freq / freq.sum()


def build(path: Path, n_docs: int, factru_dir: Path | None = None, seed: int = 7, progress=None) -> float:
    """Write ``n_docs`` synthetic documents into a new SQLite store at ``path``; returns seconds taken."""
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
        " n_quotes, n_times, n_facts, schema) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 'svodka/1')"
    )
    done = 0
    while done < n_docs:
        n = min(BATCH, n_docs - done)
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
