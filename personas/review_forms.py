"""The resume-import review page: every drafted field, editable, each part with a "keep" box.

Nothing is saved by these forms; `reviewed_import()` turns the kept,
validated rows into a page_services.ReviewedImport.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from personas.forms import CURRENT_YEAR, LinesField, MonthField, https_formfield, url_field
from personas.models import Persona, PersonaSkill
from personas.page_services import ReviewedImport, month_start
from personas.resume_import import ResumeDraft
from personas.resume_import.skill_names import skill_kind

CONTACT_FIELDS = [
    "full_name",
    "email",
    "phone",
    "home_city",
    "home_state",
    "home_country",
    "linkedin_url",
    "portfolio_url",
    "professional_summary",
]


class ContactReviewForm(forms.ModelForm):
    linkedin_url = url_field("LinkedIn profile")
    portfolio_url = url_field("Portfolio or website")

    class Meta:
        model = Persona
        formfield_callback = https_formfield
        fields = CONTACT_FIELDS
        labels = {
            "home_city": "City",
            "home_state": "State or region",
            "home_country": "Country",
            "linkedin_url": "LinkedIn profile",
            "portfolio_url": "Portfolio or website",
        }
        widgets = {"professional_summary": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self) -> None:
        pass


class KeepForm(forms.Form):
    """A drafted part the user may keep or drop; its fields are only required when kept."""

    required_when_kept: tuple[str, ...] = ()
    keep = forms.BooleanField(required=False, initial=True, label="Keep")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("keep"):
            for name in self.required_when_kept:
                if data.get(name) in (None, "", []):
                    self.add_error(name, "Fill this in, or untick “Keep”.")
        return data

    @property
    def kept(self) -> bool:
        return bool(self.cleaned_data.get("keep"))


class RoleReviewForm(KeepForm):
    required_when_kept = ("title", "company", "start_date")
    title = forms.CharField(max_length=200, required=False, label="Job title")
    company = forms.CharField(max_length=200, required=False)
    location = forms.CharField(max_length=200, required=False)
    start_date = MonthField(required=False, label="Started")
    end_date = MonthField(required=False, label="Ended")
    is_current = forms.BooleanField(required=False, label="I work here now")
    bullets = LinesField(
        label="Accomplishments", help_text="One per line.", split_commas=False, max_items=30, max_length_each=1000
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("keep"):
            return data
        start, end = data.get("start_date"), data.get("end_date")
        if data.get("is_current"):
            data["end_date"] = None
        elif start and not end:
            self.add_error("end_date", "Add an end date, or tick “I work here now”.")
        elif start and end and end < start:
            self.add_error("end_date", "The end date is before the start date.")
        return data

    def as_part(self) -> dict[str, Any]:
        d = self.cleaned_data
        fields = ("title", "company", "location", "start_date", "end_date", "is_current", "bullets")
        return {name: d[name] for name in fields}


class EducationReviewForm(KeepForm):
    required_when_kept = ("institution",)
    institution = forms.CharField(max_length=200, required=False)
    degree = forms.CharField(max_length=200, required=False)
    field_of_study = forms.CharField(max_length=200, required=False, label="Field of study")
    end_year = forms.IntegerField(required=False, min_value=1940, max_value=CURRENT_YEAR + 8, label="End year")

    def as_part(self) -> dict[str, Any]:
        return {k: self.cleaned_data[k] for k in ("institution", "degree", "field_of_study", "end_year")}


class CertificationReviewForm(KeepForm):
    required_when_kept = ("name",)
    name = forms.CharField(max_length=200, required=False)
    issuer = forms.CharField(max_length=200, required=False)
    issued_on = MonthField(required=False, label="Issued")

    def as_part(self) -> dict[str, Any]:
        return {k: self.cleaned_data[k] for k in ("name", "issuer", "issued_on")}


class SkillReviewForm(KeepForm):
    required_when_kept = ("name",)
    name = forms.CharField(max_length=100, required=False, label="Skill")
    skill_type = forms.ChoiceField(
        choices=PersonaSkill.SkillType.choices, initial=PersonaSkill.SkillType.HARD, label="Type"
    )
    proficiency = forms.ChoiceField(
        choices=PersonaSkill.Proficiency.choices, initial=PersonaSkill.Proficiency.PROFICIENT
    )
    years_used = forms.IntegerField(min_value=0, max_value=70, initial=1, label="Years used")

    def as_part(self) -> dict[str, Any]:
        return {k: self.cleaned_data[k] for k in ("name", "skill_type", "proficiency", "years_used")}


class BaseKeepFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        super().clean()
        if self.form is SkillReviewForm:
            names = [f.cleaned_data.get("name", "").casefold() for f in self.forms if f.is_valid() and f.kept]
            if len(names) != len(set(names)):
                raise ValidationError("The same skill is listed twice; untick one of them.")


RoleFormSet = forms.formset_factory(RoleReviewForm, formset=BaseKeepFormSet, extra=0, max_num=30, absolute_max=40)
EducationFormSet = forms.formset_factory(
    EducationReviewForm, formset=BaseKeepFormSet, extra=0, max_num=20, absolute_max=30
)
CertificationFormSet = forms.formset_factory(
    CertificationReviewForm, formset=BaseKeepFormSet, extra=0, max_num=30, absolute_max=40
)
SkillFormSet = forms.formset_factory(SkillReviewForm, formset=BaseKeepFormSet, extra=0, max_num=60, absolute_max=80)


class ReviewForms:
    """All the review page's forms together: contact and one formset per kind of part."""

    def __init__(self, draft: ResumeDraft, *, persona: Persona | None, data: Any = None) -> None:
        self.contact = ContactReviewForm(data, initial=_contact_initial(draft, persona), prefix="contact")
        self.roles = RoleFormSet(data, initial=[_role_initial(r) for r in draft.roles], prefix="roles")
        self.education = EducationFormSet(
            data,
            initial=[
                {
                    "institution": e.institution,
                    "degree": e.degree,
                    "field_of_study": e.field_of_study,
                    "end_year": e.graduation_year,
                }
                for e in draft.education
            ],
            prefix="education",
        )
        self.certifications = CertificationFormSet(
            data,
            initial=[
                {"name": c.name, "issuer": c.issuer, "issued_on": datetime.date(c.year, 1, 1) if c.year else None}
                for c in draft.certifications
            ],
            prefix="certifications",
        )
        self.skills = SkillFormSet(
            data,
            initial=[{"name": name, "skill_type": skill_kind(name) or "hard"} for name in draft.skills],
            prefix="skills",
        )

    @property
    def all(self) -> list[Any]:
        return [self.contact, self.roles, self.education, self.certifications, self.skills]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all])  # every form validates, so every error shows

    def reviewed_import(self) -> ReviewedImport:
        return ReviewedImport(
            contact={k: v for k, v in self.contact.cleaned_data.items() if k in CONTACT_FIELDS},
            roles=[f.as_part() for f in self.roles if f.kept],
            education=[f.as_part() for f in self.education if f.kept],
            certifications=[f.as_part() for f in self.certifications if f.kept],
            skills=[f.as_part() for f in self.skills if f.kept],
        )


def _contact_initial(draft: ResumeDraft, persona: Persona | None) -> dict[str, Any]:
    """The draft's value where it found one, else what the persona already has."""
    return {name: getattr(draft, name) or (getattr(persona, name) if persona else "") for name in CONTACT_FIELDS}


def _role_initial(role) -> dict[str, Any]:
    return {
        "title": role.title,
        "company": role.company,
        "location": role.location,
        "start_date": month_start(role.start),
        "end_date": month_start(role.end, end=True),
        "is_current": role.is_current,
        "bullets": role.bullets,
    }
