"""The application page's context, shared by its full render and its HTMX partial."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tracker import selectors, services, transitions
from tracker.forms import InterviewForm, ManualEventForm, NextActionForm, NoteForm, TagsForm
from tracker.models import Application, Interview, Note
from tracker.services.applications import QUICK_ACTIONS

TIMELINE_PAGE = 20


def detail_context(request: HttpRequest, application: Application, **overrides: Any) -> dict[str, Any]:
    user = request.user
    prefs = services.settings_for(user)
    events, has_more = selectors.timeline_page(application, before=None, limit=TIMELINE_PAGE)
    tags = [tag.name for tag in application.tags.all()]
    now = timezone.now()
    due = application.next_action_at is not None and application.next_action_at <= now
    context = {
        "application": application,
        "prefs": prefs,
        "events": events,
        "has_more_events": has_more,
        "interviews": list(Interview.objects.for_user(user).filter(application=application).order_by("-scheduled_at")),
        "notes": list(Note.objects.for_user(user).filter(application=application).order_by("-created_at")),
        "tags": tags,
        "tag_suggestions": [t for t in selectors.tag_suggestions(user, limit=15) if t not in tags][:10],
        "allowed": [(s, transitions.label(s)) for s in transitions.allowed_targets(application.status)],
        "is_closed": application.is_closed,
        "next_due": due,
        "quick_actions": [(key, label) for key, (label, _, _) in QUICK_ACTIONS.items()],
        "next_form": NextActionForm(time_zone=prefs.time_zone),
        "tags_form": TagsForm(initial={"tags": ", ".join(tags)}),
        "note_form": NoteForm(),
        "event_form": ManualEventForm(),
        "interview_form": InterviewForm(initial={"time_zone": prefs.time_zone}),
        "error": "",
    }
    context.update({k: v for k, v in overrides.items() if v is not None})
    return context


def render_detail(
    request: HttpRequest, application: Application, *, partial: str | None = None, status: int = 200, **overrides: Any
) -> HttpResponse:
    context = detail_context(request, application, **overrides)
    template = f"tracker/detail.html#{partial}" if partial else "tracker/detail.html"
    return render(request, template, context, status=status)
