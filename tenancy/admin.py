"""Admin for owned models: operators see every row, through the unscoped manager."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from tenancy.models import Owned


class OwnedAdmin(admin.ModelAdmin):
    """ModelAdmin base for Owned models.

    Operators work across users, so lists, lookups and foreign-key choices
    read through `Model.unscoped` (reason: admin is the operators' view).
    The owner is shown but never editable.
    """

    readonly_fields: tuple[str, ...] = ("owner",)
    list_select_related: tuple[str, ...] = ("owner",)

    def has_add_permission(self, request, obj=None) -> bool:
        # Users create their own data; an operator-created row would need an owner from input.
        return False

    def get_queryset(self, request):
        # Reason: the Django admin is the operators' cross-user view.
        queryset = self.model.unscoped.get_queryset()
        ordering = self.get_ordering(request)
        if ordering:
            queryset = queryset.order_by(*ordering)
        return queryset

    def formfield_for_foreignkey(self, db_field: models.ForeignKey, request, **kwargs):
        if issubclass(db_field.related_model, Owned) and "queryset" not in kwargs:
            # Reason: operators pick among every user's rows in the admin.
            kwargs["queryset"] = db_field.related_model.unscoped.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if issubclass(db_field.related_model, Owned) and "queryset" not in kwargs:
            # Reason: operators pick among every user's rows in the admin.
            kwargs["queryset"] = db_field.related_model.unscoped.all()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class OwnedInline(admin.TabularInline):
    """Inline for owned children: rows come through the parent (already scoped by it)."""

    extra = 0
    readonly_fields: tuple[str, ...] = ("owner",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        # Reason: the Django admin is the operators' cross-user view; the
        # inline formset narrows it to the parent row.
        return self.model.unscoped.get_queryset()
