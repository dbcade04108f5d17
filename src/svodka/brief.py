"""The brief: a 2–4 sentence extractive summary and 5–10 key phrases.

Sentences are scored by the facts they carry (a sentence carries a fact when it
names at least two of the fact's participants, places or events, or is the
fact's evidence), plus a little for named entities and an early position.  The
title and repeated sentences (a lead printed twice) never enter the summary;
direct quotes weigh less than the narrative around them.  Key phrases are the
events of the facts, the most mentioned names and the most repeated noun
phrases.
"""

from __future__ import annotations

import re
from collections import Counter

from .document import Brief, Document, Fact, Sentence

FACT_WEIGHTS = {"Meeting": 3.0, "Visit": 3.0, "Deal": 3.0, "Participation": 2.5, "Call": 2.5, "Message": 2.5, "Ownership": 2.0, "Occupation": 0.4, "Statement": 0.5}
MAX_SENTENCES, MIN_SENTENCES, MAX_CHARS = 4, 2, 700
QUOTE_MARKS = "\"«„“'"
# Openers that lean on the sentence before («Об этом Путин заявил…»): weak out of context.
ANAPHORIC_OPENERS = re.compile(r"^(об этом|он|она|они|оно|это|этот|эта|при этом|в свою очередь|тогда)\b", re.I)
# Nouns too general to be key phrases.
DULL_NOUNS = frozenset("год время ряд уровень раз день слово вопрос дело человек мнение образ часть место случай конец начало сторона тот это возможность".split())


def make_brief(doc: Document) -> Brief:
    sents = _candidates(doc)
    if not sents:
        return Brief()
    scores = {id(s): _score(doc, s, rank) for rank, s in enumerate(sents)}
    chosen: list[Sentence] = []
    size = 0
    for s in sorted(sents, key=lambda s: -scores[id(s)]):
        if s in chosen:
            continue
        unit = _with_antecedents(doc, sents, s)  # «Об этом Путин заявил…» comes with what «этом» is
        new = [u for u in unit if u not in chosen]
        grow = sum(u.end - u.start for u in new)
        if len(chosen) >= MIN_SENTENCES and (scores[id(s)] < 1.0 or size + grow > MAX_CHARS):
            break
        if len(chosen) + len(new) > MAX_SENTENCES:
            continue
        chosen.extend(new)
        size += grow
    chosen.sort(key=lambda s: s.start)
    summary = " ".join(_clean(doc.text[s.start : s.end]) for s in chosen)
    return Brief(summary=summary, keyphrases=keyphrases(doc))


def _with_antecedents(doc: Document, sents: list[Sentence], s: Sentence, depth: int = 2) -> list[Sentence]:
    """The sentence, after the candidate sentences right before it that its anaphoric opener
    leans on («Он рассчитывает…», «Об этом Путин заявил…»), at most ``depth`` of them."""
    unit = [s]
    i = sents.index(s)
    while depth and i > 0 and ANAPHORIC_OPENERS.match(doc.text[unit[0].start : unit[0].end].lstrip()):
        i -= 1
        unit.insert(0, sents[i])
        depth -= 1
    return unit


def _candidates(doc: Document) -> list[Sentence]:
    """Sentences outside the title, each text once, long enough to say something."""
    title_end = len(doc.title) if doc.title and doc.text.startswith(doc.title) else 0
    seen: set[str] = set()
    out = []
    for s in doc.sents:
        if s.end <= title_end:
            continue
        if s.start < title_end:  # a title without a full stop runs into the first sentence
            start = title_end + len(doc.text[title_end : s.end]) - len(doc.text[title_end : s.end].lstrip())
            s = Sentence(start, s.end, s.first, s.last)
        text = doc.text[s.start : s.end]
        key = re.sub(r"\W+", " ", text.lower()).strip()
        if key in seen or len(key) < 30:
            continue
        seen.add(key)
        out.append(s)
    return out


