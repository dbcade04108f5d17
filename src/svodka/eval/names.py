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
