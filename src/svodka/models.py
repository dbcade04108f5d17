"""NLP models, loaded lazily and once per process.

natasha ships its slovnet and navec weights inside the PyPI wheels, so nothing is
downloaded.  numpy's BLAS threading makes natasha 5-8x slower on small
machines, so we pin one BLAS thread per process and get parallelism from
worker processes instead.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Any

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


@dataclass(frozen=True, slots=True)
class Models:
    segmenter: Any
    morph_vocab: Any
    embedding: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any


@functools.cache
def _limit_blas() -> None:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency
        return
    threadpool_limits(limits=1, user_api="blas")


@functools.cache
def load_models() -> Models:
    """Build natasha's models once; every later call returns the same object."""
    _limit_blas()
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    return Models(
        segmenter=Segmenter(),
        morph_vocab=MorphVocab(),
        embedding=emb,
        morph_tagger=NewsMorphTagger(emb),
        syntax_parser=NewsSyntaxParser(emb),
        ner_tagger=NewsNERTagger(emb),
    )


@functools.cache
def morph_analyzer() -> Any:
    """pymorphy3's analyser, for inflecting names and lemmatising words out of context."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
