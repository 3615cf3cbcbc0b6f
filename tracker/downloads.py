"""File responses shared by the pages and the API."""

from __future__ import annotations

from django.http import HttpResponse

from tracker import ics, selectors
from tracker.models import Interview


def ics_response(interview: Interview) -> HttpResponse:
    """The interview as a downloadable .ics file (its application must be loaded)."""
    body = ics.render(selectors.interview_calendar_event(interview))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.local_start:%Y-%m-%d}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
