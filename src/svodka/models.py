"""NLP models, loaded lazily and once per process.

natasha ships its slovnet and navec weights inside the PyPI wheels, so nothing is
downloaded.  numpy's BLAS threading makes natasha 5-8x slower on small
machines, so we pin one BLAS thread per process and get parallelism from
worker processes instead.
"""

from __future__ import annotations

import functools
import gc
import os
from dataclasses import dataclass
from typing import Any

from .kernels import share_navec, speed_up

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
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    ner, morph, syntax = NewsNERTagger(emb), NewsMorphTagger(emb), NewsSyntaxParser(emb)
    _fast_crf(ner)
    caches: list = []
    for model in (ner, morph, syntax):
        _cached_encoding(model, caches)
        speed_up(getattr(getattr(model, "infer", None), "model", None))
    share_navec([getattr(getattr(m, "infer", None), "model", None) for m in (ner, morph, syntax)])
    return Models(
        segmenter=Segmenter(),
        morph_vocab=_morph_vocab(),
        embedding=emb,
        morph_tagger=morph,
        syntax_parser=syntax,
        ner_tagger=ner,
    )


def _cached_encoding(model: Any, caches: list) -> None:
    """Remember each word's (vocabulary id, shape id) in slovnet's encoder.

    slovnet recomputes a word's shape and ids at every occurrence, in each of the
    three models; both are pure functions of the word and the model's fixed
    vocabularies, so a cache gives the very same input arrays.  natasha's three
    news models share their vocabularies, so they share one cache (``caches``
    holds (encoder, cache) pairs already made).
    """
    encoder = getattr(getattr(model, "infer", None), "encoder", None)
    item = getattr(encoder, "item", None)
    if item is None:
        return
    cache: dict[str, tuple[int, int]] | None = None
    for other, other_cache in caches:
        try:
            if (
                other.words_vocab.items == encoder.words_vocab.items
                and other.shapes_vocab.items == encoder.shapes_vocab.items
            ):
                cache = other_cache
                break
        except AttributeError:  # pragma: no cover - another slovnet version
            pass
    if cache is None:
        cache = {}
        caches.append((encoder, cache))

    def cached_item(words: Any) -> tuple[list[int], list[int]]:
        word_ids, shape_ids = [], []
        get = cache.get
        for word in words:
            ids = get(word)
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
    in the same order), so the tags are identical.  Steps where every sequence
    is still going skip the mask, and the back-tracking walks plain lists.
    Skipped silently if slovnet's internals ever change shape.
    """
    import types

    import numpy as np

    crf = getattr(getattr(getattr(getattr(ner, "infer", None), "model", None), "head", None), "crf", None)
    if crf is None or not hasattr(crf, "transitions"):
        return

    def decode_one(transitions: Any, emissions: Any) -> list:
        """One sequence with no padding (NER reads a whole article as one): the same sums, maxima
        and arg-maxima as below, on 2-D arrays and preallocated buffers."""
        steps, tags = emissions.shape
        step = np.empty((tags, tags), dtype=np.result_type(emissions, transitions))
        history = np.empty((max(steps - 1, 0), tags), dtype=np.intp)
        rows, kept = list(emissions[1:]), list(history)
        score = emissions[0]
        for row, into in zip(rows, kept):
            np.add(score[:, None], transitions, out=step)
            step += row
            step.argmax(0, out=into)
            score = step.max(0)
        best = int(score.argmax())
        tags_out = [best]
        for indexes in reversed(history.tolist()):
            best = indexes[best]
            tags_out.append(best)
        tags_out.reverse()
        return [np.array(tags_out)]

    def decode(self: Any, emissions: Any, mask: Any) -> list:
        batch_size = emissions.shape[0]
        if batch_size == 1 and emissions.shape[1] > 0 and bool(mask.all()):
            return decode_one(self.transitions.array, emissions[0])
        emissions = emissions.swapaxes(1, 0)[:, :, None, :]  # steps x batch x 1 x tags
        mask = mask.swapaxes(1, 0)
        full = mask.all(1).tolist()  # steps where no sequence of the batch has ended
        transitions = self.transitions.array
        history = []
        score = emissions[0, :, 0]  # batch x tags
        for index in range(1, emissions.shape[0]):
            step = score[:, :, None] + transitions  # batch x tags x tags
            step += emissions[index]
            history.append(step.argmax(-2))
            best = step.max(-2)
            score = best if full[index] else np.where(mask[index][:, None], best, score)
        sizes = (mask.sum(0) - 1).tolist()
        # back-pointers as plain lists: indexing numpy scalars step by step is what cost most
        paths = np.stack(history, axis=1).tolist() if history else [[] for _ in range(batch_size)]
        batch = []
        for row in range(batch_size):
            best = int(score[row].argmax())
            tags = [best]
            for indexes in reversed(paths[row][: sizes[row]]):
                best = indexes[best]
                tags.append(best)
            tags.reverse()
            batch.append(np.array(tags))
        return batch

    crf.decode = types.MethodType(decode, crf)


def _morph_vocab() -> Any:
    """natasha's MorphVocab, with each pymorphy tag's UD part of speech and features worked out once.

    natasha converts the tag of every parse of every new word to UD (a loop over its
    grammemes): a fifth of lemmatising a news text.  The conversion depends on the tag
    alone, so the result is cached by tag; the feature dicts are shared, and only read.
    """
    from natasha.morph.vocab import MorphForm, MorphVocab, PymorphyAnalyzer, PymorphyParse, ud_feats, ud_pos

    grams: dict[str, tuple[str, dict]] = {}

    class CachedForm(MorphForm):
        def __new__(cls, *args: Any) -> Any:
            self = PymorphyParse.__new__(cls, *args)
            self.normal = self.normal_form
            tag = self.tag
            known = grams.get(tag._str)
            if known is None:
                known = grams[tag._str] = (ud_pos(tag), dict(ud_feats(tag)))
            self.pos, self.feats = known
            return self

    from natasha.morph.lemma import grams_sim, normal_word

    # word → [(normal form, UD pos, UD feats)] of pymorphy's parses, in pymorphy's order
    forms_cache: dict[str, list[tuple[str, str, dict]]] = {}

    class CachedVocab(MorphVocab):
        def __init__(self) -> None:
            PymorphyAnalyzer.__init__(self, result_type=CachedForm)

        def _forms(self, word: str) -> list[tuple[str, str, dict]]:
            """pymorphy's parse of ``word`` (its own loop over its units and its probability
            estimate, as in ``MorphAnalyzer.parse``) as plain tuples: no record object per parse."""
            forms = forms_cache.get(word)
            if forms is None:
                res: list = []
                seen: set = set()
                word_lower = word.lower()
                for analyzer, is_terminal in self._units:
                    res.extend(analyzer.parse(word, word_lower, seen))
                    if is_terminal and res:
                        break
                if self.prob_estimator is not None:
                    res = self.prob_estimator.apply_to_parses(word, word_lower, res)
                forms = []
                for parse in res:
                    tag = parse[1]
                    known = grams.get(tag._str)
                    if known is None:
                        known = grams[tag._str] = (ud_pos(tag), dict(ud_feats(tag)))
                    forms.append((parse[2], known[0], known[1]))
                if len(forms_cache) > 200_000:
                    forms_cache.clear()
                forms_cache[word] = forms
            return forms

        def lemmatize(self, word: str, pos: str, feats: dict) -> str:
            """natasha's ``lemmatize`` (``best_form`` over the word's parses) on the plain tuples."""
            word = normal_word(word)
            top, best = 0, None
            for normal, form_pos, form_feats in self._forms(word):
                if form_pos == pos and form_feats == feats:
                    return normal_word(normal)
                sim = grams_sim(form_pos, form_feats, pos, feats)
                if sim > top:
                    best, top = normal, sim
            return normal_word(best) if best is not None else word

    vocab = CachedVocab()
    if not (hasattr(vocab, "_units") and hasattr(vocab, "prob_estimator")):  # pragma: no cover - another pymorphy2
        del CachedVocab.lemmatize
    return vocab


_frozen = False


def freeze_loaded() -> bool:
    """Move every object alive now out of the cyclic garbage collector's reach, once per process.

    Called after the first analysed document, when the models, the lexicons and the modules that
    the layers import lazily are all loaded: hundreds of thousands of long-lived objects that can
    never be garbage, yet every full collection scanned them all again (a twentieth of the
    analysis time).  Frozen objects are still freed by reference counting; only cycles among them
    would stay.  Garbage is collected first, so none of it is frozen.  True if this call froze."""
    global _frozen
    if _frozen:
        return False
    _frozen = True
    gc.collect()
    gc.freeze()
    return True


@functools.cache
def morph_analyzer() -> Any:
    """pymorphy3's analyser, for inflecting names and lemmatising words out of context."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
