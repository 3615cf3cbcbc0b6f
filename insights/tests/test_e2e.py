"""End to end in Chromium: the landing page and demo board for visitors, the insights charts, tracker settings."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from personas.tests.factories import PersonaFactory
from tracker import services as tracker


@pytest.mark.e2e
def test_visitor_landing_and_demo_board_then_insights_charts_and_settings(page, live_server, transactional_db, password, settings):
    from playwright.sync_api import expect

    user = UserFactory(password=password)
    persona = PersonaFactory(owner=user, full_name="Ada Applicant")
    for company, status in (("One Co", "interviewing"), ("Two Co", "rejected"), ("Three Co", "applied")):
        app = tracker.create_from_scratch(user, persona=persona, company_name=company, title="Engineer")
        tracker.change_status(app, status)
    csp_errors: list[str] = []
    page.on("console", lambda message: csp_errors.append(message.text) if "Content Security Policy" in message.text else None)
    url = live_server.url
    settings.SITE_URL = url  # absolute links (the feed URL) point at this server

    # A visitor: the landing page, then the read-only demo board with a card's details.
    page.goto(url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Find the jobs that fit you")
    page.get_by_role("link", name="See the demo board").click()
    page.wait_for_url(re.compile(r"/demo/board/$"))
    card = page.locator("#demo-orbital")
    card.get_by_text("Details").click()
    expect(card).to_contain_text("Technical (video)")

    # Signed in: the insights page draws its four charts from the JSON data (Chart.js, no inline script).
    page.goto(url + reverse("account_login"))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))
    page.get_by_role("link", name="Insights").click()
    expect(page.locator("html")).to_have_attribute("data-charts", "4")
    expect(page.locator(".insights-kpis")).to_contain_text("3")
    expect(page.locator(".insights-kpis")).to_contain_text("66.7%")  # One Co answered (interviewing), Two Co too (rejected)

    # Settings: saved in place (HTMX), and a calendar feed URL that calendar apps can read.
    page.goto(url + reverse("reminders:settings"))
    page.get_by_label("Time zone").select_option("Asia/Tokyo")
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator("#settings-form")).to_contain_text("Settings saved.")
    assert tracker.settings_for(user).time_zone == "Asia/Tokyo"
    page.get_by_role("button", name="Create feed URL").click()
    feed_url = page.get_by_label(re.compile("Your feed URL")).input_value()
    feed = page.request.get(feed_url)
    assert feed.ok and feed.text().startswith("BEGIN:VCALENDAR")
    assert csp_errors == []
