"""The quotes layer: direct and reported speech, each with its speaker.

``extract_quotes(doc, models)`` reads ``doc.tokens`` (natasha's morphology and
syntax) and ``doc.entities`` (their mentions, names and role descriptions) and
returns ``Quote`` records in text order.  Modules:

* marks: pairing quote marks into segments;
* direct: which segments are speech, and their cue;
* cues: speech cues («заявил, что», «по словам», «как уточнил», «Об этом … заявил»);
* speakers: the entity behind a cue (names, pronouns, role descriptions);
* interview: «Имя: ответ» paragraphs;
* headline: «Глава Малайзии: мы не хотим …» headlines;
* via: the agency relaying the words;
* describe: who a description, a pronoun or an unnamed source stands for;
* lexicon: speech verbs and other word lists.
"""

from __future__ import annotations

import bisect
from itertools import islice

from ..document import ORG, PER, Document, Entity, Quote, Span
from ..entities.roles import professions
from ..models import Models
from .cues import Cue, is_one, anaphoric_cues, complement_cues, inverted_cues, parenthetical_cues, sentence_shape, source_cues
from .describe import (
    antecedent as _antecedent, contrasted as _contrasted, described_owner as _described_owner,
    named_ahead as _named_ahead, named_subject as _named_subject, of_something as _of_something,
    outlets_interlocutor as _outlets_interlocutor, possessed as _possessed,
    same_sentence_pronoun as _same_sentence_pronoun, voice_of_unnamed as _voice_of_unnamed,
)
from .direct import Draft, DraftSet, find_direct
from .index import DocIndex, Paragraphs
from .headline import find_headline, headline_speaker
from .interview import find_interview
from .marks import find_segments
from .speakers import agree, clause_subject, entity_of_phrase, person_gender, role_words, resolve_agent, resolve_pronoun, speaker_in_span
from .lexicon import ANONYMOUS_ADJECTIVES, ANONYMOUS_NOUNS, DOCUMENT_NOUNS, IMPERSONAL_VERBS, KIN_NOUNS, MEDIA_NOUNS, ORG_NOUNS, OUTLET_SIGNS, RELAY_VERBS
from .via import find_via, relayed_source

__all__ = ["extract_quotes"]

_PERSONS_BACK = 100  # person mentions counted back for an article's protagonist
_PERSONS_AHEAD = 10  # person mentions looked at after a description that names nobody before it
# Role nouns whose grammatical gender says nothing of the person's («глава», «судья» are masculine or feminine).
_COMMON_GENDER = frozenset({"глава", "судья", "коллега", "сирота", "главарь"})
_CUE_TOKENS = 50  # tokens of a cue searched for an unnamed source (a cue may run to its sentence end)
_STEM = 5  # letters of a description a name must share («совет» ~ «Конституционный совет»)
_MEDIA_SENTENCES = 3  # sentences back an unnamed «газета», «издание» looks for the outlet
_CHAIN_BACK = 3  # earlier quotes searched for an organisation a description stands for
_CHAIN_PARAGRAPHS = 2  # an uncued quote takes the speaker of a quote at most this many paragraphs back


