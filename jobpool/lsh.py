"""The LSH blocking index in the database: one row per (band key, posting), looked up by key.

The table's only index is its primary key (key, posting): rows carry no foreign
key, so a posting's rows are deleted by their keys (recomputed from its stored
text, `stored_keys`) and `sweep_orphans` removes any left by a posting deleted
some other way. This module is the pool's only database-specific code for
near-duplicates: PostgreSQL writes band rows with COPY (tens of thousands per
batch) and reads with array parameters, every other backend portably.
"""

from __future__ import annotations

import functools
import uuid
import weakref
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection

from jobpool import minhash, normalize
from jobpool.models import JobPosting, JobSource, MinHashBand

LOOKUP_CHUNK = 5_000


def insert_bands(rows: Iterable[tuple[uuid.UUID, Iterable[int]]]) -> int:
    """Store each (posting id, its band keys); returns how many rows were written.

    For postings that have no band rows yet (new postings): on PostgreSQL the rows go in by COPY and a row that
    exists already is an error. `add_bands` is the path for a posting whose text changed.
    """
    if connection.vendor != "postgresql":
        objs = [MinHashBand(key=key, posting_id=posting_id) for posting_id, keys in rows for key in dict.fromkeys(keys)]
        MinHashBand.objects.bulk_create(objs, batch_size=2_000)
        return len(objs)
    # Integers and UUIDs need no escaping in COPY's text format: one preformatted block is far cheaper than
    # adapting hundreds of thousands of rows one by one.
    lines = []
    for posting_id, keys in rows:
        suffix = f"\t{posting_id}\n"
        lines.extend(f"{key}{suffix}" for key in dict.fromkeys(keys))
    if not lines:
        return 0
    connection.ensure_connection()
    sql = f"COPY {MinHashBand._meta.db_table} (key, posting_id) FROM STDIN"  # noqa: S608 (our own table name)
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        copy.write("".join(lines))
    return len(lines)


def stored_keys(description_text: str, company_canonical: str) -> list[int]:
    """The band keys a posting with this stored text and company is indexed under (what intake.prepare computed)."""
    signature = minhash.signature(minhash.shingle_hashes(normalize.words(description_text)))
    return minhash.band_keys(signature, minhash.company_key(company_canonical))


def delete_bands(posting_ids: Iterable[uuid.UUID]) -> int:
    """Remove these postings' band rows (call it before their text changes or they are deleted).

    There is no index by posting: the keys are recomputed from the stored text and company, exactly as
    intake.prepare computed them, and the rows are found through the primary key.
    """
    deleted = 0
    stored = JobPosting.objects.filter(pk__in=list(posting_ids)).values_list("pk", "description_text", "company_canonical")
    for posting_id, text, company in stored:
        deleted += MinHashBand.objects.filter(key__in=stored_keys(text, company), posting_id=posting_id).delete()[0]
    return deleted


def add_bands(posting_id: uuid.UUID, keys: Iterable[int]) -> None:
    """Index one existing posting under these keys (rows it already has are kept): its text changed."""
    MinHashBand.objects.bulk_create(
        [MinHashBand(key=key, posting_id=posting_id) for key in dict.fromkeys(keys)], ignore_conflicts=True
    )


def sweep_orphans() -> int:
    """Delete band rows whose posting no longer exists (a posting deleted without `delete_bands`, e.g. in the admin).

    Such rows are harmless meanwhile (every lookup joins the posting), only dead weight. One anti-join pass.
    """
    bands, postings = MinHashBand._meta.db_table, JobPosting._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {bands} WHERE NOT EXISTS (SELECT 1 FROM {postings} p WHERE p.id = {bands}.posting_id)"  # noqa: S608
        )
        return cursor.rowcount


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


Lookup = tuple[dict[int, set[uuid.UUID]], dict[str, set[uuid.UUID]], dict[uuid.UUID, tuple[str, str, str]]]
_COLUMNS = "p.company_canonical, p.title_canonical, p.location_canonical"


