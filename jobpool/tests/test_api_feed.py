import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobpool.dedup import ingest
from jobpool.models import DiscoveryMethod, JobPosting, JobReport, LinkStatus, PersonaJob, QuarantineStatus
from jobpool.selectors import JOB_FACT_FIELDS
from jobpool.tests.factories import posting_input
from personas.tests.factories import PersonaFactory

pytestmark = pytest.mark.django_db

LIST = reverse("job-posting-list")


def _link(persona, *, fit=None, method=DiscoveryMethod.SCOUTER, **posting):
    link = ingest(posting_input(**posting), persona=persona, method=method).link
    if fit is not None:
        PersonaJob.unscoped.filter(pk=link.pk).update(fit_score=fit)
    return link


@pytest.fixture
def persona(user):
    return PersonaFactory(owner=user)


@pytest.fixture
def api(client_for, user):
    return client_for(user)


@pytest.mark.smoke
def test_feed_lists_only_my_links_best_fit_first_with_the_public_shape(api, persona, other_user):
    low, high = _link(persona, fit=40), _link(persona, fit=90)
    _link(PersonaFactory(owner=other_user), fit=99)

    body = api.get(LIST).json()

    assert [row["id"] for row in body["results"]] == [str(high.pk), str(low.pk)]
    assert set(body["results"][0]) == {"id", "persona", "status", "is_favorite", "dismissed_at", "fit_score", "stretch_score",
                                       "failed_dealbreakers", "score_details", "discovered_at", "scored_at", "job"}
    assert set(body["results"][0]["job"]) == set(JOB_FACT_FIELDS)


def test_feed_hides_how_a_link_was_found(api, persona):
    _link(persona, method=DiscoveryMethod.POOL)

    row = api.get(LIST).json()["results"][0]

    assert "discovery_method" not in row and "pool" not in str(row)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"min_fit": 50}, {"remote-high"}),
        ({"work_model": "remote"}, {"remote-high"}),
        ({"salary_disclosed": "true"}, {"paid"}),
        ({"q": "Quantum"}, {"paid"}),
        ({"favorites": "true"}, {"fav"}),
        ({"status": "dismissed"}, {"gone"}),
        ({"include_failed": "true"}, {"remote-high", "paid", "fav", "failing"}),
        ({"posted_within": 7}, {"remote-high", "fav"}),
    ],
)
def test_feed_filters(api, persona, query, expected):
    names = {}
    names[_link(persona, fit=80, work_model="remote").pk] = "remote-high"
    names[_link(persona, fit=20, title="Quantum Engineer", salary_min=1000, salary_max=2000,
                posted_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)).pk] = "paid"
    fav = _link(persona, fit=10)
    names[fav.pk] = "fav"
    PersonaJob.unscoped.filter(pk=fav.pk).update(is_favorite=True)
    gone = _link(persona)
    names[gone.pk] = "gone"
    PersonaJob.unscoped.filter(pk=gone.pk).update(status="dismissed")
    failing = _link(persona, fit=5)
    names[failing.pk] = "failing"
    PersonaJob.unscoped.filter(pk=failing.pk).update(failed_dealbreakers=["salary below minimum"])
    JobPosting.objects.exclude(title="Quantum Engineer").update(posted_at=timezone.now())

    rows = api.get(LIST, query).json()["results"]

    assert {names[uuid.UUID(r["id"])] for r in rows} == expected


def test_feed_query_count_does_not_grow_with_rows(api, persona):
    _link(persona)
    api.get(LIST)  # the session's first request records it (allauth usersessions)
    with CaptureQueriesContext(connection) as one:
        assert api.get(LIST).status_code == 200
    _link(persona)
    _link(persona)

    with CaptureQueriesContext(connection) as three:
        assert len(api.get(LIST).json()["results"]) == 3

    assert len(three.captured_queries) == len(one.captured_queries)


def test_patch_changes_only_my_fields_and_stamps_dismissal(api, persona):
    link = _link(persona)

    dismissed = api.patch(reverse("job-posting-detail", args=[link.pk]), {"status": "dismissed", "is_favorite": True}, content_type="application/json")
    back = api.patch(reverse("job-posting-detail", args=[link.pk]), {"status": "discovered"}, content_type="application/json")

    link.refresh_from_db()
    assert dismissed.json()["status"] == "dismissed" and dismissed.json()["dismissed_at"] is not None
    assert back.json()["dismissed_at"] is None
    assert (link.status, link.is_favorite) == (LinkStatus.DISCOVERED, True)


@pytest.mark.parametrize("body", [{"title": "Hacked"}, {"job": {"title": "Hacked"}}, {"fit_score": 100}, {"status": "expired"}])
def test_patch_of_a_pool_or_unknown_field_is_a_400(api, persona, body):
    link = _link(persona)

    response = api.patch(reverse("job-posting-detail", args=[link.pk]), body, content_type="application/json")

    link.refresh_from_db()
    assert response.status_code == 400
    assert link.posting.title == "Backend Engineer" and link.fit_score is None


def test_applied_cannot_go_back_to_discovered(api, persona):
    link = _link(persona)
    PersonaJob.unscoped.filter(pk=link.pk).update(status="applied")

    response = api.patch(reverse("job-posting-detail", args=[link.pk]), {"status": "discovered"}, content_type="application/json")

    assert response.json()["error"]["code"] == "INVALID_STATUS_CHANGE"


def test_another_users_link_is_404(api, other_user):
    foreign = _link(PersonaFactory(owner=other_user))

    assert api.get(reverse("job-posting-detail", args=[foreign.pk])).status_code == 404
    assert api.patch(reverse("job-posting-detail", args=[foreign.pk]), {"is_favorite": True}, content_type="application/json").status_code == 404


def test_bulk_dismiss_and_favorite_report_foreign_ids_as_not_found(api, persona, other_user):
    mine = [_link(persona), _link(persona)]
    foreign = _link(PersonaFactory(owner=other_user))
    ids = [str(mine[0].pk), str(mine[1].pk), str(foreign.pk)]

    dismissed = api.post(reverse("job-posting-bulk-dismiss"), {"ids": ids}, content_type="application/json").json()
    favored = api.post(reverse("job-posting-bulk-favorite"), {"ids": ids}, content_type="application/json").json()

    foreign.refresh_from_db()
    assert dismissed == {"updated": ids[:2], "failed": [{"id": ids[2], "code": "NOT_FOUND"}]}
    assert favored["updated"] == ids[:2]
    assert sorted(PersonaJob.objects.for_user(persona.owner).values_list("status", "is_favorite")) == [("dismissed", True), ("dismissed", True)]
    assert (foreign.status, foreign.is_favorite) == ("discovered", False)


def test_report_holds_the_job_for_moderation(api, persona, user):
    link = _link(persona)

    response = api.post(reverse("job-posting-report", args=[link.pk]), {"reason": "scam", "note": "asks for money"}, content_type="application/json")

    link.posting.refresh_from_db()
    assert response.status_code == 201
    assert link.posting.quarantine_status == QuarantineStatus.HELD
    assert list(JobReport.objects.for_user(user).values_list("reason", "note")) == [("scam", "asks for money")]
