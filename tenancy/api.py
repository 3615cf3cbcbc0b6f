"""DRF building blocks that start from the caller's scope.

- OwnedModelViewSet: get_queryset starts from `for_user(request.user)`; a
  nested viewset names its owned parent (`parent_model`, `parent_lookup`)
  and the parent is fetched through the same scope, so another user's
  parent id is a 404 on every method. perform_create sets the owner from the
  parent row (or from request.user).
- OwnedRelatedField: ids in request bodies resolve through the caller's scope;
  another user's id is "not found".
- bulk_result(): the shape bulk endpoints answer with; foreign ids are NOT_FOUND.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils.functional import cached_property
from rest_framework import serializers, viewsets

from tenancy.querysets import OwnedQuerySet
from tenancy.shortcuts import get_owned_or_404, scoped


class OwnedModelViewSet(viewsets.ModelViewSet):
    """A ModelViewSet over an owned model, scoped to the signed-in user.

    Set `queryset = Model.objects.all()` as usual. For a nested route such as
    `personas/<uuid:persona_pk>/skills/`, also set `parent_model = Persona`,
    `parent_lookup = "persona_pk"` and `parent_field = "persona"` (the FK on
    the child). Override `perform_create` to call a service when there is one.
    """

    lookup_value_converter = "uuid"
    parent_model: type[models.Model] | None = None
    parent_lookup: str = ""
    parent_field: str = ""

    def get_queryset(self) -> OwnedQuerySet:
        queryset = scoped(super().get_queryset(), self.request.user)
        if getattr(self, "swagger_fake_view", False):
            return queryset.none()
        if self.parent_model is not None:
            queryset = queryset.filter(**{self.parent_field: self.parent})
        return queryset

    @cached_property
    def parent(self) -> models.Model | None:
        """The owned parent named in the URL, fetched through the caller's scope (404 otherwise)."""
        if self.parent_model is None:
            return None
        return get_owned_or_404(self.parent_model, self.request.user, pk=self.kwargs[self.parent_lookup])

    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # Resolve the parent before anything else so every method on a
        # foreign parent is the same 404 (list, create and detail alike).
        if self.parent_model is not None and not getattr(self, "swagger_fake_view", False):
            _ = self.parent

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if self.parent_model is not None and not getattr(self, "swagger_fake_view", False) and self.kwargs:
            context["parent"] = self.parent
        return context

    def owner_for_create(self) -> Any:
        parent = self.parent
        return parent.owner if parent is not None else self.request.user

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        extra: dict[str, Any] = {"owner": self.owner_for_create()}
        if self.parent is not None:
            extra[self.parent_field] = self.parent
        serializer.save(**extra)


class OwnedRelatedField(serializers.PrimaryKeyRelatedField):
    """A primary key in a request body, resolved through the caller's scope.

    `OwnedRelatedField(model=WorkHistory, parent_field="persona")` also limits
    the choices to rows under the viewset's parent (context["parent"]).
    Another user's id, or one under another parent, is "not found".
    """

    default_error_messages = {
        "does_not_exist": "Not found.",
        "incorrect_type": "Not found.",
    }

    def __init__(self, *, model: type[models.Model], parent_field: str | None = None, **kwargs: Any) -> None:
        self.owned_model = model
        self.parent_field = parent_field
        kwargs.setdefault("pk_field", serializers.UUIDField(format="hex_verbose"))
        super().__init__(**kwargs)

    def get_queryset(self) -> OwnedQuerySet:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        queryset = scoped(self.owned_model, user)
        parent = self.context.get("parent")
        if self.parent_field and parent is not None:
            queryset = queryset.filter(**{self.parent_field: parent})
        return queryset

    def to_internal_value(self, data: Any) -> models.Model:
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError:
            raise serializers.ValidationError(self.error_messages["does_not_exist"], code="does_not_exist")


class BulkIdsSerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.CharField(max_length=64), allow_empty=False, max_length=500)


class BulkFailureSerializer(serializers.Serializer):
    id = serializers.CharField()
    code = serializers.CharField()


class BulkResultSerializer(serializers.Serializer):
    updated = serializers.ListField(child=serializers.CharField())
    failed = BulkFailureSerializer(many=True)


def bulk_result(updated: Iterable[Any], not_found: Iterable[Any]) -> dict[str, Any]:
    """`{"updated": [...], "failed": [{"id": ..., "code": "NOT_FOUND"}]}` for a bulk answer."""
    return {
        "updated": [str(i) for i in updated],
        "failed": [{"id": str(i), "code": "NOT_FOUND"} for i in not_found],
    }


def split_owned_ids(queryset: OwnedQuerySet, ids: Iterable[Any]) -> tuple[list[models.Model], list[str]]:
    """Resolve `ids` through a scoped queryset: (the caller's rows in the given order, ids not found).

    Ids that are malformed, unknown or another user's are all simply "not found".
    """
    from uuid import UUID

    wanted: list[tuple[str, str | None]] = []
    for raw in ids:
        try:
            wanted.append((str(raw), str(UUID(str(raw)))))
        except (TypeError, ValueError, AttributeError):
            wanted.append((str(raw), None))
    found = {str(obj.pk): obj for obj in queryset.filter(pk__in=[w for _, w in wanted if w])}
    rows = [found[w] for _, w in wanted if w in found]
    missing = [raw for raw, w in wanted if w not in found]
    return rows, missing
