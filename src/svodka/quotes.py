"""Quotes: direct and reported speech with its speaker (filled by the quotes issue)."""

from __future__ import annotations

from .document import Document, Quote
from .models import Models


def extract_quotes(doc: Document, models: Models) -> list[Quote]:
    return []
