"""Exports: applications with their timeline as CSV and JSON, and everything a user keeps, never anyone else's."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
import time_machine
from django.urls import reverse

from exports import selectors
from tracker import services as tracker
from tracker.tests.factories import make_link

NOW = datetime.datetime(2026, 4, 1, 9, 0, tzinfo=datetime.UTC)


def body(response) -> str:
    return b"".join(response.streaming_content).decode()


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response))))


@pytest.fixture
def tracked(persona, start):
    with time_machine.travel(NOW):  # the clock ticks: events keep their order
        app = start(persona, company="Acme", title="Backend Engineer", location="Berlin")
        tracker.set_tags(app, ["remote", "python"])
        tracker.add_note(app, body="Ask about the on-call rota")
        tracker.change_status(app, "interviewing")
    return app


@pytest.mark.smoke
@pytest.mark.django_db
def test_applications_csv_has_one_row_per_application_with_its_timeline(client_for, user, tracked):
    response = client_for(user).get(reverse("exports:applications-csv"))

    rows = csv_rows(response)
    assert response["Content-Disposition"].startswith('attachment; filename="zentropy-applications-')
    assert list(rows[0]) == list(selectors.CSV_COLUMNS)
    assert [(r["company"], r["title"], r["status"], r["tags"], r["notes"], r["persona"]) for r in rows] == [
        ("Acme", "Backend Engineer", "interviewing", "python; remote", "Ask about the on-call rota", "Ada Applicant")
    ]
    assert rows[0]["timeline"].splitlines() == [
        "2026-04-01 09:00 UTC  Applied to Backend Engineer at Acme",
        "2026-04-01 09:00 UTC  Tags +python +remote",
        "2026-04-01 09:00 UTC  Note: Ask about the on-call rota",
        "2026-04-01 09:00 UTC  Applied → Interviewing",
    ]


@pytest.mark.django_db
def test_applications_csv_neutralises_spreadsheet_formulas(client_for, user, persona, start):
    start(persona, company="=HYPERLINK(\"http://evil.example\")", title="+SUM(A1)")

    rows = csv_rows(client_for(user).get(reverse("exports:applications-csv")))

    assert (rows[0]["company"], rows[0]["title"]) == ("'=HYPERLINK(\"http://evil.example\")", "'+SUM(A1)")


@pytest.mark.django_db
def test_applications_csv_follows_the_lists_filters(client_for, user, persona, start):
    start(persona, company="Keep Co", title="Engineer")
    rejected = start(persona, company="Drop Co", title="Engineer")
    tracker.change_status(rejected, "rejected")

    rows = csv_rows(client_for(user).get(reverse("exports:applications-csv") + "?status=applied"))

    assert [r["company"] for r in rows] == ["Keep Co"]


@pytest.mark.django_db
def test_applications_json_carries_tags_notes_interviews_and_timeline(client_for, user, tracked):
    tracker.schedule_interview(tracked, scheduled_at=NOW + datetime.timedelta(days=3), time_zone="Europe/Berlin")

    data = json.loads(body(client_for(user).get(reverse("exports:applications-json"))))

    app = data["applications"][0]
    assert data["format"] == "zentropy-scout-export-applications"
    assert (app["company_name"], app["tags"], [n["body"] for n in app["notes"]]) == ("Acme", ["python", "remote"], ["Ask about the on-call rota"])
    assert [i["time_zone"] for i in app["interviews"]] == ["Europe/Berlin"]
    assert [e["kind"] for e in app["timeline"]] == ["created", "tags_updated", "note_added", "status_changed", "interview_scheduled"]
    assert "owner_id" not in app and "search_text" not in app


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.django_db
def test_application_exports_take_a_constant_number_of_queries(user, persona, start, rows, django_assert_num_queries):
    for n in range(rows):
        app = start(persona, company=f"Co {n}", title="Engineer")
        tracker.add_note(app, body="note")
        tracker.set_tags(app, ["a", "b"])
        tracker.schedule_interview(app, scheduled_at=NOW, time_zone="UTC")
    tracker.settings_for(user)

    # settings row, applications (with persona), then tags, notes, interviews and events prefetched.
    with django_assert_num_queries(6):
        text = "".join(selectors.applications_csv(user))
    with django_assert_num_queries(6):
        data = json.loads("".join(selectors.applications_json(user)))

    assert len(list(csv.DictReader(io.StringIO(text)))) == rows
    assert len(data["applications"]) == rows


@pytest.mark.django_db
def test_everything_json_holds_all_of_the_users_data_and_nothing_of_another_users(
    client_for, user, other_user, persona, other_persona, start, tracked
):
    from personas.tests.factories import PersonaSkillFactory

    PersonaSkillFactory(persona=persona, name="Kotlin")
    PersonaSkillFactory(persona=other_persona, name="Secret Skill")
    link = make_link(persona, title="Pooled Role", company_name="Pool Co")
    make_link(other_persona, title="Their Pooled Role", company_name="Their Pool Co")
    other_app = start(other_persona, company="Theirs Inc", title="Hidden Role")
    tracker.add_note(other_app, body="their private note")
    tracker.save_view(other_user, name="Their view")
    tracker.save_view(user, name="My view", search="python")

    response = client_for(user).get(reverse("exports:all-json"))
    text = body(response)
    data = json.loads(text)

    assert data["format"] == "zentropy-scout-export"
    assert data["account"]["email"] == user.email
    assert [p["full_name"] for p in data["personas"]] == ["Ada Applicant"]
    assert [s["name"] for s in data["personas"][0]["skills"]] == ["Kotlin"]
    assert [(j["id"], j["job"]["title"]) for j in data["job_links"]] == [(str(link.pk), "Pooled Role")]
    assert [a["company_name"] for a in data["applications"]] == ["Acme"]
    assert [v["name"] for v in data["saved_views"]] == ["My view"]
    assert data["tracker_settings"]["time_zone"] == "UTC"
    for secret in ("Otto Outsider", "Secret Skill", "Their Pool Co", "Theirs Inc", "their private note", "Their view", other_user.email):
        assert secret not in text
    assert str(link.posting_id) not in text  # the shared pool's own ids never leave
    assert "digest_unsubscribe_token" not in text


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.django_db
def test_everything_json_sections_take_constant_queries(user, persona, start, rows, django_assert_num_queries):
    for n in range(rows):
        start(persona, company=f"Co {n}", title="Engineer")
        make_link(persona, title=f"Pooled {n}", company_name=f"Pool {n}")
    tracker.settings_for(user)

    # settings; personas + 7 prefetches (skills, roles, bullets, education, certifications, stories, dealbreakers);
    # links + job skills; applications + 4 prefetches; saved views.
    with django_assert_num_queries(17):
        data = json.loads("".join(selectors.everything_json(user)))

    assert (len(data["applications"]), len(data["job_links"])) == (rows, rows)


@pytest.mark.django_db
def test_export_api_downloads(client_for, user, tracked):
    client = client_for(user)

    as_csv = client.get("/api/v1/exports/applications.csv", HTTP_ACCEPT="text/csv")
    as_json = client.get("/api/v1/exports/applications.json")
    everything = client.get("/api/v1/exports/all.json")

    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert [r["company"] for r in csv_rows(as_csv)] == ["Acme"]
    assert [a["company_name"] for a in json.loads(body(as_json))["applications"]] == ["Acme"]
    assert [a["company_name"] for a in json.loads(body(everything))["applications"]] == ["Acme"]


@pytest.mark.parametrize("path", ["/api/v1/exports/applications.csv", "/api/v1/exports/applications.json", "/api/v1/exports/all.json"])
@pytest.mark.django_db
def test_export_api_anonymous_gets_the_401_envelope(client, path):
    response = client.get(path, HTTP_ACCEPT="text/csv")

    assert (response.status_code, response.json()["error"]["code"]) == (401, "UNAUTHORIZED")


@pytest.mark.django_db
def test_export_api_is_in_the_openapi_schema(client_for, user):
    schema = client_for(user).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content.decode()

    for path in ("/api/v1/exports/applications.csv", "/api/v1/exports/applications.json", "/api/v1/exports/all.json", "/api/v1/tracker-settings/"):
        assert path in schema


@pytest.mark.django_db
def test_export_api_query_count_does_not_grow_with_rows(client_for, user, persona, start):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(user)
    tracker.settings_for(user)

    def queries_for(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            body(client.get(path))
        # The embedded default keeps rate-limit counters in a database cache table (in savepoints): not export queries.
        return len([q for q in captured if "django_cache" not in q["sql"] and "SAVEPOINT" not in q["sql"]])

    start(persona, company="Co 0", title="Engineer")
    client.get("/api/v1/tracker-settings/")  # the first request of a session also records the session's activity
    one = [queries_for(p) for p in ("/api/v1/exports/applications.csv", "/api/v1/exports/applications.json", "/api/v1/exports/all.json")]
    for n in (1, 2):
        app = start(persona, company=f"Co {n}", title="Engineer")
        tracker.add_note(app, body="note")
    three = [queries_for(p) for p in ("/api/v1/exports/applications.csv", "/api/v1/exports/applications.json", "/api/v1/exports/all.json")]

    assert one == three
