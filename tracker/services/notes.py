"""Notes on an application: add, edit, delete, each logged on the timeline."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.models import Application, EventKind, Note
from tracker.services.search import refresh_search_text
from tracker.services.timeline import record_event

PREVIEW = 80


def _clean(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "Write something."})
    if len(body) > 20_000:
        raise ValidationError({"body": "Keep a note under 20,000 characters."})
    return body


def _preview(body: str) -> str:
    line = " ".join(body.split())
    return line if len(line) <= PREVIEW else line[: PREVIEW - 1] + "…"


def add_note(application: Application, *, body: str) -> Note:
    """Side effects: inserts the Note (owner from the application); `note_added` event; search text."""
    body = _clean(body)
    with transaction.atomic():
        note = Note.objects.create(owner_id=application.owner_id, application=application, body=body)
        record_event(application, EventKind.NOTE_ADDED, f"Note: {_preview(body)}", data={"note_id": note.pk})
        refresh_search_text(application)
    return note


def edit_note(note: Note, *, body: str) -> Note:
    """Side effects: saves the body; `note_edited` event (when it changed); search text."""
    body = _clean(body)
    if body == note.body:
        return note
    with transaction.atomic():
        note.body = body
        note.save(update_fields=["body", "updated_at"])
        record_event(note.application, EventKind.NOTE_EDITED, f"Note edited: {_preview(body)}", data={"note_id": note.pk})
        refresh_search_text(note.application)
    return note


def delete_note(note: Note) -> None:
    """Side effects: deletes the Note; `note_deleted` event; search text."""
    application = note.application
    with transaction.atomic():
        note_id = note.pk
        note.delete()
        record_event(application, EventKind.NOTE_DELETED, "Note deleted", data={"note_id": note_id})
        refresh_search_text(application)
