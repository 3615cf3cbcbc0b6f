"""Scouting rows of a persona: created lazily and idempotently, stale profiles, edits, sources, runs."""

from __future__ import annotations

import pytest
from django.utils import timezone

from personas import services as persona_services
from scouter import services
from scouter.models import PollingConfiguration, RunStatus, ScoutRun, SearchProfile, SourcePreference
from scouter.tests.factories import onboarded_persona

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("replay_sources")]


def test_ensure_persona_scouting_creates_profile_polling_and_preferences(user):
    persona = onboarded_persona(user)

    profile = services.ensure_persona_scouting(persona)

    assert (profile.owner_id, profile.persona_id, profile.is_stale, profile.approved_at) == (user.pk, persona.pk, False, None)
    assert [s["label"] for s in profile.fit_searches] == ["Backend Engineer"]
    assert profile.fit_searches[0]["keywords"] == ["Python", "Django", "PostgreSQL", "AWS"]
    assert [s["titles"] for s in profile.stretch_searches] == [["Staff Engineer", "Principal Engineer"]]
    polling = PollingConfiguration.objects.for_user(user).get(persona=persona)
    assert (polling.next_poll_at, polling.last_poll_at) == (None, None)
    prefs = SourcePreference.objects.for_user(user).filter(persona=persona)
    assert [(p.source_key, p.is_enabled, p.owner_id) for p in prefs] == [("replay", True, user.pk)]


@pytest.mark.smoke
def test_ensure_persona_scouting_is_idempotent(user):
    persona = onboarded_persona(user)
    first = services.ensure_persona_scouting(persona)

    second = services.ensure_persona_scouting(persona)

    assert second.pk == first.pk
    assert SearchProfile.objects.for_user(user).count() == 1
    assert PollingConfiguration.objects.for_user(user).count() == 1
    assert SourcePreference.objects.for_user(user).count() == 1


def test_new_operator_sources_are_added_to_existing_preferences(user, settings):
    persona = onboarded_persona(user)
    services.ensure_persona_scouting(persona)
    settings.SCOUTER_SOURCES = ["replay", "greenhouse"]

    services.ensure_persona_scouting(persona)

    prefs = SourcePreference.objects.for_user(user).filter(persona=persona)
    assert [(p.source_key, p.position) for p in prefs] == [("replay", 0), ("greenhouse", 1)]


@pytest.mark.smoke
def test_profile_goes_stale_when_the_persona_changes_and_is_not_rewritten(user):
    persona = onboarded_persona(user)
    profile = services.ensure_persona_scouting(persona)
    searches = profile.searches

    persona_services.update_persona(persona, target_roles=["Engineering Manager"])
    profile = services.ensure_persona_scouting(persona)

    assert profile.is_stale is True
    assert profile.searches == searches


def test_profile_goes_stale_when_a_skill_is_added(user):
    persona = onboarded_persona(user)
    services.ensure_persona_scouting(persona)

    persona_services.add_child(persona, "skills", name="Rust")
    profile = services.ensure_persona_scouting(persona)

    assert profile.is_stale is True


def test_profile_is_fresh_again_when_the_change_is_undone(user):
    persona = onboarded_persona(user)
    services.ensure_persona_scouting(persona)
    persona_services.update_persona(persona, stretch_appetite="high")
    services.ensure_persona_scouting(persona)

    persona_services.update_persona(persona, stretch_appetite="medium")
    profile = services.ensure_persona_scouting(persona)

    assert profile.is_stale is False


def test_regenerate_derives_again_and_clears_stale_edited_and_approval(user):
    persona = onboarded_persona(user)
    profile = services.ensure_persona_scouting(persona)
    services.update_search_profile(profile, fit_searches=[{"titles": "Plumber"}], stretch_searches=[])
    persona_services.update_persona(persona, target_roles=["Engineering Manager"])
    profile = services.ensure_persona_scouting(persona)

    services.regenerate_search_profile(profile)

    profile.refresh_from_db()
    assert (profile.is_stale, profile.edited_by_user, profile.approved_at) == (False, False, None)
    assert [s["label"] for s in profile.stretch_searches] == ["Engineering Manager"]
    assert [s["label"] for s in profile.fit_searches] == ["Backend Engineer"]


def test_update_search_profile_cleans_saves_and_approves(user):
    persona = onboarded_persona(user)
    profile = services.ensure_persona_scouting(persona)

    services.update_search_profile(
        profile,
        fit_searches=[{"label": "", "titles": ["Data Engineer"], "keywords": ["SQL"], "location": "Berlin"}, None, {"titles": []}],
        stretch_searches=[{"titles": "Data Architect", "remote_only": True}],
    )

    profile.refresh_from_db()
    assert profile.fit_searches == [{"label": "Data Engineer", "keywords": ["SQL"], "titles": ["Data Engineer"], "location": "Berlin", "remote_only": False}]
    assert profile.stretch_searches == [{"label": "Data Architect", "keywords": [], "titles": ["Data Architect"], "location": "", "remote_only": True}]
    assert profile.edited_by_user is True
    assert profile.approved_at is not None


def test_approve_search_profile_records_when(user):
    persona = onboarded_persona(user)
    profile = services.ensure_persona_scouting(persona)
    before = timezone.now()

    services.approve_search_profile(profile)

    profile.refresh_from_db()
    assert profile.approved_at >= before


def test_set_source_preferences_toggles_and_keeps_board_tokens_for_company_boards(user, settings):
    settings.SCOUTER_SOURCES = ["replay", "greenhouse", "remoteok"]
    persona = onboarded_persona(user)
    services.ensure_persona_scouting(persona)

    services.set_source_preferences(
        persona,
        enabled={"greenhouse", "remoteok", "unknown"},
        board_tokens={"greenhouse": ["stripe", " airbnb ", "stripe", ""], "remoteok": ["ignored"]},
    )

    prefs = SourcePreference.objects.for_user(user).filter(persona=persona)
    assert [(p.source_key, p.is_enabled, p.board_tokens) for p in prefs] == [
        ("replay", False, []),
        ("greenhouse", True, ["stripe", "airbnb"]),
        ("remoteok", True, []),
    ]


def test_start_scout_run_joins_the_run_under_way(user):
    persona = onboarded_persona(user)
    first, created = services.start_scout_run(persona, enqueue=False)

    second, created_again = services.start_scout_run(persona, enqueue=False)

    assert (created, created_again, second.pk) == (True, False, first.pk)
    assert list(ScoutRun.objects.for_user(user).values_list("status", "trigger")) == [("queued", "manual")]


def test_start_scout_run_after_a_finished_one_creates_another(user):
    persona = onboarded_persona(user)
    first, _ = services.start_scout_run(persona, enqueue=False)
    ScoutRun.objects.for_user(user).filter(pk=first.pk).update(status=RunStatus.DONE)

    second, created = services.start_scout_run(persona, enqueue=False)

    assert created is True and second.pk != first.pk


def test_fail_abandoned_runs_frees_the_persona(user):
    persona = onboarded_persona(user)
    run, _ = services.start_scout_run(persona, enqueue=False)
    ScoutRun.objects.for_user(user).filter(pk=run.pk).update(created_at=timezone.now() - timezone.timedelta(hours=3))

    failed = services.fail_abandoned_runs()

    run.refresh_from_db()
    assert (failed, run.status, run.error_message) == (1, "failed", "The run stopped without finishing (worker lost).")
