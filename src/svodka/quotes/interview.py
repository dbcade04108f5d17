"""Interviews printed as «Имя: ответ» paragraphs: each answer is direct speech of the named side."""

from __future__ import annotations

import re

from .cues import Cue
from .direct import Draft
from .index import DocIndex

_TURN = re.compile(r"([А-ЯЁA-Z][\w.\-]*(?: [А-ЯЁA-Z][\w.\-]*){0,3}): +(\S)")
_MIN_TURNS = 2  # one «Москва: …» paragraph is a dateline, not an interview


def find_interview(idx: DocIndex, paragraphs: list[tuple[int, int]]) -> list[Draft]:
    text = idx.doc.text
    turns = []
    for start, end in paragraphs:
        m = _TURN.match(text, start, end)
        if m and text[m.start(2)] not in "«„“\"":
            turns.append((m, end))
    if len({m.group(1) for m, _ in turns}) < _MIN_TURNS:
        return []
    drafts = []
    for m, end in turns:
        tokens = idx.tokens_in(m.start(1), m.end(1))
        agent = next((i for i in tokens if i in idx.entity_of), None)
        cue = Cue(m.start(1), m.end(1), None, agent, "turn")
        drafts.append(Draft(m.start(2), end, "direct", cue))
    return drafts
