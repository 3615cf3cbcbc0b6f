"""Request and response shapes of the job-postings API (users address jobs by their link's id)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from jobpool.models import PersonaJob, ReportReason, SalaryPeriod, WorkModel
from jobpool.selectors import job_facts


class StrictSerializer(serializers.Serializer):
    """Unknown keys are a 400, never silently dropped."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return attrs


class ManualPostingSerializer(StrictSerializer):
    persona = serializers.UUIDField()
    title = serializers.CharField(max_length=300)
    company_name = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=50_000)
    source_url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    apply_url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    location = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    work_model = serializers.ChoiceField(choices=WorkModel.choices, required=False, default=WorkModel.UNKNOWN)
    salary_min = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True, default=None)
    salary_max = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True, default=None)
    salary_currency = serializers.CharField(max_length=3, required=False, allow_blank=True, default="")
    salary_period = serializers.ChoiceField(choices=SalaryPeriod.choices, required=False, allow_blank=True, default="")


class IngestSerializer(StrictSerializer):
    persona = serializers.UUIDField()
    raw_text = serializers.CharField(min_length=1, max_length=50_000, trim_whitespace=True)
    source_url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")


class ModificationsSerializer(StrictSerializer):
    """Exactly jobpool.services.EDITABLE_FIELDS (a test keeps them in step)."""

    title = serializers.CharField(max_length=300, required=False)
    company_name = serializers.CharField(max_length=200, required=False)
    location = serializers.CharField(max_length=300, required=False, allow_blank=True)
    salary_min = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True)
    salary_max = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True)
    salary_currency = serializers.CharField(max_length=3, required=False, allow_blank=True)
    salary_period = serializers.ChoiceField(choices=SalaryPeriod.choices, required=False, allow_blank=True)
    work_model = serializers.ChoiceField(choices=WorkModel.choices, required=False)
    culture_text = serializers.CharField(max_length=5_000, required=False, allow_blank=True)
    skills = serializers.ListField(child=serializers.CharField(max_length=100), max_length=100, required=False)


class IngestConfirmSerializer(StrictSerializer):
    token = serializers.UUIDField()
    modifications = serializers.DictField(required=False, default=dict)

    def validate_modifications(self, value: dict[str, Any]) -> dict[str, Any]:
        inner = ModificationsSerializer(data=value)
        inner.is_valid(raise_exception=True)
        return {k: (str(v) if v is not None and k.startswith("salary_m") else v) for k, v in inner.validated_data.items()}


class JobLinkSerializer(serializers.ModelSerializer):
    """A link as its owner sees it: their own fields plus the job's facts under `job`."""

    job = serializers.SerializerMethodField()

    class Meta:
        model = PersonaJob
        fields = [
            "id", "persona", "status", "is_favorite", "dismissed_at", "fit_score", "stretch_score",
            "failed_dealbreakers", "score_details", "discovered_at", "scored_at", "job",
        ]
        read_only_fields = fields

    def get_job(self, link: PersonaJob) -> dict[str, Any]:
        return job_facts(link.posting)


class IngestPreviewSerializer(serializers.Serializer):
    token = serializers.UUIDField()
    expires_at = serializers.DateTimeField()
    preview = serializers.DictField()


class FeedQuerySerializer(serializers.Serializer):
    """Query parameters of the feed (GET /api/v1/job-postings/)."""

    persona = serializers.UUIDField(required=False)
    status = serializers.ChoiceField(choices=["discovered", "dismissed", "applied", "all"], required=False, default="discovered")
    min_fit = serializers.IntegerField(min_value=0, max_value=100, required=False)
    favorites = serializers.BooleanField(required=False, default=False)
    work_model = serializers.ChoiceField(choices=WorkModel.choices, required=False)
    salary_disclosed = serializers.BooleanField(required=False, default=False)
    posted_within = serializers.IntegerField(min_value=1, max_value=365, required=False, help_text="days")
    q = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    include_failed = serializers.BooleanField(required=False, default=False)
    ordering = serializers.ChoiceField(choices=["fit", "stretch", "newest", "posted"], required=False, default="fit")


class LinkUpdateSerializer(StrictSerializer):
    """Only the caller's own fields are writable; any pool field is a 400."""

    status = serializers.ChoiceField(choices=["discovered", "dismissed", "applied"], required=False)
    is_favorite = serializers.BooleanField(required=False)


class BulkFavoriteSerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.CharField(max_length=64), allow_empty=False, max_length=500)
    is_favorite = serializers.BooleanField(default=True)


class ReportSerializer(StrictSerializer):
    reason = serializers.ChoiceField(choices=ReportReason.choices)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