def extract_quotes(doc: Document, models: Models | None = None) -> list[Quote]:
    """Direct and reported speech in ``doc``, numbered q1, q2 … in text order."""
    if not doc.text or not doc.tokens:
        return []
    idx = DocIndex.build(doc)
    paragraphs = Paragraphs([(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.text))])
    reported = _reported_cues(idx, paragraphs)
    segments = find_segments(doc)
    drafts = DraftSet(find_direct(idx, segments, paragraphs, reported))
    for d in find_interview(idx, paragraphs) + find_headline(idx, paragraphs):
        if not drafts.overlapping(d.start, d.end):
            drafts.add(d)
    quoted = [(s.start, s.end) for s in segments]
    for cue in reported:
        if cue.clause is None or cue.clause[1] <= cue.clause[0]:
            continue
        if cue.kind == "anaphor":
            # «Соседи считают, что … Об этом заявил Товпинец»: the cue names who said the earlier quote.
            earlier = [d for d in drafts.overlapping(*cue.clause) if d.kind == "indirect"]
            for d in earlier:
                d.lead = cue
            if earlier:
                continue
        cue.clause = _before_quotation(idx.doc.text, cue.clause, drafts)
        if cue.clause[1] <= cue.clause[0] or drafts.overlapping(*cue.clause):
            continue
        at = idx.tokens[cue.verb].start if cue.verb is not None else cue.start
        if idx.inside(at, quoted):
            continue  # a speech verb inside a quotation
        outer = drafts.holding(cue.start)
        if outer is not None and outer.kind == "indirect":
            continue  # reported speech inside reported speech: the outer one is the quote
        drafts.add(Draft(cue.clause[0], cue.clause[1], "indirect", cue))
    # Names inside someone's words are not who speaks; but a cue splitting one pair of marks
    # («…, — напомнил Медведев. — …») lies between two quotes, so the quotes' spans, not the marks', count.
    spoken = sorted((d.start, d.end) for d in drafts.items if d.kind == "direct")
    return _finish(idx, drafts.items, paragraphs, spoken)


def _reported_cues(idx: DocIndex, paragraphs: Paragraphs) -> list[Cue]:
    cues: list[Cue] = []
    for sent in idx.doc.sents:
        if sent.last <= sent.first:
            continue
        k = paragraphs.number(sent.start)
        para_start = paragraphs[k][0] if k is not None else 0
        shape = sentence_shape(idx, sent)
        found = complement_cues(idx, sent, shape) + source_cues(idx, sent) + parenthetical_cues(idx, sent)
        found += anaphoric_cues(idx, sent, para_start) + inverted_cues(idx, sent, shape)
        reach = -1  # cues come by start, so one overlaps an earlier one iff it starts before their furthest end
        for cue in sorted(found, key=lambda c: c.start):
            # A cue may report two spans (the clause before a colon and the paragraph after it): the
            # second copy comes right after the first.
            twin = bool(cues) and (cues[-1].start, cues[-1].end, cues[-1].verb) == (cue.start, cue.end, cue.verb)
            if _contrasted(idx, cues, cue) and cue.kind == "source":
                start = cue.end  # the statement starts past the source phrase and its comma
                while start < len(idx.doc.text) and idx.doc.text[start] in " ,":
                    start += 1
                cue.clause = (start, cue.clause[1]) if cue.clause else None
            elif cue.start < reach and not twin:
                continue
            reach = max(reach, cue.end)
            cues.append(cue)
    return cues


def _before_quotation(text: str, clause: tuple[int, int], drafts: DraftSet) -> tuple[int, int]:
    """Cut a reported clause where a quotation opens after a colon or a sentence end.

    «По словам Коноплева, Крым не единственный объект …: «Турция …»» reports
    one thing in its own words and quotes another.
    """
    for d in drafts.overlapping(clause[0] + 1, clause[1]):
        if d.kind == "direct" and clause[0] < d.start < clause[1]:
            head = text[clause[0]:d.start].rstrip(" «„“\"\n—–-")
            if head.endswith((":", ".", "!", "?", "…")):
                end = clause[0] + len(head.rstrip(":.!?… "))
                return clause[0], end
    return clause


def _anonymous(idx: DocIndex, cue: Cue) -> bool:
    """«собеседник "Ъ"», «источник в правительстве», «по словам собеседника агентства»: an unnamed source,
    whom the outlet after it only talked to; the speaker is nobody named."""
    if cue.agent is not None and _one_of(idx, cue.agent):
        # «один из участников встречи», but not «Один из организаторов акции Владимир Дорош»
        return idx.entity_in(cue.start, cue.end, (PER,)) is None
    if cue.agent is not None and any(idx.tokens[c].lemma in ANONYMOUS_ADJECTIVES for c in idx.children[cue.agent]):
        return True  # «Неназванный представитель армейского командования сообщает»
    span = idx.tokens_in(cue.start, cue.end)
    return any(idx.tokens[i].lemma in ANONYMOUS_NOUNS and idx.tokens[i].rel in ("nsubj", "nmod", "obl", "root")
               for i in span[:_CUE_TOKENS])


