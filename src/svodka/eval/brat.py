"""A reader for brat standoff (``ID.txt`` + ``ID.ann``), as NEREL ships it.

Only the layers the NEREL evaluator scores are read: ``T`` entities (with their
fragments), ``R`` relations and ``N`` Wikidata references.  Offsets are Python
string offsets into the ``.txt``, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class BratError(ValueError):
    """A ``.ann`` line that cannot be read, or an offset outside the text."""


@dataclass(slots=True)
class BratEntity:
    id: str
    type: str
    fragments: list[tuple[int, int]]
    text: str

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)


@dataclass(slots=True)
class BratRelation:
    id: str
    type: str
    arg1: str
    arg2: str


@dataclass(slots=True)
class BratDoc:
    name: str
    text: str
    entities: dict[str, BratEntity] = field(default_factory=dict)
    relations: list[BratRelation] = field(default_factory=list)
    links: dict[str, tuple[str, str]] = field(default_factory=dict)  # entity id → (Wikidata id, its name)


def doc_names(data_dir: Path) -> list[str]:
    """Documents that have both files, in name order."""
    return sorted(p.stem for p in data_dir.glob("*.ann") if p.with_suffix(".txt").exists())


def load(data_dir: Path, name: str) -> BratDoc:
    text = (data_dir / f"{name}.txt").read_text(encoding="utf-8")
    ann = (data_dir / f"{name}.ann").read_text(encoding="utf-8")
    return parse(name, text, ann)


def parse(name: str, text: str, ann: str) -> BratDoc:
    doc = BratDoc(name, text)
    for number, line in enumerate(ann.splitlines(), 1):
        if not line.strip() or line[0] not in "TRN":
            continue  # events, attributes, notes: not scored
        cols = line.rstrip("\n").split("\t")
        try:
            if line[0] == "T":
                kind, _, spans = cols[1].partition(" ")
                frags = [tuple(map(int, f.split())) for f in spans.split(";")]
                if any(len(f) != 2 or not 0 <= f[0] <= f[1] <= len(text) for f in frags):
                    raise BratError(f"offsets {spans!r} outside a text of {len(text)} characters")
                doc.entities[cols[0]] = BratEntity(cols[0], kind, frags, cols[2] if len(cols) > 2 else "")
            elif line[0] == "R":
                kind, a1, a2 = cols[1].split()[:3]
                doc.relations.append(BratRelation(cols[0], kind, a1.partition(":")[2], a2.partition(":")[2]))
            else:
                _, target, ref = cols[1].split()[:3]
                qid = ref.partition(":")[2]
                if qid and qid != "NULL":
                    doc.links[target] = (qid, cols[2].strip() if len(cols) > 2 else "")
        except (IndexError, ValueError) as exc:
            raise BratError(f"{name}.ann line {number}: {exc}: {line!r}") from None
    return doc
