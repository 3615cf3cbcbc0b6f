"""Source health: every source result of every run counted, atomically, in SourceHealth."""

from __future__ import annotations

import datetime

from django.db.models import F
from django.utils import timezone

from scouter.models import ERROR_KINDS, SourceHealth
from scouter.sources.base import SourceResult


def record_result(result: SourceResult, *, at: datetime.datetime | None = None) -> None:
    """Count one source's result: its outcome, each error by kind, the postings fetched, the last error.

    Side effects: creates the source's SourceHealth row on first sight, then one
    UPDATE with F() expressions, so concurrent runs never lose a count.
    """
    at = at or timezone.now()
    SourceHealth.objects.get_or_create(source_key=result.source)
    outcome = result.outcome
    changes: dict = {"last_run_at": at, "postings_fetched": F("postings_fetched") + len(result.postings)}
    counter = {"ok": "success_count", "partial": "partial_count", "failed": "failure_count", "skipped": "skipped_count"}[outcome]
    changes[counter] = F(counter) + 1
    if outcome in ("ok", "partial"):
        changes["last_success_at"] = at
    for kind, count in result.error_counts().items():
        if count and kind in ERROR_KINDS:
            changes[f"{kind}_count"] = F(f"{kind}_count") + count
    if result.errors:
        last = result.errors[-1]
        changes.update(last_error_at=at, last_error=str(last)[:500], last_error_kind=last.kind)
    if result.skipped_reason:
        changes["last_skipped_reason"] = result.skipped_reason[:300]
    SourceHealth.objects.filter(source_key=result.source).update(**changes)