def _one_of(idx: DocIndex, agent: int) -> bool:
    """«один из участников встречи»: one unnamed member of a group nobody named (not «один из
    руководителей "Газпрома"», who speaks for the company)."""
    if not is_one(idx.tokens[agent]):
        return False
    for c in idx.children[agent]:
        if any(idx.tokens[g].lemma == "из" for g in idx.children[c]):
            return not any(idx.entity_of.get(g) is not None for g in [c, *idx.children[c]])
    return False


_OUTLET_VERBS = frozenset({"сообщать", "сообщить", "писать", "написать", "передавать", "передать", "цитировать"})


def _introduced_by(idx: DocIndex, start: int, lemma: str, media: bool) -> bool:
    """The mention at ``start`` follows the noun ``lemma`` (or, for an outlet, any media noun):
    «газета "Коммерсантъ"», «издание Der Spiegel», «компания Apple»."""
    i = idx.first_token_from(start) - 1
    while i >= 0 and idx.tokens[i].pos == "PUNCT" and start - idx.tokens[i].end < 3:
        i -= 1
    return i >= 0 and (idx.tokens[i].lemma == lemma or (media and idx.tokens[i].lemma in MEDIA_NOUNS))


def _introduced_by_kind(idx: DocIndex, start: int) -> bool:
    """The mention at ``start`` follows a noun for a kind of organisation: «компания Apple»."""
    i = idx.first_token_from(start) - 1
    while i >= 0 and idx.tokens[i].pos == "PUNCT" and start - idx.tokens[i].end < 3:
        i -= 1
    return i >= 0 and idx.tokens[i].lemma in ORG_NOUNS


def _outlet_of_text(idx: DocIndex, noun: int) -> int:
    """«В статье газеты уточняется», «В заявлении корпорации говорится»: a text of an unnamed outlet or
    organisation speaks for it."""
    if idx.tokens[noun].lemma in DOCUMENT_NOUNS:
        for c in idx.children[noun]:
            if idx.tokens[c].rel == "nmod" and (idx.tokens[c].lemma in MEDIA_NOUNS or idx.tokens[c].lemma in ORG_NOUNS):
                return c
    return noun


