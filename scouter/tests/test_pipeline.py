"""A scouting run end to end on the real recorded payloads (replay): no HTTP leaves the process."""

from __future__ import annotations

import datetime

import httpx
import pytest

from jobpool.dedup import ingest
from jobpool.matching.explained import explain_links
from jobpool.models import JobPosting, JobSkill, PersonaJob, QuarantineStatus
from scouter import services
from scouter.models import PollingConfiguration, RunStatus, ScoutRun, SourceHealth
from scouter.pipeline import execute_run, queries_for, search_source, to_posting_input
from scouter.sources.registry import get_source
from scouter.tests.factories import onboarded_persona

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("replay_sources")]


def _run(persona, **kwargs) -> ScoutRun:
    run, _ = services.start_scout_run(persona, enqueue=False)
    return execute_run(run, **kwargs)


def _expected_postings(persona) -> list:
    """What the replay source answers for the persona's searches, computed without the pipeline."""
    profile = services.ensure_persona_scouting(persona)
    result = search_source(get_source("replay", env={}), queries_for(profile, []), client=None)
    return result.postings


@pytest.mark.smoke
def test_run_pools_scores_and_counts_the_replayed_postings(user):
    persona = onboarded_persona(user)
    expected = _expected_postings(persona)

    run = _run(persona)

    assert run.status == RunStatus.DONE, run.error_message
    assert len(expected) > 50
    assert (run.sources_total, run.sources_done, run.found, run.errors) == (1, 1, len(expected), 0)
    assert run.new + run.already_pooled == run.found
    assert JobPosting.objects.count() == run.new
    links = PersonaJob.objects.for_user(user).filter(persona=persona)
    assert links.count() == run.new
    assert run.scored == run.new
    assert links.filter(scored_at__isnull=True).count() == 0
    assert set(links.values_list("discovery_method", flat=True)) == {"scouter"}
    assert run.source_breakdown == {
        "replay": {"status": "ok", "found": run.found, "new": run.new, "already_pooled": run.already_pooled, "rejected": 0, "errors": 0, "message": ""}
    }
    assert run.started_at <= run.finished_at


def test_run_stores_explained_scores_and_extracted_skills(user):
    persona = onboarded_persona(user)

    _run(persona)

    best = PersonaJob.objects.for_user(user).filter(persona=persona, fit_score__isnull=False).order_by("-fit_score").first()
    assert best.fit_score >= 60
    assert best.score_details["fit"]["score"] == best.fit_score
    assert best.score_details["explanation"]["strengths"]
    assert JobSkill.objects.filter(posting=best.posting).exists()


@pytest.mark.smoke
def test_rerun_creates_no_duplicate_postings_or_links(user):
    persona = onboarded_persona(user)
    first = _run(persona)
    postings, links = JobPosting.objects.count(), PersonaJob.objects.for_user(user).count()

    second = _run(persona)

    assert (second.status, second.found, second.new, second.already_pooled) == ("done", first.found, 0, first.found)
    assert (JobPosting.objects.count(), PersonaJob.objects.for_user(user).count()) == (postings, links)
    assert second.scored == 0


def test_two_users_scouting_the_same_jobs_share_postings_and_get_their_own_links(user, other_user):
    mine, theirs = onboarded_persona(user), onboarded_persona(other_user)
    first = _run(mine)

    second = _run(theirs)

    assert (second.new, second.already_pooled) == (0, first.found)
    assert JobPosting.objects.count() == first.new
    assert PersonaJob.objects.for_user(other_user).count() == PersonaJob.objects.for_user(user).count() == first.new


def test_run_records_source_health(user):
    persona = onboarded_persona(user)

    run = _run(persona)

    health = SourceHealth.objects.get(source_key="replay")
    assert (health.success_count, health.failure_count, health.error_total, health.postings_fetched) == (1, 0, 0, run.found)
    assert health.last_success_at is not None and health.last_error_at is None
    assert health.state == "ok"


@pytest.mark.smoke
def test_a_failing_source_does_not_stop_the_others_and_is_recorded(user, settings):
    settings.SCOUTER_SOURCES = ["replay", "remoteok"]
    persona = onboarded_persona(user)
    profile = services.ensure_persona_scouting(persona)
    services.update_search_profile(profile, fit_searches=[{"titles": ["Engineer"]}], stretch_searches=[])

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with httpx.Client(transport=httpx.MockTransport(unreachable)) as client:
        run = _run(persona, client=client)

    assert run.status == RunStatus.DONE
    assert (run.sources_total, run.sources_done, run.errors) == (2, 2, 1)
    assert run.found == run.source_breakdown["replay"]["found"] > 0
    assert run.source_breakdown["remoteok"]["status"] == "failed"
    assert run.source_breakdown["remoteok"]["message"].startswith("network: remoteok unreachable")
    remoteok = SourceHealth.objects.get(source_key="remoteok")
    assert (remoteok.failure_count, remoteok.network_count, remoteok.success_count, remoteok.last_error_kind) == (1, 1, 0, "network")
    assert remoteok.state == "failing"
    assert SourceHealth.objects.get(source_key="replay").success_count == 1


