"""Where an organisation's name ends: natasha stops short of parts that belong to it.

«Конгресс США» (the country it belongs to), «Совет при президенте РФ по развитию …» (a «при»/«по»
phrase), «японского МИДа» (an adjective before a name): factRuEval's names, and a reader's, include
them.
"""

from __future__ import annotations

from ..document import Document
from .ner import _QUOTES, Candidate, head_of, normalise


def extend_orgs(doc: Document, cands: list[Candidate]) -> None:
    """«Конгресс США», «министерство сельского хозяйства Германии», «ВВС США»: natasha stops an
    organisation's name before the country it belongs to; the country is part of the name.
    The country keeps its own (nested) mention."""
    tokens = doc.tokens
    starts = {c.toks[0]: c for c in cands if c.type in ("LOC", "ORG")}
    for cand in cands:
        if cand.type != "ORG" or cand.alias_of is not None:
            continue
        grew = False
        # «Генштаба ВС РФ»: a chain of genitives, each an organisation or place name
        while (nxt := starts.get(cand.toks[-1] + 1)) is not None and nxt is not cand:
            first = tokens[nxt.toks[0]]
            if first.sent != tokens[cand.toks[0]].sent or any(tokens[i].text in _QUOTES for i in cand.toks):
                break
            # an abbreviation does not decline («ВС РФ»): the tagger's case for it means nothing
            if first.feats.get("Case") not in ("Gen", None) and not (grew and _abbreviation(first.text)):
                break
            cand.toks = cand.toks + nxt.toks
            cand.end = nxt.end
            grew = True
        if grew:
            normalise(doc, cand)
    names = {i for c in cands if c.type == "PER" for i in c.toks}
    person_at = {c.toks[0]: c for c in cands if c.type == "PER"}
    for cand in cands:
        if cand.type == "ORG" and cand.alias_of is None:
            _extend_pp(doc, cand, names)
            _extend_named_after(doc, cand, person_at)
    taken = {i for c in cands for i in c.toks}
    for cand in cands:
        if cand.type == "ORG" and cand.alias_of is None:
            extend_left(doc, cand, taken)


def _abbreviation(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and text.isalpha()


def _extend_named_after(doc: Document, cand: Candidate, person_at: dict[int, Candidate]) -> None:
    """«Театр им. Йозефа Бойса», «МГУ имени Ломоносова»: «имени» and the person it names belong to
    the organisation's name (the person keeps a mention of their own)."""
    tokens = doc.tokens
    j = cand.toks[-1]
    if tokens[j].text.lower() not in ("им", "имени"):
        j += 1
        if j >= len(tokens) or tokens[j].text.lower() not in ("им", "имени"):
            return
    k = j + 1
    if k < len(tokens) and tokens[k].text == ".":
        k += 1
    person = person_at.get(k)
    if person is None or tokens[k].sent != tokens[cand.toks[0]].sent and tokens[j].text.lower() != "им":
        return
    cand.toks = list(range(cand.toks[0], person.toks[-1] + 1))
    cand.end = person.end
    normalise(doc, cand)


def _extend_pp(doc: Document, cand: Candidate, names: set[int]) -> None:
    """«Совет при президенте РФ по развитию информационного общества», «комитет по атомной энергии»:
    a «при»/«по» phrase right after an organisation's name belongs to the name."""
    tokens = doc.tokens
    j = cand.toks[-1] + 1
    grew = False
    while j < len(tokens) and tokens[j].sent == tokens[cand.toks[0]].sent and tokens[j].lemma in ("при", "по"):
        k = j + 1
        phrase = []
        while k < len(tokens) and k - j <= 6 and k not in names and (
            tokens[k].pos in ("ADJ", "NOUN", "PROPN") or (tokens[k].lemma == "и" and phrase)
        ):
            if phrase and tokens[k].pos in ("NOUN", "PROPN") and tokens[k].feats.get("Case") == "Nom":
                break  # «МЧС по Ленобласти представители Гринпис»: a new subject begins
            phrase.append(k)
            k += 1
        nouns = [i for i in phrase if tokens[i].pos in ("NOUN", "PROPN")]
        if not nouns or tokens[nouns[0]].feats.get("Case") not in ("Dat", "Loc"):
            break
        while phrase and tokens[phrase[-1]].pos not in ("NOUN", "PROPN"):
            phrase.pop()
        cand.toks = cand.toks + list(range(j, phrase[-1] + 1))
        j = phrase[-1] + 1
        grew = True
    if grew:
        cand.end = tokens[cand.toks[-1]].end
        normalise(doc, cand)


# Relational adjectives (относительные прилагательные) name what a body is: «японского МИДа»,
# «государственной Комиссии».  Qualitative ones judge it («выгодный Facebook», «крупнейший Газпром»)
# and deictic ones say which («бывшего», «нынешнего», «этого»): not part of the name.
_RELATIONAL = frozenset(
    """государственный национальный федеральный международный центральный верховный генеральный
    синодальный патриарший муниципальный региональный областной краевой городской районный
    правительственный парламентский президентский""".split()
)


_DEICTIC = frozenset("этот тот такой весь сам свой наш ваш его её их который каждый любой другой иной".split())


def _relational(lemma: str) -> bool:
    return lemma in _RELATIONAL or lemma.endswith(("ский", "цкий", "ской", "цкой"))


def extend_left(doc: Document, cand: Candidate, taken: set[int]) -> None:
    """«японского МИДа», «российского Минсельхоза», «московского «Центра»»: adjectives modifying a
    proper name (capitalised or quoted) are part of it.  «японское правительство» stays a
    description: its head is a common noun.  The merge key stays the short name's, so «российский
    Минсельхоз» and «Минсельхоз» remain one organisation."""
    tokens = doc.tokens
    first = tokens[cand.toks[0]]
    institution = cand.kind == "institution"  # «16-я долговременная экспедиция МКС»: any adjective
    if not (first.text[:1].isupper() or first.text in _QUOTES or institution):
        return
    head = cand.toks[head_of(tokens, cand.toks)]
    case = tokens[head].feats.get("Case")
    inside = set(cand.toks)
    added: list[int] = []
    i = cand.toks[0] - 1
    while i >= 0 and i not in taken and tokens[i].sent == first.sent:
        tok = tokens[i]
        if tok.pos != "ADJ" or tok.feats.get("Case") != case or tok.rel != "amod":
            break
        if not (_relational(tok.lemma) or (institution and tok.lemma not in _DEICTIC)):
            break
        if tok.head not in inside:
            break
        added.insert(0, i)
        inside.add(i)
        i -= 1
    if added:
        key = cand.key
        cand.toks = added + cand.toks
        cand.start = tokens[added[0]].start
        normalise(doc, cand)
        cand.key = key
