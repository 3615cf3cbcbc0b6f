"""Forms of the scouting pages: one search of a search profile (in formsets), source preferences."""

from __future__ import annotations

from django import forms

from scouter.search_profiles import parse_terms


class SearchForm(forms.Form):
    label = forms.CharField(max_length=100, required=False)
    titles = forms.CharField(
        max_length=1000, required=False, help_text="Job titles, separated by commas.", widget=forms.TextInput()
    )
    keywords = forms.CharField(
        max_length=1000, required=False, help_text="Skills or words, separated by commas.", widget=forms.TextInput()
    )
    location = forms.CharField(max_length=100, required=False, help_text="A city or country; empty: anywhere.")
    remote_only = forms.BooleanField(required=False, label="Remote only")

    def as_search(self) -> dict | None:
        """The search as SearchProfile stores it, or None for a deleted or empty row."""
        data = self.cleaned_data
        if not data or data.get("DELETE"):
            return None
        return {
            "label": data.get("label", ""),
            "titles": parse_terms(data.get("titles", "")),
            "keywords": parse_terms(data.get("keywords", "")),
            "location": data.get("location", ""),
            "remote_only": data.get("remote_only", False),
        }


SearchFormSet = forms.formset_factory(SearchForm, extra=1, can_delete=True, max_num=6, validate_max=True)


def initial_rows(searches: list[dict]) -> list[dict]:
    return [
        {
            "label": s.get("label", ""),
            "titles": ", ".join(s.get("titles") or ()),
            "keywords": ", ".join(s.get("keywords") or ()),
            "location": s.get("location", ""),
            "remote_only": bool(s.get("remote_only")),
        }
        for s in searches
    ]


def board_tokens_from(post, keys) -> dict[str, list[str]]:
    """{source key: [tokens]} from the sources form's `boards-<key>` fields."""
    return {key: parse_terms(post.get(f"boards-{key}", "")) for key in keys if f"boards-{key}" in post}
