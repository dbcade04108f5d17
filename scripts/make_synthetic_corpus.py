#!/usr/bin/env python3
"""Build the synthetic store the search and linking benchmarks read: 1,000,000 documents by default.

.venv/bin/python scripts/make_synthetic_corpus.py [--docs N] [--out .bench/synthetic-1m.db | postgresql://…]
    [--factru DIR] [--plain]

The documents are written, then linked by the store's own linker (identities, duplicate groups).
--plain writes documents only (text, lemmas, a date: what search reads), in minutes, for `make bench`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1_000_000)
    ap.add_argument("--out", default=str(ROOT / ".bench" / "synthetic-1m.db"), help="a SQLite path or a URL")
    ap.add_argument("--factru", type=Path, default=ROOT.parent / "shared" / "data" / "factru" / "devset")
    ap.add_argument("--plain", action="store_true", help="documents only, no entities or signatures (SQLite)")
    args = ap.parse_args()
    from svodka.corpus.synthetic import build, build_plain

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,} / {total:,} documents", end="", file=sys.stderr, flush=True)

    out = Path(args.out) if args.plain else args.out
    seconds = (build_plain if args.plain else build)(out, args.docs, args.factru if args.factru.is_dir() else None, progress=progress)
    print(f"\n{args.docs:,} documents in {seconds:.0f} s → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
