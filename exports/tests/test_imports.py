"""Importing a spreadsheet: upload, preview with per-row errors, commit once, all or nothing, only one's own."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exports import services
from exports.models import ImportPreview
from tracker.models import Application, ApplicationTag, EventKind, Note, TimelineEvent

SHEET = (
    "Company,Position,Status,Date Applied,URL,Location,Notes,Tags\n"
    "Acme,Backend Engineer,Phone screen,2026-02-01,https://acme.example/1,Berlin,Met at a meetup,remote\n"
    "Beta,Data Analyst,Hired,2026-01-15,,Remote,,\n"
    "Gamma,,Applied,,,,,\n"
)


def upload(client, persona, text: str = SHEET, **extra):
    file = SimpleUploadedFile("my-search.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("exports:import-upload"), {"persona": persona.pk, "file": file, "day_first": "0", **extra})


def companies(user) -> list[str]:
    return sorted(Application.objects.for_user(user).values_list("company_name", flat=True))


@pytest.mark.smoke
@pytest.mark.django_db
def test_import_upload_shows_a_preview_with_row_errors_and_imports_nothing(client_for, user, persona):
    client = client_for(user)

    response = upload(client, persona)
    preview_page = client.get(response.url)

    preview = ImportPreview.objects.for_user(user).get()
    assert response.url == reverse("exports:import-preview", kwargs={"pk": preview.pk})
    assert [(row["line"], row["errors"]) for row in preview.rows] == [(2, []), (3, []), (4, ["Position is empty."])]
    assert "Position is empty." in preview_page.content.decode()
    assert "Recruiter screen" in preview_page.content.decode()
    assert companies(user) == []


@pytest.mark.django_db
def test_import_commit_creates_the_valid_rows_with_status_tags_notes_and_timeline(client_for, user, persona):
    client = client_for(user)
    preview_url = upload(client, persona).url
    pk = preview_url.rstrip("/").rsplit("/", 1)[-1]

    response = client.post(reverse("exports:import-commit", kwargs={"pk": pk}), {"skip_invalid": "on"})

    acme = Application.objects.for_user(user).get(company_name="Acme")
    beta = Application.objects.for_user(user).get(company_name="Beta")
    assert response.url == reverse("tracker:list")
    assert companies(user) == ["Acme", "Beta"]
    assert (acme.status, acme.applied_on, acme.job_url, acme.location) == (
        "recruiter_screen", datetime.date(2026, 2, 1), "https://acme.example/1", "Berlin",
    )
    assert beta.status == "accepted"
    assert list(ApplicationTag.objects.for_user(user).filter(application=acme).values_list("name", flat=True)) == ["remote"]
    assert list(Note.objects.for_user(user).filter(application=acme).values_list("body", flat=True)) == ["Met at a meetup"]
    assert TimelineEvent.objects.for_user(user).filter(application=acme, kind=EventKind.MANUAL, message="Imported from my-search.csv").exists()
    assert ImportPreview.objects.for_user(user).get().imported == 2


@pytest.mark.django_db
def test_import_commit_refuses_rows_with_errors_unless_told_to_skip_them(client_for, user, persona):
    client = client_for(user)
    pk = upload(client, persona).url.rstrip("/").rsplit("/", 1)[-1]

    response = client.post(reverse("exports:import-commit", kwargs={"pk": pk}))

    assert response.status_code == 400
    assert "1 rows have errors" in response.content.decode()
    assert companies(user) == []


@pytest.mark.django_db
def test_import_commit_is_all_or_nothing_when_the_tracker_refuses_a_row(user, persona):
    sheet = "Company,Position\nFirst Co,Engineer\nSecond Co,<|im_start|>system\n"
    preview = services.create_import_preview(user, persona=persona, data=sheet.encode(), filename="x.csv")

    with pytest.raises(ValidationError, match="Line 3"):
        services.commit_import(user, preview.pk)

    preview.refresh_from_db()
    assert companies(user) == []
    assert preview.committed_at is None


@pytest.mark.django_db
def test_import_commit_is_single_use(user, persona):
    preview = services.create_import_preview(user, persona=persona, data=b"Company,Position\nOnce Co,Engineer\n", filename="x.csv")
    services.commit_import(user, preview.pk)

    with pytest.raises(services.ImportUnavailable):
        services.commit_import(user, preview.pk)

    assert companies(user) == ["Once Co"]


@pytest.mark.django_db
def test_import_commit_refuses_an_expired_preview(user, persona):
    preview = services.create_import_preview(user, persona=persona, data=b"Company,Position\nLate Co,Engineer\n", filename="x.csv")
    ImportPreview.objects.for_user(user).filter(pk=preview.pk).update(expires_at=preview.created_at)

    with pytest.raises(services.ImportUnavailable):
        services.commit_import(user, preview.pk)

    assert companies(user) == []


@pytest.mark.django_db
def test_import_preview_marks_jobs_already_tracked_and_repeated_rows(user, persona, start):
    start(persona, company="Acme", title="Backend Engineer")
    sheet = b"Company,Position\nACME,backend  engineer\nNew Co,Engineer\nnew co,engineer\n"

    preview = services.create_import_preview(user, persona=persona, data=sheet, filename="x.csv")

    assert [row["errors"] for row in preview.rows] == [
        ["You already track this job for this persona."], [], ["Same company and position as line 3."],
    ]


@pytest.mark.django_db
def test_import_preview_and_commit_are_404_for_another_user(client_for, user, other_user, persona):
    preview = services.create_import_preview(user, persona=persona, data=b"Company,Position\nPrivate Co,Engineer\n", filename="x.csv")
    outsider = client_for(other_user)

    seen = outsider.get(reverse("exports:import-preview", kwargs={"pk": preview.pk}))
    committed = outsider.post(reverse("exports:import-commit", kwargs={"pk": preview.pk}), {"skip_invalid": "on"})

    assert (seen.status_code, committed.status_code) == (404, 404)
    assert b"Private Co" not in seen.content + committed.content
    assert companies(user) == [] and companies(other_user) == []


@pytest.mark.django_db
def test_import_upload_refuses_another_users_persona(client_for, user, persona, other_persona):
    response = upload(client_for(user), other_persona)

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not ImportPreview.objects.for_user(user).exists()


@pytest.mark.django_db
def test_import_upload_reports_an_unreadable_file_on_the_form(client_for, user, persona):
    response = upload(client_for(user), persona, text="Name,Email\nx,y\n")

    assert response.status_code == 400
    assert "a Company column and a Position (or Title) column is needed" in response.content.decode()
