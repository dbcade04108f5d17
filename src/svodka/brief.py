"""The brief: a short extractive summary and key phrases (filled by the facts issue)."""

from __future__ import annotations

from .document import Brief, Document


def make_brief(doc: Document) -> Brief:
    return Brief()
