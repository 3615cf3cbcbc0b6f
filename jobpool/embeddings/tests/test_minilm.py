"""The numpy forward pass against sentence-transformers' own vectors, and its behaviour."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from jobpool.embeddings import minilm as minilm_module
from jobpool.embeddings.minilm import MODEL_ID, MiniLMProvider

from .conftest import load_fixture


@pytest.mark.smoke
def test_minilm_matches_sentence_transformers_reference_vectors(minilm, reference):
    texts, expected = reference

    vectors = minilm.embed(texts)

    assert vectors.shape == expected.shape == (11, 384)
    assert float(np.abs(vectors - expected).max()) < 1e-4
    assert np.all(np.sum(vectors * expected, axis=1) > 0.99999)


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_minilm_vectors_do_not_depend_on_batch_size(minilm, reference, batch_size):
    texts, expected = reference

    vectors = minilm.embed(texts, batch_size=batch_size)

    assert float(np.abs(vectors - expected).max()) < 1e-4


@pytest.mark.smoke
def test_minilm_scrum_master_is_closer_to_agile_coach_than_to_pastry_chef(minilm):
    scrum, coach, chef = minilm.embed(["Scrum Master", "Agile Coach", "Pastry Chef"])

    assert float(scrum @ coach) > float(scrum @ chef) + 0.1


def test_minilm_returns_unit_float32_rows_in_input_order(minilm):
    texts = ["Registered Nurse", "Backend Engineer", "Registered Nurse"]

    vectors = minilm.embed(texts)

    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-6)
    assert np.array_equal(vectors[0], vectors[2])
    assert float(vectors[0] @ vectors[1]) < 0.9


def test_minilm_truncates_to_256_word_pieces_like_sentence_transformers(minilm):
    payload = load_fixture("minilm_reference.json")
    long_item = max(payload["items"], key=lambda item: item["untruncated_tokens"])
    assert long_item["untruncated_tokens"] > 1000

    counts = minilm.token_counts([long_item["text"], "Scrum Master"])

    assert minilm.max_seq_length == payload["max_seq_length"] == 256
    assert counts == [256, 5]


def test_minilm_text_beyond_the_limit_does_not_change_the_vector(minilm, reference):
    texts, _ = reference
    long_text = max(texts, key=len)

    truncated, extended = minilm.embed([long_text, long_text + " Pastry Chef wanted. " * 50])

    assert np.array_equal(truncated, extended)


def test_minilm_embed_of_empty_list_is_an_empty_matrix(minilm):
    vectors = minilm.embed([])

    assert vectors.shape == (0, 384)
    assert vectors.dtype == np.float32


def test_minilm_embed_rejects_a_bare_string(minilm):
    with pytest.raises(TypeError):
        minilm.embed("Scrum Master")


def test_minilm_describes_its_model_without_loading_weights():
    provider = MiniLMProvider()

    assert (provider.model_id, provider.dimensions, provider.max_seq_length) == (MODEL_ID, 384, 256)


def test_minilm_weights_load_once_when_threads_race(monkeypatch):
    loads = []
    real_load = minilm_module._Model.load.__func__

    def counting_load(cls, model_dir, *, max_seq_length):
        loads.append(model_dir)
        return real_load(cls, model_dir, max_seq_length=max_seq_length)

    monkeypatch.setattr(minilm_module, "_loaded", {})
    monkeypatch.setattr(minilm_module._Model, "load", classmethod(counting_load))
    provider = MiniLMProvider()
    barrier = threading.Barrier(4)
    results = []

    def worker():
        barrier.wait()
        results.append(provider.embed(["Scrum Master"])[0])

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(loads) == 1
    assert len(results) == 4
    assert all(np.array_equal(results[0], vector) for vector in results)


def test_erf_approximation_is_within_half_a_micro_of_the_true_function():
    import math

    xs = np.linspace(-6, 6, 20001, dtype=np.float32)
    expected = np.array([math.erf(float(x)) for x in xs])

    error = np.abs(minilm_module._erf(xs.copy()) - expected).max()

    assert error < 5e-7
