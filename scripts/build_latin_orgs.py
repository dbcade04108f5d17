"""Build src/svodka/data/latin_orgs.tsv: names in the Latin script that NEREL v1.1 TRAIN annotates as ORGANIZATION.

A Russian news text names companies, media and bands in their own script («Reuters», «Amazon», «The
Beatles»), and natasha's Russian model misses most of them.  For every ORGANIZATION span of the train
texts (dev is held out) written wholly in Latin letters we count the spans (``org``) and the
occurrences of that string as whole words in all train texts (``seen``).  A name is kept with at least
MIN_ORG spans and a share of at least MIN_SHARE (it is not mostly a product, a work or a person's
name elsewhere).  Only the names and counts are written, no text.

    python scripts/build_latin_orgs.py ../shared/data/nerel/train src/svodka/data/latin_orgs.tsv
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from svodka.eval import brat  # noqa: E402

MIN_ORG = 2
MIN_SHARE = 0.5
NAME = re.compile(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ0-9’'!&.-]*(?: (?:&|of|de|y|[A-ZÀ-Þ0-9][A-Za-zÀ-ÿ0-9’'!&.-]*))*")


def main(data_dir: Path, out: Path) -> None:
    docs = [brat.load(data_dir, name) for name in brat.doc_names(data_dir)]
    org: Counter[str] = Counter()
    for doc in docs:
        for e in doc.entities.values():
            text = doc.text[e.start:e.end].strip("'\" ")
            if e.type == "ORGANIZATION" and NAME.fullmatch(text) and re.search(r"[a-zß-ÿ]", text):
                org[text] += 1
    seen: Counter[str] = Counter()
    for doc in docs:
        for name in org:
            seen[name] += len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.text))
    kept = sorted((n for n in org if org[n] >= MIN_ORG and org[n] >= MIN_SHARE * seen[n]), key=lambda n: (-org[n], n))
    lines = [
        "# Names in the Latin script annotated as ORGANIZATION in NEREL v1.1 TRAIN (Loukachevitch et al., RANLP 2021;",
        f"# {len(docs)} train documents, dev held out).",
        f"# Built {dt.date.today().isoformat()} by: python scripts/build_latin_orgs.py ../shared/data/nerel/train "
        "src/svodka/data/latin_orgs.tsv",
        f"# Kept: >= {MIN_ORG} ORGANIZATION spans and >= {MIN_SHARE:.0%} of the name's whole-word occurrences in train.",
        "# Names and counts only, no text.",
        "# name\torg\tseen",
    ]
    lines += [f"{n}\t{org[n]}\t{seen[n]}" for n in kept]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} names of {len(org)} → {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
