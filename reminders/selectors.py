"""Reads for reminders: who is due a digest, what it says, the calendar feed and its tokens."""

from __future__ import annotations

import datetime
import hashlib
import uuid
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import Exists, OuterRef
from django.urls import reverse

from reminders.models import CalendarFeedToken, DigestLog
from tracker.ics import CalendarEvent
from tracker.models import Application, Interview, InterviewStatus, TrackerSettings
from tracker.selectors import interview_calendar_event

# What a digest covers: interviews from now until the end of the user's local day this many days ahead
# (today, tomorrow and the day after), and at most this many lines of each kind (the mail says how many more).
DIGEST_INTERVIEW_DAYS = 3
DIGEST_MAX_ITEMS = 20
# The calendar feed: what is at most this old is still listed (so today's past events stay visible).
FEED_PAST_DAYS = 30
FEED_MAX_EVENTS = 500
NEXT_ACTION_MINUTES = 15

_UNSUBSCRIBE = signing.Signer(salt="reminders.digest-unsubscribe")
_DEFAULTS = {f.name: f.default for f in TrackerSettings._meta.fields if f.name in ("digest_hour", "time_zone")}


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def local_date(prefs: TrackerSettings, now: datetime.datetime) -> datetime.date:
    return now.astimezone(_zone(prefs.time_zone)).date()


# ------------------------------------------------------------------ who is due
def users_due_for_digest(*, now: datetime.datetime) -> list[uuid.UUID]:
    """Users whose local clock has reached their digest hour today and who have no digest log for that day.

    One query per distinct time zone in use (a handful), never a loop over users.
    Opted-out users are left out. Users who never opened their settings have
    no row yet: they get the defaults (08:00 UTC) when they track something.
    """
    # Reason: a system pass over every user's settings (Celery beat).
    opted_in = TrackerSettings.unscoped.filter(digest_opt_out=False, owner__is_active=True)
    zones = set(opted_in.values_list("time_zone", flat=True).distinct()) | {_DEFAULTS["time_zone"]}
    due: list[uuid.UUID] = []
    for name in sorted(zones):
        local = now.astimezone(_zone(name))
        logged = DigestLog.unscoped.filter(owner_id=OuterRef("owner_id"), local_date=local.date())
        rows = opted_in.filter(time_zone=name, digest_hour__lte=local.hour).exclude(Exists(logged))
        due += rows.values_list("owner_id", flat=True)
        if name == _DEFAULTS["time_zone"] and local.hour >= _DEFAULTS["digest_hour"]:
            due += _users_without_settings(local.date())
    return sorted(set(due), key=str)


def _users_without_settings(day: datetime.date) -> list[uuid.UUID]:
    # Reason: system pass; only owners of something to remind them of.
    has_settings = TrackerSettings.unscoped.filter(owner_id=OuterRef("owner_id"))
    logged = DigestLog.unscoped.filter(owner_id=OuterRef("owner_id"), local_date=day)
    owners = (
        Application.unscoped.all().open()
        .filter(owner__is_active=True)
        .exclude(Exists(has_settings))
        .exclude(Exists(logged))
        .values_list("owner_id", flat=True)
        .distinct()
    )
    return list(owners)


# ------------------------------------------------------------------ what a digest says
@dataclass
class DigestItem:
    title: str
    company: str
    detail: str  # the due time, or the interview's time and kind
    url: str


@dataclass
class Digest:
    local_date: datetime.date
    time_zone: str
    follow_ups: list[DigestItem] = field(default_factory=list)
    follow_up_total: int = 0
    interviews: list[DigestItem] = field(default_factory=list)
    interview_total: int = 0

    @property
    def is_empty(self) -> bool:
        return not self.follow_up_total and not self.interview_total

    @property
    def more_follow_ups(self) -> int:
        return self.follow_up_total - len(self.follow_ups)

    @property
    def more_interviews(self) -> int:
        return self.interview_total - len(self.interviews)


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _detail_url(application_id: Any) -> str:
    return _absolute(reverse("tracker:detail", kwargs={"pk": application_id}))