def test_sources_turned_off_by_the_persona_are_not_searched(user, settings):
    settings.SCOUTER_SOURCES = ["replay", "remoteok"]
    persona = onboarded_persona(user)
    services.ensure_persona_scouting(persona)
    services.set_source_preferences(persona, enabled={"replay"}, board_tokens={})

    run = _run(persona)

    assert (run.sources_total, list(run.source_breakdown)) == (1, ["replay"])


def test_sources_without_their_keys_are_skipped_and_said_so(user, settings):
    settings.SCOUTER_SOURCES = ["replay", "adzuna"]
    persona = onboarded_persona(user)

    run = _run(persona, env={"SCOUTER_SOURCES": "replay,adzuna"})

    assert run.source_breakdown["adzuna"] == {"status": "skipped", "message": "Adzuna is skipped: set ADZUNA_APP_ID, ADZUNA_APP_KEY"}
    assert SourceHealth.objects.get(source_key="adzuna").skipped_count == 1


def test_a_scout_sighting_releases_a_quarantined_manual_posting(user, other_user):
    persona = onboarded_persona(user)
    posting = next(p for p in _expected_postings(persona) if p.source in ("lever", "ashby", "remotive", "remoteok"))
    manual = to_posting_input(posting)
    manual.source, manual.external_id = "manual", None
    submitted = ingest(manual, persona=onboarded_persona(other_user, full_name="Submitter"), method="manual").posting
    assert submitted.quarantine_status == QuarantineStatus.QUARANTINED

    _run(persona)

    submitted.refresh_from_db()
    assert submitted.quarantine_status == QuarantineStatus.CLEAR
    assert PersonaJob.objects.for_user(user).filter(posting=submitted).exists()


def test_run_schedules_the_next_poll_by_frequency(user):
    persona = onboarded_persona(user, polling_frequency="twice_daily")

    run = _run(persona)

    polling = PollingConfiguration.objects.for_user(user).get(persona=persona)
    assert polling.last_poll_at == run.finished_at or abs(polling.last_poll_at - run.finished_at) < datetime.timedelta(seconds=5)
    assert polling.next_poll_at - polling.last_poll_at == datetime.timedelta(hours=12)


def test_a_crash_fails_the_run_with_a_message(user, monkeypatch):
    persona = onboarded_persona(user)

    def broken(*args, **kwargs):
        raise RuntimeError("pool unavailable")

    # The pool service raising stands in for a database outage mid-run.
    monkeypatch.setattr("scouter.pipeline.score_links", broken)
    run = _run(persona)

    assert (run.status, run.error_message) == ("failed", "RuntimeError: pool unavailable")
    assert run.finished_at is not None


def test_progress_is_reported_after_each_board_and_source(user):
    persona = onboarded_persona(user)
    boards = {p.source for p in _expected_postings(persona)}
    seen = []

    run = _run(persona, on_progress=lambda r: seen.append((r.status, r.sources_done, r.new + r.already_pooled)))

    assert len(seen) == 1 + len(boards) + 2  # start, one per board pooled, the source done, the run done
    assert seen[0] == ("running", 0, 0)
    assert [(status, done) for status, done, _ in seen[-2:]] == [("running", 1), ("done", 1)]
    pooled = [count for _, _, count in seen]
    assert pooled == sorted(pooled) and pooled[-1] == run.new + run.already_pooled  # counters only grow


def test_a_run_offers_its_new_postings_to_other_personas_through_the_surfacing_pass(
    user, other_user, django_capture_on_commit_callbacks
):
    scout = onboarded_persona(user)
    bystander = onboarded_persona(other_user, full_name="Never scouts", minimum_fit_threshold=50)

    with django_capture_on_commit_callbacks(execute=True):
        run = _run(scout)

    surfaced = PersonaJob.objects.for_user(other_user).filter(persona=bystander)
    assert run.new > 0
    assert surfaced.exists()
    assert set(surfaced.values_list("discovery_method", flat=True)) == {"pool"}
    assert all(link.fit_score >= 50 and link.scored_at for link in surfaced)
    links = list(surfaced)
    explain_links(links)  # what the Opportunities page does before showing them
    assert all(link.score_details["fit"]["score"] == link.fit_score for link in links)
    assert any(link.score_details["explanation"]["strengths"] for link in links)
    assert not ScoutRun.objects.for_user(other_user).exists()
