"""Words for the full-text index, safe full-text queries, highlighted snippets, MinHash.

Russian inflects heavily («Керри», «Керри»; «санкции», «санкций»), so the index
holds our lemmas (dictionary forms from the analysis) and a query is turned into
lemmas too.  A query never reaches the database as syntax: only its words go,
each quoted, so FTS operators and SQL metacharacters in it are plain text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..document import Document

WORD = re.compile(r"\w+")
NUM_PERM = 128
SHINGLE = 3  # words per shingle: long enough to be specific, short enough to survive edits
MAX_QUERY_WORDS = 32
SCHEME = "affine32"  # datasketch's hashing scheme, pinned: stored signatures must stay comparable


def fold(word: str) -> str:
    """Lower case, «ё» as «е» (Russian print mostly omits its dots)."""
    return word.lower().replace("ё", "е")


def document_lemmas(doc: Document) -> str:
    """The document's lemmas, space separated, in text order (our own stemming for the index)."""
    if doc.tokens:
        words = (fold(t.lemma or t.text) for t in doc.tokens if WORD.search(t.text))
    else:  # parse switched off: fall back to word forms
        words = (fold(w) for w in WORD.findall(doc.text))
    return " ".join(" ".join(WORD.findall(w)) for w in words)


@functools.lru_cache(maxsize=50_000)
def word_lemmas(word: str) -> frozenset[str]:
    """Every dictionary form pymorphy3 offers for a word form, and the form itself."""
    from ..models import morph_analyzer

    forms = {fold(p.normal_form) for p in morph_analyzer().parse(word)}
    forms.add(fold(word))
    return frozenset(f for f in forms if WORD.fullmatch(f))


@dataclass(frozen=True, slots=True)
class Query:
    groups: tuple[frozenset[str], ...]  # every group must match; any lemma in a group will do
    words: tuple[str, ...]

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset().union(*self.groups) if self.groups else frozenset()

    def fts5(self) -> str:
        """An FTS5 MATCH expression; each lemma is a quoted string, so it is never syntax."""
        return " AND ".join("(" + " OR ".join(f'"{lem}"' for lem in sorted(g)) + ")" for g in self.groups)

    def tsquery(self) -> str:
        """A PostgreSQL to_tsquery('simple', …) expression over the lemmas (only \\w characters)."""
        return " & ".join("(" + " | ".join(sorted(g)) + ")" for g in self.groups)


# Function words (prepositions, conjunctions, particles, pronouns, «быть»): nearly every
# article has them, so a query ignores them unless it has nothing else.
STOP_WORDS = frozenset(
    "а без бы был была были было быть в во вот все всё вы да для до его ее её если же за и из или им их к как "
    "ко который ли между мы на над не нет ни но о об он она они оно от по под при с со так также то тот у уже "
    "чем что это этот я".split()
)


def parse_query(text: str) -> Query | None:
    """The query's words as lemma groups (function words dropped); None when it has no words at all."""
    words = tuple(fold(w) for w in WORD.findall(text or ""))[:MAX_QUERY_WORDS]
    content = tuple(w for w in words if w not in STOP_WORDS) or words
    groups = tuple(word_lemmas(w) for w in content)
    return Query(groups, content) if groups else None


def snippet(text: str, query: Query, width: int = 100) -> tuple[str, list[tuple[int, int]]]:
    """The window of the text where most query words meet, and the matches in it (offsets in the window)."""
    hits = _matches(text, query)
    if not hits:
        return _window(text, 0, width * 2), []
    best, best_n, j = 0, 0, 0
    for i, (s, _, _) in enumerate(hits):  # slide over the hits: the window with the most distinct query words
        while j < len(hits) and hits[j][1] <= s + width * 3 // 2 - 10:  # what the window below will show
            j += 1
        n = len({g for _, _, gs in hits[i:j] for g in gs})
        if n > best_n:
            best, best_n = i, n
    first = hits[best][0]
    start = max(0, first - width // 2)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 30 else start
    win = _window(text, start, width * 2)
    marks = [(s - start, e - start) for s, e, _ in hits if s >= start and e - start <= len(win)]
    return win, marks


def _matches(text: str, query: Query, cap: int = 2000) -> list[tuple[int, int, frozenset[int]]]:
    """(start, end, query groups matched) of every text word that is a form of a query word."""
    lemmas = query.lemmas
    heads = {lem[:2] for lem in lemmas}  # cheap filter before asking the morphology
    out = []
    for m in WORD.finditer(text):
        word = fold(m.group())
        if word[:2] not in heads:
            continue
        forms = {word} | word_lemmas(word)
        groups = frozenset(i for i, g in enumerate(query.groups) if g & forms)
        if groups:
            out.append((m.start(), m.end(), groups))
            if len(out) >= cap:
                break
    return out


def _window(text: str, start: int, width: int) -> str:
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    return text[start:end].replace("\n\n", "¶ ")  # same length: the marks keep their offsets


def highlight(snip: str, marks: Iterable[tuple[int, int]], open_: str = "[", close: str = "]") -> str:
    out, pos = [], 0
    for s, e in sorted(marks):
        out += [snip[pos:s], open_, snip[s:e], close]
        pos = e
    out.append(snip[pos:])
    return "".join(out)


def body_words(doc: Document) -> list[str]:
    """Folded words of the article body, without the headline (reprints change headlines)."""
    text = doc.text
    if doc.title and text.startswith(doc.title):
        text = text[len(doc.title) :]
    return [fold(w) for w in WORD.findall(text)]


@functools.lru_cache(maxsize=1)
def _permutations():  # type: ignore[no-untyped-def]
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations  # 1.5 ms to make: once


def shingles(words: list[str]) -> list[str]:
    if len(words) < SHINGLE:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]


def minhash_bytes(words: list[str]) -> bytes:
    """MinHash signature (datasketch) of the word shingles, as little-endian uint32s."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    mh.update_batch(s.encode("utf-8") for s in shingles(words))
    return np.asarray(mh.hashvalues, dtype="<u4").tobytes()


def minhash_many(texts: list[list[str]]) -> list[bytes]:
    """``minhash_bytes`` of many word lists at once, in numpy (the synthetic store's million signatures).

    The same arithmetic as datasketch's affine32 scheme: sha1 of each shingle, the
    murmur finalizer, then a*h + b modulo 2**32 per permutation, the minimum per
    document (tested equal to ``minhash_bytes``).
    """
    from datasketch.hashfunc import sha1_hash32
    from datasketch.minhash import _fmix

    a, b = _permutations()
    hashes, starts = [], []
    for words in texts:
        starts.append(len(hashes))
        hashes += [sha1_hash32(s.encode("utf-8")) for s in shingles(words)] or [None]
    empty = [i for i, h in enumerate(hashes) if h is None]
    hv = _fmix(np.array([h or 0 for h in hashes], dtype=np.uint32), 32).reshape(-1, 1)
    phv = hv * a + b
    phv[empty] = np.uint32(0xFFFFFFFF)  # no shingles: datasketch's initial values
    mins = np.minimum.reduceat(phv, starts, axis=0)
    return [row.astype("<u4").tobytes() for row in mins]


def minhash_from_bytes(data: bytes):  # type: ignore[no-untyped-def]
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.frombuffer(data, dtype="<u4"), scheme=SCHEME)
