"""Build src/svodka/data/ownership_triggers.tsv from the OWNER_OF and FOUNDED_BY relations of NEREL v1.1 TRAIN.

Which words tell that someone owns or founded something?  For every OWNER_OF or
FOUNDED_BY relation of train (dev is held out) whose two arguments do not
overlap and stand in one paragraph at most MAX_GAP characters apart, the words
between them are lemmatised with pymorphy3 and each verb (also participle) and
noun lemma is counted once (``between``).  Every occurrence of the same lemma
in the train texts is counted too (``seen``).  A lemma is kept when it stands
between the arguments of at least MIN_BETWEEN relations and at least MIN_SHARE
of its occurrences do: «основать» and «владелец» pass, «год» and «компания» do
not.  The POS column says how the rules may read it: ``verb`` (a verb or
participle of owning or founding), ``person`` (an animate noun: the owner,
«основатель») or ``noun`` (another noun: «актив»).  Only lemmas and
counts are written, never text.

    python scripts/build_ownership_triggers.py ../shared/data/nerel/train src/svodka/data/ownership_triggers.tsv
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
from svodka.facts.lexicon import ORG_NOUNS  # noqa: E402

RELATIONS = ("OWNER_OF", "FOUNDED_BY")
MAX_GAP = 120  # characters between the two arguments
MIN_BETWEEN = 3  # relations a lemma must stand between
MIN_SHARE = 0.1  # of the lemma's occurrences in the texts, the share between a relation's arguments
WORD = re.compile(r"(?<![А-Яа-яЁё-])[а-яё]+(?:-[а-яё]+)*")  # words in lower case: names are no triggers
# Kinds of organisation («компания», «холдинг», «телеканал»): the property itself, not a word of owning
KINDS = ORG_NOUNS | frozenset(line.split("\t")[0] for line in (ROOT / "src/svodka/data/org_heads.tsv").read_text(encoding="utf-8").splitlines()
                              if line and not line.startswith("#"))
CLASSES = {"VERB": "verb", "INFN": "verb", "PRTF": "verb", "PRTS": "verb", "NOUN": "noun"}  # nouns: "noun" or "person"


def main(data_dir: Path, out: Path) -> None:
    morph = pymorphy3.MorphAnalyzer()
    cache: dict[str, tuple[str, str | None]] = {}

    def analyse(word: str) -> tuple[str, str | None]:
        w = word.lower().replace("ё", "е")
        if w not in cache:
            p = morph.parse(w)[0]
            # a word pymorphy3 only guesses, or a name, is no trigger («Пейдж», «Профмедиа»)
            known = p.is_known and not {"Name", "Surn", "Patr", "Geox", "Orgn"} & set(p.tag.grammemes)
            lemma = p.normal_form.replace("ё", "е")
            cls = CLASSES.get(p.tag.POS) if known and lemma not in KINDS else None
            cache[w] = (lemma, "person" if cls == "noun" and "anim" in p.tag else cls)
        return cache[w]

    between, seen, kind = Counter(), Counter(), {}
    names = brat.doc_names(data_dir)
    relations = 0
    for name in names:
        doc = brat.load(data_dir, name)
        for m in WORD.finditer(doc.text):
            lemma, cls = analyse(m.group())
            if cls:
                seen[lemma] += 1
        for r in doc.relations:
            if r.type not in RELATIONS:
                continue
            a1, a2 = doc.entities.get(r.arg1), doc.entities.get(r.arg2)
            if a1 is None or a2 is None or (a1.start < a2.end and a2.start < a1.end):
                continue
            lo, hi = (a1, a2) if a1.end <= a2.start else (a2, a1)
            gap = doc.text[lo.end:hi.start]
            if "\n" in gap or len(gap) > MAX_GAP:
                continue
            relations += 1
            lemmas = {}
            for m in WORD.finditer(gap):
                lemma, cls = analyse(m.group())
                if cls:
                    lemmas[lemma] = cls
            for lemma, cls in lemmas.items():
                between[lemma] += 1
                kind.setdefault(lemma, cls)
    kept = [(lem, n) for lem, n in between.most_common() if n >= MIN_BETWEEN and n / max(seen[lem], 1) >= MIN_SHARE]
    lines = [
        f"# Words of owning and founding: verb and noun lemmas (pymorphy3) standing between the two arguments of",
        f"# NEREL v1.1 TRAIN {'/'.join(RELATIONS)} relations (Loukachevitch et al., RANLP 2021; {len(names)} train",
        f"# documents, dev held out; {relations} relations with both arguments in one paragraph <= {MAX_GAP} characters apart).",
        f"# Built {dt.date.today().isoformat()} by: python scripts/build_ownership_triggers.py ../shared/data/nerel/train {out.as_posix()}",
        f"# Kept: words in lower case pymorphy3 knows (no names, no organisation kinds of facts/lexicon.ORG_NOUNS or data/org_heads.tsv),",
        f"# between >= {MIN_BETWEEN} relations and >= {MIN_SHARE:.0%} of the lemma's occurrences in the texts.",
        "# Lemmas and counts only, no text.",
        "# lemma\tclass (verb: verb or participle; person: animate noun; noun)\tbetween (relations)\tseen (occurrences in the texts)",
    ]
    lines += [f"{lem}\t{kind[lem]}\t{n}\t{seen[lem]}" for lem, n in kept]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} lemmas from {relations} relations -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
