"""Shapes of the tracker API. Ids in bodies (persona, persona_job) resolve through the caller's scope."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jobpool.models import PersonaJob
from personas.models import Persona
from tenancy.api import OwnedRelatedField
from tracker import transitions
from tracker.models import (
    Application,
    Interview,
    Layout,
    Note,
    Priority,
    SavedView,
    Sort,
    Status,
    TimelineEvent,
)
from tracker.services.applications import QUICK_ACTIONS
from tracker.tagging import MAX_TAG_LENGTH, MAX_TAGS

APPLICATION_FIELDS = (
    "id", "persona", "persona_job", "status", "column", "company_name", "title", "location", "job_url",
    "applied_on", "priority", "source", "referral", "salary_currency", "salary_expected", "salary_offered",
    "next_action_title", "next_action_at", "last_action_at", "last_activity_at", "is_pinned", "archived_at",
    "tags", "needs_follow_up", "allowed_statuses", "created_at", "updated_at",
)


class ApplicationSerializer(serializers.ModelSerializer):
    persona = serializers.UUIDField(source="persona_id", read_only=True)
    persona_job = serializers.UUIDField(source="persona_job_id", read_only=True, allow_null=True)
    column = serializers.SerializerMethodField(help_text="The board column: applied, interviewing, offer or closed.")
    tags = serializers.SerializerMethodField()
    needs_follow_up = serializers.SerializerMethodField()
    allowed_statuses = serializers.SerializerMethodField(help_text="Statuses this application may move to now.")

    class Meta:
        model = Application
        fields = APPLICATION_FIELDS
        read_only_fields = fields

    def get_column(self, obj: Application) -> str:
        return transitions.COLUMN_OF[obj.status]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_tags(self, obj: Application) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    def get_needs_follow_up(self, obj: Application) -> bool:
        return bool(getattr(obj, "needs_follow_up", False))

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_allowed_statuses(self, obj: Application) -> list[str]:
        return list(transitions.allowed_targets(obj.status))


class ApplicationDetailSerializer(ApplicationSerializer):
    job_snapshot = serializers.JSONField(read_only=True, help_text="The job's facts, frozen when the application started.")

    class Meta(ApplicationSerializer.Meta):
        fields = (*APPLICATION_FIELDS, "job_snapshot")
        read_only_fields = fields


class ApplicationCreateSerializer(serializers.Serializer):
    """Either `persona_job` (a job link of yours) or `persona` with `company_name` and `title`."""

    persona_job = OwnedRelatedField(model=PersonaJob, required=False, allow_null=True, help_text="Your job link's id.")
    persona = OwnedRelatedField(model=Persona, required=False, allow_null=True)
    company_name = serializers.CharField(max_length=200, required=False)
    title = serializers.CharField(max_length=300, required=False)
    location = serializers.CharField(max_length=300, required=False, allow_blank=True)
    job_url = serializers.URLField(max_length=2000, required=False, allow_blank=True)
    description = serializers.CharField(
        max_length=100_000, required=False, allow_blank=True,
        help_text="Optional pasted job description: it goes through the pool's intake and content checks.",
    )
    applied_on = serializers.DateField(required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    source = serializers.CharField(max_length=120, required=False, allow_blank=True)
    referral = serializers.CharField(max_length=200, required=False, allow_blank=True)
    salary_currency = serializers.CharField(max_length=3, required=False, allow_blank=True)
    salary_expected = serializers.IntegerField(min_value=0, max_value=100_000_000, required=False, allow_null=True)
    tags = serializers.ListField(child=serializers.CharField(max_length=200), required=False, max_length=MAX_TAGS * 2)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("persona_job"):
            return attrs
        missing = {name: "This field is required." for name in ("persona", "company_name", "title") if not attrs.get(name)}
        if missing:
            raise serializers.ValidationError({**missing, "persona_job": "Or give one of your job links instead."})
        return attrs


class ApplicationUpdateSerializer(serializers.Serializer):
    """Partial changes. `status` goes through the state machine (422 INVALID_TRANSITION when refused)."""

    status = serializers.ChoiceField(choices=Status.choices, required=False)
    company_name = serializers.CharField(max_length=200, required=False)
    title = serializers.CharField(max_length=300, required=False)
    location = serializers.CharField(max_length=300, required=False, allow_blank=True)
    job_url = serializers.URLField(max_length=2000, required=False, allow_blank=True)
    applied_on = serializers.DateField(required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    source = serializers.CharField(max_length=120, required=False, allow_blank=True)
    referral = serializers.CharField(max_length=200, required=False, allow_blank=True)
    salary_currency = serializers.CharField(max_length=3, required=False, allow_blank=True)
    salary_expected = serializers.IntegerField(min_value=0, max_value=100_000_000, required=False, allow_null=True)
    salary_offered = serializers.IntegerField(min_value=0, max_value=100_000_000, required=False, allow_null=True)
    is_pinned = serializers.BooleanField(required=False)
    tags = serializers.ListField(child=serializers.CharField(max_length=200), required=False, max_length=MAX_TAGS * 2)


class TagsSerializer(serializers.Serializer):
    tags = serializers.ListField(
        child=serializers.CharField(max_length=200), max_length=MAX_TAGS * 2,
        help_text=f"The whole set (replaces the current one): trimmed, lowercased, ≤ {MAX_TAG_LENGTH} characters, ≤ {MAX_TAGS}.",
    )


class TagSuggestionsSerializer(serializers.Serializer):
    tags = serializers.ListField(child=serializers.CharField())


class NextActionSerializer(serializers.Serializer):
    """Either `quick` or `title` with `due_at`."""

    quick = serializers.ChoiceField(choices=[(k, v[0]) for k, v in QUICK_ACTIONS.items()], required=False)
    title = serializers.CharField(max_length=200, required=False)
    due_at = serializers.DateTimeField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("quick"):
            return attrs
        if not attrs.get("title") or not attrs.get("due_at"):
            raise serializers.ValidationError({"title": "Give a title and due_at, or a quick action."})
        return attrs


class TimelineEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = TimelineEvent
        fields = ("id", "kind", "message", "data", "created_at")
        read_only_fields = ("id", "kind", "data", "created_at")
        extra_kwargs = {"message": {"help_text": "What happened, in your words (for a manual entry)."}}


class NoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Note
        fields = ("id", "body", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")


INTERVIEW_FIELDS = (
    "id", "application", "scheduled_at", "time_zone", "duration_minutes", "stage", "kind", "location",
    "meeting_url", "interviewer", "status", "notes", "created_at", "updated_at",
)


class InterviewSerializer(serializers.ModelSerializer):
    application = serializers.UUIDField(source="application_id", read_only=True)

    class Meta:
        model = Interview
        fields = INTERVIEW_FIELDS
        read_only_fields = ("id", "application", "created_at", "updated_at")


class InterviewListSerializer(InterviewSerializer):
    company_name = serializers.CharField(source="application.company_name", read_only=True)
    title = serializers.CharField(source="application.title", read_only=True)

    class Meta(InterviewSerializer.Meta):
        fields = (*INTERVIEW_FIELDS, "company_name", "title")
        read_only_fields = fields


class SavedViewSerializer(serializers.ModelSerializer):
    filters = serializers.JSONField(
        required=False, help_text="status[], tag[], priority[], persona, follow_up, applied_from, applied_to, include_inactive."
    )
    sort = serializers.ChoiceField(choices=Sort.choices, required=False)
    layout = serializers.ChoiceField(choices=Layout.choices, required=False)

    class Meta:
        model = SavedView
        fields = ("id", "name", "search", "filters", "sort", "layout", "is_default", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")

    def validate_filters(self, value: Any) -> dict[str, Any]:
        from tracker.filters import FilterForm

        if not isinstance(value, dict):
            raise serializers.ValidationError("An object of filters.")
        form = FilterForm({k: v for k, v in value.items() if k not in ("q", "sort", "layout")})
        if not form.is_valid():
            raise serializers.ValidationError({k: v for k, v in form.errors.items()})
        return form.filters().as_dict()