def _organisation_described(idx: DocIndex, noun: int, before: int, quotes: list[Quote]) -> Entity | None:
    """«сообщило министерство», «Совет также заявил», «Издание отмечает»: an inanimate description
    the entity layer did not link stands for an organisation named before it: one introduced by the
    same noun («Компания Apple» … «В компании уверены»; for an outlet also one that relayed an earlier
    quote), else one whose name shares the noun's stem («Конституционный совет Туниса»), else for an
    outlet the organisation named last in the last sentences, else the last organisation quoted."""
    tok = idx.tokens[noun]
    # «Совет также заявил»: a capitalised common noun may be tagged PROPN.
    if tok.pos not in ("NOUN", "PROPN") or tok.feats.get("Animacy") != "Inan" or idx.entity_of.get(noun) is not None:
        return None
    stem = tok.lemma[:_STEM]
    k = bisect.bisect_left(idx.mention_starts, tok.start)
    window = idx.mentions[max(0, k - _PERSONS_BACK):k]
    media = tok.lemma in MEDIA_NOUNS
    relayed = {q.via for q in quotes} | {q.speaker for q in quotes if q.verb in _OUTLET_VERBS} if media else set()
    for ref in reversed(window):
        if ref.entity.type == ORG and (ref.entity.id in relayed or _introduced_by(idx, ref.start, tok.lemma, media)):
            return ref.entity
    for ref in reversed(window):
        if ref.entity.type == ORG and any(w.startswith(stem) for w in idx.doc.text[ref.start:ref.end].lower().split()):
            return ref.entity
    if not media and tok.lemma in ORG_NOUNS:
        # «компания Apple» … «В заявлении корпорации»: a kind of organisation named by another noun of
        # its kind when it was introduced.
        for ref in reversed(window):
            if ref.entity.type == ORG and _introduced_by_kind(idx, ref.start):
                return ref.entity
    if media and tok.feats.get("Number") == "Plur" and tok.lemma != "сми":
        return None  # «Российские издания сообщают»: several outlets, none named
    if media:
        # Not for other kinds of organisation: «сообщило министерство» is not the party named just before.
        for ref in reversed(window):  # «опубликовал "Коммерсантъ". По данным газеты, …»
            i = idx.token_at(ref.start)
            if i is not None and idx.tokens[i].sent < tok.sent - _MEDIA_SENTENCES:
                break
            if ref.entity.type == ORG:
                return ref.entity
    if tok.lemma == "сми":
        # «По данным СМИ»: the press at large, not the organisation quoted last; but «СМИ со ссылкой на
        # данные агентства Fitch сообщили» relay Fitch.
        return _referred(idx, noun)
    for q in reversed(quotes[-_CHAIN_BACK:]):
        ent = idx.entity(q.speaker)
        if ent is not None and ent.type == ORG:
            return ent
    return None


def _referred(idx: DocIndex, noun: int) -> Entity | None:
    """The organisation or person after «со ссылкой на» in the noun's sentence, if any."""
    sent = idx.doc.sents[idx.tokens[noun].sent]
    for k in range(sent.first, sent.last - 2):
        if idx.tokens[k].lemma == "ссылка" and idx.tokens[k + 1].lemma == "на":
            for j in range(k + 2, min(k + 8, sent.last)):
                ent = idx.entity_of.get(j)
                if ent is not None and ent.type in (ORG, PER):
                    return ent
    return None


def _speaker(idx: DocIndex, cue: Cue, quoted: list[tuple[int, int]]) -> Entity | None:
    if _anonymous(idx, cue):
        return None
    source = relayed_source(idx, cue)
    if cue.verb is not None and idx.tokens[cue.verb].lemma in RELAY_VERBS:
        # «цитирует ИА Regnum Минченко»: the person in the cue, not the agency quoting him.
        person = idx.entity_in(cue.start, cue.end, (PER,))
        if person is not None:
            return person
    if source is None and cue.agent is None and cue.verb is not None and cue.kind in ("verb", "parenthetical", "colon"):
        cue.agent = clause_subject(idx, cue.verb)  # later steps read a description from it as well
    if source is None and cue.agent is not None and idx.tokens[cue.agent].lemma == "который":
        cue.agent = _antecedent(idx, cue.agent)  # «офицер, который признался, что …»: the officer speaks
    agent = source if source is not None else cue.agent
    if cue.kind == "headline" and agent is not None:
        return entity_of_phrase(idx, agent) or headline_speaker(idx, cue)
    if agent is not None:
        ent = resolve_agent(idx, agent, cue.start, quoted)
        if ent is not None:
            return agree(idx, ent, cue.verb if source is None else None, cue.start)
        if idx.tokens[agent].pos in ("PRON", "DET", "NOUN"):
            return None
    found = speaker_in_span(idx, cue.start, cue.end) or idx.entity_named(idx.doc.text[cue.start:cue.end])
    if found is None and agent is None and cue.verb is not None and cue.kind in ("verb", "parenthetical"):
        # A verb with no subject shares the subject of the clause before it
        # («Челентано написал письмо, …, заявив, что …»): the nearest fitting person of the sentence.
        sent = idx.doc.sents[idx.tokens[cue.verb].sent]
        found = resolve_pronoun(idx, cue.verb, cue.start, quoted, since=sent.start)
    return found


