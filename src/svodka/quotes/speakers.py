"""Who said it: the entity behind a cue's subject, a pronoun, or a role description.

Order of evidence for a cue: the syntactic subject of the speech verb (or the
dependent of «словам» in «по словам X») when it lies in an entity mention,
names standing beside it in apposition («пресс-секретарь Дмитрий Песков»),
a personal pronoun resolved to the nearest fitting person, a role noun matched
against the roles of persons met before («американский дипломат» →
the person introduced as «госсекретарь США»), then any person in the cue.
"""

from __future__ import annotations

import bisect
from itertools import islice

from ..document import LOC, ORG, PER, Entity

from .index import DocIndex, MentionRef
from .lexicon import COUNTRY_ADJECTIVES, DOCUMENT_NOUNS, ORG_NOUNS, ROLE_SYNONYMS

# Dependents that name the same referent as their head («приложение», apposition).
_SAME_REFERENT = ("appos", "flat:name", "flat", "flat:foreign")
# Heads that speak for the organisation they depend on: «пресс-служба компании X».
ORG_VOICES = frozenset(
    {"пресс-служба", "представитель", "руководство", "сайт", "служба", "делегация", "наблюдатель", "миссия", "делегат", "член"}
) | DOCUMENT_NOUNS
# Voices of one person only: «пресс-секретарь губернатора» speaks for the governor (guidelines, rule 8).
_PERSON_VOICES = frozenset({"пресс-секретарь", "пресс-атташе", "спикер"})
# Personal pronouns that can stand for a speaker, with the gender they require.
_PRONOUN_GENDER = {"он": "Masc", "она": "Fem", "его": "Masc", "её": "Fem", "ее": "Fem"}
_STEM = 6  # role words match on their first letters, forgiving typos such as «протоирей»
_SENTENCE_WINDOW = 4  # how many sentences back a pronoun may look for its person
# Bounds that keep each look-up independent of the document's length:
_SENTENCES_BACK = 100  # sentences (inside quotations or not) a pronoun's window may step over
_PERSONS_BACK = 100  # person mentions, nearest first, searched for a namesake or a role
_VOICES_BACK = 20  # «представитель», «пресс-служба» … searched back for an organisation's voice


def subject_of(idx: DocIndex, verb: int) -> int | None:
    """The subject («подлежащее») of a verb, borrowed from the first conjunct for «… и добавил»."""
    for _ in range(3):
        subjects = [c for c in idx.children[verb] if idx.tokens[c].rel in ("nsubj", "nsubj:pass")]
        if subjects:
            # «как рассказал "Ъ" один из участников»: the parser may take the addressee (a dative) for a
            # second subject; the nominative one speaks.
            # A dative alone is no subject either («В уфимской мэрии "Ъ" сообщили»).
            found = next((c for c in subjects if idx.tokens[c].feats.get("Case") in ("Nom", None)), subjects[0])
            return None if idx.tokens[found].feats.get("Case") == "Dat" else found
        tok = idx.tokens[verb]
        # «… и добавил» borrows from its first conjunct, «…, отметив» from the verb it modifies.
        if (tok.rel == "conj" or tok.feats.get("VerbForm") == "Conv") and tok.head >= 0:
            verb = tok.head
            continue
        return None
    return None


def said_in(idx: DocIndex, verb: int, after: bool = False) -> int | None:
    """«В заявлении МВД говорится», «В Кремле считают»: the «в»-phrase before a verb that has no subject
    (or after it, with ``after``: «…», — говорится в сообщении МВД)."""
    toks = idx.tokens
    if subject_of(idx, verb) is not None:
        return None
    for c in idx.children[verb]:
        if (c < verb or after) and toks[c].rel == "obl" and any(toks[g].lemma == "в" and toks[g].rel == "case" for g in idx.children[c]):
            ent = idx.entity_of.get(c)
            if toks[c].lemma in DOCUMENT_NOUNS or toks[c].lemma in ORG_NOUNS or (ent is not None and ent.type in (ORG, LOC)):
                return c
            if is_voice(idx, c):
                return c  # «В пресс-службе "Газпрома" заявили»
    return None


