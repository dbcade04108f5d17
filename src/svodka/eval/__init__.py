"""factRuEval-2016 evaluation: gold reader, track 1–3 scorers, response exporter, reports."""

from __future__ import annotations

from .gold import GoldDoc, GoldError, load_doc
from .metrics import Metrics
from .run import EvalResult, evaluate_factru

__all__ = ["EvalResult", "GoldDoc", "GoldError", "Metrics", "evaluate_factru", "load_doc"]
