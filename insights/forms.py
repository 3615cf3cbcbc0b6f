from __future__ import annotations

import datetime
from typing import Any

from django import forms

from insights.selectors import InsightFilters
from personas.models import Persona

MAX_RANGE = datetime.timedelta(days=3 * 366)


class InsightFilterForm(forms.Form):
    persona = forms.ModelChoiceField(queryset=Persona.objects.none(), required=False, empty_label="All personas")
    start = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, label="Until", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, user: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["persona"].queryset = Persona.objects.for_user(user).order_by("created_at")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        default = InsightFilters.default(self.today)
        start, end = cleaned.get("start") or default.start, cleaned.get("end") or default.end
        if start > end:
            self.add_error("end", "This date is before the start.")
        elif end - start > MAX_RANGE:
            self.add_error("start", "Choose a range of at most three years.")
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def filters(self) -> InsightFilters:
        """The chosen filters; the defaults (the last 26 weeks, every persona) when the form is not valid."""
        if not self.is_valid():
            return InsightFilters.default(self.today)
        persona = self.cleaned_data.get("persona")
        return InsightFilters(start=self.cleaned_data["start"], end=self.cleaned_data["end"], persona=persona.pk if persona else None)
