"""Names natasha gets wrong in known ways: Latin glosses of organisations and the abbreviations
they introduce; named vehicles; media named after a place («Голос Америки», «Эхо Москвы»).

News gives a foreign organisation's own name in brackets after the Russian one: «Международная
амнистия (Amnesty International)», «Комитет защиты журналистов (КЗЖ) (Committee to Protect
Journalists)», «World Fashion Channel (WFC)».  natasha tags the Russian name and leaves the
Latin one; it is a mention of the same organisation.  An abbreviation introduced that way is
the organisation wherever else it stands («угроза над WFC нависла»).
"""

from __future__ import annotations

import re

from ..document import Document, Token
from .gazetteer import alias_key
from .ner import _QUOTES, Candidate, closing_bracket

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.'’\-]*|[0-9]+|&|-|of|the|and|de|la|du")
_ABBREVIATION = re.compile(r"[A-ZА-ЯЁ]{2,6}")
_MAX_WORDS = 6


def gloss_candidates(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """Alias mentions for Latin names in brackets right after an organisation, and every other
    stand-alone occurrence of an abbreviation so introduced."""
    tokens = doc.tokens
    taken = {i for c in cands for i in c.toks}
    out: list[Candidate] = []
    abbreviations: dict[str, Candidate] = {}
    for c in cands:  # «Комитет защиты журналистов (КЗЖ)»: natasha's own glosses introduce some
        if c.alias_of is not None and c.alias_of.type == "ORG" and _ABBREVIATION.fullmatch(c.normal):
            abbreviations.setdefault(c.normal, c.alias_of)
    for cand in cands:
        if cand.type != "ORG" or cand.alias_of is not None:
            continue
        j = cand.toks[-1] + 1
        group = _bracketed(tokens, j)
        if group and all(i in taken for i in group):  # «(КЗЖ)» found already: look behind it
            group = _bracketed(tokens, group[-1] + 2)
        if not group or any(i in taken for i in group) or not _latin_name(tokens, group):
            continue
        gloss = Candidate(tokens[group[0]].start, tokens[group[-1]].end, "ORG", group, alias_of=cand)
        gloss.normal = doc.text[gloss.start : gloss.end]
        gloss.key = alias_key(gloss.normal)
        out.append(gloss)
        taken.update(group)
        if _ABBREVIATION.fullmatch(gloss.normal):
            abbreviations.setdefault(gloss.normal, cand)
    for i, tok in enumerate(tokens):
        main = abbreviations.get(tok.text)
        if main is None or i in taken:
            continue
        mention = Candidate(tok.start, tok.end, "ORG", [i], alias_of=main)
        mention.normal = tok.text
        mention.key = alias_key(tok.text)
        out.append(mention)
    return out


def _bracketed(tokens: list[Token], j: int) -> list[int]:
    """Token indices inside «( … )» opening at j, in one sentence; [] if there is none."""
    k = closing_bracket(tokens, j, _MAX_WORDS)
    return list(range(j + 1, k)) if k is not None else []


def _latin_name(tokens: list[Token], group: list[int]) -> bool:
    words = [tokens[i].text for i in group]
    return bool(words) and words[0][:1].isupper() and words[0].isascii() and all(_LATIN_WORD.fullmatch(w) for w in words)


# Vehicles, stations and instruments go by names too («шаттл «Дискавери»», «станция «Мир»»,
# «телескоп Хаббл»); natasha calls them organisations.  They are things, not actors.
VEHICLES = frozenset(
    """шаттл челнок корабль космоплан станция телескоп спутник ракета ракета-носитель самолет самолёт
    судно яхта крейсер лайнер ледокол подлодка субмарина модуль аппарат марсоход луноход зонд
    вертолет вертолёт авианосец эсминец фрегат танкер паром""".split()
)


def drop_vehicles(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """The candidates without named vehicles: a name right after a vehicle noun, or joined by «и» or
    a comma to one that is («шаттлы «Индевор» и «Атлантис»»), and that name anywhere else in the
    text («после «Дискавери»»)."""
    tokens = doc.tokens
    names: set[str] = set()
    last: Candidate | None = None  # the last vehicle named
    for cand in sorted(cands, key=lambda c: c.start):
        if cand.type == "PER":
            continue
        j = cand.toks[0] - 1
        while j >= 0 and tokens[j].text in _QUOTES:
            j -= 1
        after_vehicle = j >= 0 and tokens[j].lemma in VEHICLES and tokens[j].sent == tokens[cand.toks[0]].sent
        if after_vehicle and _owner(tokens, cand, j):
            after_vehicle = False
        listed = last is not None and j >= 0 and tokens[j].text in ("и", ",") and _only_asides(tokens, last.toks[-1] + 1, j)
        if after_vehicle or listed:
            names.add(cand.key)
            last = cand
    return [c for c in cands if c.type == "PER" or c.key not in names]


def _owner(tokens: list[Token], cand: Candidate, vehicle: int) -> bool:
    """«самолёт «Аэрофлота»»: a genitive after the noun is whose it is; a name in apposition keeps
    the nominative («на станции «Мир»») or the noun's own case."""
    words = [i for i in cand.toks if tokens[i].text[:1].isalnum()]
    case = tokens[words[-1]].feats.get("Case") if words else None
    return case == "Gen" and tokens[vehicle].feats.get("Case") != "Gen"


def _only_asides(tokens: list[Token], start: int, end: int) -> bool:
    """Tokens start…end-1 are quotes and bracketed asides only («» (в конце апреля 2011 г.)»)."""
    depth = 0
    for tok in tokens[start:end]:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif depth == 0 and tok.text not in _QUOTES:
            return False
    return start <= end and depth == 0


# Media whose name holds a place: natasha tags the place alone («Голос [Америки]»).  Lemma pairs.
MEDIA_WITH_PLACES = {
    ("голос", "америка"): "Голос Америки",
    ("эхо", "москва"): "Эхо Москвы",
    ("вести", "москва"): "Вести-Москва",
    ("радио", "свобода"): "Радио Свобода",
    ("русь", "сидящая"): "Русь сидящая",
}


def media_candidates(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """ORG mentions for media named after a place; the place mention inside them goes."""
    tokens = doc.tokens
    out: list[Candidate] = []
    for i in range(len(tokens) - 1):
        first, second = tokens[i], tokens[i + 1]
        name = MEDIA_WITH_PLACES.get((first.lemma, second.lemma))
        if name is None or not first.text[:1].isupper() or first.sent != second.sent:
            continue
        for c in [c for c in cands if c.toks[0] >= i and c.toks[-1] <= i + 1]:
            cands.remove(c)
        cand = Candidate(first.start, second.end, "ORG", [i, i + 1])
        cand.normal = name
        cand.key = alias_key(name)
        out.append(cand)
    return out
