"""End to end in Chromium: export the filtered list as CSV, import a spreadsheet through its preview."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from personas.tests.factories import PersonaFactory
from tracker import services as tracker
from tracker.models import Application

SHEET = (
    "Company,Position,Status,Date Applied,URL,Notes\n"
    "Imported Co,Data Engineer,Interviewing,2026-02-01,https://imported.example/1,From my old sheet\n"
    "Broken Co,,Applied,,,\n"
)


def sign_in(page, url, user, password) -> None:
    page.goto(url + reverse("account_login"))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))


@pytest.mark.e2e
def test_export_the_filtered_list_as_csv_then_import_a_spreadsheet_with_a_preview(page, live_server, transactional_db, password, tmp_path):
    from playwright.sync_api import expect

    user = UserFactory(password=password)
    persona = PersonaFactory(owner=user, full_name="Ada Applicant")
    tracker.create_from_scratch(user, persona=persona, company_name="Open Co", title="Backend Engineer")
    closed = tracker.create_from_scratch(user, persona=persona, company_name="Closed Co", title="Frontend Engineer")
    tracker.change_status(closed, "rejected")
    csp_errors: list[str] = []
    page.on("console", lambda message: csp_errors.append(message.text) if "Content Security Policy" in message.text else None)
    url = live_server.url
    sign_in(page, url, user, password)

    # The list filtered to open applications; the export follows the same filters.
    page.goto(url + reverse("tracker:list") + "?status=applied")
    expect(page.locator("#results")).to_contain_text("Open Co")
    expect(page.locator("#results")).not_to_contain_text("Closed Co")
    page.goto(url + reverse("exports:index") + "?status=applied")
    with page.expect_download() as info:
        page.get_by_role("link", name="Applications as CSV").click()
    download = info.value
    rows = list(csv.DictReader(io.StringIO(download.path().read_text(encoding="utf-8"))))
    assert download.suggested_filename.startswith("zentropy-applications-")
    assert [(r["company"], r["status"]) for r in rows] == [("Open Co", "applied")]

    # Import: the preview shows the broken row; skipping it imports the rest in one go.
    sheet = tmp_path / "my-search.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    page.goto(url + reverse("exports:index"))
    page.get_by_label("CSV file").set_input_files(str(sheet))
    page.get_by_role("button", name="Preview the import").click()
    page.wait_for_url(re.compile(r"/exports/imports/[0-9a-f-]+/$"))
    expect(page.locator("table.import-table")).to_contain_text("Position is empty.")
    expect(page.locator("table.import-table")).to_contain_text("Imported Co")
    assert Application.objects.for_user(user).filter(company_name="Imported Co").count() == 0
    page.get_by_label("Skip the rows with errors").check()
    page.get_by_role("button", name="Import 1 application").click()
    page.wait_for_url(re.compile(r"/applications/list/$"))
    expect(page.locator("#messages")).to_contain_text("Imported 1 application from my-search.csv")
    expect(page.locator("#results")).to_contain_text("Imported Co")
    imported = Application.objects.for_user(user).get(company_name="Imported Co")
    assert (imported.status, imported.title) == ("interviewing", "Data Engineer")
    assert csp_errors == []
