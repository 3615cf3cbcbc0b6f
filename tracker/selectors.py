"""Reads shared by the tracker's pages and API: search, filtered lists, the board, suggestions."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from tracker import transitions
from tracker.filters import ApplicationFilters
from tracker.ics import CalendarEvent
from tracker.models import Application, ApplicationTag, Interview, Sort, TimelineEvent, TrackerSettings
from tracker.querysets import ApplicationQuerySet

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 8

SORTS = {
    Sort.ACTIVITY: ("-is_pinned", "-last_activity_at", "-created_at"),
    Sort.NEXT_ACTION: ("-is_pinned", "next_action_at", "-last_activity_at"),
    Sort.APPLIED: ("-is_pinned", "-applied_on", "-created_at"),
    Sort.COMPANY: ("-is_pinned", "company_name", "title"),
}
STATUS_ORDER = {status: i for i, status in enumerate(transitions.ALL)}
PRIORITY_ORDER = {"high": 0, "normal": 1, "low": 2}

# The fields a board card or a list row shows (nothing else is loaded).
CARD_FIELDS = (
    "id", "owner_id", "persona_id", "status", "company_name", "title", "location", "priority", "is_pinned",
    "next_action_title", "next_action_at", "last_activity_at", "applied_on", "created_at",
)


def search_terms(text: str) -> list[str]:
    return _WORD.findall(text.lower())[:MAX_TERMS]


def text_search(queryset: QuerySet, text: str) -> QuerySet:
    """Applications whose company, title, location, tags or notes match every word of `text` (prefixes count).

    PostgreSQL: full-text search (django.contrib.postgres, the `simple` configuration, prefix
    terms) over `search_text`. Elsewhere (SQLite): a case-insensitive substring match per word.
    """
    terms = search_terms(text)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        # Each term is \w+ only, so the raw tsquery cannot be malformed.
        query = SearchQuery(" & ".join(f"{term}:*" for term in terms), search_type="raw", config="simple")
        return queryset.annotate(search=SearchVector("search_text", config="simple")).filter(search=query)
    condition = Q()
    for term in terms:
        condition &= Q(search_text__icontains=term)
    return queryset.filter(condition)


def scoped_applications(user: Any) -> ApplicationQuerySet:
    return Application.objects.for_user(user)


def filter_applications(
    user: Any, filters: ApplicationFilters, *, prefs: TrackerSettings, now: datetime.datetime | None = None
) -> ApplicationQuerySet:
    """The user's applications matching `filters`, annotated with needs_follow_up, sorted, tags prefetched."""
    now = now or timezone.now()
    queryset = scoped_applications(user).with_follow_up(now=now, quiet_days=prefs.follow_up_days)
    if prefs.hide_inactive_after_days and not filters.include_inactive:
        queryset = queryset.active_since(now - datetime.timedelta(days=prefs.hide_inactive_after_days))
    queryset = text_search(queryset, filters.q)
    if filters.status:
        queryset = queryset.filter(status__in=filters.status)
    if filters.priority:
        queryset = queryset.filter(priority__in=filters.priority)
    if filters.tag:
        tagged = ApplicationTag.objects.for_user(user).filter(name__in=filters.tag).values("application_id")
        queryset = queryset.filter(pk__in=tagged)
    if filters.persona:
        queryset = queryset.filter(persona_id=filters.persona)
    if filters.follow_up:
        queryset = queryset.filter(needs_follow_up=True)
    if filters.applied_from:
        queryset = queryset.filter(applied_on__gte=filters.applied_from)
    if filters.applied_to:
        queryset = queryset.filter(applied_on__lte=filters.applied_to)
    return _sorted(queryset, filters.sort or prefs.default_sort)


def _sorted(queryset: ApplicationQuerySet, sort: str) -> ApplicationQuerySet:
    from django.db.models import Case, IntegerField, Value, When

    if sort == Sort.STATUS:
        rank = Case(*[When(status=s, then=Value(i)) for s, i in STATUS_ORDER.items()], output_field=IntegerField())
        return queryset.order_by("-is_pinned", rank, "-last_activity_at")
    if sort == Sort.PRIORITY:
        rank = Case(*[When(priority=p, then=Value(i)) for p, i in PRIORITY_ORDER.items()], output_field=IntegerField())
        return queryset.order_by("-is_pinned", rank, "-last_activity_at")
    return queryset.order_by(*SORTS.get(sort, SORTS[Sort.ACTIVITY]), "id")


def with_tags(queryset: QuerySet, user: Any) -> QuerySet:
    """Prefetch each application's tag names (one query for any number of applications)."""
    return queryset.prefetch_related(
        Prefetch("tags", queryset=ApplicationTag.objects.for_user(user).only("id", "application_id", "name").order_by("name"))
    )


