"""Build src/svodka/data/geo_adjectives.tsv from the place adjectives of NEREL v1.1 TRAIN.

NEREL annotates a relational adjective of a place as that place: «российского министра» holds a
COUNTRY «российского», «московского суда» a CITY, «каннского фестиваля» a CITY (linked to Wikidata:
Россия, Москва, Канны).  For every one-word span of a place type (train only; dev is held
out) that pymorphy3 reads as a full adjective, we count its lemma and the place it stands for (the
Wikidata name of the span, else the commonest linked place of the same lemma).  Then we count how
often the lemma occurs as a word of the train texts (not inside a longer person, place or
organisation span: part of a name, or an inner span the score does not count), and how often such an occurrence is
exactly an annotated span of any type (a place, but also NATIONALITY «американские туристы» or
LANGUAGE «русский язык», which a mention there does not contradict).  A lemma is kept when it is a
place span at least MIN_SPANS times and in at least MIN_PLACE_SHARE of its occurrences, and at least
MIN_SHARE of its occurrences are annotated spans.
Only lemmas, place names and counts are written, never text.

    python scripts/build_geo_adjectives.py ../shared/data/nerel/train src/svodka/data/geo_adjectives.tsv
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pymorphy3

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from svodka.eval import brat  # noqa: E402

PLACES = frozenset({"COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION"})
MIN_SPANS = 2
MIN_SHARE = 0.6
MIN_PLACE_SHARE = 0.3  # of the occurrences, the share that are the place: «русский», «английский» are mostly languages
WORD = re.compile(r"(?<![\w-])[а-яёА-ЯЁ][а-яё]+(?:-[а-яё]+)*(?![\w-])")


def main(data_dir: Path, out: Path) -> None:
    morph = pymorphy3.MorphAnalyzer()
    cache: dict[str, str | None] = {}

    def adjective(word: str) -> str | None:
        """The lemma of a full adjective (pymorphy3's first reading), else None."""
        if word not in cache:
            p = morph.parse(word.lower())[0]
            cache[word] = p.normal_form.replace("ё", "е") if p.tag.POS == "ADJF" else None
        return cache[word]

    spans: Counter[str] = Counter()
    places: dict[str, Counter[str]] = defaultdict(Counter)
    seen: Counter[str] = Counter()
    annotated: Counter[str] = Counter()
    names = brat.doc_names(data_dir)
    for name in names:
        doc = brat.load(data_dir, name)
        extents = {(e.start, e.end) for e in doc.entities.values()}
        # inside a longer person, place or organisation a word is part of a name svodka already has
        # («Российская Федерация») or an inner span the NEREL score does not count: not evidence either way
        mapped = [(e.start, e.end) for e in doc.entities.values() if e.type in PLACES | {"PERSON", "ORGANIZATION"}]
        link_of = {tid: wname for tid, (_, wname) in doc.links.items()}
        for ent in doc.entities.values():
            text = doc.text[ent.start:ent.end]
            if ent.type not in PLACES or not WORD.fullmatch(text):
                continue
            lem = adjective(text)
            if lem is None:
                continue
            spans[lem] += 1
            if ent.id in link_of and link_of[ent.id][:1].isupper():
                places[lem][link_of[ent.id]] += 1
        for m in WORD.finditer(doc.text):
            lem = adjective(m.group())
            inside = any(s <= m.start() and m.end() <= e and (s, e) != m.span() for s, e in mapped)
            if lem is not None and not inside:
                seen[lem] += 1
                annotated[lem] += (m.start(), m.end()) in extents
    rows = []
    for lem, n in spans.most_common():
        share = annotated[lem] / seen[lem] if seen[lem] else 0.0
        if n < MIN_SPANS or share < MIN_SHARE or n < MIN_PLACE_SHARE * seen[lem] or not places[lem]:
            continue
        place, _ = places[lem].most_common(1)[0]
        rows.append(f"{lem}\t{place}\t{n}\t{seen[lem]}\t{share:.2f}")
    header = [
        "# Place adjectives: lemma -> the place it stands for, from NEREL v1.1 TRAIN place spans",
        f"# (Loukachevitch et al., RANLP 2021; {len(names)} train documents, dev held out), lemmatised with pymorphy3.",
        f"# Built {dt.date.today().isoformat()} by: python scripts/build_geo_adjectives.py ../shared/data/nerel/train "
        "src/svodka/data/geo_adjectives.tsv",
        f"# Kept: >= {MIN_SPANS} one-word place spans, >= {MIN_PLACE_SHARE:.0%} of the lemma's occurrences places and "
        f">= {MIN_SHARE:.0%} annotated, a Wikidata-linked place name. Lemmas, names and counts only, no text.",
        "# lemma\tplace\tspans\tseen\tannotated_share",
    ]
    out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} adjectives -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
