"""Cues: the words that attribute speech («заявил Путин», «по его словам», «как уточнил Песков»).

Each finder works on one sentence of natasha's parse and returns ``Cue``
records; the reported clause (``clause``) is what the cue attributes when no
quote marks are used («косвенная речь», indirect speech).

Cost: every finder visits each token of its sentence once, and whatever it
does at a token looks at most ``_REACH`` tokens (or ``_SPEECH_AHEAD`` speech
words) away, so a sentence of n tokens costs O(n), however many cues it holds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..document import Sentence, Token
from .index import DocIndex
from .lexicon import COMPLEMENTISERS, DOCUMENT_NOUNS, IMPERSONAL_VERBS, LIGHT_SPEECH, MEDIA_NOUNS, ORG_NOUNS, RELAY_VERBS, SOURCE_NOUNS, SPEECH_VERBS, STANCE_ADJECTIVES
from .speakers import is_voice, said_in, subject_of

_TERMINAL = ".!?…;"
_REACH = 50  # tokens a cue's phrase («по словам …», «как сообщил …», its subject) may span
_SPEECH_AHEAD = 8  # speech words after a reported clause's start that may end it
_QUESTION_WORDS = frozenset({"как", "чем", "почему", "зачем", "где", "когда", "кто", "какой", "какие", "сколько"})


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    verb: int | None  # token index of the speech verb (or of «словам» / «мнению»)
    agent: int | None  # token index of the subject or of the source («по словам X» → X)
    kind: str  # verb | source | parenthetical | inverted | anaphor | colon
    clause: tuple[int, int] | None = None  # the reported clause, for indirect speech


_PHASE_VERBS = frozenset({"начать", "начинать", "стать", "продолжить", "продолжать"})


def is_speech_word(tok: Token, head: Token | None = None) -> bool:
    """A speech verb in a form that reports a third party, or a stance adjective («уверен»)."""
    if tok.lemma in STANCE_ADJECTIVES and tok.feats.get("Variant") == "Short":
        return True
    if tok.lemma in ("убедить", "уверить") and tok.feats.get("Variant") == "Short":
        return True  # «убеждена, что …» tagged as a short participle
    if tok.pos not in ("VERB", "AUX") or tok.lemma not in SPEECH_VERBS | RELAY_VERBS:
        return False
    feats = tok.feats
    # Finite verbs, adverbial participles («деепричастия»: «…, отметив, что …») and infinitives after
    # a phase verb («начали скандировать: …»).
    phase = feats.get("VerbForm") == "Inf" and head is not None and head.lemma in _PHASE_VERBS
    if (feats.get("VerbForm") not in ("Fin", "Conv", None) and not phase) or feats.get("Mood") == "Imp":
        return False
    return feats.get("Person") not in ("1", "2")  # «напомним», «скажем» are the author's asides


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past spaces, commas, dashes and a final full stop."""
    while start < end and text[start] in " ,—–-:\n»”":  # a closing mark left by the cue («данным «Ъ», …»)
        start += 1
    while end > start and text[end - 1] in " ,—–-:\n" + _TERMINAL:
        end -= 1
    return start, end


def agent_after(idx: DocIndex, verb: int, stop: int) -> int | None:
    """For an inverted cue («— сказал американский дипломат») the first nominative noun after the verb."""
    for j in range(verb + 1, stop):
        t = idx.tokens[j]
        if t.pos in ("NOUN", "PROPN", "PRON") and t.feats.get("Case", "Nom") == "Nom":
            if t.rel in ("appos", "flat", "flat:name", "flat:foreign") and idx.tokens[t.head].feats.get("Case") == "Dat":
                continue  # «сообщили РИА Новости»: «Новости» goes with the addressee «РИА», a dative
            return j
    return None


def agent_before(idx: DocIndex, verb: int, lo: int) -> int | None:
    """When the parse gives no subject: the nearest nominative before the verb, agreeing in number, within its clause."""
    number = idx.tokens[verb].feats.get("Number")
    for j in range(verb - 1, max(lo, verb - _REACH) - 1, -1):
        t = idx.tokens[j]
        if t.text in (",", ":", ";", ".", "—"):
            return None
        if t.pos in ("NOUN", "PROPN", "PRON") and t.feats.get("Case") == "Nom":
            if number is None or t.feats.get("Number") in (None, number):
                return j
            if t.rel == "conj" and t.head >= lo:
                return t.head  # «Эта группа и станция утверждают»: coordinated singulars make a plural subject
    return None


