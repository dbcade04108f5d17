"""Run svodka (or read a response folder) over a factRuEval gold folder and score tracks 1–3."""

from __future__ import annotations

import contextlib
import functools
import re
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import track1, track2, track3
from .export import export
from .gold import GoldDoc, GoldError, doc_names, load_doc
from .match import Outcome
from .metrics import Metrics
from .splits import factru_split, select

RESPONSE_NAME = re.compile(r"^book_\d+\.task[123]$")
ENTITY_ONLY = {"quotes": False, "facts": False, "brief": False, "times": False}
DOC_TIMEOUT = 60.0  # seconds svodka may spend on one document before it is scored as empty


class DocTimeout(Exception):
    """svodka spent more than DOC_TIMEOUT seconds on one document."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise DocTimeout after ``seconds`` (main thread on Unix only; elsewhere no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def _raise(signum, frame):
        raise DocTimeout(f"no result after {seconds:.0f} s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass(slots=True)
class DocResult:
    gold: GoldDoc
    t1: Outcome | None = None
    t1_folded: Outcome | None = None
    t2: Outcome | None = None
    t3: track3.Outcome3 | None = None
    t1_sets: list = field(default_factory=list)  # response token sets, search order (for error analysis)
    t2_ents: list = field(default_factory=list)


@dataclass(slots=True)
class EvalResult:
    tracks: tuple[int, ...]
    scores: dict[str, dict[str, Metrics]]  # "track1", "track1_folded", "track2", "track3" → tag → Metrics
    documents: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (document, reason)
    failed: int = 0  # documents svodka crashed on (scored as empty)
    mismatches: dict[str, list[str]] = field(default_factory=dict)  # track-1 offsets that do not round-trip
    greedy: dict[str, int] = field(default_factory=dict)  # documents/components matched greedily, per track
    seconds: float = 0.0
    source: str = "svodka"
    details: list[DocResult] = field(default_factory=list)
    split: str = "all"

    def by_split(self) -> dict[str, dict[str, Metrics]]:
        """Overall metrics per track for the tune and held-out parts (needs ``keep_details``)."""
        out: dict[str, dict[str, Metrics]] = {}
        for doc in self.details:
            part = out.setdefault(factru_split(doc.gold.name), {})
            for key, outcome in (("track1", doc.t1), ("track1_folded", doc.t1_folded), ("track2", doc.t2),
                                 ("track3", doc.t3)):
                if outcome is not None and "overall" in outcome.metrics:
                    part.setdefault(key, Metrics()).add(outcome.metrics["overall"])
        return out


@functools.cache
def position_lemma() -> Callable[[str], str]:
    """Job titles to their dictionary form («мэра» → «мэр»): stands in for the scorer's list of job forms."""
    from ..models import morph_analyzer

    morph = morph_analyzer()

    @functools.lru_cache(maxsize=10_000)
    def lemma(text: str) -> str:
        return " ".join(morph.parse(w)[0].normal_form for w in text.split())

    return lemma


def evaluate_factru(
    data_dir: Path,
    tracks: Sequence[int] = (1, 2, 3),
    export_dir: Path | None = None,
    response_dir: Path | None = None,
    keep_details: bool = False,
    progress: Callable[[str], None] | None = None,
    flags: dict[str, bool] | None = None,
    split: str = "all",
) -> EvalResult:
    """Score svodka's output (or the files in ``response_dir``) against the gold in ``data_dir``.

    ``flags`` switch svodka layers off as in ``analyze(text, quotes=False)``; ``split`` keeps the
    ``tune`` or ``heldout`` part only (eval/splits.py).
    """
    t0 = time.perf_counter()
    tracks = tuple(sorted(set(tracks)))
    keys = [k for t in tracks for k in (("track1", "track1_folded") if t == 1 else (f"track{t}",))]
    result = EvalResult(tracks, {k: {} for k in keys}, source=str(response_dir) if response_dir else "svodka",
                        split=split)
    result.greedy = dict.fromkeys(keys, 0)
    if export_dir is not None:
        _prepare_export(export_dir)
    models = None
    if response_dir is None:
        from ..models import load_models

        models = load_models()
    for name in select(doc_names(data_dir), split):
        if progress:
            progress(name)
        try:
            gold = load_doc(data_dir, name, position_lemma() if 3 in tracks else None)
        except GoldError as exc:
            result.skipped.append((name, f"gold failed to load: {exc}"))
            continue
        responses = _responses(gold, response_dir, models, flags or {}, result)
        if responses is None:
            continue
        if export_dir is not None:
            for t in tracks:
                (export_dir / f"{name}.task{t}").write_text(responses[t], encoding="utf-8")
        doc = _score_doc(gold, responses, tracks, result)
        result.documents += 1
        if keep_details:
            result.details.append(doc)
    result.seconds = time.perf_counter() - t0
    return result


