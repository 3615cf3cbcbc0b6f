"""Operators' view of scouting: source health, runs and search profiles (read-mostly)."""

from __future__ import annotations

from django.contrib import admin

from scouter.models import PollingConfiguration, ScoutRun, SearchProfile, SourceHealth
from tenancy.admin import OwnedAdmin


@admin.register(SourceHealth)
class SourceHealthAdmin(admin.ModelAdmin):
    list_display = (
        "source_key", "success_count", "partial_count", "failure_count", "skipped_count", "rate_limited_count",
        "down_count", "timeout_count", "network_count", "bad_payload_count", "last_success_at", "last_error_at",
    )
    search_fields = ("source_key", "last_error")
    readonly_fields = [f.name for f in SourceHealth._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False  # rows are created by runs


@admin.register(ScoutRun)
class ScoutRunAdmin(OwnedAdmin):
    list_display = ("id", "persona", "owner", "trigger", "status", "created_at", "sources_done", "sources_total", "found", "new", "already_pooled", "errors")
    list_filter = ("status", "trigger")
    list_select_related = ("owner", "persona")
    search_fields = ("id", "owner__email")
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in ScoutRun._meta.fields]


@admin.register(SearchProfile)
class SearchProfileAdmin(OwnedAdmin):
    list_display = ("persona", "owner", "is_stale", "edited_by_user", "approved_at", "updated_at")
    list_filter = ("is_stale", "edited_by_user")
    list_select_related = ("owner", "persona")
    search_fields = ("owner__email",)
    readonly_fields = [f.name for f in SearchProfile._meta.fields]


@admin.register(PollingConfiguration)
class PollingConfigurationAdmin(OwnedAdmin):
    list_display = ("persona", "owner", "next_poll_at", "last_poll_at")
    list_select_related = ("owner", "persona")
    search_fields = ("owner__email",)
    readonly_fields = ("owner", "persona", "last_poll_at", "created_at", "updated_at")
    fields = ("owner", "persona", "next_poll_at", "last_poll_at", "created_at", "updated_at")