def verb_cue(idx: DocIndex, verb: int, lo: int, hi: int, kind: str = "verb") -> Cue:
    """A cue made of a speech verb and its subject phrase, kept inside tokens [lo, hi)."""
    agent = subject_of(idx, verb)
    if agent is None and _speech_participle(idx, verb):
        agent = _participle_name(idx, verb)
        if agent is None:
            agent = idx.tokens[verb].head  # the participle's noun speaks
        if idx.entity_of.get(agent) is None and idx.tokens[agent].feats.get("Animacy") != "Anim" and idx.tokens[agent].head >= 0:
            # «X принадлежит к меньшинству, считающему, что …»: a group noun; the clause's subject speaks.
            agent = subject_of(idx, idx.tokens[agent].head)
    if agent is None:
        place = said_in(idx, verb, after=True)
        ent = idx.entity_of.get(place) if place is not None else None
        org = place is not None and ((ent is not None and ent.type == "ORG") or idx.tokens[place].lemma in ORG_NOUNS or is_voice(idx, place))
        if org and lo <= place < hi:
            agent = place  # «Как пояснили "Ъ" в Минэнерго», «В уфимской мэрии сообщили»: the organisation speaks
    if agent is None:
        agent = agent_before(idx, verb, lo)
    if agent is not None and not (lo <= agent < hi):
        agent_in = False
    else:
        agent_in = agent is not None
    if agent is None:
        agent = agent_after(idx, verb, hi)
        agent_in = agent is not None
    if agent is None and idx.tokens[verb].lemma in IMPERSONAL_VERBS:
        place = said_in(idx, verb, after=True)  # «говорится в сообщении МВД»: the statement speaks for its author
        if place is not None and idx.tokens[place].lemma in DOCUMENT_NOUNS and lo <= place < hi:
            agent, agent_in = place, True
    start, end = idx.tokens[verb].start, idx.tokens[verb].end
    if agent_in and agent is not None and abs(agent - verb) <= 12:
        s, e = idx.subtree(agent, (lo, hi))
        start, end = min(start, s), max(end, e)
    return Cue(start, end, verb, agent, kind)


def _names_follow(idx: DocIndex, colon: int, sent: Sentence, shape: _Shape) -> bool:
    window = range(colon + 1, min(colon + 7, sent.last))
    return any(idx.name_of.get(j) is not None and idx.name_of[j].type == "PER" for j in window) and shape.last_finite <= colon


def _finite(tok: Token) -> bool:
    return tok.pos in ("VERB", "AUX") and tok.feats.get("VerbForm") == "Fin"


def _sentence_end(idx: DocIndex, sent: Sentence, at: int | None = None) -> int:
    """End of a sentence, or of the paragraph holding offset ``at`` if that comes first."""
    end = idx.tokens[sent.last - 1].end
    return idx.line_end(at, end) if at is not None else end


def _sentence_start(idx: DocIndex, sent: Sentence, at: int) -> int:
    """Start of a sentence, or of the paragraph holding offset ``at`` (natasha may run sentences across paragraphs)."""
    return idx.line_start(idx.tokens[sent.first].start, at)


@dataclass(slots=True)
class _Shape:
    """Facts about one sentence gathered in one pass, so that no rule re-scans the rest of it."""

    speech: list[int]  # indices of speech words
    last_finite: int  # index of the last finite verb (-1 for none)
    last_clause_mark: int  # index of the last complementiser or colon (-1 for none)


_SIGN_VERBS = frozenset({"говорить", "свидетельствовать", "указывать", "указать", "подтверждать", "подтвердить"})


def _thing_says(idx: DocIndex, verb: int, agent: int | None) -> bool:
    """A verb of saying whose subject is a thing, not a speaker: «Это говорит о том, что …»."""
    if agent is None or idx.tokens[verb].lemma not in _SIGN_VERBS or idx.entity_of.get(agent) is not None:
        return False
    tok = idx.tokens[agent]
    if tok.lemma in DOCUMENT_NOUNS or tok.lemma in MEDIA_NOUNS:
        return False  # «в статье говорится», «издание указывает»: a text speaks for its author
    return (tok.pos == "NOUN" and tok.feats.get("Animacy") == "Inan") or tok.lemma in ("это", "что", "всё", "все")


