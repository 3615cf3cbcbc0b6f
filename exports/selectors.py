"""Reads for exports: the user's applications with their timeline (CSV, JSON) and everything they keep (JSON).

Every query starts from the user's scope; the pool's own ids and internals
never appear (a job link carries the job's facts, jobpool.selectors.job_facts).
Exports are generators, so a large account streams in chunks.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from jobpool.matching.explained import explain_links
from jobpool.models import PersonaJob
from jobpool.selectors import job_facts
from personas.models import (
    AchievementStory,
    Bullet,
    Certification,
    CustomDealbreaker,
    Education,
    Persona,
    PersonaSkill,
    WorkHistory,
)
from tracker.filters import ApplicationFilters
from tracker.models import Application, ApplicationTag, Interview, Note, SavedView, TimelineEvent
from tracker.selectors import filter_applications
from tracker.services import settings_for

CHUNK = 200
FORMAT = "zentropy-scout-export"
VERSION = 1
# Never exported: ownership columns, derived search text, secrets, the shared pool's ids.
HIDDEN = {"owner", "owner_id", "search_text", "digest_unsubscribe_token", "posting", "posting_id"}
CSV_COLUMNS = (
    "id", "persona", "company", "title", "status", "priority", "applied_on", "location", "job_url", "source",
    "referral", "salary_currency", "salary_expected", "salary_offered", "next_action", "next_action_at",
    "last_activity_at", "pinned", "tags", "notes", "timeline", "created_at",
)
# A spreadsheet runs cells starting with these as formulas (CSV injection): such text gets a leading quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def fields_of(instance: models.Model, *, hide: set[str] = frozenset()) -> dict[str, Any]:
    """The instance's own columns (foreign keys as `<name>_id`), minus HIDDEN and `hide`."""
    return {
        f.attname: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if f.name not in HIDDEN and f.attname not in HIDDEN and f.name not in hide
    }


def _json(value: Any) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


# ------------------------------------------------------------------ applications
def applications_for_export(user: Any, filters: ApplicationFilters | None = None) -> QuerySet:
    """The user's applications (the list's filters when given, else all of them), each with its persona,
    tags, notes, interviews and timeline: five queries however many there are."""
    prefs = settings_for(user)
    filters = filters or ApplicationFilters(include_inactive=True)
    return (
        filter_applications(user, filters, prefs=prefs)
        .select_related("persona")
        .prefetch_related(
            Prefetch("tags", queryset=ApplicationTag.objects.for_user(user).order_by("name")),
            Prefetch("notes", queryset=Note.objects.for_user(user).order_by("created_at", "id")),
            Prefetch("interviews", queryset=Interview.objects.for_user(user).order_by("scheduled_at", "id")),
            Prefetch("events", queryset=TimelineEvent.objects.for_user(user).order_by("created_at", "id")),
        )
    )


def application_record(app: Application) -> dict[str, Any]:
    """One application as the JSON exports write it."""
    return {
        **fields_of(app, hide={"persona"}),
        "persona": {"id": app.persona_id, "full_name": app.persona.full_name},
        "tags": [tag.name for tag in app.tags.all()],
        "notes": [fields_of(note, hide={"application"}) for note in app.notes.all()],
        "interviews": [fields_of(i, hide={"application"}) for i in app.interviews.all()],
        "timeline": [
            {"kind": e.kind, "message": e.message, "data": e.data, "created_at": e.created_at} for e in app.events.all()
        ],
    }


