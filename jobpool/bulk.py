"""Fast bulk writes for the pool: COPY on PostgreSQL, Django's bulk_create elsewhere.

Only rows that cannot conflict go through here (new postings in a savepoint,
their band keys, first sightings and links of brand-new postings); anything
that may meet a unique constraint keeps Django's ON CONFLICT handling.
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg
from django.db import IntegrityError, connection, models


def copy_insert(model: type[models.Model], objs: Sequence[models.Model], *, fields: Sequence[str] | None = None) -> None:
    """Insert model instances (primary keys set by the caller). Raises IntegrityError on a constraint violation."""
    if not objs:
        return
    concrete = [f for f in model._meta.concrete_fields if fields is None or f.name in fields or f.attname in fields]
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs, batch_size=1_000)
        return
    # COPY takes Python values as they are; only JSON needs its wrapper (get_db_prep_save on every field is slow).
    convert = [f.get_db_prep_save if isinstance(f, models.JSONField) else None for f in concrete]
    attnames = [f.attname for f in concrete]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in concrete)
    table = connection.ops.quote_name(model._meta.db_table)
    connection.ensure_connection()
    try:
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objs:
                row = [getattr(obj, name) for name in attnames]
                for index, prep in enumerate(convert):
                    if prep is not None:
                        row[index] = prep(row[index], connection)
                copy.write_row(row)
    except psycopg.IntegrityError as exc:
        raise IntegrityError(str(exc)) from exc
    for obj in objs:  # as bulk_create leaves them: saved rows, so a later save() updates
        obj._state.adding = False
        obj._state.db = connection.alias


def copy_rows(model: type[models.Model], attnames: Sequence[str], rows: Sequence[Sequence]) -> None:
    """Insert plain value tuples (one per row, in `attnames` order) without building model instances.

    For rows that are only written, never handed back. Raises IntegrityError on a constraint violation.
    """
    if not rows:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create([model(**dict(zip(attnames, row, strict=True))) for row in rows], batch_size=1_000)
        return
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    columns = ", ".join(connection.ops.quote_name(by_attname[name].column) for name in attnames)
    table = connection.ops.quote_name(model._meta.db_table)
    connection.ensure_connection()
    try:
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.IntegrityError as exc:
        raise IntegrityError(str(exc)) from exc
