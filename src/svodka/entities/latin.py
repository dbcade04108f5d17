"""Names written in the Latin script inside Russian text: «Reuters», «Amazon», «The Beatles».

natasha's Russian model leaves most of them out.  On NEREL v1.1 train a run of capitalised Latin
words that is an annotated span of a scored type is an ORGANIZATION 607 times and a PERSON 171
times, but the runs natasha misses are often works, products or nothing (of 298 such runs 98 were
an ORGANIZATION, 62 a WORK_OF_ART, 46 a PRODUCT, 49 no span).  So a run becomes an ORG candidate
only when it is a name NEREL train annotates as an organisation most of the time
(data/latin_orgs.tsv, scripts/build_latin_orgs.py) or follows an organisation's kind
(«агентство Reuters»); never inside a Latin phrase («Liebe ist für alle da»), an address or a
hyphenated word.  A bracketed Latin name after a mention spells that mention out
(«концерн «Фольксваген» (Volkswagen)»): it joins it, or is left out after a person.
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

from ..document import Document, Token
from .gazetteer import alias_key
from .ner import ORG_KINDS, Candidate

_LAT = "A-Za-zÀ-ÖØ-öø-ÿ"
_WORD = re.compile(rf"[A-ZÀ-ÖØ-Þ][{_LAT}0-9’'!&.-]*[{_LAT}0-9!]|[A-Z]")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")
_SMALL = re.compile(rf"[a-zß-öø-ÿ][{_LAT}’'-]*")
# A name glued to these is part of an address or markup: «pravo.gov.ru/Document/View», «File:».
_OPEN = frozenset("«\"'„“(")
_CLOSE = frozenset("»\"'“”)")
_MARKUP = frozenset("/\\:|_=@#")
# Lower-case words inside a Latin name: «Dolce & Gabbana», «Colegio de Registradores».
_JOINERS = frozenset("& of de del y and".split())
_ARTICLES = frozenset("The El La Los Las Le Les Der Die Das".split())


def _capital(tok: Token) -> bool:
    return bool(_WORD.fullmatch(tok.text))


def _glued(doc: Document, a: Token, b: Token) -> bool:
    """Two tokens of one name: in one sentence, one space apart (or touching, «Wham!»)."""
    return a.sent == b.sent and doc.text[a.end:b.start] in ("", " ")


def latin_runs(doc: Document) -> list[list[int]]:
    """Token index runs of capitalised Latin words (with «&», «of», «de» between two of them)."""
    tokens = doc.tokens
    runs: list[list[int]] = []
    i = 0
    while i < len(tokens):
        if not _capital(tokens[i]):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(tokens) and _glued(doc, tokens[j - 1], tokens[j]):
            if _capital(tokens[j]):
                run.append(j)
            elif tokens[j].text in _JOINERS and j + 1 < len(tokens) and _capital(tokens[j + 1]) and _glued(
                doc, tokens[j], tokens[j + 1]
            ):
                run += [j, j + 1]
                j += 1
            else:
                break
            j += 1
        runs.append(run)
        i = j
    return runs


def latin_candidates(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """ORG candidates for Latin-script names no other candidate touches."""
    tokens = doc.tokens
    taken = {i for c in cands for i in c.toks}
    out: list[Candidate] = []
    for run in latin_runs(doc):
        if any(i in taken for i in run):
            continue
        words = [tokens[i].text for i in run]
        text = " ".join(words)
        if not _LOWER.search(text) or (len(words) == 1 and words[0] in _ARTICLES):
            continue  # «GM», «IV»: abbreviations and numerals are natasha's to find
        if text not in known_orgs() and not _after_a_kind(tokens, run):
            continue
        if _in_a_phrase(doc, run):
            continue
        prev = tokens[run[0] - 1] if run[0] > 0 else None
        if prev is not None and prev.sent == tokens[run[0]].sent and doc.text[prev.end:tokens[run[0]].start] == "-":
            continue  # «YouTube-блогер» is one word
        glossed = _glossed(tokens, run, cands)
        if glossed is not None and glossed.type == "PER":
            continue  # «Аллан Диксон (Allan Dixon)»: the person's name in its own script
        start, end = tokens[run[0]].start, tokens[run[-1]].end
        # «концерн «Фольксваген» (Volkswagen)»: the same organisation (factRuEval's coreference says so)
        cand = Candidate(start, end, glossed.type if glossed else "ORG", list(run))
        cand.alias_of = glossed
        cand.normal = doc.text[start:end]
        cand.key = alias_key(cand.normal)
        out.append(cand)
    return out


@functools.cache
def known_orgs() -> frozenset[str]:
    """data/latin_orgs.tsv (scripts/build_latin_orgs.py, from NEREL train)."""
    text = files("svodka").joinpath("data/latin_orgs.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#"))


def _after_a_kind(tokens: list[Token], run: list[int]) -> bool:
    """«агентство Reuters», «группа „Linkin Park“»: an organisation's kind right before the name."""
    j = run[0] - 1
    if j >= 0 and tokens[j].text in _OPEN:
        j -= 1
    if j < 0 or tokens[j].sent != tokens[run[0]].sent:
        return False
    lemma = (tokens[j].lemma or "").lower()
    return lemma in ORG_KINDS


def _in_a_phrase(doc: Document, run: list[int]) -> bool:
    """A lower-case Latin word beside the run makes it part of a title or a sentence («Liebe ist für
    alle da», «Blowin' in the Wind»); a slash or a colon glued to it, part of an address."""
    tokens = doc.tokens
    first, last = run[0], run[-1]
    if first > 0 and _glued(doc, tokens[first - 1], tokens[first]) and _SMALL.fullmatch(tokens[first - 1].text):
        return True
    if last + 1 < len(tokens) and _glued(doc, tokens[last], tokens[last + 1]) and _SMALL.fullmatch(tokens[last + 1].text):
        return True
    before = doc.text[tokens[first].start - 1] if tokens[first].start > 0 else " "
    after = doc.text[tokens[last].end] if tokens[last].end < len(doc.text) else " "
    return before in _MARKUP or after in _MARKUP


def _glossed(tokens: list[Token], run: list[int], cands: list[Candidate]) -> Candidate | None:
    """The mention a bracketed Latin name spells out: «Нью-Ингленд Пэтриотс (New England Patriots)»,
    «мост через реку Тарнак (Tarnak)», «Гутерреш (порт. António Guterres)»."""
    j = run[0] - 1
    if j >= 1 and tokens[j].text == "." and tokens[j - 1].text.islower() and len(tokens[j - 1].text) <= 5:
        j -= 2  # «(порт.», «(англ.»
    if j < 1 or tokens[j].text != "(" or run[-1] + 1 >= len(tokens) or tokens[run[-1] + 1].text not in ");":
        return None
    ends = {j - 1, j - 2} if tokens[j - 1].text in _CLOSE else {j - 1}
    return next((c for c in cands if c.toks[-1] in ends), None)
