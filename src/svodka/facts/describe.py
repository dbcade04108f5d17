"""Facts as lines a reader understands:
«Встреча: Владимир Путин, Джон Керри — Кремль — 2013-05-08 (состоялась)».

Shared by ``svodka analyze --format pretty`` and the brief.
"""

from __future__ import annotations

from ..document import Arg, Document, Fact, TimeExpr

TITLES = {
    "Occupation": "Должность", "Meeting": "Встреча", "Deal": "Сделка", "Ownership": "Владение",
    "Visit": "Визит", "Call": "Телефонный разговор", "Message": "Послание",
    "Participation": "Участие", "Statement": "Заявление",
}
# Grammatical gender («род») of each title, for the agreeing status word.
GENDER = {"Meeting": "f", "Deal": "f", "Visit": "m", "Call": "m", "Message": "n", "Participation": "n", "Ownership": "n", "Occupation": "f", "Statement": "n"}
STATUS = {
    "done": {"f": "состоялась", "m": "состоялся", "n": "состоялось"},
    "planned": {"f": "планируется", "m": "планируется", "n": "планируется"},
    "possible": {"f": "возможна", "m": "возможен", "n": "возможно"},
    "negated": {"f": "не состоялась", "m": "не состоялся", "n": "не состоялось"},
}
STATIVE = frozenset({"Occupation", "Ownership", "Statement"})  # states, not events: no «состоялось»
COUNT_WORDS = {1: "однажды", 2: "дважды", 3: "трижды", 4: "четырежды"}
# TIMEX3 references to no fixed date.
TIME_REFS = {"PAST_REF": "недавно", "PRESENT_REF": "сейчас", "FUTURE_REF": "в будущем"}


def fact_line(doc: Document, fact: Fact) -> str:
    title = TITLES.get(fact.type, fact.type)
    body = _BODIES.get(fact.type, _generic)(doc, fact)
    parts = [f"{title}: {body}"]
    when = time_text(doc, fact)
    if when:
        parts.append(when)
    line = " — ".join(parts)
    if fact.type not in STATIVE or fact.status != "done":
        line += f" ({STATUS.get(fact.status, {}).get(GENDER.get(fact.type, 'n'), fact.status)})"
    return line


def arg_text(doc: Document, arg: Arg) -> str:
    """An argument as a reader names it: the entity's canonical name, else the text in
    its dictionary form («саммите G20» → «саммит G20»)."""
    # An event, or a place of work told as a phrase around a name («фракции КПРФ»), reads as the phrase.
    if arg.role in ("event", "where", "participant") and arg.start is not None and arg.text:
        return nominal_phrase(doc, arg.start, arg.end or arg.start)
    if arg.entity:
        ent = doc.entity(arg.entity)
        if ent:
            return ent.name
    if arg.quote:
        q = next((q for q in doc.quotes if q.id == arg.quote), None)
        return f"«{_shorten(q.text)}»" if q else arg.quote
    if arg.role == "position" and arg.start is not None:
        return nominal_phrase(doc, arg.start, arg.end or arg.start)
    return arg.text or ""


def nominal_phrase(doc: Document, start: int, end: int) -> str:
    """The phrase at ``start``…``end`` with its head noun and the adjectives before it in
    the nominative («первым американским госсекретарем» → «первый американский госсекретарь»)."""
    toks = [t for t in doc.tokens if t.start >= start and t.end <= end]
    if not toks:
        return _nominal_without_tokens(doc.text[start:end])
    head = next((k for k, t in enumerate(toks) if t.pos in ("NOUN", "PROPN")), None)
    if head is None:
        return doc.text[start:end]
    words = []
    gender = toks[head].feats.get("Gender", "Masc")
    for k, t in enumerate(toks):
        if k < head and t.pos == "ADJ":
            words.append(_adjective(t.lemma, gender, toks[head].feats.get("Number", "Sing")))
        elif k == head and t.pos == "NOUN":
            words.append(_noun(t))
        else:
            words.append(t.text)
    return _join(words, toks)


def _nominal_without_tokens(text: str) -> str:
    """The same for a document read back from JSON (no tokens): pymorphy alone, out of context."""
    from ..models import morph_analyzer

    words = text.split()
    parses = [morph_analyzer().parse(w)[0] for w in words]
    head = next((k for k, p in enumerate(parses) if p.tag.POS == "NOUN"), None)
    if head is None:
        return text
    gender = parses[head].tag.gender or "masc"
    out = []
    for k, (w, p) in enumerate(zip(words, parses)):
        if k < head and p.tag.POS in ("ADJF", "PRTF"):
            form = p.inflect({"nomn", gender if p.tag.number != "plur" else "plur"})
            out.append(form.word if form else w)
        elif k == head:
            out.append(p.normal_form if w[:1].islower() else p.normal_form[:1].upper() + p.normal_form[1:])
        else:
            out.append(w)
    return " ".join(out)


