"""What every fact rule reads: the syntax tree joined to the entity, time and quote layers.

A ``Context`` is built once per document.  Rules ask it questions in the words
of the tree: the children of a token, the entity a token stands for (through
a name, a descriptor or a pronoun), the time expression nearest to a trigger.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..document import LOC, ORG, PER, Arg, Document, Entity, Fact, Sentence, Span, TimeExpr, Token

# Third-person pronouns and possessives («он», «его», «свой») that point back to a person.
PERSON_PRONOUNS = frozenset({"он", "она", "его", "ее", "её", "свой", "него", "нее", "ней", "ним", "нем", "им", "ему", "ей"})
# Prepositions («предлоги») are attached by natasha as ``case`` children of their noun.
CASE_RELS = frozenset({"case"})


@dataclass(slots=True)
class Context:
    doc: Document
    children: list[list[int]] = field(default_factory=list)
    token_entity: dict[int, str] = field(default_factory=dict)  # token in a name mention -> entity id
    descr_entity: dict[int, str] = field(default_factory=dict)  # token in a descriptor («президент России») -> person id
    token_time: dict[int, str] = field(default_factory=dict)  # token index -> time id
    pronoun_entity: dict[int, str] = field(default_factory=dict)  # pronoun token -> person id
    post_holder: dict[int, str] = field(default_factory=dict)  # post noun -> its holder (from Occupation)
    facts: list[Fact] = field(default_factory=list)  # facts found so far, for anaphora
    starts: list[int] = field(default_factory=list)  # token start offsets, for bisection

    # -- tree -------------------------------------------------------------
    def token_at(self, offset: int) -> int:
        """Index of the first token ending after ``offset``."""
        import bisect

        k = max(0, bisect.bisect_right(self.starts, offset) - 1)
        while k < len(self.doc.tokens) - 1 and self.doc.tokens[k].end <= offset:
            k += 1
        return k

    def tokens_in(self, start: int, end: int) -> range:
        import bisect

        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def tok(self, i: int) -> Token:
        return self.doc.tokens[i]

    def kids(self, i: int, *rels: str) -> list[int]:
        out = self.children[i]
        if rels:
            out = [c for c in out if self.doc.tokens[c].rel in rels]
        return out

    def head(self, i: int) -> int:
        return self.doc.tokens[i].head

    def ancestors(self, i: int) -> Iterator[int]:
        """The token's heads up to the root of its sentence (guarded against cycles)."""
        seen = {i}
        h = self.doc.tokens[i].head
        while h >= 0 and h not in seen:
            yield h
            seen.add(h)
            h = self.doc.tokens[h].head

    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)

    def prep(self, i: int) -> str | None:
        """The preposition of a noun («в Кремле» → «в»), lowercased, or None."""
        for c in self.children[i]:
            if self.doc.tokens[c].rel in CASE_RELS:
                return self.doc.tokens[c].lemma
        return None

    def case(self, i: int) -> str | None:
        return self.doc.tokens[i].feats.get("Case")

    def conj_group(self, i: int) -> list[int]:
        """A token with its coordinated siblings: «Путина и Обамы» → both."""
        return [i] + self.kids(i, "conj")

    def sentence(self, i: int) -> Sentence:
        return self.doc.sents[self.doc.tokens[i].sent]

    def evidence(self, i: int) -> Span:
        s = self.sentence(i)
        return Span(s.start, s.end, self.doc.text[s.start : s.end])

    def distance(self, a: int, b: int) -> int:
        """Number of edges between two tokens of one sentence (large when unrelated)."""
        path_a = [a, *self.ancestors(a)]
        depth = {t: d for d, t in enumerate(path_a)}
        for d, t in enumerate([b, *self.ancestors(b)]):
            if t in depth:
                return d + depth[t]
        return 99

    # -- entities ---------------------------------------------------------
    def entity(self, entity_id: str | None) -> Entity | None:
        return self.doc.entity(entity_id)

    def entity_at(self, i: int, types: tuple[str, ...] = (PER, ORG, LOC)) -> str | None:
        """The entity token ``i`` stands for: its own mention, a name in apposition
        («президентом США Бараком Обамой» → Обама), or a resolved pronoun."""
        eid = self.token_entity.get(i) or self.descr_entity.get(i) or self.pronoun_entity.get(i) or self.post_holder.get(i)
        if eid is None:
            # «Компания Hewlett-Packard»: a kind-of-organisation noun with the name beside it.
            from .lexicon import ORG_NOUNS

            wanted = (PER, ORG) if self.tok(i).lemma in ORG_NOUNS else (PER,)
            for c in self.kids(i, "appos", "flat:name", "flat"):
                cid = self.token_entity.get(c)
                if cid and self._type(cid) in wanted:
                    eid = cid
                    break
        if eid and self._type(eid) in types:
            return eid
        return None

    def _type(self, eid: str) -> str | None:
        ent = self.doc.entity(eid)
        return ent.type if ent else None

    def entity_type(self, eid: str | None) -> str | None:
        return self._type(eid) if eid else None

    def name(self, eid: str | None) -> str:
        ent = self.doc.entity(eid)
        return ent.name if ent else ""

    def same(self, a: str | None, b: str | None) -> bool:
        """Two entity ids for one referent (the entity layer may still split a person)."""
        if a is None or b is None:
            return False
        return a == b or entity_key(self.doc.entity(a)) == entity_key(self.doc.entity(b))

    def subject(self, i: int) -> str | None:
        """The entity doing what token ``i`` heads: its own subject, or the subject of the
        clause it hangs from («отметил Путин, открывая встречу» → Путин)."""
        found = self.subjects(i)
        return found[0] if found else None

    def subjects(self, i: int) -> list[str]:
        """All coordinated subjects («Миллер и Озерец встречаются»); a relative «который»
        stands for the noun its clause hangs from."""
        for j in [i, *self.ancestors(i)]:
            subj = self.kids(j, "nsubj", "nsubj:pass")
            if subj:
                k0 = subj[0]
                if self.tok(k0).lemma == "который" and self.tok(j).rel.startswith("acl") and self.tok(j).head >= 0:
                    k0 = self.tok(j).head
                out: list[str] = []
                for k in self.conj_group(k0):
                    eid = self.entity_at(k)
                    if eid and eid not in out:
                        out.append(eid)
                return out
            # Coordinated verbs, adverbial participles («деепричастия») and infinitive
            # complements share the subject of their head; any other clause stops the walk.
            if self.tok(j).pos in ("VERB", "AUX") and self.tok(j).rel not in ("conj", "advcl", "xcomp"):
                break
            # «суд обязал Вымпелком выплатить штраф»: an infinitive under a verb with a named
            # object is done by that object (object control).
            if self.tok(j).rel == "xcomp" and self.tok(j).pos == "VERB" and self.tok(j).head >= 0:
                named = [e for c in self.kids(self.tok(j).head, "obj") if c != j and (e := self.entity_at(c))]
                if named:
                    return named[:1]
        return self._left_subject(i)

    def _left_subject(self, i: int) -> list[str]:
        """A finite verb the parser left without a subject: the nominative name right before it
        in its clause («посол Италии Виторио Сандали встретился с …», where the parser hung the
        name under the object)."""
        t = self.tok(i)
        if t.pos != "VERB" or t.rel not in ("root", "conj") or t.feats.get("VerbForm") not in (None, "Fin"):
            return []
        first = self.sentence(i).first
        k = i
        while k > first:
            k -= 1
            clause = self._participle_clause(k, i)
            if clause is not None and clause < k:  # «DST, принадлежащая Юрию Мильнеру, купила …»: skip the clause
                k = clause
                continue
            w = self.tok(k)
            if w.text == "," and k == i - 1 and (opening := self._insertion_start(k)) is not None:
                k = opening  # «ICBC, по некоторым показателям — крупнейший банк мира, подписал …»
                continue
            if w.text == ")" and (opening := self._bracket_start(k)) is not None:
                k = opening  # «Промышленный и коммерческий банк Китая (ICBC) подписал …»
                continue
            if w.pos in ("VERB", "AUX", "SCONJ") or w.text in (",", "—", "–", ":", ";", "(", ")") or w.lemma == "который":
                return []
            eid = self.token_entity.get(k)
            if eid and self.case(k) in (None, "Nom") and not self.prep(k):
                return [eid]
        return []

    INSERTION_WORDS = 12  # how far back an insertion between a subject and its verb may open

    def _insertion_start(self, k: int) -> int | None:
        """The comma, dash or bracket that opens an insertion closed by the comma at ``k``, when a
        name (or a closing bracket after one) stands right before it and the insertion holds no
        clause of its own."""
        first = self.sentence(k).first
        for j in range(k - 1, max(first, k - self.INSERTION_WORDS) - 1, -1):
            t = self.tok(j)
            if t.pos in ("VERB", "AUX", "SCONJ") or t.lemma == "который":
                return None
            if t.text in (",", "—", "–", "(") and j > first and (j - 1 in self.token_entity or self.tok(j - 1).text == ")"):
                return j
        return None

    def _bracket_start(self, k: int) -> int | None:
        first = self.sentence(k).first
        for j in range(k - 1, max(first, k - self.INSERTION_WORDS) - 1, -1):
            if self.tok(j).text == "(":
                return j
            if self.tok(j).text == ")":
                return None
        return None

    def _participle_clause(self, k: int, before: int) -> int | None:
        """The first token of the participle or «который» clause token ``k`` belongs to, when
        the clause lies wholly before token ``before``."""
        for a in [k, *self.ancestors(k)]:
            if a >= before:
                return None
            t = self.tok(a)
            if t.rel.startswith("acl") and t.pos in ("VERB", "ADJ"):
                if self.subtree(a)[-1] >= before:
                    return None
                # The clause opens at the comma before the participle (its subtree may take in
                # the noun it hangs from, when the parser misplaces a conjunct).
                return next((c for c in range(a - 1, max(a - 4, -1), -1) if self.tok(c).text == ","), a)
        return None

    # -- times --------------------------------------------------------------
    def time_near(self, i: int) -> TimeExpr | None:
        """The time expression of the sentence closest in the tree to token ``i``."""
        sent = self.sentence(i)
        best: tuple[int, TimeExpr] | None = None
        for t in self.doc.times:
            if not (sent.start <= t.start < sent.end):
                continue
            heads = [k for k in range(sent.first, sent.last) if t.start <= self.doc.tokens[k].start < t.end]
            if not heads:
                continue
            d = min(self.distance(i, k) for k in heads)
            if best is None or d < best[0]:
                best = (d, t)
        return best[1] if best else None

    def time(self, time_id: str | None) -> TimeExpr | None:
        for t in self.doc.times:
            if t.id == time_id:
                return t
        return None

    # -- building facts -------------------------------------------------------
    def text_arg(self, role: str, first: int, last: int, entity: str | None = None) -> Arg:
        """A text span from token ``first`` to ``last`` inclusive."""
        a, b = self.doc.tokens[first].start, self.doc.tokens[last].end
        return Arg(role=role, text=self.doc.text[a:b], start=a, end=b, entity=entity)


