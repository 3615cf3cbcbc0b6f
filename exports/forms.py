from __future__ import annotations

from typing import Any

from django import forms

from exports.spreadsheet import MAX_BYTES
from personas.models import Persona


class ImportForm(forms.Form):
    persona = forms.ModelChoiceField(queryset=Persona.objects.none(), label="Import for persona", empty_label=None)
    file = forms.FileField(label="CSV file", help_text="Save your spreadsheet as CSV. The first line names the columns: Company, Position, Status, Date applied, URL, Location, Notes…")
    day_first = forms.TypedChoiceField(
        label="Dates like 03/04/2026 mean",
        choices=[("0", "March 4 (month first)"), ("1", "3 April (day first)")],
        coerce=lambda v: v == "1",
        initial="0",
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persona"].queryset = Persona.objects.for_user(user).order_by("created_at")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
        return upload


class CommitForm(forms.Form):
    skip_invalid = forms.BooleanField(required=False, label="Skip the rows with errors")
