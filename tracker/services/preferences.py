"""Saved views and the per-user settings row."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tracker.models import SavedView, TrackerSettings


def settings_for(user: Any) -> TrackerSettings:
    """The user's tracker settings, created with the defaults on first use.

    Side effects: may insert the TrackerSettings row.
    """
    scoped = TrackerSettings.objects.for_user(user)
    found = scoped.first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return TrackerSettings.objects.create(owner=user)
    except IntegrityError:  # a concurrent first request created it
        return scoped.get()


def save_view(
    user: Any, *, name: str, search: str = "", filters: dict | None = None, sort: str = "activity",
    layout: str = "list", is_default: bool = False,
) -> tuple[SavedView, bool]:
    """Save under `name`, overwriting the user's view of that name. Returns (view, created).

    Side effects: inserts or updates the SavedView; making it the default
    clears the flag on the user's other views.
    """
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Give the view a name."})
    values = {"search": (search or "").strip(), "filters": filters or {}, "sort": sort, "layout": layout}
    with transaction.atomic():
        view = SavedView.objects.for_user(user).select_for_update().filter(name=name).first()
        created = view is None
        if created:
            view = SavedView(owner=user, name=name)
        for key, value in values.items():
            setattr(view, key, value)
        view.full_clean(exclude=["is_default"], validate_unique=False, validate_constraints=False)
        if is_default:
            SavedView.objects.for_user(user).filter(is_default=True).exclude(pk=view.pk).update(is_default=False)
        view.is_default = is_default or (view.is_default and not created)
        view.save()
    return view, created


def update_view(view: SavedView, **changes: Any) -> SavedView:
    """Rename or change a view. Renaming onto another view's name is refused (ValidationError).

    Side effects: saves the view; making it the default clears the others.
    """
    if "name" in changes:
        changes["name"] = " ".join((changes["name"] or "").split())
        taken = SavedView.objects.for_owner_id(view.owner_id).filter(name=changes["name"]).exclude(pk=view.pk).exists()
        if taken:
            raise ValidationError({"name": "You already have a view with this name."})
    with transaction.atomic():
        if changes.get("is_default"):
            SavedView.objects.for_owner_id(view.owner_id).filter(is_default=True).exclude(pk=view.pk).update(is_default=False)
        for key, value in changes.items():
            setattr(view, key, value)
        view.full_clean(validate_unique=False, validate_constraints=False)
        view.save()
    return view


def set_default_view(view: SavedView, *, is_default: bool = True) -> SavedView:
    """Side effects: as update_view."""
    return update_view(view, is_default=is_default)


def delete_view(view: SavedView) -> None:
    view.delete()
