"""Operators' admin for the tracker: read-mostly views of users' applications (through tenancy.admin.OwnedAdmin)."""

from __future__ import annotations

from django.contrib import admin

from tenancy.admin import OwnedAdmin
from tracker.models import Application, Interview, Note, SavedView, TimelineEvent, TrackerSettings


@admin.register(Application)
class ApplicationAdmin(OwnedAdmin):
    list_display = ("title", "company_name", "status", "priority", "owner", "last_activity_at")
    list_filter = ("status", "priority")
    search_fields = ("title", "company_name", "owner__email")
    list_select_related = ("owner",)
    readonly_fields = ("owner", "persona", "persona_job", "job_snapshot", "status", "status_before_close", "search_text")


@admin.register(TimelineEvent)
class TimelineEventAdmin(OwnedAdmin):
    """Events are immutable: the admin shows them and nothing else."""

    list_display = ("kind", "message", "owner", "created_at")
    list_filter = ("kind",)
    search_fields = ("message", "owner__email")
    list_select_related = ("owner",)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Interview)
class InterviewAdmin(OwnedAdmin):
    list_display = ("application", "stage", "kind", "status", "scheduled_at", "owner")
    list_filter = ("status", "kind", "stage")
    search_fields = ("interviewer", "owner__email")
    list_select_related = ("owner", "application")
    readonly_fields = ("owner", "application")


@admin.register(Note)
class NoteAdmin(OwnedAdmin):
    list_display = ("application", "owner", "created_at")
    search_fields = ("owner__email",)
    list_select_related = ("owner", "application")
    readonly_fields = ("owner", "application")


@admin.register(SavedView)
class SavedViewAdmin(OwnedAdmin):
    list_display = ("name", "layout", "is_default", "owner")
    search_fields = ("name", "owner__email")


@admin.register(TrackerSettings)
class TrackerSettingsAdmin(OwnedAdmin):
    list_display = ("owner", "default_layout", "follow_up_days", "time_zone", "digest_opt_out")
    search_fields = ("owner__email",)