def entity_key(ent: Entity | None) -> tuple[str, str] | None:
    """A loose identity for merging: type and the last word of the name, lowercased."""
    if ent is None:
        return None
    last = ent.parts.last if ent.parts and ent.parts.last else ent.name.split()[-1] if ent.name.split() else ent.name
    return ent.type, last.lower().replace("ё", "е")[:5]


def build_context(doc: Document) -> Context:
    ctx = Context(doc=doc, children=[[] for _ in doc.tokens])
    for i, t in enumerate(doc.tokens):
        if 0 <= t.head < len(doc.tokens):
            ctx.children[t.head].append(i)
    starts = ctx.starts = [t.start for t in doc.tokens]
    _map_mentions(ctx, ctx.token_entity, starts, kinds=("name", "abbr"))
    _map_mentions(ctx, ctx.descr_entity, starts, kinds=("descriptor", "pronoun"))
    _resolve_pronouns(ctx)
    return ctx


def _map_mentions(ctx: Context, target: dict[int, str], starts: list[int], kinds: tuple[str, ...]) -> None:
    import bisect

    for ent in ctx.doc.entities:
        for m in ent.mentions:
            if m.kind not in kinds:
                continue
            k = bisect.bisect_left(starts, m.start)
            while k < len(starts) and ctx.doc.tokens[k].start < m.end:
                if ctx.doc.tokens[k].text[:1].isalnum() and k not in ctx.token_entity:
                    target.setdefault(k, ent.id)
                k += 1


