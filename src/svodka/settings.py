"""One options object shared by the library and the CLI (``analyze(text, quotes=False)`` ↔ ``--no-quotes``)."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    entities: bool = True
    quotes: bool = True
    times: bool = True
    facts: bool = True
    brief: bool = True
    dedupe_paragraphs: bool = True

    def __post_init__(self) -> None:
        for name in ("entities", "quotes", "times", "facts", "brief", "dedupe_paragraphs"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise ConfigError(f"{name}: expected bool, got {type(value).__name__}")
        if self.facts and not self.entities:
            raise ConfigError("facts: expected entities=True, got entities=False")
        if self.quotes and not self.entities:
            raise ConfigError("quotes: expected entities=True, got entities=False")
