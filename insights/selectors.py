"""Insight figures over the user's applications, aggregated in the database (a constant number of queries).

Definitions (docs/insights.md):
- reached a stage: the application is there now, was there before it closed
  (`status_before_close`), or its timeline records a move to it or past it;
- responded: reached the recruiter screen or later, or was rejected (a "no" is an answer);
- interviewed: reached interviewing or later, or has an interview on record;
- time in a stage: from the event that moved an application into it (the `created`
  event for Applied) to the next status event; stints still running are not averaged.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import TruncWeek

from tracker import transitions
from tracker.models import Application, EventKind, Interview, TimelineEvent

PIPELINE = ("applied", "recruiter_screen", "interviewing", "onsite", "offer", "accepted")
STATUS_EVENTS = (EventKind.CREATED, EventKind.STATUS_CHANGED, EventKind.REOPENED)
DEFAULT_WEEKS = 26


@dataclass(frozen=True)
class InsightFilters:
    start: datetime.date
    end: datetime.date
    persona: uuid.UUID | None = None

    @classmethod
    def default(cls, today: datetime.date) -> InsightFilters:
        return cls(start=today - datetime.timedelta(weeks=DEFAULT_WEEKS), end=today)


def applications(user: Any, filters: InsightFilters) -> QuerySet:
    """The user's applications applied for within the range (and for the persona, when chosen)."""
    queryset = Application.objects.for_user(user).filter(applied_on__gte=filters.start, applied_on__lte=filters.end)
    if filters.persona:
        queryset = queryset.filter(persona_id=filters.persona)
    return queryset


def _week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def applications_per_week(user: Any, filters: InsightFilters) -> list[tuple[datetime.date, int]]:
    """(Monday of the week, applications) for every week of the range, empty weeks included. One query."""
    rows = (
        applications(user, filters)
        .annotate(week=TruncWeek("applied_on"))
        .values("week")
        .annotate(count=Count("id"))
        .order_by("week")
    )
    counts = {(r["week"].date() if isinstance(r["week"], datetime.datetime) else r["week"]): r["count"] for r in rows}
    weeks, week = [], _week_start(filters.start)
    while week <= filters.end:
        weeks.append((week, counts.get(week, 0)))
        week += datetime.timedelta(weeks=1)
    return weeks


def _reached(user: Any, stage: str) -> Q:
    later = PIPELINE[PIPELINE.index(stage) :]
    moved = TimelineEvent.objects.for_user(user).filter(
        application=OuterRef("pk"), kind__in=(EventKind.STATUS_CHANGED, EventKind.REOPENED), data__to__in=list(later)
    )
    return Q(status__in=later) | Q(status_before_close__in=later) | Q(Exists(moved))


def funnel(user: Any, filters: InsightFilters) -> dict[str, Any]:
    """How many applications reached each pipeline stage, plus the response, interview and offer rates. One query."""
    interviewed = Exists(Interview.objects.for_user(user).filter(application=OuterRef("pk")))
    totals = applications(user, filters).aggregate(
        **{stage: Count("pk", filter=_reached(user, stage)) for stage in PIPELINE[1:]},
        total=Count("pk"),
        responded=Count("pk", filter=_reached(user, "recruiter_screen") | Q(status="rejected")),
        interviewed=Count("pk", filter=_reached(user, "interviewing") | Q(interviewed)),
    )
    total = totals["total"]
    stages = [(stage, total if stage == "applied" else totals[stage]) for stage in PIPELINE]

    def rate(count: int) -> float | None:
        return round(100 * count / total, 1) if total else None

    return {
        "total": total,
        "stages": [{"status": s, "label": transitions.label(s), "count": n} for s, n in stages],
        "response_rate": rate(totals["responded"]),
        "interview_rate": rate(totals["interviewed"]),
        "offer_rate": rate(totals["offer"]),
        "responded": totals["responded"],
        "interviewed": totals["interviewed"],
    }


def status_counts(user: Any, filters: InsightFilters) -> list[dict[str, Any]]:
    """Applications by their current status, in pipeline order (statuses with none left out). One query."""
    rows = dict(applications(user, filters).values_list("status").annotate(count=Count("id")).values_list("status", "count"))
    return [{"status": s, "label": transitions.label(s), "count": rows[s]} for s in transitions.ALL if rows.get(s)]


def time_in_stage(user: Any, filters: InsightFilters) -> list[dict[str, Any]]:
    """Average days an application spent in each open stage before its next status move. One query."""
    events = TimelineEvent.objects.for_user(user)
    next_move = (
        events.filter(application=OuterRef("application"), kind__in=STATUS_EVENTS, created_at__gt=OuterRef("created_at"))
        .order_by("created_at")
        .values("created_at")[:1]
    )
    stage = Case(
        When(kind=EventKind.CREATED, then=Value("applied")),
        default=KeyTextTransform("to", "data"),
        output_field=CharField(),
    )
    rows = (
        events.filter(application__in=applications(user, filters).values("pk"), kind__in=STATUS_EVENTS)
        .annotate(stage=stage, left_at=Subquery(next_move))
        .filter(left_at__isnull=False, stage__in=transitions.OPEN)
        .annotate(spent=ExpressionWrapper(F("left_at") - F("created_at"), output_field=DurationField()))
        .values("stage")
        .annotate(average=Avg("spent"), stints=Count("id"))
    )
    found = {row["stage"]: row for row in rows}
    result = []
    for status in transitions.OPEN:
        row = found.get(status)
        average = row["average"] if row else None
        if average is not None and not isinstance(average, datetime.timedelta):
            average = datetime.timedelta(microseconds=float(average))  # SQLite averages microseconds
        days = round(average.total_seconds() / 86400, 1) if average is not None else None
        result.append({"status": status, "label": transitions.label(status), "days": days, "stints": row["stints"] if row else 0})
    return result


def insights(user: Any, filters: InsightFilters) -> dict[str, Any]:
    """Everything the insights page shows (five queries)."""
    weeks = applications_per_week(user, filters)
    return {
        "weeks": [{"week": week.isoformat(), "count": count} for week, count in weeks],
        "funnel": funnel(user, filters),
        "statuses": status_counts(user, filters),
        "stages": time_in_stage(user, filters),
    }
