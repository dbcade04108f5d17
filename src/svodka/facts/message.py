"""Message: a letter or message sent, with its carrier
(«Донилон передал главе российского государства послание Барака Обамы»)."""

from __future__ import annotations

from ..document import ORG, PER, Arg, Fact
from .common import finish
from .context import Context

SEND_VERBS = frozenset({"передать", "передавать", "направить", "направлять", "вручить", "вручать", "отправить", "послать", "доставить"})
MESSAGE_NOUNS = frozenset({"послание", "письмо", "сообщение", "телеграмма", "записка", "обращение", "поздравление", "приглашение", "нота"})


def messages(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for v, t in enumerate(ctx.doc.tokens):
        if t.pos != "VERB" or t.lemma not in SEND_VERBS:
            continue
        for m in ctx.kids(v, "obj"):
            if ctx.tok(m).lemma in MESSAGE_NOUNS:
                fact = _message(ctx, v, m)
                if fact is not None:
                    facts.append(finish(ctx, fact, v))
    return facts


def _message(ctx: Context, v: int, m: int) -> Fact | None:
    sender = None
    for c in ctx.kids(m, "nmod", "det"):
        if ctx.prep(c) is None and (ctx.case(c) == "Gen" or ctx.tok(c).rel == "det"):
            sender = ctx.entity_at(c, (PER, ORG))
            if sender:
                break
    subject = ctx.subject(v)
    recipient = None
    for c in ctx.kids(v, "iobj", "obl", "nmod") + ctx.kids(m, "nmod"):
        if ctx.case(c) == "Dat" and ctx.prep(c) in (None, "к"):
            recipient = ctx.entity_at(c, (PER, ORG))
            if recipient:
                break
    carrier = subject if sender and subject and not ctx.same(subject, sender) else None
    sender = sender or subject
    if sender is None or recipient is None or ctx.same(sender, recipient):
        return None
    args = [Arg(role="sender", entity=sender), Arg(role="recipient", entity=recipient)]
    if carrier:
        args.append(Arg(role="carrier", entity=carrier))
    args.append(ctx.text_arg("message", m, m))
    return Fact(id="", type="Message", args=args)
