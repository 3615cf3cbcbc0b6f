"""The job page explains a score in sentences and parts, from the stored breakdown of the one scorer."""

import pytest
from django.urls import reverse

from jobpool.dedup import ingest
from jobpool.matching.scoring_service import score_links
from jobpool.models import PersonaJob
from jobpool.tests.factories import posting_input
from personas.services import add_child
from personas.tests.factories import PersonaFactory

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_job_page_shows_the_scores_explanation_and_component_table(client_for, user):
    persona = PersonaFactory(owner=user, years_experience=6, current_role="Backend Engineer", commutable_cities=["Berlin"])
    add_child(persona, "skills", name="Python", skill_type="hard", proficiency="expert", years_used=6)
    link = ingest(
        posting_input(title="Backend Engineer", description_html="<h3>Requirements</h3><ul><li>3+ years of Python</li><li>Kubernetes</li></ul>"),
        persona=persona,
    ).link
    score_links(persona, [link.pk])
    link = PersonaJob.objects.for_user(user).get(pk=link.pk)

    page = client_for(user).get(reverse("jobpool:job-detail", kwargs={"pk": link.pk})).content.decode()

    assert link.failed_dealbreakers == []
    assert link.fit_score is not None
    assert f'<span class="score-pill__value">{link.fit_score}</span>' in page
    for sentence in link.score_details["explanation"]["gaps"] + link.score_details["explanation"]["strengths"]:
        assert sentence in page
    assert link.score_details["explanation"]["strengths"]
    assert '<th scope="row">Hard skills</th>' in page
    assert "score_details" not in page and "&#x27;components&#x27;" not in page


def test_mark_expired_leaves_my_feed_and_holds_the_posting_for_a_moderator(client_for, user, other_user):
    from jobpool.models import JobReport, QuarantineStatus

    mine = ingest(posting_input(title="Data Engineer"), persona=PersonaFactory(owner=user)).link
    theirs = ingest(posting_input(title="Data Engineer"), persona=PersonaFactory(owner=other_user)).link

    response = client_for(user).post(reverse("jobpool:job-expire", kwargs={"pk": mine.pk}))

    mine.refresh_from_db()
    mine.posting.refresh_from_db()
    report = JobReport.objects.for_user(user).get()
    assert response["Location"] == reverse("jobpool:job-detail", kwargs={"pk": mine.pk})
    assert (mine.status, report.reason, report.posting_id) == ("dismissed", "expired", mine.posting_id)
    assert mine.posting.quarantine_status == QuarantineStatus.HELD
    assert mine.posting.is_active is True
    assert PersonaJob.objects.for_user(other_user).get(pk=theirs.pk).status == "discovered"


def test_mark_expired_on_another_users_link_is_404_and_changes_nothing(client_for, user, other_user):
    from jobpool.models import JobReport

    theirs = ingest(posting_input(title="Data Engineer"), persona=PersonaFactory(owner=other_user)).link

    response = client_for(user).post(reverse("jobpool:job-expire", kwargs={"pk": theirs.pk}))

    assert response.status_code == 404
    assert JobReport.unscoped.count() == 0
    assert PersonaJob.objects.for_user(other_user).get(pk=theirs.pk).status == "discovered"