def is_voice(idx: DocIndex, noun: int) -> bool:
    """«пресс-служба "Газпрома"», «представитель МИД»: a voice of a named organisation or person."""
    return idx.tokens[noun].lemma in ORG_VOICES and entity_of_phrase(idx, noun) is not None


def entity_of_phrase(idx: DocIndex, head: int) -> Entity | None:
    """The entity a noun phrase names: its head's mention or an appositive name."""
    # A name in apposition beats a role description on the head: «лидер ДПНИ Александр Белов».
    for c in [head] + [c for c in idx.children[head] if idx.tokens[c].rel in _SAME_REFERENT]:
        if c != head and _person_after_thing(idx, head, c):
            continue  # «Как сообщают американские СМИ, 55-летний Т.Донилон …»: the reported clause's subject
        ent = idx.name_of.get(c)
        if ent is not None and (ent.type in (PER, ORG) or (ent.type == LOC and ent.geopolitical)):
            return ent
    if idx.tokens[head].pos == "NOUN" and idx.tokens[head].feats.get("Number") != "Plur":
        named = _name_after(idx, head)
        if named is not None:
            return named  # «лидер Меджлиса …, народный депутат Украины Мустафа Джемилев»
    ent = idx.entity_of.get(head)
    plural = idx.tokens[head].feats.get("Number") == "Plur"
    owner = any(idx.name_of.get(c) is ent for c in idx.children[head] if idx.tokens[c].rel == "nmod")
    if ent is not None and not owner and (ent.type == ORG or (ent.type == PER and not plural)):
        # «представители Роскосмоса» are not one person, and «помощник Хиллари Клинтон» is not Клинтон,
        # whatever a descriptor says.
        return ent
    if idx.tokens[head].lemma in ORG_VOICES | _PERSON_VOICES:
        for c in idx.children[head]:
            # «заявление компании Apple»: the owner, or a name in apposition to it.
            for g in [c] + [g for g in idx.children[c] if idx.tokens[g].rel in _SAME_REFERENT]:
                ent = idx.name_of.get(g) if idx.tokens[c].rel == "nmod" or g == c else None
                if ent is not None and ent.type in (ORG, PER):
                    return ent
            if idx.tokens[c].rel == "nmod" and idx.tokens[c].feats.get("Animacy") == "Anim":
                # «Представители певицы утверждают»: a person's spokespeople speak for her, described or named.
                ent = idx.entity_of.get(c) or resolve_role(idx, c, idx.tokens[c].start) or role_ahead(idx, c)
                if ent is not None and ent.type == PER:
                    return ent
    return None


def _person_after_thing(idx: DocIndex, head: int, c: int) -> bool:
    """A name parsed in apposition to an inanimate common noun across a comma."""
    h = idx.tokens[head]
    return (h.pos == "NOUN" and h.feats.get("Animacy") == "Inan" and c > head
            and any(idx.tokens[j].text == "," for j in range(head + 1, c)))


def resolve_agent(idx: DocIndex, agent: int, before: int, exclude: list[tuple[int, int]]) -> Entity | None:
    """The entity that token ``agent`` (a subject or a «по словам» dependent) stands for."""
    ent = entity_of_phrase(idx, agent)
    if ent is not None:
        return ent
    tok = idx.tokens[agent]
    if tok.pos == "PRON" or tok.lemma in _PRONOUN_GENDER:
        return resolve_pronoun(idx, agent, before, exclude)
    if tok.pos == "DET" and tok.lemma in ("его", "её", "ее", "свой"):
        return resolve_pronoun(idx, agent, before, exclude)
    if tok.pos == "NOUN":
        return resolve_role(idx, agent, before) or _name_after(idx, agent)
    return None


