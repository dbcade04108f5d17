"""svodka: Russian news articles in, entities, quotes, times, facts and a brief out."""

from __future__ import annotations

import logging

from .document import SCHEMA, Document, Entity, Fact, Mention, Quote, Role, TimeExpr
from .errors import ConfigError, InputError, SvodkaError
from .pipeline import analyze, analyze_many
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "ConfigError",
    "Corpus",
    "Document",
    "Entity",
    "Fact",
    "InputError",
    "Mention",
    "Quote",
    "Role",
    "Settings",
    "SvodkaError",
    "TimeExpr",
    "analyze",
    "analyze_many",
    "sample_text",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> object:
    if name == "Corpus":  # the corpus pulls in SQLAlchemy: imported on first use
        from .corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'svodka' has no attribute {name!r}")


def sample_text() -> str:
    """The bundled sample article (Kerry in Moscow, May 2013), as its file reads."""
    from importlib.resources import files

    return files("svodka").joinpath("data/sample.txt").read_text(encoding="utf-8")