def _light_speech(idx: DocIndex, j: int) -> bool:
    """«давал понять», «обратил внимание», «сходятся во мнении»: a light verb with the word that makes it speech."""
    tok = idx.tokens[j]
    words = LIGHT_SPEECH.get(tok.lemma)
    if words is None or tok.pos not in ("VERB", "AUX") or tok.feats.get("VerbForm") not in ("Fin", "Conv"):
        return False
    return tok.feats.get("Person") not in ("1", "2") and any(idx.tokens[c].lemma in words for c in idx.children[j])


def _speech_participle(idx: DocIndex, j: int) -> bool:
    """«премьером Ганнучи, объявившим ранее, что …»: an active participle of a speech verb modifying a noun."""
    tok = idx.tokens[j]
    if tok.feats.get("VerbForm") != "Part" or tok.feats.get("Voice") == "Pass" or tok.lemma not in SPEECH_VERBS:
        return False
    return tok.rel.startswith("acl") and tok.head >= 0 and idx.tokens[tok.head].pos in ("NOUN", "PROPN")


def _participle_name(idx: DocIndex, verb: int) -> int | None:
    """«премьера Михаила Петрова, объявившего, что …»: the name just before the participle, in its case
    (the parser may hang the participle on the post and the name on nothing in that case)."""
    case = idx.tokens[verb].feats.get("Case")
    for j in range(verb - 1, max(-1, verb - 4), -1):
        t = idx.tokens[j]
        if t.pos == "PUNCT":
            continue
        ent = idx.name_of.get(j)
        return j if ent is not None and ent.type in ("PER", "ORG") and t.feats.get("Case") == case else None
    return None


def sentence_shape(idx: DocIndex, sent: Sentence) -> _Shape:
    toks = idx.tokens
    shape = _Shape([], -1, -1)
    for j in range(sent.first, sent.last):
        t = toks[j]
        if is_speech_word(t) or _light_speech(idx, j) or _speech_participle(idx, j):
            shape.speech.append(j)
        if _finite(t):
            shape.last_finite = j
        if t.lemma in COMPLEMENTISERS or t.text == ":":
            shape.last_clause_mark = j
    return shape


def _next_paragraph(idx: DocIndex, at: int) -> tuple[int, int]:
    """The paragraph after a colon that closes its own, unless it opens with a quote mark or a dash
    (then it is direct speech or an interview turn); an empty span otherwise."""
    text = idx.doc.text
    start = idx.line_end(at, len(text))
    if start >= len(text) or text[at:start].strip():
        return at, at
    while start < len(text) and text[start] in "\n ":
        start += 1
    end = idx.line_end(start, len(text))
    if start >= end or text[start] in "«„“\"—–-":
        return at, at
    return _trim(text, start, end)


def is_one(tok: Token) -> bool:
    """«один», «одного», «одной» (natasha leaves some forms of the numeral unlemmatised)."""
    return tok.lemma in ("один", "одна") or (tok.pos == "NUM" and tok.lemma.startswith("одн"))


def _bare_complementiser(idx: DocIndex, verb: int, k: int, sent: Sentence) -> bool:
    """«аналитики полагают что …»: «что» right after the verb with its comma left out (not «что-то»)."""
    return k == verb + 1 and idx.tokens[k].lemma == "что" and k + 1 < sent.last and idx.tokens[k + 1].text not in ("-", "то", "-то")


_WITHHELD = frozenset({"уточнять", "уточнить", "раскрывать", "раскрыть", "сообщать", "сообщить", "называть", "назвать"})


def _negated(idx: DocIndex, verb: int) -> bool:
    """«правоохранительные органы не уточняют, что …»: a withheld statement reports nothing (a stance
    verb under «не» still reports one: «не исключил, что», «не сомневается, что»)."""
    return verb > 0 and idx.tokens[verb - 1].lemma == "не" and idx.tokens[verb].lemma in _WITHHELD


def _noun_clause(idx: DocIndex, verb: int, comp: int) -> bool:
    """«заявил о вступлении в борьбу за то, чтобы …»: «за то, чтобы» after a noun completes that noun
    of the object, not the speech verb (unlike «объявил по телевидению о том, что», «обратил внимание
    на то, что», «призвал к тому, чтобы»)."""
    toks = idx.tokens
    return (comp - 4 > verb and toks[comp].lemma == "чтобы" and toks[comp - 1].text == "," and toks[comp - 2].lemma == "тот"
            and toks[comp - 3].lemma == "за" and toks[comp - 4].pos == "NOUN")


