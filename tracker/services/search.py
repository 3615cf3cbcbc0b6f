"""Keeps each application's `search_text` (what search looks through) in step with its parts."""

from __future__ import annotations

from tracker.models import Application, ApplicationTag, Note

MAX_SEARCH_TEXT = 200_000


def build_search_text(application: Application, *, tags: list[str], notes: list[str]) -> str:
    parts = [application.company_name, application.title, application.location, " ".join(tags), *notes]
    return "\n".join(p for p in parts if p)[:MAX_SEARCH_TEXT]


def refresh_search_text(application: Application) -> None:
    """Recompute the application's search text from its fields, tags and notes.

    Side effects: one UPDATE of Application.search_text.
    """
    owner = application.owner_id
    tags = list(ApplicationTag.objects.for_owner_id(owner).filter(application=application).values_list("name", flat=True))
    notes = list(Note.objects.for_owner_id(owner).filter(application=application).values_list("body", flat=True))
    application.search_text = build_search_text(application, tags=tags, notes=notes)
    Application.objects.for_owner_id(owner).filter(pk=application.pk).update(search_text=application.search_text)
