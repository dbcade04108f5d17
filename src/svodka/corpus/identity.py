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

import functools
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..entities.variants import variant_key
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
    # the article's evidence (article_classes): for a bare surname, the first names the article gives
    # full names of that surname; "name" for a lone first name completed by the article's full name
    article: tuple[str, ...] = ()

    @property
    def full(self) -> bool:
        return bool(self.first and self.last)

    @property
    def id(self) -> str:
        sig = (self.type, self.first, self.middle, self.last, self.posts, self.key)
        if self.article:
            sig += (self.article,)
        return hashlib.sha1(repr(sig).encode()).hexdigest()

    def to_data(self) -> dict[str, Any]:
        return {"first": self.first, "middle": self.middle, "last": self.last, "posts": list(self.posts),
                "key": list(self.key) if self.key is not None else None, "article": list(self.article)}

    @classmethod
    def from_row(cls, type_: str, block: str, data: dict[str, Any]) -> NameClass:
        key = tuple(data["key"]) if data.get("key") is not None else None
        return cls(type_, block, data.get("first"), data.get("middle"), data.get("last"), tuple(data.get("posts") or ()), key,
                   tuple(data.get("article") or ()))


def member_class(type_: str, name: str, data: dict[str, Any]) -> NameClass:
    """The class of one document entity (its type, canonical name and stored JSON)."""
    if type_ != "PER":
        key = (type_, name_key(name))
        return NameClass(type_, repr(key), key=key)
    p = person_name({**data, "name": name})
    ps = tuple(sorted(posts(data)))
    if p.last:  # spelling variants of a surname (Коннелл / Коннель) decide together
        return NameClass("PER", f"PER:{variant_key(p.last)}", p.first, p.middle, p.last, ps)
    key = ("PER", None, p.first or name.lower())
    return NameClass("PER", repr(key), p.first, p.middle, None, ps, key=key)


def article_classes(members: list[Any]) -> None:
    """Give the classes of one chunk's person mentions the evidence of their own article (in place).

    The entity layer joins «Юлия» or «Скрипаль» to «Юлия Скрипаль» in one article, but not always
    (a lone surname taken for a first name, a name repeated after a long gap).  The article is the
    best evidence of who they are: a lone first name the article gives one full name with becomes
    that full name; a bare surname gets the first names of the article's full names of that surname,
    so the linker picks among them rather than among the whole corpus's namesakes.  Members are
    any objects with ``doc_id``, ``type``, ``data`` and ``cls`` (stats.Member)."""
    by_doc: dict[Any, list[Any]] = defaultdict(list)
    for m in members:
        if m.type == "PER" and m.cls is not None:
            by_doc[m.doc_id].append(m)
    for ms in by_doc.values():
        fulls = [m.cls for m in ms if m.cls.full and len(m.cls.first) > 1]
        if not fulls:
            continue
        for m in ms:
            c = m.cls
            if c.full:
                continue
            if c.last:
                firsts = sorted({f.first for f in fulls if f.block == c.block})
                if firsts:
                    m.cls = NameClass("PER", c.block, c.first, c.middle, c.last, c.posts, None, tuple(firsts))
            elif c.first and len(c.first) > 1:
                lasts = sorted({f.last for f in fulls if f.first == c.first})
                if len(lasts) == 1:
                    m.cls = NameClass("PER", f"PER:{variant_key(lasts[0])}", c.first, c.middle, lasts[0], c.posts,
                                      None, ("name",))
                elif not lasts and (family := _main_family(ms)) is not None:
                    m.cls = NameClass("PER", family.block, c.first, c.middle, family.last, c.posts, None, KIN)


_REGNAL = re.compile(r"[ivxlc]+")  # «Елизавета II»: a regnal number is no family
KIN = ("kin",)  # the article evidence of a lone first name beside the article's main family (see _main_family)


