"""Lookups over one Document that every quote rule needs: tokens by offset, children, entities by token.

Every look-up is a bisection or a dictionary access (O(log n) or O(1)), built
once in O(n log n): the quote rules run once per quote mark or speech word,
and a look-up that scanned the document would make them quadratic.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..document import PER, Document, Entity, Token

_SUBTREE_NODES = 200  # a cue's phrase is never that long; the bound keeps a flat parse of a huge sentence cheap


@dataclass(slots=True)
class MentionRef:
    start: int
    end: int
    entity: Entity
    kind: str


class Paragraphs(list[tuple[int, int]]):
    """The document's paragraphs as sorted (start, end) pairs, with bisection look-ups."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        super().__init__(spans)
        self.starts = [s for s, _ in spans]

    def number(self, offset: int, closed: bool = True) -> int | None:
        """Index of the paragraph holding ``offset`` (its end counted in when ``closed``), else None."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and (offset <= self[k][1] if closed else offset < self[k][1]):
            return k
        return None

    def after(self, offset: int) -> tuple[int, int] | None:
        """The first paragraph starting after ``offset``."""
        k = bisect.bisect_right(self.starts, offset)
        return self[k] if k < len(self) else None


@dataclass(slots=True)
class DocIndex:
    doc: Document
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)  # token ends, sorted as tokens do not overlap
    children: list[list[int]] = field(default_factory=list)
    entity_of: dict[int, Entity] = field(default_factory=dict)  # token index -> entity whose mention covers it
    name_of: dict[int, Entity] = field(default_factory=dict)  # the same, counting proper-name mentions only
    mentions: list[MentionRef] = field(default_factory=list)  # sorted by start
    mention_starts: list[int] = field(default_factory=list)
    persons: list[MentionRef] = field(default_factory=list)  # person mentions, sorted by start
    person_starts: list[int] = field(default_factory=list)
    by_id: dict[str, Entity] = field(default_factory=dict)
    by_name: dict[str, Entity] = field(default_factory=dict)  # lower-cased name -> first entity mentioned so
    by_mention: dict[str, Entity] = field(default_factory=dict)  # lower-cased mention text -> first entity
    newlines: list[int] = field(default_factory=list)  # offsets of "\n" in the text
    breaks: list[int] = field(default_factory=list)  # offsets of a space after «.», «!», «?» or «…»
    genders: dict[str, str | None] = field(default_factory=dict)  # cache of speakers.person_gender
    voices: list[int] | None = None  # speakers._voice: tokens of «представитель», «пресс-служба» … (lazily)

    @classmethod
    def build(cls, doc: Document) -> DocIndex:
        idx = cls(doc)
        idx.starts = [t.start for t in doc.tokens]
        idx.ends = [t.end for t in doc.tokens]
        idx.newlines = [m.start() for m in re.finditer("\n", doc.text)]
        idx.breaks = [m.start() + 1 for m in re.finditer("[.!?…] ", doc.text)]
        idx.children = [[] for _ in doc.tokens]
        for i, tok in enumerate(doc.tokens):
            if tok.head >= 0:
                idx.children[tok.head].append(i)
        for ent in doc.entities:
            for m in ent.mentions:
                idx.mentions.append(MentionRef(m.start, m.end, ent, m.kind))
        idx.mentions.sort(key=lambda m: (m.start, -m.end))
        idx.mention_starts = [m.start for m in idx.mentions]
        # By (start, end): read backwards, the longer of two mentions starting together comes first.
        idx.persons = sorted((m for m in idx.mentions if m.entity.type == PER), key=lambda m: (m.start, m.end))
        idx.person_starts = [m.start for m in idx.persons]
        idx.by_id = {ent.id: ent for ent in doc.entities}
        for ref in idx.mentions:
            if ref.entity.type != "LOC":
                idx.by_name.setdefault(ref.entity.name.lower(), ref.entity)
                idx.by_mention.setdefault(doc.text[ref.start:ref.end].lower(), ref.entity)
        # Longer (outer) mentions first so that a name inside a descriptor does not win:
        # «глава МИД России Сергей Лавров» covers «России» too.
        for ref in sorted(idx.mentions, key=lambda m: m.start - m.end):
            for i in idx.tokens_in(ref.start, ref.end):
                idx.entity_of.setdefault(i, ref.entity)
        # Among names a person's wins: «Следственного комитета … Владимир Маркин» tagged as one
        # organisation still has Маркин's own name inside it.
        for ref in sorted(idx.mentions, key=lambda m: (m.entity.type != PER, m.start - m.end)):
            if ref.kind != "descriptor":
                for i in idx.tokens_in(ref.start, ref.end):
                    idx.name_of.setdefault(i, ref.entity)
        return idx

    @property
    def tokens(self) -> list[Token]:
        return self.doc.tokens

    def token_at(self, offset: int) -> int | None:
        """Index of the token that starts at or covers ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return i
        return None

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of tokens lying inside [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.ends, end)
        return range(lo, max(lo, hi))

    def first_token_from(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def persons_before(self, offset: int) -> Iterator[MentionRef]:
        """Person mentions ending before ``offset``, nearest (latest start) first, lazily."""
        for k in range(bisect.bisect_left(self.person_starts, offset) - 1, -1, -1):
            if self.persons[k].end <= offset:
                yield self.persons[k]

    def entity_in(self, start: int, end: int, types: tuple[str, ...]) -> Entity | None:
        """The first entity of one of ``types`` mentioned inside [start, end)."""
        lo, hi = bisect.bisect_left(self.mention_starts, start), bisect.bisect_left(self.mention_starts, end)
        for etype in types:
            for ref in self.mentions[lo:hi]:
                if ref.end <= end and ref.entity.type == etype:
                    return ref.entity
        return None

    def entity_named(self, text: str) -> Entity | None:
        """A person or organisation whose name (or a mention) is exactly ``text``: «Виктор Понедельник: …»."""
        key = text.strip(" :—–-").lower()
        if not key:
            return None
        return self.by_name.get(key) or self.by_mention.get(key)

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.by_id.get(entity_id) if entity_id is not None else None

    def inside(self, offset: int, spans: list[tuple[int, int]]) -> bool:
        """Whether ``offset`` lies in one of ``spans`` (sorted, not overlapping)."""
        k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
        return k >= 0 and spans[k][0] <= offset < spans[k][1]

    def line_start(self, lo: int, at: int) -> int:
        """Start of the line holding ``at``, not before ``lo`` (str.rfind without the scan)."""
        k = bisect.bisect_left(self.newlines, at) - 1
        return self.newlines[k] + 1 if k >= 0 and self.newlines[k] >= lo else lo

    def last_break(self, lo: int, at: int) -> int:
        """The last sentence break strictly between ``lo`` and ``at``, else ``lo``."""
        k = bisect.bisect_left(self.breaks, at) - 1
        return self.breaks[k] if k >= 0 and self.breaks[k] > lo else lo

    def line_end(self, at: int, hi: int) -> int:
        """The first newline at or after ``at`` before ``hi``, else ``hi``."""
        k = bisect.bisect_left(self.newlines, at)
        return self.newlines[k] if k < len(self.newlines) and self.newlines[k] < hi else hi

    def subtree(self, i: int, limit: tuple[int, int] | None = None) -> tuple[int, int]:
        """Character span of token ``i`` with all its dependents (kept inside token range ``limit``)."""
        lo = hi = i
        stack, seen = [i], {i}
        while stack and len(seen) < _SUBTREE_NODES:
            j = stack.pop()
            if limit and not (limit[0] <= j < limit[1]):
                continue
            lo, hi = min(lo, j), max(hi, j)
            fresh = [c for c in self.children[j] if c not in seen]  # a faulty parse may loop
            seen.update(fresh)
            stack.extend(fresh)
        return self.tokens[lo].start, self.tokens[hi].end
