"""Errors raised by the tenancy base."""

from __future__ import annotations


class UnscopedQueryError(RuntimeError):
    """An owned model's rows were read or written without an owner scope.

    Scope the queryset with `.for_user(user)`, reach the rows through an owned
    parent (`persona.skills.all()`), or, in admin, migrations, management
    commands and system tasks only, use `Model.unscoped` with a one-line reason.
    """

    def __init__(self, model: type, operation: str) -> None:
        self.model = model
        self.operation = operation
        label = f"{model._meta.app_label}.{model.__name__}"
        super().__init__(
            f"{operation} on {label} without an owner scope: use {model.__name__}.objects.for_user(user), "
            f"an owned parent's related manager, or {model.__name__}.unscoped (system code only)."
        )
