"""Times: date and time expressions normalised against the publication date (filled by the time issue)."""

from __future__ import annotations

from .document import Document, TimeExpr


def extract_times(doc: Document) -> list[TimeExpr]:
    return []
