"""Role recall and precision on NEREL TRAIN, fast, with the misses listed (train only: dev is held out).

The parse (tokens, sentences, natasha's spans) of each document is cached in a pickle the first time,
so a rerun after a change to the entity layer re-runs only ``extract_entities`` (the roles live there):

    python scripts/nerel_role_misses.py ../shared/data/nerel/train --cache /tmp/nerel-train.pkl \
        --limit 300 --out /tmp/role-misses.txt

The figures are those of ``svodka eval nerel`` (roles/post), entity layer only.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from svodka.eval import brat  # noqa: E402
from svodka.eval.metrics import Metrics  # noqa: E402
from svodka.eval.nerel_roles import listing, role_misses, summary  # noqa: E402
from svodka.eval.nerel_score import score_doc  # noqa: E402
from svodka.eval.nerel_view import project  # noqa: E402


def parsed(data_dir: Path, cache: Path, limit: int | None) -> list[tuple[brat.BratDoc, bytes]]:
    if cache.exists():
        got = pickle.loads(cache.read_bytes())
        if limit is None or len(got) >= limit:
            return got[:limit]
    from svodka.models import load_models
    from svodka.nlp import parse_many
    from svodka.pipeline import make_document

    models = load_models()
    out = []
    names = brat.doc_names(data_dir)[:limit]
    for at in range(0, len(names), 16):
        golds = [brat.load(data_dir, n) for n in names[at:at + 16]]
        docs = [make_document(g.text, id=g.name) for g in golds]
        parse_many(docs, models, None)
        out += [(g, pickle.dumps(d)) for g, d in zip(golds, docs, strict=True)]
    cache.write_bytes(pickle.dumps(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    from svodka.entities import extract_entities
    from svodka.models import load_models

    models = load_models()
    total, misses = Metrics(), []
    for gold, blob in parsed(args.data_dir, args.cache, args.limit):
        doc = pickle.loads(blob)
        doc.entities = extract_entities(doc, models)
        view = project(doc)
        total.add(score_doc(gold, view).metrics["roles/post"])
        misses += role_misses(gold, view)
    print(f"roles/post P {total.precision:.4f} R {total.recall:.4f} (gold {total.n_std}, test {total.n_test})")
    print(summary(misses))
    if args.out:
        args.out.write_text(listing(misses), encoding="utf-8")


if __name__ == "__main__":
    main()
