"""get_owned_or_404, OwnedRelatedField and the bulk helpers."""

from __future__ import annotations

import uuid

import pytest
from django.http import Http404
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from personas.models import Persona, WorkHistory
from personas.tests.factories import PersonaFactory, WorkHistoryFactory
from tenancy.api import OwnedModelViewSet, OwnedRelatedField, bulk_result, split_owned_ids
from tenancy.shortcuts import get_owned_or_404

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_get_owned_or_404_returns_the_users_object(user):
    persona = PersonaFactory(owner=user)

    assert get_owned_or_404(Persona, user, pk=persona.pk) == persona


@pytest.mark.parametrize("pk", ["theirs", "unknown", "not-a-uuid"])
def test_get_owned_or_404_raises_404_for_anything_not_the_users(user, other_user, pk):
    theirs = PersonaFactory(owner=other_user)
    lookup = {"theirs": theirs.pk, "unknown": uuid.uuid4(), "not-a-uuid": "nope"}[pk]

    with pytest.raises(Http404):
        get_owned_or_404(Persona, user, pk=lookup)


def test_get_owned_or_404_accepts_a_queryset(user):
    persona = PersonaFactory(owner=user, full_name="Ann")

    found = get_owned_or_404(Persona.objects.filter(full_name="Ann"), user, pk=persona.pk)

    assert found == persona


class StorySerializer(serializers.Serializer):
    role = OwnedRelatedField(model=WorkHistory, parent_field="persona")


def _context(user, parent=None):
    request = APIRequestFactory().post("/")
    request.user = user
    return {"request": request, "parent": parent}


def test_owned_related_field_resolves_the_callers_id(user):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)

    serializer = StorySerializer(data={"role": str(role.pk)}, context=_context(user, persona))

    assert serializer.is_valid(), serializer.errors
    assert serializer.validated_data["role"] == role


@pytest.mark.parametrize("which", ["other user", "other persona", "garbage"])
def test_owned_related_field_says_not_found_for_anything_else(user, other_user, which):
    persona = PersonaFactory(owner=user)
    value = {
        "other user": lambda: str(WorkHistoryFactory(persona=PersonaFactory(owner=other_user)).pk),
        "other persona": lambda: str(WorkHistoryFactory(persona=PersonaFactory(owner=user)).pk),
        "garbage": lambda: "12",
    }[which]()

    serializer = StorySerializer(data={"role": value}, context=_context(user, persona))

    assert not serializer.is_valid()
    assert serializer.errors == {"role": ["Not found."]}


def test_split_owned_ids_and_bulk_result(user, other_user):
    mine = PersonaFactory(owner=user)
    theirs = PersonaFactory(owner=other_user)

    rows, missing = split_owned_ids(Persona.objects.for_user(user), [theirs.pk, mine.pk, "x"])

    assert rows == [mine]
    assert bulk_result([r.pk for r in rows], missing) == {
        "updated": [str(mine.pk)],
        "failed": [{"id": str(theirs.pk), "code": "NOT_FOUND"}, {"id": "x", "code": "NOT_FOUND"}],
    }


class _RoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkHistory
        fields = ["id", "company", "title", "start_date"]


class _RoleViewSet(OwnedModelViewSet):
    queryset = WorkHistory.objects.all()
    serializer_class = _RoleSerializer
    parent_model = Persona
    parent_lookup = "persona_pk"
    parent_field = "persona"


def _call(user, method, persona_pk, data=None, pk=None):
    from rest_framework.test import force_authenticate

    factory = APIRequestFactory()
    request = getattr(factory, method)("/", data, format="json")
    force_authenticate(request, user=user)
    actions = {"post": "create", "get": "list"} if pk is None else {"get": "retrieve", "delete": "destroy"}
    view = _RoleViewSet.as_view(actions)
    kwargs = {"persona_pk": persona_pk, **({"pk": pk} if pk else {})}
    return view(request, **kwargs)


def test_owned_viewset_create_takes_the_owner_and_parent_from_the_url(user):
    persona = PersonaFactory(owner=user)

    response = _call(user, "post", persona.pk, {"company": "Acme", "title": "Dev", "start_date": "2020-01-01"})

    role = WorkHistory.objects.for_user(user).get()
    assert response.status_code == 201
    assert (role.owner_id, role.persona_id, response.data["company"]) == (user.pk, persona.pk, "Acme")


@pytest.mark.parametrize("method", ["get", "post"])
def test_owned_viewset_under_another_users_parent_is_404(user, other_user, method):
    theirs = PersonaFactory(owner=other_user)

    response = _call(user, method, theirs.pk, {"company": "Acme", "title": "Dev", "start_date": "2020-01-01"})

    assert response.status_code == 404
    assert WorkHistory.unscoped.count() == 0


def test_owned_viewset_lists_only_the_parents_rows(user):
    persona, sibling = PersonaFactory(owner=user), PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)
    WorkHistoryFactory(persona=sibling)

    response = _call(user, "get", persona.pk)

    assert [row["id"] for row in response.data["results"]] == [str(role.pk)]