def _described_again(idx: DocIndex, cue: Cue | None, prev: Entity | None) -> bool:
    """«Как пояснила жена российского бизнесмена»: an unlinked description of the last speaker.

    A singular animate noun that the entity layer did not link, agreeing in
    gender with the previous quote's speaker, is taken to describe that speaker.
    """
    if cue is None or prev is None or cue.agent is None:
        return False
    if idx.tokens[cue.agent].lemma in DOCUMENT_NOUNS and not any(idx.tokens[c].rel == "nmod" for c in idx.children[cue.agent]):
        return True  # «В заявлении также говорится, что …»: the statement quoted just before
    owner = _owner(idx, cue.agent)
    if not _unlinked_description(idx, cue) or owner is prev:
        return False  # «коллега Лаврова» after Лавров's words is somebody else
    if owner is not None and not _kin_fits(idx, cue, prev):
        return False  # «внук Манделы» after his spokesman's words is the grandson
    return description_gender(idx, cue) in (None, person_gender(idx, prev))


def _kin_fits(idx: DocIndex, cue: Cue, person: Entity | None) -> bool:
    """«внук Манделы», «жена Бута»: a relative of someone is only a person introduced as one."""
    assert cue.agent is not None
    lemma = idx.tokens[cue.agent].lemma
    return lemma not in KIN_NOUNS or person is None or _introduced_as(idx, person, lemma, cue.start)


def _introduced_as(idx: DocIndex, ent: Entity, lemma: str, before: int) -> bool:
    """``ent`` was named after the noun ``lemma`` before ``before`` («жена Бута Алла»)."""
    stem = lemma[:_STEM]
    for ref in islice(idx.persons_before(before), _PERSONS_BACK):
        if ref.entity is ent and any(w.startswith(stem) for w in role_words(idx, ref)):
            return True
    return False


def _goes_on(idx: DocIndex, cue: Cue | None, prev: Entity | None) -> bool:
    """A cue that names nobody new goes on with the last speaker: «говорится в интервью» (an impersonal
    verb with no author), or a pronoun that found no person in the sentences before it («заявил
    пресс-секретарь губернатора. По его словам, …») when the last speaker fits its gender."""
    if cue is None or prev is None:
        return False
    if cue.agent is None:
        return cue.verb is not None and idx.tokens[cue.verb].lemma in IMPERSONAL_VERBS
    tok = idx.tokens[cue.agent]
    if tok.lemma not in _PRONOUNS or tok.feats.get("Number") == "Plur":
        return False
    gender = _PRONOUNS[tok.lemma] if tok.pos == "DET" else (tok.feats.get("Gender") or _PRONOUNS[tok.lemma])
    return prev.type == PER and person_gender(idx, prev) in (None, gender)


_PRONOUNS = {"он": "Masc", "она": "Fem", "его": "Masc", "её": "Fem", "ее": "Fem"}


def description_gender(idx: DocIndex, cue: Cue) -> str | None:
    """The gender a describing noun tells of its person: a feminine noun («певица») or a past verb
    («министр заявила»); a masculine post («министр», «глава») may be held by a woman."""
    assert cue.agent is not None
    noun = idx.tokens[cue.agent]
    if noun.feats.get("Gender") == "Fem" and noun.lemma not in _COMMON_GENDER:
        return "Fem"
    if cue.verb is not None and idx.tokens[cue.verb].feats.get("Number") != "Plur":
        g = idx.tokens[cue.verb].feats.get("Gender")
        if g in ("Masc", "Fem"):
            return g
    return None


def _owner(idx: DocIndex, noun: int) -> Entity | None:
    """«коллега Лаврова», «жена бизнесмена Петрова»: the person a description is said of, who is not its referent."""
    for c in idx.children[noun]:
        ent = idx.entity_of.get(c)
        if idx.tokens[c].rel == "nmod" and ent is not None and ent.type == PER:
            return ent
    return None


