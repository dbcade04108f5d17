"""Build src/svodka/data/org_heads.tsv from the ORGANIZATION spans of NEREL v1.1 TRAIN.

An Occupation's place of work is often an organisation told by a common noun
(«фракции КПРФ», «президиума совета», «вооружённых сил», «палестинской
делегации») that the name layer does not find.  This lexicon says which nouns
head such organisations.  For every ORGANIZATION span of train (dev is held
out) whose head word (the evaluator's eval/nerel_view.head_index) is written in
lower case — a common noun, not a name — the head's lemma is counted (``org``),
and so is every occurrence of that lemma as a noun in the train texts
(``seen``).  A lemma is kept when it heads at least MIN_ORG spans, at least
MIN_SHARE of its occurrences lie at the head of such a span, and pymorphy3
knows it as an inanimate noun.  Only lemmas and counts are written, never text.

    python scripts/build_org_heads.py ../shared/data/nerel/train src/svodka/data/org_heads.tsv
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import pymorphy3

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from svodka.eval import brat  # noqa: E402
from svodka.eval.nerel_view import WORD, head_index, head_lemma  # noqa: E402

MIN_ORG = 2  # spans a head must head
MIN_SHARE = 0.1  # of the lemma's noun occurrences in the texts, the share heading an ORGANIZATION span


def main(data_dir: Path, out: Path) -> None:
    morph = pymorphy3.MorphAnalyzer()
    pos_cache: dict[str, str | None] = {}

    def pos(word: str) -> str | None:
        w = word.lower()
        if w not in pos_cache:
            pos_cache[w] = morph.parse(w)[0].tag.POS
        return pos_cache[w]

    org, seen, inside = Counter(), Counter(), Counter()
    names = brat.doc_names(data_dir)
    for name in names:
        doc = brat.load(data_dir, name)
        heads: set[int] = set()
        for ent in doc.entities.values():
            if ent.type != "ORGANIZATION":
                continue
            words = [m for s, e in ent.fragments for m in WORD.finditer(doc.text, s, e)]
            k = head_index([m.group() for m in words])
            if k is None or not words[k].group()[:1].islower() or pos(words[k].group()) != "NOUN":
                continue
            org[head_lemma(words[k].group())] += 1
            heads.add(words[k].start())
        for m in WORD.finditer(doc.text):
            if m.group()[:1].islower() and pos(m.group()) == "NOUN":
                lem = head_lemma(m.group())
                seen[lem] += 1
                inside[lem] += m.start() in heads

    def inanimate(lemma: str) -> bool:
        return any(p.tag.POS == "NOUN" and "inan" in p.tag for p in morph.parse(lemma) if p.normal_form.replace("ё", "е") == lemma)

    kept = sorted((lem for lem, n in org.items() if n >= MIN_ORG and inside[lem] >= MIN_SHARE * max(seen[lem], 1)
                   and inanimate(lem)), key=lambda lem: (-org[lem], lem))
    command = "python scripts/build_org_heads.py " + " ".join(sys.argv[1:])
    lines = [
        "# Common nouns that head organisations: head lemmas of NEREL v1.1 TRAIN ORGANIZATION spans written in",
        "# lower case (Loukachevitch et al., RANLP 2021; 746 train documents, dev held out), lemmatised with pymorphy3.",
        f"# Built {dt.date.today().isoformat()} by: {command}",
        f"# Kept: inanimate nouns heading >= {MIN_ORG} spans with >= {MIN_SHARE:.0%} of their noun occurrences at a span's head.",
        "# Lemmas and counts only, no text.",
        "# lemma\torg (spans headed)\tseen (noun occurrences in the texts)",
    ]
    lines += [f"{lem}\t{org[lem]}\t{seen[lem]}" for lem in kept]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} documents, {sum(org.values())} lower-case ORGANIZATION heads, {len(org)} lemmas; "
          f"kept {len(kept)} in {out}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
