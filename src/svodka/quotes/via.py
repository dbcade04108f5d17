"""Relayed speech: the agency or outlet through which words reach us.

«приводит слова президента России … ИТАР-ТАСС» → speaker Путин, via ИТАР-ТАСС;
«— сказал Путин, передает ИТАР-ТАСС»; «сказал в интервью «Голосу Америки»».
"""

from __future__ import annotations

from ..document import ORG, Entity
from .cues import Cue
from .index import DocIndex
from .lexicon import RELAY_VERBS

# Nouns after which an outlet is the channel, not the speaker: «в интервью РИА Новости».
_CHANNEL_NOUNS = frozenset({"интервью", "беседа", "корреспондент", "агентство", "эфир", "издание", "журналист"})
_RELAY_WORDS = RELAY_VERBS | {"сообщать", "писать", "информировать"}
_REACH = 60  # tokens after a cue's start searched for the outlet («… в интервью телеканалу …»)


def relayed_source(idx: DocIndex, cue: Cue) -> int | None:
    """For «приводит слова X», «цитирует X»: the token of X (the speaker), else None."""
    if cue.verb is None or idx.tokens[cue.verb].lemma not in RELAY_VERBS:
        return None
    for c in idx.children[cue.verb]:
        # «цитирует Infox.ru пресс-службу Минобороны»: an accusative taken for a second subject is the object.
        if idx.tokens[c].rel in ("obj", "iobj") or (idx.tokens[c].rel == "nsubj" and idx.tokens[c].feats.get("Case") == "Acc"):
            if idx.tokens[c].lemma == "слово":
                for g in idx.children[c]:
                    if idx.tokens[g].rel == "nmod" and idx.tokens[g].feats.get("Case") == "Gen":
                        return g
                return None
            return c
    return None


def find_via(idx: DocIndex, cue: Cue, speaker: Entity | None) -> Entity | None:
    """The organisation relaying the quote, if the cue names one."""
    toks = idx.tokens
    if cue.verb is not None and toks[cue.verb].lemma in RELAY_VERBS:
        # «приводит слова X … ИТАР-ТАСС»: the organisation in the cue other than the speaker.
        for i in reversed(idx.tokens_in(cue.start, cue.end)):
            ent = idx.entity_of.get(i)
            if ent is not None and ent is not speaker and ent.type == ORG:
                return ent
    span = list(idx.tokens_in(cue.start, cue.end))
    if not span:
        return None
    sent = idx.doc.sents[toks[span[0]].sent]
    for i in range(span[0], min(sent.last, span[0] + _REACH)):
        ent = idx.entity_of.get(i)
        if ent is None or ent is speaker or ent.type != ORG:
            continue
        head = toks[i].head
        words = {toks[j].lemma for j in range(max(span[0], i - 3), i)}
        if words & _CHANNEL_NOUNS or (head >= 0 and toks[head].lemma in _RELAY_WORDS | _CHANNEL_NOUNS and head != cue.verb):
            return ent
    return None
