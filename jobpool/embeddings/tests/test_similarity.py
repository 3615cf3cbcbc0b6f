"""Portable cosine similarity against brute-force definitions."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobpool.embeddings.similarity import cosine_matrix, cosine_pairs_above, cosine_top_k, cosine_top_k_rows


def _brute_cosine(a, b):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    out = np.zeros((len(a), len(b)))
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            nx, ny = np.linalg.norm(x), np.linalg.norm(y)
            out[i, j] = 0.0 if nx == 0 or ny == 0 else x @ y / (nx * ny)
    return out


@pytest.fixture
def rng():
    return np.random.default_rng(42)


@pytest.mark.smoke
def test_cosine_matrix_matches_the_definition(rng):
    a, b = rng.normal(size=(5, 16)), rng.normal(size=(7, 16)) * 3.0

    assert np.allclose(cosine_matrix(a, b), _brute_cosine(a, b), atol=1e-6)


def test_cosine_matrix_scores_zero_vectors_as_zero(rng):
    a = np.vstack([np.zeros(4), rng.normal(size=4)])

    scores = cosine_matrix(a, a)

    assert np.isfinite(scores).all()
    assert scores[0].tolist() == [0.0, 0.0]


def test_cosine_matrix_rejects_mismatched_dimensions():
    with pytest.raises(ValueError, match="dimension"):
        cosine_matrix(np.ones((2, 3)), np.ones((2, 4)))


def test_cosine_top_k_returns_the_best_rows_in_order(rng):
    matrix = rng.normal(size=(200, 32))
    query = rng.normal(size=32)
    expected = np.argsort(-_brute_cosine(query[None], matrix)[0])[:5]

    top = cosine_top_k(query, matrix, 5)

    assert top.indices.tolist() == expected.tolist()
    assert np.all(np.diff(top.scores) <= 0)


def test_cosine_top_k_with_k_beyond_the_rows_returns_all_sorted(rng):
    matrix = rng.normal(size=(3, 8))

    top = cosine_top_k(matrix[1], matrix, 10)

    assert sorted(top.indices.tolist()) == [0, 1, 2]
    assert top.indices[0] == 1
    assert top.scores[0] == pytest.approx(1.0, abs=1e-6)


def test_cosine_top_k_rejects_k_below_one(rng):
    with pytest.raises(ValueError):
        cosine_top_k(np.ones(3), np.ones((2, 3)), 0)


@pytest.mark.parametrize("chunk_rows", [1, 7, 2048])
def test_cosine_top_k_rows_matches_per_row_top_k(rng, chunk_rows):
    a, b = rng.normal(size=(20, 16)), rng.normal(size=(50, 16))

    top = cosine_top_k_rows(a, b, 4, chunk_rows=chunk_rows)

    expected = np.argsort(-_brute_cosine(a, b), axis=1)[:, :4]
    assert top.indices.tolist() == expected.tolist()
    assert np.allclose(top.scores, np.take_along_axis(_brute_cosine(a, b), expected, axis=1), atol=1e-6)


@pytest.mark.parametrize("chunk_rows", [3, 2048])
def test_cosine_pairs_above_finds_exactly_the_pairs_over_the_threshold(rng, chunk_rows):
    a, b = rng.normal(size=(30, 8)), rng.normal(size=(40, 8))
    brute = _brute_cosine(a, b)

    pairs = cosine_pairs_above(a, b, 0.5, chunk_rows=chunk_rows)

    expected = [(i, j) for i in range(30) for j in range(40) if brute[i, j] >= 0.5]
    assert list(zip(pairs.rows.tolist(), pairs.cols.tolist(), strict=True)) == expected
    assert np.allclose(pairs.scores, [brute[i, j] for i, j in expected], atol=1e-6)


def test_cosine_pairs_above_on_empty_input_is_empty():
    pairs = cosine_pairs_above(np.zeros((0, 4)), np.ones((3, 4)), 0.1)

    assert (pairs.rows.tolist(), pairs.cols.tolist(), pairs.scores.tolist()) == ([], [], [])


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=40),
    k=st.integers(min_value=1, max_value=50),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_cosine_top_k_scores_are_the_k_largest_similarities(n, k, seed):
    rng = np.random.default_rng(seed)
    matrix = rng.normal(size=(n, 6))
    query = rng.normal(size=6)

    top = cosine_top_k(query, matrix, k)

    all_scores = np.sort(cosine_matrix(query[None], matrix)[0])[::-1]
    assert len(top.indices) == min(k, n)
    assert np.allclose(top.scores, all_scores[: min(k, n)], atol=1e-6)
    assert len(set(top.indices.tolist())) == len(top.indices)
