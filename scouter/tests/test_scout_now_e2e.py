"""End to end in Chromium: an onboarded persona, the dashboard's Scout now, live progress to done, scored jobs."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from jobpool.models import PersonaJob
from scouter.models import ScoutRun
from scouter.tests.factories import onboarded_persona


@pytest.mark.e2e
@pytest.mark.usefixtures("replay_sources")
def test_scout_now_from_the_dashboard_fills_the_persona_with_scored_explained_jobs(page, live_server, transactional_db, password):
    from playwright.sync_api import expect

    user = UserFactory(password=password)
    persona = onboarded_persona(user)
    url = live_server.url

    page.goto(url + reverse("account_login"))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))

    # Scout now swaps the run's progress into the dashboard (HTMX) and it reaches done.
    page.get_by_role("button", name=f"Scout now for {persona.full_name}").click()
    progress = page.locator(f"#scout-progress-{persona.pk} .scout-run")
    expect(progress.locator("[data-run-state]")).to_have_text("Done", timeout=90_000)
    run = ScoutRun.objects.for_user(user).get()
    expect(progress.locator('[data-count="found"]')).to_have_text(str(run.found))
    expect(progress.locator('[data-count="new"]')).to_have_text(str(run.new))
    assert page.url.endswith("/dashboard/")  # updated in place
    assert run.found > 50 and run.scored == run.new

    # Opportunities now lists the persona's jobs, scored, best fit first.
    progress.get_by_role("link", name="Open Opportunities").click()
    page.wait_for_url(re.compile(r"/jobs/\?persona="))
    rows = page.locator("li.job-row")
    expect(rows.first).to_be_visible()
    scored = PersonaJob.objects.for_user(user).filter(persona=persona, fit_score__isnull=False)
    best = scored.order_by("-fit_score").first()
    expect(rows.first.locator(".badge", has_text="Fit")).to_have_text(f"Fit {best.fit_score}")
    assert rows.count() == min(scored.count(), 200)

    # The run's page explains the best matches.
    page.goto(url + reverse("scouter:run-detail", args=[run.pk]))
    matches = page.locator("[data-match]")
    expect(matches.first).to_be_visible()
    assert matches.count() == 10
    expect(matches.first.locator(".badge", has_text="Fit")).to_contain_text(f"Fit {best.fit_score}")
    expect(matches.first.locator(".scout-match__why li").first).to_be_visible()
