"""Reader of the factRuEval-2016 gold layers (.tokens .spans .objects .coref .facts).

Mirrors what the official scorers build from them (devset README §1): tokens
with their neighbours, spans, typed mentions, entities with merged attributes,
and facts with argument alternatives.  A layer that fails to parse raises
``GoldError``; the caller reports and skips the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .text import norm

# Mention types of the .objects layer → scorer tags.
MENTION_TAGS = {"Person": "per", "Org": "org", "Organization": "org", "LocOrg": "locorg",
                "Location": "loc", "Project": "project"}
# A mention of tag K may be embedded in mentions of these tags (README §3 (b)).
CONTAINERS = {"per": ("loc", "org", "locorg"), "loc": ("loc", "org", "locorg"), "org": ("org", "locorg"),
              "locorg": ("org", "locorg"), "project": ("org", "locorg")}


class GoldError(ValueError):
    """A gold layer of one document could not be read."""


@dataclass(eq=False, slots=True)
class GoldToken:
    id: str
    start: int
    length: int
    text: str  # normalised
    index: int = 0  # position in the document's token list, by start
    ignored: bool = False  # one non-letter character glued to a neighbour (punctuation)

    @property
    def end(self) -> int:  # inclusive, as the scorer counts
        return self.start + self.length - 1

    @property
    def is_letter(self) -> bool:
        return len(self.text) == 1 and (self.text.upper() != self.text or self.text.lower() != self.text)

    @property
    def is_punct(self) -> bool:
        return len(self.text) == 1 and not self.is_letter


@dataclass(eq=False, slots=True)
class GoldSpan:
    id: str
    tag: str
    start: int
    end: int  # exclusive
    tokens: list[GoldToken]
    text: str  # normalised token texts joined by spaces


@dataclass(eq=False, slots=True)
class GoldMention:
    id: str
    tag: str  # per | org | loc | locorg | project
    spans: list[GoldSpan]
    embedded: bool = False  # inside a container mention (character interval rule)

    @property
    def start(self) -> int:
        return min(s.start for s in self.spans)

    @property
    def end(self) -> int:
        return max(s.end for s in self.spans)

    @property
    def tokens(self) -> list[GoldToken]:
        return sorted({t for s in self.spans for t in s.tokens}, key=lambda t: t.start)

    def only(self, pred) -> bool:
        return all(pred(s.tag) for s in self.spans)


@dataclass(eq=False, slots=True)
class Attribute:
    name: str
    values: set[str]


@dataclass(eq=False, slots=True)
class GoldEntity:
    id: str
    tag: str  # per | org | loc (locorg folded) | project
    mentions: list[GoldMention]
    spans: list[GoldSpan]
    attributes: list[Attribute] = field(default_factory=list)
    raw: list[tuple[str, str]] = field(default_factory=list)  # the .coref lines as read (key, normalised value)

    def attr(self, name: str) -> list[str]:
        return sorted(v for a in self.attributes if a.name == name for v in a.values)

    @property
    def ignored(self) -> bool:
        """Track 2 ignores entities whose mentions are all embedded, or all geo_adj/descriptor-only."""
        if not self.mentions:
            return False
        if all(m.embedded for m in self.mentions):
            return True
        return all(m.only(lambda t: t == "geo_adj") or m.only(lambda t: "descr" in t) for m in self.mentions)


@dataclass(eq=False, slots=True)
class GoldArg:
    name: str  # lowercased role: who, where, position, participant, type, owner, property, фаза …
    values: list[str]  # alternatives, compared after lowercase/trim/ё→е
    kind: str  # obj | span | str
    entity: GoldEntity | None = None
    descr: str = ""


@dataclass(eq=False, slots=True)
class GoldFact:
    id: str
    tag: str  # occupation | deal | meeting | ownership | ispartof
    args: list[GoldArg]
    modal: bool = False  # modality «возможность», «будущее» or «отрицание»
    hard: bool = False  # «Сложность: повышенная»


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    tokens: list[GoldToken]
    spans: dict[str, GoldSpan]
    mentions: list[GoldMention]
    entities: list[GoldEntity] | None  # None when the .coref layer is missing
    facts: list[GoldFact] | None  # None when the .facts layer is missing


def doc_names(data_dir: Path) -> list[str]:
    """book_N names of a gold folder, by N."""
    names = {p.name.split(".", 1)[0] for p in data_dir.glob("book_*.txt")}
    return sorted(names, key=lambda n: int(n[5:]) if n[5:].isdigit() else 1 << 60)


def load_doc(data_dir: Path, name: str, lemmatize=None) -> GoldDoc:
    """Read one document's gold; raise GoldError on any malformed layer."""
    base = data_dir / name
    try:
        text = (base.with_suffix(".txt")).read_text(encoding="utf-8")
        tokens = _tokens(base.with_suffix(".tokens").read_text(encoding="utf-8"))
        spans = _spans(base.with_suffix(".spans").read_text(encoding="utf-8"), tokens)
        mentions = _mentions(base.with_suffix(".objects").read_text(encoding="utf-8"), spans)
        coref = base.with_suffix(".coref")
        entities = _entities(coref.read_text(encoding="utf-8"), mentions, spans, tokens) if coref.exists() else None
        facts_file = base.with_suffix(".facts")
        facts = None
        if facts_file.exists() and entities is not None:
            from .facts_gold import parse_facts

            facts = parse_facts(facts_file.read_text(encoding="utf-8"), entities, spans, text, tokens, lemmatize)
    except GoldError:
        raise
    except (OSError, UnicodeDecodeError, ValueError, KeyError, IndexError) as exc:
        raise GoldError(f"{name}: {type(exc).__name__}: {exc}") from exc
    return GoldDoc(name, text, tokens, spans, mentions, entities, facts)


