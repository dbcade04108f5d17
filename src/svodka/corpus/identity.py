"""Who a mention is: name classes, and the decision that gives each class its identity key.

Linking works on *name classes*, not on mentions: every document entity falls in
one class (a person's surname, first name, patronymic and posts; a place's or an
organisation's name key), and every mention of a class links alike.  Persons of
one surname form a *block* whose classes are decided together by ``decide``: a
pure function of the block's classes and their sizes, so the store can run it
again on just the blocks a new document touches (incremental linking) or on all
of them (``svodka relink``) and get the same identities either way.

``decide`` is the one place a better linker plugs in (see issue 17: linking by
the article's evidence): it gets the whole block and returns a key per class;
the storage around it does not change.

The rule today: a full name (first + last) is an identity, spelling variants of
a first name under one surname (Беньямин / Биньямин) going to the most frequent
spelling; a bare surname («Керри») joins the one full-name person with that
surname whose posts agree.  Namesakes stay apart: two bare «Иванов» with
different posts are two entities, and a surname matching several full names
joins none of them.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from .names import name_key, person_name, posts

Key = tuple  # an identity key: ("PER", last, first), ("PER", last, None, post), ("PER", None, first), (type, name key)


@dataclass(frozen=True, slots=True)
class NameClass:
    type: str
    block: str  # classes decided together: "PER:<surname>", else the class's own key
    first: str | None = None
    middle: str | None = None
    last: str | None = None
    posts: tuple[str, ...] = ()
    key: Key | None = None  # fixed when no decision is needed (no surname, or not a person)

    @property
    def full(self) -> bool:
        return bool(self.first and self.last)

    @property
    def id(self) -> str:
        sig = (self.type, self.first, self.middle, self.last, self.posts, self.key)
        return hashlib.sha1(repr(sig).encode()).hexdigest()

    def to_data(self) -> dict[str, Any]:
        return {"first": self.first, "middle": self.middle, "last": self.last, "posts": list(self.posts),
                "key": list(self.key) if self.key is not None else None}

    @classmethod
    def from_row(cls, type_: str, block: str, data: dict[str, Any]) -> NameClass:
        key = tuple(data["key"]) if data.get("key") is not None else None
        return cls(type_, block, data.get("first"), data.get("middle"), data.get("last"), tuple(data.get("posts") or ()), key)


def member_class(type_: str, name: str, data: dict[str, Any]) -> NameClass:
    """The class of one document entity (its type, canonical name and stored JSON)."""
    if type_ != "PER":
        key = (type_, name_key(name))
        return NameClass(type_, repr(key), key=key)
    p = person_name({**data, "name": name})
    ps = tuple(sorted(posts(data)))
    if p.last:
        return NameClass("PER", f"PER:{p.last}", p.first, p.middle, p.last, ps)
    key = ("PER", None, p.first or name.lower())
    return NameClass("PER", repr(key), p.first, p.middle, None, ps, key=key)


def variant_keys(type_: str, data: dict[str, Any]) -> list[Key]:
    """Keys a place or organisation also goes by (its in-article variants): they join its identity."""
    if type_ == "PER":
        return []
    return [(type_, name_key(v)) for v in data.get("variants") or []]


def entity_id(key: Key) -> str:
    return f"{key[0].lower()}-" + hashlib.sha1(repr(key).encode()).hexdigest()[:12]


# -- the decision for one surname block -----------------------------------------------------------


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up above ``limit`` (ten lines: no dependency for it)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def spelling_variant(a: str, b: str) -> bool:
    """Two transliterations of one first name («Сейдзи»/«Сэйдзи», «Беньямин»/«Биньямин»)."""
    shorter = min(len(a), len(b))
    if a[0] != b[0] or shorter < 5:  # short names differ by one letter too often (Юлия, Юрий)
        return False
    return _edits(a, b, 2) <= (2 if shorter >= 8 else 1)


def canonical_firsts(counts: Counter[str]) -> dict[str, str]:
    """Each first name of one surname → its spelling that is most frequent among its variants."""
    canon: dict[str, str] = {}
    chosen: list[str] = []
    for first in sorted(counts, key=lambda f: (-counts[f], f)):
        canon[first] = next((c for c in chosen if spelling_variant(first, c)), first)
        if canon[first] == first:
            chosen.append(first)
    return canon


def decide(block: list[tuple[NameClass, int]]) -> dict[str, Key]:
    """Class id → identity key for every class of one block ((class, mentions) pairs)."""
    fixed = {c.id: c.key for c, _ in block if c.key is not None}
    people = [(c, n) for c, n in block if c.key is None]
    if not people:
        return fixed
    firsts: Counter[str] = Counter()
    for c, n in people:
        if c.full:
            firsts[c.first] += n  # type: ignore[index]
    canon = canonical_firsts(firsts)
    full_posts: dict[Key, set[str]] = defaultdict(set)
    bare_posts: set[str] = set()
    for c, _ in people:
        if c.full:
            full_posts[("PER", c.last, canon[c.first])] |= set(c.posts)  # type: ignore[index]
        elif c.posts:
            bare_posts.add(c.posts[0])
    keys: dict[str, Key] = {}
    for c, _ in people:
        if c.full:
            keys[c.id] = ("PER", c.last, canon[c.first])  # type: ignore[index]
            continue
        agree = [k for k, ps in full_posts.items() if set(c.posts) & ps]
        if len(agree) == 1:  # the same post: the same person
            keys[c.id] = agree[0]
        # Without a shared post, a bare surname joins the only full name it could be, unless bare
        # namesakes with different posts exist: they cannot all be him, so none joins.
        elif not agree and len(full_posts) == 1 and (not c.posts or len(bare_posts) <= 1):
            keys[c.id] = next(iter(full_posts))
        else:
            keys[c.id] = ("PER", c.last, None, c.posts[0] if c.posts else "")
    # A bare surname without a post joins the surname's only post-bearing group.
    post_groups = {k for k in keys.values() if len(k) == 4 and k[3]}
    if len(post_groups) == 1:
        only = next(iter(post_groups))
        keys = {cid: only if len(k) == 4 and not k[3] else k for cid, k in keys.items()}
    return {**fixed, **keys}
