"""Scoring quotes against an annotated set (tests/data/quotes/*.json, guidelines in its README).

A predicted quote matches a gold one when their spans overlap by at least half
of the longer span; matching is one-to-one, largest overlap first, and ignores
the kind (a direct quote found as indirect is found).  Speaker accuracy counts
matched pairs whose speakers agree: both none, or the gold name and the
predicted entity's name share their last word (the surname, or the one-word
name of an organisation), case and «ё» aside, or are spelt alike (``_spelt_alike``).  End-to-end figures count a
quote as right only when it is matched and its speaker agrees.

Per kind (``Score.by_kind``), recall counts gold quotes of that kind and
precision predicted quotes of that kind.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..errors import InputError


@dataclass(slots=True)
class GoldQuote:
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None
    cue: str | None = None


@dataclass(slots=True)
class GoldDoc:
    name: str
    source: str  # "sample", "factru:book_N", "nerel:train/ID" or "nerel:dev/ID"
    quotes: list[GoldQuote]


@dataclass(slots=True)
class PredQuote:
    kind: str
    text: str
    start: int  # offsets in the raw source text
    end: int
    speaker: str | None
    forms: list[str] = field(default_factory=list)  # every name the speaker entity goes by


@dataclass(slots=True)
class Miss:
    doc: str
    what: str  # missed | extra | speaker
    text: str
    gold_speaker: str | None = None
    pred_speaker: str | None = None


@dataclass(slots=True)
class Score:
    docs: int = 0
    gold: int = 0
    pred: int = 0
    matched: int = 0  # gold quotes matched
    speaker_ok: int = 0  # of those, with the right speaker
    found: int = 0  # predicted quotes matched (equal to ``matched`` except per kind)
    found_ok: int = 0  # of those, with the right speaker
    by_kind: dict[str, Score] = field(default_factory=dict)  # direct / indirect, counted alone
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.matched if self.matched else 0.0

    @property
    def e2e_precision(self) -> float:
        return self.found_ok / self.pred if self.pred else 0.0

    @property
    def e2e_recall(self) -> float:
        return self.speaker_ok / self.gold if self.gold else 0.0

    @property
    def e2e_f1(self) -> float:
        """Span and speaker both right."""
        return _f1(self.e2e_precision, self.e2e_recall)

    def figures(self) -> dict[str, float | int]:
        return {
            "gold": self.gold, "found": self.pred, "matched": self.matched,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4), "e2e_precision": round(self.e2e_precision, 4),
            "e2e_recall": round(self.e2e_recall, 4), "e2e_f1": round(self.e2e_f1, 4),
        }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(data_dir: Path) -> list[GoldDoc]:
    files = sorted(data_dir.glob("*.json"))
    if not files:
        raise InputError(f"{data_dir}: no annotated *.json files")
    docs = []
    for f in files:
        try:
            raw = json.loads(f.read_text(encoding="utf-8"))
            quotes = [GoldQuote(**q) for q in raw["quotes"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{f}: not a quotes annotation ({exc})") from exc
        docs.append(GoldDoc(f.stem, raw["source"], quotes))
    return docs


def source_text(source: str, factru_dir: Path | None, nerel_dir: Path | None = None) -> str:
    """The raw text a gold file annotates: the sample, ``factru:book_N`` (``factru_dir/book_N.txt``)
    or ``nerel:SPLIT/ID`` (``nerel_dir/SPLIT/ID.txt``)."""
    if source == "sample":
        from .. import sample_text

        return sample_text()
    kind, _, name = source.partition(":")
    if kind == "factru":
        if factru_dir is None:
            raise InputError(f"{source}: give the factRuEval devset directory (--factru)")
        path = factru_dir / f"{name}.txt"
    elif kind == "nerel" and name.count("/") == 1 and name.split("/")[0] in ("train", "dev", "test"):
        if nerel_dir is None:
            raise InputError(f"{source}: give the NEREL directory (--nerel)")
        path = nerel_dir / f"{name}.txt"
    else:
        raise InputError(f"unknown source {source!r}")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return path.read_text(encoding="utf-8")


def predicted(doc: Document) -> list[PredQuote]:
    """The document's quotes with offsets taken back to the raw input."""
    out = []
    for q in doc.quotes:
        start, end = doc.raw_offset(q.start), doc.raw_offset(q.end - 1) + 1
        ent = doc.entity(q.speaker)
        forms = [ent.name, *ent.variants, *(m.text for m in ent.mentions if m.kind != "descriptor")] if ent else []
        out.append(PredQuote(q.kind, q.text, start, end, q.speaker_name, forms))
    return out


def _norm(name: str) -> list[str]:
    for ch in "()’'\"«»":
        name = name.replace(ch, " ")
    return name.lower().replace("ё", "е").split()


def same_speaker(gold: str | None, pred: str | None, forms: list[str] | None = None) -> bool:
    """Both none, or the gold name and one of the entity's names share their last word."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g = _norm(gold)
    for form in [pred, *(forms or [])]:
        p = _norm(form)
        if g and p and (g[-1] in p or p[-1] in g or _spelt_alike(g[-1], p[-1])):
            return True
    return False


def _spelt_alike(a: str, b: str) -> bool:
    """One surname in two spellings: a transliteration («Чепмен» / «Чэпмен», «Гонзалес» / «Гонсалес»)
    or the text's own misspelling («Гернстермайер»).  Same first letter, five letters or more,
    and difflib's similarity ratio at least 0.8."""
    if len(a) < 5 or len(b) < 5 or a[0] != b[0]:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _overlap(a: GoldQuote, b: PredQuote) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: list[GoldQuote], pred: list[PredQuote]) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov and ov * 2 >= max(g.end - g.start, p.end - p.start):
                pairs.append((ov, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _ov, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def score_doc(score: Score, name: str, gold: list[GoldQuote], pred: list[PredQuote]) -> None:
    score.docs += 1
    score.gold += len(gold)
    score.pred += len(pred)
    for g in gold:
        score.by_kind.setdefault(g.kind, Score()).gold += 1
    for p in pred:
        score.by_kind.setdefault(p.kind, Score()).pred += 1
    pairs = match(gold, pred)
    for i, j in pairs:
        g, p = gold[i], pred[j]
        ok = same_speaker(g.speaker, p.speaker, p.forms)
        by_gold, by_pred = score.by_kind[g.kind], score.by_kind[p.kind]
        score.matched += 1
        score.found += 1
        by_gold.matched += 1
        by_pred.found += 1
        if ok:
            score.speaker_ok += 1
            score.found_ok += 1
            by_gold.speaker_ok += 1
            by_pred.found_ok += 1
        else:
            score.misses.append(Miss(name, "speaker", g.text, g.speaker, p.speaker))
    got_g, got_p = {i for i, _ in pairs}, {j for _, j in pairs}
    score.misses += [Miss(name, "missed", g.text, g.speaker) for i, g in enumerate(gold) if i not in got_g]
    score.misses += [Miss(name, "extra", p.text, None, p.speaker) for j, p in enumerate(pred) if j not in got_p]


def evaluate(
    data_dir: Path,
    factru_dir: Path | None,
    analyse: Callable[[str], Document],
    nerel_dir: Path | None = None,
) -> Score:
    score = Score()
    for gold_doc in load_gold(data_dir):
        doc = analyse(source_text(gold_doc.source, factru_dir, nerel_dir))
        score_doc(score, gold_doc.name, gold_doc.quotes, predicted(doc))
    return score

