"""Headlines that carry a statement: «Глава Малайзии: мы не хотим противостоять Китаю», «СМИ: …».

The guidelines annotate such a headline as reported speech of the one named
before the colon (tests/data/quotes/README.md); the speaker is often named only
in the text under it («… заявил её премьер-министр Махатхир Мохамад»).
"""

from __future__ import annotations

import bisect

from ..document import ORG, PER, Entity
from .cues import Cue
from .direct import Draft
from .index import DocIndex
from .lexicon import MEDIA_NOUNS

_MAX_SOURCE = 6  # tokens before the colon: a name or a short description, not a clause
_MIN_WORDS = 3  # words after the colon: a statement, not a label («Москва: фото»)
_AHEAD = 30  # mentions after the headline searched for the one it describes
_PRESS = frozenset({"сми"}) | MEDIA_NOUNS


def find_headline(idx: DocIndex, paragraphs: list[tuple[int, int]]) -> list[Draft]:
    """The first paragraph, when it is one line «source: statement» with no closing full stop."""
    if not paragraphs:
        return []
    start, end = paragraphs[0]
    text = idx.doc.text
    line = text[start:end]
    colon = line.find(":")
    if colon <= 0 or "\n" in line or line.rstrip().endswith((".", "!", "?", "…")):
        return []
    body = line[colon + 1:].strip(" «»\"")
    if len(body.split()) < _MIN_WORDS:
        return []
    source = idx.tokens_in(start, start + colon)
    if not source or len(source) > _MAX_SOURCE or any(idx.tokens[i].pos in ("VERB", "AUX", "NUM", "ADP") for i in source):
        return []
    # The first noun, in the nominative (an indeclinable «СМИ» or name may be tagged otherwise).
    head = next((i for i in source if idx.tokens[i].pos in ("NOUN", "PROPN")), None)
    if head is not None and idx.tokens[head].feats.get("Case") not in ("Nom", None) and \
            idx.tokens[head].lemma not in _PRESS and head not in idx.entity_of:
        return []
    if head is None or not _speaks(idx, head):
        return []
    if not any(idx.tokens[i].pos in ("VERB", "AUX") or idx.tokens[i].feats.get("Variant") == "Short"
               for i in idx.tokens_in(start + colon + 1, end)):
        return []  # a label or a list («Итоги недели: выборы, санкции»), not a statement
    first = start + colon + 1 + (len(line[colon + 1:]) - len(line[colon + 1:].lstrip(" «\"")))
    last = start + len(line.rstrip(" »\""))
    return [Draft(first, last, "indirect", Cue(start, start + colon, None, head, "headline"))]


def _speaks(idx: DocIndex, head: int) -> bool:
    tok = idx.tokens[head]
    ent = idx.entity_of.get(head)
    if ent is not None:
        return ent.type in (PER, ORG) or (ent.type == "LOC" and ent.geopolitical)
    return tok.lemma in _PRESS or (tok.feats.get("Animacy") == "Anim" and tok.feats.get("Number") != "Plur")


def headline_speaker(idx: DocIndex, cue: Cue) -> Entity | None:
    """Who a headline's source stands for when it names nobody: for «СМИ» or «газета» the first outlet
    named under it, for a description («Глава Малайзии») the first person named under it."""
    assert cue.agent is not None
    want = ORG if idx.tokens[cue.agent].lemma in _PRESS else PER
    k = bisect.bisect_left(idx.mention_starts, cue.end)
    for ref in idx.mentions[k:k + _AHEAD]:
        if ref.entity.type != want or ref.kind != "name":
            continue
        if want == ORG and not _outlet(idx, ref.start):
            continue
        return ref.entity
    return None


def _outlet(idx: DocIndex, start: int) -> bool:
    """«газета "Коммерсант"», «издание Der Spiegel», «сообщает Daily Mirror»: a mention right after a
    media noun or a verb of reporting."""
    i = idx.first_token_from(start) - 1
    while i >= 0 and idx.tokens[i].pos == "PUNCT" and start - idx.tokens[i].end < 3:
        i -= 1
    return i >= 0 and (idx.tokens[i].lemma in MEDIA_NOUNS or idx.tokens[i].lemma in _RELAYS)


_RELAYS = frozenset({"сообщать", "сообщить", "писать", "написать", "передавать"})  # «сообщает Daily Mirror»
