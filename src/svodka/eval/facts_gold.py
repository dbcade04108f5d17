"""Gold facts (.facts layer) with every alternative an argument may be matched by (README §5)."""

from __future__ import annotations

from collections.abc import Callable

from .gold import GoldToken, GoldArg, GoldEntity, GoldError, GoldFact, GoldMention, GoldSpan, _blocks
from .text import safe_norm, simple_norm

SCORED_FACTS = ("occupation", "deal", "meeting", "ownership")
SPECIAL_ARGS = ("сложность", "модальность", "фаза")  # difficulty, modality, phase
MODAL_VALUES = {"возможность", "будущее", "отрицание"}  # possibility, future, negation
# Person name orders tried for a person argument: f first name, l last name, p patronymic, n nickname.
PERSON_ORDERS = ("lfp", "fpl", "fp", "fl", "lf", "n", "f", "p", "l", "fn")
_PART = {"f": "firstname", "l": "lastname", "p": "patronymic", "n": "nickname"}


def parse_facts(
    data: str,
    entities: list[GoldEntity],
    spans: dict[str, GoldSpan],
    text: str,
    tokens: list[GoldToken],
    lemmatize: Callable[[str], str] | None = None,
) -> list[GoldFact]:
    by_id = {e.id: e for e in entities}
    lowered = safe_norm(text)
    facts = []
    for block in _blocks(data):
        head = block[0].split(" ")
        if len(head) < 2:
            raise GoldError(f"fact {head[0]}: no type")
        fact = GoldFact(head[0], head[1].strip(" :\n\t\r").lower(), [])
        for line in block[1:]:
            arg = _arg(line, by_id, spans, (lowered, tokens), lemmatize)
            if arg.name == "модальность":
                fact.modal = fact.modal or any(v in MODAL_VALUES for v in arg.values)
            elif arg.name == "сложность":
                fact.hard = "повышенная" in arg.values
            else:
                fact.args.append(arg)
        facts.append(fact)
    _widen_part_of(facts)
    return facts


def _arg(line: str, by_id, spans, doc: tuple[str, list[GoldToken]], lemmatize) -> GoldArg:
    parts = line.split(" ")
    name = parts[0].strip(" \n\r\t").lower()
    name = "position" if name == "job" else name
    rest = " ".join(parts[1:])
    first = parts[1] if len(parts) > 1 else ""
    if first.startswith("obj"):
        ent = by_id[first[3:]]
        descr = " ".join(parts[2:]).strip(" \n\r\t").lower()
        values = {descr} | _entity_values(ent, doc)
        return GoldArg(name, _finish(values), "obj", ent, descr)
    if first.startswith("span"):
        values = []
        for i, alt in enumerate(rest.split("|")):
            fields = [x for x in alt.split(" ") if x]
            span_text = spans[fields[0][4:]].text
            values.append(span_text)
            if i == 0 and name == "position" and lemmatize is not None:
                values.append(lemmatize(span_text))
        return GoldArg(name, _finish(values), "span", descr=values[0])
    values = [a.strip(" \n\r\t").lower() for a in rest.split("|")]
    return GoldArg(name, _finish(values), "str", descr=values[0])


def _finish(values) -> list[str]:
    return list(dict.fromkeys(simple_norm(v) for v in values))


def _entity_values(ent: GoldEntity, doc: tuple[str, list[GoldToken]]) -> set[str]:
    values = set()
    for m in ent.mentions:
        values.add(" ".join(t.text for t in m.tokens))
        values.add(_interval_text(m, *doc))
    if ent.tag == "per":
        lists = {k: ent.attr(v) for k, v in _PART.items()}
        for order in PERSON_ORDERS:
            options = [""]
            for key in order:
                options = [f"{o} {v}" if o else v for v in lists[key] if v for o in options]
            values.update(options)
    elif ent.tag in ("org", "loc"):
        values.update(ent.attr("name"))
    return values


def _interval_text(m: GoldMention, lowered: str, tokens: list[GoldToken]) -> str:
    """The raw text of a mention widened to adjacent quote tokens.

    Like the official scorer, the slice stops one character short of the last
    token's end (it slices to an inclusive end); the Levenshtein tolerance
    hides that in practice.
    """
    toks = m.tokens
    if not toks:
        return ""
    first, last = toks[0].index, toks[-1].index
    while first > 0 and tokens[first - 1].text == '"':
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].text == '"':
        last += 1
    return lowered[tokens[first].start : tokens[last].end]


def _widen_part_of(facts: list[GoldFact]) -> None:
    """Occupation «Where» also accepts names of entities linked to it by an isPartOf fact."""
    links: dict[int, list[GoldEntity]] = {}
    for fact in facts:
        if fact.tag != "ispartof":
            continue
        ents = [a.entity for a in fact.args if a.entity is not None]
        for e in ents:
            links.setdefault(id(e), []).extend(o for o in ents if o is not e)
    for fact in facts:
        if fact.tag != "occupation":
            continue
        for arg in fact.args:
            if arg.name == "where" and arg.entity is not None:
                extra = [v for o in links.get(id(arg.entity), []) for v in o.attr("name")]
                arg.values = _finish(arg.values + extra)
