# ruff: noqa: DJ008
"""The tenancy system checks."""

from __future__ import annotations

from django.db import models
from django.test.utils import isolate_apps

from tenancy import checks
from tenancy.models import Owned
from tenancy.querysets import OwnedManager


def _ids(messages):
    return sorted(m.id for m in messages)


def test_project_models_pass_the_checks():
    from personas.models import Persona

    errors = [e for e in checks.check_owned_models() + checks.check_user_data_is_owned() if e.obj is Persona]

    assert errors == []


@isolate_apps("tenancy")
def test_owned_model_with_a_plain_default_manager_fails(monkeypatch):
    class Note(Owned):
        objects = models.Manager()
        text = models.TextField()

        class Meta:
            app_label = "tenancy"

    monkeypatch.setattr(checks, "_owned_models", lambda: [Note])

    assert _ids(checks.check_owned_models()) == ["tenancy.E001"]


@isolate_apps("tenancy")
def test_owned_model_with_a_custom_scoped_manager_passes(monkeypatch):
    class Note(Owned):
        objects = OwnedManager()
        text = models.TextField()

        class Meta:
            app_label = "tenancy"

    monkeypatch.setattr(checks, "_owned_models", lambda: [Note])

    assert checks.check_owned_models() == []


@isolate_apps("tenancy")
def test_owned_model_with_a_unique_field_across_owners_warns(monkeypatch):
    class Handle(Owned):
        handle = models.CharField(max_length=20, unique=True)

        class Meta:
            app_label = "tenancy"

    monkeypatch.setattr(checks, "_owned_models", lambda: [Handle])

    assert _ids(checks.check_owned_models()) == ["tenancy.W001"]


@isolate_apps("tenancy")
def test_model_pointing_at_the_user_without_owning_fails(monkeypatch):
    from django.contrib.auth import get_user_model

    user_model = get_user_model()

    class Bookmark(models.Model):
        user = models.ForeignKey(user_model, on_delete=models.CASCADE)

        class Meta:
            app_label = "tenancy"

    class SharedLog(models.Model):
        tenancy_shared = "records which operator acted"
        actor = models.ForeignKey(user_model, on_delete=models.CASCADE)

        class Meta:
            app_label = "tenancy"

    monkeypatch.setattr(checks.apps, "get_models", lambda: [Bookmark, SharedLog])

    errors = checks.check_user_data_is_owned()

    assert [(e.id, e.obj) for e in errors] == [("tenancy.E003", Bookmark)]
    assert "user" in errors[0].msg


@isolate_apps("tenancy")
def test_model_reaching_the_user_through_an_owned_row_fails(monkeypatch):
    from personas.models import Persona

    class Annotation(models.Model):
        persona = models.ForeignKey(Persona, on_delete=models.CASCADE)

        class Meta:
            app_label = "tenancy"

    monkeypatch.setattr(checks.apps, "get_models", lambda: [Annotation])

    errors = checks.check_user_data_is_owned()

    assert [e.id for e in errors] == ["tenancy.E003"]
    assert "persona__owner" in errors[0].msg
