"""Forms of the tracker pages. They validate; services write."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django import forms

from personas.models import Persona
from tracker.models import Interview, InterviewKind, InterviewStage, InterviewStatus, Priority, Status
from tracker.tagging import MAX_TAGS, TooManyTags, normalize_tags, split_tag_input


def _aware(value: datetime.datetime | None, time_zone: str) -> datetime.datetime | None:
    if value is None:
        return None
    naive = value.replace(tzinfo=None)
    return naive.replace(tzinfo=zoneinfo.ZoneInfo(time_zone))


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class TagField(forms.CharField):
    """Comma-separated tags, normalised; at most MAX_TAGS."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "Separate tags with commas.")
        super().__init__(**kwargs)

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value) or ""
        try:
            return normalize_tags(split_tag_input(text))
        except TooManyTags as exc:
            raise forms.ValidationError(str(exc))


class NewApplicationForm(forms.Form):
    persona = forms.ModelChoiceField(queryset=Persona.objects.none(), empty_label=None)
    company_name = forms.CharField(max_length=200, label="Company")
    title = forms.CharField(max_length=300, label="Job title")
    location = forms.CharField(max_length=300, required=False)
    job_url = forms.URLField(max_length=2000, required=False, label="Link to the posting", assume_scheme="https")
    description = forms.CharField(
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Job description (optional)",
        help_text="Paste it to keep a copy: it is checked and added to your jobs like any job you find.",
    )
    applied_on = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="Applied on")
    priority = forms.ChoiceField(choices=Priority.choices, initial=Priority.NORMAL)
    source = forms.CharField(max_length=120, required=False, help_text="Where you found it.")
    referral = forms.CharField(max_length=200, required=False, help_text="Who referred you, if anyone.")
    tags = TagField()

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persona"].queryset = Persona.objects.for_user(user).order_by("created_at")


class DetailsForm(forms.Form):
    company_name = forms.CharField(max_length=200, label="Company")
    title = forms.CharField(max_length=300, label="Job title")
    location = forms.CharField(max_length=300, required=False)
    job_url = forms.URLField(max_length=2000, required=False, label="Link to the posting", assume_scheme="https")
    applied_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="Applied on")
    priority = forms.ChoiceField(choices=Priority.choices)
    source = forms.CharField(max_length=120, required=False)
    referral = forms.CharField(max_length=200, required=False)
    salary_currency = forms.CharField(max_length=3, required=False, label="Currency", help_text="ISO code, e.g. EUR.")
    salary_expected = forms.IntegerField(min_value=0, max_value=100_000_000, required=False, label="Salary you asked for")
    salary_offered = forms.IntegerField(min_value=0, max_value=100_000_000, required=False, label="Salary offered")
    is_pinned = forms.BooleanField(required=False, label="Pin to the top")

    def clean_salary_currency(self) -> str:
        return (self.cleaned_data.get("salary_currency") or "").strip().upper()


class StatusForm(forms.Form):
    """A move: an exact status, or a board column (the status a card dropped there takes)."""

    status = forms.ChoiceField(choices=Status.choices, required=False)
    column = forms.ChoiceField(choices=[(c, c) for c in ("applied", "interviewing", "offer", "closed")], required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("status") and not cleaned.get("column"):
            raise forms.ValidationError("Choose where to move it.")
        return cleaned


class NoteForm(forms.Form):
    body = forms.CharField(max_length=20_000, widget=forms.Textarea(attrs={"rows": 3}), label="Note")


class ManualEventForm(forms.Form):
    message = forms.CharField(max_length=500, label="What happened?")


class TagsForm(forms.Form):
    tags = TagField(label="Tags", help_text=f"Separate with commas; up to {MAX_TAGS}.")


class NextActionForm(forms.Form):
    title = forms.CharField(max_length=200, label="Next action")
    due_at = forms.DateTimeField(widget=LocalDateTimeInput(), label="Due")

    def __init__(self, *args: Any, time_zone: str = "UTC", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.time_zone = time_zone
        self.fields["due_at"].help_text = f"Your time ({time_zone})."

    def clean_due_at(self) -> datetime.datetime:
        return _aware(self.cleaned_data["due_at"], self.time_zone)


class InterviewForm(forms.ModelForm):
    """`scheduled_at` is typed as local wall time in the chosen time zone."""

    scheduled_at = forms.DateTimeField(widget=LocalDateTimeInput(), label="Date and time")
    time_zone = forms.CharField(max_length=64, label="Time zone", help_text="Where the interview happens, e.g. Europe/Berlin.")
    stage = forms.ChoiceField(choices=InterviewStage.choices)
    kind = forms.ChoiceField(choices=InterviewKind.choices)
    status = forms.ChoiceField(choices=InterviewStatus.choices, initial=InterviewStatus.SCHEDULED)

    class Meta:
        model = Interview
        fields = (
            "scheduled_at", "time_zone", "duration_minutes", "stage", "kind", "location", "meeting_url",
            "interviewer", "status", "notes",
        )
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"duration_minutes": "Length (minutes)", "meeting_url": "Meeting link"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding and not self.is_bound:
            self.initial["scheduled_at"] = self.instance.local_start.replace(tzinfo=None)

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"].strip()
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise forms.ValidationError("Use a time zone name such as Europe/Berlin or America/New_York.")
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("scheduled_at") and cleaned.get("time_zone"):
            cleaned["scheduled_at"] = _aware(cleaned["scheduled_at"], cleaned["time_zone"])
        return cleaned

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self) -> None:
        # The service validates the model (and writes it); the form only parses.
        pass


class SaveViewForm(forms.Form):
    name = forms.CharField(max_length=80, label="Save this view as")
    is_default = forms.BooleanField(required=False, label="Open by default")
    layout = forms.ChoiceField(choices=[("board", "Board"), ("list", "List")])
    query = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
