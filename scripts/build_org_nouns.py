"""Build src/svodka/data/org_nouns.tsv: common nouns that NEREL v1.1 TRAIN annotates alone as an ORGANIZATION.

«правительство», «полиция», «парламент» name an organisation without a proper name: NEREL tags the
bare word (and its adjectives: «коалиционного правительства», «британской полиции») as ORGANIZATION.
For every noun lemma (pymorphy3's first reading) we count its occurrences as a word of the train
texts (``seen``; dev is held out) and how many of them are exactly an ORGANIZATION span or end one
that starts with adjectives (``alone``).  A lemma is kept with at least MIN_ALONE such spans and a
share of at least MIN_SHARE.  Only lemmas and counts are written, never text.

    python scripts/build_org_nouns.py ../shared/data/nerel/train src/svodka/data/org_nouns.tsv
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

MIN_ALONE = 5
MIN_SHARE = 0.5
WORD = re.compile(r"(?<![\w-])[а-яё]+(?:-[а-яё]+)*(?![\w-])")


def main(data_dir: Path, out: Path) -> None:
    morph = pymorphy3.MorphAnalyzer()
    cache: dict[str, tuple[str | None, str | None]] = {}

    def parse(word: str) -> tuple[str | None, str | None]:
        """(noun lemma, adjective lemma) of pymorphy3's first reading."""
        if word not in cache:
            p = morph.parse(word)[0]
            lem = p.normal_form.replace("ё", "е")
            cache[word] = (lem if p.tag.POS == "NOUN" else None, lem if p.tag.POS == "ADJF" else None)
        return cache[word]

    seen: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    names = brat.doc_names(data_dir)
    for name in names:
        doc = brat.load(data_dir, name)
        orgs = {(e.start, e.end) for e in doc.entities.values() if e.type == "ORGANIZATION"}
        ends = {}
        for s, e in orgs:
            words = WORD.findall(doc.text[s:e])
            # the span is adjectives + this noun: «военной полиции»
            if words and all(parse(w)[1] for w in words[:-1]) and doc.text[s:e].endswith(words[-1]):
                ends[e] = s
        for m in WORD.finditer(doc.text):
            lem = parse(m.group())[0]
            if lem is None:
                continue
            seen[lem] += 1
            alone[lem] += (m.start(), m.end()) in orgs or m.end() in ends
    rows = [f"{lem}\t{n}\t{seen[lem]}\t{n / seen[lem]:.2f}" for lem, n in alone.most_common()
            if n >= MIN_ALONE and n / seen[lem] >= MIN_SHARE]
    header = [
        "# Common nouns naming an organisation alone («правительство», «полиция»): noun lemmas of NEREL v1.1 TRAIN",
        f"# ORGANIZATION spans that are the noun alone or adjectives + the noun (Loukachevitch et al., RANLP 2021;",
        f"# {len(names)} train documents, dev held out), lemmatised with pymorphy3.",
        f"# Built {dt.date.today().isoformat()} by: python scripts/build_org_nouns.py ../shared/data/nerel/train "
        "src/svodka/data/org_nouns.tsv",
        f"# Kept: >= {MIN_ALONE} such spans and >= {MIN_SHARE:.0%} of the lemma's occurrences. Lemmas and counts only.",
        "# lemma\talone\tseen\tshare",
    ]
    out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} nouns -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