def _other_person(idx: DocIndex, cue: Cue, quoted: list[tuple[int, int]], owner: Entity, since: int) -> Entity | None:
    """«Лавров провёл переговоры с Керри. … Американский коллега Лаврова заявил»: the nearest other person
    named in the paragraph, of a fitting gender."""
    gender = description_gender(idx, cue)
    for ref in islice(idx.persons_before(cue.start), _PERSONS_BACK):
        if ref.start < since:
            break
        if ref.entity is owner or ref.kind != "name" or idx.inside(ref.start, quoted):
            continue
        if gender is None or person_gender(idx, ref.entity) in (None, gender):
            return ref.entity
    return None


def _unlinked_description(idx: DocIndex, cue: Cue) -> bool:
    """The cue's subject is a singular animate common noun («жена», «политик») naming nobody."""
    if cue.agent is None:
        return False
    tok = idx.tokens[cue.agent]
    # «Актёр отметил» opening its sentence may be tagged PROPN: a post or occupation of the NEREL data is a noun.
    noun = tok.pos == "NOUN" or (tok.pos == "PROPN" and idx.entity_of.get(cue.agent) is None
                                 and tok.lemma.replace("ё", "е") in professions())
    return noun and tok.feats.get("Animacy") == "Anim" and tok.feats.get("Number") != "Plur"


def _finish(idx: DocIndex, drafts: list[Draft], paragraphs: Paragraphs, quoted: list[tuple[int, int]]) -> list[Quote]:
    text = idx.doc.text
    quotes: list[Quote] = []
    seen: dict[int, tuple[Entity | None, Entity | None]] = {}
    for n, d in enumerate(drafts, 1):
        q = Quote(id=f"q{n}", kind=d.kind, text=text[d.start:d.end], start=d.start, end=d.end)
        cue = d.cue
        speaker: Entity | None = None
        if cue is not None:
            q.cue = Span(cue.start, cue.end, text[cue.start:cue.end])
            q.verb = idx.tokens[cue.verb].lemma if cue.verb is not None else None
            if id(cue) not in seen:  # a list of quotations shares one cue: resolve it once
                found = _speaker(idx, cue, quoted)
                seen[id(cue)] = (found, find_via(idx, cue, found))
            speaker, via = seen[id(cue)]
            if d.lead is not None and speaker is not None and speaker.type == ORG:
                # «Клименко …: «…», сообщает Лента.ру»: the person before the colon speaks, the outlet relays.
                person = _speaker(idx, d.lead, quoted)
                if person is not None and person.type == PER:
                    speaker, via = person, speaker
            if via is not None:
                q.via, q.via_name = via.id, OUTLET_SIGNS.get(via.name, via.name)
        if cue is not None and quotes and _same_sentence_pronoun(idx, cue, quotes[-1]):
            # «Адвокат признал, что …, но, по его словам, …»: «его» is who spoke just before in the sentence.
            speaker = idx.entity(quotes[-1].speaker)
            q.via = q.via_name = None
        unnamed = cue is not None and _anonymous(idx, cue)
        if speaker is None and quotes and (not unnamed or _outlets_interlocutor(idx, cue)):
            prev = quotes[-1]
            near = _para_no(paragraphs, d.start) - _para_no(paragraphs, prev.start) <= _CHAIN_PARAGRAPHS
            last = idx.entity(prev.speaker)
            # «…: "…"», «Согласно сообщению, …»: a colon or a bare document cue goes on with the last speaker.
            colon = cue is not None and cue.kind in ("colon", "source") and cue.agent is None and not _of_something(idx, cue)
            if near and (unnamed or d.chain or colon or _described_again(idx, cue, last) or _goes_on(idx, cue, last)):
                speaker = last
        if speaker is None and d.lead is not None and d.lead.kind == "anaphor":
            speaker = _speaker(idx, d.lead, quoted)
        if speaker is None and cue is not None and not unnamed and _unlinked_description(idx, cue) and not _voice_of_unnamed(idx, cue):
            # «По словам 87-летнего политика»: the person the paragraph is about, as for a pronoun.
            para_start = paragraphs[_para_no(paragraphs, cue.start)][0]
            # Names inside anyone's words, reported ones too, are not whom a description stands for.
            said = sorted(quoted + [(p.start, p.end) for p in quotes if p.kind == "indirect"])
            speaker = resolve_pronoun(idx, cue.agent, cue.start, said, since=para_start, want=description_gender(idx, cue))
            if speaker is None or not _named_subject(idx, speaker, para_start, cue.start, said):
                # «По пьесе Надежды Птушкиной … Сам юбиляр признаётся»: a person named only in an oblique
                # case is what the paragraph is about, not who it describes; the protagonist is.
                speaker = _protagonist(idx, cue, said) or speaker
            owner = _owner(idx, cue.agent)
            if owner is None and _described_owner(idx, cue.agent) and speaker is _protagonist(idx, cue, said):
                speaker = None  # «Адвокат футболиста признал»: the footballer is the protagonist, his lawyer is nobody named
            if owner is None and _possessed(idx, cue.agent):
                speaker = _named_ahead(idx, cue.agent, said)  # «Об этом сообщил его адвокат» … «адвокат Небойша Влаич»
            if speaker is not None and speaker is owner:
                speaker = _other_person(idx, cue, quoted, owner, para_start)
            if owner is not None and not _kin_fits(idx, cue, speaker):
                speaker = None
        if speaker is None and cue is not None and cue.agent is not None and not unnamed:
            speaker = _organisation_described(idx, _outlet_of_text(idx, cue.agent), cue.start, quotes)
        if speaker is not None:
            q.speaker, q.speaker_name = speaker.id, OUTLET_SIGNS.get(speaker.name, speaker.name)
        quotes.append(q)
    return quotes


