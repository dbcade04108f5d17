"""Keyword gates for the time grammar: which families cannot match a text at all.

Every family of grammar.py is one regex, and Python's engine tries each of them at every
position of the text (they start with a look-behind, so it has no first-character short cut).
Most families need some literal words: «век» or «столети» for a century, a month's stem for a
month, «через» or «назад» … for a shift.  A text with none of a family's words cannot hold a
match of it, and the family is skipped for that text: the matches found are the very same.

The words are read off the compiled grammar itself (``re._parser``'s tree), never typed by
hand, so they follow every change to the grammar:

* a run of literal characters in a sequence is one word;
* a sequence needs every one of its parts (an AND of clauses);
* an alternation needs one of its alternatives: the strongest clause of each, joined (an OR);
* a repeat needs its item only if it repeats at least once; an optional part needs nothing;
* a positive look-around needs its content in the text (around the match, but in the text);
* negative look-arounds, character classes with categories (``\\w``, ``\\d``), ``.``, anchors
  and back-references need nothing.

Each requirement is weaker than the regex itself, so a gate that says "no" is always right.
tests/test_times_gates.py checks that the candidates on real texts are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import re._constants as _c  # the parser of the standard library's own regex compiler (Python 3.11+)
import re._parser as _p

Clause = frozenset[str]  # at least one of these strings occurs in the text

MAX_CLAUSES = 2  # the strongest clauses kept per family: each costs a scan of the text
MAX_CLASS = 12  # a character class of more letters than this is taken as no requirement
MIN_WORD = 2  # clauses with a shorter string are dropped: one letter occurs in every text


@dataclass(frozen=True, slots=True)
class Gate:
    """A family's requirement: every clause has one of its words in the (lower-cased) text."""

    clauses: tuple[tuple[str, ...], ...]  # each clause's words, shortest (most often met) first

    def open(self, text: str) -> bool:
        # ``in`` costs less than one regex of the clause's words (measured: 0.11 against 0.22 ms/doc)
        return all(any(word in text for word in clause) for clause in self.clauses)


def _strength(clause: Clause) -> tuple[int, int]:
    """Longer shortest word first, then fewer words: the clause least likely to be met."""
    return (min(map(len, clause)), -len(clause))


def _best(clauses: list[Clause]) -> Clause | None:
    return max(clauses, key=_strength) if clauses else None


def _needs(items: list, flags: int) -> list[Clause]:
    """The clauses a sequence of parsed regex items needs (an empty list: nothing)."""
    out: list[Clause] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        out.extend(_item(op, av, flags))
    flush()
    return out


def _item(op, av, flags: int) -> list[Clause]:
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return []
        return _needs(list(sub), flags)
    if op is _c.ATOMIC_GROUP:
        return _needs(list(av), flags)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _needs(list(sub), flags) if low >= 1 else []
    if op is _c.BRANCH:
        _, alternatives = av
        joined: set[str] = set()
        for alt in alternatives:
            best = _best(_needs(list(alt), flags))
            if best is None:
                return []  # an alternative that needs nothing: the alternation needs nothing
            joined |= best
        return [frozenset(joined)]
    if op is _c.ASSERT:  # a positive look-ahead or look-behind: its content is in the text
        _direction, sub = av
        return _needs(list(sub), flags)
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < MAX_CLASS:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # a category, a negation or a wide range
                return []
        return [frozenset(chars)] if 0 < len(chars) <= MAX_CLASS else []
    return []  # ASSERT_NOT, AT, ANY, NOT_LITERAL, CATEGORY, GROUPREF…: nothing required


def clauses_of(pattern: re.Pattern[str]) -> tuple[Clause, ...]:
    """The strongest clauses (at most MAX_CLAUSES) that every match of ``pattern`` needs."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return ()
    found = [c for c in _needs(list(_p.parse(pattern.pattern, pattern.flags)), pattern.flags)
             if min(map(len, c)) >= MIN_WORD]
    unique = sorted(set(found), key=_strength, reverse=True)
    return tuple(unique[:MAX_CLAUSES])


def gate_of(pattern: re.Pattern[str]) -> Gate | None:
    """The family's gate, None when the grammar needs no word of two letters or more."""
    clauses = clauses_of(pattern)
    if not clauses:
        return None
    return Gate(tuple(tuple(sorted(c, key=lambda w: (len(w), w))) for c in clauses))
