"""Page forms for personas: they validate, and views hand `cleaned_data` to personas.services.

Forms never save (every write needs the owner and position the services set).
List fields (target roles, cities, ...) are edited as one item per line.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

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
    WorkModel,
)

CURRENT_YEAR = datetime.date.today().year


class LinesField(forms.CharField):
    """A list of short strings, typed one per line (commas also separate)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *, max_items: int = 50, max_length_each: int = 200, split_commas: bool = True, **kwargs: Any):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.max_items = max_items
        self.max_length_each = max_length_each
        self.split_commas = split_commas

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value) or ""
        pattern = r"[\n,;]" if self.split_commas else r"\n"
        items: list[str] = []
        seen: set[str] = set()
        for piece in re.split(pattern, text):
            item = " ".join(piece.split())
            if item and item.casefold() not in seen:
                seen.add(item.casefold())
                items.append(item)
        return items

    def validate(self, value: list[str]) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(value) > self.max_items:
            raise ValidationError(f"At most {self.max_items} entries.", code="too_many")
        too_long = [v for v in value if len(v) > self.max_length_each]
        if too_long:
            raise ValidationError(f"Keep each entry under {self.max_length_each} characters.", code="too_long")


class MonthField(forms.DateField):
    """A month (YYYY-MM) stored as the first day of that month."""

    widget = forms.DateInput(attrs={"type": "month", "placeholder": "YYYY-MM"}, format="%Y-%m")
    input_formats = ["%Y-%m", "%Y-%m-%d", "%m/%Y"]

    def to_python(self, value: Any) -> datetime.date | None:
        date = super().to_python(value)
        return date.replace(day=1) if date else None


class PartForm(forms.ModelForm):
    """Base of the part forms: knows its persona (for checks across its siblings)."""

    def __init__(self, *args: Any, persona: Persona, **kwargs: Any) -> None:
        self.persona = persona
        super().__init__(*args, **kwargs)

    def _post_clean(self) -> None:
        # Model validation (owner, persona, uniqueness) happens in the service, which knows the parents.
        pass


# ------------------------------------------------------------------ persona fields
def url_field(label: str) -> forms.URLField:
    return forms.URLField(label=label, required=False, max_length=200, assume_scheme="https")