def _protagonist(idx: DocIndex, cue: Cue, quoted: list[tuple[int, int]]) -> Entity | None:
    """«— раскрыл свою мысль постановщик», «Нынешний глава государства заявил»: a description naming
    nobody in its paragraph stands for the person the article is about so far, the one named most
    often before it (outside quotations, among the last ``_PERSONS_BACK`` mentions), in a fitting gender."""
    assert cue.agent is not None
    gender = description_gender(idx, cue)
    counts: dict[str, int] = {}
    for ref in islice(idx.persons_before(cue.start), _PERSONS_BACK):
        if ref.kind == "name" and not idx.inside(ref.start, quoted):
            if gender in ("Masc", "Fem") and person_gender(idx, ref.entity) not in (None, gender):
                continue
            counts[ref.entity.id] = counts.get(ref.entity.id, 0) + 1
    if not counts:
        return _named_next(idx, cue, quoted, gender)
    best = max(counts.values())
    # Two people as often named: the one named last («Рэпп … Спейси ответил … Актёр также признался»);
    # counts were filled nearest first, so the first key at the best count is the latest.
    return idx.entity(next(k for k, n in counts.items() if n == best))


def _named_next(idx: DocIndex, cue: Cue, quoted: list[tuple[int, int]], gender: str | None) -> Entity | None:
    """«— сказал глава государства …, — напомнил Медведев»: a description met before anyone is named
    stands for the first person named after it in its paragraph (outside quotations), of a fitting gender."""
    line_end = idx.line_end(cue.end, len(idx.doc.text))
    k = bisect.bisect_left(idx.person_starts, cue.end)
    for ref in islice(idx.persons, k, k + _PERSONS_AHEAD):
        if ref.start >= line_end:
            return None
        if ref.kind != "name" or idx.inside(ref.start, quoted):
            continue
        if gender in ("Masc", "Fem") and person_gender(idx, ref.entity) not in (None, gender):
            continue
        return ref.entity
    return None


def _para_no(paragraphs: Paragraphs, offset: int) -> int:
    k = paragraphs.number(offset)
    return k if k is not None else 0
