"""Who a description, a pronoun or an unnamed source stands for: checks used by the quotes layer's
speaker resolution (quotes._finish) and its cue filter (quotes._reported_cues)."""

from __future__ import annotations

import re
from itertools import islice

from ..document import Entity, Quote
from .cues import Cue
from .index import DocIndex
from .lexicon import ANONYMOUS_ADJECTIVES, ANONYMOUS_NOUNS, DOCUMENT_NOUNS, MEDIA_NOUNS
from .speakers import ORG_VOICES

_POSSESSIVES = frozenset({"его", "её", "ее", "их", "свой"})
_VOICE_OF_ONE = frozenset({"пресс-секретарь", "пресс-атташе", "спикер"})
_NAMED_AHEAD = 400  # characters after a possessed description searched for its name («адвокат Небойша Влаич»)

_PERSONS_BACK = 100  # person mentions searched back for a subject mention
_PRONOUNS = {"он": "Masc", "она": "Fem", "его": "Masc", "её": "Fem", "ее": "Fem"}
_CONTRAST = re.compile(r",\s*(?:но|а|однако)\s*,?\s*$")


def outlets_interlocutor(idx: DocIndex, cue: Cue | None) -> bool:
    """«сообщил РИА Новости представитель Мосгоризбиркома. "…", — сказал собеседник агентства»: an
    unnamed source of an outlet named only by its kind («собеседник агентства», «источник издания», no
    place or adjective of its own) is the one who has just spoken to that outlet, not someone new."""
    if cue is None or cue.agent is None or idx.tokens[cue.agent].lemma not in ANONYMOUS_NOUNS:
        return False
    kids = idx.children[cue.agent]
    if any(idx.tokens[c].rel in ("amod", "appos") or idx.tokens[c].lemma in ANONYMOUS_ADJECTIVES for c in kids):
        return False
    nmods = [c for c in kids if idx.tokens[c].rel == "nmod"]
    return len(nmods) == 1 and idx.tokens[nmods[0]].lemma in MEDIA_NOUNS and not idx.children[nmods[0]]


def contrasted(idx: DocIndex, cues: list[Cue], cue: Cue) -> bool:
    """«Адвокат признал, что клиент был на месте, но, по его словам, убийство совершили друзья»: a source
    phrase after «, но» / «, а» inside an earlier clause starts a statement of its own; the earlier clause
    ends at the connective."""
    if not cues or not (cue.kind == "source" or (cue.kind == "verb" and cue.agent is not None)):
        return False  # «…, однако патологоанатом также добавил, что …» ends the earlier clause too
    prev = cues[-1]
    if prev.clause is None or not prev.clause[0] < cue.start < prev.clause[1]:
        return False
    m = _CONTRAST.search(idx.doc.text, prev.clause[0], cue.start)
    if m is None:
        return False
    prev.clause = (prev.clause[0], m.start())
    return True


def voice_of_unnamed(idx: DocIndex, cue: Cue) -> bool:
    """«Представитель полицейского управления Вашингтона заявил»: the voice of an organisation the entity
    layer did not name speaks for nobody named, not for the article's protagonist."""
    assert cue.agent is not None
    return idx.tokens[cue.agent].lemma in ORG_VOICES and any(idx.tokens[c].rel == "nmod" for c in idx.children[cue.agent])


def named_subject(idx: DocIndex, ent: Entity, since: int, before: int, said: list[tuple[int, int]]) -> bool:
    """``ent`` is mentioned in the nominative between ``since`` and ``before`` (outside quotations)."""
    for ref in islice(idx.persons_before(before), _PERSONS_BACK):
        if ref.start < since:
            break
        if ref.entity is ent and not idx.inside(ref.start, said) and any(
            idx.tokens[j].feats.get("Case") == "Nom" for j in idx.tokens_in(ref.start, ref.end)
        ):
            return True
    return False




def described_owner(idx: DocIndex, noun: int) -> bool:
    """«адвокат футболиста», «врач певицы»: a description said of another person, described, not named."""
    for c in idx.children[noun]:
        t = idx.tokens[c]
        if (t.rel == "nmod" and t.pos == "NOUN" and t.feats.get("Animacy") == "Anim" and t.feats.get("Case") == "Gen"
                and idx.entity_of.get(c) is None and not any(idx.tokens[g].rel == "case" for g in idx.children[c])):
            return True  # not «кандидат в президенты»
    return False


def antecedent(idx: DocIndex, rel: int) -> int | None:
    """The noun a relative clause hangs on, for its «который»."""
    verb = idx.tokens[rel].head
    if verb is None or verb < 0 or idx.tokens[verb].rel != "acl:relcl":
        return rel
    noun = idx.tokens[verb].head
    return noun if noun is not None and noun >= 0 and idx.tokens[noun].pos in ("NOUN", "PROPN") else rel


def same_sentence_pronoun(idx: DocIndex, cue: Cue, prev: Quote) -> bool:
    """A source phrase with a pronoun («по его словам») in the sentence of the previous quote's cue."""
    if cue.kind != "source" or cue.agent is None or prev.cue is None or prev.cue.start >= cue.start:
        return False
    tok = idx.tokens[cue.agent]
    if tok.lemma not in _PRONOUNS or tok.feats.get("Number") == "Plur":
        return False
    i = idx.token_at(prev.cue.start)
    return i is not None and idx.tokens[i].sent == tok.sent




def of_something(idx: DocIndex, cue: Cue) -> bool:
    """«Согласно материалам дела»: a document of something named (an nmod), not the statement just quoted."""
    if cue.kind != "source":
        return False
    span = idx.tokens_in(cue.start, cue.end)
    return any(idx.tokens[i].rel == "nmod" and idx.tokens[i].head in span and idx.tokens[idx.tokens[i].head].lemma in DOCUMENT_NOUNS
               for i in span)


def possessed(idx: DocIndex, noun: int) -> bool:
    """«Об этом сообщил его адвокат»: a description owned by a pronoun is someone of that person's, not
    the person (a representative or press secretary speaks for them, rule 8, and is left out)."""
    tok = idx.tokens[noun]
    if tok.lemma in ORG_VOICES or tok.lemma in _VOICE_OF_ONE:
        return False
    return any(idx.tokens[c].text.lower() in _POSSESSIVES and idx.tokens[c].rel in ("det", "nmod:poss", "nmod")
               for c in idx.children[noun])


def named_ahead(idx: DocIndex, noun: int, said: list[tuple[int, int]]) -> Entity | None:
    """The person the same noun introduces by name further on («его адвокат» … «адвокат Небойша Влаич»)."""
    tok = idx.tokens[noun]
    lo = idx.first_token_from(tok.end)
    for j in range(lo, len(idx.tokens)):
        t = idx.tokens[j]
        if t.start > tok.end + _NAMED_AHEAD:
            break
        if t.lemma == tok.lemma and j + 1 < len(idx.tokens) and not idx.inside(t.start, said):
            ent = idx.name_of.get(j + 1)
            if ent is not None and ent.type == "PER":
                return ent
    return None
