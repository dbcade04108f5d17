"""Precision, recall and F1 as the factRuEval scorers aggregate them (micro, over documents)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Metrics:
    tp_std: float = 0.0  # recall numerator
    tp_test: float = 0.0  # precision numerator
    n_std: int = 0
    n_test: int = 0

    @property
    def precision(self) -> float:
        return self.tp_test / self.n_test if self.n_test else 1.0

    @property
    def recall(self) -> float:
        return self.tp_std / self.n_std if self.n_std else 1.0

    @property
    def f1(self) -> float:
        if self.n_std + self.n_test == 0:
            return 1.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0

    def add(self, other: Metrics) -> None:
        self.tp_std += other.tp_std
        self.tp_test += other.tp_test
        self.n_std += other.n_std
        self.n_test += other.n_test

    def as_dict(self) -> dict[str, float]:
        return {"p": self.precision, "r": self.recall, "f1": self.f1, "tp_std": self.tp_std,
                "tp_test": self.tp_test, "n_std": self.n_std, "n_test": self.n_test}
