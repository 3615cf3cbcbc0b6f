import datetime

import pytest
import time_machine
from django.utils import timezone

from jobpool import quarantine
from jobpool.dedup import ingest
from jobpool.models import DiscoveryMethod, JobPosting, JobReport, ModerationAction, QuarantineStatus, ReportStatus
from jobpool.tasks import release_expired_quarantines
from jobpool.tests.factories import posting_input
from personas.tests.factories import PersonaFactory

pytestmark = pytest.mark.django_db


def _manual_posting():
    return ingest(posting_input(source="manual", external_id=None), persona=PersonaFactory(), method=DiscoveryMethod.MANUAL).posting


@pytest.mark.smoke
def test_release_task_frees_postings_whose_quarantine_expired_and_only_those():
    due, fresh = _manual_posting(), _manual_posting()
    JobPosting.objects.filter(pk=due.pk).update(quarantine_expires_at=timezone.now() - datetime.timedelta(minutes=1))

    released = release_expired_quarantines.delay().get()

    due.refresh_from_db()
    fresh.refresh_from_db()
    assert released == 1
    assert (due.quarantine_status, fresh.quarantine_status) == (QuarantineStatus.CLEAR, QuarantineStatus.QUARANTINED)
    assert list(ModerationAction.objects.filter(posting=due).values_list("action", flat=True)) == ["release_expiry", "quarantine"]
    assert quarantine.release_expired() == 0


def test_quarantine_expires_after_seven_days():
    posting = _manual_posting()

    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        assert quarantine.release_expired() == 1

    posting.refresh_from_db()
    assert list(JobPosting.objects.surfaceable()) == [posting]


@pytest.mark.smoke
def test_report_holds_the_posting_until_a_moderator_decides(user):
    posting = _manual_posting()

    report = quarantine.report_posting(user=user, posting=posting, reason="scam", note="asks for a fee")

    posting.refresh_from_db()
    assert posting.quarantine_status == QuarantineStatus.HELD
    assert posting.quarantine_expires_at is None
    with time_machine.travel(timezone.now() + datetime.timedelta(days=30)):
        assert quarantine.release_expired() == 0
    assert JobReport.objects.for_user(user).get() == report


def test_report_requarantines_a_released_posting(user):
    posting = ingest(posting_input()).posting

    quarantine.report_posting(user=user, posting=posting, reason="inaccurate")

    posting.refresh_from_db()
    assert posting.quarantine_status == QuarantineStatus.HELD
    assert list(JobPosting.objects.surfaceable()) == []


def test_second_report_by_the_same_user_updates_the_first(user):
    posting = ingest(posting_input()).posting
    quarantine.report_posting(user=user, posting=posting, reason="spam")

    quarantine.report_posting(user=user, posting=posting, reason="scam", note="more detail")

    assert list(JobReport.objects.for_user(user).values_list("reason", "note")) == [("scam", "more detail")]


def test_approve_clears_hold_and_dismisses_reports_recording_who(user, other_user):
    posting = _manual_posting()
    quarantine.report_posting(user=user, posting=posting, reason="spam")

    quarantine.approve_posting(posting, actor=other_user, reason="checked the employer's site")

    posting.refresh_from_db()
    report = JobReport.unscoped.get()
    entry = ModerationAction.objects.filter(action="approve").get()
    assert posting.quarantine_status == QuarantineStatus.CLEAR
    assert (report.status, report.decided_by, report.decision_note) == (ReportStatus.DISMISSED, other_user, "checked the employer's site")
    assert (entry.actor, entry.reason) == (other_user, "checked the employer's site")


def test_reject_deactivates_for_good_and_keeps_links(user, other_user):
    persona = PersonaFactory(owner=user)
    posting = ingest(posting_input(source="manual", external_id=None), persona=persona, method=DiscoveryMethod.MANUAL).posting

    quarantine.reject_posting(posting, actor=other_user, reason="fake employer")

    posting.refresh_from_db()
    assert (posting.is_active, posting.is_withdrawn) == (False, True)
    assert posting.expired_at is not None
    assert persona.job_links.get().posting_id == posting.pk
    with pytest.raises(quarantine.ModerationError):
        quarantine.approve_posting(posting, actor=other_user, reason="oops")
