"""svodka's output as the NEREL scorer sees it: spans in the raw ``.txt`` offsets, plus word heads.

A Document's offsets point into its cleaned text; ``project`` maps every span
the scorer reads back to the input the annotators saw.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..document import Document

# NEREL annotates place adjectives as the place («российского» COUNTRY) and organisations named by a
# common noun («правительство»): those mentions count here, not in factRuEval's track 1 (eval/export.T1_KINDS).
MENTION_KINDS = ("name", "abbr", "adjective", "common")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Time values NEREL's annotation leaves out of DATE/TIME while svodka's schema keeps them (TimeML's vague
# references, tests/data/times/README.md): on NEREL train svodka's 79 PRESENT_REF times («в настоящее время»,
# «на данный момент», «в настоящий момент») met a DATE 9 times and nothing 70 times, so the NEREL view leaves
# them out, as MENTION_KINDS leaves out mention kinds.  FUTURE_REF (24 met of 41) and PAST_REF (73 of 93) stay.
UNMARKED_TIME_VALUES = frozenset({"PRESENT_REF"})


@dataclass(slots=True)
class SysRole:
    name: str
    post: str
    org: str | None
    org_name: str | None


@dataclass(slots=True)
class SysEntity:
    id: str
    type: str
    name: str
    roles: list[SysRole] = field(default_factory=list)


@dataclass(slots=True)
class SysArg:
    role: str
    entity: str | None
    text: str | None
    start: int | None
    end: int | None


@dataclass(slots=True)
class SysFact:
    type: str
    args: list[SysArg]
    evidence: tuple[int, int] | None


@dataclass(slots=True)
class SysView:
    mentions: list[tuple[str, int, int, str]]  # (type, start, end, entity id): names, abbreviations, adjectives, common nouns
    entities: dict[str, SysEntity]
    times: list[tuple[int, int]]
    facts: list[SysFact]

    def entities_at(self, start: int, end: int, etype: str | None = None) -> list[str]:
        """Entities with a mention overlapping [start, end), those matching it exactly first."""
        hits = [(m[1] != start or m[2] != end, m[3]) for m in self.mentions
                if m[1] < end and start < m[2] and (etype is None or m[0] == etype)]
        return list(dict.fromkeys(eid for _, eid in sorted(hits)))


def project(doc: Document) -> SysView:
    def span(s: int | None, e: int | None) -> tuple[int | None, int | None]:
        if s is None or e is None or e <= s:
            return None, None
        return doc.raw_offset(s), doc.raw_offset(e - 1) + 1

    mentions = []
    entities = {}
    for ent in doc.entities:
        entities[ent.id] = SysEntity(ent.id, ent.type, ent.name,
                                     [SysRole(r.name, r.post, r.org, r.org_name) for r in ent.roles])
        for m in ent.mentions:
            if m.kind in MENTION_KINDS:
                s, e = span(m.start, m.end)
                if s is not None and s >= 0:
                    mentions.append((ent.type, s, e, ent.id))
    times = [se for t in doc.times if t.value not in UNMARKED_TIME_VALUES
             and (se := span(t.start, t.end))[0] is not None and se[0] >= 0]
    facts = []
    for f in doc.facts:
        args = [SysArg(a.role, a.entity, a.text, *span(a.start, a.end)) for a in f.args]
        ev = span(f.evidence.start, f.evidence.end) if f.evidence else (None, None)
        facts.append(SysFact(f.type, args, ev if ev[0] is not None else None))
    return SysView(mentions, entities, times, facts)  # type: ignore[arg-type]


@functools.cache
def _morph():
    from ..models import morph_analyzer

    return morph_analyzer()


@functools.lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    return _morph().parse(word.lower())[0].normal_form.replace("ё", "е")


@functools.lru_cache(maxsize=50_000)
def _noun(word: str) -> tuple[bool, str | None]:
    """(pymorphy's first guess is a noun, the lemma of a person-noun reading if any, else of the first guess).
    A person noun wins the lemma: «политика» → «политик», «премьера» → «премьер», «военного» → «военный»."""
    parses = _morph().parse(word.lower())
    person = next((p for p in parses if p.tag.POS == "NOUN" and "anim" in p.tag), None)
    best = person or parses[0]
    return parses[0].tag.POS == "NOUN", (best.normal_form.replace("ё", "е") if best.tag.POS == "NOUN" else None)


@functools.lru_cache(maxsize=50_000)
def _modifier(word: str) -> bool:
    """An adjective pymorphy first reads as an inanimate noun: «главного» (главное) in «главного тренера»."""
    parses = _morph().parse(word.lower())
    return parses[0].tag.POS == "NOUN" and "anim" not in parses[0].tag and any(p.tag.POS == "ADJF" for p in parses)


@functools.lru_cache(maxsize=50_000)
def substantive(word: str) -> str | None:
    """The masculine nominative of a participle or adjective that stands for a person («управляющего»,
    «командующим», «ведущий» → «управляющий», «командующий», «ведущий»): pymorphy reads it first as an adjective
    or participle and marks a reading substantivised (Subx), or has an animate noun reading of it, or its
    adjective lemma ends as a present active participle («-щий»).  None for any other word."""
    parses = _morph().parse(word.lower())
    first = parses[0]
    if first.tag.POS not in ("ADJF", "PRTF"):
        return None
    adj = next((p for p in parses if p.tag.POS == "ADJF"), None)
    if not (any("Subx" in p.tag for p in parses) or any(p.tag.POS == "NOUN" and "anim" in p.tag for p in parses)
            or (adj is not None and adj.normal_form.endswith("щий"))):
        return None
    form = (adj or first).inflect({"masc", "sing", "nomn"})
    return form.word.replace("ё", "е") if form else None


@functools.lru_cache(maxsize=50_000)
def _agree(a: str, b: str) -> bool:
    """Some reading of ``a`` and some of ``b`` share case and number, and gender in the singular (an adjective
    and its noun); a noun of common gender («голова», «судья») agrees with either."""
    def forms(w: str) -> list[tuple[str | None, str | None, str | None]]:
        return [(str(p.tag.case), str(p.tag.number),
                 str(p.tag.gender) if p.tag.number == "sing" and "ms-f" not in p.tag else None)
                for p in _morph().parse(w.lower()) if p.tag.POS in ("ADJF", "PRTF", "NOUN")]
    return any(c1 == c2 and n1 == n2 and (g1 == g2 or None in (g1, g2))
               for c1, n1, g1 in forms(a) for c2, n2, g2 in forms(b))


# «исполняющий обязанности губернатора» is an acting governor: the post is the genitive's head, as «экс-» is a time.
_ACTING = ("обязанность",)


def head_index(words: list[str]) -> int | None:
    """Index of the head of a Russian noun phrase: its first noun («старший научный сотрудник»), else its
    first substantivised adjective («военный», «ведущий»), else its last word.  An adjective pymorphy
    reads as a noun is no head before a person noun («главного тренера» → «тренер»), and «исполняющий
    обязанности X» is headed by X's head."""
    found = [_noun(w) for w in words]
    k = next((i for i, (first, _) in enumerate(found) if first), None)
    if k is not None and k + 1 < len(words) and _modifier(words[k]) and found[k + 1][1] and found[k + 1][0]:
        k += 1
    if k is not None and found[k][1] not in _ACTING:
        # a substantivised participle or adjective before a noun it does not agree with is the head, the noun
        # its complement: «управляющий фонда», «командующим войсками», «ведущий популярной передачи»; the
        # last such before the noun («ведущих управляющих корпорации» → управляющий).
        k = next((j for j in range(k - 1, -1, -1) if substantive(words[j]) and not _agree(words[j], words[k])), k)
    if k is not None and k + 1 < len(words) and found[k][1] in _ACTING and k > 0 and lemma(words[k - 1]) == "исполнять":
        rest = head_index(words[k + 1:])
        k = k + 1 + rest if rest is not None else k
    if k is None:
        k = next((i for i, (_, lem) in enumerate(found) if lem), None)
    if k is None:  # no noun at all: «главным управляющим General Motors»
        k = next((i for i, w in enumerate(words) if substantive(w)), None)
    return k if k is not None else (len(words) - 1 if words else None)


def head_lemma(word: str) -> str:
    return _noun(word)[1] or substantive(word) or lemma(word)


def head(phrase: str) -> str | None:
    """The head noun's lemma of a Russian noun phrase («бывшего генерального директора компании» → «директор»);
    «экс-» is a time, not another occupation («экс-президента» → «президент»)."""
    words = WORD.findall(phrase or "")
    k = head_index(words)
    return head_lemma(words[k]).removeprefix("экс-") if k is not None else None


def lemmas(phrase: str) -> str:
    return " ".join(lemma(w) for w in WORD.findall(phrase or ""))


def fold(name: str) -> str:
    """A name compared as written: case, «ё» and punctuation aside."""
    return " ".join(WORD.findall((name or "").lower().replace("ё", "е")))
