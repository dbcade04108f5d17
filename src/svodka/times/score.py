"""Scoring the times layer against a development set (``svodka eval times``).

A record is one document: ``{"id", "published", "text", "times": [{start, end,
text, type, value, mod}]}`` with offsets into ``text``.  Extents are compared
strictly (same start and end) and relaxed (overlapping, one to one); values,
types and mods are compared on the strict matches.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..document import TimeExpr
from ..errors import InputError


@dataclass(slots=True)
class Miss:
    doc: str
    kind: str  # missed | spurious | value | extent
    text: str
    gold: str | None = None
    got: str | None = None


@dataclass(slots=True)
class TimeScore:
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    mod_ok: int = 0
    errors: list[Miss] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 1.0
        r = tp / n_gold if n_gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return self._f1(self.strict, self.predicted, self.gold)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._f1(self.relaxed, self.predicted, self.gold)

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.strict if self.strict else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.strict if self.strict else 0.0

    @property
    def mod_accuracy(self) -> float:
        return self.mod_ok / self.strict if self.strict else 0.0


def load_records(path: str | Path) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file (expected the JSON-lines dev set, e.g. tests/data/times/dev.jsonl)")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            rec["text"], rec["times"]  # noqa: B018 - both are required
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: expected a record with text and times ({exc})") from None
        records.append(rec)
    return records


def predict(rec: dict, models) -> list[tuple[int, int, TimeExpr]]:
    """Run the times layer on one record; offsets mapped back to the record's text."""
    from ..nlp import parse
    from ..pipeline import make_document
    from . import extract_times

    doc = make_document(rec["text"], published=rec.get("published"))
    parse(doc, models)
    out = []
    for t in extract_times(doc):
        start, end = doc.raw_offset(t.start), doc.raw_offset(t.end - 1) + 1
        out.append((start, end, t))
    return out


def score(records: Iterable[dict], models) -> TimeScore:
    result = TimeScore()
    for rec in records:
        gold = rec["times"]
        pred = predict(rec, models)
        result.docs += 1
        result.gold += len(gold)
        result.predicted += len(pred)
        name = rec.get("id", "?")
        by_span = {(s, e): t for s, e, t in pred}
        used: set[tuple[int, int]] = set()
        for g in gold:
            key = (g["start"], g["end"])
            t = by_span.get(key)
            if t is not None:
                used.add(key)
                result.strict += 1
                result.relaxed += 1
                result.value_ok += t.value == g["value"]
                result.type_ok += t.type == g["type"]
                result.mod_ok += (t.mod or None) == (g.get("mod") or None)
                if t.value != g["value"]:
                    result.errors.append(Miss(name, "value", g["text"], g["value"], t.value))
                continue
            overlap = [(s, e) for s, e, _ in pred if (s, e) not in used and s < g["end"] and e > g["start"]]
            if overlap:
                s, e = overlap[0]
                used.add((s, e))
                result.relaxed += 1
                result.errors.append(Miss(name, "extent", g["text"], g["value"], f"{rec['text'][s:e]} = {by_span[(s, e)].value}"))
            else:
                result.errors.append(Miss(name, "missed", g["text"], g["value"]))
        for s, e, t in pred:
            if (s, e) not in used:
                result.errors.append(Miss(name, "spurious", t.text, None, t.value))
    return result
