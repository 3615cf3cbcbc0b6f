"""The search, filters and sort of an application list, parsed once from a query string.

Pages, the API and saved views share `ApplicationFilters`: a saved view stores
`as_dict()`, applying it turns it back into a query string (`as_query()`).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from django import forms
from django.http import QueryDict

from tracker.models import Layout, Priority, Sort, Status
from tracker.tagging import normalize_tag

MAX_LIST_VALUES = 20


@dataclass
class ApplicationFilters:
    q: str = ""
    status: list[str] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    priority: list[str] = field(default_factory=list)
    persona: uuid.UUID | None = None
    follow_up: bool = False
    applied_from: datetime.date | None = None
    applied_to: datetime.date | None = None
    include_inactive: bool = False  # show what "hide inactive after N days" would hide
    sort: str = ""  # empty: the user's default sort

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe, without the search and sort (a saved view keeps those in their own columns)."""
        data = asdict(self)
        data.pop("q"), data.pop("sort")
        data["persona"] = str(self.persona) if self.persona else None
        for key in ("applied_from", "applied_to"):
            data[key] = data[key].isoformat() if data[key] else None
        return {k: v for k, v in data.items() if v not in (None, [], False, "")}

    def as_query(self, **extra: str) -> str:
        """The query string that reproduces these filters (for links and saved views)."""
        query = QueryDict(mutable=True)
        if self.q:
            query["q"] = self.q
        for key in ("status", "tag", "priority"):
            query.setlist(key, getattr(self, key))
        if self.persona:
            query["persona"] = str(self.persona)
        if self.follow_up:
            query["follow_up"] = "1"
        if self.include_inactive:
            query["include_inactive"] = "1"
        for key in ("applied_from", "applied_to"):
            if getattr(self, key):
                query[key] = getattr(self, key).isoformat()
        if self.sort:
            query["sort"] = self.sort
        for key, value in extra.items():
            if value:
                query[key] = value
        return query.urlencode()

    @property
    def is_filtered(self) -> bool:
        return bool(self.as_dict() or self.q)


class FilterForm(forms.Form):
    """Validates a list's query string. Unknown values are errors, never silently ignored."""

    q = forms.CharField(required=False, max_length=200, label="Search")
    status = forms.MultipleChoiceField(required=False, choices=Status.choices)
    priority = forms.MultipleChoiceField(required=False, choices=Priority.choices)
    tag = forms.CharField(required=False)  # repeated: read with getlist in clean
    persona = forms.UUIDField(required=False)
    follow_up = forms.BooleanField(required=False, label="Needs follow-up")
    applied_from = forms.DateField(required=False, label="Applied from")
    applied_to = forms.DateField(required=False, label="Applied until")
    include_inactive = forms.BooleanField(required=False, label="Include inactive")
    sort = forms.ChoiceField(required=False, choices=[("", "Default"), *Sort.choices])
    layout = forms.ChoiceField(required=False, choices=[("", "Default"), *Layout.choices])

    def __init__(self, data: QueryDict | dict | None = None, **kwargs: Any) -> None:
        self._tags = []
        if data is not None and hasattr(data, "getlist"):
            self._tags = [t for raw in data.getlist("tag")[:MAX_LIST_VALUES] for t in raw.split(",")]
        elif data is not None:
            raw = data.get("tag") or []
            self._tags = raw if isinstance(raw, list) else [raw]
        super().__init__(data, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("applied_from"), cleaned.get("applied_to")
        if start and end and start > end:
            self.add_error("applied_to", "This date is before the start date.")
        for key in ("status", "priority"):
            if len(cleaned.get(key) or []) > MAX_LIST_VALUES:
                self.add_error(key, "Too many values.")
        cleaned["tag"] = list(dict.fromkeys(t for t in (normalize_tag(r) for r in self._tags) if t))
        return cleaned

    def filters(self) -> ApplicationFilters:
        """The parsed filters (call after is_valid(); invalid fields are left out)."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return ApplicationFilters(
            q=(data.get("q") or "").strip(),
            status=list(data.get("status") or []),
            tag=list(data.get("tag") or []),
            priority=list(data.get("priority") or []),
            persona=data.get("persona"),
            follow_up=bool(data.get("follow_up")),
            applied_from=data.get("applied_from"),
            applied_to=data.get("applied_to"),
            include_inactive=bool(data.get("include_inactive")),
            sort=data.get("sort") or "",
        )


def parse_filters(data: QueryDict | dict) -> tuple[ApplicationFilters, FilterForm]:
    form = FilterForm(data)
    form.is_valid()
    return form.filters(), form


def filters_from_saved(search: str, filters: dict[str, Any], sort: str) -> ApplicationFilters:
    """A saved view's stored parts back into filters (through the same validation)."""
    query = QueryDict(mutable=True)
    for key, value in (filters or {}).items():
        if isinstance(value, list):
            query.setlist(key, [str(v) for v in value])
        elif value is True:
            query[key] = "1"
        elif value is not None:
            query[key] = str(value)
    if search:
        query["q"] = search
    if sort:
        query["sort"] = sort
    return parse_filters(query)[0]