def https_formfield(model_field: models.Field, **kwargs: Any) -> forms.Field | None:
    """Model form fields as usual, but a link typed without a scheme means https (Django 6's default)."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class BasicsForm(forms.ModelForm):
    linkedin_url = url_field("LinkedIn profile")
    portfolio_url = url_field("Portfolio or website")

    class Meta:
        model = Persona
        formfield_callback = https_formfield
        fields = [
            "full_name",
            "email",
            "phone",
            "home_city",
            "home_state",
            "home_country",
            "linkedin_url",
            "portfolio_url",
            "current_role",
            "current_company",
            "years_experience",
            "professional_summary",
        ]
        labels = {
            "home_city": "City",
            "home_state": "State or region",
            "home_country": "Country",
            "linkedin_url": "LinkedIn profile",
            "portfolio_url": "Portfolio or website",
            "years_experience": "Years of experience",
        }
        help_texts = {
            "email": "Where employers should reach this persona; it can differ from your sign-in address.",
            "professional_summary": "Two to four sentences in your own words.",
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "professional_summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["full_name"].help_text = ""

    def _post_clean(self) -> None:
        pass


class TargetsForm(forms.ModelForm):
    target_roles = LinesField(label="Target roles", help_text="One per line, e.g. Staff Engineer.", required=True)
    target_skills = LinesField(label="Skills you want to grow into", help_text="One per line.")
    commutable_cities = LinesField(label="Cities you can commute to", help_text="One per line.")
    relocation_cities = LinesField(label="Cities you would move to", help_text="One per line.")
    industry_exclusions = LinesField(label="Industries to avoid", help_text="One per line.")
    company_exclusions = LinesField(label="Companies to avoid", help_text="One per line.")

    class Meta:
        model = Persona
        fields = [
            "target_roles",
            "target_skills",
            "remote_preference",
            "commutable_cities",
            "relocation_cities",
            "minimum_base_salary",
            "salary_currency",
            "visa_sponsorship_required",
            "industry_exclusions",
            "company_exclusions",
            "stretch_appetite",
            "minimum_fit_threshold",
            "polling_frequency",
        ]
        labels = {
            "minimum_base_salary": "Minimum base salary (per year)",
            "salary_currency": "Currency",
            "visa_sponsorship_required": "I need visa sponsorship",
            "stretch_appetite": "Appetite for stretch roles",
            "minimum_fit_threshold": "Hide jobs that fit less than (0–100)",
            "polling_frequency": "Look for new jobs",
        }
        help_texts = {"salary_currency": "Three-letter code, e.g. USD, EUR."}

    def clean_salary_currency(self) -> str:
        value = (self.cleaned_data.get("salary_currency") or "").strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise ValidationError("Use a three-letter currency code such as USD.")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("commutable_cities") and data.get("remote_preference") != "remote_only":
            self.add_error("commutable_cities", "Add at least one city you can commute to, or choose “Remote only”.")
        return data

    def _post_clean(self) -> None:
        pass


class VoiceForm(forms.ModelForm):
    things_to_avoid = LinesField(label="Words and habits to avoid", help_text="One per line, e.g. “synergy”.")
    sample_phrases = LinesField(label="Phrases that sound like you", help_text="One per line.", split_commas=False)

    class Meta:
        model = VoiceProfile
        fields = ["tone", "style", "vocabulary", "things_to_avoid", "sample_phrases"]
        labels = {"vocabulary": "Words you like to use"}
        help_texts = {
            "tone": "A few words, e.g. warm, direct, curious.",
            "style": "How you write: sentence length, formality, use of numbers.",
        }
        widgets = {"style": forms.Textarea(attrs={"rows": 3}), "vocabulary": forms.Textarea(attrs={"rows": 2})}

    def clean_tone(self) -> str:
        tone = self.cleaned_data.get("tone", "").strip()
        if not tone:
            raise ValidationError("Describe your tone in a few words.")
        return tone

    def _post_clean(self) -> None:
        pass


# ------------------------------------------------------------------ parts
class SkillForm(PartForm):
    class Meta:
        model = PersonaSkill
        fields = ["name", "skill_type", "proficiency", "years_used", "last_used"]
        labels = {"name": "Skill", "skill_type": "Type", "years_used": "Years used", "last_used": "Last used (year)"}
        help_texts = {"last_used": "Leave empty if you use it now."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["years_used"].required = True
        self.fields["last_used"].widget.attrs.update({"min": 1950, "max": CURRENT_YEAR})

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        others = PersonaSkill.objects.for_owner_id(self.persona.owner_id).filter(
            persona=self.persona, name__iexact=name
        )
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError("This persona already has that skill.")
        return name

    def clean_last_used(self) -> int | None:
        year = self.cleaned_data.get("last_used")
        if year is not None and not 1950 <= year <= CURRENT_YEAR:
            raise ValidationError(f"Enter a year between 1950 and {CURRENT_YEAR}.")
        return year


class WorkHistoryForm(PartForm):
    start_date = MonthField(label="Started")
    end_date = MonthField(label="Ended", required=False, help_text="Leave empty if this is your current role.")

    class Meta:
        model = WorkHistory
        fields = ["title", "company", "start_date", "end_date", "is_current", "work_model", "location", "description"]
        labels = {"title": "Job title", "is_current": "I work here now", "work_model": "Work model"}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"description": "Optional: what the team or product was."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["work_model"].choices = [("", "Not specified"), *WorkModel.choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end, current = data.get("start_date"), data.get("end_date"), data.get("is_current")
        if current:
            data["end_date"] = None
        elif start and not end:
            self.add_error("end_date", "Add an end date, or tick “I work here now”.")
        if start and end and not current and end < start:
            self.add_error("end_date", "The end date is before the start date.")
        today = datetime.date.today()
        if start and start > today:
            self.add_error("start_date", "The start date is in the future.")
        return data


class BulletForm(PartForm):
    class Meta:
        model = Bullet
        fields = ["text", "metrics"]
        labels = {"text": "Accomplishment", "metrics": "Metric (optional)"}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"metrics": "e.g. 40% faster, $2M saved."}


class EducationForm(PartForm):
    class Meta:
        model = Education
        fields = ["institution", "degree", "field_of_study", "start_year", "end_year", "description"]
        labels = {"end_year": "End year (or expected)", "field_of_study": "Field of study"}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        for name in ("start_year", "end_year"):
            year = data.get(name)
            if year is not None and not 1940 <= year <= CURRENT_YEAR + 8:
                self.add_error(name, "Enter a realistic year.")
        if start and end and end < start:
            self.add_error("end_year", "The end year is before the start year.")
        return data


class CertificationForm(PartForm):
    issued_on = MonthField(label="Issued", required=False)
    expires_on = MonthField(label="Expires", required=False)
    credential_url = url_field("Credential link")

    class Meta:
        model = Certification
        formfield_callback = https_formfield
        fields = ["name", "issuer", "issued_on", "expires_on", "credential_id", "credential_url"]
        labels = {"credential_id": "Credential ID", "credential_url": "Credential link"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        issued, expires = data.get("issued_on"), data.get("expires_on")
        if issued and expires and expires < issued:
            self.add_error("expires_on", "The expiry is before the issue date.")
        return data


class StoryForm(PartForm):
    work_history = forms.ModelChoiceField(
        queryset=WorkHistory.objects.none(),
        required=False,
        label="Role it happened in",
        empty_label="Not tied to a role",
    )

    class Meta:
        model = AchievementStory
        fields = ["title", "work_history", "context", "action", "outcome"]
        labels = {"context": "Situation", "action": "What you did", "outcome": "Result"}
        widgets = {
            "context": forms.Textarea(attrs={"rows": 2}),
            "action": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"outcome": "Numbers help: what changed, by how much."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only this persona's roles can be chosen; another persona's id is simply not a valid choice.
        self.fields["work_history"].queryset = WorkHistory.objects.for_owner_id(self.persona.owner_id).filter(
            persona=self.persona
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("action") or "").strip():
            self.add_error("action", "Say what you did: this is the heart of the story.")
        return data


class DealbreakerForm(PartForm):
    class Meta:
        model = CustomDealbreaker
        fields = ["mode", "job_field", "value"]
        labels = {"mode": "Rule", "job_field": "Job field", "value": "Value"}
        help_texts = {"value": "Matched without regard to case, e.g. “gambling” or “contract”."}


PART_FORMS: dict[str, type[PartForm]] = {
    "skills": SkillForm,
    "work_history": WorkHistoryForm,
    "bullets": BulletForm,
    "education": EducationForm,
    "certifications": CertificationForm,
    "stories": StoryForm,
    "dealbreakers": DealbreakerForm,
}


class ResumeUploadForm(forms.Form):
    resume = forms.FileField(
        label="Resume file",
        help_text="PDF or Word (.docx), up to 10 MB. Nothing is saved until you review it.",
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        ),
    )


class ContinueForm(forms.Form):
    """The "Continue" button of a list step: nothing to fill in, the step's own rules decide."""
