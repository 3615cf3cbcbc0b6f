"""Operators' view of personas (read through tenancy.admin.OwnedAdmin's unscoped manager)."""

from __future__ import annotations

from django.contrib import admin

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
from tenancy.admin import OwnedAdmin, OwnedInline


class SkillInline(OwnedInline):
    model = PersonaSkill
    fields = ("name", "skill_type", "proficiency", "years_used", "last_used", "position", "owner")


class WorkHistoryInline(OwnedInline):
    model = WorkHistory
    fields = ("title", "company", "start_date", "end_date", "is_current", "position", "owner")
    show_change_link = True


class DealbreakerInline(OwnedInline):
    model = CustomDealbreaker
    fields = ("mode", "job_field", "value", "position", "owner")


@admin.register(Persona)
class PersonaAdmin(OwnedAdmin):
    list_display = ("full_name", "owner", "current_role", "onboarding_step", "onboarding_completed_at", "created_at")
    list_filter = ("onboarding_step", "remote_preference")
    search_fields = ("full_name", "owner__email")
    inlines = [SkillInline, WorkHistoryInline, DealbreakerInline]


class BulletInline(OwnedInline):
    model = Bullet
    fields = ("text", "metrics", "position", "owner")


@admin.register(WorkHistory)
class WorkHistoryAdmin(OwnedAdmin):
    list_display = ("title", "company", "persona", "owner", "start_date", "end_date")
    search_fields = ("title", "company", "owner__email")
    list_select_related = ("owner", "persona")
    inlines = [BulletInline]


@admin.register(PersonaSkill)
class PersonaSkillAdmin(OwnedAdmin):
    list_display = ("name", "normalized_name", "persona", "owner", "proficiency")
    search_fields = ("name", "normalized_name", "owner__email")
    list_select_related = ("owner", "persona")


for _model in (Education, Certification, AchievementStory, VoiceProfile, CustomDealbreaker):
    admin.site.register(
        _model,
        type(
            f"{_model.__name__}Admin",
            (OwnedAdmin,),
            {
                "list_display": ("__str__", "persona", "owner"),
                "list_select_related": ("owner", "persona"),
                "search_fields": ("owner__email",),
            },
        ),
    )
