"""Lookups over one Document that every quote rule needs: tokens by offset, children, entities by token."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..document import PER, Document, Entity, Token


@dataclass(slots=True)
class MentionRef:
    start: int
    end: int
    entity: Entity
    kind: str


@dataclass(slots=True)
class DocIndex:
    doc: Document
    starts: list[int] = field(default_factory=list)
    children: list[list[int]] = field(default_factory=list)
    entity_of: dict[int, Entity] = field(default_factory=dict)  # token index -> entity whose mention covers it
    name_of: dict[int, Entity] = field(default_factory=dict)  # the same, counting proper-name mentions only
    mentions: list[MentionRef] = field(default_factory=list)  # sorted by start

    @classmethod
    def build(cls, doc: Document) -> DocIndex:
        idx = cls(doc)
        idx.starts = [t.start for t in doc.tokens]
        idx.children = [[] for _ in doc.tokens]
        for i, tok in enumerate(doc.tokens):
            if tok.head >= 0:
                idx.children[tok.head].append(i)
        for ent in doc.entities:
            for m in ent.mentions:
                idx.mentions.append(MentionRef(m.start, m.end, ent, m.kind))
        idx.mentions.sort(key=lambda m: (m.start, -m.end))
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
        hi = lo
        while hi < len(self.tokens) and self.tokens[hi].end <= end:
            hi += 1
        return range(lo, hi)

    def first_token_from(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def persons_before(self, offset: int) -> list[MentionRef]:
        """Person mentions ending before ``offset``, nearest first."""
        found = [m for m in self.mentions if m.end <= offset and m.entity.type == PER]
        return sorted(found, key=lambda m: -m.start)

    def entity_in(self, start: int, end: int, types: tuple[str, ...]) -> Entity | None:
        """The first entity of one of ``types`` mentioned inside [start, end)."""
        for etype in types:
            for ref in self.mentions:
                if ref.start >= start and ref.end <= end and ref.entity.type == etype:
                    return ref.entity
        return None

    def entity_named(self, text: str) -> Entity | None:
        """A person or organisation whose name (or a mention) is exactly ``text``: «Виктор Понедельник: …»."""
        key = text.strip(" :—–-").lower()
        if not key:
            return None
        for ref in self.mentions:
            if ref.entity.type != "LOC" and key == ref.entity.name.lower():
                return ref.entity
        for ref in self.mentions:
            if ref.entity.type != "LOC" and self.doc.text[ref.start:ref.end].lower() == key:
                return ref.entity
        return None

    def subtree(self, i: int, limit: tuple[int, int] | None = None) -> tuple[int, int]:
        """Character span of token ``i`` with all its dependents (kept inside token range ``limit``)."""
        lo = hi = i
        stack, seen = [i], {i}
        while stack:
            j = stack.pop()
            if limit and not (limit[0] <= j < limit[1]):
                continue
            lo, hi = min(lo, j), max(hi, j)
            fresh = [c for c in self.children[j] if c not in seen]  # a faulty parse may loop
            seen.update(fresh)
            stack.extend(fresh)
        return self.tokens[lo].start, self.tokens[hi].end
