"""The facts layer: events and relations with their participants, place, time and status.

``extract_facts`` runs one small rule module per fact type over the syntax tree
and the entity, time and quote layers, then merges repeats.  Roles follow
factRuEval-2016 for its four types (Occupation: who, where, position; Meeting:
participant; Deal: participant, type; Ownership: owner, property) and extend
them for news events (Visit, Call, Message, Participation, Statement).
"""

from __future__ import annotations

import logging

from ..document import Document, Fact
from ..models import Models
from .context import build_context
from .merge import merge_facts

__all__ = ["extract_facts"]

log = logging.getLogger(__name__)


def extract_facts(doc: Document, models: Models | None = None) -> list[Fact]:
    """All facts of the document, in text order, with ids f1, f2, …"""
    if not doc.tokens or not doc.sents:
        return []
    from .call import calls
    from .deal import deals
    from .meeting import meetings
    from .message import messages
    from .occupation import occupations
    from .ownership import ownerships
    from .participation import participations
    from .statement import statements
    from .visit import visits

    ctx = build_context(doc)
    facts: list[Fact] = []
    # Occupation first: the other rules read it («американским коллегой» → who holds a US post).
    for rule in (occupations, meetings, calls, visits, participations, messages, deals, ownerships, statements):
        try:
            found = rule(ctx)
        except Exception:  # a rule bug must not lose the whole document
            log.exception("facts: rule %s failed on %s", rule.__name__, doc.id or "document")
            found = []
        facts.extend(found)
        ctx.facts = list(facts)
    facts = merge_facts(ctx, facts)
    facts.sort(key=lambda f: (f.evidence.start if f.evidence else 0))
    for n, fact in enumerate(facts, 1):
        fact.id = f"f{n}"
    return facts