def _score(doc: Document, s: Sentence, rank: int) -> float:
    # A fact counts in full where it is told (its evidence), a little where its participants are
    # only named again; a done event outweighs a plan: the news is what happened.
    score = sum(FACT_WEIGHTS.get(f.type, 1.0) * _carries(doc, s, f) * (1.5 if f.status == "done" else 1.0) for f in doc.facts)
    names = {e.id for e in doc.entities for m in e.mentions if s.start <= m.start < s.end}
    score += 0.3 * min(len(names), 4)
    score += max(0.0, 1.0 - 0.25 * rank)  # the lead usually says the most
    text = doc.text[s.start : s.end].lstrip()
    quoted = sum(min(q.end, s.end) - max(q.start, s.start) for q in doc.quotes if q.kind == "direct" and q.start < s.end and q.end > s.start)
    if text[:1] in QUOTE_MARKS or quoted > 0.5 * (s.end - s.start):
        score -= 1.5
    if s.end - s.start > 350:
        score -= 1.0
    return score


def _carries(doc: Document, s: Sentence, fact: Fact) -> float:
    """1 in the fact's evidence sentence, 0.3 where two of its participants are named, else 0."""
    if fact.evidence and s.start <= fact.evidence.start < s.end:
        return 1.0
    names = [a.entity for a in fact.args if a.entity]
    if fact.type in ("Occupation", "Statement") or len(names) < 2:
        return 0.0
    inside = {eid for eid in names if any(s.start <= m.start < s.end for m in _mentions(doc, eid))}
    return 0.3 if len(inside) >= 2 else 0.0


def _mentions(doc: Document, eid: str):
    ent = doc.entity(eid)
    return ent.mentions if ent else []


def _clean(text: str) -> str:
    return " ".join(text.split())


def keyphrases(doc: Document, limit: int = 10) -> list[str]:
    from .facts.describe import arg_text

    phrases: list[str] = []

    def add(p: str) -> None:
        p = p.strip()
        if p and p.lower() not in {x.lower() for x in phrases} and len(phrases) < limit:
            phrases.append(p)

    for fact in doc.facts:
        for a in fact.args:
            if a.role == "event":
                add(arg_text(doc, a))
    ents = sorted(doc.entities, key=lambda e: -len(e.mentions))
    for e in ents[:6]:
        add(e.name)
    for phrase, n in _noun_phrases(doc).most_common(8):
        if n >= 2:
            add(phrase)
    for e in ents[6:]:
        if len(phrases) >= 5:
            break
        add(e.name)
    return phrases


def _noun_phrases(doc: Document) -> Counter:
    """Adjective + noun pairs and bare nouns outside names, counted by dictionary form;
    only the most frequent are put back into the nominative (pymorphy is the slow part)."""
    from .facts.describe import nominal_phrase

    named = {i for e in doc.entities for m in e.mentions for i in range(m.start, m.end)}
    counts: Counter = Counter()
    spans: dict[tuple[str, ...], tuple[int, int]] = {}
    title_end = len(doc.title) if doc.title and doc.text.startswith(doc.title) else 0
    seen_sents: set[str] = set()
    for s in doc.sents:
        text = doc.text[s.start : s.end]
        if s.end <= title_end or text in seen_sents:
            continue
        seen_sents.add(text)
        for k in range(s.first, s.last):
            t = doc.tokens[k]
            if t.pos != "NOUN" or t.start in named or t.lemma in DULL_NOUNS or len(t.lemma) < 4:
                continue
            prev = doc.tokens[k - 1] if k > s.first else None
            if prev is not None and prev.pos == "ADJ" and prev.head == k:
                key: tuple[str, ...] = (prev.lemma, t.lemma)
                spans.setdefault(key, (prev.start, t.end))
            else:
                key = (t.lemma,)
            counts[key] += 1
    out: Counter = Counter()
    for key, n in counts.most_common(8):
        out[nominal_phrase(doc, *spans[key]) if len(key) == 2 else key[0]] += n
    return out
