"""Interviews: schedule, update (cancel included), each logged on the timeline."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from jobpool import content_security
from jobpool.content_security import ContentSecurityViolation
from tracker.models import Application, EventKind, Interview, InterviewStatus
from tracker.services.timeline import record_event

FIELDS = (
    "scheduled_at", "time_zone", "duration_minutes", "stage", "kind", "location", "meeting_url",
    "interviewer", "status", "notes",
)


def _check(values: dict[str, Any]) -> None:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({name: "Unknown field." for name in unknown})
    when = values.get("scheduled_at")
    if when is not None and timezone.is_naive(when):
        raise ValidationError({"scheduled_at": "Give the time with its time zone."})
    try:
        content_security.check_fields({k: v for k, v in values.items() if isinstance(v, str) and v and k != "time_zone"})
    except ContentSecurityViolation as violation:
        raise ValidationError({violation.field: "This text looks like instructions to an AI system and was refused."})


def _summary(interview: Interview) -> dict[str, Any]:
    return {
        "interview_id": interview.pk,
        "scheduled_at": interview.scheduled_at,
        "time_zone": interview.time_zone,
        "stage": interview.stage,
        "kind": interview.kind,
        "interviewer": interview.interviewer,
        "status": interview.status,
    }


def _when(interview: Interview) -> str:
    return f"{interview.local_start:%a %d %b %Y, %H:%M} ({interview.time_zone})"


def schedule_interview(application: Application, **values: Any) -> Interview:
    """Side effects: inserts the Interview (owner from the application); `interview_scheduled` event."""
    _check(values)
    interview = Interview(owner_id=application.owner_id, application=application, **values)
    interview.full_clean(exclude=["application"])
    with transaction.atomic():
        interview.save()
        record_event(
            application,
            EventKind.INTERVIEW_SCHEDULED,
            f"{interview.get_stage_display()} interview scheduled for {_when(interview)}",
            data=_summary(interview),
        )
    return interview


def update_interview(interview: Interview, **values: Any) -> Interview:
    """Change an interview; a change of status to cancelled is logged as a cancellation.

    Side effects: saves the changed fields (bumping the ICS sequence);
    `interview_updated` / `interview_cancelled` event {changes: {field: {from, to}}, ...current}.
    """
    _check(values)
    changes = {}
    for name, value in values.items():
        old = getattr(interview, name)
        if old != value:
            changes[name] = {"from": old, "to": value}
            setattr(interview, name, value)
    if not changes:
        return interview
    interview.full_clean(exclude=["application"])
    cancelled = changes.get("status", {}).get("to") == InterviewStatus.CANCELLED
    interview.sequence += 1
    with transaction.atomic():
        interview.save(update_fields=[*changes, "sequence", "updated_at"])
        if cancelled:
            kind, message = EventKind.INTERVIEW_CANCELLED, f"{interview.get_stage_display()} interview on {_when(interview)} cancelled"
        else:
            kind, message = EventKind.INTERVIEW_UPDATED, f"{interview.get_stage_display()} interview updated ({', '.join(changes)})"
        record_event(interview.application, kind, message, data={"changes": changes, **_summary(interview)})
    return interview


def cancel_interview(interview: Interview) -> Interview:
    """Side effects: as update_interview with status cancelled."""
    return update_interview(interview, status=InterviewStatus.CANCELLED)


def delete_interview(interview: Interview) -> None:
    """Remove an interview entered by mistake. Side effects: deletes it; `interview_cancelled` event (deleted)."""
    application = interview.application
    summary = _summary(interview)
    with transaction.atomic():
        interview.delete()
        record_event(application, EventKind.INTERVIEW_CANCELLED, f"{_when_label(summary)} interview removed", data={**summary, "deleted": True})


def _when_label(summary: dict[str, Any]) -> str:
    return str(summary["stage"]).replace("_", " ").capitalize()
