"""Mentions: natasha's NER spans tied to tokens, corrected where news needs it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..document import Document, NameParts, Token
from ..nlp import RawSpan
from .gazetteer import alias_key
from .names import person_word, phrase_nominative, split_name

# A span inside «» or "" is the name of an organisation, a newspaper or a film, not a person.
_QUOTES = "«»\"„“”"
_PREPOSITIONS_OF_PLACE = frozenset({"в", "во", "на", "из", "к", "ко", "по", "до", "через", "под", "над", "около", "вокруг"})


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    toks: list[int]
    kind: str = "name"
    normal: str = ""  # the mention in the nominative
    parts: NameParts | None = None
    key: str = ""  # merge key
    cluster: int = -1
    geopolitical: bool = False  # this mention acts as a political actor (factRuEval's LocOrg)
    extra: dict = field(default_factory=dict)


def token_range(tokens: list[Token], starts: list[int], start: int, end: int) -> list[int]:
    """Indices of the tokens lying inside [start, end)."""
    i = bisect.bisect_left(starts, start)
    if i > 0 and tokens[i - 1].end > start:
        i -= 1
    out = []
    while i < len(tokens) and tokens[i].start < end:
        out.append(i)
        i += 1
    return out


def head_of(tokens: list[Token], idx: list[int]) -> int:
    """Position (in ``idx``) of the phrase's syntactic head: the token whose head lies outside."""
    inside = set(idx)
    for pos, i in enumerate(idx):
        if tokens[i].head not in inside:
            if tokens[i].pos in ("NOUN", "PROPN") or len(idx) == 1:
                return pos
    for pos, i in enumerate(idx):
        if tokens[i].pos in ("NOUN", "PROPN"):
            return pos
    return 0


def candidates(doc: Document, spans: list[RawSpan]) -> list[Candidate]:
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    out: list[Candidate] = []
    for span in spans:
        idx = token_range(tokens, starts, span.start, span.end)
        idx = _trim(tokens, idx)
        if not idx:
            continue
        cand = Candidate(tokens[idx[0]].start, tokens[idx[-1]].end, span.type, idx)
        if not _plausible(doc, tokens, cand):
            continue
        normalise(doc, cand)
        out.append(cand)
    return out


def _trim(tokens: list[Token], idx: list[int]) -> list[int]:
    while idx and not tokens[idx[-1]].text[:1].isalnum() and tokens[idx[-1]].text not in _QUOTES:
        idx = idx[:-1]
    while idx and not tokens[idx[0]].text[:1].isalnum() and tokens[idx[0]].text not in _QUOTES:
        idx = idx[1:]
    return idx


def _plausible(doc: Document, tokens: list[Token], cand: Candidate) -> bool:
    words = [tokens[i] for i in cand.toks if tokens[i].text[:1].isalpha()]
    if not words:
        return False
    if cand.type == "PER":
        # A person's name has a capitalised word, and is not inside quotes («Газпром», "Иван Грозный" the film).
        if not any(t.text[:1].isupper() for t in words):
            return False
    return True


def normalise(doc: Document, cand: Candidate) -> None:
    tokens = doc.tokens
    toks = [tokens[i] for i in cand.toks]
    if cand.type == "PER":
        words = [person_word(t) for t in toks if t.text[:1].isalpha()]
        cand.parts = split_name(words)
        cand.normal = " ".join(words)
        cand.key = (cand.parts.last or cand.parts.first or cand.normal).lower().replace("ё", "е")
        return
    head = head_of(tokens, cand.toks)
    cand.normal = phrase_nominative(toks, head)
    cand.key = alias_key(cand.normal)


def mark_geopolitical(doc: Document, cand: Candidate) -> None:
    """A place acts as a political actor unless it is where something happens («в России»)."""
    first = cand.toks[0]
    prev = doc.tokens[first - 1] if first > 0 else None
    if prev is not None and prev.sent == doc.tokens[first].sent and prev.text.lower() in _PREPOSITIONS_OF_PLACE:
        cand.geopolitical = False
    else:
        cand.geopolitical = True
