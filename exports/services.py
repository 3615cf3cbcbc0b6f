"""Writes for imports: keep a preview of an uploaded spreadsheet, then import it in one transaction."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from exports import spreadsheet
from exports.models import ImportPreview
from personas.models import Persona
from tracker import services as tracker
from tracker.models import Application
from tracker.transitions import InvalidTransition

# The tracker's pipeline order: an imported status is reached by moving forward through it.
ACCEPT_PATH = ("offer", "accepted")


class ImportUnavailable(Exception):
    """The preview was already imported, has expired, or is not the caller's."""


def _key(company: str, title: str) -> tuple[str, str]:
    return (" ".join(company.lower().split()), " ".join(title.lower().split()))


def create_import_preview(user: Any, *, persona: Persona, data: bytes, filename: str, day_first: bool = False) -> ImportPreview:
    """Parse the CSV and keep the result for the user to look at before anything is imported.

    `persona` must already be the caller's (resolved through their scope).
    Raises spreadsheet.SpreadsheetError for a file that cannot be read.
    Side effects: deletes the user's expired or used previews; inserts an ImportPreview.
    """
    if persona.owner_id != user.pk:
        raise ValidationError({"persona": "Not found."})
    parsed = spreadsheet.read(data, day_first=day_first)
    existing = {
        _key(c, t)
        for c, t in Application.objects.for_user(user).filter(persona=persona).values_list("company_name", "title")
    }
    seen: dict[tuple[str, str], int] = {}
    for row in parsed.rows:
        key = _key(row.values["company_name"], row.values["title"])
        if not all(key):
            continue
        if key in existing:
            row.errors.append("You already track this job for this persona.")
        elif key in seen:
            row.errors.append(f"Same company and position as line {seen[key]}.")
        else:
            seen[key] = row.line
    now = timezone.now()
    with transaction.atomic():
        ImportPreview.objects.for_user(user).filter(Q(committed_at__isnull=False) | Q(expires_at__lte=now)).delete()
        return ImportPreview.objects.create(
            owner=user,
            persona=persona,
            filename=filename[:255],
            columns=parsed.columns,
            rows=[row.as_dict() for row in parsed.rows],
        )


def commit_import(user: Any, preview_id: Any, *, skip_invalid: bool = False) -> ImportPreview:
    """Import the preview's valid rows as applications, all or nothing, once.

    Raises ImportUnavailable (used, expired or not the caller's), ValidationError
    when rows have errors and `skip_invalid` is not set, or when the tracker
    refuses a row (then nothing at all is imported).
    Side effects, in one transaction: per row an Application (tracker.services.create_from_scratch,
    with its `created` event), status moves, tags, a note, an "Imported from" timeline entry;
    stamps the preview committed.
    """
    now = timezone.now()
    with transaction.atomic():
        preview = (
            ImportPreview.objects.for_user(user)
            .select_for_update()
            .filter(pk=preview_id, committed_at__isnull=True, expires_at__gt=now)
            .select_related("persona")
            .first()
        )
        if preview is None:
            raise ImportUnavailable("This import was already done or has expired; upload the file again.")
        if preview.invalid_rows and not skip_invalid:
            raise ValidationError(f"{len(preview.invalid_rows)} rows have errors: fix the file, or choose to skip them.")
        for row in preview.valid_rows:
            try:
                _import_row(user, preview, row["values"])
            except (ValidationError, InvalidTransition) as exc:
                messages = "; ".join(exc.messages) if isinstance(exc, ValidationError) else exc.message
                raise ValidationError(f"Line {row['line']}: {messages}. Nothing was imported.")
        preview.committed_at, preview.imported = now, len(preview.valid_rows)
        preview.save(update_fields=["committed_at", "imported"])
    return preview


def _import_row(user: Any, preview: ImportPreview, values: dict[str, Any]) -> Application:
    fields: dict[str, Any] = {"priority": values["priority"], "source": values["source"] or "Spreadsheet import"}
    if values["applied_on"]:
        fields["applied_on"] = datetime.date.fromisoformat(values["applied_on"])
    application = tracker.create_from_scratch(
        user,
        persona=preview.persona,
        company_name=values["company_name"],
        title=values["title"],
        job_url=values["job_url"],
        location=values["location"],
        **fields,
    )
    target = values["status"]
    for step in ACCEPT_PATH if target == "accepted" else (target,):
        tracker.change_status(application, step)
    if values["tags"]:
        tracker.set_tags(application, values["tags"])
    if values["notes"]:
        tracker.add_note(application, body=values["notes"])
    tracker.add_manual_event(application, message=f"Imported from {preview.filename}")
    return application
