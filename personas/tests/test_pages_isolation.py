"""Two users side by side: neither can reach the other's personas or parts through any persona page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from personas.models import Persona, PersonaSkill, WorkHistory
from personas.tests.factories import (
    BulletFactory,
    PersonaFactory,
    PersonaSkillFactory,
    WorkHistoryFactory,
)
from personas.views.resume import SESSION_KEY
from tenancy import isolation

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def test_isolation_walk_over_every_persona_route(capsys):
    report = isolation.walk(urlconf="personas.tests.walk_urls")

    print(report.summary())
    assert report.problems() == ""
    assert report.unclassified == []
    assert report.routes == report.exercised_routes == 50


def test_other_users_persona_is_404_on_every_page(user, other_user, client_for):
    theirs = PersonaFactory(owner=other_user, full_name="Their Persona")
    client = client_for(user)
    pk = {"pk": theirs.pk}

    responses = [
        client.get(reverse("personas:detail", kwargs=pk)),
        client.get(reverse("personas:onboarding", kwargs=pk)),
        client.get(reverse("personas:onboarding-step", kwargs={**pk, "step": "basic-info"})),
        client.get(reverse("personas:section", kwargs={**pk, "section": "skills"}), **HX),
        client.get(reverse("personas:basics-edit", kwargs=pk), **HX),
        client.post(
            reverse("personas:basics-edit", kwargs=pk),
            {"basics-full_name": "Hijacked", "basics-email": "x@example.com"},
        ),
        client.post(
            reverse("personas:skills-add", kwargs=pk), {"skills-new-name": "Injected", "skills-new-years_used": "1"}
        ),
        client.get(reverse("personas:import-into", kwargs=pk)),
        client.post(reverse("personas:delete", kwargs=pk)),
    ]

    assert [r.status_code for r in responses] == [404] * len(responses)
    assert all("Their Persona" not in r.content.decode() for r in responses)
    theirs.refresh_from_db()
    assert theirs.full_name == "Their Persona"
    assert not PersonaSkill.objects.for_user(other_user).exists()


def test_other_users_part_under_my_persona_id_is_404(user, other_user, client_for):
    mine = PersonaFactory(owner=user)
    their_role = WorkHistoryFactory(persona=PersonaFactory(owner=other_user), title="Their role")
    their_bullet = BulletFactory(work_history=their_role)
    client = client_for(user)

    responses = [
        client.get(reverse("personas:work-history-edit", kwargs={"pk": mine.pk, "item": their_role.pk})),
        client.post(reverse("personas:work-history-delete", kwargs={"pk": mine.pk, "item": their_role.pk})),
        client.post(
            reverse("personas:work-history-move", kwargs={"pk": mine.pk, "item": their_role.pk}), {"direction": "up"}
        ),
        client.post(
            reverse("personas:bullets-add", kwargs={"pk": mine.pk, "item": their_role.pk}), {"bullets-new-text": "x"}
        ),
        client.post(reverse("personas:bullets-delete", kwargs={"pk": mine.pk, "item": their_bullet.pk})),
    ]

    assert [r.status_code for r in responses] == [404] * 5
    assert WorkHistory.objects.for_user(other_user).filter(pk=their_role.pk).exists()
    assert their_role.bullets.count() == 1


def test_my_part_under_my_other_persona_is_404(user, client_for):
    first, second = PersonaFactory(owner=user), PersonaFactory(owner=user)
    skill = PersonaSkillFactory(persona=second)

    response = client_for(user).post(reverse("personas:skills-delete", kwargs={"pk": first.pk, "item": skill.pk}))

    assert response.status_code == 404
    assert PersonaSkill.objects.for_user(user).filter(pk=skill.pk).exists()


def test_lists_and_dashboard_show_only_own_personas(user, other_user, client_for):
    PersonaFactory(owner=user, full_name="Mine Persona")
    PersonaFactory(owner=other_user, full_name="Their Persona")
    client = client_for(user)

    listing = client.get(reverse("personas:list")).content.decode()
    dashboard = client.get(reverse("core:dashboard")).content.decode()

    assert "Mine Persona" in listing and "Their Persona" not in listing
    assert "Mine Persona" in dashboard and "Their Persona" not in dashboard


def test_onboarding_resume_never_picks_another_users_persona(user, other_user, client_for):
    PersonaFactory(owner=other_user)

    response = client_for(user).get(reverse("personas:onboarding-resume"))

    assert response.url == reverse("personas:create")


def test_import_into_another_users_persona_is_404_and_stores_nothing(user, other_user, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from personas.tests.test_resume_views import SAMPLES

    theirs = PersonaFactory(owner=other_user)
    client = client_for(user)
    file = SimpleUploadedFile("classic.pdf", (SAMPLES / "classic.pdf").read_bytes())

    response = client.post(reverse("personas:import-into", kwargs={"pk": theirs.pk}), {"resume": file})

    assert response.status_code == 404
    assert SESSION_KEY not in client.session


def test_story_cannot_link_another_users_role(user, other_user, client_for):
    mine = PersonaFactory(owner=user)
    their_role = WorkHistoryFactory(persona=PersonaFactory(owner=other_user))

    response = client_for(user).post(
        reverse("personas:stories-add", kwargs={"pk": mine.pk}),
        {"stories-new-title": "T", "stories-new-action": "A", "stories-new-work_history": str(their_role.pk)},
        **HX,
    )

    assert "Select a valid choice" in response.content.decode()
    assert not mine.stories.exists()


def test_anonymous_visitor_is_sent_to_login(client):
    persona = PersonaFactory()

    response = client.get(reverse("personas:detail", kwargs={"pk": persona.pk}))

    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert Persona.objects.for_user(persona.owner).exists()