def _name_after(idx: DocIndex, noun: int) -> Entity | None:
    """«писатель и журналист Виктор Шендерович», «полпреда президента в округе Виктора Ишаева»: a person
    named right after the role noun in the same case (an apposition agrees with its noun), not its dependent."""
    if idx.tokens[noun].feats.get("Animacy") == "Inan":
        return None  # «Как сообщают американские СМИ, 55-летний Т.Донилон …»: a thing is no person's post
    case = idx.tokens[noun].feats.get("Case")
    sent = idx.tokens[noun].sent
    for j in range(noun + 1, min(noun + 12, len(idx.tokens))):
        t = idx.tokens[j]
        if t.sent != sent or (t.pos == "PUNCT" and t.text not in ("-", ",")):
            return None
        if t.pos in ("VERB", "AUX", "SCONJ", "PRON") or t.feats.get("Variant") == "Short":
            return None  # a new clause has begun: «Ветеран уверен, что Дик Адвокат …»
        ent = idx.name_of.get(j)
        if ent is None or idx.name_of.get(j - 1) is ent:
            continue  # judge a name by its first word: «Хиллари» (nmod) decides for «Клинтон»
        if ent.type == PER and t.feats.get("Case") == case and t.rel != "nmod":
            return ent
    return None


def _window_start(idx: DocIndex, sent: int, exclude: list[tuple[int, int]]) -> int:
    """The first sentence a pronoun may look back to: four sentences, not counting those inside quotations."""
    counted, floor = 0, sent - _SENTENCES_BACK
    while sent > max(0, floor) and counted < _SENTENCE_WINDOW:
        sent -= 1
        if not idx.inside(idx.doc.sents[sent].start, exclude):
            counted += 1
    return sent


def _voice(idx: DocIndex, pron: int, plural: bool) -> Entity | None:
    """A pronoun standing for an organisation's unnamed voice, met in the last sentences.

    «Представители Роскосмоса … Они лишь сказали» (plural); «Представитель
    Минсельхоза Германии сообщил … он заявил» when no person precedes (singular).
    """
    sent = idx.tokens[pron].sent
    if idx.voices is None:
        idx.voices = [j for j, t in enumerate(idx.tokens) if t.lemma in ORG_VOICES and t.feats.get("Case") == "Nom"]
    k = bisect.bisect_left(idx.voices, pron)
    for j in reversed(idx.voices[max(0, k - _VOICES_BACK):k]):
        t = idx.tokens[j]
        if t.sent < sent - 2:
            break
        if (t.feats.get("Number") == "Plur") == plural:
            return entity_of_phrase(idx, j)
    return None


def person_gender(idx: DocIndex, ent: Entity) -> str | None:
    """The grammatical gender of a person's name as natasha tagged it in a name mention (cached per entity)."""
    if ent.id not in idx.genders:
        idx.genders[ent.id] = None
        for m in ent.mentions:
            if m.kind == "name":
                i = idx.token_at(m.start)
                if i is not None and idx.tokens[i].feats.get("Gender"):
                    idx.genders[ent.id] = idx.tokens[i].feats["Gender"]
                    break
    return idx.genders[ent.id]


def agree(idx: DocIndex, ent: Entity | None, verb: int | None, before: int) -> Entity | None:
    """«Бут рассказала»: when a past-tense verb's gender contradicts the person, take a namesake who fits."""
    if ent is None or verb is None or ent.type != PER:
        return ent
    want = idx.tokens[verb].feats.get("Gender") if idx.tokens[verb].feats.get("Number") != "Plur" else None
    if want not in ("Masc", "Fem") or person_gender(idx, ent) in (None, want):
        return ent
    surname = (ent.parts.last if ent.parts and ent.parts.last else ent.name.split()[-1]).lower()
    for ref in islice(idx.persons_before(before), _PERSONS_BACK):
        other = ref.entity
        if other is not ent and surname in other.name.lower() and person_gender(idx, other) == want:
            return other
    return ent


def _gender(idx: DocIndex, ref: MentionRef) -> str | None:
    """A mention's gender: its past-tense verb's when it is the subject («Алёхина … подчеркнула», whatever
    the name's own tag), else the first gendered tag in the mention."""
    for i in idx.tokens_in(ref.start, ref.end):
        t = idx.tokens[i]
        if t.rel == "nsubj" and t.head >= 0 and idx.tokens[t.head].pos == "VERB":
            g = idx.tokens[t.head].feats.get("Gender")
            if g in ("Masc", "Fem") and idx.tokens[t.head].feats.get("Number") == "Sing":
                return g
    for i in idx.tokens_in(ref.start, ref.end):
        g = idx.tokens[i].feats.get("Gender")
        if g:
            return g
    return None


