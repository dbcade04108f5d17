"""The tense of the clause a time expression sits in, from natasha's morphology.

«в сентябре» in «Планируется, что в сентябре Обама совершит визит» is the
coming September because its verb «совершит» is future (a perfective verb in
the non-past form, UD ``Tense=Fut``); in a past-tense clause it is the last one.
"""

from __future__ import annotations

from ..document import Document

PAST, PRESENT, FUTURE = "past", "pres", "fut"

# Verbs that put what they govern in the future: «планируется, что …», «намерен».
_PLAN_LEMMAS = {
    "планироваться",
    "планировать",
    "намереваться",
    "намерен",
    "собираться",
    "предстоять",
    "ожидаться",
    "предполагаться",
    "готовиться",
    "рассчитывать",
    "обещать",
}
_TENSES = {"Past": PAST, "Pres": PRESENT, "Fut": FUTURE}


def _token_at(doc: Document, offset: int) -> int | None:
    lo, hi = 0, len(doc.tokens)
    while lo < hi:  # tokens are in text order: binary search
        mid = (lo + hi) // 2
        if doc.tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(doc.tokens) else None


def _verb_tense(doc: Document, index: int) -> str | None:
    tok = doc.tokens[index]
    if tok.lemma in _PLAN_LEMMAS:
        return FUTURE
    tense = tok.feats.get("Tense")
    if tok.feats.get("VerbForm") in ("Inf", "Part") or tense is None:
        # «будет закончено», «предусмотрены»: a participle tells no time by itself
        # «будет возможность провести …»: an auxiliary or copula child carries the tense
        for child in range(max(0, index - 4), min(len(doc.tokens), index + 4)):
            ctok = doc.tokens[child]
            if ctok.head == index and ctok.pos == "AUX" and ctok.feats.get("Tense"):
                return _TENSES.get(ctok.feats["Tense"])
        return None
    if tense == "Pres":
        # «будет работать»: analytic future, the auxiliary is a child
        for child in range(max(0, index - 3), index):
            ctok = doc.tokens[child]
            if ctok.head == index and ctok.lemma == "быть" and ctok.feats.get("Tense") == "Fut":
                return FUTURE
    return _TENSES.get(tense)


def clause_tense(doc: Document, start: int, end: int) -> str | None:
    """past | pres | fut for the clause around [start, end), or None when unknown."""
    if not doc.tokens:
        return None
    index = _token_at(doc, max(start, end - 1))
    if index is None:
        return None
    sent = doc.tokens[index].sent
    seen = 0
    node = index
    while node >= 0 and seen < 8:  # climb the dependency tree to the governing verb
        tok = doc.tokens[node]
        if tok.pos in ("VERB", "AUX") or tok.lemma in _PLAN_LEMMAS or tok.feats.get("Tense"):
            tense = _verb_tense(doc, node)
            if tense is None and tok.feats.get("VerbForm") == "Part":
                return None  # «старт назначен на 12 октября»: a state, no tense to go by
            if tense is not None:
                # a planning verb above a present/future clause wins: «планируется, что … совершит»
                upper = clause_tense_above(doc, node)
                return FUTURE if upper == FUTURE else tense
        node = tok.head
        seen += 1
    # no governing verb: the sentence's finite verbs, if they agree
    tenses = {
        _TENSES.get(tok.feats["Tense"])
        for tok in doc.tokens[doc.sents[sent].first : doc.sents[sent].last]
        if tok.feats.get("Tense") and tok.pos in ("VERB", "AUX") and tok.feats.get("VerbForm") == "Fin"
    }
    return tenses.pop() if len(tenses) == 1 else None


def clause_tense_above(doc: Document, node: int) -> str | None:
    """FUTURE when a planning verb («планируется», «намерен») governs ``node``."""
    node = doc.tokens[node].head
    steps = 0
    while node >= 0 and steps < 4:
        if doc.tokens[node].lemma in _PLAN_LEMMAS:
            return FUTURE
        node = doc.tokens[node].head
        steps += 1
    return None