def complement_cues(idx: DocIndex, sent: Sentence, shape: _Shape) -> list[Cue]:
    """«X заявил, что …», «X считает, что …», «X напомнил о том, что …», «X заявил: …»."""
    toks = idx.tokens
    found: list[Cue] = []
    for i in shape.speech:
        place = said_in(idx, i)
        if toks[i].lemma in IMPERSONAL_VERBS and place is None:
            continue
        comp = None
        for k in range(i + 1, min(sent.last, i + 10)):
            t = toks[k]
            if t.lemma in COMPLEMENTISERS and (toks[k - 1].text == "," or _bare_complementiser(idx, i, k, sent)):
                comp = k
                break
            if t.text.lower() in _QUESTION_WORDS and toks[k - 1].text == "," and k >= 2 and toks[k - 2].lemma == "тот":
                comp = k - 1  # «рассказал о том, как …»: an indirect question is reported speech too
                break
            if t.text == ":" and (k + 1 < sent.last or _next_paragraph(idx, t.end)[1] > t.end):
                # «заявил он: …», not «отметили три сферы: …» (an object before the colon is a list)
                # nor «отвечали: командир Уильям Макартур, …» (the subjects come after the colon)
                if all(toks[j].feats.get("Case", "Nom") == "Nom" for j in range(i + 1, k)) and not _names_follow(idx, k, sent, shape):
                    comp = k
                break
            if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin" or t.text in _TERMINAL:
                break
        if comp is None or (comp + 1 < sent.last and toks[comp + 1].lemma == "касаться"):
            continue  # «говорит о том, что касается …»: «что» is a pronoun here, not a reported clause
        if _negated(idx, i) or _noun_clause(idx, i, comp):
            continue
        cue = verb_cue(idx, i, sent.first, comp)
        if _thing_says(idx, i, cue.agent):
            continue  # «Это говорит о том, что …», «неосведомленность специалиста говорит о том»: a sign, not speech
        if cue.agent is None and place is not None:
            # «В заявлении МВД говорится, что …» (the statement's author speaks), «В Госдуме опровергают, что …»
            # (the organisation), «В Париже считают, что …» (nobody named: the place stays in the cue only).
            ent = idx.entity_of.get(place)
            org = toks[place].lemma in ORG_NOUNS or (ent is not None and ent.type == "ORG") or is_voice(idx, place)
            cue.agent = place if toks[place].lemma in DOCUMENT_NOUNS or org else None
            cue.start = min(cue.start, idx.subtree(place, (sent.first, i))[0])
        cue.start = max(cue.start, _sentence_start(idx, sent, cue.start))
        if cue.agent is None and place is None and toks[i].feats.get("Number") == "Plur" and toks[i].feats.get("Person") == "3":
            continue  # «Говорят, что …»: hearsay with no source
        end = _sentence_end(idx, sent, toks[comp].end)
        after = bisect.bisect_right(shape.speech, comp)
        later = shape.speech[after:after + _SPEECH_AHEAD]
        for m in later:
            # «… напомнил, что X, и подчеркнул, что Y»: a second speech verb ends the first clause.
            follows = any(toks[n].lemma in COMPLEMENTISERS for n in range(m + 1, min(m + 3, sent.last)))
            if toks[m - 1].lemma == "и" and (follows or toks[m].head == i):
                end = toks[m - 1].start
                break
            if follows:
                # «…, а Россия уверена, что …»: another speaker's clause starts after «, а».
                comma = next((n for n in range(m - 1, max(comp, m - _REACH), -1) if toks[n].text == ","), None)
                if comma is not None and toks[comma + 1].lemma in ("а", "но"):
                    end = toks[comma].start
                    break
        cue.clause = _trim(idx.doc.text, toks[comp].end, end)
        if toks[comp].text == ":" and cue.clause[1] <= cue.clause[0]:
            cue.clause = _next_paragraph(idx, toks[comp].end)  # «В поздравлении говорится:¶Ваш путь …»
        if cue.agent is None and found and toks[i - 1].lemma == "и":
            cue.agent = found[-1].agent  # «…, и подчеркнул, что …» shares the subject of the first verb
        found.append(cue)
        if toks[comp].text != ":" and idx.doc.text[cue.clause[1]:end].strip() == ":":
            # «Врач сообщила, что женщина чувствует себя хорошо:¶У Клинтон был кашель …»: the clause
            # before the colon and the paragraph it announces are both reported.
            more = _next_paragraph(idx, end)
            if more[1] > more[0]:
                found.append(replace(cue, clause=more))
    return found


