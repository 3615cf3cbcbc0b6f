"""Application tracking: every row here is owned (tenancy base) and belongs to one user.

Application (one job a persona applied to, with a frozen job snapshot), its
immutable TimelineEvents, Interviews, Notes and ApplicationTags; SavedViews
and TrackerSettings are per user. See docs/tracker.md.
"""

from tracker.models.applications import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Application,
    ApplicationTag,
    Note,
    Priority,
    Status,
)
from tracker.models.events import EventKind, ImmutableEventError, TimelineEvent
from tracker.models.interviews import Interview, InterviewKind, InterviewStage, InterviewStatus
from tracker.models.preferences import Layout, SavedView, Sort, TrackerSettings

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "Application",
    "ApplicationTag",
    "EventKind",
    "ImmutableEventError",
    "Interview",
    "InterviewKind",
    "InterviewStage",
    "InterviewStatus",
    "Layout",
    "Note",
    "Priority",
    "SavedView",
    "Sort",
    "Status",
    "TimelineEvent",
    "TrackerSettings",
]
