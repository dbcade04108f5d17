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
    # Seconds the layers after the parse may take on one document (None: no limit); a layer
    # that runs out is skipped with a warning (pipeline.run, docs/reliability.md).
    time_budget: float | None = 10.0

    def __post_init__(self) -> None:
        for name in ("entities", "quotes", "times", "facts", "brief", "dedupe_paragraphs"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise ConfigError(f"{name}: expected bool, got {type(value).__name__}")
        budget = self.time_budget
        if budget is not None and (isinstance(budget, bool) or not isinstance(budget, int | float) or not budget > 0):
            raise ConfigError(f"time_budget: expected a positive number of seconds or None, got {budget!r}")
        if self.facts and not self.entities:
            raise ConfigError("facts: expected entities=True, got entities=False")
        if self.quotes and not self.entities:
            raise ConfigError("quotes: expected entities=True, got entities=False")