_WORD_BEFORE = re.compile(r"[^ ,—–\-\"«]")  # what makes text before a cue more than punctuation
_WORD_AFTER = re.compile(r"[^ ,—–\-.!?…;]")


def _positional_clause(idx: DocIndex, sent: Sentence, cue: Cue) -> tuple[int, int]:
    """What a parenthetical cue attributes: the rest of its sentence (all of it when the cue is inside)."""
    text = idx.doc.text
    s_start, s_end = _sentence_start(idx, sent, cue.start), _sentence_end(idx, sent, cue.end)
    # A search stops at the first word, where slicing the rest of a long sentence would copy it all.
    if not _WORD_BEFORE.search(text, s_start, cue.start):
        return _trim(text, cue.end, s_end)
    if not _WORD_AFTER.search(text, cue.end, s_end):
        return _trim(text, s_start, cue.start)
    return _trim(text, s_start, s_end)


_CONNECTIVES = 2  # discourse words («Впрочем», «Однако же») that may open a sentence before its cue


def _only_connectives(idx: DocIndex, start: int, end: int) -> bool:
    """«Однако со ссылкой на …»: only a connective precedes token ``end`` in its sentence.  (Not used for
    a clause's extent: «Всего, по сообщениям СМИ, задержано …» is annotated as the whole sentence.)"""
    words = 0
    i = idx.first_token_from(start)
    for i in range(i, min(len(idx.tokens), i + 2 * _CONNECTIVES + 1)):  # a bounded look, not the whole sentence
        tok = idx.tokens[i]
        if tok.start >= end:
            return words > 0
        if tok.pos != "PUNCT":
            words += 1
            if tok.pos not in ("ADV", "CCONJ", "PART"):
                return False
    return False


def _to_comma(idx: DocIndex, k: int, sent: Sentence) -> int:
    """Index of the first comma (or sentence end) from token k, looking ``_REACH`` tokens ahead at most."""
    stop = min(sent.last, k + _REACH)
    while k < stop and idx.tokens[k].text not in (",", ":") and idx.tokens[k].text not in _TERMINAL:
        k += 1
    return k


def _past_adjectives(idx: DocIndex, j: int, sent: Sentence) -> int:
    """The first token from ``j`` that is not one of at most two adjectives («собственному»)."""
    stop = min(sent.last - 1, j + 2)
    while j < stop and idx.tokens[j].pos == "ADJ":
        j += 1
    return j


