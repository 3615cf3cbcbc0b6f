"""A persona (who a seeker is and what they want) and its owned, ordered parts.

Every table is owned (tenancy.Owned): the owner is copied from the persona by
personas.services, never taken from request data. Reads go through
`.for_user(user)` or a persona's related managers.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower

from tenancy.models import Owned


def validate_string_list(value: object) -> None:
    """A JSON list field holds a list of short, non-empty strings."""
    if not isinstance(value, list):
        raise ValidationError("Enter a list.")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ValidationError("Each entry must be non-empty text.")
        if len(item) > 200:
            raise ValidationError("Each entry must be at most 200 characters.")
    if len(value) > 100:
        raise ValidationError("Enter at most 100 entries.")


def _string_list(**kwargs: object) -> models.JSONField:
    return models.JSONField(default=list, blank=True, validators=[validate_string_list], **kwargs)


class OnboardingStep(models.TextChoices):
    """The guided onboarding, in order (the pages drive it; see personas.services)."""

    BASIC_INFO = "basic_info", "Basic info"
    WORK_HISTORY = "work_history", "Work history"
    SKILLS = "skills", "Skills"
    EDUCATION = "education", "Education and certifications"
    STORIES = "stories", "Achievement stories"
    DEALBREAKERS = "dealbreakers", "Dealbreakers"
    TARGETS = "targets", "Targets and growth"
    VOICE = "voice", "Voice"
    REVIEW = "review", "Review"


class RemotePreference(models.TextChoices):
    REMOTE_ONLY = "remote_only", "Remote only"
    HYBRID_OK = "hybrid_ok", "Hybrid OK"
    ONSITE_OK = "onsite_ok", "Onsite OK"
    NO_PREFERENCE = "no_preference", "No preference"


class StretchAppetite(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class PollingFrequency(models.TextChoices):
    TWICE_DAILY = "twice_daily", "Twice daily"
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"
    MANUAL = "manual", "Manual only"


class WorkModel(models.TextChoices):
    REMOTE = "remote", "Remote"
    HYBRID = "hybrid", "Hybrid"
    ONSITE = "onsite", "Onsite"


class Persona(Owned):
    """One way a user presents themselves to the job market (a user may have several).

    The email is deliberately not unique: uniqueness across users would leak
    other tenants' addresses through a conflict error.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    # contact
    full_name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    home_city = models.CharField(max_length=120, blank=True)
    home_state = models.CharField(max_length=120, blank=True)
    home_country = models.CharField(max_length=120, blank=True)
    linkedin_url = models.URLField(blank=True)
    portfolio_url = models.URLField(blank=True)

    # profile
    professional_summary = models.TextField(blank=True)
    current_role = models.CharField(max_length=200, blank=True)
    current_company = models.CharField(max_length=200, blank=True)
    years_experience = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(70)])

    # targets and logistics (lists of plain strings)
    target_roles = _string_list()
    target_skills = _string_list()
    commutable_cities = _string_list()
    relocation_cities = _string_list()
    remote_preference = models.CharField(
        max_length=20, choices=RemotePreference.choices, default=RemotePreference.NO_PREFERENCE
    )
    minimum_base_salary = models.PositiveIntegerField(null=True, blank=True)
    salary_currency = models.CharField(
        max_length=3,
        default="USD",
        validators=[RegexValidator(r"^[A-Z]{3}$", "Use a three-letter ISO code, e.g. USD.")],
    )
    visa_sponsorship_required = models.BooleanField(default=False)
    industry_exclusions = _string_list()
    company_exclusions = _string_list()

    # matching preferences
    stretch_appetite = models.CharField(max_length=10, choices=StretchAppetite.choices, default=StretchAppetite.MEDIUM)
    polling_frequency = models.CharField(
        max_length=20, choices=PollingFrequency.choices, default=PollingFrequency.DAILY
    )
    minimum_fit_threshold = models.PositiveSmallIntegerField(
        default=50, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    # onboarding
    onboarding_step = models.CharField(max_length=20, choices=OnboardingStep.choices, default=OnboardingStep.BASIC_INFO)
    onboarding_completed_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_fit_threshold__lte=100), name="personas_persona_fit_threshold_range"
            ),
        ]
        indexes = [models.Index(fields=["owner", "created_at"], name="personas_persona_owner_created")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_onboarded(self) -> bool:
        return self.onboarding_completed_at is not None


class PersonaPart(Owned):
    """Shared shape of a persona's ordered parts: UUID id, position, timestamps."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["position", "created_at"]


class PersonaSkill(PersonaPart):
    class SkillType(models.TextChoices):
        HARD = "hard", "Hard"
        SOFT = "soft", "Soft"

    class Proficiency(models.TextChoices):
        LEARNING = "learning", "Learning"
        FAMILIAR = "familiar", "Familiar"
        PROFICIENT = "proficient", "Proficient"
        EXPERT = "expert", "Expert"

    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="skills")
    name = models.CharField(max_length=100)
    # Filled from the skills taxonomy when it is installed (personas.services); empty until then.
    normalized_name = models.CharField(max_length=100, blank=True)
    skill_type = models.CharField(max_length=10, choices=SkillType.choices, default=SkillType.HARD)
    proficiency = models.CharField(max_length=12, choices=Proficiency.choices, default=Proficiency.PROFICIENT)
    years_used = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(70)])
    last_used = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year the skill was last used; empty means in use now."
    )

    class Meta(PersonaPart.Meta):
        constraints = [
            models.UniqueConstraint(
                "persona",
                Lower("name"),
                name="personas_skill_unique_name_per_persona",
                violation_error_message="This persona already has that skill.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class WorkHistory(PersonaPart):
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="work_history")
    company = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    is_current = models.BooleanField(default=False)
    work_model = models.CharField(max_length=10, choices=WorkModel.choices, blank=True)
    location = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)

    class Meta(PersonaPart.Meta):
        verbose_name_plural = "work history"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="personas_workhistory_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(is_current=False) | models.Q(end_date__isnull=True),
                name="personas_workhistory_current_has_no_end",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}"


class Bullet(PersonaPart):
    work_history = models.ForeignKey(WorkHistory, on_delete=models.CASCADE, related_name="bullets")
    text = models.TextField()
    metrics = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return self.text[:60]


class Education(PersonaPart):
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="education")
    institution = models.CharField(max_length=200)
    degree = models.CharField(max_length=200, blank=True)
    field_of_study = models.CharField(max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(null=True, blank=True)
    description = models.TextField(blank=True)

    class Meta(PersonaPart.Meta):
        verbose_name_plural = "education"

    def __str__(self) -> str:
        return f"{self.degree} {self.institution}".strip()


class Certification(PersonaPart):
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="certifications")
    name = models.CharField(max_length=200)
    issuer = models.CharField(max_length=200, blank=True)
    issued_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    credential_id = models.CharField(max_length=200, blank=True)
    credential_url = models.URLField(blank=True)

    def __str__(self) -> str:
        return self.name


class AchievementStory(PersonaPart):
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="stories")
    title = models.CharField(max_length=200)
    context = models.TextField(blank=True)
    action = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    # The role the story happened in, when there is one (same persona; checked by the service).
    work_history = models.ForeignKey(
        WorkHistory, on_delete=models.SET_NULL, null=True, blank=True, related_name="stories"
    )

    class Meta(PersonaPart.Meta):
        verbose_name_plural = "achievement stories"

    def __str__(self) -> str:
        return self.title


class VoiceProfile(Owned):
    """How the persona writes; one per persona, so it has no position."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    persona = models.OneToOneField(Persona, on_delete=models.CASCADE, related_name="voice")
    tone = models.CharField(max_length=200, blank=True)
    style = models.TextField(blank=True)
    vocabulary = models.TextField(blank=True)
    things_to_avoid = _string_list()
    sample_phrases = _string_list()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Voice of {self.persona_id}"


class CustomDealbreaker(PersonaPart):
    """Exclude or require a value on a named fact of a job posting.

    Field names match the job pool's posting facts; matching is
    case-insensitive (the scoring code decides contains vs equals per field).
    """

    class Mode(models.TextChoices):
        EXCLUDE = "exclude", "Exclude"
        REQUIRE = "require", "Require"

    class JobField(models.TextChoices):
        TITLE = "title", "Title"
        COMPANY_NAME = "company_name", "Company"
        LOCATION = "location", "Location"
        WORK_MODEL = "work_model", "Work model"
        SENIORITY = "seniority", "Seniority"
        INDUSTRY = "industry", "Industry"
        EMPLOYMENT_TYPE = "employment_type", "Employment type"
        DESCRIPTION = "description", "Description"
        SALARY_CURRENCY = "salary_currency", "Salary currency"

    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="dealbreakers")
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.EXCLUDE)
    job_field = models.CharField(max_length=30, choices=JobField.choices)
    value = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"{self.get_mode_display()} {self.job_field} = {self.value}"
