"""Scheduled polling: due personas (bounded, ordered, never Manual only), queued runs, concurrency slots."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from personas import services as persona_services
from scouter import polling, services
from scouter.models import PollingConfiguration, RunStatus, ScoutRun, SearchProfile
from scouter.tasks import poll_due
from scouter.tests.factories import onboarded_persona

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("replay_sources")]

NOW = timezone.now()


def _scheduled(user, *, next_poll_at, **fields):
    persona = onboarded_persona(user, **fields)
    services.ensure_persona_scouting(persona)
    PollingConfiguration.objects.for_user(user).filter(persona=persona).update(next_poll_at=next_poll_at)
    return persona


def _due_names(limit=100, now=NOW):
    return [p.persona.full_name for p in polling.due_polls(now, limit)]


@pytest.mark.smoke
def test_due_polls_are_ordered_never_scheduled_first_then_oldest_due(user):
    _scheduled(user, next_poll_at=NOW - datetime.timedelta(hours=1), full_name="One hour late")
    _scheduled(user, next_poll_at=None, full_name="Never polled")
    _scheduled(user, next_poll_at=NOW - datetime.timedelta(hours=5), full_name="Five hours late")
    _scheduled(user, next_poll_at=NOW + datetime.timedelta(hours=1), full_name="Not due yet")

    assert _due_names() == ["Never polled", "Five hours late", "One hour late"]


def test_due_polls_are_bounded(user):
    for hours in range(5):
        _scheduled(user, next_poll_at=NOW - datetime.timedelta(hours=hours + 1), full_name=f"Late {hours + 1}h")

    assert _due_names(limit=2) == ["Late 5h", "Late 4h"]


@pytest.mark.smoke
def test_a_shortened_frequency_counts_from_the_last_poll(user):
    persona = _scheduled(user, next_poll_at=NOW + datetime.timedelta(days=6), full_name="Was weekly", polling_frequency="weekly")
    PollingConfiguration.objects.for_user(user).filter(persona=persona).update(last_poll_at=NOW - datetime.timedelta(hours=13))

    before = _due_names()
    persona_services.update_persona(persona, polling_frequency="twice_daily")

    assert (before, _due_names()) == ([], ["Was weekly"])


def test_manual_only_personas_are_never_polled(user):
    _scheduled(user, next_poll_at=None, polling_frequency="manual", full_name="Manual never scheduled")
    _scheduled(user, next_poll_at=NOW - datetime.timedelta(days=30), polling_frequency="manual", full_name="Manual long ago")

    assert _due_names() == []
    assert polling.queue_due_runs(limit=10, now=NOW) == []


def test_unfinished_personas_are_not_polled(user):
    persona = persona_services.create_persona(user, full_name="Half done", current_role="Nurse")
    services.ensure_persona_scouting(persona)

    assert _due_names() == []


def test_a_persona_with_a_run_under_way_is_not_due_again(user):
    persona = _scheduled(user, next_poll_at=NOW - datetime.timedelta(hours=1), full_name="Busy")
    services.start_scout_run(persona, enqueue=False)

    assert _due_names() == []


def test_sweep_creates_scouting_rows_for_onboarded_personas_that_have_none(user, other_user):
    onboarded_persona(user, full_name="Mine")
    onboarded_persona(other_user, full_name="Theirs")
    persona_services.create_persona(other_user, full_name="Unfinished")

    swept = polling.sweep_unscheduled(limit=10)

    assert swept == 2
    # Reason: a test inspecting system-wide rows.
    assert sorted(SearchProfile.unscoped.values_list("persona__full_name", flat=True)) == ["Mine", "Theirs"]


def test_queue_due_runs_queues_one_scheduled_run_per_due_persona_once(user, other_user):
    onboarded_persona(user, full_name="Mine")
    onboarded_persona(other_user, full_name="Theirs", polling_frequency="weekly")

    first = polling.queue_due_runs(limit=10, now=NOW)
    second = polling.queue_due_runs(limit=10, now=NOW)

    assert (len(first), second) == (2, [])
    # Reason: a test inspecting system-wide rows.
    assert sorted(ScoutRun.unscoped.values_list("persona__full_name", "trigger", "status")) == [
        ("Mine", "scheduled", "queued"),
        ("Theirs", "scheduled", "queued"),
    ]


def test_poll_due_task_runs_the_due_polls_and_schedules_the_next(user):
    persona = onboarded_persona(user, full_name="Daily", polling_frequency="daily")
    profile = services.ensure_persona_scouting(persona)
    services.update_search_profile(profile, fit_searches=[{"titles": ["Staff Engineer"]}], stretch_searches=[])

    queued = poll_due()

    run = ScoutRun.objects.for_user(user).get()
    config = PollingConfiguration.objects.for_user(user).get(persona=persona)
    assert (queued, run.status, run.trigger) == (1, RunStatus.DONE, "scheduled")
    assert config.next_poll_at - config.last_poll_at == datetime.timedelta(hours=24)
    assert polling.due_polls(timezone.now(), 10) == []


@pytest.mark.smoke
def test_slots_bound_concurrency_and_free_on_release():
    first, second = polling.acquire_slot("run-a", 2), polling.acquire_slot("run-b", 2)
    third = polling.acquire_slot("run-c", 2)

    polling.release_slot(first, "run-a")
    fourth = polling.acquire_slot("run-d", 2)

    assert (first, second, third, fourth) == (0, 1, None, 0)


def test_releasing_someone_elses_slot_does_nothing():
    slot = polling.acquire_slot("run-a", 1)

    polling.release_slot(slot, "run-b")

    assert polling.acquire_slot("run-c", 1) is None


def test_run_task_ignores_missing_and_finished_runs(user):
    from scouter.tasks import run_scout

    persona = onboarded_persona(user)
    run, _ = services.start_scout_run(persona, enqueue=False)
    ScoutRun.objects.for_user(user).filter(pk=run.pk).update(status=RunStatus.DONE)

    assert run_scout.apply(kwargs={"run_id": str(run.pk)}).get() is None
    assert run_scout.apply(kwargs={"run_id": "00000000-0000-0000-0000-000000000000"}).get() is None
