"""Cosine similarity in numpy: the portable path (SQLite, benchmarks, surfacing).

Every function accepts raw vectors and normalises them unless told the rows
are already unit length (what providers return), in which case cosine is a
plain float32 matrix product at BLAS speed. Zero vectors score 0 against
everything rather than NaN.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from jobpool.embeddings.base import l2_normalise

DEFAULT_CHUNK_ROWS = 2048  # rows of `a` per product: 2048 x 10k float32 scores is 80 MB


class TopK(NamedTuple):
    indices: np.ndarray  # int64, best first
    scores: np.ndarray  # float32 cosine, descending


class Pairs(NamedTuple):
    rows: np.ndarray  # int64 indices into `a`
    cols: np.ndarray  # int64 indices into `b`
    scores: np.ndarray  # float32 cosine


def _as_matrix(x: np.ndarray, name: str, normalised: bool) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 2:
        raise ValueError(f"{name} must be 2-D (rows, dimensions), got shape {x.shape}")
    return x if normalised else l2_normalise(x)


def cosine_matrix(a: np.ndarray, b: np.ndarray, *, normalised: bool = False) -> np.ndarray:
    """(m, n) float32 cosine similarities between the rows of a (m, d) and b (n, d)."""
    a = _as_matrix(a, "a", normalised)
    b = _as_matrix(b, "b", normalised)
    if a.shape[1] != b.shape[1]:
        raise ValueError(f"dimension mismatch: a has {a.shape[1]}, b has {b.shape[1]}")
    return a @ b.T


def _top_k_of_row(scores: np.ndarray, k: int) -> np.ndarray:
    if k >= scores.shape[0]:
        return np.argsort(-scores, kind="stable")
    candidates = np.argpartition(-scores, k - 1)[:k]
    return candidates[np.argsort(-scores[candidates], kind="stable")]


def cosine_top_k(query: np.ndarray, matrix: np.ndarray, k: int, *, normalised: bool = False) -> TopK:
    """The k rows of `matrix` (n, d) most similar to `query` (d,), best first.

    Returns fewer than k when the matrix has fewer rows; k must be positive.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    query = np.asarray(query, dtype=np.float32)
    if query.ndim != 1:
        raise ValueError(f"query must be 1-D (dimensions,), got shape {query.shape}")
    scores = cosine_matrix(query[None, :], matrix, normalised=normalised)[0]
    order = _top_k_of_row(scores, k)
    return TopK(order.astype(np.int64), scores[order])


def cosine_top_k_rows(
    a: np.ndarray, b: np.ndarray, k: int, *, normalised: bool = False, chunk_rows: int = DEFAULT_CHUNK_ROWS
) -> TopK:
    """For every row of a (m, d), its k most similar rows of b (n, d): (m, min(k, n)) arrays, best first.

    Works through `a` in chunks so memory stays at chunk_rows x n scores.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    a = _as_matrix(a, "a", normalised)
    b = _as_matrix(b, "b", normalised)
    k = min(k, b.shape[0])
    indices = np.empty((a.shape[0], k), dtype=np.int64)
    scores = np.empty((a.shape[0], k), dtype=np.float32)
    for start in range(0, a.shape[0], chunk_rows):
        block = cosine_matrix(a[start : start + chunk_rows], b, normalised=True)
        if k < b.shape[0]:
            part = np.argpartition(-block, k - 1, axis=1)[:, :k]
        else:
            part = np.broadcast_to(np.arange(b.shape[0]), block.shape)
        part_scores = np.take_along_axis(block, part, axis=1)
        order = np.argsort(-part_scores, axis=1, kind="stable")
        indices[start : start + len(block)] = np.take_along_axis(part, order, axis=1)
        scores[start : start + len(block)] = np.take_along_axis(part_scores, order, axis=1)
    return TopK(indices, scores)


def cosine_pairs_above(
    a: np.ndarray, b: np.ndarray, threshold: float, *, normalised: bool = False, chunk_rows: int = DEFAULT_CHUNK_ROWS
) -> Pairs:
    """Every (row of a, row of b) pair with cosine >= threshold, row-major order.

    Thresholding is a single pass over each chunk of scores, much cheaper than
    a top-k selection when most pairs fall below the bar (anchors §6, G6.3).
    """
    a = _as_matrix(a, "a", normalised)
    b = _as_matrix(b, "b", normalised)
    rows, cols, scores = [], [], []
    for start in range(0, a.shape[0], chunk_rows):
        block = cosine_matrix(a[start : start + chunk_rows], b, normalised=True)
        r, c = np.nonzero(block >= np.float32(threshold))
        rows.append(r.astype(np.int64) + start)
        cols.append(c.astype(np.int64))
        scores.append(block[r, c])
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(empty, empty.copy(), np.zeros(0, dtype=np.float32))
    return Pairs(np.concatenate(rows), np.concatenate(cols), np.concatenate(scores))
