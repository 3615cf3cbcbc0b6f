"""The persona API: shapes, writes through services, scoping and query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from personas.models import Persona, PersonaSkill, VoiceProfile
from personas.tests.factories import (
    AchievementStoryFactory,
    BulletFactory,
    CertificationFactory,
    CustomDealbreakerFactory,
    EducationFactory,
    PersonaFactory,
    PersonaSkillFactory,
    VoiceProfileFactory,
    WorkHistoryFactory,
)

pytestmark = pytest.mark.django_db


def signed_in_client(client_for, user):
    """A client signed in as `user`, warmed up: the first request of a session
    records it (allauth usersessions), so query counts measure the endpoint alone."""
    client = client_for(user)
    client.get(reverse("api-me"))
    return client


@pytest.fixture
def api(client_for, user):
    return signed_in_client(client_for, user)


# Every signed-in request: session, user, and allauth usersessions' activity
# tracking (savepoint, session row, user, update, release).
REQUEST_QUERIES = 7


def _url(name, **kwargs):
    return reverse(name, kwargs=kwargs)


def _populate(persona, count):
    for _ in range(count):
        PersonaSkillFactory(persona=persona)
        role = WorkHistoryFactory(persona=persona)
        BulletFactory.create_batch(count, work_history=role)
        EducationFactory(persona=persona)
        CertificationFactory(persona=persona)
        AchievementStoryFactory(persona=persona, work_history=role)
        CustomDealbreakerFactory(persona=persona)
    VoiceProfileFactory(persona=persona)


# ------------------------------------------------------------------ personas
@pytest.mark.smoke
def test_create_persona_needs_only_full_name(api, user):
    response = api.post(_url("persona-list"), {"full_name": "Ada Lovelace"}, content_type="application/json")

    body = response.json()
    assert response.status_code == 201
    persona = Persona.objects.for_user(user).get()
    assert body["id"] == str(persona.pk)
    assert (body["full_name"], body["remote_preference"], body["minimum_fit_threshold"]) == (
        "Ada Lovelace",
        "no_preference",
        50,
    )
    assert (body["skills"], body["work_history"], body["voice"]) == ([], [], None)


def test_create_persona_rejects_unknown_fields_such_as_owner(api, other_user):
    response = api.post(
        _url("persona-list"), {"full_name": "Ada", "owner": str(other_user.pk)}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["error"]["details"] == {"owner": ["Unknown field."]}
    assert Persona.unscoped.count() == 0


def test_create_persona_without_full_name_is_a_validation_error(api):
    response = api.post(_url("persona-list"), {"email": "a@example.com"}, content_type="application/json")

    assert response.status_code == 400
    assert list(response.json()["error"]["details"]) == ["full_name"]


def test_persona_email_may_repeat_across_users(api, other_user):
    PersonaFactory(owner=other_user, email="shared@example.com")

    response = api.post(
        _url("persona-list"), {"full_name": "Ada", "email": "shared@example.com"}, content_type="application/json"
    )

    assert response.status_code == 201
    assert Persona.unscoped.filter(email="shared@example.com").count() == 2


def test_list_shows_only_the_callers_personas(api, user, other_user):
    mine = PersonaFactory(owner=user)
    PersonaFactory(owner=other_user)

    body = api.get(_url("persona-list")).json()

    assert [row["id"] for row in body["results"]] == [str(mine.pk)]
    assert body["count"] == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_list_runs_a_constant_number_of_queries(api, user, rows, django_assert_num_queries):
    PersonaFactory.create_batch(rows, owner=user)

    # count, page
    with django_assert_num_queries(REQUEST_QUERIES + 2):
        body = api.get(_url("persona-list")).json()

    assert body["count"] == rows


@pytest.mark.parametrize("count", [1, 3])
def test_retrieve_nests_every_part_in_a_constant_number_of_queries(api, user, count, django_assert_num_queries):
    persona = PersonaFactory(owner=user)
    _populate(persona, count)

    # persona+voice, then skills, roles, bullets, education, certifications, stories, dealbreakers
    with django_assert_num_queries(REQUEST_QUERIES + 8):
        body = api.get(_url("persona-detail", pk=persona.pk)).json()

    assert [
        len(body[part]) for part in ("skills", "work_history", "education", "certifications", "stories", "dealbreakers")
    ] == [count] * 6
    assert [len(role["bullets"]) for role in body["work_history"]] == [count] * count
    assert body["voice"]["tone"] == "Warm, direct"
    assert body["stories"][0]["work_history"] == body["work_history"][0]["id"]


def test_retrieve_lists_parts_in_position_order(api, user):
    persona = PersonaFactory(owner=user)
    second = PersonaSkillFactory(persona=persona, name="Second", position=2)
    first = PersonaSkillFactory(persona=persona, name="First", position=1)

    body = api.get(_url("persona-detail", pk=persona.pk)).json()

    assert [s["id"] for s in body["skills"]] == [str(first.pk), str(second.pk)]


def test_patch_persona_changes_fields_through_the_service(api, user):
    persona = PersonaFactory(owner=user)

    response = api.patch(
        _url("persona-detail", pk=persona.pk),
        {"minimum_fit_threshold": 65, "target_roles": ["SRE"], "remote_preference": "remote_only"},
        content_type="application/json",
    )
    persona.refresh_from_db()

    assert response.status_code == 200
    assert (persona.minimum_fit_threshold, persona.target_roles, persona.remote_preference) == (
        65,
        ["SRE"],
        "remote_only",
    )
    assert response.json()["minimum_fit_threshold"] == 65


def test_patch_persona_rejects_a_threshold_over_100(api, user):
    persona = PersonaFactory(owner=user)

    response = api.patch(
        _url("persona-detail", pk=persona.pk), {"minimum_fit_threshold": 150}, content_type="application/json"
    )
    persona.refresh_from_db()

    assert response.status_code == 400
    assert "minimum_fit_threshold" in response.json()["error"]["details"]
    assert persona.minimum_fit_threshold == 50


@pytest.mark.smoke
@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_another_users_persona_is_not_found_on_every_method(api, other_user, method):
    theirs = PersonaFactory(owner=other_user, full_name="Theirs")

    response = getattr(api, method)(
        _url("persona-detail", pk=theirs.pk), {"full_name": "Mine now"}, content_type="application/json"
    )
    theirs.refresh_from_db()

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"
    assert theirs.full_name == "Theirs"


def test_delete_persona_deletes_its_parts(api, user):
    persona = PersonaFactory(owner=user)
    _populate(persona, 1)

    response = api.delete(_url("persona-detail", pk=persona.pk))

    assert response.status_code == 204
    assert Persona.unscoped.count() == 0
    assert PersonaSkill.unscoped.count() == 0


def test_anonymous_gets_the_401_envelope(client):
    response = client.get(_url("persona-list"))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHORIZED"


# ------------------------------------------------------------------ voice
def test_voice_is_not_found_until_written_then_put_patch_delete(api, user):
    persona = PersonaFactory(owner=user)
    url = _url("persona-voice", pk=persona.pk)

    missing = api.get(url)
    put = api.put(url, {"tone": "Warm", "things_to_avoid": ["jargon"]}, content_type="application/json")
    patch = api.patch(url, {"style": "Short"}, content_type="application/json")

    assert missing.status_code == 404
    assert put.json()["tone"] == "Warm"
    voice = VoiceProfile.objects.for_user(user).get()
    assert (voice.tone, voice.style, voice.things_to_avoid, voice.owner_id) == ("Warm", "Short", ["jargon"], user.pk)
    assert patch.json()["style"] == "Short"

    assert api.delete(url).status_code == 204
    assert not VoiceProfile.objects.for_user(user).exists()


def test_another_users_voice_is_not_found(api, other_user):
    voice = VoiceProfileFactory(persona=PersonaFactory(owner=other_user), tone="Secret")

    get = api.get(_url("persona-voice", pk=voice.persona_id))
    put = api.put(_url("persona-voice", pk=voice.persona_id), {"tone": "Mine"}, content_type="application/json")
    voice.refresh_from_db()

    assert (get.status_code, put.status_code) == (404, 404)
    assert voice.tone == "Secret"


# ------------------------------------------------------------------ schema
def test_schema_documents_the_persona_routes(api):
    schema = api.get(reverse("api-schema"), HTTP_ACCEPT="application/json").json()

    paths = set(schema["paths"])
    assert {
        "/api/v1/personas/",
        "/api/v1/personas/{id}/",
        "/api/v1/personas/{id}/voice/",
        "/api/v1/personas/{persona_pk}/skills/",
        "/api/v1/personas/{persona_pk}/work-history/{work_history_pk}/bullets/{id}/",
        "/api/v1/personas/{persona_pk}/dealbreakers/reorder/",
    } <= paths
    persona_fields = set(schema["components"]["schemas"]["PersonaDetail"]["properties"])
    assert {
        "full_name",
        "minimum_fit_threshold",
        "stretch_appetite",
        "polling_frequency",
        "skills",
        "voice",
    } <= persona_fields


# ------------------------------------------------------------------ browsable API
@pytest.mark.parametrize(
    "name",
    [
        "persona-list",
        "persona-detail",
        "persona-voice",
        "persona-story-list",
        "persona-story-detail",
        "persona-bullet-list",
    ],
)
def test_browsable_api_pages_render_without_other_users_rows(api, user, other_user, name):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona, title="My own role")
    WorkHistoryFactory(persona=PersonaFactory(owner=other_user), title="Their secret role")
    story = AchievementStoryFactory(persona=persona, work_history=role)
    VoiceProfileFactory(persona=persona)
    kwargs = {
        "persona-list": {},
        "persona-detail": {"pk": persona.pk},
        "persona-voice": {"pk": persona.pk},
        "persona-story-list": {"persona_pk": persona.pk},
        "persona-story-detail": {"persona_pk": persona.pk, "pk": story.pk},
        "persona-bullet-list": {"persona_pk": persona.pk, "work_history_pk": role.pk},
    }[name]

    response = api.get(_url(name, **kwargs), HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"Their secret role" not in response.content