def source_cues(idx: DocIndex, sent: Sentence) -> list[Cue]:
    """«по словам X, …», «по его словам, …», «по мнению X, …»."""
    toks = idx.tokens
    found: list[Cue] = []
    for k in range(sent.first, sent.last - 2):
        if toks[k].lemma not in ("по", "согласно", "с"):
            continue
        first = k + 1  # «по неофициальным данным "Ъ"», «согласно опубликованному заявлению»: adjectives first
        while first < min(sent.last - 1, k + 4) and (toks[first].pos == "ADJ" or toks[first].rel == "amod") and toks[first].head > first:
            first += 1
        if toks[k].lemma == "с":
            # «Со ссылкой на источник в Генштабе сообщалось, что …» (not a relay's «передаёт X со ссылкой на Y»,
            # which the relay's verb cue holds).
            if not (_opens(idx, sent, k) and toks[k + 1].lemma == "ссылка" and toks[k + 2].lemma == "на" and k + 3 < sent.last):
                continue
            noun = k + 1
            agent = next((j for j in range(k + 3, min(k + 6, sent.last)) if toks[j].pos in ("NOUN", "PROPN", "PRON")), None)
            if agent is None:
                continue
        elif toks[first].lemma in SOURCE_NOUNS:
            noun, agent = first, None
            for c in idx.children[noun]:
                if toks[c].rel in ("nmod", "det", "amod") and toks[c].pos in ("NOUN", "PROPN", "PRON", "DET"):
                    agent = c
                    break
                if toks[c].rel in ("nmod", "nummod") and is_one(toks[c]):
                    agent = c  # «По словам одного из советников губернатора, …»
                    break
            if agent is None and first + 1 < sent.last and toks[first + 1].pos in ("NOUN", "PROPN"):
                agent = first + 1
            if agent is None and not (toks[first].lemma in DOCUMENT_NOUNS and first == k + 1):
                continue  # «по официальным данным», «Согласно информации, …»: no source named
            # «Согласно сообщению, …» with no author: the statement quoted just before (see quotes._finish).
        elif toks[k].lemma == "согласно" and toks[first].lemma in DOCUMENT_NOUNS and toks[first].feats.get("Case") in ("Dat", None):
            # «Согласно опубликованному указу о выборах, …», «согласно приказу министра»: a document speaks
            # for the author named in it, else (guidelines) for nobody named.
            noun = first
            agent = next((c for c in idx.children[noun] if toks[c].rel == "nmod" and idx.entity_of.get(c) is not None
                          and idx.entity_of[c].type in ("PER", "ORG")), None)
        elif toks[k + 1].lemma in ("его", "её", "ее", "их", "он", "она", "они") and toks[_past_adjectives(idx, k + 2, sent)].lemma in SOURCE_NOUNS:
            noun, agent = _past_adjectives(idx, k + 2, sent), k + 1  # «по его (собственному) заявлению»
        elif toks[k].lemma == "согласно" and idx.name_of.get(k + 1) is not None and idx.name_of[k + 1].type != "LOC":
            noun, agent = k + 1, k + 1  # «Согласно Марку, …»
        else:
            continue
        # The source phrase ends at its comma, or with its noun phrase when no comma follows («По его мнению страны …»).
        last = noun if agent is not None and agent < noun else _last_in_subtree(idx, agent if agent is not None else noun, sent)
        stop = min(_to_comma(idx, noun + 1, sent), max(noun, last) + 1)
        found.append(_parenthesis(idx, sent, Cue(0, 0, None, agent, "source"), k, stop))
    return found


def _opens(idx: DocIndex, sent: Sentence, k: int) -> bool:
    """Token k opens its sentence, or follows only a connective («Однако со ссылкой на …»)."""
    return k == sent.first or _only_connectives(idx, idx.tokens[sent.first].start, idx.tokens[k].start)


def _last_in_subtree(idx: DocIndex, head: int, sent: Sentence) -> int:
    last = head
    stack, seen = list(idx.children[head]), {head}
    while stack:
        j = stack.pop()
        if j in seen:
            continue  # a faulty parse may loop
        seen.add(j)
        if sent.first <= j < sent.last and idx.tokens[j].pos != "PUNCT":
            last = max(last, j)
            stack.extend(idx.children[j])
    return last


def _parenthesis(idx: DocIndex, sent: Sentence, cue: Cue, first: int, stop: int) -> Cue:
    """Stretch a parenthetical cue over tokens [first, stop) and attach the clause it attributes."""
    cue.start, cue.end = idx.tokens[first].start, idx.tokens[stop - 1].end
    cue.clause = _positional_clause(idx, sent, cue)
    return cue


def parenthetical_cues(idx: DocIndex, sent: Sentence) -> list[Cue]:
    """«…, как уточнил пресс-секретарь Дмитрий Песков, …», «как сообщает ИТАР-ТАСС, …»."""
    toks = idx.tokens
    found: list[Cue] = []
    for k in range(sent.first, sent.last - 1):
        if toks[k].lemma != "как":
            continue
        if (k > sent.first and toks[k - 1].text not in (",", "—", "–") and "\n" not in idx.doc.text[toks[k - 1].end:toks[k].start]
                and not _opens(idx, sent, k)):
            continue  # «Однако как сообщают американские СМИ, …»: a connective may open the sentence
        verb = next((j for j in range(k + 1, min(k + 4, sent.last)) if is_speech_word(toks[j])), None)
        if verb is not None and toks[verb].lemma in IMPERSONAL_VERBS:
            continue  # «как говорится», «как сообщается»: a saying, no source
        if verb is None or any(toks[j].pos not in ("ADV", "PART") for j in range(k + 1, verb)):
            continue
        stop = _to_comma(idx, verb + 1, sent)
        found.append(_parenthesis(idx, sent, verb_cue(idx, verb, k, stop, "parenthetical"), k, stop))
    return found


