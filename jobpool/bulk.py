"""Fast bulk writes for the pool: COPY on PostgreSQL, Django's bulk_create elsewhere.

Only rows that cannot conflict go through here (new postings in a savepoint,
their band keys, first sightings and links of brand-new postings); anything
that may meet a unique constraint keeps Django's ON CONFLICT handling.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import psycopg
from django.db import IntegrityError, connection, models

_TEMPLATES: dict[type[models.Model], tuple[tuple[str, ...], tuple[Callable[[], Any], ...]]] = {}


def build(model: type[models.Model], **values: Any):
    """An unsaved instance from attribute names (`source_id`, not `source`), several times cheaper than `Model(**kw)`.

    Calls the model's positional __init__ (the path Django uses for rows read from the database) with every
    concrete field given, so no keyword parsing and no default is computed for a field that has a value.
    Related objects are not cached on the instance (only their ids are set).
    """
    template = _TEMPLATES.get(model)
    if template is None:
        template = _TEMPLATES[model] = _template(model)
    attnames, defaults = template
    unknown = values.keys() - set(attnames)
    if unknown:
        raise TypeError(f"{model.__name__} has no field(s) {sorted(unknown)}")
    return model(*[values[name] if name in values else default() for name, default in zip(attnames, defaults, strict=True)])


def _template(model: type[models.Model]) -> tuple[tuple[str, ...], tuple[Callable[[], Any], ...]]:
    fields = model._meta.concrete_fields
    defaults = []
    for field in fields:
        if field.has_default() and callable(field.default):
            defaults.append(field.default)  # uuid4, timezone.now, dict, list: a fresh value each time
        else:
            constant = field.get_default()
            defaults.append(lambda constant=constant: constant)
    return tuple(f.attname for f in fields), tuple(defaults)


def _json_text(field: models.JSONField) -> Callable[[Any, Any], str | None]:
    """COPY's text format takes JSON as text: one json.dumps, no adapter object per value."""

    def dump(value: Any, _connection: Any) -> str | None:
        return None if value is None else json.dumps(value, cls=field.encoder)

    return dump


def copy_insert(model: type[models.Model], objs: Sequence[models.Model], *, fields: Sequence[str] | None = None) -> None:
    """Insert model instances (primary keys set by the caller). Raises IntegrityError on a constraint violation."""
    if not objs:
        return
    concrete = [f for f in model._meta.concrete_fields if fields is None or f.name in fields or f.attname in fields]
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs, batch_size=1_000)
        return
    # COPY takes Python values as they are; only JSON needs converting (get_db_prep_save on every field is slow).
    convert = [_json_text(f) if isinstance(f, models.JSONField) else None for f in concrete]
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


def upsert_rows(
    model: type[models.Model], attnames: Sequence[str], rows: Sequence[Sequence], *, unique: Sequence[str], update: Sequence[str]
) -> None:
    """Insert plain value tuples; a row meeting the unique constraint on `unique` (attnames) updates `update` instead.

    PostgreSQL: COPY into a session temp table, then one INSERT ... ON CONFLICT DO UPDATE (no model instances,
    no statement with thousands of placeholders). Elsewhere: bulk_create(update_conflicts=True).
    The rows must be distinct on `unique`.
    """
    if not rows:
        return
    if connection.vendor != "postgresql":
        by_attname = {f.attname: f for f in model._meta.concrete_fields}
        model._default_manager.bulk_create(
            [model(**dict(zip(attnames, row, strict=True))) for row in rows],
            batch_size=1_000,
            update_conflicts=True,
            unique_fields=[by_attname[name].name for name in unique],
            update_fields=[by_attname[name].name for name in update],
        )
        return
    quote = connection.ops.quote_name
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    table = quote(model._meta.db_table)
    staging = quote(f"{model._meta.db_table}_upsert")
    columns = ", ".join(quote(by_attname[name].column) for name in attnames)
    conflict = ", ".join(quote(by_attname[name].column) for name in unique)
    assignments = ", ".join(f"{quote(by_attname[name].column)} = EXCLUDED.{quote(by_attname[name].column)}" for name in update)
    connection.ensure_connection()
    with connection.cursor() as cursor:
        # Created once per session; emptied at commit and after use (a caller may run several in one transaction).
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {staging} ON COMMIT DELETE ROWS AS SELECT {columns} FROM {table} WITH NO DATA"  # noqa: S608
        )
        with cursor.cursor.copy(f"COPY {staging} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {staging} "  # noqa: S608 (our own names)
            f"ON CONFLICT ({conflict}) DO UPDATE SET {assignments}; DELETE FROM {staging}"
        )


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
