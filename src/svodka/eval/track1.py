"""Track 1: typed name mentions, scored by token overlap (README §3).

Identical gold token sets («siblings») are resolved with the whole document's
matching also in the per-type rows; the official scorer looks only at the
pairs of the row's type there, so a per-type row can differ from it by a
sibling in rare documents (the overall row is the same).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gold import CONTAINERS, GoldDoc, GoldToken
from .match import Outcome, match

TAGS = ("per", "loc", "org", "locorg")
# Span tags whose tokens a response must cover («name» spans); other tokens of a gold mention are optional.
NAME_SPANS = {"per": {"name", "surname", "patronymic", "nickname"}, "org": {"org_name", "loc_name"},
              "loc": {"org_name", "loc_name"}, "locorg": {"org_name", "loc_name"}}


@dataclass(eq=False, slots=True)
class TokenSet:
    tag: str
    tokens: frozenset[GoldToken]
    id: str = ""
    weights: dict[GoldToken, int] = field(default_factory=dict)
    embedded: bool = False
    siblings: list[int] = field(default_factory=list)  # indices of identical container-type gold sets
    start: int = 0  # response: the line's interval, for reports
    length: int = 0

    @property
    def unnamed(self) -> bool:
        return not any(self.weights.values())


def gold_sets(doc: GoldDoc, fold_locorg: bool = False) -> list[TokenSet]:
    """Gold mentions as token sets, in the official search order (tag, then id as a string)."""
    sets = []
    for m in doc.mentions:
        tag = "loc" if fold_locorg and m.tag == "locorg" else m.tag
        if tag not in TAGS:
            continue
        weights: dict[GoldToken, int] = {}
        for span in m.spans:
            for tok in span.tokens:
                weights[tok] = max(weights.get(tok, 0), int(span.tag in NAME_SPANS[tag]))
        sets.append(TokenSet(tag, frozenset(weights), m.id, weights))
    order = {t: i for i, t in enumerate(TAGS)}
    sets.sort(key=lambda s: (order[s.tag], s.id))
    for i, s in enumerate(sets):
        for k, o in enumerate(sets):
            if k == i or o.tag not in CONTAINERS[s.tag]:
                continue
            if s.tokens < o.tokens:
                s.embedded = True
            elif s.tokens == o.tokens:
                s.siblings.append(k)
    return sets


def parse_response(data: str) -> list[tuple[str, int, int]]:
    """``tag start length`` lines; a bad line rejects the file (ValueError)."""
    out = []
    for no, line in enumerate(data.splitlines(), 1):
        parts = line.split(" ")
        if not line:
            continue
        if len(parts) != 3 or parts[0].lower() not in TAGS:
            raise ValueError(f"line {no}: expected 'per|org|loc|locorg START LENGTH', got {line!r}")
        out.append((parts[0].lower(), int(parts[1]), int(parts[2])))
    return out


def response_sets(doc: GoldDoc, lines: list[tuple[str, int, int]], fold_locorg: bool = False) -> list[TokenSet]:
    """Each line → the gold tokens inside it, minus glued punctuation; search order by tag, then line."""
    out = []
    for tag, start, length in lines:
        end = start + length - 1
        toks = frozenset(t for t in doc.tokens if t.start >= start and t.end <= end and not t.ignored)
        out.append(TokenSet("loc" if fold_locorg and tag == "locorg" else tag, toks, start=start, length=length))
    order = {t: i for i, t in enumerate(TAGS)}
    return sorted(out, key=lambda s: order[s.tag])


class Track1Scoring:
    def __init__(self, std: list[TokenSet]):
        self.std = std
        self._index = {id(s): i for i, s in enumerate(std)}

    def priority(self, s: TokenSet, t: TokenSet) -> float:
        inter = len(s.tokens & t.tokens)
        return inter / len(s.tokens | t.tokens) if inter else 0.0

    def quality(self, s: TokenSet, t: TokenSet) -> float:
        tp = sum(s.weights[x] for x in s.tokens & t.tokens)
        fn = sum(s.weights[x] for x in s.tokens - t.tokens if not x.is_punct)
        fp = len(t.tokens - s.tokens)
        total = tp + fn + fp
        return tp / total if total else self.priority(s, t)

    def ignored(self, s: TokenSet, matched: set[int]) -> bool:
        if s.unnamed or s.embedded:
            return True
        if not s.siblings:
            return False
        me = self._index[id(s)]
        k = s.siblings[0]
        sib = self.std[k]
        if (me in matched) != (k in matched):
            return me not in matched
        # Both or neither matched: keep the org one; of two of one tag, keep the first.
        if sib.tag == s.tag:
            return k < me
        return s.tag != "org"


def score(doc: GoldDoc, lines: list[tuple[str, int, int]], fold_locorg: bool = False) -> Outcome:
    std = gold_sets(doc, fold_locorg)
    test = response_sets(doc, lines, fold_locorg)
    scoring = Track1Scoring(std)
    tags = [t for t in TAGS if not (fold_locorg and t == "locorg")]
    return match(std, test, scoring, tags, links=lambda i: std[i].siblings)


def gold_response(doc: GoldDoc) -> str:
    """The gold mentions as a response: each from its first span start to its last span end."""
    lines = []
    for m in doc.mentions:
        if m.tag in TAGS:
            lines.append(f"{m.tag} {m.start} {m.end - m.start}")
    return "\n".join(lines) + ("\n" if lines else "")