def lookup(band_keys: Iterable[int], url_keys: Iterable[str]) -> Lookup:
    """Postings under each band key and at each canonical URL, with their canonical (company, title, location).

    One round trip (plain SQL, both backends): the cheap checks need no second query.
    """
    keys, urls = list(set(band_keys)), list(set(url_keys))
    by_band: dict[int, set[uuid.UUID]] = defaultdict(set)
    by_url: dict[str, set[uuid.UUID]] = defaultdict(set)
    facts: dict[uuid.UUID, tuple[str, str, str]] = {}
    bands, postings = MinHashBand._meta.db_table, JobPosting._meta.db_table
    if connection.vendor == "postgresql":
        # One parameter per list: no per-value placeholders to build and bind. The band keys (integers, tens of
        # thousands per batch) travel as one comma-separated string: adapting a Python list element by element
        # cost more than the indexed lookup.
        batches = [(
            f"SELECT b.key, NULL::varchar, b.posting_id, {_COLUMNS} FROM {bands} b JOIN {postings} p ON p.id = b.posting_id "  # noqa: S608
            "WHERE b.key = ANY(string_to_array(%s, ',')::bigint[]) "
            f"UNION ALL SELECT NULL::bigint, s.url_key, s.posting_id, {_COLUMNS} FROM jobpool_jobsighting s "
            f"JOIN {postings} p ON p.id = s.posting_id WHERE s.url_key = ANY(%s::varchar[])",
            [",".join(map(str, keys)), urls],
        )]
    else:
        batches = []
        for start in range(0, max(len(keys), len(urls), 1), LOOKUP_CHUNK):
            key_chunk, url_chunk = keys[start : start + LOOKUP_CHUNK], urls[start : start + LOOKUP_CHUNK]
            parts, params = [], []
            if key_chunk:
                parts.append(
                    f"SELECT b.key, CAST(NULL AS VARCHAR(500)), b.posting_id, {_COLUMNS} FROM {bands} b "  # noqa: S608
                    f"JOIN {postings} p ON p.id = b.posting_id WHERE b.key IN ({', '.join(['%s'] * len(key_chunk))})"
                )
                params += key_chunk
            if url_chunk:
                parts.append(
                    f"SELECT CAST(NULL AS BIGINT), s.url_key, s.posting_id, {_COLUMNS} FROM jobpool_jobsighting s "  # noqa: S608
                    f"JOIN {postings} p ON p.id = s.posting_id WHERE s.url_key IN ({', '.join(['%s'] * len(url_chunk))})"
                )
                params += url_chunk
            if parts:
                batches.append((" UNION ALL ".join(parts), params))
    for sql, params in batches:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        for key, url, raw_id, company, title, location in rows:
            posting_id = _uuid(raw_id)
            facts[posting_id] = (company, title, location)
            if key is not None:
                by_band[key].add(posting_id)
            else:
                by_url[url].add(posting_id)
    return by_band, by_url, facts


_FACT_COLUMNS = ("id", "company_canonical", "title_canonical", "location_canonical")


_IDENTIFY_STATEMENT = "jobpool_lsh_identify_v2"
_prepared_on: weakref.WeakSet = weakref.WeakSet()  # the database connections where it is prepared
FULL_ROWS_UP_TO = 16  # candidates that come back as full rows in the same round trip (8 are verified at most)


