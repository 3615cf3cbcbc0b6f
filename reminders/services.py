"""Writes for reminders: the daily digest, unsubscribing, calendar feed tokens, the tracker settings."""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from reminders import selectors
from reminders.models import CalendarFeedToken, DigestLog, DigestOutcome
from tracker.models import TrackerSettings
from tracker.services import settings_for

SETTINGS_FIELDS = (
    "default_sort",
    "default_layout",
    "auto_refresh_seconds",
    "hide_inactive_after_days",
    "time_zone",
    "follow_up_days",
    "digest_hour",
    "digest_opt_out",
)
# Feed fetches are recorded at most this often (calendar apps poll; one write per poll is waste).
FEED_TOUCH_EVERY = datetime.timedelta(hours=1)


# ------------------------------------------------------------------ the digest
def send_digest(user_id: Any, *, now: datetime.datetime | None = None) -> str | None:
    """Send the user's digest for their current local day, at most once per local day.

    Returns the outcome ("sent", "nothing") or None when nothing was done
    (inactive or opted-out user, digest hour not reached, already handled today).
    Side effects: may create the TrackerSettings row; inserts the DigestLog row
    first (the unique (owner, local_date) constraint makes a concurrent sender
    stop); sends one email; on a send failure deletes its own log row and re-raises
    so a later pass may retry.
    """
    now = now or timezone.now()
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    prefs = settings_for(user)
    local_now = now.astimezone(selectors._zone(prefs.time_zone))
    if prefs.digest_opt_out or local_now.hour < prefs.digest_hour:
        return None
    try:
        with transaction.atomic():
            log = DigestLog.objects.create(owner=user, local_date=local_now.date(), time_zone=prefs.time_zone)
    except IntegrityError:
        return None  # another pass (or worker) has this day
    digest = selectors.build_digest(user, prefs, now=now)
    log.follow_ups, log.interviews = digest.follow_up_total, digest.interview_total
    if digest.is_empty:
        log.outcome = DigestOutcome.NOTHING
        log.save(update_fields=["outcome", "follow_ups", "interviews"])
        return log.outcome
    try:
        _digest_message(user, prefs, digest).send()
    except Exception:
        DigestLog.objects.for_user(user).filter(pk=log.pk).delete()
        raise
    log.outcome, log.sent_at = DigestOutcome.SENT, timezone.now()
    log.save(update_fields=["outcome", "sent_at", "follow_ups", "interviews"])
    return log.outcome


def _digest_message(user: Any, prefs: TrackerSettings, digest: selectors.Digest) -> EmailMultiAlternatives:
    unsubscribe = selectors.unsubscribe_url(prefs)
    context = {
        "user": user,
        "digest": digest,
        "unsubscribe_url": unsubscribe,
        "settings_url": f"{settings.SITE_URL}{reverse('reminders:settings')}",
        "site_url": settings.SITE_URL,
    }
    parts = []
    if digest.follow_up_total:
        parts.append(f"{digest.follow_up_total} follow-up{'s' if digest.follow_up_total != 1 else ''}")
    if digest.interview_total:
        parts.append(f"{digest.interview_total} interview{'s' if digest.interview_total != 1 else ''}")
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Your job search today: {' and '.join(parts)}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("reminders/digest_email.txt", context),
        to=[user.email],
        headers={
            # RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to this URL.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("reminders/digest_email.html", context), "text/html")
    return message


def unsubscribe_digest(prefs: TrackerSettings) -> bool:
    """Turn the daily digest off. Returns False when it already was.

    Side effects: saves digest_opt_out on the TrackerSettings row.
    """
    if prefs.digest_opt_out:
        return False
    prefs.digest_opt_out = True
    prefs.save(update_fields=["digest_opt_out", "updated_at"])
    return True


# ------------------------------------------------------------------ calendar feed tokens
def rotate_feed_token(user: Any) -> str:
    """Create the user's calendar feed secret, revoking any earlier one. Returns the secret (shown once).

    Side effects: sets revoked_at on the active CalendarFeedToken; inserts a new one (only its hash).
    """
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        CalendarFeedToken.objects.for_user(user).filter(revoked_at__isnull=True).update(revoked_at=now)
        CalendarFeedToken.objects.create(
            owner=user, token_hash=selectors.hash_feed_token(token), hint=token[-6:], created_at=now
        )
    return token


def revoke_feed_token(user: Any) -> bool:
    """Turn the calendar feed off. Returns False when there was none. Side effects: sets revoked_at."""
    return bool(CalendarFeedToken.objects.for_user(user).filter(revoked_at__isnull=True).update(revoked_at=timezone.now()))


def note_feed_fetch(token: CalendarFeedToken, *, now: datetime.datetime | None = None) -> None:
    """Side effects: updates last_used_at, at most once per FEED_TOUCH_EVERY."""
    now = now or timezone.now()
    if token.last_used_at and now - token.last_used_at < FEED_TOUCH_EVERY:
        return
    CalendarFeedToken.objects.for_owner_id(token.owner_id).filter(pk=token.pk).update(last_used_at=now)


# ------------------------------------------------------------------ settings
def set_theme(user: Any, theme: str) -> None:
    """Side effects: saves User.theme."""
    choices = {value for value, _ in get_user_model().Theme.choices}
    if theme not in choices:
        raise ValidationError({"theme": f"Choose one of {', '.join(sorted(choices))}."})
    if user.theme != theme:
        user.theme = theme
        user.save(update_fields=["theme"])


def update_tracker_settings(user: Any, **changes: Any) -> TrackerSettings:
    """Change the user's tracker settings (and theme). Unknown or invalid values raise ValidationError.

    Side effects: creates the TrackerSettings row if missing, saves the changed fields; saves User.theme.
    """
    theme = changes.pop("theme", None)
    unknown = set(changes) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValidationError({name: "Unknown setting." for name in sorted(unknown)})
    prefs = settings_for(user)
    for name, value in changes.items():
        setattr(prefs, name, value)
    prefs.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        if changes:
            prefs.save(update_fields=[*changes, "updated_at"])
        if theme is not None:
            set_theme(user, theme)
    return prefs
