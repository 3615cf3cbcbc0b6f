"""The persona pages run a fixed number of queries however many parts a persona has."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
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

# Every signed-in request: session, user, and allauth's usersessions bookkeeping
# (savepoint, its row, the user again, the update, release) = 7.
REQUEST_QUERIES = 7
# The page's own reads: persona + voice, skills, roles, bullets, education,
# certifications, stories (with their roles), dealbreakers = 8.
PERSONA_PAGE_QUERIES = REQUEST_QUERIES + 8
LIST_PAGE_QUERIES = REQUEST_QUERIES + 1  # personas with their counts


def persona_with(user, n: int):
    persona = PersonaFactory(owner=user)
    VoiceProfileFactory(persona=persona)
    for _ in range(n):
        role = WorkHistoryFactory(persona=persona)
        for _ in range(n):
            BulletFactory(work_history=role)
        PersonaSkillFactory(persona=persona)
        EducationFactory(persona=persona)
        CertificationFactory(persona=persona)
        AchievementStoryFactory(persona=persona, work_history=role)
        CustomDealbreakerFactory(persona=persona)
    return persona


@pytest.mark.parametrize("n", [1, 3])
def test_persona_page_query_count_is_constant(user, client_for, django_assert_num_queries, n):
    persona = persona_with(user, n)
    client = client_for(user)
    client.get(reverse("core:dashboard"))  # settle the session bookkeeping of a first request

    with django_assert_num_queries(PERSONA_PAGE_QUERIES):
        response = client.get(reverse("personas:detail", kwargs={"pk": persona.pk}))

    body = response.content.decode()
    assert body.count('class="part part--bullet"') == n * n
    assert body.count('id="stories-') == n


@pytest.mark.parametrize("n", [1, 3])
def test_review_step_query_count_is_constant(user, client_for, django_assert_num_queries, n):
    persona = persona_with(user, n)
    client = client_for(user)
    client.get(reverse("core:dashboard"))
    url = reverse("personas:onboarding-step", kwargs={"pk": persona.pk, "step": "review"})
    persona.onboarding_step = "review"
    persona.save(update_fields=["onboarding_step"])

    with django_assert_num_queries(PERSONA_PAGE_QUERIES):
        response = client.get(url)

    assert response.content.decode().count('class="part part--bullet"') == n * n


@pytest.mark.parametrize("n", [1, 3])
def test_personas_list_query_count_is_constant(user, client_for, django_assert_num_queries, n):
    for _ in range(n):
        persona_with(user, 1)
    client = client_for(user)
    client.get(reverse("core:dashboard"))

    with django_assert_num_queries(LIST_PAGE_QUERIES):
        response = client.get(reverse("personas:list"))

    assert response.content.decode().count('class="card persona-card"') == n


def test_dashboard_onboarding_card_query_count_does_not_grow_with_parts(client_for):
    # Other apps add their own cards to the dashboard, so compare 1 and 3 of each part directly.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (1, 3):
        person = UserFactory()
        persona = persona_with(person, n)
        client = client_for(person)
        client.get(reverse("core:dashboard"))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("core:dashboard"))
        assert f"Finish setting up {persona.full_name}" in response.content.decode()
        counts.append(len(captured.captured_queries))

    assert counts[0] == counts[1]


@pytest.mark.parametrize("n", [1, 3])
def test_section_page_query_count_is_constant(user, client_for, django_assert_num_queries, n):
    persona = persona_with(user, n)
    client = client_for(user)
    client.get(reverse("core:dashboard"))

    with django_assert_num_queries(PERSONA_PAGE_QUERIES):
        response = client.get(reverse("personas:section", kwargs={"pk": persona.pk, "section": "work-history"}))

    assert response.content.decode().count('class="part part--bullet"') == n * n
