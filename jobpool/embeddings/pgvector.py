"""Nearest-neighbour queries over a vector column: pgvector on PostgreSQL, numpy elsewhere.

For the job pool's models (owned by the pool, not here):

    from jobpool.embeddings.fields import PortableVectorField
    embedding = PortableVectorField(dimensions=384, null=True)

and, in a migration, the HNSW index that only PostgreSQL builds:

    CreateHnswIndex(table="jobpool_jobembedding", column="embedding", name="jobembedding_hnsw")

Query with `nearest(queryset, "embedding", vector, k=20)` on either database, or
`order_by_cosine(queryset, "embedding", vector)` when the caller knows it is on
PostgreSQL and wants a lazy queryset. Why HNSW and not IVFFlat, and the
parameters, are in docs/embeddings.md ("PostgreSQL").
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.db import connections
from django.db.migrations.operations.base import Operation
from django.db.models import QuerySet
from pgvector.django import CosineDistance

from jobpool.embeddings.similarity import cosine_top_k

HNSW_M = 16  # pgvector defaults; anchors.md §3 measured recall 0.985 at ef_search=40
HNSW_EF_CONSTRUCTION = 64
HNSW_EF_SEARCH = 100  # recall@10 1.000 on 100k x 384 at 2.4 ms p50 (anchors.md §3)


def is_postgres(using: str = "default") -> bool:
    return connections[using].vendor == "postgresql"


def order_by_cosine(queryset: QuerySet, field: str, vector: Any, *, alias: str = "distance") -> QuerySet:
    """`queryset` annotated with `alias` = cosine distance to `vector`, nearest first (PostgreSQL).

    Slice it (`[:k]`) so PostgreSQL can answer from the HNSW index.
    """
    vector = np.asarray(vector, dtype=np.float32)
    return queryset.annotate(**{alias: CosineDistance(field, vector)}).order_by(alias)


def nearest(queryset: QuerySet, field: str, vector: Any, k: int) -> list[tuple[Any, float]]:
    """The k rows of `queryset` whose `field` is most cosine-similar to `vector`: [(pk, similarity)], best first.

    PostgreSQL orders by pgvector's `<=>` (the HNSW index when present); other
    databases load the filtered vectors and rank them in numpy. Rows with a
    NULL vector are skipped on both.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    queryset = queryset.exclude(**{f"{field}__isnull": True})
    if is_postgres(queryset.db):
        rows = order_by_cosine(queryset, field, vector, alias="_distance").values_list("pk", "_distance")[:k]
        return [(pk, 1.0 - float(distance)) for pk, distance in rows]
    pks, vectors = [], []
    for pk, stored in queryset.values_list("pk", field).iterator(chunk_size=2000):
        pks.append(pk)
        vectors.append(stored)
    if not pks:
        return []
    top = cosine_top_k(np.asarray(vector, dtype=np.float32), np.vstack(vectors), k)
    return [(pks[i], float(score)) for i, score in zip(top.indices.tolist(), top.scores.tolist(), strict=True)]


def set_ef_search(value: int = HNSW_EF_SEARCH, *, using: str = "default") -> None:
    """Widen the HNSW candidate list for the current transaction (PostgreSQL; no-op elsewhere)."""
    if is_postgres(using):
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT set_config('hnsw.ef_search', %s, true)", [str(int(value))])


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def hnsw_index_sql(
    table: str, column: str, name: str, *, m: int = HNSW_M, ef_construction: int = HNSW_EF_CONSTRUCTION
) -> str:
    """CREATE INDEX for a cosine HNSW index (identifiers quoted, parameters checked)."""
    if not (2 <= m <= 100 and 4 <= ef_construction <= 1000):
        raise ValueError("m must be in 2..100 and ef_construction in 4..1000 (pgvector's limits)")
    return (
        f"CREATE INDEX IF NOT EXISTS {_quote(name)} ON {_quote(table)} "
        f"USING hnsw ({_quote(column)} vector_cosine_ops) WITH (m = {int(m)}, ef_construction = {int(ef_construction)})"
    )


class CreateHnswIndex(Operation):
    """A migration operation: a cosine HNSW index on PostgreSQL, nothing on other databases.

    Database-only (the model state does not change), reversible, and safe to
    run on SQLite, where similarity runs in numpy instead.
    """

    reduces_to_sql = True
    reversible = True

    def __init__(
        self, *, table: str, column: str, name: str, m: int = HNSW_M, ef_construction: int = HNSW_EF_CONSTRUCTION
    ) -> None:
        self.table, self.column, self.name = table, column, name
        self.m, self.ef_construction = m, ef_construction

    def deconstruct(self) -> tuple[str, list, dict]:
        kwargs = {"table": self.table, "column": self.column, "name": self.name}
        if self.m != HNSW_M:
            kwargs["m"] = self.m
        if self.ef_construction != HNSW_EF_CONSTRUCTION:
            kwargs["ef_construction"] = self.ef_construction
        return (f"{__name__}.{type(self).__name__}", [], kwargs)

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                hnsw_index_sql(self.table, self.column, self.name, m=self.m, ef_construction=self.ef_construction)
            )

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {_quote(self.name)}")

    def describe(self) -> str:
        return f"Create HNSW cosine index {self.name} on {self.table}.{self.column} (PostgreSQL only)"

    @property
    def migration_name_fragment(self) -> str:
        return f"hnsw_{self.name}"
