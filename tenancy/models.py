"""The ownership base: every owned table carries a direct, indexed owner column.

See docs/tenancy.md for how to add an owned model.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tenancy.querysets import OwnedManager, OwnedQuerySet, UnscopedManager, validating

__all__ = ["Owned", "OwnedManager", "OwnedQuerySet", "UnscopedManager"]


class Owned(models.Model):
    """Abstract base of every row that belongs to one user.

    `owner` is filled by the service that creates the row, from `request.user`
    or from the parent row, never from request data (it is not editable, so
    ModelForms and ModelSerializers leave it out).
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        db_index=True,
        editable=False,
        related_name="+",
    )

    objects = OwnedManager()
    unscoped = UnscopedManager()

    class Meta:
        abstract = True

    def validate_unique(self, exclude=None) -> None:
        with validating(type(self)):
            super().validate_unique(exclude=exclude)

    def validate_constraints(self, exclude=None) -> None:
        with validating(type(self)):
            super().validate_constraints(exclude=exclude)
