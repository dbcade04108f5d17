"""The pinned quality gate: factRuEval devset and NEREL dev scores must not drop below the committed floors.

Floors live in tests/quality_floors.json, set a hair below a measured run; raise
them when a layer improves.  Only the entity layer feeds tracks 1 and 2, so the
later layers are switched off for them to keep the suite fast; track 3 (facts)
needs the whole pipeline and runs once more with it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))["factru"]


@pytest.fixture(scope="module")
def devset_scores(factru_dir, models):
    from svodka.eval import evaluate_factru
    from svodka.eval.run import ENTITY_ONLY

    return evaluate_factru(factru_dir, tracks=(1, 2), flags=ENTITY_ONLY)


@pytest.fixture(scope="module")
def facts_scores(factru_dir, models):
    from svodka.eval import evaluate_factru

    return evaluate_factru(factru_dir, tracks=(3,))


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_factru_score_stays_above_its_floor(request, key):
    track, _, measure = key.rpartition(".")
    scores = request.getfixturevalue("facts_scores" if track == "track3" else "devset_scores")
    m = scores.scores[track]["overall"]
    value = {"f1": m.f1, "p": m.precision, "r": m.recall}[measure]
    assert value >= FLOORS[key], f"{key} fell to {value:.4f} (floor {FLOORS[key]:.4f})"


def test_every_devset_document_is_scored(devset_scores):
    assert devset_scores.documents == 122 and devset_scores.failed == 0, devset_scores.skipped[:3]
    assert not devset_scores.mismatches, next(iter(devset_scores.mismatches.items()))


NEREL = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))["nerel"]


@pytest.fixture(scope="module")
def nerel_scores(nerel_dir, models):
    """NEREL dev, the held-out split (``limit``: its first documents by name, None: all 94, about 30 s)."""
    from svodka.eval.nerel import evaluate_nerel

    return evaluate_nerel(nerel_dir / NEREL["split"], limit=NEREL["limit"])


@pytest.mark.parametrize("key", sorted(NEREL["floors"]))
def test_nerel_dev_score_stays_above_its_floor(nerel_scores, key):
    metric, _, measure = key.rpartition(".")
    m = nerel_scores.get(metric)
    value = {"f1": m.f1, "p": m.precision, "r": m.recall}[measure]
    assert nerel_scores.documents == (NEREL["limit"] or 94) and not nerel_scores.skipped
    assert value >= NEREL["floors"][key], f"NEREL dev {key} fell to {value:.4f} (floor {NEREL['floors'][key]:.4f})"