def _resolve_pronouns(ctx: Context) -> None:
    """«Он рассчитывает, что его встреча…» → both point to the last person in subject position.

    Deliberately simple (no gender or number check): news sentences rarely juggle two
    people with a pronoun, and a wrong guess only happens when a fact needs it.
    """
    last_subject: str | None = None
    last_person: str | None = None
    for i, t in enumerate(ctx.doc.tokens):
        eid = ctx.token_entity.get(i) or ctx.descr_entity.get(i)
        if t.lemma in PERSON_PRONOUNS and t.pos in ("PRON", "DET") and eid is None:
            ref = last_subject or last_person
            if ref:
                ctx.pronoun_entity[i] = ref
                eid = ref
        if eid and ctx.entity_type(eid) == PER:
            last_person = eid
            if t.rel in ("nsubj", "nsubj:pass") or ctx.tok(t.head).rel in ("nsubj",) and t.rel in ("appos", "flat:name"):
                last_subject = eid


def find_named(ctx: Context, name: str) -> str | None:
    """The entity (place or organisation) called ``name`` or one of its aliases."""
    from .lexicon import COUNTRY_ALIASES

    wanted = {name.lower(), *COUNTRY_ALIASES.get(name, ())}
    for ent in ctx.doc.entities:
        if ent.type == PER:
            continue
        names = {ent.name.lower().replace("ё", "е"), *(v.lower() for v in ent.variants)}
        if names & wanted:
            return ent.id
    return None
