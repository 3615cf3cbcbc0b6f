"""Quarantine and moderation services: release, approve, reject, hold, report.

A posting submitted by a user (manual add, browser clipper) starts
QUARANTINED for 7 days (jobpool.dedup): only its linked submitters see it and
the pool never surfaces it. It leaves quarantine when the time is up
(`release_expired`, a periodic task), when the scouter sees it independently
(jobpool.dedup), or when a moderator approves it. A user report puts any
posting on HELD (no expiry) until a moderator decides. Every change is logged
as a ModerationAction with its reason and actor (None: the system).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from jobpool.models import JobPosting, JobReport, ModerationAction, QuarantineStatus, ReportStatus

Action = ModerationAction.Action


class ModerationError(ValueError):
    """A moderation step that does not apply to this posting (message safe to show operators)."""


def release_expired(*, now: datetime.datetime | None = None) -> int:
    """Release every quarantined posting whose expiry has passed; returns how many.

    Side effects: postings become CLEAR; one RELEASE_EXPIRY log entry each. Held postings never expire.
    Idempotent: a second run finds nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        ids = list(
            JobPosting.objects.quarantine_expired(now).select_for_update(skip_locked=True).values_list("pk", flat=True)
        )
        if not ids:
            return 0
        JobPosting.objects.filter(pk__in=ids).update(quarantine_status=QuarantineStatus.CLEAR, quarantine_expires_at=None)
        ModerationAction.objects.bulk_create(
            ModerationAction(posting_id=pk, action=Action.RELEASE_EXPIRY, reason="quarantine period ended", created_at=now)
            for pk in ids
        )
    return len(ids)


def _log(posting: JobPosting, action: str, *, actor, reason: str) -> ModerationAction:
    return ModerationAction.objects.create(posting=posting, action=action, actor=actor, reason=reason[:2000])


def _decide_reports(posting: JobPosting, *, status: str, actor, note: str) -> int:
    # System scope: a moderator decides every open report on the posting, whoever filed it.
    return JobReport.unscoped.filter(posting=posting, status=ReportStatus.OPEN).update(
        status=status, decided_at=timezone.now(), decided_by=actor, decision_note=note[:2000]
    )


def approve_posting(posting: JobPosting, *, actor, reason: str) -> JobPosting:
    """A moderator clears a quarantined or held posting: it may be surfaced (if active).

    Side effects: quarantine CLEAR, open reports DISMISSED, an APPROVE log entry.
    """
    if posting.quarantine_status == QuarantineStatus.REJECTED:
        raise ModerationError("A rejected posting stays withdrawn.")
    with transaction.atomic():
        posting.quarantine_status = QuarantineStatus.CLEAR
        posting.quarantine_expires_at = None
        posting.save(update_fields=["quarantine_status", "quarantine_expires_at"])
        _decide_reports(posting, status=ReportStatus.DISMISSED, actor=actor, note=reason)
        _log(posting, Action.APPROVE, actor=actor, reason=reason)
    return posting


def reject_posting(posting: JobPosting, *, actor, reason: str) -> JobPosting:
    """A moderator withdraws a posting: it is deactivated; links stay and show it as withdrawn.

    Side effects: quarantine REJECTED, is_active False (never back), expired_at set, open reports UPHELD, a REJECT log entry.
    """
    now = timezone.now()
    with transaction.atomic():
        posting.quarantine_status = QuarantineStatus.REJECTED
        posting.quarantine_expires_at = None
        posting.is_active = False
        posting.expired_at = posting.expired_at or now
        posting.save(update_fields=["quarantine_status", "quarantine_expires_at", "is_active", "expired_at"])
        _decide_reports(posting, status=ReportStatus.UPHELD, actor=actor, note=reason)
        _log(posting, Action.REJECT, actor=actor, reason=reason)
    return posting


def hold_posting(posting: JobPosting, *, actor, reason: str, action: str = Action.HOLD) -> JobPosting:
    """Keep a posting out of the pool until a moderator decides (no expiry).

    Side effects: quarantine HELD (quarantined_at kept or set), a HOLD (or REPORT_HOLD) log entry.
    """
    if posting.quarantine_status == QuarantineStatus.REJECTED:
        raise ModerationError("A rejected posting stays withdrawn.")
    with transaction.atomic():
        posting.quarantine_status = QuarantineStatus.HELD
        posting.quarantine_expires_at = None
        posting.quarantined_at = posting.quarantined_at or timezone.now()
        posting.save(update_fields=["quarantine_status", "quarantine_expires_at", "quarantined_at"])
        _log(posting, action, actor=actor, reason=reason)
    return posting


def report_posting(*, user, posting: JobPosting, reason: str, note: str = "") -> JobReport:
    """File `user`'s report on a posting they can see (the caller has resolved it through the user's own link).

    Side effects: a JobReport (one open report per user and posting: a second updates the first),
    the posting HELD until a moderator decides (unless already rejected), a REPORT_HOLD log entry.
    """
    with transaction.atomic():
        report = JobReport.objects.for_user(user).filter(posting=posting, status=ReportStatus.OPEN).first()
        if report is None:
            report = JobReport.objects.create(owner=user, posting=posting, reason=reason, note=note[:2000])
        else:
            report.reason, report.note = reason, note[:2000]
            report.save(update_fields=["reason", "note"])
        if posting.quarantine_status != QuarantineStatus.REJECTED and posting.quarantine_status != QuarantineStatus.HELD:
            hold_posting(posting, actor=None, reason=f"user report: {reason}", action=Action.REPORT_HOLD)
    return report
