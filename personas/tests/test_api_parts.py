"""The persona parts API: nested collections, scoping, reorder, bulk delete, query counts."""

from __future__ import annotations

import pytest

from personas.models import AchievementStory, PersonaSkill
from personas.tests.factories import (
    AchievementStoryFactory,
    BulletFactory,
    CertificationFactory,
    CustomDealbreakerFactory,
    EducationFactory,
    PersonaFactory,
    PersonaSkillFactory,
    WorkHistoryFactory,
)
from personas.tests.test_api import REQUEST_QUERIES, _url, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client_for, user):
    return signed_in_client(client_for, user)


@pytest.mark.smoke
def test_add_skill_copies_owner_and_appends(api, user):
    persona = PersonaFactory(owner=user)
    PersonaSkillFactory(persona=persona, position=0)

    response = api.post(
        _url("persona-skill-list", persona_pk=persona.pk),
        {"name": "Kubernetes", "proficiency": "expert", "years_used": 4},
        content_type="application/json",
    )

    skill = PersonaSkill.objects.for_user(user).get(name="Kubernetes")
    assert response.status_code == 201
    assert response.json() == {
        "id": str(skill.pk),
        "name": "Kubernetes",
        "normalized_name": skill.normalized_name,
        "skill_type": "hard",
        "proficiency": "expert",
        "years_used": 4,
        "last_used": None,
        "position": 1,
    }
    assert (skill.owner_id, skill.persona_id) == (user.pk, persona.pk)


