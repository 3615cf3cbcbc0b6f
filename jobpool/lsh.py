"""The LSH blocking index in the database: one row per (band key, posting), looked up by key.

Both functions are the pool's only database-specific code for near-duplicates:
PostgreSQL writes band rows with COPY (tens of thousands per batch), every
other backend with a portable bulk insert.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection

from jobpool.models import MinHashBand

LOOKUP_CHUNK = 5_000


def insert_bands(rows: Iterable[tuple[int, uuid.UUID]]) -> int:
    """Store (key, posting id) rows; returns how many were written."""
    rows = list(rows)
    if not rows:
        return 0
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        with connection.cursor() as cursor:
            table = MinHashBand._meta.db_table
            with cursor.cursor.copy(f"COPY {table} (key, posting_id) FROM STDIN") as copy:  # noqa: S608 (our own table name)
                for row in rows:
                    copy.write_row(row)
        return len(rows)
    MinHashBand.objects.bulk_create([MinHashBand(key=key, posting_id=posting_id) for key, posting_id in rows], batch_size=2_000)
    return len(rows)


def postings_by_key(keys: Iterable[int]) -> dict[int, set[uuid.UUID]]:
    """Posting ids stored under each of these band keys."""
    keys = list(set(keys))
    found: dict[int, set[uuid.UUID]] = defaultdict(set)
    for start in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[start : start + LOOKUP_CHUNK]
        for key, posting_id in MinHashBand.objects.filter(key__in=chunk).values_list("key", "posting_id"):
            found[key].add(posting_id)
    return found


def delete_bands(posting_ids: Iterable[uuid.UUID]) -> int:
    return MinHashBand.objects.filter(posting_id__in=list(posting_ids)).delete()[0]
