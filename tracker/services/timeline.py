"""The timeline writer: the one place events are created."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from tracker.models import Application, EventKind, TimelineEvent

MAX_MESSAGE = 500


def _json_safe(data: dict[str, Any]) -> dict[str, Any]:
    import json

    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def record_event(
    application: Application,
    kind: str,
    message: str,
    *,
    data: dict[str, Any] | None = None,
    at: datetime.datetime | None = None,
    bump_activity: bool = True,
) -> TimelineEvent:
    """Append one event to the application's timeline.

    Side effects: inserts a TimelineEvent (owner copied from the application);
    moves the application's last_activity_at to the event time unless told not to.
    """
    when = at or timezone.now()
    event = TimelineEvent.objects.create(
        owner_id=application.owner_id,
        application=application,
        kind=kind,
        message=message[:MAX_MESSAGE],
        data=_json_safe(data or {}),
        created_at=when,
    )
    if bump_activity and application.last_activity_at < when:
        application.last_activity_at = when
        Application.objects.for_owner_id(application.owner_id).filter(pk=application.pk).update(last_activity_at=when)
    return event


def add_manual_event(application: Application, *, message: str) -> TimelineEvent:
    """A note-like entry the user logs by hand ("Called the recruiter").

    Side effects: inserts a TimelineEvent of kind `manual`; bumps last_activity_at.
    """
    message = message.strip()
    if not message:
        from django.core.exceptions import ValidationError

        raise ValidationError({"message": "Write what happened."})
    return record_event(application, EventKind.MANUAL, message)
