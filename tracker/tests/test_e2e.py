"""End to end in Chromium: start an application from a job, drag it to Interviewing, add an interview,
download its ICS, apply a saved view. (Exporting CSV belongs to the exports app's own test.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from personas.tests.factories import PersonaFactory
from tracker.ics import parse
from tracker.models import Application, Interview
from tracker.tests.factories import ApplicationFactory, make_link


@pytest.mark.e2e
def test_start_drag_interview_ics_and_saved_view(page, live_server, transactional_db, password, tmp_path: Path):
    from playwright.sync_api import expect

    user = UserFactory(password=password)
    persona = PersonaFactory(owner=user, full_name="Ada Applicant")
    link = make_link(persona, title="Platform Engineer", company_name="Dragon Systems")
    ApplicationFactory(persona=persona, title="Other Role", company_name="Quiet Co")
    url = live_server.url

    page.goto(url + reverse("account_login"))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))

    # Start the application from the job's page.
    page.goto(url + reverse("jobpool:job-detail", kwargs={"pk": link.pk}))
    page.get_by_role("button", name="Start application").click()
    page.wait_for_url(re.compile(r"/applications/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", name="Platform Engineer", level=1)).to_be_visible()
    application = Application.objects.for_user(user).get(persona_job=link)

    # Drag its card from Applied to Interviewing with the mouse (one request; no reload).
    page.get_by_role("navigation", name="Primary").get_by_role("link", name="Applications").click()
    page.wait_for_url(re.compile(r"/applications/$"))
    card = page.locator(f"#app-{application.pk}")
    target = page.locator("[data-column=interviewing] [data-dropzone]")
    expect(page.locator("[data-column=applied]")).to_contain_text("Platform Engineer")
    box, drop = card.bounding_box(), target.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 15)
    page.mouse.down()
    page.mouse.move(box["x"] + 60, box["y"] + 40, steps=5)
    page.mouse.move(drop["x"] + drop["width"] / 2, drop["y"] + 30, steps=10)
    page.mouse.up()
    expect(page.locator("[data-column=interviewing]")).to_contain_text("Platform Engineer")
    expect(page.locator("[data-board-live]")).to_have_text("Moved to Interviewing.")
    expect(page.locator("#col-interviewing + .badge, [data-column=interviewing] [data-count]")).to_have_text("1")
    application.refresh_from_db()
    assert application.status == "interviewing"

    # Add an interview on the application page.
    page.get_by_role("link", name="Platform Engineer").click()
    page.get_by_role("link", name="Add interview").click()
    page.get_by_label("Date and time").fill("2026-12-03T14:30")
    page.get_by_label("Time zone").fill("Europe/Berlin")
    page.get_by_label("Stage").select_option("technical")
    page.get_by_label("Interviewer").fill("Grace Hopper")
    page.get_by_role("button", name="Schedule interview").click()
    page.wait_for_url(re.compile(r"/applications/[0-9a-f-]{36}/#interviews$"))
    expect(page.locator("#interviews")).to_contain_text("With Grace Hopper")
    interview = Interview.objects.for_user(user).get()

    # Download its calendar file.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    path = tmp_path / "interview.ics"
    download_info.value.save_as(path)
    [event] = parse(path.read_bytes().decode("utf-8"))  # bytes: keep the CRLF line endings
    assert event["DTSTART"] == "20261203T133000Z"  # 14:30 in Berlin (CET, UTC+1)
    assert event["UID"].startswith(f"interview-{interview.pk}@")

    # Save a view of the list (search "dragon"), clear it, then apply the saved view.
    page.goto(url + reverse("tracker:list"))
    page.get_by_label("Search", exact=True).fill("dragon")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#results")).not_to_contain_text("Other Role")
    page.get_by_text("Save this view").click()
    page.get_by_label("Name").fill("Dragons")
    page.get_by_role("button", name="Save view").click()
    expect(page.locator(".message--success")).to_contain_text("Saved the view “Dragons”.")
    page.goto(url + reverse("tracker:list") + "?clear=1")
    expect(page.locator("#results")).to_contain_text("Other Role")
    page.get_by_role("link", name="Dragons").click()
    expect(page.locator("#results")).to_contain_text("Platform Engineer")
    expect(page.locator("#results")).not_to_contain_text("Other Role")
    expect(page.get_by_label("Search", exact=True)).to_have_value("dragon")