def _tokens(data: str) -> list[GoldToken]:
    tokens = []
    for no, line in enumerate(data.split("\n"), 1):
        if not line.strip():
            continue
        parts = line.split(" ")
        if len(parts) != 4:
            raise GoldError(f"tokens line {no}: expected 4 fields, got {len(parts)}")
        tokens.append(GoldToken(parts[0], int(parts[1]), int(parts[2]), norm(parts[3])))
    tokens.sort(key=lambda t: t.start)
    for i, tok in enumerate(tokens):
        tok.index = i
        if tok.length == 1 and not tok.is_letter:
            glued_left = i > 0 and tok.start - tokens[i - 1].end == 1
            glued_right = i + 1 < len(tokens) and tokens[i + 1].start - tok.end == 1
            tok.ignored = glued_left or glued_right
    return tokens


def _spans(data: str, tokens: list[GoldToken]) -> dict[str, GoldSpan]:
    by_id = {t.id: t for t in tokens}
    spans = {}
    for no, line in enumerate(data.split("\n"), 1):
        if not line.strip():
            continue
        left, sep, right = line.partition("  # ")
        if not sep:
            raise GoldError(f"spans line {no}: no '  # ' separator")
        lf = [x for x in left.split(" ") if x]
        if len(lf) < 6:
            raise GoldError(f"spans line {no}: expected 6 fields before '#', got {len(lf)}")
        ntok = int(lf[5])
        rf = [x for x in right.split(" ") if x]
        if len(rf) != 2 * ntok:
            raise GoldError(f"spans line {no}: expected {2 * ntok} token fields, got {len(rf)}")
        toks = sorted((by_id[x.strip()] for x in rf[:ntok]), key=lambda t: t.start)
        start = int(lf[2])
        spans[lf[0]] = GoldSpan(lf[0], lf[1], start, start + int(lf[3]), toks, norm(" ".join(rf[ntok:])))
    return spans


