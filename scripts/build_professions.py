"""Build src/svodka/data/professions.tsv from the PROFESSION spans of NEREL v1.1 TRAIN.

For every PROFESSION span (train only; dev is held out): its words are lemmatised
with pymorphy3; the head is the phrase's first noun, else a substantivised
adjective (eval/nerel_view.head_index, the evaluator's own rule); the modifiers
are the adjectives before it.
For each head lemma we count how often it heads a PROFESSION span (``prof``), how
often such a span is a person's WORKS_AS (``works_as``), and how often the lemma
occurs as a word of the train texts at all (``seen``).  A lemma is kept when it
heads at least MIN_PROF spans and at least MIN_SHARE of its singular occurrences
in the texts are inside a PROFESSION span, and pymorphy3 knows it as an animate
noun: «президент» and «сержант» pass, «человек», «сторонник», «житель» and
«премьера» (pymorphy's lemma of some «премьер» forms) do not.  A head of a single
span must have half of its occurrences inside spans («прозаик», «фельдшер»); a
head met only in the plural or as an adjective («волейболисты», «военный») has no
singular noun occurrence to judge by and is kept.  Modifier lemmas (``mod`` rows) are
kept when they sit inside at least MIN_PROF spans.  Only lemmas and counts are
written, never text.

    python scripts/build_professions.py ../shared/data/nerel/train src/svodka/data/professions.tsv
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
from svodka.eval.nerel_view import WORD, head_index, head_lemma, substantive  # noqa: E402

MIN_PROF = 2  # spans a head (or a modifier) must occur in
MIN_SHARE = 0.35  # of the lemma's singular occurrences in the texts, the share inside PROFESSION spans
SINGLE_SHARE = 0.5  # the same share for a head of fewer than MIN_PROF spans («прозаик», «фельдшер»)
PARTICIPLE_SHARE = 0.3  # a substantivised participle's spans that must be a WORKS_AS (roles.OCCUPATION_SHARE)
LINKED_SHARE = 0.5  # a head pymorphy does not know as animate is kept when this share of its spans is a WORKS_AS


def main(data_dir: Path, out: Path) -> None:
    morph = pymorphy3.MorphAnalyzer()
    cache: dict[str, tuple[str, str | None, bool]] = {}

    def parse(word: str) -> tuple[str, str | None, bool]:
        w = word.lower()
        if w not in cache:
            p = morph.parse(w)[0]
            cache[w] = (p.normal_form.replace("ё", "е"), p.tag.POS, "plur" in p.tag)
        return cache[w]

    def animate_first(word: str) -> bool:
        p = morph.parse(word.lower())[0]
        return p.tag.POS == "NOUN" and "anim" in p.tag

    prof, works, mods, seen, inside = Counter(), Counter(), Counter(), Counter(), Counter()
    names = brat.doc_names(data_dir)
    for name in names:
        doc = brat.load(data_dir, name)
        linked = {r.arg2 for r in doc.relations if r.type == "WORKS_AS"}
        covered: set[int] = set()
        for ent in doc.entities.values():
            if ent.type != "PROFESSION":
                continue
            words = [m for s, e in ent.fragments for m in WORD.finditer(doc.text, s, e)]
            k = head_index([m.group() for m in words])  # the evaluator's own notion of a head
            if k is None:
                continue
            head = words[k]
            lemma = head_lemma(head.group())
            prof[lemma] += 1
            works[lemma] += ent.id in linked
            covered.add(head.start())
            for m in words[:k]:
                lem, pos, _ = parse(m.group())
                if pos in ("ADJF", "PRTF"):
                    mods[lem] += 1
        for m in WORD.finditer(doc.text):
            lem, pos, plural = parse(m.group())
            if pos == "NOUN" and not plural:
                person = head_lemma(m.group())
                if person != lem and not animate_first(m.group()):
                    continue  # «физика» is physics first, «физик» only second: no occurrence of «физик»
                lem = person
                seen[lem] += 1
                inside[lem] += m.start() in covered
    def animate(lemma: str) -> bool:  # a kind of person («премьера» of a film is no «премьер»)
        return any(p.tag.POS == "NOUN" and "anim" in p.tag for p in morph.parse(lemma) if p.normal_form.replace("ё", "е") == lemma)

    def kept(lem: str) -> bool:
        n = prof[lem]
        share = MIN_SHARE if n >= MIN_PROF else SINGLE_SHARE  # a word met once must mostly be met as an occupation
        # a word met only in the plural («волейболисты», «игроки») has no singular occurrence to judge by
        # pymorphy knows some titles only as inanimate nouns («аятолл»): NEREL linking most of a word's
        # spans to a named person says it is one
        person = animate(lem) or (works[lem] >= MIN_PROF and works[lem] >= LINKED_SHARE * n and seen[lem] >= MIN_PROF
                                      and not any("Abbr" in p.tag for p in morph.parse(lem)))  # «КВН» is a show
        # a substantivised participle («управляющий», «заведующий») is never met as a noun: its spans alone judge it
        person = person or (substantive(lem) == lem and works[lem] >= MIN_PROF and works[lem] >= PARTICIPLE_SHARE * n)
        return (seen[lem] == 0 or inside[lem] >= share * seen[lem]) and person

    heads = sorted((lem for lem in prof if kept(lem)), key=lambda lem: (-prof[lem], lem))
    if "--why" in sys.argv:
        for lem in sys.argv[sys.argv.index("--why") + 1:]:
            print(lem, "prof", prof[lem], "works_as", works[lem], "seen", seen[lem], "inside", inside[lem], "animate", animate(lem))
    kept_mods = sorted((lem for lem, n in mods.items() if n >= MIN_PROF), key=lambda lem: (-mods[lem], lem))
    command = "python scripts/build_professions.py " + " ".join(sys.argv[1:])
    lines = [
        "# Professions, posts, ranks and titles: head lemmas of NEREL v1.1 TRAIN PROFESSION spans",
        "# (Loukachevitch et al., RANLP 2021; 746 train documents, dev held out), lemmatised with pymorphy3.",
        f"# Built {dt.date.today().isoformat()} by: {command}",
        f"# Kept: animate-noun heads of >= {MIN_PROF} spans with >= {MIN_SHARE:.0%} of their singular noun occurrences inside a span",
        f"# (heads of fewer spans: >= {SINGLE_SHARE:.0%}; a head never met as a singular noun is kept); a word counts as met",
        "# only where pymorphy's first reading is it or a person («физика» is no «физик»); a head pymorphy knows",
        f"# only as inanimate is kept when >= {LINKED_SHARE:.0%} of its spans (and >= {MIN_PROF}) are a WORKS_AS and it is met >= {MIN_PROF} times («аятолл»),",
        f"# a substantivised participle when >= {PARTICIPLE_SHARE:.0%} of its spans (and >= {MIN_PROF}) are a WORKS_AS («управляющий», «ведущий»);",
        f"# modifiers (adjectives before the head) of >= {MIN_PROF} spans. Lemmas and counts only, no text.",
        "# kind\tlemma\tprof (spans headed)\tworks_as (of them, a person's WORKS_AS)\tseen (singular nouns in the texts)",
    ]
    lines += [f"head\t{lem}\t{prof[lem]}\t{works[lem]}\t{seen[lem]}" for lem in heads]
    lines += [f"mod\t{lem}\t{mods[lem]}\t0\t0" for lem in kept_mods]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} documents, {sum(prof.values())} PROFESSION spans, {len(prof)} head lemmas; "
          f"kept {len(heads)} heads and {len(kept_mods)} modifiers in {out}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
