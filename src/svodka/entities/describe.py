"""Descriptions standing apart from any name, and the person each points back to.

Two ways, the second a weaker guess than the first:

- ``resolve``: a post phrase («президента России», «глава МИД») goes to a person whose known posts it
  fits, or (for posts of a state) to the most salient person with no post contradicting it;
- ``nearby_holder``: a lone occupation («Певец скончался», «тело 50-летнего актёра», «спортсменка
  живёт в Калифорнии») goes to the person named last before it, when that person is the one the text
  is about (named at least MIN_MENTIONS times), nobody else is named in the window, and the word is one
  NEREL train mostly links to a named person.  Such roles carry ``source="nearby"``; a guessed post
  held somewhere («министр», «глава компании») makes no Occupation fact (facts/occupation.py).

Why the thresholds: on NEREL train, a lone occupation names the person named last before it in about
80 % of the gold WORKS_AS that svodka missed (scripts of issue #12), but once every lone occupation is
given so, only about half of them are right: most of the others are a new, unnamed person («министр
юстиции Австрии», «водитель автобуса»).  Salience, a lone candidate and a word that is usually a named
person's occupation bring the share right to about three in four (measured on train only).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Entity, Token
from .gazetteer import alias_key
from .ner import Candidate
from .roles import GENERIC, RESOLVABLE, RolePhrase, fits, linked_share


@dataclass(slots=True)
class PersonInfo:
    """What we know of a person while reading: its roles' classes and countries."""

    entity: Entity
    mentions: list[int] = field(default_factory=list)  # token offsets where named
    posts: list[tuple[str, str | None, bool]] = field(default_factory=list)  # (class, country key, direct)
    words: list[frozenset[str]] = field(default_factory=list)  # content lemmas of each role phrase


def phrase_words(ph: RolePhrase, tokens: list[Token]) -> frozenset[str]:
    return frozenset(t.lemma for t in tokens[ph.first : ph.last + 1] if t.pos in ("NOUN", "ADJ", "PROPN"))


def resolve(
    ph: RolePhrase, org: tuple[str | None, str | None], of_state: bool, persons: dict[str, PersonInfo], tokens: list[Token]
) -> PersonInfo | None:
    """The person a description points back to: one whose known posts fit it, else the most salient
    person with no post that contradicts it, named before the description.  The second guess is
    made only for posts of a state («президент России», «американский дипломат»): a state has one
    president, an organisation has many heads of many departments («глава Отдела»)."""
    at = tokens[ph.first].start
    country = alias_key(org[1]) if org[1] else None
    words = phrase_words(ph, tokens)
    best, best_score = None, 0.0
    for info in persons.values():
        before = [m for m in info.mentions if m < at]
        if not before:
            continue
        fit = _fit(ph.cls, country, info)
        if fit < 0:
            continue
        if fit == 0 and not of_state:
            continue  # «министр» alone, «глава Отдела», and nobody known to be one: too vague to guess
        # Two ministers named: «министра финансов» is the one whose post said «министр финансов».
        same_words = fit > 0 and len(words) > 1 and any(words <= w for w in info.words)
        score = fit * 10 + 5 * same_words + len(info.mentions) + 1.0 / (1 + (at - max(before)) / 500)
        if score > best_score:
            best, best_score = info, score
    return best


def _fit(cls: str, country: str | None, info: PersonInfo) -> int:
    """2: a known post fits; 0: nothing known; -1: a known post contradicts.  Kinds of person
    («лидер», «дипломат») are no posts to fit or contradict."""
    posts = [p for p in info.posts if p[0] not in GENERIC]
    if not posts:
        return 0
    for pcls, pcountry, _ in posts:
        if fits(cls, pcls) and (country is None or pcountry is None or country == pcountry):
            return 2
    return -1


WINDOW = 2  # sentences before the description's own in which the person must be named
MIN_MENTIONS = 3  # name mentions of the person in the document: the one the text is about
SHARE = 0.5  # of the word's NEREL train PROFESSION spans, the share linked to a named person


def nearby_holder(ph: RolePhrase, tokens: list[Token], name_at: dict[int, Candidate],
                  mentions: dict[str, int], entity_of: dict[int, Entity]) -> Candidate | None:
    """The person a lone occupation is said of (see the module's doc), or None.  ``mentions`` counts
    the name mentions of each person entity.  A post of a state or organisation, or a phrase with
    its own dependents («министр юстиции Австрии»), more often names someone new: for those the
    person must be the only one named in the window."""
    head = tokens[ph.head]
    if head.feats.get("Number") == "Plur" or linked_share(head.lemma) < SHARE:
        return None
    feminine = head.feats.get("Gender") == "Fem"
    found: Candidate | None = None
    others: set[str] = set()
    k = ph.first - 1
    while k >= 0 and tokens[k].sent >= head.sent - WINDOW:
        cand = name_at.get(k)
        if cand is not None:
            ent = entity_of[id(cand)]
            gender = next((tokens[i].feats.get("Gender") for i in cand.toks if tokens[i].feats.get("Gender")), None)
            if found is None and (not feminine or gender in ("Fem", None)):
                found = cand  # «спортсменка» is a woman; a masculine noun may name either
            elif found is None or ent is not entity_of[id(found)]:
                others.add(ent.id)
            k = cand.toks[0]
        k -= 1
    if found is None or mentions.get(entity_of[id(found)].id, 0) < MIN_MENTIONS:
        return None
    strict = ph.last > ph.head or ph.cls in RESOLVABLE
    return None if len(others) > (0 if strict else 1) else found