def test_duplicate_skill_ignoring_case_is_a_validation_error(api, user):
    persona = PersonaFactory(owner=user)
    PersonaSkillFactory(persona=persona, name="Python")

    response = api.post(
        _url("persona-skill-list", persona_pk=persona.pk), {"name": "python"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"
    assert persona.skills.count() == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_part_list_runs_a_constant_number_of_queries(api, user, rows, django_assert_num_queries):
    persona = PersonaFactory(owner=user)
    for _ in range(rows):
        BulletFactory.create_batch(rows, work_history=WorkHistoryFactory(persona=persona))

    # persona, count, roles, bullets
    with django_assert_num_queries(REQUEST_QUERIES + 4):
        body = api.get(_url("persona-work-history-list", persona_pk=persona.pk)).json()

    assert [len(role["bullets"]) for role in body["results"]] == [rows] * rows


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize(
    ("route", "factory"),
    [
        ("persona-skill-list", PersonaSkillFactory),
        ("persona-education-list", EducationFactory),
        ("persona-certification-list", CertificationFactory),
        ("persona-story-list", AchievementStoryFactory),
        ("persona-dealbreaker-list", CustomDealbreakerFactory),
    ],
)
def test_each_part_list_runs_a_constant_number_of_queries(api, user, rows, route, factory, django_assert_num_queries):
    persona = PersonaFactory(owner=user)
    made = factory.create_batch(rows, persona=persona)

    # persona, count, rows
    with django_assert_num_queries(REQUEST_QUERIES + 3):
        body = api.get(_url(route, persona_pk=persona.pk)).json()

    assert [row["id"] for row in body["results"]] == [str(obj.pk) for obj in made]


@pytest.mark.parametrize("rows", [1, 3])
def test_bullet_list_runs_a_constant_number_of_queries(api, user, rows, django_assert_num_queries):
    role = WorkHistoryFactory(persona=PersonaFactory(owner=user))
    made = BulletFactory.create_batch(rows, work_history=role)

    # role+persona, count, rows
    with django_assert_num_queries(REQUEST_QUERIES + 3):
        body = api.get(_url("persona-bullet-list", persona_pk=role.persona_id, work_history_pk=role.pk)).json()

    assert [row["id"] for row in body["results"]] == [str(b.pk) for b in made]


@pytest.mark.parametrize("method", ["get", "post"])
def test_parts_under_another_users_persona_are_not_found(api, other_user, method):
    theirs = PersonaFactory(owner=other_user)
    PersonaSkillFactory(persona=theirs)

    response = getattr(api, method)(
        _url("persona-skill-list", persona_pk=theirs.pk), {"name": "Sneaky"}, content_type="application/json"
    )

    assert response.status_code == 404
    assert list(PersonaSkill.unscoped.values_list("persona_id", flat=True)) == [theirs.pk]


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_another_users_part_is_not_found_even_under_my_persona(api, user, other_user, method):
    mine = PersonaFactory(owner=user)
    theirs = PersonaSkillFactory(persona=PersonaFactory(owner=other_user), name="Theirs")

    response = getattr(api, method)(
        _url("persona-skill-detail", persona_pk=mine.pk, pk=theirs.pk),
        {"name": "Mine"},
        content_type="application/json",
    )
    theirs.refresh_from_db()

    assert response.status_code == 404
    assert theirs.name == "Theirs"


def test_part_of_my_other_persona_is_not_reachable_through_this_one(api, user):
    here, there = PersonaFactory(owner=user), PersonaFactory(owner=user)
    skill = PersonaSkillFactory(persona=there)

    response = api.get(_url("persona-skill-detail", persona_pk=here.pk, pk=skill.pk))

    assert response.status_code == 404


def test_story_linked_to_another_users_role_is_not_found(api, user, other_user):
    persona = PersonaFactory(owner=user)
    foreign_role = WorkHistoryFactory(persona=PersonaFactory(owner=other_user))

    response = api.post(
        _url("persona-story-list", persona_pk=persona.pk),
        {"title": "Sneaky", "work_history": str(foreign_role.pk)},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["error"]["details"] == {"work_history": ["Not found."]}
    assert AchievementStory.unscoped.count() == 0


def test_story_links_to_one_of_the_personas_roles(api, user):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)

    response = api.post(
        _url("persona-story-list", persona_pk=persona.pk),
        {"title": "Migration", "context": "c", "action": "a", "outcome": "o", "work_history": str(role.pk)},
        content_type="application/json",
    )

    story = AchievementStory.objects.for_user(user).get()
    assert response.status_code == 201
    assert (story.work_history_id, response.json()["work_history"]) == (role.pk, str(role.pk))


def test_bullets_live_under_a_role_of_the_persona(api, user, other_user):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)
    foreign_role = WorkHistoryFactory(persona=PersonaFactory(owner=other_user))

    created = api.post(
        _url("persona-bullet-list", persona_pk=persona.pk, work_history_pk=role.pk),
        {"text": "Cut costs 30%", "metrics": "30%"},
        content_type="application/json",
    )
    foreign = api.post(
        _url("persona-bullet-list", persona_pk=persona.pk, work_history_pk=foreign_role.pk),
        {"text": "Sneaky"},
        content_type="application/json",
    )

    assert created.status_code == 201
    assert [(b.text, b.owner_id) for b in role.bullets.all()] == [("Cut costs 30%", user.pk)]
    assert foreign.status_code == 404
    assert foreign_role.bullets.count() == 0


def test_reorder_moves_listed_parts_first(api, user):
    persona = PersonaFactory(owner=user)
    a, b, c = (CustomDealbreakerFactory(persona=persona, position=i) for i in range(3))

    response = api.post(
        _url("persona-dealbreaker-reorder", persona_pk=persona.pk),
        {"ids": [str(c.pk), str(a.pk)]},
        content_type="application/json",
    )

    assert response.json() == {"updated": [str(c.pk), str(a.pk), str(b.pk)], "failed": []}
    assert list(persona.dealbreakers.all()) == [c, a, b]


@pytest.mark.smoke
def test_reorder_with_a_foreign_id_reports_it_and_changes_nothing(api, user, other_user):
    persona = PersonaFactory(owner=user)
    a, b = (PersonaSkillFactory(persona=persona, position=i) for i in range(2))
    foreign = PersonaSkillFactory(persona=PersonaFactory(owner=other_user), position=7)

    response = api.post(
        _url("persona-skill-reorder", persona_pk=persona.pk),
        {"ids": [str(b.pk), str(foreign.pk)]},
        content_type="application/json",
    )
    foreign.refresh_from_db()

    assert response.status_code == 200
    assert response.json() == {"updated": [], "failed": [{"id": str(foreign.pk), "code": "NOT_FOUND"}]}
    assert list(persona.skills.all()) == [a, b]
    assert foreign.position == 7


def test_bulk_delete_deletes_mine_and_reports_foreign_ids(api, user, other_user):
    persona = PersonaFactory(owner=user)
    mine = CertificationFactory(persona=persona)
    foreign = CertificationFactory(persona=PersonaFactory(owner=other_user))

    response = api.post(
        _url("persona-certification-bulk-delete", persona_pk=persona.pk),
        {"ids": [str(mine.pk), str(foreign.pk)]},
        content_type="application/json",
    )

    assert response.json() == {"updated": [str(mine.pk)], "failed": [{"id": str(foreign.pk), "code": "NOT_FOUND"}]}
    assert persona.certifications.count() == 0
    assert type(foreign).unscoped.filter(pk=foreign.pk).exists()
