"""End to end in Chromium: a new account signs in, imports a resume, reviews it, finishes onboarding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from personas.models import AchievementStory, Bullet, Persona, PersonaSkill, VoiceProfile, WorkHistory

SAMPLES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "resumes"


@pytest.mark.e2e
def test_onboarding_from_an_empty_account_with_a_resume_import(page, live_server, transactional_db, password):
    from playwright.sync_api import expect

    user = UserFactory(password=password)
    url = live_server.url

    # Sign in through the real login page.
    page.goto(url + reverse("account_login"))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))

    # The dashboard guides a user with no persona to onboarding.
    page.get_by_role("link", name="Start onboarding").click()
    page.wait_for_url(re.compile(r"/personas/new/$"))
    expect(page.get_by_text("Step 1 of 9")).to_be_visible()

    # Resume import: upload, then review every field before anything is saved.
    page.set_input_files("input[name=resume]", str(SAMPLES / "classic.pdf"))
    page.get_by_role("button", name="Read my resume").click()
    page.wait_for_url(re.compile(r"/personas/import/review/$"))
    expect(page.locator("#id_contact-full_name")).to_have_value("Ada Quinn")
    expect(page.locator("#id_roles-0-company")).to_have_value("Northwind Labs")
    assert not Persona.objects.for_user(user).exists()
    page.fill("#id_roles-0-title", "Senior Backend Engineer")
    kubernetes = page.locator("tr", has=page.locator("input[value=Kubernetes]"))
    kubernetes.locator("input[type=checkbox]").uncheck()
    expect(kubernetes).to_have_class(re.compile("is-dropped"))
    page.get_by_role("button", name="Save and continue").click()

    # Step 2: the imported roles are there; add one more accomplishment in place (HTMX).
    page.wait_for_url(re.compile(r"/onboarding/work-history/$"))
    expect(page.get_by_role("heading", name="Work history", level=1)).to_be_visible()
    section = page.locator("#section-work-history")
    expect(section.locator(".part__title", has_text="Senior Backend Engineer")).to_be_visible()
    page.get_by_role("link", name="Add accomplishment to Senior Backend Engineer at Northwind Labs").click()
    form = section.locator("form.part-form")
    expect(form).to_be_visible()
    form.get_by_label("Accomplishment").fill("Cut the cloud bill by a third")
    form.get_by_role("button", name="Save").click()
    expect(section.locator(".part__text", has_text="Cut the cloud bill by a third")).to_be_visible()
    assert page.url.endswith("/onboarding/work-history/")  # swapped in place, no navigation
    page.get_by_role("button", name="Continue").click()

    # Step 3: imported skills; add one in place.
    page.wait_for_url(re.compile(r"/onboarding/skills/$"))
    skills = page.locator("#section-skills")
    expect(skills.locator(".part__title", has_text=re.compile(r"^Python$"))).to_be_visible()
    skills.get_by_role("link", name="Add skill").click()
    skills.locator("input[name=skills-new-name]").fill("Terraform")
    skills.locator("input[name=skills-new-years_used]").fill("2")
    skills.get_by_role("button", name="Save").click()
    expect(skills.locator(".part__title", has_text="Terraform")).to_be_visible()
    page.get_by_role("button", name="Continue").click()

    # Steps 4-6: education (imported), stories (add one), dealbreakers (skip).
    page.wait_for_url(re.compile(r"/onboarding/education/$"))
    expect(page.locator("#section-education .part__title", has_text="University of Texas at Austin")).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/onboarding/stories/$"))
    stories = page.locator("#section-stories")
    stories.get_by_role("link", name="Add story").click()
    stories.get_by_label("Title").fill("Billing migration")
    stories.get_by_label("Role it happened in").select_option(label="Senior Backend Engineer at Northwind Labs")
    stories.get_by_label("What you did").fill("Moved invoicing to PostgreSQL 15 without downtime.")
    stories.get_by_role("button", name="Save").click()
    expect(stories.locator(".part__meta", has_text="At Senior Backend Engineer, Northwind Labs")).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/onboarding/dealbreakers/$"))
    page.get_by_role("button", name="Continue").click()

    # Step 7: targets.
    page.wait_for_url(re.compile(r"/onboarding/targets/$"))
    page.get_by_label("Target roles").fill("Staff Engineer\nPrincipal Engineer")
    page.get_by_label("Remote preference").select_option(label="Remote only")
    page.get_by_role("button", name="Save and continue").click()

    # Step 8: voice.
    page.wait_for_url(re.compile(r"/onboarding/voice/$"))
    page.get_by_label("Tone").fill("Direct, warm")
    page.get_by_role("button", name="Save and continue").click()

    # Step 9: review, then finish.
    page.wait_for_url(re.compile(r"/onboarding/review/$"))
    expect(page.get_by_text("Everything is in place")).to_be_visible()
    page.get_by_role("button", name="Finish").click()
    page.wait_for_url(re.compile(r"/personas/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", name="Ada Quinn", level=1)).to_be_visible()
    expect(page.get_by_text("Ready for matching")).to_be_visible()

    persona = Persona.objects.for_user(user).get()
    assert persona.is_onboarded
    assert (persona.target_roles, persona.remote_preference) == (
        ["Staff Engineer", "Principal Engineer"],
        "remote_only",
    )
    assert list(WorkHistory.objects.for_user(user).values_list("title", flat=True)) == [
        "Senior Backend Engineer",
        "Software Engineer",
    ]
    assert Bullet.objects.for_user(user).filter(text="Cut the cloud bill by a third").exists()
    names = set(PersonaSkill.objects.for_user(user).values_list("name", flat=True))
    assert "Terraform" in names and "Python" in names and "Kubernetes" not in names
    assert AchievementStory.objects.for_user(user).get().work_history.title == "Senior Backend Engineer"
    assert VoiceProfile.objects.for_user(user).get().tone == "Direct, warm"


@pytest.mark.e2e
def test_persona_sections_work_without_javascript(browser, live_server, transactional_db, password):
    from playwright.sync_api import expect

    from personas.tests.factories import PersonaFactory, PersonaSkillFactory

    user = UserFactory(password=password)
    persona = PersonaFactory(owner=user, full_name="Plain Persona")
    PersonaSkillFactory(persona=persona, name="Cobol", position=0)
    PersonaSkillFactory(persona=persona, name="Fortran", position=1)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto(live_server.url + reverse("account_login"))
        page.fill("input[name=login]", user.email)
        page.fill("input[name=password]", password)
        page.get_by_role("button", name="Sign in", exact=True).click()
        page.goto(live_server.url + reverse("personas:detail", kwargs={"pk": persona.pk}))
        skills = page.locator("#section-skills")

        # Add: the link opens a full-page form; saving returns to the section.
        skills.get_by_role("link", name="Add skill").click()
        expect(page.get_by_role("heading", name="Add a skill")).to_be_visible()
        page.locator("input[name=skills-new-name]").fill("Ada")
        page.locator("input[name=skills-new-years_used]").fill("1")
        page.get_by_role("button", name="Save").click()
        expect(skills.locator(".part__title", has_text="Ada")).to_be_visible()

        # Reorder: the arrow buttons are plain form posts.
        skills.get_by_role("button", name="Move Fortran up").click()
        expect(skills.locator(".part__title").first).to_have_text("Fortran")

        # Delete: the link opens a confirmation page.
        skills.get_by_role("link", name="Delete Cobol").click()
        expect(page.get_by_role("heading", name="Delete this skill?")).to_be_visible()
        page.get_by_role("button", name="Delete skill").click()
        expect(skills.locator(".part__title", has_text="Cobol")).to_have_count(0)
    finally:
        context.close()

    names = list(PersonaSkill.objects.for_user(user).order_by("position").values_list("name", flat=True))
    assert names == ["Fortran", "Ada"]


@pytest.mark.e2e
def test_parts_can_be_reordered_by_drag_and_drop(page, live_server, transactional_db, password):
    from playwright.sync_api import expect

    from personas.tests.factories import PersonaFactory, PersonaSkillFactory

    user = UserFactory(password=password)
    persona = PersonaFactory(owner=user)
    for position, name in enumerate(["Alpha", "Beta", "Gamma"]):
        PersonaSkillFactory(persona=persona, name=name, position=position)
    page.goto(live_server.url + reverse("account_login"))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))
    page.goto(live_server.url + reverse("personas:detail", kwargs={"pk": persona.pk}))
    skills = page.locator("#section-skills")

    with page.expect_response(lambda r: r.url.endswith("/skills/reorder/") and r.status == 200):
        skills.locator("li.part", has_text="Gamma").drag_to(
            skills.locator("li.part", has_text="Alpha"), target_position={"x": 20, "y": 5}
        )

    expect(page.locator("#section-skills .part__title").first).to_have_text("Gamma")
    names = list(PersonaSkill.objects.for_user(user).order_by("position").values_list("name", flat=True))
    assert names == ["Gamma", "Alpha", "Beta"]
