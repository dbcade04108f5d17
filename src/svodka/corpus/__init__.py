"""The corpus: many analysed articles in SQLite or PostgreSQL, with search, duplicates and identities."""

from __future__ import annotations

from .api import Corpus
from .ingest import IngestStats
from .person import PersonView
from .search import Hit

__all__ = ["Corpus", "Hit", "IngestStats", "PersonView"]