def card_list(queryset: QuerySet, user: Any) -> list[Application]:
    """The rows of a board or list, each with `tag_names` (two queries for any number of rows)."""
    return attach_tag_names(list(queryset.only(*CARD_FIELDS)), user)


def attach_tag_names(rows: list[Application], user: Any) -> list[Application]:
    """Set `tag_names` (sorted) on each application, in one query."""
    names: dict[Any, list[str]] = {row.pk: [] for row in rows}
    if rows:
        tags = ApplicationTag.objects.for_user(user).filter(application_id__in=list(names)).order_by("name")
        for application_id, name in tags.values_list("application_id", "name"):
            names[application_id].append(name)
    for row in rows:
        row.tag_names = names[row.pk]
    return rows


# Cards shown per column before a "show more" (a column of hundreds is read through search and filters).
BOARD_COLUMN_LIMIT = 25


@dataclass
class Column:
    key: str
    label: str
    drop_status: str
    cards: list[Application] = field(default_factory=list)
    count: int = 0  # every matching application in the column, shown or not

    @property
    def more(self) -> int:
        return self.count - len(self.cards)


def board(
    user: Any, filters: ApplicationFilters, *, prefs: TrackerSettings, limit: int | None = BOARD_COLUMN_LIMIT,
    expand: str = "",
) -> list[Column]:
    """The board: matching applications in their status-group columns, the first `limit` of each
    (every one in the `expand` column). Three queries in all, whatever the number of applications."""
    columns = {key: Column(key, label, drop) for key, label, _, drop in transitions.COLUMNS}
    shown: list[Application] = []
    for application in filter_applications(user, filters, prefs=prefs).only(*CARD_FIELDS):
        column = columns[transitions.COLUMN_OF[application.status]]
        column.count += 1
        if limit is None or column.key == expand or len(column.cards) < limit:
            column.cards.append(application)
            shown.append(application)
    attach_tag_names(shown, user)
    return list(columns.values())


def application_detail(user: Any, pk: Any) -> Application:
    """One application with its persona and link loaded (404 for anyone else's)."""
    from tenancy.shortcuts import get_owned_or_404

    queryset = scoped_applications(user).select_related("persona", "persona_job")
    return get_owned_or_404(queryset, user, pk=pk)


def timeline_page(application: Application, *, before: tuple[datetime.datetime, Any] | None, limit: int = 20) -> tuple[list[TimelineEvent], bool]:
    """Newest events first; `before` is the (created_at, id) of the last event already shown. Returns (events, has_more)."""
    events = TimelineEvent.objects.for_owner_id(application.owner_id).filter(application=application)
    if before is not None:
        at, pk = before
        events = events.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=pk))
    rows = list(events.order_by("-created_at", "-id")[: limit + 1])
    return rows[:limit], len(rows) > limit


def tag_suggestions(user: Any, *, prefix: str = "", limit: int = 20) -> list[str]:
    """The user's own tags, most used first (never anyone else's)."""
    tags = ApplicationTag.objects.for_user(user)
    if prefix:
        tags = tags.filter(name__startswith=prefix.strip().lower())
    rows = tags.values("name").annotate(uses=Count("id")).order_by("-uses", "name")[:limit]
    return [row["name"] for row in rows]


def interviews_upcoming_first(user: Any, *, now: datetime.datetime | None = None) -> QuerySet:
    """All of the user's interviews: upcoming scheduled ones soonest first, then the rest newest first."""
    return Interview.objects.for_user(user).upcoming_first(now or timezone.now()).select_related("application")


def interview_calendar_event(interview: Interview) -> CalendarEvent:
    """The ICS event of one interview (tracker.ics renders it)."""
    application = interview.application
    start_local = interview.local_start
    lines = [
        f"{interview.get_stage_display()} interview ({interview.get_kind_display().lower()}) for {application.title} at {application.company_name}.",
        f"Local time: {start_local:%A %d %B %Y, %H:%M} ({interview.time_zone}).",
    ]
    if interview.interviewer:
        lines.append(f"Interviewer: {interview.interviewer}")
    if interview.meeting_url:
        lines.append(f"Join: {interview.meeting_url}")
    if interview.notes:
        lines.append("")
        lines.append(interview.notes)
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "zentropy.local"
    return CalendarEvent(
        uid=f"interview-{interview.pk}@{host}",
        start=interview.scheduled_at,
        duration=datetime.timedelta(minutes=interview.duration_minutes),
        summary=f"Interview: {application.company_name} – {application.title}",
        description="\n".join(lines),
        location=interview.location or interview.meeting_url,
        url=interview.meeting_url,
        sequence=interview.sequence,
        cancelled=interview.status == "cancelled",
    )