def _cell(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(app: Application) -> list[Any]:
    timeline = "\n".join(f"{_cell(e.created_at)}  {e.message}" for e in app.events.all())
    notes = "\n\n".join(note.body for note in app.notes.all())
    values = (
        app.pk, app.persona.full_name, app.company_name, app.title, app.status, app.priority, app.applied_on,
        app.location, app.job_url, app.source, app.referral, app.salary_currency, app.salary_expected,
        app.salary_offered, app.next_action_title, app.next_action_at, app.last_activity_at, app.is_pinned,
        "; ".join(tag.name for tag in app.tags.all()), notes, timeline, app.created_at,
    )
    return [_cell(v) for v in values]


def applications_csv(user: Any, filters: ApplicationFilters | None = None) -> Iterator[str]:
    """CSV text in chunks: a header, then one row per application (its timeline in one cell, oldest first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for n, app in enumerate(applications_for_export(user, filters).iterator(chunk_size=CHUNK), 1):
        writer.writerow(csv_row(app))
        if n % 50 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def applications_json(user: Any, filters: ApplicationFilters | None = None) -> Iterator[str]:
    now = timezone.now()
    yield f'{{"format": "{FORMAT}-applications", "version": {VERSION}, "exported_at": {_json(now)}, "applications": ['
    yield from _array(application_record(app) for app in applications_for_export(user, filters).iterator(chunk_size=CHUNK))
    yield "]}\n"


def _array(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    for n, item in enumerate(items):
        yield ("," if n else "") + "\n" + _json(item)


# ------------------------------------------------------------------ everything
def _personas(user: Any) -> Iterator[dict[str, Any]]:
    scoped = lambda model: model.objects.for_user(user)  # noqa: E731
    personas = (
        Persona.objects.for_user(user)
        .select_related("voice")
        .prefetch_related(
            Prefetch("skills", queryset=scoped(PersonaSkill)),
            Prefetch(
                "work_history",
                queryset=scoped(WorkHistory).prefetch_related(Prefetch("bullets", queryset=scoped(Bullet))),
            ),
            Prefetch("education", queryset=scoped(Education)),
            Prefetch("certifications", queryset=scoped(Certification)),
            Prefetch("stories", queryset=scoped(AchievementStory)),
            Prefetch("dealbreakers", queryset=scoped(CustomDealbreaker)),
        )
        .order_by("created_at", "id")
    )
    for persona in personas.iterator(chunk_size=CHUNK):
        voice = getattr(persona, "voice", None)  # reverse one-to-one: missing raises AttributeError
        yield {
            **fields_of(persona),
            "skills": [fields_of(s, hide={"persona"}) for s in persona.skills.all()],
            "work_history": [
                {**fields_of(w, hide={"persona"}), "bullets": [fields_of(b, hide={"work_history"}) for b in w.bullets.all()]}
                for w in persona.work_history.all()
            ],
            "education": [fields_of(e, hide={"persona"}) for e in persona.education.all()],
            "certifications": [fields_of(c, hide={"persona"}) for c in persona.certifications.all()],
            "stories": [fields_of(s, hide={"persona"}) for s in persona.stories.all()],
            "dealbreakers": [fields_of(d, hide={"persona"}) for d in persona.dealbreakers.all()],
            "voice": fields_of(voice, hide={"persona"}) if voice else None,
        }


def _job_links(user: Any) -> Iterator[dict[str, Any]]:
    links = (
        PersonaJob.objects.for_user(user)
        .select_related("posting")
        .prefetch_related("posting__skills")
        .order_by("discovered_at", "id")
    )
    batch: list = []
    for link in links.iterator(chunk_size=CHUNK):
        batch.append(link)
        if len(batch) == CHUNK:
            yield from _explained(batch)
            batch = []
    yield from _explained(batch)


def _explained(links: list) -> Iterator[dict[str, Any]]:
    # Surfaced links are explained on first read; the export computes what is missing without writing.
    explain_links(links, save=False)
    for link in links:
        yield {**fields_of(link), "job": job_facts(link.posting)}


def everything_json(user: Any) -> Iterator[str]:
    """All of the user's data as one JSON document, section by section (each section a constant
    number of queries, rows fetched in chunks)."""
    prefs = settings_for(user)
    account = {"email": user.email, "name": user.name, "theme": user.theme, "date_joined": user.date_joined}
    yield (
        f'{{"format": "{FORMAT}", "version": {VERSION}, "exported_at": {_json(timezone.now())}, '
        f'"account": {_json(account)}, "tracker_settings": {_json(fields_of(prefs, hide={"id"}))}'
    )
    sections = (
        ("personas", _personas(user)),
        ("job_links", _job_links(user)),
        ("applications", (application_record(a) for a in applications_for_export(user).iterator(chunk_size=CHUNK))),
        ("saved_views", (fields_of(v) for v in SavedView.objects.for_user(user).order_by("name").iterator(chunk_size=CHUNK))),
    )
    for name, rows in sections:
        yield f', "{name}": ['
        yield from _array(rows)
        yield "]"
    yield "}\n"
