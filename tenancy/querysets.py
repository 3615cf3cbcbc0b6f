"""The scoped QuerySet and managers every owned model uses.

A queryset from `Model.objects` carries no scope until `.for_user(user)` is
called (or it is reached through an owned parent's related manager). Any
operation that would read or write rows refuses to run without a scope and
raises `UnscopedQueryError`; building querysets (filter, order_by, values,
annotate) is free, so scoping may come anywhere in the chain.

`Model.unscoped` returns the same queryset class marked as system scope: it
keeps every custom queryset method, for admin, migrations, commands and
system tasks (each use carries a one-line reason where it is written).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Self

from django.db import models

from tenancy.exceptions import UnscopedQueryError

# The kinds of scope a queryset may carry.
USER = "user"  # filtered on owner = one user
PARENT = "parent"  # reached through an owned parent row's related manager
SYSTEM = "system"  # Model.unscoped: admin, migrations, commands, system tasks


class OwnedQuerySet(models.QuerySet):
    """A QuerySet that refuses to run until it is scoped to an owner.

    Subclass it for an app's own chainable reads::

        class PersonaJobQuerySet(OwnedQuerySet):
            def active(self): ...

        objects = OwnedManager.from_queryset(PersonaJobQuerySet)()
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._owner_scope: str | None = None

    # ------------------------------------------------------------ scoping
    def for_user(self, user: Any) -> Self:
        """Rows owned by `user`; nothing at all for an anonymous or missing user."""
        clone = self._chain()
        clone._owner_scope = USER
        if user is None or not getattr(user, "is_authenticated", False):
            return clone.none()
        return clone.filter(owner=user)

    def for_owner_id(self, owner_id: Any) -> Self:
        """Rows owned by the user with this id (tasks receive primitive ids, not users)."""
        clone = self._chain()
        clone._owner_scope = USER
        return clone.filter(owner_id=owner_id)

    @property
    def is_scoped(self) -> bool:
        return self._owner_scope is not None or self.query.is_empty()

    def _with_scope(self, scope: str) -> Self:
        clone = self._chain()
        clone._owner_scope = scope
        return clone

    def _require_scope(self, operation: str) -> None:
        if not self.is_scoped:
            raise UnscopedQueryError(self.model, operation)

    def _clone(self) -> Self:
        clone = super()._clone()
        clone._owner_scope = self._owner_scope
        return clone

    # ------------------------------------------------------------ guarded operations
    def _fetch_all(self) -> None:
        # Iteration, len(), bool(), get(), first(), values(), slicing by index.
        if self._result_cache is None:
            self._require_scope("Reading rows")
        super()._fetch_all()

    def iterator(self, *args: Any, **kwargs: Any):
        self._require_scope("iterator()")
        return super().iterator(*args, **kwargs)

    def count(self) -> int:
        if self._result_cache is None:
            self._require_scope("count()")
        return super().count()

    def exists(self) -> bool:
        if self._result_cache is None:
            self._require_scope("exists()")
        return super().exists()

    def contains(self, obj: models.Model) -> bool:
        self._require_scope("contains()")
        return super().contains(obj)

    def aggregate(self, *args: Any, **kwargs: Any) -> dict:
        self._require_scope("aggregate()")
        return super().aggregate(*args, **kwargs)

    def update(self, **kwargs: Any) -> int:
        self._require_scope("update()")
        return super().update(**kwargs)

    update.alters_data = True

    def delete(self) -> tuple[int, dict[str, int]]:
        self._require_scope("delete()")
        return super().delete()

    delete.alters_data = True
    delete.queryset_only = True

    def explain(self, *args: Any, **kwargs: Any) -> str:
        self._require_scope("explain()")
        return super().explain(*args, **kwargs)

    def _combinator_query(self, combinator: str, *other_qs: models.QuerySet, all: bool = False) -> Self:  # noqa: A002
        for qs in (self, *other_qs):
            if isinstance(qs, OwnedQuerySet) and not qs.is_scoped:
                raise UnscopedQueryError(qs.model, combinator)
        return super()._combinator_query(combinator, *other_qs, all=all)


class OwnedManager(models.Manager.from_queryset(OwnedQuerySet)):
    """The default manager of owned models: unscoped until `.for_user(user)`.

    When Django builds a related manager from it (`persona.skills`), the
    manager carries the parent `instance`; if that parent is itself an owned
    row, the rows reached are that row's children, which by construction
    share its owner, so the queryset counts as scoped (PARENT). This keeps
    `prefetch_related("skills")` working for any list of parents, scoped or
    admin. From a shared row (a job posting) or from a user the related
    queryset stays unscoped and refuses to run.
    """

    def get_queryset(self) -> OwnedQuerySet:
        queryset = super().get_queryset()
        parent = getattr(self, "instance", None)
        if parent is not None and is_owned_instance(parent):
            return queryset._with_scope(PARENT)
        if self.model in _validating.get():
            return queryset._with_scope(SYSTEM)
        return queryset


class UnscopedManager(models.Manager):
    """`Model.unscoped`: every row, for admin, migrations, commands and system tasks.

    It returns the model's own scoped queryset class (so custom chainable
    methods keep working) already marked as system scope.
    """

    def get_queryset(self) -> models.QuerySet:
        default = self.model._default_manager
        queryset_class = getattr(default, "_queryset_class", OwnedQuerySet)
        queryset = queryset_class(model=self.model, using=self._db, hints=self._hints)
        if isinstance(queryset, OwnedQuerySet):
            queryset._owner_scope = SYSTEM
        return queryset


# Models whose own uniqueness/constraint validation is running in this context.
_validating: ContextVar[frozenset] = ContextVar("tenancy_validating", default=frozenset())


@contextmanager
def validating(model: type[models.Model]) -> Iterator[None]:
    """Let Django's uniqueness checks for `model` read through its default manager.

    `Model.validate_unique()` and `validate_constraints()` compare against the
    table via `_default_manager`; the rows they look at are limited by the
    constraint's own fields, which for an owned model include its owner or
    owned parent (the system check warns when they don't).
    """
    token = _validating.set(_validating.get() | {model})
    try:
        yield
    finally:
        _validating.reset(token)


def is_owned_instance(obj: Any) -> bool:
    from tenancy.models import Owned

    return isinstance(obj, Owned)
