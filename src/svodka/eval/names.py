"""Normal forms of person names: does each gold PER mention land in an entity whose canonical
name is the person's name in the nominative?

Gold: tests/data/names/{dev,heldout}/ID.json, one file per NEREL document (format in
tests/data/names/README.md): every PERSON mention of the document with ``canonical``, the
person's fullest name in that article, nominative.  ``dev`` comes from NEREL train and may be
tuned on; ``heldout`` comes from NEREL dev and is only scored.

A gold mention is *found* when a svodka PER entity has a mention overlapping it (the largest
overlap wins); it is *right* when that entity's canonical name equals the gold one after
folding case, «ё», apostrophes and a patronymic the gold or svodka left out.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..document import PER, Document
from ..errors import InputError

NEREL = Path(os.environ.get("SVODKA_NEREL", Path(__file__).resolve().parents[4] / "shared" / "data" / "nerel"))
PATRONYMIC = re.compile(r"(?:ович|евич|ьич|ична|инична|овна|евна)$")
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ё": "е", "‐": "-", "–": "-"})


def nerel_text(source: str, root: Path | None = None) -> str:
    """The raw text of ``nerel:SPLIT/ID`` (``$SVODKA_NEREL`` or ../shared/data/nerel)."""
    split, _, ident = source.partition(":")[2].partition("/")
    path = (root or NEREL) / split / f"{ident}.txt"
    if not path.is_file():
        raise InputError(f"{source}: no such file {path}")
    return path.read_text(encoding="utf-8")


def fold(name: str) -> str:
    """Case, «ё», apostrophe and dash variants and any patronymic folded away."""
    words = name.lower().translate(APOSTROPHES).split()
    if len(words) >= 3:
        words = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and PATRONYMIC.search(w))]
    return " ".join(words)


@dataclass(slots=True)
class NameMiss:
    doc: str
    text: str
    gold: str
    found: str | None  # svodka's canonical name, None when no PER entity covers the mention


@dataclass(slots=True)
class NameScore:
    docs: int = 0
    mentions: int = 0
    found: int = 0
    right: int = 0
    surname_right: int = 0
    misses: list[NameMiss] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.found / self.mentions if self.mentions else 1.0

    @property
    def accuracy(self) -> float:
        """Right canonical names among the mentions svodka found as persons."""
        return self.right / self.found if self.found else 1.0

    @property
    def accuracy_all(self) -> float:
        """Right canonical names among all gold mentions (a missed mention counts as wrong)."""
        return self.right / self.mentions if self.mentions else 1.0


def _entity_spans(doc: Document) -> list[tuple[int, int, str]]:
    spans = []
    for ent in doc.entities:
        if ent.type != PER:
            continue
        for m in ent.mentions:
            if m.end > m.start:
                spans.append((doc.raw_offset(m.start), doc.raw_offset(m.end - 1) + 1, ent.name))
    return spans


def score_doc(gold: dict, doc: Document, score: NameScore) -> None:
    spans = _entity_spans(doc)
    score.docs += 1
    for g in gold["mentions"]:
        score.mentions += 1
        best, name = 0, None
        for start, end, canonical in spans:
            overlap = min(end, g["end"]) - max(start, g["start"])
            if overlap > best:
                best, name = overlap, canonical
        if name is None:
            score.misses.append(NameMiss(gold["source"], g["text"], g["canonical"], None))
            continue
        score.found += 1
        if fold(name) == fold(g["canonical"]):
            score.right += 1
        else:
            score.misses.append(NameMiss(gold["source"], g["text"], g["canonical"], name))
        surname = g.get("surname") or g["canonical"].split()[-1]
        if fold(name).split()[-1:] == fold(surname).split()[-1:]:
            score.surname_right += 1


def load_gold(data_dir: Path) -> list[dict]:
    files = sorted(data_dir.glob("*.json"))
    if not files:
        raise InputError(f"{data_dir}: no *.json gold files")
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def evaluate_names(data_dir: Path, analyse: Callable[[str], Document], nerel_root: Path | None = None) -> NameScore:
    score = NameScore()
    for gold in load_gold(data_dir):
        text = nerel_text(gold["source"], nerel_root)
        score_doc(gold, analyse(text), score)
    return score


# --- A bigger, noisy tune signal: NEREL's Wikidata links (train only) ---------------------------
#
# NEREL links PERSON mentions to Wikidata.  Every mention of one linked person should come out with
# one surname across the corpus (and one canonical name inside an article); where svodka gives the
# mentions of one entity different surnames, at most one spelling is the nominative: the others are
# case forms left undeclined, wrong lemmas or split entities.  The majority is taken as right, so the
# figure is noisy (a person met twice, once wrong, is a tie) but covers thousands of mentions.


@dataclass(slots=True)
class LinkedMention:
    doc: str
    text: str
    qid: str
    label: str
    found: str | None  # svodka's canonical name


@dataclass(slots=True)
class LinkScore:
    docs: int = 0
    mentions: list[LinkedMention] = field(default_factory=list)

    def _found(self) -> list[LinkedMention]:
        return [m for m in self.mentions if m.found]

    def surname_majority(self) -> dict[str, str]:
        """Per Wikidata id, the commonest last word of svodka's names of its mentions."""
        votes: dict[str, Counter[str]] = {}
        for m in self._found():
            votes.setdefault(m.qid, Counter())[_last(m.found)] += 1
        return {q: c.most_common(1)[0][0] for q, c in votes.items() if sum(c.values()) >= 2}

    def consistent(self) -> tuple[int, int]:
        """Mentions (of persons met at least twice) whose surname is their person's majority one."""
        major = self.surname_majority()
        scored = [m for m in self._found() if m.qid in major]
        return sum(_last(m.found) == major[m.qid] for m in scored), len(scored)

    def in_article(self) -> tuple[int, int]:
        """Mentions whose entity name is the commonest one of their person in their article."""
        by_doc: dict[tuple[str, str], Counter[str]] = {}
        for m in self._found():
            by_doc.setdefault((m.doc, m.qid), Counter())[fold(m.found)] += 1
        ok = total = 0
        for m in self._found():
            names = by_doc[(m.doc, m.qid)]
            if sum(names.values()) < 2:
                continue
            total += 1
            ok += fold(m.found) == names.most_common(1)[0][0]
        return ok, total

    def label_surname(self) -> tuple[int, int]:
        """Mentions whose surname is a word of the Wikidata label, where the label is Cyrillic and
        shares the mention's first three letters (so a different transliteration is not scored)."""
        ok = total = 0
        for m in self._found():
            label = fold(m.label).replace("-", " ").split()
            if not label or not re.fullmatch(r"[а-я' -]+", " ".join(label)):
                continue
            if not any(w[:3] == lw[:3] for w in fold(m.text).split() for lw in label):
                continue
            total += 1
            ok += _last(m.found) in label
        return ok, total

    def disagreements(self) -> list[tuple[str, str, str, list[LinkedMention]]]:
        """(qid, label, majority surname, the mentions that differ), persons with most of them first."""
        major = self.surname_majority()
        out: dict[str, list[LinkedMention]] = {}
        for m in self._found():
            if m.qid in major and _last(m.found) != major[m.qid]:
                out.setdefault(m.qid, []).append(m)
        label = {m.qid: m.label for m in self.mentions}
        return sorted(((q, label[q], major[q], ms) for q, ms in out.items()), key=lambda t: -len(t[3]))


