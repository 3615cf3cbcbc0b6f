"""View helpers that never hand-roll ownership."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404

from tenancy.querysets import OwnedQuerySet

M = TypeVar("M", bound=models.Model)


def scoped(model_or_queryset: type[M] | models.QuerySet, user: Any) -> OwnedQuerySet:
    """The rows of an owned model (or an owned queryset) that belong to `user`."""
    if isinstance(model_or_queryset, models.QuerySet):
        queryset = model_or_queryset
    else:
        queryset = model_or_queryset._default_manager.all()
    if not isinstance(queryset, OwnedQuerySet):
        raise TypeError(f"{queryset.model.__name__} is not an owned model")
    return queryset.for_user(user)


def get_owned_or_404(model_or_queryset: type[M] | models.QuerySet, user: Any, **lookups: Any) -> M:
    """The user's object matching `lookups`, or Http404: another user's object does not exist for them.

    A malformed id (not a UUID) is a 404 too, never a 500.
    """
    queryset = scoped(model_or_queryset, user)
    try:
        return queryset.get(**lookups)
    except (queryset.model.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404(f"No {queryset.model._meta.verbose_name} matches the given query.")
