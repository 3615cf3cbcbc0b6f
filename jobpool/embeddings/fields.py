"""A vector column that is pgvector on PostgreSQL and a float32 blob elsewhere.

`PortableVectorField(dimensions=384)` behaves exactly like pgvector's
`VectorField` on PostgreSQL (so `CosineDistance`, `HnswIndex` and the `<=>`
operator work), and stores the same vector as 4·d little-endian float32 bytes
on SQLite, where similarity runs in numpy (see pgvector.nearest). Either way,
Python sees a float32 numpy array.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from pgvector.django import VectorField

_FLOAT32 = np.dtype("<f4")


def _is_postgres(connection: Any) -> bool:
    return connection.vendor == "postgresql"


def vector_to_bytes(vector: Any, dimensions: int | None = None) -> bytes:
    """A vector as little-endian float32 bytes, checked against `dimensions` when given."""
    array = np.asarray(vector, dtype=_FLOAT32)
    if array.ndim != 1 or (dimensions is not None and array.shape[0] != dimensions):
        raise ValueError(f"expected a vector of {dimensions} values, got shape {array.shape}")
    return array.tobytes()


def bytes_to_vector(blob: bytes | memoryview) -> np.ndarray:
    """The float32 vector stored by vector_to_bytes (a writable copy)."""
    return np.frombuffer(bytes(blob), dtype=_FLOAT32).astype(np.float32)


class PortableVectorField(VectorField):
    description = "Vector (pgvector on PostgreSQL, float32 blob elsewhere)"

    def db_type(self, connection: Any) -> str:
        return super().db_type(connection) if _is_postgres(connection) else "blob"

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if _is_postgres(connection) or value is None:
            return super().get_db_prep_value(value, connection, prepared)
        if isinstance(value, bytes | memoryview):
            return bytes(value)
        return vector_to_bytes(value, self.dimensions)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, bytes | memoryview):
            return bytes_to_vector(value)
        return np.asarray(super().from_db_value(value, expression, connection), dtype=np.float32)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, bytes | memoryview):
            return bytes_to_vector(value)
        return super().to_python(value)