def build_digest(user: Any, prefs: TrackerSettings, *, now: datetime.datetime) -> Digest:
    """The day's digest: open applications that need a follow-up by the end of the user's local day,
    and scheduled interviews from now to the end of the DIGEST_INTERVIEW_DAYS-th local day. Four queries."""
    zone = _zone(prefs.time_zone)
    local_now = now.astimezone(zone)
    end_of_today = datetime.datetime.combine(local_now.date() + datetime.timedelta(days=1), datetime.time(), zone)
    horizon = end_of_today + datetime.timedelta(days=DIGEST_INTERVIEW_DAYS - 1)
    digest = Digest(local_date=local_now.date(), time_zone=prefs.time_zone)

    due = (
        Application.objects.for_user(user)
        .open()
        .with_follow_up(now=end_of_today, quiet_days=prefs.follow_up_days)
        .filter(needs_follow_up=True)
    )
    digest.follow_up_total = due.count()
    rows = due.order_by("next_action_at", "last_activity_at", "id").only(
        "id", "title", "company_name", "next_action_title", "next_action_at", "last_activity_at"
    )[:DIGEST_MAX_ITEMS]
    for app in rows:
        if app.next_action_at:
            when = app.next_action_at.astimezone(zone)
            overdue = "overdue since" if app.next_action_at <= now else "due"
            detail = f"{app.next_action_title or 'Next action'}: {overdue} {when:%a %d %b, %H:%M}"
        else:
            detail = f"No activity since {app.last_activity_at.astimezone(zone):%a %d %b}: time to follow up"
        digest.follow_ups.append(DigestItem(app.title, app.company_name, detail, _detail_url(app.pk)))

    interviews = Interview.objects.for_user(user).filter(
        status=InterviewStatus.SCHEDULED, scheduled_at__gte=now, scheduled_at__lt=horizon
    )
    digest.interview_total = interviews.count()
    for interview in interviews.select_related("application").order_by("scheduled_at", "id")[:DIGEST_MAX_ITEMS]:
        mine = interview.scheduled_at.astimezone(zone)
        detail = f"{mine:%a %d %b, %H:%M} ({prefs.time_zone}) · {interview.get_stage_display()}, {interview.get_kind_display().lower()}"
        if interview.time_zone != prefs.time_zone:
            detail += f" · {interview.local_start:%H:%M} in {interview.time_zone}"
        app = interview.application
        digest.interviews.append(DigestItem(app.title, app.company_name, detail, _detail_url(app.pk)))
    return digest


# ------------------------------------------------------------------ unsubscribe tokens
def unsubscribe_token(prefs: TrackerSettings) -> str:
    """The signed secret in the digest's unsubscribe link (works without signing in)."""
    return _UNSUBSCRIBE.sign(prefs.digest_unsubscribe_token)


def unsubscribe_url(prefs: TrackerSettings) -> str:
    return _absolute(reverse("reminders:unsubscribe", kwargs={"token": unsubscribe_token(prefs)}))


def settings_for_unsubscribe_token(token: str) -> TrackerSettings | None:
    """The settings row a valid link names, or None (a forged signature never reaches the database)."""
    try:
        secret = _UNSUBSCRIBE.unsign(token)
    except signing.BadSignature:
        return None
    if not secret:
        return None
    # Reason: the signed link is the credential (no session); it names exactly one row.
    return TrackerSettings.unscoped.filter(digest_unsubscribe_token=secret).first()


# ------------------------------------------------------------------ calendar feed
def hash_feed_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def active_feed_token(user: Any) -> CalendarFeedToken | None:
    return CalendarFeedToken.objects.for_user(user).filter(revoked_at__isnull=True).first()


def feed_token_for(token: str) -> CalendarFeedToken | None:
    """The active token row this URL secret names (its owner loaded), or None."""
    if not token or len(token) > 100:
        return None
    # Reason: the feed URL's secret is the credential (calendar apps cannot sign in).
    return (
        CalendarFeedToken.unscoped.select_related("owner")
        .filter(token_hash=hash_feed_token(token), revoked_at__isnull=True, owner__is_active=True)
        .first()
    )


def feed_url(token: str) -> str:
    return _absolute(reverse("reminders:calendar-feed", kwargs={"token": token}))


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "zentropy.local"


def feed_events(user: Any, *, now: datetime.datetime) -> list[CalendarEvent]:
    """Interviews (cancelled ones too, so calendars drop them) and open next actions from
    FEED_PAST_DAYS ago onwards, soonest first. Two queries."""
    since = now - datetime.timedelta(days=FEED_PAST_DAYS)
    events = [
        interview_calendar_event(interview)
        for interview in Interview.objects.for_user(user)
        .filter(scheduled_at__gte=since)
        .select_related("application")
        .order_by("scheduled_at", "id")[:FEED_MAX_EVENTS]
    ]
    actions = (
        Application.objects.for_user(user)
        .open()
        .filter(next_action_at__gte=since)
        .only("id", "title", "company_name", "next_action_title", "next_action_at", "last_action_at", "created_at")
        .order_by("next_action_at", "id")[:FEED_MAX_EVENTS]
    )
    for app in actions:
        changed = app.last_action_at or app.created_at
        events.append(
            CalendarEvent(
                uid=f"next-action-{app.pk}@{_host()}",
                start=app.next_action_at,
                duration=datetime.timedelta(minutes=NEXT_ACTION_MINUTES),
                summary=f"{app.next_action_title or 'Next action'}: {app.company_name} – {app.title}",
                description=f"Next action for your application to {app.title} at {app.company_name}.\n{_detail_url(app.pk)}",
                url=_detail_url(app.pk),
                # The UID stays when the action moves; a later SEQUENCE tells calendars to replace it.
                sequence=int(changed.timestamp()),
            )
        )
    return sorted(events, key=lambda e: e.start)