def _main_family(ms: list[Any]) -> NameClass | None:
    """The surname the article is most about (its persons of that surname, full or bare, outnumber every
    other surname's): a lone first name there («Юлия» in an article on Сергей Скрипаль) may be one of
    that family.  ``decide`` joins it only to a full name of that first name and surname the corpus has."""
    blocks: Counter[str] = Counter()
    named: dict[str, NameClass] = {}
    for m in ms:
        c = m.cls
        if c.last and c.article != KIN and not _REGNAL.fullmatch(c.last):
            blocks[c.block] += len(m.data.get("mentions") or ()) or 1  # the article's mentions of the family
            if c.full and len(c.first) > 1:
                named.setdefault(c.block, c)
    top = blocks.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]) or top[0][0] not in named:
        return None
    return named[top[0][0]]


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


@functools.lru_cache(maxsize=1 << 18)  # a store has a few thousand first names; blocks compare them pairwise
def same_first(a: str, b: str) -> bool:
    """Two spellings of one first name: one variant key (Гельмут / Хельмут) or a near transliteration."""
    return variant_key(a) == variant_key(b) or spelling_variant(a, b)


def canonical_firsts(counts: Counter[str]) -> dict[str, str]:
    """Each first name of one surname → its spelling that is most frequent among its variants."""
    canon: dict[str, str] = {}
    chosen: list[str] = []
    for first in sorted(counts, key=lambda f: (-counts[f], f)):
        canon[first] = next((c for c in chosen if same_first(first, c)), first)
        if canon[first] == first:
            chosen.append(first)
    return canon


def canonical_lasts(counts: Counter[str]) -> dict[str, str]:
    """Each surname spelling of a block → the most frequent spelling of its variant key (Коннель → Коннелл)."""
    best: dict[str, str] = {}
    for last in sorted(counts, key=lambda f: (-counts[f], f)):
        best.setdefault(variant_key(last), last)
    return {last: best[variant_key(last)] for last in counts}


DOMINANT = 0.75  # share of a surname's full-name mentions that makes one person the likely bearer
DOMINANT_MIN = 3  # … with at least this many mentions (one article is no prior)


def _dominant(cands: list[Key], weight: Counter[Key]) -> Key | None:
    """The candidate who carries most of the surname: a bare «Обама» in an article without a first
    name is Барак, not Мишель, when the corpus names Барак four times as often."""
    if len(cands) <= 1:
        return cands[0] if cands else None
    total = sum(weight[k] for k in cands)
    top = max(cands, key=lambda k: (weight[k], k))
    if total and weight[top] >= DOMINANT_MIN and weight[top] >= DOMINANT * total:
        return top
    return None


def decide(block: list[tuple[NameClass, int]]) -> dict[str, Key]:
    """Class id → identity key for every class of one block ((class, mentions) pairs)."""
    return {cid: key for cid, (key, _) in explain(block).items()}


