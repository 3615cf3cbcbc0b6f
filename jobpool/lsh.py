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

from jobpool.models import JobPosting, MinHashBand

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


def _uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def lookup(band_keys: Iterable[int], url_keys: Iterable[str]) -> tuple[dict[int, set[uuid.UUID]], dict[str, set[uuid.UUID]]]:
    """Postings under each band key and at each canonical URL, in one round trip (plain SQL, both backends)."""
    keys, urls = list(set(band_keys)), list(set(url_keys))
    by_band: dict[int, set[uuid.UUID]] = defaultdict(set)
    by_url: dict[str, set[uuid.UUID]] = defaultdict(set)
    if connection.vendor == "postgresql":
        # One array parameter per list: no per-value placeholders to build and bind.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT key, NULL::varchar, posting_id FROM {MinHashBand._meta.db_table} WHERE key = ANY(%s::bigint[]) "  # noqa: S608
                "UNION ALL SELECT NULL::bigint, url_key, posting_id FROM jobpool_jobsighting WHERE url_key = ANY(%s::varchar[])",
                [keys, urls],
            )
            rows = cursor.fetchall()
        for key, url, posting_id in rows:
            if key is not None:
                by_band[key].add(posting_id)
            else:
                by_url[url].add(posting_id)
        return by_band, by_url
    for start in range(0, max(len(keys), len(urls), 1), LOOKUP_CHUNK):
        key_chunk, url_chunk = keys[start : start + LOOKUP_CHUNK], urls[start : start + LOOKUP_CHUNK]
        parts, params = [], []
        if key_chunk:
            parts.append(
                f"SELECT key, CAST(NULL AS VARCHAR(500)), posting_id FROM {MinHashBand._meta.db_table} "  # noqa: S608 (our table)
                f"WHERE key IN ({', '.join(['%s'] * len(key_chunk))})"
            )
            params += key_chunk
        if url_chunk:
            parts.append(
                "SELECT CAST(NULL AS BIGINT), url_key, posting_id FROM jobpool_jobsighting "  # noqa: S608 (placeholders only)
                f"WHERE url_key IN ({', '.join(['%s'] * len(url_chunk))})"
            )
            params += url_chunk
        if not parts:
            break
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for key, url, posting_id in cursor.fetchall():
                if key is not None:
                    by_band[key].add(_uuid(posting_id))
                else:
                    by_url[url].add(_uuid(posting_id))
    return by_band, by_url


def delete_bands(posting_ids: Iterable[uuid.UUID]) -> int:
    return MinHashBand.objects.filter(posting_id__in=list(posting_ids)).delete()[0]


# Plain SQL through Model.raw(): these run for every intake batch, and compiling the ORM query for a
# 45-column model costs more than the indexed lookup itself.
def _in(column: str, values: list) -> tuple[str, list]:
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [values]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def postings_by_identity(external_ids: dict[int, list[str]], content_hashes: list[str]) -> list[JobPosting]:
    """Postings with one of these (source, external id) pairs, or one of these content hashes among active ones."""
    clauses, params = [], []
    for source_id, ids in external_ids.items():
        clause, values = _in("external_id", ids)
        clauses.append(f"(source_id = %s AND {clause})")
        params += [source_id, *values]
    if content_hashes:
        clause, values = _in("content_hash", content_hashes)
        clauses.append(f"(is_active AND {clause})")
        params += values
    if not clauses:
        return []
    table = JobPosting._meta.db_table
    return list(JobPosting.objects.raw(f"SELECT * FROM {table} WHERE {' OR '.join(clauses)}", params))  # noqa: S608


def postings_by_id(ids) -> list[JobPosting]:
    ids = list(ids)
    if not ids:
        return []
    if connection.vendor != "postgresql":
        return list(JobPosting.objects.filter(pk__in=ids))
    table = JobPosting._meta.db_table
    return list(JobPosting.objects.raw(f"SELECT * FROM {table} WHERE id = ANY(%s::uuid[])", [ids]))  # noqa: S608


def candidate_keys(ids) -> list[tuple[uuid.UUID, str, str, str]]:
    """(id, company, title, location) canonical forms of these postings: the columns the cheap checks need."""
    ids = list(ids)
    if not ids:
        return []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, company_canonical, title_canonical, location_canonical FROM {JobPosting._meta.db_table} "  # noqa: S608
                "WHERE id = ANY(%s::uuid[])",
                [ids],
            )
            return cursor.fetchall()
    return list(
        JobPosting.objects.filter(pk__in=ids).values_list("pk", "company_canonical", "title_canonical", "location_canonical")
    )