def _prepare_export(export_dir: Path) -> None:
    export_dir.mkdir(parents=True, exist_ok=True)
    for old in export_dir.iterdir():
        if old.is_file() and RESPONSE_NAME.match(old.name):
            old.unlink()


def _responses(gold: GoldDoc, response_dir, models, flags, result: EvalResult) -> dict[int, str] | None:
    if response_dir is not None:
        out = {}
        for t in result.tracks:
            path = response_dir / f"{gold.name}.task{t}"
            if not path.exists():
                result.skipped.append((gold.name, f"no response file {path.name}"))
                return None
            out[t] = path.read_text(encoding="utf-8-sig")
        return out
    from ..errors import InputError
    from ..pipeline import analyze

    try:
        with time_limit(DOC_TIMEOUT):
            doc = analyze(gold.text, models=models, **flags)
    except InputError as exc:
        result.skipped.append((gold.name, f"svodka could not analyse it: {exc}"))
        return None
    except Exception as exc:  # one failing layer must not end the evaluation
        result.failed += 1
        reason = f"svodka failed ({type(exc).__name__}: {exc})"
        try:
            with time_limit(DOC_TIMEOUT):
                doc = analyze(gold.text, models=models, **{**flags, **ENTITY_ONLY})
        except Exception as exc2:
            result.skipped.append((gold.name, f"{reason}; entities alone failed too ({exc2}); scored as empty"))
            return dict.fromkeys((1, 2, 3), "")
        result.skipped.append((gold.name, f"{reason}; scored with the entity layer alone"))
    exp = export(doc, gold.text)
    if exp.mismatches:
        result.mismatches[gold.name] = exp.mismatches
    return {1: exp.task1, 2: exp.task2, 3: exp.task3}


def _score_doc(gold: GoldDoc, responses: dict[int, str], tracks, result: EvalResult) -> DocResult:
    doc = DocResult(gold)
    for t in tracks:
        try:
            if t == 1:
                lines = track1.parse_response(responses[1])
                doc.t1 = track1.score(gold, lines)
                doc.t1_folded = track1.score(gold, lines, fold_locorg=True)
                doc.t1_sets = track1.response_sets(gold, lines)
                _add(result, "track1", doc.t1)
                _add(result, "track1_folded", doc.t1_folded)
            elif t == 2:
                if gold.entities is None:
                    continue  # no .coref layer: not scored, as the official t2
                ents = track2.parse_response(responses[2])
                doc.t2 = track2.score(gold, ents)
                doc.t2_ents = track2.sorted_response(ents)
                _add(result, "track2", doc.t2)
            elif t == 3:
                if gold.facts is None:
                    continue
                doc.t3 = track3.score(gold, track3.parse_response(responses[3]))
                _add(result, "track3", doc.t3)
        except ValueError as exc:
            # A response file the official scorer could not load scores as empty.
            result.skipped.append((gold.name, f"task{t} response rejected ({exc}); scored as empty"))
            empty = {1: lambda: track1.score(gold, []), 2: lambda: track2.score(gold, []),
                     3: lambda: track3.score(gold, [])}[t]()
            _add(result, f"track{t}", empty)
            if t == 1:
                _add(result, "track1_folded", track1.score(gold, [], fold_locorg=True))
    return doc


def _add(result: EvalResult, key: str, outcome) -> None:
    scores = result.scores[key]
    for tag, m in outcome.metrics.items():
        scores.setdefault(tag, Metrics()).add(m)
    result.greedy[key] += outcome.greedy