def _noun(t) -> str:
    if t.feats.get("Number") == "Plur" and t.lemma not in ("переговоры",):
        return _inflect(t.text, {"nomn", "plur"}) or t.lemma
    return t.lemma


def _adjective(lemma: str, gender: str, number: str) -> str:
    grams = {"nomn", "plur"} if number == "Plur" else {"nomn", {"Fem": "femn", "Neut": "neut"}.get(gender, "masc")}
    return _inflect(lemma, grams) or lemma


def _inflect(word: str, grams: set[str]) -> str | None:
    from ..models import morph_analyzer

    parsed = morph_analyzer().parse(word)
    if not parsed:
        return None
    form = parsed[0].inflect(grams)
    return form.word if form else None


def _join(words: list[str], toks) -> str:
    out = words[0]
    for w, prev, t in zip(words[1:], toks, toks[1:]):
        out += (" " if t.start > prev.end else "") + w
    return out


def time_text(doc: Document, fact: Fact) -> str:
    t: TimeExpr | None = next((x for x in doc.times if x.id == fact.time), None) if fact.time else None
    if t is None:
        if fact.type not in STATIVE and fact.status == "done" and doc.published:
            return doc.published
        return ""
    if t.interval and t.interval.start != t.interval.end:
        s, e = t.interval.start, t.interval.end
        if s[:7] == e[:7] and len(s) == len(e) == 10:
            if s[8:] == "01" and _month_end(e):
                return s[:7]
            return f"{s}…{e[8:]}"
        return f"{s}…{e}"
    return TIME_REFS.get(t.value, t.value)


def _month_end(date: str) -> bool:
    import calendar

    y, m, d = (int(x) for x in date.split("-"))
    return d == calendar.monthrange(y, m)[1]


def _shorten(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _names(doc: Document, fact: Fact, role: str) -> list[str]:
    return [arg_text(doc, a) for a in fact.args if a.role == role]


def _one(doc: Document, fact: Fact, role: str) -> str:
    names = _names(doc, fact, role)
    return names[0] if names else "?"


def _where(doc: Document, fact: Fact) -> str:
    return ", ".join(_names(doc, fact, "event") + _names(doc, fact, "place") + _names(doc, fact, "destination"))


def _occupation(doc: Document, fact: Fact) -> str:
    post = ", ".join(_names(doc, fact, "position") + _names(doc, fact, "where"))
    return f"{_one(doc, fact, 'who')} — {post}" if post else _one(doc, fact, "who")


def _meeting(doc: Document, fact: Fact) -> str:
    who = ", ".join(_names(doc, fact, "participant"))
    where = _where(doc, fact)
    return f"{who} — {where}" if where else who


def _call(doc: Document, fact: Fact) -> str:
    who = ", ".join(_names(doc, fact, "participant"))
    if fact.count and fact.count > 1:
        who += f", {COUNT_WORDS.get(fact.count, f'{fact.count} раз')}"
    return who


def _visit(doc: Document, fact: Fact) -> str:
    return f"{_one(doc, fact, 'who')} → {_one(doc, fact, 'destination')}"


def _participation(doc: Document, fact: Fact) -> str:
    return f"{_one(doc, fact, 'who')} — {_where(doc, fact)}"


def _message(doc: Document, fact: Fact) -> str:
    line = f"{_one(doc, fact, 'sender')} → {_one(doc, fact, 'recipient')}"
    carrier = _names(doc, fact, "carrier")
    return line + (f", передал {carrier[0]}" if carrier else "")


def _deal(doc: Document, fact: Fact) -> str:
    kind = _names(doc, fact, "type")
    return ", ".join(_names(doc, fact, "participant")) + (f" ({kind[0]})" if kind else "")


def _ownership(doc: Document, fact: Fact) -> str:
    return f"{_one(doc, fact, 'owner')} владеет: {_one(doc, fact, 'property')}"


def _statement(doc: Document, fact: Fact) -> str:
    speaker = _names(doc, fact, "speaker")
    quote = _one(doc, fact, "quote")
    return f"{speaker[0]}: {quote}" if speaker else quote


def _generic(doc: Document, fact: Fact) -> str:
    return ", ".join(f"{a.role}={arg_text(doc, a)}" for a in fact.args)


_BODIES = {
    "Occupation": _occupation, "Meeting": _meeting, "Call": _call, "Visit": _visit,
    "Participation": _participation, "Message": _message, "Deal": _deal,
    "Ownership": _ownership, "Statement": _statement,
}
