"""Persona API shapes. Field names follow the models; owners and parents never come from input."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from personas.models import (
    AchievementStory,
    Bullet,
    Certification,
    CustomDealbreaker,
    Education,
    Persona,
    PersonaSkill,
    VoiceProfile,
    WorkHistory,
)
from tenancy.api import OwnedRelatedField


def _string_list(**kwargs: Any) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.CharField(max_length=200, allow_blank=False), max_length=100, required=False, **kwargs
    )


class StrictModelSerializer(serializers.ModelSerializer):
    """Rejects request fields the serializer doesn't know (a typo must not pass silently)."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)


# ------------------------------------------------------------------ parts
class PersonaSkillSerializer(StrictModelSerializer):
    class Meta:
        model = PersonaSkill
        fields = ["id", "name", "normalized_name", "skill_type", "proficiency", "years_used", "last_used", "position"]
        read_only_fields = ["id", "normalized_name", "position"]


class BulletSerializer(StrictModelSerializer):
    class Meta:
        model = Bullet
        fields = ["id", "text", "metrics", "position"]
        read_only_fields = ["id", "position"]


class WorkHistorySerializer(StrictModelSerializer):
    bullets = BulletSerializer(many=True, read_only=True)

    class Meta:
        model = WorkHistory
        fields = [
            "id",
            "company",
            "title",
            "start_date",
            "end_date",
            "is_current",
            "work_model",
            "location",
            "description",
            "position",
            "bullets",
        ]
        read_only_fields = ["id", "position", "bullets"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start = attrs.get("start_date", getattr(self.instance, "start_date", None))
        end = attrs.get("end_date", getattr(self.instance, "end_date", None))
        if start and end and end < start and not attrs.get("is_current"):
            raise serializers.ValidationError({"end_date": ["The end date is before the start date."]})
        return attrs


class EducationSerializer(StrictModelSerializer):
    class Meta:
        model = Education
        fields = ["id", "institution", "degree", "field_of_study", "start_year", "end_year", "description", "position"]
        read_only_fields = ["id", "position"]


class CertificationSerializer(StrictModelSerializer):
    class Meta:
        model = Certification
        fields = ["id", "name", "issuer", "issued_on", "expires_on", "credential_id", "credential_url", "position"]
        read_only_fields = ["id", "position"]


class AchievementStorySerializer(StrictModelSerializer):
    work_history = OwnedRelatedField(
        model=WorkHistory,
        parent_field="persona",
        allow_null=True,
        required=False,
        help_text="The id of one of this persona's roles, or null.",
    )

    class Meta:
        model = AchievementStory
        fields = ["id", "title", "context", "action", "outcome", "work_history", "position"]
        read_only_fields = ["id", "position"]


class VoiceProfileSerializer(StrictModelSerializer):
    things_to_avoid = _string_list()
    sample_phrases = _string_list()

    class Meta:
        model = VoiceProfile
        fields = ["id", "tone", "style", "vocabulary", "things_to_avoid", "sample_phrases", "updated_at"]
        read_only_fields = ["id", "updated_at"]


class CustomDealbreakerSerializer(StrictModelSerializer):
    class Meta:
        model = CustomDealbreaker
        fields = ["id", "mode", "job_field", "value", "position"]
        read_only_fields = ["id", "position"]


# ------------------------------------------------------------------ personas
PERSONA_FIELDS = [
    "id",
    "full_name",
    "email",
    "phone",
    "home_city",
    "home_state",
    "home_country",
    "linkedin_url",
    "portfolio_url",
    "professional_summary",
    "current_role",
    "current_company",
    "years_experience",
    "target_roles",
    "target_skills",
    "commutable_cities",
    "relocation_cities",
    "remote_preference",
    "minimum_base_salary",
    "salary_currency",
    "visa_sponsorship_required",
    "industry_exclusions",
    "company_exclusions",
    "stretch_appetite",
    "polling_frequency",
    "minimum_fit_threshold",
    "onboarding_step",
    "onboarding_completed_at",
    "created_at",
    "updated_at",
]


class PersonaSerializer(StrictModelSerializer):
    """A persona's own fields (lists and writes). Only `full_name` is required."""

    target_roles = _string_list()
    target_skills = _string_list()
    commutable_cities = _string_list()
    relocation_cities = _string_list()
    industry_exclusions = _string_list()
    company_exclusions = _string_list()

    class Meta:
        model = Persona
        fields = PERSONA_FIELDS
        read_only_fields = ["id", "onboarding_step", "onboarding_completed_at", "created_at", "updated_at"]


class PersonaDetailSerializer(PersonaSerializer):
    """A persona with every part nested (GET /personas/{id}/)."""

    skills = PersonaSkillSerializer(many=True, read_only=True)
    work_history = WorkHistorySerializer(many=True, read_only=True)
    education = EducationSerializer(many=True, read_only=True)
    certifications = CertificationSerializer(many=True, read_only=True)
    stories = AchievementStorySerializer(many=True, read_only=True)
    voice = serializers.SerializerMethodField()
    dealbreakers = CustomDealbreakerSerializer(many=True, read_only=True)

    class Meta(PersonaSerializer.Meta):
        fields = [
            *PERSONA_FIELDS,
            "skills",
            "work_history",
            "education",
            "certifications",
            "stories",
            "voice",
            "dealbreakers",
        ]

    @extend_schema_field(VoiceProfileSerializer(allow_null=True))
    def get_voice(self, persona: Persona) -> dict[str, Any] | None:
        try:
            voice = persona.voice
        except ObjectDoesNotExist:
            return None
        return VoiceProfileSerializer(voice, context=self.context).data


class ReorderSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.CharField(max_length=64),
        allow_empty=False,
        max_length=500,
        help_text="Ids in their new order; unlisted parts keep their order after them.",
    )
