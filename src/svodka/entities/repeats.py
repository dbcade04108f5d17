"""Names natasha missed: surnames on a second reading, places the dictionary knows.

natasha tags «Веселин Топалов» in the lead and then misses the bare «Топалов» in a results list
(«• Топалов — Нисипяну 1:0»), after a bullet, or at the start of a paragraph.  A capitalised word
that is the surname of a person fully named in the same text is that person.
"""

from __future__ import annotations

import functools

from ..document import Document
from .merge import same_word
from .names import person_word
from .ner import Candidate, normalise


def repeated_surnames(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    tokens = doc.tokens
    taken = {i for c in cands for i in c.toks}
    full = [
        c
        for c in cands
        if c.type == "PER" and c.parts and c.parts.first and c.parts.last and " " not in c.parts.last and len(c.parts.last) >= 4
    ]
    surnames = {c.parts.last.lower() for c in full}
    firsts = {c.parts.first.lower() for c in full if " " not in c.parts.first}
    if not surnames:
        return []
    out = []
    for i, tok in enumerate(tokens):
        if i in taken or not tok.text[:1].isupper() or not tok.text.replace("-", "").isalpha():
            continue
        if tok.pos not in ("PROPN", "NOUN", "X"):
            continue
        word = person_word(tok).lower()
        if word in surnames or any(same_word(word, s) for s in surnames):
            if out and out[-1].toks[-1] == i - 1 and tokens[i - 1].sent == tok.sent:
                out[-1].toks.append(i)  # «Виктор Понедельник»: one name
                out[-1].end = tok.end
            elif _first_name_before(tokens, i, taken, firsts):
                # «Дневник Анны Франк» where natasha missed the name: the first name goes with it
                out.append(Candidate(tokens[i - 1].start, tok.end, "PER", [i - 1, i]))
            else:
                out.append(Candidate(tok.start, tok.end, "PER", [i]))
    for cand in out:
        normalise(doc, cand)
    return out


def surnames_as_places(doc: Document, cands: list[Candidate]) -> None:
    """«перевода его в Гаагский трибунал Младич перешёл…», «между Махамой и Акуфо-Аддо»: natasha
    types a lone surname as a place or a body where the text has fully named the person; the
    word is that person (not a place the gazetteer or the dictionary knows as such)."""
    from .gazetteer import fixed_type

    tokens = doc.tokens
    surnames = {
        c.parts.last.lower()
        for c in cands
        if c.type == "PER" and c.parts and c.parts.first and c.parts.last and " " not in c.parts.last and len(c.parts.last) >= 4
    }
    if not surnames:
        return
    for cand in cands:
        if cand.type not in ("LOC", "ORG") or len(cand.toks) != 1 or cand.alias_of is not None:
            continue
        tok = tokens[cand.toks[0]]
        if tok.pos not in ("PROPN", "NOUN", "X") or tok.text.lower().endswith(("ская", "ской", "ских", "скую", "ский")):
            continue  # «герцогини Кембриджской», «в Болгарской»: a title's or a church's adjective
        if not tok.text[:1].isupper() or tok.text.isupper() or fixed_type(cand.normal) or _only_a_place(tok.text.lower()):
            continue
        word = person_word(tok).lower()
        if word in surnames or any(same_word(word, s) for s in surnames):
            cand.type = "PER"
            normalise(doc, cand)


def _first_name_before(tokens, i: int, taken: set[int], firsts: set[str]) -> bool:
    """The word before token i is the first name of a person fully named in the text."""
    if i == 0 or i - 1 in taken or tokens[i - 1].sent != tokens[i].sent:
        return False
    prev = tokens[i - 1]
    return prev.text[:1].isupper() and prev.text.isalpha() and person_word(prev).lower() in firsts


def missed_places(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """Capitalised words the dictionary knows only as places (Geox), that natasha left untagged
    («чемпионом Европы»).  Not at a sentence start, where capitals say nothing."""
    tokens = doc.tokens
    taken = {i for c in cands for i in c.toks}
    out = []
    for i, tok in enumerate(tokens):
        if i in taken or not tok.text[:1].isupper() or not tok.text.isalpha() or len(tok.text) < 3:
            continue
        if i == 0 or tokens[i - 1].sent != tok.sent or tok.pos not in ("PROPN", "NOUN"):
            continue
        if tokens[i - 1].text in "«\"„“":  # «Славута», «Колумбии»: a quoted name is a car or a shuttle
            continue
        if _only_a_place(tok.text.lower()):
            cand = Candidate(tok.start, tok.end, "LOC", [i])
            normalise(doc, cand)
            out.append(cand)
    return out


@functools.lru_cache(maxsize=50_000)
def _only_a_place(word: str) -> bool:
    from ..models import morph_analyzer

    parses = [p for p in morph_analyzer().parse(word) if p.is_known]
    return bool(parses) and all("Geox" in p.tag for p in parses)
