"""Build src/svodka/data/name_forms.tsv: nominative first names and surnames with their bearer's sex,
and the surface forms that map to them, from the Wikidata-linked PERSON mentions of NEREL *train*.

    .venv/bin/python scripts/build_name_forms.py ../shared/data/nerel/train

Each NEREL `N` line gives the Russian Wikidata name of a linked entity («Обама, Барак», «Дмитрий
Анатольевич Медведев»).  For every PERSON mention linked to one, each mention word is aligned to the
name word it spells (first three letters alike, the surface a case form of the nominative: same stem,
an ending of at most three letters); the name word is a first name or a surname by its place in the
Wikidata name (before a comma: the surname; a patronymic is skipped).  The bearer's sex comes from the
patronymic, the first name (pymorphy3's dictionary), the surname's ending (-ова, -ская / -ов, -ский)
or a consonant surname seen declined (only a man's does).  Only words pymorphy3 is unsure of are kept:
names its dictionary does not know as declinable names, or whose dictionary nominative is another
word.  Written: lexicon entries only (name words, sex, forms, counts), no NEREL text.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "svodka" / "data" / "name_forms.tsv"
_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_ENDINGS = ("", "а", "я", "у", "ю", "ом", "ем", "ём", "е", "и", "ы", "ой", "ей", "ою", "ею", "ого", "ому", "ым", "ую")


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


def label_words(label: str) -> list[tuple[str, str]]:
    """(word, kind) of a Wikidata name: kind 'first', 'last', 'patr' or 'other'."""
    if "," in label:
        last, _, rest = label.partition(",")
        lw = [fold(w) for w in _WORD.findall(last)]
        rw = [fold(w) for w in _WORD.findall(rest)]
        out = [(w, "last") for w in lw[-1:]] + [(w, "other") for w in lw[:-1]]
        for i, w in enumerate(rw):
            out.append((w, "patr" if _patronymic(w) else "first" if i == 0 else "other"))
        return out
    ws = [fold(w) for w in _WORD.findall(label)]
    if len(ws) < 2:
        return [(w, "other") for w in ws]
    out = [(ws[0], "first")]
    for w in ws[1:-1]:
        out.append((w, "patr" if _patronymic(w) else "other"))
    out.append((ws[-1], "last"))
    return out


def _patronymic(w: str) -> bool:
    return w.endswith(("вич", "вна", "ична", "ьич", "инична"))


def case_form(surface: str, nom: str) -> bool:
    """``surface`` may be a case form of the nominative ``nom``: the same stem and a case ending,
    where only an ending («-а», «-я», «-ь», «-й», «-ий», «-ая» …) or a fleeting «е» («Ковалец»,
    «Ковальца») of the nominative goes: «Баффет» is no case form of «Баффетт»."""
    if surface == nom:
        return True
    for cut in (0, 1, 2):
        stem = nom[: len(nom) - cut]
        gone = nom[len(stem):]
        if cut and gone not in _CUT[cut] or len(stem) < 2 or not surface.startswith(stem):
            continue
        rest = surface[len(stem):]
        if gone == "ец":
            rest = rest.removeprefix("ь")
            if rest[:1] == "ц" and rest[1:] in _ENDINGS:
                return True
        elif rest and rest in _ENDINGS:
            return True
    return False


_CUT = {1: frozenset("аяьйо"), 2: frozenset({"ий", "ый", "ой", "ая", "яя", "ец"})}


def sex_of(words: list[tuple[str, str]], declined: bool) -> str:
    from svodka.entities.declension import gender_of_first_name

    for w, kind in words:
        if kind == "patr":
            return "F" if w.endswith("вна") or w.endswith("ична") else "M"
    if declined:
        return "M"  # a name on a consonant seen declined is a man's (Спектер, Арлена: not the woman's Арлен)
    for w, kind in words:
        if kind == "first":
            g = gender_of_first_name(w)
            if g:
                return "F" if g == "Fem" else "M"
    for w, kind in words:
        if kind == "last":
            if w.endswith(("ова", "ева", "ёва", "ина", "ская", "цкая", "ая")):
                return "F"
            if w.endswith(("ов", "ев", "ин", "ский", "цкий", "ый", "ий")):
                return "M"
    return "-"


def load(ann: Path) -> list[tuple[str, str, str]]:
    """(mention text, entity id, Wikidata name) of the linked PERSON mentions of one document."""
    persons, links = {}, {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, text = line.split("\t", 2)
            if info.startswith("PERSON ") and ";" not in info:
                persons[tid] = text
        elif line.startswith("N"):
            parts = line.split("\t")
            _, tid, ref = parts[1].split(" ")
            if not ref.endswith("NULL") and len(parts) > 2:
                links[tid] = (ref, parts[2])
    return [(persons[t], ref, name) for t, (ref, name) in links.items() if t in persons]


def unsure(surface: str, nom: str) -> bool:
    """pymorphy3 has no declinable name analysis of the word, or its dictionary nominative of the
    surface form is not ``nom``."""
    from svodka.entities.declension import parse_word, unknown_name

    if unknown_name(surface) or unknown_name(nom):
        return True
    noms = {fold(p.normal_form) for p in parse_word(surface) if p.is_known and {"Name", "Surn"} & p.tag.grammemes}
    return nom not in noms


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=Path)
    args = ap.parse_args()
    if args.train.name != "train":
        raise SystemExit("build from NEREL train only (dev is held out)")
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    entities: dict[tuple[str, str], set[str]] = defaultdict(set)
    sexes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    docs = sorted(args.train.glob("*.ann"))
    declined_refs: set[str] = set()
    labels: dict[str, list[tuple[str, str]]] = {}
    for ann in docs:
        for text, ref, label in load(ann):
            lw = label_words(label)
            if not lw or not all(_WORD.fullmatch(w) for w, _ in lw):
                continue
            labels[ref] = lw
            aligned = []
            for surface in (fold(w) for w in _WORD.findall(text)):
                hits = [(w, k) for w, k in lw if k in ("first", "last") and w[:3] == surface[:3] and case_form(surface, w)]
                if len(hits) == 1:
                    aligned.append((surface, *hits[0]))
            if any(s != w and w[-1:] not in "аяоиуеюэы" and (k == "last" or w[-1:] != "ь") for s, w, k in aligned):
                declined_refs.add(ref)
            for surface, nom, kind in aligned:
                forms[(kind, nom)][surface] += 1
                entities[(kind, nom)].add(ref)
    ref_sex = {ref: sex_of(lw, ref in declined_refs) for ref, lw in labels.items()}
    for key, refs in entities.items():
        for ref in refs:
            sexes[key][ref_sex[ref]] += 1
    rows = []
    for (kind, nom), seen in forms.items():
        if not any(unsure(s, nom) for s in seen):
            continue
        sex_votes = sexes[(kind, nom)]
        known = {s: n for s, n in sex_votes.items() if s != "-"}
        sex = "-" if not known or len(known) > 1 else next(iter(known))
        rows.append((kind, nom, sex, ",".join(sorted(seen)), sum(seen.values()), len(entities[(kind, nom)])))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as f:
        f.write(
            "# Nominative first names and surnames with their bearer's sex (M, F, - unknown or both) and the\n"
            "# surface forms seen for them, from the Wikidata-linked PERSON mentions of NEREL v1.1 train\n"
            f"# ({len(docs)} documents; Loukachevitch et al., RANLP 2021 / LREC 2022), aligned to the entities'\n"
            "# Russian Wikidata names; words pymorphy3 is unsure of only. Built by scripts/build_name_forms.py.\n"
            "# kind\tnominative\tsex\tforms\tmentions\tentities\n"
        )
        for row in rows:
            f.write("\t".join(map(str, row)) + "\n")
    print(f"{OUT}: {len(rows)} entries")


if __name__ == "__main__":
    main()