def _mentions(data: str, spans: dict[str, GoldSpan]) -> list[GoldMention]:
    mentions = []
    for no, line in enumerate(data.split("\n"), 1):
        parts = line.split(" ")
        if "#" in parts:
            parts = parts[: parts.index("#")]
        parts = [p for p in parts if p]
        if not parts:
            continue
        if len(parts) <= 2:
            raise GoldError(f"objects line {no}: mention without spans")
        if parts[1] not in MENTION_TAGS:
            raise GoldError(f"objects line {no}: unknown mention type {parts[1]!r}")
        mentions.append(GoldMention(parts[0], MENTION_TAGS[parts[1]], [spans[s] for s in parts[2:]]))
    for m in mentions:
        for other in mentions:
            if other.tag not in CONTAINERS[m.tag]:
                continue
            inside = other.start <= m.start and m.end <= other.end
            equal = other.start == m.start and m.end == other.end
            if (inside and not equal) or (equal and m.tag in ("per", "loc") and other.tag == "org"):
                m.embedded = True
                break
    return mentions


def _blocks(data: str) -> list[list[str]]:
    blocks, cur = [], []
    for raw in data.split("\n"):
        line = raw.strip(" \t\r\n")
        if line:
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def _entities(
    data: str, mentions: list[GoldMention], spans: dict[str, GoldSpan], tokens: list[GoldToken]
) -> list[GoldEntity]:
    by_id = {m.id: m for m in mentions}
    entities = []
    for block in _blocks(data):
        ids = block[0].split(" ")
        ments = [by_id[i] for i in dict.fromkeys(ids[1:]) if i in by_id]
        ent_spans = [spans[i] for i in dict.fromkeys(ids[1:]) if i not in by_id and i in spans]
        tags = {m.tag for m in ments}
        if len(tags) > 1 and tags & {"loc", "locorg"}:
            tag = "loc"
        elif len(tags) == 1:
            tag = tags.pop().replace("locorg", "loc")
        else:
            raise GoldError(f"coref entity {ids[0]}: mentions of types {sorted(tags)}")
        ent = GoldEntity(ids[0], tag, ments, ent_spans)
        raw = [(line.split(" ")[0].strip().lower(), norm(" ".join(line.split(" ")[1:]))) for line in block[1:]]
        ent.raw = raw
        ent.attributes = _attributes(ent, raw, tokens)
        entities.append(ent)
    return entities


def _attributes(ent: GoldEntity, raw: list[tuple[str, str]], tokens: list[GoldToken]) -> list[Attribute]:
    """Merge same-key lines into alternatives, widen by descriptors, drop digit suffixes (README §4)."""
    descriptors: set[str] = set()
    attrs = []
    for key in dict.fromkeys(k for k, _ in raw):
        values = {v for k, v in raw if k == key}
        if key.endswith("descr") or key.endswith("descriptor"):
            descriptors |= values
        elif key != "wikidata":
            if key == "name" and ent.tag != "per":
                values |= {q for v in values if (q := _quoted(ent, v, tokens))}
            attrs.append(Attribute(key, values))
    for attr in attrs:
        if descriptors:
            widened = set()
            for v in attr.values:
                widened.add(v)
                for d in descriptors:
                    if f" {d} " not in f" {v} ":
                        widened |= {f"{v} {d}", f"{d} {v}"}
            attr.values = widened
        attr.name = attr.name.strip("0123456789")
    return attrs


def _quoted(ent: GoldEntity, value: str, tokens: list[GoldToken]) -> str | None:
    """The name in quotes when a *_name span with that text stands between quotes."""
    for span in ent.spans + [s for m in ent.mentions for s in m.spans]:
        if "name" not in span.tag or not span.tokens or span.text.lower().replace("ё", "е") != value:
            continue
        first, last = span.tokens[0].index, span.tokens[-1].index
        left = tokens[first - 1].text if first > 0 else ""
        right = tokens[last + 1].text if last + 1 < len(tokens) else ""
        if left in ('"', "'") and left == right:
            return left + value + right
    return None
