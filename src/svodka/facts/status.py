"""Status of a fact: done, planned, possible or negated.

Read from the trigger's clause and the clauses above it: a negation («не»)
on the trigger or its verb; modal words («может», «возможность», «не
исключено»); plan words («планируется», «намерен», «собирается»); the future
tense («состоится», «совершит»: Russian forms a future from perfective verbs
with present endings, natasha tags them Tense=Fut); failing these, the fact's
time against the publication date.
"""

from __future__ import annotations

from ..document import TimeExpr
from .context import Context

DONE, PLANNED, POSSIBLE, NEGATED = "done", "planned", "possible", "negated"

# Modal words that make an event only possible.
POSSIBLE_LEMMAS = frozenset(
    {"мочь", "возможность", "возможно", "возможный", "вероятно", "вероятный", "вероятность",
     "допускать", "предположительно", "шанс", "рассматривать", "видимо"}
)
# Words of intention and schedule.
PLAN_LEMMAS = frozenset(
    {"планироваться", "планировать", "запланировать", "намеренный", "намерен", "намереваться",
     "собираться", "предстоять", "ожидаться", "предполагаться", "должный", "готовиться",
     "рассчитывать", "пообещать", "обещать", "договориться", "будущий",
     "предстоящий", "ближайший", "грядущий"}
)
# Light verbs («совершить визит», «провести встречу»): the event's own predicate.
LIGHT_VERBS = frozenset({"состояться", "совершить", "совершать", "провести", "проводить", "пройти", "проходить",
                         "нанести", "принять", "принимать", "начаться", "завершиться", "быть", "стать", "мочь"})
# Verbs that cancel the event they govern («отменить визит»).
CANCEL_LEMMAS = frozenset({"отменить", "отменять", "отложить", "откладывать", "отказаться", "отказываться", "сорвать", "сорваться"})


def status_of(ctx: Context, trigger: int, time: TimeExpr | None = None) -> str:
    chain = [trigger, *ctx.ancestors(trigger)]
    for j in chain:
        lemma = ctx.tok(j).lemma
        if _negated(ctx, j):
            return POSSIBLE if lemma in ("исключать", "исключить") else NEGATED
        if lemma in CANCEL_LEMMAS:
            return NEGATED
        # «не смогла предоставить сведений о визите»: a negation above the event's own
        # verb is about something else; only light, modal and plan verbs pass it down.
        if j != trigger and ctx.tok(j).pos == "VERB" and lemma not in LIGHT_VERBS | PLAN_LEMMAS | POSSIBLE_LEMMAS:
            break
    for j in chain:
        lemma = ctx.tok(j).lemma
        if lemma in POSSIBLE_LEMMAS or any(ctx.tok(c).lemma in POSSIBLE_LEMMAS for c in ctx.kids(j, "advmod", "parataxis")):
            return POSSIBLE
    for j in chain:
        t = ctx.tok(j)
        if t.lemma in PLAN_LEMMAS or t.feats.get("Tense") == "Fut":
            return PLANNED
        if any(ctx.tok(c).lemma in PLAN_LEMMAS for c in ctx.kids(j, "amod")):
            return PLANNED
        if any(ctx.tok(c).lemma == "быть" and ctx.tok(c).feats.get("Tense") == "Fut" for c in ctx.kids(j, "aux")):
            return PLANNED
        if t.feats.get("Tense") == "Past" and t.pos in ("VERB", "AUX"):
            return DONE
    return _by_time(ctx, time)


def _negated(ctx: Context, j: int) -> bool:
    """«не состоялась», «не встретились»; «не только» is not a negation."""
    for c in ctx.kids(j, "advmod", "neg", "discourse"):
        t = ctx.tok(c)
        if t.lemma in ("не", "нет", "ни"):
            nxt = ctx.doc.tokens[c + 1].lemma if c + 1 < len(ctx.doc.tokens) else ""
            if nxt != "только":
                return True
    return False


def _by_time(ctx: Context, time: TimeExpr | None) -> str:
    published = ctx.doc.published
    if time is None or not published:
        return DONE
    start = time.interval.start if time.interval else time.value[:10]
    if len(start) >= 4 and start[:4].isdigit() and start > published:
        return PLANNED
    return DONE
