"""Persona pages: list, create, the persona page, and editing its sections in place (HTMX and plain forms)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from personas.models import AchievementStory, Bullet, Persona, PersonaSkill, VoiceProfile, WorkHistory
from personas.tests.factories import (
    AchievementStoryFactory,
    BulletFactory,
    PersonaFactory,
    PersonaSkillFactory,
    WorkHistoryFactory,
)

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def detail(persona):
    return reverse("personas:detail", kwargs={"pk": persona.pk})


@pytest.mark.smoke
def test_persona_list_shows_own_personas_with_counts(user, client_for):
    persona = PersonaFactory(owner=user, full_name="Ada Quinn")
    PersonaSkillFactory(persona=persona)
    WorkHistoryFactory(persona=persona)

    response = client_for(user).get(reverse("personas:list"))

    body = response.content.decode()
    assert "Ada Quinn" in body
    assert "1 role · 1 skill" in body
    assert "Continue setup" in body


def test_persona_list_empty_state_offers_onboarding(user, client_for):
    response = client_for(user).get(reverse("personas:list"))

    assert "No personas yet" in response.content.decode()
    assert reverse("personas:create") in response.content.decode()


@pytest.mark.smoke
def test_persona_create_saves_basics_and_moves_to_work_history(user, client_for):
    response = client_for(user).post(
        reverse("personas:create"), {"basics-full_name": "Ada Quinn", "basics-email": "ada@example.com"}
    )

    persona = Persona.objects.for_user(user).get()
    assert (persona.full_name, persona.email, persona.onboarding_step) == (
        "Ada Quinn",
        "ada@example.com",
        "work_history",
    )
    assert response.url == reverse("personas:onboarding-step", kwargs={"pk": persona.pk, "step": "work-history"})


def test_persona_create_shows_errors_next_to_fields(user, client_for):
    response = client_for(user).post(reverse("personas:create"), {"basics-full_name": "", "basics-email": "nope"})

    body = response.content.decode()
    assert 'id="id_basics-full_name_error"' in body
    assert "Enter a valid email address." in body
    assert 'aria-invalid="true"' in body
    assert not Persona.objects.for_user(user).exists()


def test_persona_detail_shows_every_section(user, client_for):
    persona = PersonaFactory(owner=user, full_name="Ada Quinn")
    role = WorkHistoryFactory(persona=persona, title="Staff Engineer", company="Northwind")
    BulletFactory(work_history=role, text="Cut costs by 30%")
    PersonaSkillFactory(persona=persona, name="Django")

    body = client_for(user).get(detail(persona)).content.decode()

    for title in ("Basic info", "Work history", "Skills", "Education", "Certifications", "Achievement stories",
                  "Dealbreakers", "Targets and growth", "Voice"):  # fmt: skip
        assert title in body
    assert "Staff Engineer" in body and "Cut costs by 30%" in body and "Django" in body
    assert "Setup is not finished" in body


def test_skill_add_with_htmx_returns_the_section_fragment(user, client_for):
    persona = PersonaFactory(owner=user)
    url = reverse("personas:skills-add", kwargs={"pk": persona.pk})

    response = client_for(user).post(
        url,
        {
            "skills-new-name": "  Go  ",
            "skills-new-skill_type": "hard",
            "skills-new-proficiency": "expert",
            "skills-new-years_used": "4",
        },
        **HX,
    )

    body = response.content.decode()
    assert body.lstrip().startswith('<section class="card persona-section" id="section-skills"')
    assert "<html" not in body
    skill = PersonaSkill.objects.for_user(user).get()
    assert (skill.name, skill.proficiency, skill.years_used, skill.owner_id) == ("Go", "expert", 4, user.pk)
    assert f'id="skills-{skill.pk}"' in body
    assert response["Vary"].count("HX-Request") == 1


def test_skill_add_without_js_redirects_back_to_next(user, client_for):
    persona = PersonaFactory(owner=user)
    step = reverse("personas:onboarding-step", kwargs={"pk": persona.pk, "step": "skills"})
    url = reverse("personas:skills-add", kwargs={"pk": persona.pk}) + f"?next={step}"

    response = client_for(user).post(
        url,
        {
            "skills-new-name": "Go",
            "skills-new-skill_type": "hard",
            "skills-new-proficiency": "expert",
            "skills-new-years_used": "4",
        },
    )

    assert response.status_code == 302 and response.url == step
    assert list(PersonaSkill.objects.for_user(user).values_list("name", flat=True)) == ["Go"]


def test_skill_add_ignores_an_offsite_next(user, client_for):
    persona = PersonaFactory(owner=user)
    url = reverse("personas:skills-add", kwargs={"pk": persona.pk}) + "?next=https://evil.example/"

    response = client_for(user).post(
        url,
        {
            "skills-new-name": "Go",
            "skills-new-skill_type": "hard",
            "skills-new-proficiency": "expert",
            "skills-new-years_used": "1",
        },
    )

    assert response.url == detail(persona) + "#section-skills"


def test_skill_add_duplicate_name_ignoring_case_shows_error_in_section(user, client_for):
    persona = PersonaFactory(owner=user)
    PersonaSkillFactory(persona=persona, name="Python")

    response = client_for(user).post(
        reverse("personas:skills-add", kwargs={"pk": persona.pk}),
        {
            "skills-new-name": "python",
            "skills-new-skill_type": "hard",
            "skills-new-proficiency": "expert",
            "skills-new-years_used": "1",
        },
        **HX,
    )

    body = response.content.decode()
    assert "This persona already has that skill." in body
    assert 'id="id_skills-new-name_error"' in body
    assert PersonaSkill.objects.for_user(user).count() == 1


def test_add_form_get_with_htmx_opens_inline_form_and_without_js_a_page(user, client_for):
    persona = PersonaFactory(owner=user)
    url = reverse("personas:education-add", kwargs={"pk": persona.pk})
    client = client_for(user)

    inline = client.get(url, **HX).content.decode()
    page = client.get(url).content.decode()

    assert 'id="section-education"' in inline and 'name="education-new-institution"' in inline and "<html" not in inline
    assert "<html" in page and "Add an education entry" in page and 'name="education-new-institution"' in page


def test_work_history_edit_validates_dates(user, client_for):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)
    url = reverse("personas:work-history-edit", kwargs={"pk": persona.pk, "item": role.pk})

    response = client_for(user).post(
        url,
        {"work-history-edit-title": "Lead", "work-history-edit-company": "Acme",
         "work-history-edit-start_date": "2021-05", "work-history-edit-end_date": "2020-01"},
        **HX,
    )  # fmt: skip

    assert "The end date is before the start date." in response.content.decode()
    role.refresh_from_db()
    assert role.title == "Software Engineer"


def test_work_history_edit_saves_months_and_current_role(user, client_for):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)
    url = reverse("personas:work-history-edit", kwargs={"pk": persona.pk, "item": role.pk})

    client_for(user).post(
        url,
        {"work-history-edit-title": "Lead", "work-history-edit-company": "Acme",
         "work-history-edit-start_date": "2021-05", "work-history-edit-end_date": "2022-01",
         "work-history-edit-is_current": "on"},
        **HX,
    )  # fmt: skip

    role.refresh_from_db()
    assert (role.title, role.start_date, role.end_date, role.is_current) == (
        "Lead",
        datetime.date(2021, 5, 1),
        None,
        True,
    )


def test_bullet_add_under_role_and_edit(user, client_for):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)
    client = client_for(user)

    client.post(
        reverse("personas:bullets-add", kwargs={"pk": persona.pk, "item": role.pk}),
        {"bullets-new-text": "Shipped v2", "bullets-new-metrics": "2x"},
        **HX,
    )
    bullet = Bullet.objects.for_user(user).get()
    response = client.post(
        reverse("personas:bullets-edit", kwargs={"pk": persona.pk, "item": bullet.pk}),
        {"bullets-edit-text": "Shipped v2 to 1M users", "bullets-edit-metrics": "1M users"},
        **HX,
    )

    bullet.refresh_from_db()
    assert (bullet.work_history_id, bullet.text, bullet.metrics, bullet.owner_id) == (
        role.pk,
        "Shipped v2 to 1M users",
        "1M users",
        user.pk,
    )
    assert 'id="section-work-history"' in response.content.decode()


@pytest.mark.parametrize(("direction", "expected"), [("up", ["B", "A", "C"]), ("down", ["A", "C", "B"])])
def test_move_swaps_with_neighbour(user, client_for, direction, expected):
    persona = PersonaFactory(owner=user)
    skills = [PersonaSkillFactory(persona=persona, name=n, position=i) for i, n in enumerate("ABC")]

    response = client_for(user).post(
        reverse("personas:skills-move", kwargs={"pk": persona.pk, "item": skills[1].pk}), {"direction": direction}, **HX
    )

    names = list(PersonaSkill.objects.for_user(user).order_by("position").values_list("name", flat=True))
    assert names == expected
    assert "autofocus" in response.content.decode()


def test_move_first_item_up_changes_nothing(user, client_for):
    persona = PersonaFactory(owner=user)
    skills = [PersonaSkillFactory(persona=persona, name=n, position=i) for i, n in enumerate("AB")]

    client_for(user).post(
        reverse("personas:skills-move", kwargs={"pk": persona.pk, "item": skills[0].pk}), {"direction": "up"}
    )

    assert list(PersonaSkill.objects.for_user(user).order_by("position").values_list("name", flat=True)) == ["A", "B"]


def test_move_buttons_are_labelled_and_edge_ones_disabled(user, client_for):
    persona = PersonaFactory(owner=user)
    PersonaSkillFactory(persona=persona, name="Solo")

    body = client_for(user).get(detail(persona)).content.decode()

    assert "Move Solo up" in body and "Move Solo down" in body
    assert body.count('value="up" disabled') >= 1 and body.count('value="down" disabled') >= 1


def test_delete_get_is_a_confirmation_page_that_warns_about_linked_stories(user, client_for):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona, title="Lead", company="Acme")
    BulletFactory(work_history=role)
    AchievementStoryFactory(persona=persona, work_history=role)

    body = (
        client_for(user)
        .get(reverse("personas:work-history-delete", kwargs={"pk": persona.pk, "item": role.pk}))
        .content.decode()
    )

    assert "Delete this role?" in body
    assert "1 story is linked to this role" in body
    assert "Its 1 accomplishment will be deleted too." in body
    assert WorkHistory.objects.for_user(user).filter(pk=role.pk).exists()


def test_delete_button_carries_hx_confirm_with_the_reference_warning(user, client_for):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)
    AchievementStoryFactory(persona=persona, work_history=role)
    AchievementStoryFactory(persona=persona, work_history=role)

    body = client_for(user).get(detail(persona)).content.decode()

    assert (
        'hx-confirm="Delete this role? This cannot be undone. 2 stories are linked to this role; deleting it unlinks them."'
        in body
    )


def test_delete_post_removes_role_and_unlinks_stories(user, client_for):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)
    story = AchievementStoryFactory(persona=persona, work_history=role)

    response = client_for(user).post(
        reverse("personas:work-history-delete", kwargs={"pk": persona.pk, "item": role.pk}), **HX
    )

    assert not WorkHistory.objects.for_user(user).exists()
    story.refresh_from_db()
    assert story.work_history_id is None
    assert "No roles yet" in response.content.decode()


def test_basics_edit_inline_then_save(user, client_for):
    persona = PersonaFactory(owner=user, full_name="Old Name")
    url = reverse("personas:basics-edit", kwargs={"pk": persona.pk})
    client = client_for(user)

    form = client.get(url, **HX).content.decode()
    saved = client.post(url, {"basics-full_name": "New Name", "basics-email": "new@example.com"}, **HX).content.decode()

    assert 'value="Old Name"' in form
    persona.refresh_from_db()
    assert (persona.full_name, persona.email) == ("New Name", "new@example.com")
    assert "New Name" in saved and "<form" not in saved


def test_targets_edit_parses_lines_and_requires_a_city_unless_remote_only(user, client_for):
    persona = PersonaFactory(owner=user, commutable_cities=[])
    url = reverse("personas:targets-edit", kwargs={"pk": persona.pk})
    base = {"targets-target_roles": "Staff Engineer\nPrincipal Engineer, staff engineer", "targets-salary_currency": "eur",
            "targets-stretch_appetite": "high", "targets-minimum_fit_threshold": "65", "targets-polling_frequency": "weekly"}  # fmt: skip
    client = client_for(user)

    rejected = client.post(url, {**base, "targets-remote_preference": "hybrid_ok"}, **HX).content.decode()
    client.post(url, {**base, "targets-remote_preference": "remote_only"}, **HX)

    assert "Add at least one city you can commute to" in rejected
    persona.refresh_from_db()
    assert persona.target_roles == ["Staff Engineer", "Principal Engineer"]
    assert (persona.salary_currency, persona.remote_preference, persona.minimum_fit_threshold) == (
        "EUR",
        "remote_only",
        65,
    )


def test_voice_edit_creates_the_profile(user, client_for):
    persona = PersonaFactory(owner=user)

    client_for(user).post(
        reverse("personas:voice-edit", kwargs={"pk": persona.pk}),
        {
            "voice-tone": "Warm",
            "voice-things_to_avoid": "synergy\nleverage",
            "voice-sample_phrases": "Here is what I shipped, and why",
        },
    )

    voice = VoiceProfile.objects.for_user(user).get()
    assert (voice.persona_id, voice.tone, voice.things_to_avoid, voice.sample_phrases) == (
        persona.pk,
        "Warm",
        ["synergy", "leverage"],
        ["Here is what I shipped, and why"],
    )


def test_story_form_offers_only_this_personas_roles(user, client_for):
    persona = PersonaFactory(owner=user)
    mine = WorkHistoryFactory(persona=persona, title="Mine")
    other = WorkHistoryFactory(persona=PersonaFactory(owner=user), title="Other persona role")

    response = client_for(user).post(
        reverse("personas:stories-add", kwargs={"pk": persona.pk}),
        {"stories-new-title": "T", "stories-new-action": "A", "stories-new-work_history": str(other.pk)},
        **HX,
    )

    assert "Select a valid choice" in response.content.decode()
    assert f'value="{mine.pk}"' in response.content.decode()
    assert not AchievementStory.objects.for_user(user).exists()


def test_section_page_shows_one_section_with_its_own_return_point(user, client_for):
    persona = PersonaFactory(owner=user)
    skill = PersonaSkillFactory(persona=persona, name="Rust")
    url = reverse("personas:section", kwargs={"pk": persona.pk, "section": "skills"})

    body = client_for(user).get(url).content.decode()

    assert "<h1>Skills</h1>" in body and "Rust" in body
    assert 'id="section-work-history"' not in body
    edit = reverse("personas:skills-edit", kwargs={"pk": persona.pk, "item": skill.pk})
    assert f'href="{edit}?next={url.replace("/", "%2F")}"' in body
    assert f'href="{url}" aria-current="page">Skills</a>' in body


def test_persona_delete_removes_persona_and_parts(user, client_for):
    persona = PersonaFactory(owner=user)
    BulletFactory(work_history=WorkHistoryFactory(persona=persona))

    response = client_for(user).post(reverse("personas:delete", kwargs={"pk": persona.pk}))

    assert response.url == reverse("personas:list")
    assert not Persona.objects.for_user(user).exists()
    assert not Bullet.objects.for_user(user).exists()


def test_section_get_with_htmx_cancels_an_open_form(user, client_for):
    persona = PersonaFactory(owner=user, full_name="Ada Quinn")

    response = client_for(user).get(reverse("personas:section", kwargs={"pk": persona.pk, "section": "basics"}), **HX)

    body = response.content.decode()
    assert body.lstrip().startswith('<section class="card persona-section" id="section-basics"')
    assert "Ada Quinn" in body and "<form" not in body


def test_delete_without_js_confirm_page_then_post(user, client_for):
    persona = PersonaFactory(owner=user)
    skill = PersonaSkillFactory(persona=persona, name="Cobol")
    url = reverse("personas:skills-delete", kwargs={"pk": persona.pk, "item": skill.pk})
    client = client_for(user)

    page = client.get(url).content.decode()
    response = client.post(url)

    assert "Delete this skill?" in page and "Cobol" in page and f'action="{url}"' in page
    assert response.url == detail(persona) + "#section-skills"
    assert not PersonaSkill.objects.for_user(user).exists()


def test_persona_page_links_every_control_for_no_js_use(user, client_for):
    persona = PersonaFactory(owner=user)
    skill = PersonaSkillFactory(persona=persona)

    body = client_for(user).get(detail(persona)).content.decode()

    edit = reverse("personas:skills-edit", kwargs={"pk": persona.pk, "item": skill.pk})
    assert f'href="{edit}?next=' in body and f'hx-get="{edit}?next=' in body
    hx_links = re.findall(r"<a [^>]*hx-get=[^>]*>", body)
    assert hx_links and all("href=" in tag for tag in hx_links)


def test_signed_out_htmx_action_redirects_the_whole_page_to_sign_in(client):
    persona = PersonaFactory()
    page = reverse("personas:detail", kwargs={"pk": persona.pk})

    response = client.post(
        reverse("personas:skills-add", kwargs={"pk": persona.pk}),
        {"skills-new-name": "Go"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver{page}",
    )

    assert response["HX-Redirect"] == f"{reverse('account_login')}?next={page.replace('/', '%2F')}"
    assert not PersonaSkill.objects.for_user(persona.owner).exists()


def test_reorder_puts_parts_in_the_posted_order(user, client_for):
    persona = PersonaFactory(owner=user)
    a, b, c = (PersonaSkillFactory(persona=persona, name=n, position=i) for i, n in enumerate("ABC"))

    response = client_for(user).post(
        reverse("personas:skills-reorder", kwargs={"pk": persona.pk}), {"ids": [str(c.pk), str(a.pk), str(b.pk)]}, **HX
    )

    assert list(PersonaSkill.objects.for_user(user).order_by("position").values_list("name", flat=True)) == [
        "C",
        "A",
        "B",
    ]
    assert 'id="section-skills"' in response.content.decode()


def test_reorder_with_another_users_id_is_404_and_changes_nothing(user, other_user, client_for):
    persona = PersonaFactory(owner=user)
    a, b = (PersonaSkillFactory(persona=persona, name=n, position=i) for i, n in enumerate("AB"))
    theirs = PersonaSkillFactory(persona=PersonaFactory(owner=other_user))

    response = client_for(user).post(
        reverse("personas:skills-reorder", kwargs={"pk": persona.pk}), {"ids": [str(b.pk), str(theirs.pk), str(a.pk)]}
    )

    assert response.status_code == 404
    assert list(PersonaSkill.objects.for_user(user).order_by("position").values_list("name", flat=True)) == ["A", "B"]


def test_bullets_reorder_within_their_role(user, client_for):
    persona = PersonaFactory(owner=user)
    role = WorkHistoryFactory(persona=persona)
    first, second = BulletFactory(work_history=role, text="first"), BulletFactory(work_history=role, text="second")

    client_for(user).post(
        reverse("personas:bullets-reorder", kwargs={"pk": persona.pk, "item": role.pk}),
        {"ids": [str(second.pk), str(first.pk)]},
    )

    assert list(role.bullets.order_by("position").values_list("text", flat=True)) == ["second", "first"]


def test_lists_of_two_or_more_offer_drag_reordering(user, client_for):
    persona = PersonaFactory(owner=user)
    PersonaSkillFactory(persona=persona, name="Only")

    single = client_for(user).get(detail(persona)).content.decode()
    PersonaSkillFactory(persona=persona, name="Second")
    double = client_for(user).get(detail(persona)).content.decode()

    url = reverse("personas:skills-reorder", kwargs={"pk": persona.pk})
    assert f'data-reorder-url="{url}"' not in single
    assert f'data-reorder-url="{url}"' in double
