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
    ner, morph, syntax = NewsNERTagger(emb), NewsMorphTagger(emb), NewsSyntaxParser(emb)
    _fast_crf(ner)
    for model in (ner, morph, syntax):
        _cached_encoding(model)
    return Models(
        segmenter=Segmenter(),
        morph_vocab=MorphVocab(),
        embedding=emb,
        morph_tagger=morph,
        syntax_parser=syntax,
        ner_tagger=ner,
    )


def _cached_encoding(model: Any) -> None:
    """Remember each word's (vocabulary id, shape id) in slovnet's encoder.

    slovnet recomputes a word's shape and ids at every occurrence, in each of the
    three models; both are pure functions of the word and the model's fixed
    vocabularies, so a per-model cache gives the very same input arrays.
    """
    encoder = getattr(getattr(model, "infer", None), "encoder", None)
    item = getattr(encoder, "item", None)
    if item is None:
        return
    cache: dict[str, tuple[int, int]] = {}

    def cached_item(words: Any) -> tuple[list[int], list[int]]:
        word_ids, shape_ids = [], []
        for word in words:
            ids = cache.get(word)
            if ids is None:
                one_word, one_shape = item([word])
                ids = cache[word] = (one_word[0], one_shape[0])
                if len(cache) > 500_000:
                    cache.clear()
            word_ids.append(ids[0])
            shape_ids.append(ids[1])
        return word_ids, shape_ids

    encoder.item = cached_item


def _fast_crf(ner: Any) -> None:
    """Swap slovnet's CRF Viterbi decoding for an equivalent one without per-step index arrays.

    slovnet gathers each step's best scores with ``np.indices`` fancy indexing;
    ``max`` over the same axis returns the very same values (the sums are formed
    in the same order), so the tags are identical and NER runs ~15% faster.
    Skipped silently if slovnet's internals ever change shape.
    """
    import types

    import numpy as np

    crf = getattr(getattr(getattr(getattr(ner, "infer", None), "model", None), "head", None), "crf", None)
    if crf is None or not hasattr(crf, "transitions"):
        return

    def decode(self: Any, emissions: Any, mask: Any) -> list:
        batch_size = emissions.shape[0]
        emissions = emissions.swapaxes(1, 0)
        mask = mask.swapaxes(1, 0)
        transitions = self.transitions.array
        history = []
        score = emissions[0]  # batch x tags
        for index in range(1, emissions.shape[0]):
            step = score[:, :, None] + transitions + emissions[index][:, None, :]  # batch x tags x tags
            history.append(step.argmax(-2))
            score = np.where(mask[index][:, None], step.max(-2), score)
        sizes = mask.sum(0) - 1
        batch = []
        for row in range(batch_size):
            best = score[row].argmax()
            tags = [best]
            for indexes in reversed(history[: sizes[row]]):
                best = indexes[row][best]
                tags.append(best)
            tags.reverse()
            batch.append(np.array(tags))
        return batch

    crf.decode = types.MethodType(decode, crf)


@functools.cache
def morph_analyzer() -> Any:
    """pymorphy3's analyser, for inflecting names and lemmatising words out of context."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
