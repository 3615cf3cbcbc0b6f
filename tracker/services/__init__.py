"""Every write of the tracker. Each function's docstring names its side effects.

applications: start_from_job, create_from_scratch, update_details, change_status, reopen,
    set_next_action, apply_quick_action, complete_next_action, delete_application, note_expired_jobs
timeline: record_event (the one writer of events), add_manual_event
notes / interviews / tags / preferences: as named.
"""

from tracker.services.applications import (
    QUICK_ACTIONS,
    AlreadyTracked,
    apply_quick_action,
    change_status,
    complete_next_action,
    create_from_scratch,
    delete_application,
    note_expired_jobs,
    reopen,
    set_next_action,
    start_from_job,
    update_details,
)
from tracker.services.interviews import cancel_interview, delete_interview, schedule_interview, update_interview
from tracker.services.notes import add_note, delete_note, edit_note
from tracker.services.preferences import delete_view, save_view, set_default_view, settings_for, update_view
from tracker.services.tags import add_tags, remove_tag, set_tags
from tracker.services.timeline import add_manual_event, record_event

__all__ = [
    "QUICK_ACTIONS",
    "AlreadyTracked",
    "add_manual_event",
    "add_note",
    "add_tags",
    "apply_quick_action",
    "cancel_interview",
    "change_status",
    "complete_next_action",
    "create_from_scratch",
    "delete_application",
    "delete_interview",
    "delete_note",
    "delete_view",
    "edit_note",
    "note_expired_jobs",
    "record_event",
    "remove_tag",
    "reopen",
    "save_view",
    "schedule_interview",
    "set_default_view",
    "set_next_action",
    "set_tags",
    "settings_for",
    "start_from_job",
    "update_details",
    "update_interview",
    "update_view",
]