def resolve_pronoun(
    idx: DocIndex, pron: int, before: int, exclude: list[tuple[int, int]], since: int = 0, want: str | None = "",
) -> Entity | None:
    """«он», «она», «по его словам»: the nearest earlier person of the same gender.

    Mentions inside quotations are skipped (a name inside someone's words is not
    who speaks), and within a sentence a person in the nominative (a subject)
    wins over one in an oblique case.
    """
    tok = idx.tokens[pron]
    if tok.feats.get("Number") == "Plur" or tok.lemma in ("они", "их"):
        return _voice(idx, pron, plural=True)
    gender = tok.feats.get("Gender") or _PRONOUN_GENDER.get(tok.text.lower())
    if tok.pos == "DET":  # a possessive («его», «её») agrees with its noun, not its owner
        gender = _PRONOUN_GENDER.get(tok.text.lower())
    if want != "":
        gender = want  # the caller knows better («министр заявила»: a woman, though «министр» is masculine)
    first_sent = _window_start(idx, tok.sent, exclude)
    best: dict[int, tuple[int, Entity]] = {}
    for ref in islice(idx.persons_before(before), _PERSONS_BACK):  # nearest first, up to the window's edge
        i = idx.token_at(ref.start)
        if ref.start < since or (i is not None and idx.tokens[i].sent < first_sent):
            break
        if i is None or idx.inside(ref.start, exclude):
            continue
        if gender and _gender(idx, ref) not in (None, gender):
            continue
        sent = idx.tokens[i].sent
        nominative = any(idx.tokens[j].feats.get("Case") == "Nom" for j in idx.tokens_in(ref.start, ref.end))
        # A named subject first, then a described one, then a person in an oblique case.
        rank = (0 if ref.kind == "name" else 1) if nominative else 2
        if sent not in best or rank < best[sent][0]:
            best[sent] = (rank, ref.entity)
    if not best:
        voice = _voice(idx, pron, plural=False) if tok.pos == "PRON" else None
        return voice or (_same_gender_before(idx, gender, before, since, exclude) if gender in ("Fem", "Masc") else None)
    # The latest sentence with a person in the nominative; failing that, the latest at all.
    return _pick(best)



def _same_gender_before(idx: DocIndex, gender: str, before: int, since: int, exclude: list[tuple[int, int]]) -> Entity | None:
    """«— сказала она» with no woman in the last sentences (the entity layer may have tied the surname
    to a namesake): the latest person of that gender named before, further back (``_PERSONS_BACK``
    mentions at most)."""
    for ref in islice(idx.persons_before(before), _PERSONS_BACK):
        if ref.start < since:
            break
        if ref.kind == "name" and not idx.inside(ref.start, exclude) and person_gender(idx, ref.entity) == gender:
            return ref.entity
    return None


def _pick(best: dict[int, tuple[int, Entity]]) -> Entity:
    nominative = [s for s, (rank, _) in best.items() if rank < 2]
    return best[max(nominative or best)][1]


def _country_of(idx: DocIndex, head: int) -> str | None:
    for c in idx.children[head]:
        t = idx.tokens[c]
        if t.rel == "amod" and t.lemma in COUNTRY_ADJECTIVES:
            return COUNTRY_ADJECTIVES[t.lemma]
        if t.rel == "nmod":
            ent = idx.entity_of.get(c)
            if ent is not None and ent.type == LOC:
                return t.lemma
    return None


def _role_context(idx: DocIndex, ref: MentionRef) -> tuple[set[str], set[str]]:
    """Role nouns and place names said just before a person's mention: «госсекретарем США Джоном Керри»."""
    i = idx.token_at(ref.start)
    words: set[str] = set()
    places: set[str] = set()
    if i is None:
        return words, places
    sent = idx.tokens[i].sent
    for j in range(i - 1, max(-1, i - 5), -1):
        t = idx.tokens[j]
        if t.sent != sent or t.pos == "PUNCT" or t.pos == "VERB":
            break
        if t.pos == "NOUN":
            words.add(t.lemma)
        ent = idx.entity_of.get(j)
        if ent is not None and ent.type == LOC:
            places.add(t.lemma)
        elif t.lemma in COUNTRY_ADJECTIVES:
            places.add(COUNTRY_ADJECTIVES[t.lemma])
    for role in ref.entity.roles:
        words.update(role.post.lower().split())
    return words, places


