"""Organisations named by a common noun: «правительство», «британской полиции», «парламент».

A reader knows which body «правительство» is; NEREL annotates the bare noun (with its adjectives:
«коалиционного правительства») as an ORGANIZATION.  factRuEval mostly does not (its mentions are
names; on the tune split 6 bare «правительство» are mentions and 11 are not), so these mentions get
their own kind, ``common``: the NEREL view counts them, the factRuEval export leaves them out.
Like place adjectives they are added after roles are attached.

A mention joins the document's organisation whose name begins with the same noun («правительство
Израиля» … «правительство»); otherwise it makes one.  The nouns (data/org_nouns.tsv,
scripts/build_org_nouns.py) are those NEREL train annotates alone as organisations most of the time.
"""

from __future__ import annotations

import functools
from importlib.resources import files

from ..document import LOC, ORG, Document, Entity, Mention, Token
from .extend import _DEICTIC

# «нового правительства», «бывшей полиции»: when, not which body; NEREL leaves them out of the span.
_TEMPORAL = frozenset("новый нынешний бывший прежний будущий действующий временный старый сегодняшний".split())
from .names import phrase_nominative
from .roles import professions

KIND = "common"


@functools.cache
def nouns() -> frozenset[str]:
    text = files("svodka").joinpath("data/org_nouns.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#"))


@functools.cache
def chain_heads() -> frozenset[str]:
    """Nouns opening an organisation before a name («пресс-служба МВД Киргизии»): data/org_chain_heads.tsv."""
    text = files("svodka").joinpath("data/org_chain_heads.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#"))


def _lemma(tok: Token) -> str:
    return (tok.lemma or tok.text).lower().replace("ё", "е")


def add_common_org_mentions(doc: Document, entities: list[Entity]) -> list[Entity]:
    """Adds a ``common`` mention for each such noun outside a name; returns the organisations created."""
    known = nouns()
    tokens = doc.tokens
    named, starts = _named(entities)
    by_noun: dict[str, Entity] = {}
    for ent in entities:
        if ent.type == ORG and ent.name:
            by_noun.setdefault(ent.name.split()[0].lower().replace("ё", "е"), ent)
    created: list[Entity] = []
    for i, tok in enumerate(tokens):
        if tok.start in named or _lemma(tok) not in known or not (tok.pos == "NOUN" or _sentence_start(tokens, i)):
            continue  # a capital inside a sentence («Армия обороны Израиля») is a name's, not the noun's
        if _in_a_post(tokens, i):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.sent == tok.sent and nxt.start in starts and nxt.feats.get("Case") == "Gen":
            continue  # «правительства Москвы» the institution step did not take: not a bare noun (see below)
        first = _adjectives_before(tokens, i, named)
        lemma = _lemma(tok)
        ent = by_noun.get(lemma)
        if ent is None:
            name = phrase_nominative(tokens[first:i + 1], i - first).lower()
            ent = Entity(id=f"e{len(entities) + len(created) + 1}", type=ORG, name=name)
            by_noun[lemma] = ent
            created.append(ent)
        start = tokens[first].start
        ent.mentions.append(Mention(start, tok.end, doc.text[start:tok.end], kind=KIND))
        ent.mentions.sort(key=lambda m: (m.start, m.end))
    created += _chains(doc, entities, named, len(entities) + len(created))
    return created


def _chains(doc: Document, entities: list[Entity], named: set[int], count: int) -> list[Entity]:
    """«пресс-служба МВД Киргизии», «правительство Израиля», «сборная России»: NEREL writes a noun
    of data/org_chain_heads.tsv (≥ 70 % of the time on train) and the genitive name after it as one
    organisation; the name keeps its own mention, nested."""
    heads = chain_heads()
    tokens = doc.tokens
    ends: dict[int, int] = {}
    for ent in entities:
        if ent.type in (LOC, ORG):
            for m in ent.mentions:
                if m.kind in ("name", "abbr"):
                    ends[m.start] = max(ends.get(m.start, 0), m.end)
    token_at_end = {t.end: i for i, t in enumerate(tokens)}
    created: list[Entity] = []
    by_name: dict[str, Entity] = {}
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if tok.start in named or _lemma(tok) not in heads or tok.pos != "NOUN" or not tok.text[:1].islower():
            continue
        end = ends.get(nxt.start)
        if end is None or nxt.sent != tok.sent or doc.text[tok.end:nxt.start] != " " or end not in token_at_end:
            continue
        if nxt.feats.get("Case") != "Gen" and not (nxt.text.isupper() and len(nxt.text) >= 2):
            continue
        first, last = _adjectives_before(tokens, i, named), token_at_end[end]
        name = phrase_nominative(tokens[first:last + 1], i - first)
        key = name.lower().replace("ё", "е")
        ent = by_name.get(key)
        if ent is None:
            ent = Entity(id=f"e{count + len(created) + 1}", type=ORG, name=name)
            by_name[key] = ent
            created.append(ent)
        start = tokens[first].start
        ent.mentions.append(Mention(start, end, doc.text[start:end], kind=KIND))
    return created


def _sentence_start(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].sent != tokens[i].sent


def _in_a_post(tokens: list[Token], i: int) -> bool:
    """«главы правительства», «генерал армии», «сотрудники полиции»: the noun completes a post or an
    occupation (NEREL's PROFESSION), it does not stand for the body there."""
    h = tokens[i].head
    return 0 <= h < i and tokens[i].feats.get("Case") == "Gen" and _lemma(tokens[h]) in professions()


def _adjectives_before(tokens: list[Token], i: int, named: set[int]) -> int:
    """«коалиционного правительства», «военной полиции»: agreeing adjectives that modify the noun are
    part of the organisation's description; «этого», «нашего» are not."""
    first = i
    case = tokens[i].feats.get("Case")
    j = i - 1
    while j >= 0 and tokens[j].sent == tokens[i].sent and i - j <= 3 and tokens[j].start not in named:
        t = tokens[j]
        if t.pos != "ADJ" or t.head != i or t.feats.get("Case") != case or _lemma(t) in _DEICTIC | _TEMPORAL:
            break
        first = j
        j -= 1
    return first


def _named(entities: list[Entity]) -> tuple[set[int], set[int]]:
    """Character offsets inside name mentions, and the starts of place and organisation names."""
    inside: set[int] = set()
    starts: set[int] = set()
    for ent in entities:
        for m in ent.mentions:
            if m.kind in ("name", "abbr"):
                inside.update(range(m.start, m.end))
                if ent.type in (LOC, ORG):
                    starts.add(m.start)
    return inside, starts
