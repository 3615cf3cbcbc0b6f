"""An application's parts on its page: tags, notes, interviews (with their ICS), timeline entries."""

from __future__ import annotations

import datetime
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from tenancy.shortcuts import get_owned_or_404
from tracker import selectors, services
from tracker.downloads import ics_response
from tracker.forms import InterviewForm, ManualEventForm, NoteForm, TagsForm
from tracker.models import Interview, Note
from tracker.views.applications import apply_errors
from tracker.views.context import TIMELINE_PAGE, render_detail


def _done(request: HttpRequest, application, message: str, **forms) -> HttpResponse:
    """HTMX: the page body again (with any form errors); otherwise back to the page with a message."""
    invalid = any(form is not None and form.errors for form in forms.values())
    if request.htmx:
        return render_detail(request, application, partial="detail-body", **forms)
    if invalid:
        return render_detail(request, application, status=400, **forms)
    messages.success(request, message)
    return redirect("tracker:detail", pk=application.pk)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def tags_update(request: HttpRequest, pk: UUID) -> HttpResponse:
    """Replace the tags (`tags`), or add one (`add`) / remove one (`remove`)."""
    application = selectors.application_detail(request.user, pk)
    form = TagsForm(request.POST)
    if "add" in request.POST:
        if request.POST["add"].strip():
            services.add_tags(application, [request.POST["add"]])
        return _done(request, application, "Tag added.")
    if "remove" in request.POST:
        services.remove_tag(application, request.POST["remove"])
        return _done(request, application, "Tag removed.")
    if form.is_valid():
        try:
            services.set_tags(application, form.cleaned_data["tags"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            form = None
    return _done(request, application, "Tags saved.", tags_form=form)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def note_add(request: HttpRequest, pk: UUID) -> HttpResponse:
    application = selectors.application_detail(request.user, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.add_note(application, body=form.cleaned_data["body"])
        form = None
    return _done(request, application, "Note added.", note_form=form)


def _note(request: HttpRequest, pk: UUID, note_pk: UUID) -> Note:
    application = selectors.application_detail(request.user, pk)
    note = get_owned_or_404(Note, request.user, pk=note_pk, application=application)
    note.application = application
    return note


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def note_edit(request: HttpRequest, pk: UUID, note_pk: UUID) -> HttpResponse:
    note = _note(request, pk, note_pk)
    form = NoteForm(request.POST or None, initial={"body": note.body}, prefix=f"note-{note.pk}")
    if request.method == "POST" and form.is_valid():
        services.edit_note(note, body=form.cleaned_data["body"])
        return _done(request, note.application, "Note saved.")
    template = "tracker/note_edit.html#note-form" if request.htmx else "tracker/note_edit.html"
    return render(request, template, {"note": note, "application": note.application, "form": form})


@login_required
@require_POST
@vary_on_headers("HX-Request")
def note_delete(request: HttpRequest, pk: UUID, note_pk: UUID) -> HttpResponse:
    note = _note(request, pk, note_pk)
    application = note.application
    services.delete_note(note)
    return _done(request, application, "Note deleted.")


@login_required
@require_POST
@vary_on_headers("HX-Request")
def event_add(request: HttpRequest, pk: UUID) -> HttpResponse:
    """Log something that happened ("Called the recruiter")."""
    application = selectors.application_detail(request.user, pk)
    form = ManualEventForm(request.POST)
    if form.is_valid():
        services.add_manual_event(application, message=form.cleaned_data["message"])
        form = None
    return _done(request, application, "Logged.", event_form=form)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def timeline_more(request: HttpRequest, pk: UUID) -> HttpResponse:
    """Older timeline events, after the (created_at, id) cursor of the last one shown."""
    application = selectors.application_detail(request.user, pk)
    at = parse_datetime(request.GET.get("before_at", "") or "")
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=datetime.UTC)
    try:
        before = (at, UUID(request.GET.get("before_id", ""))) if at else None
    except ValueError:
        raise Http404("Bad cursor.")
    events, has_more = selectors.timeline_page(application, before=before, limit=TIMELINE_PAGE)
    context = {"application": application, "events": events, "has_more_events": has_more, "prefs": services.settings_for(request.user)}
    template = "tracker/timeline.html#timeline-items" if request.htmx else "tracker/timeline.html"
    return render(request, template, context)


def _interview(request: HttpRequest, pk: UUID, interview_pk: UUID) -> Interview:
    application = selectors.application_detail(request.user, pk)
    interview = get_owned_or_404(Interview, request.user, pk=interview_pk, application=application)
    interview.application = application
    return interview


@login_required
@require_http_methods(["GET", "POST"])
def interview_new(request: HttpRequest, pk: UUID) -> HttpResponse:
    application = selectors.application_detail(request.user, pk)
    prefs = services.settings_for(request.user)
    form = InterviewForm(request.POST or None, initial={"time_zone": prefs.time_zone})
    if request.method == "POST" and form.is_valid():
        try:
            services.schedule_interview(application, **form.values())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Interview scheduled.")
            return redirect(f"{application_url(application)}#interviews")
    return render(request, "tracker/interview_form.html", {"application": application, "form": form, "interview": None})


@login_required
@require_http_methods(["GET", "POST"])
def interview_edit(request: HttpRequest, pk: UUID, interview_pk: UUID) -> HttpResponse:
    interview = _interview(request, pk, interview_pk)
    form = InterviewForm(request.POST or None, instance=interview, initial={"time_zone": interview.time_zone})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_interview(interview, **form.values())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Interview updated.")
            return redirect(f"{application_url(interview.application)}#interviews")
    context = {"application": interview.application, "form": form, "interview": interview}
    return render(request, "tracker/interview_form.html", context)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def interview_cancel(request: HttpRequest, pk: UUID, interview_pk: UUID) -> HttpResponse:
    interview = _interview(request, pk, interview_pk)
    services.cancel_interview(interview)
    return _done(request, interview.application, "Interview cancelled.")


@login_required
@require_GET
def interview_ics(request: HttpRequest, pk: UUID, interview_pk: UUID) -> HttpResponse:
    return ics_response(_interview(request, pk, interview_pk))


def application_url(application) -> str:
    from django.urls import reverse

    return reverse("tracker:detail", kwargs={"pk": application.pk})