def inverted_cues(idx: DocIndex, sent: Sentence, shape: _Shape) -> list[Cue]:
    """A cue closing a sentence without quote marks: «…, сообщает РИА Новости», «…, говорится в заявлении»."""
    toks = idx.tokens
    found: list[Cue] = []
    for i in shape.speech:
        if i == sent.first:
            continue
        prev = toks[i - 1].text
        if prev not in (",", "—", "–"):
            continue
        if prev in ("—", "–") and {toks[i - 2].text, toks[i - 3].text} & {"»", '"', "“", "”"}:
            continue  # the cue of a direct quote
        if shape.last_clause_mark > i:
            continue
        stop = _to_comma(idx, i + 1, sent)
        cue = verb_cue(idx, i, i, stop, "inverted")
        if (cue.agent is None or cue.agent < i) and not (toks[i].lemma in IMPERSONAL_VERBS and i + 1 < sent.last and toks[i + 1].lemma == "в"):
            continue  # «…, объявили о готовности»: no speaker after the verb, so not a cue
        if stop < sent.last - 1 and toks[stop].text == "," and shape.last_finite > stop:
            # «Установление летнего времени, подчеркнул президент РФ, будет полезным»: a cue inside its sentence.
            found.append(_parenthesis(idx, sent, cue, i, stop))
            continue
        cue.end = max(cue.end, _trim(idx.doc.text, cue.start, _sentence_end(idx, sent))[1])
        first = _sentence_start(idx, sent, toks[i].start)
        # «Однако о том, что …, сказал Джемилев»: the clause starts after the fronted «о том, что».
        for j in range(sent.first, min(sent.first + 5, i)):
            if toks[j].lemma in COMPLEMENTISERS and toks[j - 1].text == "," and toks[j - 2].lemma == "тот":
                first = toks[j].end
        cue.clause = _trim(idx.doc.text, first, toks[i - 1].start)
        found.append(cue)
    return found


def _caption(idx: DocIndex, sent: Sentence) -> bool:
    """A sentence with no closing punctuation that ends its paragraph: a headline or a caption."""
    text = idx.doc.text
    end = sent.end
    return not text[sent.start:end].rstrip().endswith((".", "!", "?", "…", "»", '"', ":")) and \
        (end == len(text) or text[end:end + 2] == "\n\n")


def anaphoric_cues(idx: DocIndex, sent: Sentence, paragraph_start: int) -> list[Cue]:
    """«Об этом Путин заявил …»: the cue points back to the sentences before it."""
    toks = idx.tokens
    if sent.last - sent.first < 3:
        return []
    words = [t.lemma for t in toks[sent.first:sent.first + 2]]
    own = words[0] in ("о", "об") and words[1] == "свой" and toks[sent.first + 2].pos == "NOUN"
    this = words[0] == "это" and is_speech_word(toks[sent.first + 1]) and toks[sent.first + 1].lemma not in RELAY_VERBS
    if words not in (["о", "это"], ["об", "это"]) and not own and not this:
        return []  # «Об этом X заявил», «О своих планах X рассказал», «Это подтвердил X» (not «Это привело к …»)
    # «Об этом во вторник, 20 августа 2013 года, сообщили …»: the verb may come after a date.
    verb = next((j for j in range(sent.first + 1, min(sent.first + 16, sent.last)) if is_speech_word(toks[j])), None)
    if verb is None:
        return []
    cue = verb_cue(idx, verb, sent.first, sent.last, "anaphor")
    cue.start = toks[sent.first].start
    s_start = toks[sent.first].start
    if s_start > paragraph_start:
        clause = (paragraph_start, s_start)
    elif sent.first > 0:
        k = toks[sent.first - 1].sent
        # A caption or headline line between («Леннарт Юханссон» under the lead) reports nothing.
        while k > 0 and _caption(idx, idx.doc.sents[k]):
            k -= 1
        prev = idx.doc.sents[k]
        if _caption(idx, prev):
            return []
        clause = (idx.tokens[prev.first].start, idx.doc.sents[k].end)
    else:
        return []
    cue.clause = _trim(idx.doc.text, *clause)
    return [cue]
