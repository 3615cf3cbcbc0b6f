import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from jobpool import quarantine
from jobpool.dedup import ingest
from jobpool.models import DiscoveryMethod, JobPosting, ModerationAction, QuarantineStatus
from jobpool.tests.factories import posting_input
from personas.tests.factories import PersonaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.admin = admin
    return client


def _manual():
    return ingest(posting_input(source="manual", external_id=None), persona=PersonaFactory(), method=DiscoveryMethod.MANUAL).posting


@pytest.mark.parametrize(
    ("action", "status", "active"),
    [("approve", QuarantineStatus.CLEAR, True), ("reject", QuarantineStatus.REJECTED, False), ("hold", QuarantineStatus.HELD, True)],
)
def test_moderation_action_asks_for_a_reason_then_records_who_and_why(admin_client, action, status, active):
    posting = _manual()
    url = reverse("admin:jobpool_jobposting_changelist")

    confirm = admin_client.post(url, {"action": action, "_selected_action": [str(posting.pk)]})
    done = admin_client.post(url, {"action": action, "_selected_action": [str(posting.pk)], "apply": "1", "reason": "looked at it"})

    posting.refresh_from_db()
    entry = ModerationAction.objects.exclude(action="quarantine").get()
    assert b"The reason, your account and the time are recorded" in confirm.content
    assert done.status_code == 302
    assert (posting.quarantine_status, posting.is_active) == (status, active)
    assert (entry.action, entry.actor, entry.reason) == (action, admin_client.admin, "looked at it")


def test_moderation_action_without_reason_changes_nothing(admin_client):
    posting = _manual()

    response = admin_client.post(
        reverse("admin:jobpool_jobposting_changelist"),
        {"action": "approve", "_selected_action": [str(posting.pk)], "apply": "1", "reason": ""},
    )

    posting.refresh_from_db()
    assert b"This field is required" in response.content
    assert posting.quarantine_status == QuarantineStatus.QUARANTINED


@pytest.mark.parametrize(
    ("queue", "expected"), [("quarantined", {"held", "soon", "later"}), ("reported", {"held"}), ("expiring", {"soon"}), ("held", {"held"})]
)
def test_queue_filters(admin_client, user, queue, expected):
    held, soon, later = _manual(), _manual(), _manual()
    ingest(posting_input())  # a clear posting is in no queue
    quarantine.report_posting(user=user, posting=held, reason="spam")
    JobPosting.objects.filter(pk=soon.pk).update(quarantine_expires_at=timezone.now() + datetime.timedelta(hours=5))
    names = {held.pk: "held", soon.pk: "soon", later.pk: "later"}

    response = admin_client.get(reverse("admin:jobpool_jobposting_changelist"), {"queue": queue})

    shown = {names[p.pk] for p in response.context["cl"].result_list}
    assert shown == expected


def test_changelist_query_count_does_not_grow_with_rows(admin_client):
    url = reverse("admin:jobpool_jobposting_changelist")
    _manual()
    admin_client.get(url)
    with CaptureQueriesContext(connection) as one:
        admin_client.get(url)
    for _ in range(2):
        _manual()

    with CaptureQueriesContext(connection) as three:
        response = admin_client.get(url)

    assert len(response.context["cl"].result_list) == 3
    assert len(three.captured_queries) == len(one.captured_queries)


@pytest.mark.parametrize("name", ["jobreport", "personajob", "moderationaction", "jobsource"])
def test_other_admin_lists_render(admin_client, name):
    response = admin_client.get(reverse(f"admin:jobpool_{name}_changelist"))

    assert response.status_code == 200
    assert response.context["cl"].model._meta.model_name == name
