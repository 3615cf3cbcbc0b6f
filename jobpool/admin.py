"""Operators' admin: the moderation queue, sources, and read-only views of links and reports.

The queue is the JobPosting changelist filtered to quarantined / held /
reported / expiring-soon postings. Approve, reject and hold ask for a reason
on an intermediate page and call jobpool.quarantine, which records who and when.
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from jobpool import quarantine
from jobpool.models import (
    JobPosting,
    JobReport,
    JobSighting,
    JobSkill,
    JobSource,
    ModerationAction,
    PersonaJob,
    QuarantineStatus,
    ReportStatus,
)
from tenancy.admin import OwnedAdmin

EXPIRING_SOON = datetime.timedelta(days=2)


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason (recorded in the moderation log)", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class QueueFilter(admin.SimpleListFilter):
    title = "moderation queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("quarantined", "Quarantined or held"),
            ("held", "Held for review"),
            ("reported", "Has open reports"),
            ("expiring", f"Quarantine ends within {EXPIRING_SOON.days} days"),
            ("rejected", "Rejected"),
        ]

    def queryset(self, request, queryset: QuerySet[JobPosting]):
        value = self.value()
        if value == "quarantined":
            return queryset.in_quarantine()
        if value == "held":
            return queryset.filter(quarantine_status=QuarantineStatus.HELD)
        if value == "reported":
            return queryset.filter(reports__status=ReportStatus.OPEN).distinct()
        if value == "expiring":
            return queryset.expiring_within(EXPIRING_SOON)
        if value == "rejected":
            return queryset.filter(quarantine_status=QuarantineStatus.REJECTED)
        return queryset


class JobSkillInline(admin.TabularInline):
    model = JobSkill
    extra = 0
    fields = ("name", "kind", "is_required", "years_requested")


class JobSightingInline(admin.TabularInline):
    model = JobSighting
    extra = 0
    can_delete = False
    fields = ("source", "external_id", "url", "method", "decision", "reason", "confidence", "seen_at", "last_seen_at")
    readonly_fields = fields
    ordering = ("-last_seen_at",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class ModerationActionInline(admin.TabularInline):
    model = ModerationAction
    extra = 0
    can_delete = False
    fields = ("created_at", "action", "actor", "reason")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


def _moderate(modeladmin, request: HttpRequest, queryset, *, service, verb: str):
    """Ask for a reason, then apply `service` to every selected posting."""
    if "apply" in request.POST:
        form = ModerationReasonForm(request.POST)
        if form.is_valid():
            done, skipped = 0, 0
            for posting in queryset:
                try:
                    service(posting, actor=request.user, reason=form.cleaned_data["reason"])
                    done += 1
                except quarantine.ModerationError:
                    skipped += 1
            modeladmin.message_user(request, f"{verb.capitalize()}: {done} posting(s).", messages.SUCCESS)
            if skipped:
                modeladmin.message_user(request, f"Skipped {skipped} rejected posting(s).", messages.WARNING)
            return None
    else:
        form = ModerationReasonForm()
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"{verb.capitalize()} postings",
        "verb": verb,
        "postings": queryset,
        "form": form,
        "action": request.POST.get("action"),
        "opts": modeladmin.model._meta,
        "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
    }
    return TemplateResponse(request, "admin/jobpool/moderation_action.html", context)


@admin.register(JobPosting)
class JobPostingAdmin(admin.ModelAdmin):
    list_display = (
        "title", "company_name", "source", "quarantine_status", "quarantine_expires_at", "open_reports",
        "is_active", "first_seen_at",
    )
    list_filter = (QueueFilter, "quarantine_status", "is_active", "source", "work_model")
    list_select_related = ("source",)
    search_fields = ("title", "company_name", "external_id", "location")
    ordering = ("quarantine_expires_at", "-first_seen_at")
    date_hierarchy = "first_seen_at"
    raw_id_fields = ("previous_posting",)
    readonly_fields = (
        "id", "content_hash", "title_canonical", "company_canonical", "location_canonical", "first_seen_at",
        "last_verified_at", "repost_count", "quarantine_status", "quarantined_at", "quarantine_expires_at",
        "is_active", "expired_at",
    )
    inlines = (JobSkillInline, JobSightingInline, ModerationActionInline)
    actions = ("approve", "reject", "hold")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            open_report_count=Count("reports", filter=Q(reports__status=ReportStatus.OPEN))
        )

    @admin.display(description="open reports", ordering="open_report_count")
    def open_reports(self, obj: JobPosting) -> int:
        return obj.open_report_count

    @admin.action(description="Approve (release from quarantine)", permissions=["change"])
    def approve(self, request, queryset):
        return _moderate(self, request, queryset, service=quarantine.approve_posting, verb="approve")

    @admin.action(description="Reject (withdraw the posting)", permissions=["change"])
    def reject(self, request, queryset):
        return _moderate(self, request, queryset, service=quarantine.reject_posting, verb="reject")

    @admin.action(description="Hold for review", permissions=["change"])
    def hold(self, request, queryset):
        return _moderate(self, request, queryset, service=quarantine.hold_posting, verb="hold")


@admin.register(JobSource)
class JobSourceAdmin(admin.ModelAdmin):
    list_display = ("name", "key", "kind", "is_enabled")
    list_filter = ("kind", "is_enabled")
    search_fields = ("name", "key")


@admin.register(JobReport)
class JobReportAdmin(OwnedAdmin):
    """Reports are decided through the posting's approve / reject actions; this list is for reading them."""

    list_display = ("posting", "reason", "status", "created_at", "decided_by", "decided_at")
    list_filter = ("status", "reason")
    list_select_related = ("owner", "posting", "decided_by")
    search_fields = ("posting__title", "posting__company_name", "note")
    readonly_fields = (
        "owner", "posting", "reason", "note", "created_at", "status", "decided_at", "decided_by", "decision_note",
    )


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "posting", "actor", "reason")
    list_filter = ("action",)
    list_select_related = ("posting", "actor")
    search_fields = ("posting__title", "reason")
    readonly_fields = ("posting", "action", "actor", "reason", "created_at")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PersonaJob)
class PersonaJobAdmin(OwnedAdmin):
    list_display = ("id", "posting", "status", "discovery_method", "fit_score", "discovered_at")
    list_filter = ("status", "discovery_method")
    list_select_related = ("owner", "posting")
    raw_id_fields = ("persona", "posting")