def _last(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


def nerel_person_links(ann: Path) -> list[tuple[int, int, str, str, str]]:
    """(start, end, text, Wikidata id, label) of the linked outermost PERSON mentions of a NEREL .ann."""
    spans: dict[str, tuple[int, int, str]] = {}
    links: dict[str, tuple[str, str]] = {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) == 3:
            typ, _, rest = cols[1].partition(" ")
            if typ == "PERSON" and ";" not in rest:
                a, b = rest.split()
                spans[cols[0]] = (int(a), int(b), cols[2])
        elif line.startswith("N") and len(cols) >= 2:
            _, tid, ref = cols[1].split(" ")
            if not ref.endswith("NULL"):
                links[tid] = (ref.partition(":")[2], cols[2] if len(cols) > 2 else "")
    outer = {
        t: s for t, s in spans.items()
        if not any(o != t and os_[0] <= s[0] and s[1] <= os_[1] and os_[:2] != s[:2] for o, os_ in spans.items())
    }
    return [(*outer[t], *links[t]) for t in sorted(outer, key=lambda t: outer[t][0]) if t in links]


def evaluate_links(nerel_dir: Path, analyse: Callable[[str], Document], every: int = 1) -> LinkScore:
    """Analyse every ``every``-th document of a NEREL folder and collect its linked PERSON mentions."""
    score = LinkScore()
    for txt in sorted(nerel_dir.glob("*.txt"))[::every]:
        links = nerel_person_links(txt.with_suffix(".ann"))
        if not links:
            continue
        spans = _entity_spans(analyse(txt.read_text(encoding="utf-8")))
        score.docs += 1
        for start, end, text, qid, label in links:
            best, name = 0, None
            for s, e, canonical in spans:
                overlap = min(e, end) - max(s, start)
                if overlap > best:
                    best, name = overlap, canonical
            score.mentions.append(LinkedMention(txt.stem, text, qid, label, name))
    return score
