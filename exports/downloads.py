"""Streaming download responses shared by the pages and the API."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict, StreamingHttpResponse
from django.utils import timezone

from exports import selectors
from tracker.filters import ApplicationFilters, parse_filters

KINDS = {
    "applications.csv": ("text/csv; charset=utf-8", "applications", "csv"),
    "applications.json": ("application/json", "applications", "json"),
    "all.json": ("application/json", "all-data", "json"),
}


def filters_from(query: QueryDict) -> ApplicationFilters | None:
    """The list's filters when the link carried them (export what the list shows), else None (everything)."""
    meaningful = {k for k in query if k not in ("page", "layout", "format")}
    return parse_filters(query)[0] if meaningful else None


def download(kind: str, user: Any, query: QueryDict) -> StreamingHttpResponse:
    content_type, stem, ext = KINDS[kind]
    if kind == "applications.csv":
        body = selectors.applications_csv(user, filters_from(query))
    elif kind == "applications.json":
        body = selectors.applications_json(user, filters_from(query))
    else:
        body = selectors.everything_json(user)
    response = StreamingHttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="zentropy-{stem}-{timezone.now():%Y-%m-%d}.{ext}"'
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
