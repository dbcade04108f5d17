"""svodka Document → factRuEval response text (tracks 1–3), in the official formats (README §3–5)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import LOC, ORG, PER, Document, Entity

T1_KINDS = ("name", "abbr")  # mention kinds that are names; descriptors are not track-1 mentions
FACT_TYPES = ("Occupation", "Meeting", "Deal", "Ownership")
# The roles factRuEval scores for each type; svodka's extra roles (a meeting's event and place) are
# not part of track 3 and would count as unmatched arguments.
T3_ROLES = {
    "Occupation": {"who", "where", "position"},
    "Meeting": {"participant"},
    "Deal": {"participant", "type"},
    "Ownership": {"owner", "property"},
}


@dataclass(slots=True)
class Export:
    task1: str
    task2: str
    task3: str
    mismatches: list[str] = field(default_factory=list)  # mentions whose raw text does not round-trip


def tag_of(ent: Entity) -> str | None:
    if ent.type == PER:
        return "per"
    if ent.type == ORG:
        return "org"
    if ent.type == LOC:
        return "locorg" if ent.geopolitical else "loc"
    return None


def export(doc: Document, raw: str) -> Export:
    """Response lines for one analysed document; ``raw`` is the text given to ``analyze``."""
    t1, mismatches = _task1(doc, raw)
    return Export(t1, _task2(doc), _task3(doc), mismatches)


def _task1(doc: Document, raw: str) -> tuple[str, list[str]]:
    lines, bad, seen = [], [], set()
    for ent in doc.entities:
        tag = tag_of(ent)
        if tag is None:
            continue
        for m in ent.mentions:
            if m.kind not in T1_KINDS or m.end <= m.start:
                continue
            start = doc.raw_offset(m.start)
            end = doc.raw_offset(m.end - 1) + 1
            if raw[start:end] != doc.text[m.start : m.end]:
                bad.append(f"{m.start}-{m.end} {doc.text[m.start:m.end]!r} → raw {start}-{end} {raw[start:end]!r}")
            # factRuEval's LocOrg is per mention: «Россия заявила» (locorg) but «в России» (loc).
            mtag = ("locorg" if m.geopolitical else "loc") if ent.type == LOC else tag
            line = f"{mtag} {start} {end - start}"
            if line not in seen:
                seen.add(line)
                lines.append(line)
    return _join(lines, "\n"), bad


def person_parts(ent: Entity) -> list[tuple[str, str]]:
    """firstname / patronymic / lastname from the entity's parts, else guessed from the name's words."""
    p = ent.parts
    if p and (p.first or p.middle or p.last):
        # factRuEval lists each given name apart: «Хуан Пабло» is firstname Хуан + firstname Пабло.
        firsts = [("firstname", w) for w in (p.first or "").split()]
        pairs = firsts + [("patronymic", p.middle), ("lastname", p.last)]
        return [(k, v) for k, v in pairs if v]
    words = ent.name.split()
    if len(words) == 1:
        return [("lastname", words[0])]
    if len(words) == 2:
        return [("firstname", words[0]), ("lastname", words[1])]
    return [("firstname", words[0]), ("patronymic", words[1]), ("lastname", " ".join(words[2:]))]


def _task2(doc: Document) -> str:
    blocks = []
    for ent in doc.entities:
        tag = tag_of(ent)
        if tag is None or not ent.name.strip() or not any(m.kind in T1_KINDS for m in ent.mentions):
            continue  # a place only an adjective mentions («чешской») is no named entity for factRuEval
        attrs = person_parts(ent) if tag == "per" else [("name", ent.name)]
        lines = [tag] + [f"{k}: {_value(v)}" for k, v in attrs if _value(v)]
        if len(lines) > 1:
            blocks.append("\n".join(lines))
    return _join(blocks, "\n\n")


def _task3(doc: Document) -> str:
    blocks = []
    for fact in doc.facts:
        if fact.type not in FACT_TYPES:
            continue
        lines = [fact.type]
        for arg in fact.args:
            if arg.role.lower() not in T3_ROLES[fact.type]:
                continue
            ent = doc.entity(arg.entity) if arg.entity else None
            # A place of work or a party told as a phrase around a name («фракции КПРФ») is the phrase.
            phrase = arg.role in ("where", "participant") and arg.text and arg.start is not None
            value = _value(arg.text if phrase else ent.name if ent else (arg.text or ""))
            if value:
                lines.append(f"{arg.role.lower()}: {value}")
        if len(lines) > 1:
            blocks.append("\n".join(lines))
    return _join(blocks, "\n\n")


def _value(text: str | None) -> str:
    """One line, no ':' (a second ':' makes a track-3 file unreadable)."""
    return " ".join((text or "").replace(":", " ").split())


def _join(items: list[str], sep: str) -> str:
    return sep.join(items) + ("\n" if items else "")
