"""Shared fixtures: models once per session, the sample article, factRuEval texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
FACTRU = Path(os.environ.get("SVODKA_FACTRU", ROOT.parent / "shared" / "data" / "factru" / "devset"))
NEREL = Path(os.environ.get("SVODKA_NEREL", ROOT.parent / "shared" / "data" / "nerel"))


@pytest.fixture(scope="session")
def models():
    from svodka.models import load_models

    return load_models()


@pytest.fixture(scope="session")
def sample_doc(models):
    from svodka import analyze
    from svodka.readers import split_title
    from svodka import sample_text

    title, body = split_title(sample_text())
    return analyze(body, title=title, published="2013-05-08", models=models)


@pytest.fixture(scope="session")
def factru_dir() -> Path:
    if not FACTRU.is_dir():
        pytest.skip(f"factRuEval devset not found at {FACTRU}")
    return FACTRU


@pytest.fixture(scope="session")
def nerel_dir() -> Path:
    """NEREL v1.1 with its train/ and dev/ folders."""
    if not (NEREL / "dev").is_dir():
        pytest.skip(f"NEREL not found at {NEREL}")
    return NEREL


def factru_text(name: str) -> str:
    return (FACTRU / f"{name}.txt").read_text(encoding="utf-8")


def pytest_collection_modifyitems(config, items):
    """Tests marked slow run only when asked for (``pytest -m slow``), as pyproject.toml says."""
    if "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="slow: opt in with -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
