"""Build src/svodka/data/org_chain_heads.tsv: common nouns that open an organisation's span before a name in NEREL v1.1 TRAIN.

«пресс-служба МВД Киргизии», «правительство Израиля», «сборная России»: NEREL writes a common noun
followed by the genitive of an organisation or a place as one ORGANIZATION span.  For every noun of
data/org_heads.tsv (scripts/build_org_heads.py) met right before an ORGANIZATION or place span of the
train texts (dev is held out) we count those occurrences (``seen``) and how many of them an
ORGANIZATION span covers from the noun through the name (``org``).  A noun is kept with at least
MIN_ORG such spans and a share of at least MIN_SHARE («агентство Reuters» is 3 of 33: the agency's
name is the organisation there).  Only lemmas and counts are written, no text.

    python scripts/build_org_chain_heads.py ../shared/data/nerel/train src/svodka/data/org_chain_heads.tsv
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import pymorphy3

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from svodka.eval import brat  # noqa: E402
from svodka.facts.lexicon import org_heads  # noqa: E402

MIN_ORG = 3
MIN_SHARE = 0.7
WORD = re.compile(r"(?<![\w-])[а-яё]+(?:-[а-яё]+)*(?![\w-])")
NAMES = {"ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE"}


def main(data_dir: Path, out: Path) -> None:
    morph = pymorphy3.MorphAnalyzer()
    heads = org_heads()
    cache: dict[str, str] = {}
    seen: Counter[str] = Counter()
    org: Counter[str] = Counter()
    names = brat.doc_names(data_dir)
    for name in names:
        doc = brat.load(data_dir, name)
        starts: dict[int, int] = {}
        for e in doc.entities.values():
            if e.type in NAMES:
                starts[e.start] = max(starts.get(e.start, 0), e.end)
        orgs = [(e.start, e.end) for e in doc.entities.values() if e.type == "ORGANIZATION"]
        for m in WORD.finditer(doc.text):
            word = m.group()
            if word not in cache:
                cache[word] = morph.parse(word)[0].normal_form.replace("ё", "е")
            lem = cache[word]
            end = starts.get(m.end() + 1)
            if lem not in heads or end is None or doc.text[m.end()] != " ":
                continue
            seen[lem] += 1
            org[lem] += any(s <= m.start() and e >= end for s, e in orgs)
    rows = [f"{lem}\t{org[lem]}\t{n}\t{org[lem] / n:.2f}" for lem, n in seen.most_common()
            if org[lem] >= MIN_ORG and org[lem] >= MIN_SHARE * n]
    header = [
        "# Common nouns opening an ORGANIZATION span before an organisation's or a place's name («пресс-служба МВД",
        "# Киргизии»): nouns of data/org_heads.tsv met right before such a name in NEREL v1.1 TRAIN (Loukachevitch et al.,",
        f"# RANLP 2021; {len(names)} train documents, dev held out), lemmatised with pymorphy3.",
        f"# Built {dt.date.today().isoformat()} by: python scripts/build_org_chain_heads.py ../shared/data/nerel/train "
        "src/svodka/data/org_chain_heads.tsv",
        f"# Kept: >= {MIN_ORG} spans from the noun through the name and >= {MIN_SHARE:.0%} of the noun's occurrences "
        "before a name. Lemmas and counts only.",
        "# lemma\torg\tseen\tshare",
    ]
    out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} nouns -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