def role_words(idx: DocIndex, ref: MentionRef) -> set[str]:
    """The role nouns said of a person at one mention («госсекретарем США Джоном Керри» → госсекретарь)."""
    return _role_context(idx, ref)[0]


def resolve_role(idx: DocIndex, noun: int, before: int) -> Entity | None:
    """A role description not linked by the entity layer: the latest person holding a fitting role."""
    lemma = idx.tokens[noun].lemma
    if idx.tokens[noun].feats.get("Animacy") != "Anim" or idx.tokens[noun].feats.get("Number") == "Plur":
        return None
    wanted = {w[:_STEM] for w in ROLE_SYNONYMS.get(lemma, frozenset({lemma}))}
    country = _country_of(idx, noun)
    # Only persons met before the noun itself: in «помощник Хиллари Клинтон» Клинтон is not the assistant.
    for ref in islice(idx.persons_before(min(before, idx.tokens[noun].start)), _PERSONS_BACK):
        words, places = _role_context(idx, ref)
        if not ({w[:_STEM] for w in words} & wanted):
            continue
        if country and places and country not in places:
            continue
        return ref.entity
    return None


def role_ahead(idx: DocIndex, noun: int) -> Entity | None:
    """«пресс-секретарь губернатора Санкт-Петербурга» before the governor is named: the first person
    after the noun whose role fits it (``_PERSONS_BACK`` person mentions at most)."""
    tok = idx.tokens[noun]
    if tok.feats.get("Animacy") != "Anim" or tok.feats.get("Number") == "Plur":
        return None
    wanted = {w[:_STEM] for w in ROLE_SYNONYMS.get(tok.lemma, frozenset({tok.lemma}))}
    k = bisect.bisect_right(idx.person_starts, tok.end)
    for ref in islice(idx.persons, k, k + _PERSONS_BACK):
        words, _ = _role_context(idx, ref)
        if {w[:_STEM] for w in words} & wanted:
            return ref.entity
    return None


def clause_subject(idx: DocIndex, verb: int) -> int | None:
    """A speech verb with no subject of its own (the parser hung the clause that has it elsewhere):
    «кандидат … вышла к журналистам, объявила: …». The nominative subject, before the verb in its
    sentence, of a verb joined to it (its head or a clause depending on it), agreeing in gender."""
    toks = idx.tokens
    want = toks[verb].feats.get("Gender") if toks[verb].feats.get("Number") != "Plur" else None
    near = [c for c in idx.children[verb] if toks[c].rel in ("parataxis", "conj", "advcl") and c < verb]
    if toks[verb].head >= 0 and toks[verb].rel in ("parataxis", "conj", "advcl", "acl:relcl", "acl"):
        near.append(toks[verb].head)
    best: int | None = None
    for v in near:
        if toks[v].pos not in ("VERB", "AUX") or toks[v].sent != toks[verb].sent:
            continue
        for c in idx.children[v]:
            t = toks[c]
            if t.rel != "nsubj" or c > verb or t.feats.get("Case") not in ("Nom", None) or t.lemma == "который":
                continue
            vg = toks[v].feats.get("Gender")
            if want and vg and vg != want:
                continue
            if best is None or c > best:
                best = c
    return best


def speaker_in_span(idx: DocIndex, start: int, end: int) -> Entity | None:
    """Fallback: the first person (else organisation) named inside a cue, not the addressee (a dative
    object: «сообщили РИА Новости в пресс-службе базы»)."""
    lo, hi = bisect.bisect_left(idx.mention_starts, start), bisect.bisect_left(idx.mention_starts, end)
    for etype in (PER, ORG):
        for ref in idx.mentions[lo:hi]:
            if ref.end <= end and ref.entity.type == etype and not _addressee(idx, ref):
                return ref.entity
    return None


def _addressee(idx: DocIndex, ref: MentionRef) -> bool:
    i = idx.token_at(ref.start)
    return i is not None and idx.tokens[i].rel == "iobj" and idx.tokens[i].feats.get("Case") == "Dat"
