"""Forms of the job pages: feed filters, manual add, report."""

from __future__ import annotations

from django import forms

from jobpool.models import ReportReason, SalaryPeriod, WorkModel
from personas.models import Persona


class FeedFilterForm(forms.Form):
    persona = forms.ModelChoiceField(queryset=Persona.objects.none(), required=False, empty_label="All personas")
    min_fit = forms.IntegerField(label="Minimum fit", min_value=0, max_value=100, required=False)
    favorites = forms.BooleanField(label="Favourites only", required=False)
    work_model = forms.ChoiceField(label="Work model", choices=[("", "Any")] + list(WorkModel.choices), required=False)
    salary_disclosed = forms.BooleanField(label="Salary disclosed", required=False)
    posted_within = forms.TypedChoiceField(
        label="Posted within", coerce=int, empty_value=None, required=False,
        choices=[("", "Any time"), ("1", "24 hours"), ("7", "7 days"), ("30", "30 days")],
    )
    q = forms.CharField(label="Search", max_length=100, required=False)
    include_failed = forms.BooleanField(label="Show jobs that fail a dealbreaker", required=False)

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persona"].queryset = Persona.objects.for_user(user).order_by("full_name")


class ManualPostingForm(forms.Form):
    persona = forms.ModelChoiceField(queryset=Persona.objects.none(), empty_label=None)
    title = forms.CharField(max_length=300)
    company_name = forms.CharField(label="Company", max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), max_length=50_000)
    location = forms.CharField(max_length=300, required=False)
    work_model = forms.ChoiceField(label="Work model", choices=WorkModel.choices, initial=WorkModel.UNKNOWN)
    source_url = forms.URLField(label="Posting URL", max_length=2000, required=False, assume_scheme="https")
    apply_url = forms.URLField(label="Apply URL", max_length=2000, required=False, assume_scheme="https")
    salary_min = forms.DecimalField(label="Salary from", min_value=0, max_digits=12, decimal_places=2, required=False)
    salary_max = forms.DecimalField(label="Salary to", min_value=0, max_digits=12, decimal_places=2, required=False)
    salary_currency = forms.CharField(label="Currency", max_length=3, required=False)
    salary_period = forms.ChoiceField(label="Per", choices=SalaryPeriod.choices, required=False)

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persona"].queryset = Persona.objects.for_user(user).order_by("full_name")


class ReportForm(forms.Form):
    reason = forms.ChoiceField(choices=ReportReason.choices)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False)


class PasteForm(forms.Form):
    persona = forms.ModelChoiceField(queryset=Persona.objects.none(), empty_label=None)
    source_url = forms.URLField(label="Posting URL (optional)", max_length=2000, required=False, assume_scheme="https")
    text = forms.CharField(label="The whole posting, pasted", widget=forms.Textarea(attrs={"rows": 14}), max_length=50_000)

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persona"].queryset = Persona.objects.for_user(user).order_by("full_name")


class PasteConfirmForm(forms.Form):
    """The preview's editable facts (jobpool.services.EDITABLE_FIELDS)."""

    title = forms.CharField(max_length=300)
    company_name = forms.CharField(label="Company", max_length=200)
    location = forms.CharField(max_length=300, required=False)
    work_model = forms.ChoiceField(label="Work model", choices=WorkModel.choices)
    salary_min = forms.DecimalField(label="Salary from", min_value=0, max_digits=12, decimal_places=2, required=False)
    salary_max = forms.DecimalField(label="Salary to", min_value=0, max_digits=12, decimal_places=2, required=False)
    salary_currency = forms.CharField(label="Currency", max_length=3, required=False)
    salary_period = forms.ChoiceField(label="Per", choices=SalaryPeriod.choices, required=False)
    culture_text = forms.CharField(label="Culture notes", widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000, required=False)
    skills = forms.CharField(label="Skills (comma-separated)", max_length=5_000, required=False)

    def clean_skills(self) -> list[str]:
        return [s.strip() for s in self.cleaned_data["skills"].split(",") if s.strip()][:100]