@functools.cache
def _identify_sql() -> tuple[str, tuple[int, int, int, int]]:
    """`identify`'s statement as a PREPARE (built once) and the positions of the id, company, title and location
    among a row's posting columns.

    Parameters: $1 source key, $2 external id, $3 content hash, $4 band keys (comma-separated), $5 URL keys.
    Rows: 'i' an identity match (full row; `source` = the id of source $1); 'h' a band or URL hit (band key or
    URL, and the posting id); 'f' a hit posting's full row when there are at most FULL_ROWS_UP_TO of them, else
    'c' its id, company, title and location only.
    """
    fields = JobPosting._meta.concrete_fields
    quote = connection.ops.quote_name
    full = ", ".join(f"p.{quote(f.column)}" for f in fields)
    facts = ", ".join(f"p.{quote(f.column)}" if f.column in _FACT_COLUMNS else "NULL" for f in fields)
    pair = ", ".join("h.posting_id" if f.column == "id" else "NULL" for f in fields)
    postings_table, bands, sources = JobPosting._meta.db_table, MinHashBand._meta.db_table, JobSource._meta.db_table
    # Any identity match settles the decision, so the hit branches run only when there is none (a one-time
    # filter on the CTE). Scalar subqueries (not a join) resolve the source: the OR then stays a BitmapOr of two
    # index scans. A band row whose posting is gone has no 'f'/'c' row and is ignored.
    sql = (
        f"PREPARE {_IDENTIFY_STATEMENT} (text, text, text, text, varchar[]) AS "  # noqa: S608 (our names only)
        f"WITH ident AS (SELECT 'i' AS k, NULL::bigint AS band, NULL::varchar AS url, "
        f"(SELECT id FROM {sources} WHERE key = $1) AS source, {full} "
        f"FROM {postings_table} p WHERE (p.source_id = (SELECT id FROM {sources} WHERE key = $1) AND p.external_id = $2) "
        "OR (p.is_active AND p.content_hash = $3)), "
        f"hits AS MATERIALIZED (SELECT b.key AS band, NULL::varchar AS url, b.posting_id FROM {bands} b "
        "WHERE b.key = ANY(string_to_array($4, ',')::bigint[]) AND NOT EXISTS (SELECT 1 FROM ident) "
        "UNION ALL SELECT NULL, s.url_key, s.posting_id FROM jobpool_jobsighting s "
        "WHERE s.url_key = ANY($5) AND NOT EXISTS (SELECT 1 FROM ident)), "
        "found AS MATERIALIZED (SELECT DISTINCT posting_id FROM hits), "
        f"few AS (SELECT count(*) <= {FULL_ROWS_UP_TO} AS yes FROM found) "
        "SELECT * FROM ident "
        f"UNION ALL SELECT 'h', h.band, h.url, NULL, {pair} FROM hits h "
        f"UNION ALL SELECT 'f', NULL, NULL, NULL, {full} FROM found f JOIN {postings_table} p ON p.id = f.posting_id "
        "WHERE (SELECT yes FROM few) "
        f"UNION ALL SELECT 'c', NULL, NULL, NULL, {facts} FROM found f JOIN {postings_table} p ON p.id = f.posting_id "
        "WHERE NOT (SELECT yes FROM few)"
    )
    columns = [f.column for f in fields]
    return sql, tuple(columns.index(column) for column in _FACT_COLUMNS)  # type: ignore[return-value]


def _execute_identify(cursor, prepare_sql: str, params: list) -> None:
    """Run `identify`'s statement as a server-side prepared statement, preparing it once per connection.

    Planning the statement took 0.5-0.7 ms, three times its execution; Django's client-side binding never
    prepares, so the statement is prepared by name (prepared statements outlive transactions and rollbacks).
    """
    raw = connection.connection
    if raw not in _prepared_on:
        cursor.execute("SELECT 1 FROM pg_prepared_statements WHERE name = %s", [_IDENTIFY_STATEMENT])
        if cursor.fetchone() is None:
            cursor.execute(prepare_sql)
        _prepared_on.add(raw)
    cursor.execute(f"EXECUTE {_IDENTIFY_STATEMENT} (%s, %s, %s, %s, %s)", params)


def identify(
    source_key: str, external_id: str | None, content_hash: str, band_keys: Iterable[int], url_keys: Iterable[str]
) -> tuple[list[JobPosting], Lookup, list[JobPosting]]:
    """One posting's identity matches and its band/URL candidates in ONE round trip (find_match).

    Returns (postings with this source key and external id, or this content hash among active ones; the `lookup`
    result, empty when there was such a posting: it decides on its own; the candidates as full postings when
    there are at most FULL_ROWS_UP_TO, else none). Each identity match carries `matched_source_id`, the id of
    the source `source_key` (None when no such row exists). Other backends make two queries, one after the other.
    """
    if connection.vendor != "postgresql":
        postings = postings_by_identity({source_key: [external_id]} if external_id else {}, [content_hash])
        for posting in postings:  # without an external id the source's id is never compared
            posting.matched_source_id = getattr(posting, "matched_source_id", None)
        return postings, lookup(band_keys, url_keys), []
    sql, (id_at, company_at, title_at, location_at) = _identify_sql()
    params = [source_key, external_id or None, content_hash, ",".join(map(str, set(band_keys))), list(set(url_keys))]
    with connection.cursor() as cursor:
        _execute_identify(cursor, sql, params)
        rows = cursor.fetchall()
    postings: list[JobPosting] = []
    candidates: list[JobPosting] = []
    pairs: list[tuple[int | None, str | None, uuid.UUID]] = []
    found: dict[uuid.UUID, tuple[str, str, str]] = {}
    for kind, key, url, source_id, *values in rows:
        if kind == "i":
            posting = _posting(values)
            posting.matched_source_id = source_id
            postings.append(posting)
        elif kind == "h":
            pairs.append((key, url, _uuid(values[id_at])))
        else:
            posting_id = _uuid(values[id_at])
            found[posting_id] = (values[company_at], values[title_at], values[location_at])
            if kind == "f":
                candidates.append(_posting(values))
    by_band: dict[int, set[uuid.UUID]] = defaultdict(set)
    by_url: dict[str, set[uuid.UUID]] = defaultdict(set)
    for key, url, posting_id in pairs:
        if posting_id not in found:
            continue  # a band row left by a deleted posting
        if key is not None:
            by_band[key].add(posting_id)
        else:
            by_url[url].add(posting_id)
    return postings, (by_band, by_url, found), candidates


