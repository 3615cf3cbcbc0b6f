"""Vectors in the database: the portable field, the model-backed cache and nearest(), on both databases.

A throwaway table is created with raw SQL inside each test's transaction, with
a model from an isolated app registry, so no app gains a migration.
"""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection, models
from django.test.utils import isolate_apps

from jobpool.embeddings.cache import cache_key, embed_cached
from jobpool.embeddings.fields import PortableVectorField, bytes_to_vector, vector_to_bytes
from jobpool.embeddings.pgvector import CreateHnswIndex, hnsw_index_sql, nearest, order_by_cosine, set_ef_search
from jobpool.embeddings.store import ModelVectorCache

TABLE = "embeddings_test_vector"
TITLES = ["Scrum Master", "Pastry Chef", "Agile Delivery Lead", "Line Cook", "Kanban Coach", "Sous Chef"]
postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'")


@pytest.fixture
def vector_model(db):
    with isolate_apps("zentropy.core"):

        class StoredVector(models.Model):
            key = models.CharField(max_length=64, unique=True)
            label = models.CharField(max_length=100, default="")
            vector = PortableVectorField(dimensions=384, null=True)

            class Meta:
                app_label = "core"
                db_table = TABLE

            def __str__(self) -> str:
                return self.label

    column = StoredVector._meta.get_field("vector").db_type(connection)
    pk = "bigserial PRIMARY KEY" if connection.vendor == "postgresql" else "integer PRIMARY KEY AUTOINCREMENT"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {TABLE} (id {pk}, key varchar(64) NOT NULL UNIQUE, "
            f"label varchar(100) NOT NULL DEFAULT '', vector {column} NULL)"
        )
    yield StoredVector
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {TABLE}")


@pytest.fixture
def stored_titles(vector_model, minilm):
    vectors = minilm.embed(TITLES)
    vector_model.objects.bulk_create(
        [
            vector_model(key=f"k{i}", label=title, vector=vector)
            for i, (title, vector) in enumerate(zip(TITLES, vectors, strict=True))
        ]
    )
    vector_model.objects.create(key="empty", label="no vector yet", vector=None)
    return vectors


def test_vector_bytes_round_trip_is_exact():
    vector = np.random.default_rng(1).normal(size=384).astype(np.float32)

    assert np.array_equal(bytes_to_vector(vector_to_bytes(vector, 384)), vector)
    with pytest.raises(ValueError):
        vector_to_bytes(vector, 128)


def test_portable_field_column_type_depends_on_the_database():
    field = PortableVectorField(dimensions=384)

    expected = "vector(384)" if connection.vendor == "postgresql" else "blob"
    assert field.db_type(connection) == expected


@pytest.mark.smoke
def test_portable_field_stores_and_reads_back_a_float32_vector(vector_model, minilm):
    vector = minilm.embed_one("Scrum Master")
    row = vector_model.objects.create(key="a", vector=vector)

    row.refresh_from_db()

    assert row.vector.dtype == np.float32
    assert np.allclose(row.vector, vector, atol=1e-7)


@pytest.mark.smoke
def test_nearest_ranks_rows_by_cosine_on_this_database(stored_titles, vector_model, minilm):
    query = minilm.embed_one("Agile Coach")

    found = nearest(vector_model.objects.all(), "vector", query, k=3)

    labels = dict(vector_model.objects.values_list("pk", "label"))
    expected = np.argsort(-(stored_titles @ query))[:3]
    assert [labels[pk] for pk, _ in found] == [TITLES[i] for i in expected]
    assert {labels[pk] for pk, _ in found} == {"Scrum Master", "Agile Delivery Lead", "Kanban Coach"}
    assert np.allclose([score for _, score in found], (stored_titles @ query)[expected], atol=1e-5)


def test_nearest_respects_the_queryset_filter_and_skips_null_vectors(stored_titles, vector_model, minilm):
    query = minilm.embed_one("Agile Coach")
    kitchen = vector_model.objects.filter(label__in=["Pastry Chef", "Line Cook", "Sous Chef", "no vector yet"])

    found = nearest(kitchen, "vector", query, k=10)

    labels = dict(vector_model.objects.values_list("pk", "label"))
    assert sorted(labels[pk] for pk, _ in found) == ["Line Cook", "Pastry Chef", "Sous Chef"]


def test_nearest_on_an_empty_queryset_is_empty(vector_model, minilm):
    assert nearest(vector_model.objects.all(), "vector", minilm.embed_one("x"), k=5) == []


@pytest.mark.smoke
def test_model_vector_cache_plugs_into_embed_cached(vector_model, minilm):
    cache = ModelVectorCache(vector_model, defaults={"label": "cached"})

    first = embed_cached(minilm, ["Scrum Master", "Pastry Chef"], cache=cache)
    again = embed_cached(minilm, ["Pastry Chef"], cache=cache)

    stored = dict(vector_model.objects.values_list("key", "label"))
    assert stored == {cache_key(minilm.model_id, t): "cached" for t in ["Scrum Master", "Pastry Chef"]}
    assert np.allclose(again[0], first[1], atol=1e-7)


def test_model_vector_cache_set_many_overwrites_an_existing_key(vector_model):
    cache = ModelVectorCache(vector_model)
    cache.set_many({"k": np.zeros(384)})

    cache.set_many({"k": np.ones(384)})

    assert vector_model.objects.count() == 1
    assert cache.get_many(["k", "missing"])["k"].tolist() == [1.0] * 384
    assert list(cache.get_many(["k", "missing"])) == ["k"]


@postgres_only
def test_order_by_cosine_uses_the_hnsw_index_built_by_the_migration_operation(stored_titles, vector_model, minilm):
    operation = CreateHnswIndex(table=TABLE, column="vector", name="embeddings_test_hnsw")
    with connection.schema_editor(atomic=False) as editor:
        operation.database_forwards("core", editor, None, None)
    set_ef_search(100)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # six rows: make the planner show it can use the index
    queryset = order_by_cosine(vector_model.objects.all(), "vector", minilm.embed_one("Agile Coach"))[:3]

    plan = queryset.explain()
    labels = [row.label for row in queryset]

    assert "embeddings_test_hnsw" in plan
    assert labels[0] in {"Scrum Master", "Agile Delivery Lead", "Kanban Coach"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'embeddings_test_hnsw'")
        assert "USING hnsw" in cursor.fetchone()[0]
    with connection.schema_editor(atomic=False) as editor:
        operation.database_backwards("core", editor, None, None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_indexes WHERE indexname = 'embeddings_test_hnsw'")
        assert cursor.fetchone()[0] == 0


def test_create_hnsw_index_is_a_no_op_off_postgres_and_deconstructs():
    operation = CreateHnswIndex(table=TABLE, column="vector", name="idx", m=24)

    assert operation.deconstruct() == (
        "jobpool.embeddings.pgvector.CreateHnswIndex",
        [],
        {"table": TABLE, "column": "vector", "name": "idx", "m": 24},
    )
    assert "(m = 24, ef_construction = 64)" in hnsw_index_sql(TABLE, "vector", "idx", m=24)


def test_hnsw_index_sql_quotes_identifiers_and_checks_parameters():
    assert hnsw_index_sql('we"ird', "v", "i").startswith('CREATE INDEX IF NOT EXISTS "i" ON "we""ird"')
    with pytest.raises(ValueError):
        hnsw_index_sql(TABLE, "v", "i", m=1)
