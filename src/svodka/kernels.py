"""Faster numpy kernels for slovnet's CNN encoder and navec look-up.

Why our own: slovnet's numpy executor copies PyTorch's layout, channels first
(batch × features × words).  Each convolution then gathers its windows
element by element (the kernel axis has a one-float stride), and the batch
norm, ReLU and mask work on transposed views.  Most of the three models' time
(morphology, syntax, NER) went there.  Kept channels last (batch × words ×
features), a window of k words is one contiguous run of k × features floats,
so gathering them is a memcpy and everything after the matrix product runs in
place on contiguous memory.

Same weights, same operations: the product sums its terms in another order
(word-major instead of feature-major), so outputs equal slovnet's up to float32
rounding; everything else (bias, ReLU, batch norm, padding mask) is the same
element-wise arithmetic.  The navec look-up gathers the very same floats.

``speed_up(model)`` swaps these in on one model instance (``Morph``, ``NER`` or
``Syntax`` from ``slovnet.exec.model``); it leaves the model alone if its parts
do not have the expected shape (another slovnet version).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided


class _ConvLayer:
    """Conv1d → ReLU → BatchNorm1d, channels last."""

    __slots__ = ("bias", "kernel", "mean", "padding", "scale", "shift", "std", "weight")

    def __init__(self, layer: Any) -> None:
        conv, norm = layer.conv, layer.norm
        filters, in_dim, kernel = conv.weight.array.shape
        # filters × in × kernel → (kernel × in) × filters, matching a window's memory order
        self.weight = np.ascontiguousarray(conv.weight.array.transpose(2, 1, 0).reshape(kernel * in_dim, filters))
        self.bias = conv.bias.array
        self.kernel = kernel
        self.padding = conv.padding
        self.mean, self.std = norm.mean.array, norm.std.array
        self.scale, self.shift = norm.weight.array, norm.bias.array

    def __call__(self, x: np.ndarray) -> np.ndarray:
        batch, words, in_dim = x.shape
        pad = self.padding
        padded = np.zeros((batch, words + 2 * pad, in_dim), dtype=x.dtype)
        padded[:, pad : pad + words] = x
        count = words + 2 * pad - self.kernel + 1
        step = padded.itemsize
        # window i of a sentence = words i … i+kernel-1, a contiguous run of kernel × in floats
        windows = as_strided(
            padded, (batch, count, self.kernel * in_dim), (padded.strides[0], in_dim * step, step), writeable=False
        ).reshape(batch * count, self.kernel * in_dim)
        out = windows @ self.weight
        out += self.bias
        np.maximum(out, 0, out=out)  # ReLU
        out -= self.mean  # batch norm, in slovnet's order of operations
        out /= self.std
        out *= self.scale
        out += self.shift
        return out.reshape(batch, count, -1)


class FastCNNEncoder:
    """Drop-in for ``slovnet.exec.model.CNNEncoder``: (batch × words × dim, pad mask) → batch × words × dim."""

    def __init__(self, encoder: Any) -> None:
        self.layers = [_ConvLayer(layer) for layer in encoder.layers]

    def __call__(self, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
        for layer in self.layers:
            x = layer(x)
            x[mask] = 0  # padding words carry nothing into the next layer
        return x


RECENT = 256  # batches whose look-up FastNavec keeps at most (a news article has a handful)


class FastNavec:
    """Drop-in for ``NavecEmbedding``: one flat ``take`` instead of two-axis fancy indexing."""

    def __init__(self, navec: Any) -> None:
        codes = navec.codes.array  # subspaces × centroids × chunk
        subspaces, centroids, chunk = codes.shape
        self.indexes = navec.indexes.array  # words × subspaces (centroid ids)
        self.flat = np.ascontiguousarray(codes.reshape(subspaces * centroids, chunk))
        self.offsets = np.arange(subspaces, dtype=np.intp) * centroids
        self.dim = subspaces * chunk

        self._recent: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # id(ids) → (ids, output)

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        known = self._recent.get(id(ids))
        if known is not None and known[0] is ids:
            # the very same id array again: nlp gives the encoded batches to the morphology and then
            # the syntax model, which share this look-up (share_navec); the output is only read
            return known[1]
        shape = ids.shape
        rows = self.indexes[ids.ravel()].astype(np.intp)
        rows += self.offsets
        out = self.flat.take(rows, axis=0).reshape(*shape, self.dim)
        if len(self._recent) >= RECENT:
            self._recent.clear()
        self._recent[id(ids)] = (ids, out)  # holding ids keeps its id from being reused
        return out

    def forget(self) -> None:
        """Drop the kept look-ups (nlp calls this once both models have read a parse's batches)."""
        self._recent.clear()


def speed_up(model: Any) -> bool:
    """Swap the fast encoder and navec look-up into one slovnet exec model; True if done."""
    try:
        encoder = FastCNNEncoder(model.encoder)
        navec = FastNavec(model.emb.word)
        if any(layer.kernel != 2 * layer.padding + 1 for layer in encoder.layers):
            return False  # the output length would differ from the input's
    except (AttributeError, TypeError, ValueError):
        return False
    model.encoder = encoder
    model.emb.word = navec
    return True


def share_navec(models: list[Any]) -> None:
    """One FastNavec for the exec models that read the same navec table (natasha's three news
    models share one NewsEmbedding), so that a batch looked up for one is not looked up again."""
    seen: list[FastNavec] = []
    for model in models:
        navec = getattr(getattr(model, "emb", None), "word", None)
        if not isinstance(navec, FastNavec):
            continue
        twin = next((s for s in seen if s.indexes is navec.indexes and np.array_equal(s.flat, navec.flat)), None)
        if twin is None:
            seen.append(navec)
        else:
            model.emb.word = twin