# Plain SQL through Model.raw(): these run for every intake batch, and compiling the ORM query for a
# 45-column model costs more than the indexed lookup itself.
def _in(column: str, values: list) -> tuple[str, list]:
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [values]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def postings_by_identity(external_ids: dict[int | str, list[str]], content_hashes: list[str]) -> list[JobPosting]:
    """Postings with one of these (source, external id) pairs, or one of these content hashes among active ones.

    A source given by its key (str) rather than its id is resolved inside the same statement, and every
    returned posting then carries `matched_source_id`: that source's id (None when no such source exists).
    """
    clauses, params, extra = [], [], ""
    sources = JobSource._meta.db_table
    for source, ids in external_ids.items():
        clause, values = _in("external_id", ids)
        if isinstance(source, str):
            clauses.append(f"(source_id = (SELECT id FROM {sources} WHERE key = %s) AND {clause})")  # noqa: S608
            extra = f", (SELECT id FROM {sources} WHERE key = %s) AS matched_source_id"  # noqa: S608
            params += [source, *values]
        else:
            clauses.append(f"(source_id = %s AND {clause})")
            params += [source, *values]
    if content_hashes:
        clause, values = _in("content_hash", content_hashes)
        clauses.append(f"(is_active AND {clause})")
        params += values
    if not clauses:
        return []
    table = JobPosting._meta.db_table
    keys = [source for source in external_ids if isinstance(source, str)]
    if len(keys) > 1:
        raise ValueError("at most one source may be given by its key")
    where = " OR ".join(clauses)
    if connection.vendor != "postgresql" or keys:
        return list(JobPosting.objects.raw(f"SELECT *{extra} FROM {table} WHERE {where}", keys + params))  # noqa: S608
    with connection.cursor() as cursor:  # a batch's re-sightings: thousands of rows, built without raw()'s set-up
        cursor.execute(f"SELECT {_posting_columns()} FROM {table} WHERE {where}", params)  # noqa: S608
        return [_posting(list(row)) for row in cursor.fetchall()]


def postings_by_id(ids) -> list[JobPosting]:
    ids = list(ids)
    if not ids:
        return []
    if connection.vendor != "postgresql":
        return list(JobPosting.objects.filter(pk__in=ids))
    columns = _posting_columns()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {JobPosting._meta.db_table} WHERE id = ANY(string_to_array(%s, ',')::uuid[])",  # noqa: S608
            [",".join(map(str, ids))],
        )
        return [_posting(list(row)) for row in cursor.fetchall()]


@functools.cache
def _posting_columns() -> str:
    return ", ".join(connection.ops.quote_name(f.column) for f in JobPosting._meta.concrete_fields)


@functools.cache
def _converters() -> tuple[tuple[str, ...], tuple[tuple[int, object], ...]]:
    """The posting's attribute names and the (position, field) of the fields whose database value needs converting."""
    fields = JobPosting._meta.concrete_fields
    return tuple(f.attname for f in fields), tuple((i, f) for i, f in enumerate(fields) if hasattr(f, "from_db_value"))


def _posting(values: list) -> JobPosting:
    """A JobPosting from a row of all its concrete columns in model order (what raw() does, minus its per-query set-up)."""
    attnames, converted = _converters()
    for index, field in converted:
        values[index] = field.from_db_value(values[index], field.cached_col, connection)
    return JobPosting.from_db(connection.alias, attnames, values)
