"""System checks: every owned model is scoped, every model tied to a user is owned.

tenancy.E001  an Owned model's default manager is not an OwnedManager (scoped QuerySet)
tenancy.E002  an Owned model has no `unscoped` manager
tenancy.E003  a model with a foreign-key path to the user is not Owned (and not allow-listed)
tenancy.W001  a unique constraint on an Owned model names neither the owner nor an owned parent
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db import models

from tenancy.models import Owned
from tenancy.querysets import OwnedManager, OwnedQuerySet, UnscopedManager

# Apps whose models are tied to a user but are not owned rows in our sense:
# the user's own auth records, which their libraries scope by the user.
ALLOWED_APPS: dict[str, str] = {
    "accounts": "the user model and its auth records (magic links) are the user's own identity",
    "admin": "admin log entries are operator records",
    "auth": "Django groups and permissions",
    "contenttypes": "framework metadata",
    "sessions": "server-side sessions, keyed by session id",
    "sites": "framework metadata",
    "account": "allauth email addresses, scoped by allauth to request.user",
    "socialaccount": "allauth social logins, scoped by allauth to request.user",
    "mfa": "allauth authenticators, scoped by allauth to request.user",
    "usersessions": "allauth user sessions, scoped by allauth to request.user",
    "headless": "allauth headless tokens",
    "django_celery_beat": "operator-managed schedules",
}


def _owned_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if issubclass(m, Owned)]


def _explicitly_shared(model: type[models.Model]) -> bool:
    # A shared model that legitimately points at a user (e.g. who submitted a
    # quarantined posting) says why in `tenancy_shared = "<reason>"`.
    return bool(getattr(model, "tenancy_shared", ""))


def _path_to_user(model: type[models.Model], seen: frozenset = frozenset()) -> list[str] | None:
    """The field path from `model` to the user model through foreign keys, if any."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for field in model._meta.get_fields():
        if not (field.is_relation and field.concrete and (field.many_to_one or field.one_to_one or field.many_to_many)):
            continue
        target = field.related_model
        if not isinstance(target, type) or target in seen:
            continue
        if target is user_model:
            return [field.name]
        if issubclass(target, Owned):
            return [field.name, "owner"]
        if target._meta.app_label in ALLOWED_APPS or _explicitly_shared(target):
            continue
        deeper = _path_to_user(target, seen | {model})
        if deeper:
            return [field.name, *deeper]
    return None


@checks.register(checks.Tags.models)
def check_owned_models(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for model in _owned_models():
        label = model._meta.label
        manager = model._default_manager
        if not isinstance(manager, OwnedManager) or not issubclass(manager._queryset_class, OwnedQuerySet):
            errors.append(
                checks.Error(
                    f"{label}'s default manager is {type(manager).__name__}, which does not refuse unscoped queries.",
                    hint="Declare `objects = OwnedManager()` (or OwnedManager.from_queryset(YourOwnedQuerySet)()) first.",
                    obj=model,
                    id="tenancy.E001",
                )
            )
        if not isinstance(getattr(model, "unscoped", None), UnscopedManager):
            errors.append(
                checks.Error(
                    f"{label} has no `unscoped` manager for admin, migrations, commands and system tasks.",
                    hint="Keep the `unscoped = UnscopedManager()` inherited from tenancy.models.Owned.",
                    obj=model,
                    id="tenancy.E002",
                )
            )
        errors.extend(_check_unique_constraints(model))
    return errors


@checks.register(checks.Tags.models)
def check_user_data_is_owned(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for model in apps.get_models():
        if issubclass(model, Owned) or model._meta.app_label in ALLOWED_APPS or _explicitly_shared(model):
            continue
        path = _path_to_user(model)
        if path:
            errors.append(
                checks.Error(
                    f"{model._meta.label} reaches a user through {'__'.join(path)} but is not an Owned model.",
                    hint="Inherit tenancy.models.Owned (a direct owner column), or, for a shared row that only "
                    'records a user, set `tenancy_shared = "<why>"` on the model.',
                    obj=model,
                    id="tenancy.E003",
                )
            )
    return errors


def _check_unique_constraints(model: type[models.Model]) -> list[checks.CheckMessage]:
    """A uniqueness across owners would leak other tenants' rows through conflict errors."""
    warnings = []
    scoping = {"owner"} | {
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and isinstance(f.related_model, type) and issubclass(f.related_model, Owned)
    }
    unique_sets: list[tuple[str, set[str]]] = []
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint):
            names = set(constraint.fields)
            for expression in constraint.expressions:
                names |= _field_names(expression)
            unique_sets.append((constraint.name, names))
    for field in model._meta.concrete_fields:
        if field.unique and not field.primary_key and not (field.is_relation and field.name in scoping):
            unique_sets.append((field.name, {field.name}))
    for name, fields in unique_sets:
        if not fields & scoping:
            warnings.append(
                checks.Warning(
                    f"{model._meta.label}: unique {name!r} spans every owner; a conflict would reveal another user's row.",
                    hint="Include the owner (or the owned parent) in the constraint.",
                    obj=model,
                    id="tenancy.W001",
                )
            )
    return warnings


def _field_names(expression) -> set[str]:
    if isinstance(expression, models.F):
        return {expression.name}
    names: set[str] = set()
    for source in getattr(expression, "get_source_expressions", list)():
        names |= _field_names(source)
    return names
