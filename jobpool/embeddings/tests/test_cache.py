"""Caching by hash of model and text: keys, the LRU, and embed_cached skipping what is known."""

from __future__ import annotations

import numpy as np
import pytest

from jobpool.embeddings.base import EmbeddingProvider
from jobpool.embeddings.cache import InMemoryLRUCache, VectorCache, cache_key, embed_cached, normalise_text


class RecordingProvider(EmbeddingProvider):
    """Wraps the real model and records which texts reach it."""

    def __init__(self, inner: EmbeddingProvider) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dimensions = inner.dimensions
        self.calls: list[list[str]] = []

    def _embed(self, texts, batch_size):
        self.calls.append(list(texts))
        return self.inner.embed(texts, batch_size=batch_size)


def test_cache_key_is_sha256_hex_of_model_and_normalised_text():
    key = cache_key("m", "  Scrum\u00a0 Master \n")

    assert key == cache_key("m", "Scrum Master")
    assert len(key) == 64
    assert int(key, 16) >= 0


def test_cache_key_differs_by_model_and_by_case():
    assert cache_key("a", "Scrum Master") != cache_key("b", "Scrum Master")
    assert cache_key("a", "Scrum Master") != cache_key("a", "scrum master")


def test_normalise_text_composes_unicode_and_collapses_whitespace():
    assert normalise_text("Cafe\u0301\t\tbarista\n") == "Caf\u00e9 barista"


def test_lru_cache_evicts_the_least_recently_used_entry():
    cache = InMemoryLRUCache(max_entries=2)
    cache.set_many({"a": np.ones(2), "b": np.zeros(2)})
    cache.get_many(["a"])

    cache.set_many({"c": np.full(2, 2.0)})

    assert sorted(cache.get_many(["a", "b", "c"])) == ["a", "c"]
    assert len(cache) == 2


def test_lru_cache_keeps_a_private_read_only_copy():
    cache = InMemoryLRUCache()
    vector = np.ones(3, dtype=np.float32)
    cache.set_many({"k": vector})

    vector[0] = 5.0
    stored = cache.get_many(["k"])["k"]

    assert stored.tolist() == [1.0, 1.0, 1.0]
    with pytest.raises(ValueError):
        stored[0] = 2.0


def test_lru_cache_satisfies_the_vector_cache_protocol():
    assert isinstance(InMemoryLRUCache(), VectorCache)


@pytest.mark.smoke
def test_embed_cached_embeds_each_new_text_once_and_reuses_the_cache(minilm):
    provider = RecordingProvider(minilm)
    cache = InMemoryLRUCache()

    first = embed_cached(provider, ["Scrum Master", "Agile Coach", "Scrum  Master"], cache=cache)
    second = embed_cached(provider, ["Pastry Chef", "Agile Coach", "Scrum Master"], cache=cache)

    assert provider.calls == [["Scrum Master", "Agile Coach"], ["Pastry Chef"]]
    assert np.array_equal(first[0], first[2])
    assert np.array_equal(second[1], first[1])
    assert np.array_equal(second[2], first[0])
    assert np.allclose(second, minilm.embed(["Pastry Chef", "Agile Coach", "Scrum Master"]), atol=1e-6)


def test_embed_cached_makes_no_call_when_everything_is_cached(minilm):
    provider = RecordingProvider(minilm)
    cache = InMemoryLRUCache()
    embed_cached(provider, ["Scrum Master"], cache=cache)

    again = embed_cached(provider, ["Scrum Master", " Scrum Master "], cache=cache)

    assert len(provider.calls) == 1
    assert again.shape == (2, 384)


def test_embed_cached_whitespace_normalisation_does_not_change_minilm_vectors(minilm, reference):
    texts, expected = reference
    index = texts.index("   Machine   learning\tengineer\n\nremote   ")

    vector = embed_cached(minilm, [texts[index]], cache=InMemoryLRUCache())[0]

    assert float(np.abs(vector - expected[index]).max()) < 1e-4


def test_embed_cached_rejects_a_cached_vector_of_the_wrong_size(minilm):
    cache = InMemoryLRUCache()
    cache.set_many({cache_key(minilm.model_id, "Scrum Master"): np.ones(3)})

    with pytest.raises(ValueError, match="expected"):
        embed_cached(minilm, ["Scrum Master"], cache=cache)


def test_embed_cached_of_nothing_is_empty_without_touching_the_cache(minilm):
    class Refusing:
        def get_many(self, keys):
            raise AssertionError("not called")

        def set_many(self, vectors):
            raise AssertionError("not called")

    assert embed_cached(minilm, [], cache=Refusing()).shape == (0, 384)
