"""Embedding cache keyed by a hash of the model and the source text.

A key is sha256(model_id + NUL + normalised text): the same text embedded by
the same model is computed once, whichever posting or persona it came from,
and switching models never returns a vector from the old one.

`embed_cached` takes any `VectorCache`: the in-process `InMemoryLRUCache`
below, or the database-backed store the job pool provides (same two methods).
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Protocol, runtime_checkable

import numpy as np

from jobpool.embeddings.base import DEFAULT_BATCH_SIZE, EmbeddingProvider


def normalise_text(text: str) -> str:
    """The form a text is hashed in: NFC, whitespace runs collapsed, ends stripped.

    Case is kept: the tokenizer lowercases for MiniLM, but API models may not.
    Every change here only merges texts the model would embed identically.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def cache_key(model_id: str, text: str) -> str:
    """Hex sha256 of the model id and the normalised text (64 characters)."""
    payload = f"{model_id}\x00{normalise_text(text)}".encode()
    return hashlib.sha256(payload).hexdigest()


@runtime_checkable
class VectorCache(Protocol):
    """Where embedded vectors are kept between calls.

    get_many returns only the keys it holds (missing keys are simply absent);
    set_many stores float32 (d,) vectors and may overwrite.
    """

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]: ...

    def set_many(self, vectors: Mapping[str, np.ndarray]) -> None: ...


class InMemoryLRUCache:
    """A thread-safe, size-bounded, least-recently-used cache for one process."""

    def __init__(self, max_entries: int = 10_000) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.max_entries = max_entries
        self._entries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for key in keys:
                vector = self._entries.get(key)
                if vector is not None:
                    self._entries.move_to_end(key)
                    found[key] = vector
        return found

    def set_many(self, vectors: Mapping[str, np.ndarray]) -> None:
        with self._lock:
            for key, vector in vectors.items():
                stored = np.array(vector, dtype=np.float32)  # a private copy: callers may mutate theirs
                stored.setflags(write=False)
                self._entries[key] = stored
                self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def embed_cached(
    provider: EmbeddingProvider,
    texts: list[str],
    *,
    cache: VectorCache,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> np.ndarray:
    """Vectors for `texts` (n, d) in order, embedding only what `cache` lacks.

    Texts that normalise to the same key are embedded once, even within one
    call. Side effects: newly computed vectors are written to `cache`.
    """
    if isinstance(texts, str):
        raise TypeError("embed_cached() takes a list of texts, not a single string")
    out = np.empty((len(texts), provider.dimensions), dtype=np.float32)
    if not texts:
        return out
    keys = [cache_key(provider.model_id, text) for text in texts]
    found = cache.get_many(list(dict.fromkeys(keys)))
    missing: dict[str, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key not in found and key not in missing:
            missing[key] = normalise_text(text)
    if missing:
        computed = provider.embed(list(missing.values()), batch_size=batch_size)
        fresh = dict(zip(missing, computed, strict=True))
        cache.set_many(fresh)
        found = {**found, **fresh}
    for row, key in enumerate(keys):
        vector = np.asarray(found[key], dtype=np.float32)
        if vector.shape != (provider.dimensions,):
            raise ValueError(
                f"cached vector for {key[:12]}… has shape {vector.shape}, expected ({provider.dimensions},)"
            )
        out[row] = vector
    return out