def explain(block: list[tuple[NameClass, int]]) -> dict[str, tuple[Key, str]]:
    """Class id → (identity key, why) for every class of one block: ``decide`` with its reasons,
    which `svodka person NAME --why` prints."""
    out: dict[str, tuple[Key, str]] = {c.id: (c.key, "not a person with a surname: its name is its key")
                                       for c, _ in block if c.key is not None}
    kin = [c for c, _ in block if c.key is None and c.article == KIN]
    people = [(c, n) for c, n in block if c.key is None and c.article != KIN]
    if not people:
        return {**out, **{c.id: (("PER", None, c.first), "lone first name: no full name of its family") for c in kin}}
    lasts: Counter[str] = Counter()
    for c, n in people:
        lasts[c.last] += n  # type: ignore[index]
    last_of = canonical_lasts(lasts)
    firsts: Counter[str] = Counter()
    for c, n in people:
        if c.full and len(c.first) > 1:  # type: ignore[arg-type]
            firsts[c.first] += n  # type: ignore[index]
    canon = canonical_firsts(firsts)
    full_posts: dict[Key, set[str]] = defaultdict(set)
    weight: Counter[Key] = Counter()
    middles: dict[Key, set[str]] = defaultdict(set)
    bare_posts: set[str] = set()
    for c, n in people:
        if c.full and len(c.first) > 1:  # type: ignore[arg-type]
            k = ("PER", last_of[c.last], canon[c.first])  # type: ignore[index]
            full_posts[k] |= set(c.posts)
            weight[k] += n
            if c.middle:
                middles[k].add(c.middle[0])
        elif not c.full and c.posts:
            bare_posts.add(c.posts[0])
    fulls = sorted(full_posts)
    keys: dict[str, tuple[Key, str]] = {}
    for c, _ in people:
        last = last_of[c.last]  # type: ignore[index]
        spelled = "" if last == c.last else f" (spelling «{c.last}» of «{last}»)"
        if c.full and len(c.first) > 1:  # type: ignore[arg-type]
            k = ("PER", last, canon[c.first])  # type: ignore[index]
            why = ("first name completed by the article's full name" if c.article else "full name") + spelled + (
                "" if k[2] == c.first else f", «{c.first}» spelled as «{k[2]}»")
            keys[c.id] = (k, why)
            continue
        if c.full:  # an initial («В. В. Путин»): the full names it abbreviates
            cands = [k for k in fulls if k[2].startswith(c.first) and  # type: ignore[union-attr]
                     (not c.middle or not middles[k] or c.middle[0] in middles[k])]
            top = _dominant(cands, weight)
            if top is not None:
                keys[c.id] = (top, f"initial «{c.first}.» of the {'only' if len(cands) == 1 else 'most named'} "
                                   f"«{top[2]} {last}»" + spelled)
            else:
                keys[c.id] = (("PER", last, c.first), f"initial «{c.first}.» fits {len(cands)} full names: kept apart")
            continue
        if c.article:  # the article names full names of this surname: one of them, the most named
            named = {canon.get(f, f) for f in c.article}
            cands = [k for k in fulls if k[2] in named]
            top = _dominant(cands, weight) if len(cands) > 1 else (cands[0] if cands else None)
            if top is not None:
                keys[c.id] = (top, f"surname{spelled}: the article names «{top[2]} {last}»"
                                   + ("" if len(cands) == 1 else f" and {len(cands) - 1} namesakes; the most named"))
                continue
        agree = [k for k in fulls if set(c.posts) & full_posts[k]]
        if agree:  # the same post: the same person
            top = _dominant(agree, weight)
            if top is not None:
                keys[c.id] = (top, f"surname{spelled} with the post «{sorted(set(c.posts) & full_posts[top])[0]}» "
                                   f"of «{top[2]} {last}»")
                continue
        # Without a shared post, a bare surname goes to the full name that carries the surname, unless
        # bare namesakes with different posts exist: they may not all be him.
        elif fulls and (not c.posts or len(bare_posts) <= 1):
            top = _dominant(fulls, weight)
            if top is not None:
                share = "the only full name" if len(fulls) == 1 else (
                    f"the most named of {len(fulls)} full names ({weight[top]} of {sum(weight.values())} mentions)")
                keys[c.id] = (top, f"surname{spelled}: {share} «{top[2]} {last}»")
                continue
        post = c.posts[0] if c.posts else ""
        if not fulls:
            why = f"surname{spelled} without a full name in the corpus"
        elif not agree and c.posts and len(bare_posts) > 1:
            why = f"surname{spelled}: bare namesakes with {len(bare_posts)} different posts, no post shared: kept apart"
        else:
            why = f"surname{spelled}: {len(agree or fulls)} full names fit, none most named: kept apart"
        keys[c.id] = (("PER", last, None, post), why + (f" (post «{post}»)" if post else ""))
    for c in kin:  # a lone first name beside the article's main family: that family's member of the name
        k = ("PER", last_of.get(c.last, c.last), canon.get(c.first, c.first))  # type: ignore[arg-type]
        keys[c.id] = (k, f"lone first name beside the article's «{k[1]}»: the corpus's full name «{k[2]} {k[1]}»") \
            if k in full_posts else (("PER", None, c.first), f"lone first name beside the article's «{k[1]}»: "
                                                             f"no full name «{c.first} {k[1]}» in the corpus")
    # A bare surname without a post joins the surname's only post-bearing group.
    post_groups = {k for k, _ in keys.values() if len(k) == 4 and k[3]}
    if len(post_groups) == 1:
        only = next(iter(post_groups))
        keys = {cid: (only, why + f"; joins the surname's only post group «{only[3]}»") if len(k) == 4 and not k[3]
                else (k, why) for cid, (k, why) in keys.items()}
    return {**out, **keys}
