"""OwnedAdmin: operators see every owner's rows without tripping the scope guard."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from personas.tests.factories import BulletFactory, PersonaFactory, PersonaSkillFactory, WorkHistoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client_for):
    return client_for(UserFactory(is_staff=True, is_superuser=True))


def test_changelist_lists_every_owners_rows(operator, user, other_user):
    PersonaFactory(owner=user, full_name="Ada Mine")
    PersonaFactory(owner=other_user, full_name="Bob Theirs")

    response = operator.get(reverse("admin:personas_persona_changelist"))

    assert response.status_code == 200
    assert b"Ada Mine" in response.content and b"Bob Theirs" in response.content


def test_change_page_renders_inlines_and_owner_read_only(operator, user):
    persona = PersonaFactory(owner=user)
    PersonaSkillFactory(persona=persona, name="Terraform")
    BulletFactory(work_history=WorkHistoryFactory(persona=persona, title="Platform lead"))

    response = operator.get(reverse("admin:personas_persona_change", args=[persona.pk]))

    assert response.status_code == 200
    assert b"Terraform" in response.content and b"Platform lead" in response.content
    assert b'name="owner"' not in response.content


def test_child_change_page_offers_parents_of_every_owner(operator, user, other_user):
    role = WorkHistoryFactory(persona=PersonaFactory(owner=user))
    PersonaFactory(owner=other_user, full_name="Other Owner Persona")

    response = operator.get(reverse("admin:personas_workhistory_change", args=[role.pk]))

    assert response.status_code == 200
    assert b"Other Owner Persona" in response.content


def test_operators_cannot_add_owned_rows(operator):
    response = operator.get(reverse("admin:personas_persona_add"))

    assert response.status_code == 403
