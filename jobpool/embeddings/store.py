"""Where vectors live, and a VectorCache over any Django model.

Design (ARCHITECTURE §6, "Vectors"):

- One vector per distinct (model id, normalised source text), keyed by
  `cache.cache_key` (sha256 hex, 64 characters). Postings and personas point at
  their current key; a text that changes gets a new key, an unchanged text is
  never embedded twice, and a model switch simply misses the cache.
- The column is `fields.PortableVectorField(dimensions=d)`: pgvector `vector(d)`
  on PostgreSQL with a cosine HNSW index (`pgvector.CreateHnswIndex` in a
  migration), float32 bytes on SQLite with numpy similarity (`pgvector.nearest`).
- Vectors are written in batches by background tasks (`embed_cached` with a
  `ModelVectorCache`), never on the request path. On PostgreSQL, bulk loads go
  in before the HNSW index is built, or in batches: inserting into an indexed
  table runs at hundreds of rows per second (anchors.md §3).
- Vectors are job-intrinsic and shared (ARCHITECTURE §4): they hold nothing
  about who asked for them.

`ModelVectorCache` adapts a model with a unique key field and a vector field
to the `VectorCache` protocol, so the pool's table plugs straight into
`embed_cached`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from django.db import models

IN_CHUNK = 500  # keys per IN (...) query: well under SQLite's 999-variable floor


class ModelVectorCache:
    """A VectorCache over rows of `model`: `key_field` (unique) -> `vector_field`.

    `defaults` fills other required columns on insert (for example the model id).
    """

    def __init__(
        self,
        model: type[models.Model],
        *,
        key_field: str = "key",
        vector_field: str = "vector",
        defaults: Mapping[str, Any] | None = None,
        using: str = "default",
    ) -> None:
        self.model = model
        self.key_field = key_field
        self.vector_field = vector_field
        self.defaults = dict(defaults or {})
        self.using = using

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        keys = list(dict.fromkeys(keys))
        found: dict[str, np.ndarray] = {}
        manager = self.model._default_manager.using(self.using)
        for start in range(0, len(keys), IN_CHUNK):
            chunk = keys[start : start + IN_CHUNK]
            rows = manager.filter(**{f"{self.key_field}__in": chunk}).values_list(self.key_field, self.vector_field)
            for key, vector in rows:
                if vector is not None:
                    found[key] = np.asarray(vector, dtype=np.float32)
        return found

    def set_many(self, vectors: Mapping[str, np.ndarray]) -> None:
        """Side effects: inserts rows, or updates the vector of rows whose key exists."""
        if not vectors:
            return
        rows = [
            self.model(
                **self.defaults, **{self.key_field: key, self.vector_field: np.asarray(vector, dtype=np.float32)}
            )
            for key, vector in vectors.items()
        ]
        self.model._default_manager.using(self.using).bulk_create(
            rows,
            batch_size=IN_CHUNK,
            update_conflicts=True,
            unique_fields=[self.key_field],
            update_fields=[self.vector_field],
        )
