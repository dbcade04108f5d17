"""Near-duplicate documents (reprints) by MinHash LSH, with the bands kept in the store.

A document's MinHash signature (128 values, see text.py) is cut into BANDS bands
of ROWS values; each band hashes to a bucket, stored as an indexed row of
`lsh_bands`.  Two documents that share a bucket are candidates, and a candidate
whose estimated Jaccard similarity reaches DUP_THRESHOLD is the same story.  The
band layout is datasketch's own for this threshold (``MinHashLSH(0.5, 128)``
gives 25 bands of 5), so the store finds the very candidates datasketch's
in-memory index would, but a new document finds them by index look-up instead
of by loading every signature.

A group is named by its smallest document id, so groups are a function of the
set of documents, whatever order they were linked in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np
from sqlalchemy import and_, select, update
from sqlalchemy.engine import Connection

from . import tables as t
from .text import NUM_PERM
from .unionfind import MinRootSets

DUP_THRESHOLD = 0.5  # estimated Jaccard of word shingles above which two texts are one story
BANDS, ROWS = 25, 5  # MinHashLSH(threshold=0.5, num_perm=128).b, .r (tested)
IN_CHUNK = 500  # ids per IN (…) list


def _bucket(band: int, values: np.ndarray) -> int:
    digest = hashlib.blake2b(values.tobytes(), digest_size=8, person=band.to_bytes(2, "little")).digest()
    return int.from_bytes(digest, "big", signed=True)


def band_rows(doc_id: int, minhash: bytes | None) -> list[dict[str, int]]:
    """The `lsh_bands` rows of one document's signature."""
    if not minhash:
        return []
    values = np.frombuffer(minhash, dtype="<u4")
    assert len(values) == NUM_PERM == BANDS * ROWS + 3
    return [
        {"band": b, "bucket": _bucket(b, values[b * ROWS : (b + 1) * ROWS]), "doc_id": doc_id} for b in range(BANDS)
    ]


def chunks(items: list, n: int = IN_CHUNK) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def link_groups(conn: Connection, doc_ids: list[int]) -> int:
    """Join the new documents to the duplicate groups of their near-duplicates; returns documents moved."""
    b1, b2, d = t.lsh_bands.alias("b1"), t.lsh_bands.alias("b2"), t.documents
    pairs: set[tuple[int, int]] = set()
    for part in chunks(doc_ids):
        q = (
            select(b1.c.doc_id, b2.c.doc_id)
            .join(b2, and_(b2.c.band == b1.c.band, b2.c.bucket == b1.c.bucket, b2.c.doc_id != b1.c.doc_id))
            .where(b1.c.doc_id.in_(part))
        )
        pairs |= {(a, b) for a, b in conn.execute(q)}
    if not pairs:
        return 0
    involved = sorted({x for p in pairs for x in p})
    sig, group = {}, {}
    for part in chunks(involved):
        for r in conn.execute(select(d.c.id, d.c.minhash, d.c.dup_group).where(d.c.id.in_(part))):
            sig[r.id] = np.frombuffer(r.minhash, dtype="<u4")
            group[r.id] = r.dup_group
    sets = MinRootSets()
    for a, b in pairs:
        if np.count_nonzero(sig[a] == sig[b]) / NUM_PERM >= DUP_THRESHOLD:
            sets.union(group[a] or a, group[b] or b)
    moved = 0
    for old in sorted(sets.nodes()):
        new = sets.find(old)
        # `old` is a group id (a group's smallest member) or an ungrouped document: both move to `new`
        if new != old:
            moved += conn.execute(update(d).where(d.c.dup_group == old).values(dup_group=new)).rowcount
        moved += conn.execute(update(d).where(d.c.id == old, d.c.dup_group.is_(None)).values(dup_group=new)).rowcount
    return moved
