"""Scouting pages: Scout now and its HTMX progress, run pages, search profiles, sources, source status."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from personas import services as persona_services
from scouter import services
from scouter.models import RunStatus, ScoutRun, SearchProfile, SourceHealth, SourcePreference
from scouter.tests.factories import ScoutRunFactory, onboarded_persona

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("replay_sources")]


def _narrow(persona, title="Staff Engineer"):
    """One narrow search, so a run stays small."""
    profile = services.ensure_persona_scouting(persona)
    services.update_search_profile(profile, fit_searches=[{"titles": [title]}], stretch_searches=[])


# ------------------------------------------------------------------ Scout now
def test_scout_now_runs_and_redirects_to_the_run_page(user, client_for, django_capture_on_commit_callbacks):
    persona = onboarded_persona(user)
    _narrow(persona)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user).post(reverse("scouter:scout-now", args=[persona.pk]))

    run = ScoutRun.objects.for_user(user).get()
    assert response.status_code == 302 and response.url == reverse("scouter:run-detail", args=[run.pk])
    assert (run.status, run.trigger, run.sources_done) == (RunStatus.DONE, "manual", 1)


@pytest.mark.smoke
def test_scout_now_over_htmx_answers_with_the_progress_fragment_that_polls_until_done(
    user, client_for, django_capture_on_commit_callbacks
):
    persona = onboarded_persona(user)
    _narrow(persona)
    client = client_for(user)

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(reverse("scouter:scout-now", args=[persona.pk]), HTTP_HX_REQUEST="true")
    run = ScoutRun.objects.for_user(user).get()
    finished = client.get(reverse("scouter:run-detail", args=[run.pk]), HTTP_HX_REQUEST="true")

    first, last = started.content.decode(), finished.content.decode()
    assert started.status_code == 200 and "<html" not in first
    assert first.lstrip().startswith(f'<section id="run-progress-{run.pk}"')
    assert 'hx-trigger="every 2s"' in first and "Queued" in first  # the run starts once the request has committed
    assert run.status == RunStatus.DONE
    assert f'data-count="found">{run.found}<' in last and f"Done: {run.scored} job" in last
    assert "hx-trigger" not in last  # finished: the polling stops


def test_progress_fragment_polls_while_the_run_is_under_way(user, client_for):
    persona = onboarded_persona(user)
    run = ScoutRunFactory(persona=persona, status="running", sources_total=4, sources_done=1, found=30, new=20, already_pooled=10, errors=1)

    response = client_for(user).get(reverse("scouter:run-detail", args=[run.pk]), HTTP_HX_REQUEST="true")

    body = response.content.decode()
    assert 'hx-trigger="every 2s"' in body
    assert f'hx-get="{reverse("scouter:run-detail", args=[run.pk])}"' in body
    assert [f'data-count="{k}">{v}<' in body for k, v in (("sources", "1 / 4"), ("found", 30), ("new", 20), ("already-pooled", 10), ("errors", 1))] == [True] * 5
    assert 'value="25"' in body
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_run_page_lists_the_best_scored_matches_with_explanations(user, client_for, django_capture_on_commit_callbacks):
    persona = onboarded_persona(user)
    _narrow(persona, title="Engineer")
    client = client_for(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("scouter:scout-now", args=[persona.pk]))
    run = ScoutRun.objects.for_user(user).get()

    response = client.get(reverse("scouter:run-detail", args=[run.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("data-match>") == min(10, run.scored) > 0
    assert "Fit " in body and "<ul class=\"scout-match__why\">" in body
    assert "By source" in body


@pytest.mark.smoke
def test_another_users_run_is_404(user, other_user, client_for):
    run = ScoutRunFactory(persona=onboarded_persona(other_user))

    response = client_for(user).get(reverse("scouter:run-detail", args=[run.pk]))

    assert response.status_code == 404


def test_scout_now_for_another_users_persona_is_404_and_starts_nothing(user, other_user, client_for):
    persona = onboarded_persona(other_user)

    response = client_for(user).post(reverse("scouter:scout-now", args=[persona.pk]))

    assert response.status_code == 404
    assert ScoutRun.objects.for_user(other_user).count() == 0


@pytest.mark.parametrize("name", ["scouter:search-profile", "scouter:source-preferences"])
def test_another_users_search_profile_and_sources_are_404_and_untouched(user, other_user, client_for, name):
    persona = onboarded_persona(other_user)
    client = client_for(user)

    responses = [client.get(reverse(name, args=[persona.pk])), client.post(reverse(name, args=[persona.pk]), {"enabled": []})]

    assert [r.status_code for r in responses] == [404, 404]
    assert SearchProfile.objects.for_user(other_user).count() == 0
    assert SourcePreference.objects.for_user(other_user).count() == 0


def test_scout_now_is_rate_limited_per_user(user, client_for):
    from scouter.views import SCOUT_NOW_RATE

    persona = onboarded_persona(user)
    client = client_for(user)
    allowed = int(SCOUT_NOW_RATE.split("/")[0])

    statuses = [client.post(reverse("scouter:scout-now", args=[persona.pk])).status_code for _ in range(allowed + 1)]

    assert statuses == [302] * allowed + [429]
    assert ScoutRun.objects.for_user(user).count() == 1  # repeated presses joined the run under way


def test_scout_now_is_post_only(user, client_for):
    persona = onboarded_persona(user)

    assert client_for(user).get(reverse("scouter:scout-now", args=[persona.pk])).status_code == 405


# ------------------------------------------------------------------ dashboard
def test_dashboard_offers_scout_now_per_onboarded_persona_with_the_latest_run(user, client_for):
    persona = onboarded_persona(user)
    persona_services.create_persona(user, full_name="Unfinished persona")
    run = ScoutRunFactory(persona=persona, status="done", found=12)

    response = client_for(user).get(reverse("core:dashboard"))

    body = response.content.decode()
    assert body.count("data-scout-now") == 1
    assert f'hx-post="{reverse("scouter:scout-now", args=[persona.pk])}"' in body
    assert f'id="run-progress-{run.pk}"' in body and 'data-count="found">12<' in body


def test_dashboard_without_onboarded_personas_has_no_scout_card(user, client_for):
    response = client_for(user).get(reverse("core:dashboard"))

    assert "data-scout-now" not in response.content.decode()


# ------------------------------------------------------------------ search profile
def test_search_profile_page_shows_the_derived_searches(user, client_for):
    persona = onboarded_persona(user)

    response = client_for(user).get(reverse("scouter:search-profile", args=[persona.pk]))

    body = response.content.decode()
    assert 'value="Backend Engineer"' in body and 'value="Staff Engineer, Principal Engineer"' in body
    assert "Not reviewed yet" in body and "data-stale" not in body


def test_search_profile_page_says_when_the_profile_is_stale(user, client_for):
    persona = onboarded_persona(user)
    services.ensure_persona_scouting(persona)
    persona_services.update_persona(persona, target_roles=["Engineering Manager"])

    response = client_for(user).get(reverse("scouter:search-profile", args=[persona.pk]))

    assert "data-stale" in response.content.decode()
    assert SearchProfile.objects.for_user(user).get().is_stale is True


def test_search_profile_edit_saves_and_approves(user, client_for):
    persona = onboarded_persona(user)
    data = {
        "fit-TOTAL_FORMS": "2", "fit-INITIAL_FORMS": "0",
        "fit-0-label": "Data", "fit-0-titles": "Data Engineer, Analytics Engineer", "fit-0-keywords": "SQL, dbt", "fit-0-location": "Berlin",
        "fit-1-titles": "Old search", "fit-1-DELETE": "on",
        "stretch-TOTAL_FORMS": "1", "stretch-INITIAL_FORMS": "0", "stretch-0-titles": "Data Architect", "stretch-0-remote_only": "on",
    }

    response = client_for(user).post(reverse("scouter:search-profile", args=[persona.pk]), data)

    profile = SearchProfile.objects.for_user(user).get()
    assert response.status_code == 302
    assert profile.fit_searches == [{"label": "Data", "keywords": ["SQL", "dbt"], "titles": ["Data Engineer", "Analytics Engineer"], "location": "Berlin", "remote_only": False}]
    assert profile.stretch_searches == [{"label": "Data Architect", "keywords": [], "titles": ["Data Architect"], "location": "", "remote_only": True}]
    assert profile.approved_at is not None and profile.edited_by_user


def test_search_profile_edit_with_a_broken_form_shows_errors(user, client_for):
    persona = onboarded_persona(user)

    response = client_for(user).post(
        reverse("scouter:search-profile", args=[persona.pk]),
        {"fit-TOTAL_FORMS": "1", "fit-INITIAL_FORMS": "0", "fit-0-label": "x" * 150, "stretch-TOTAL_FORMS": "0", "stretch-INITIAL_FORMS": "0"},
    )

    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()
    assert SearchProfile.objects.for_user(user).get().edited_by_user is False


def test_approve_and_regenerate_buttons(user, client_for):
    persona = onboarded_persona(user)
    client = client_for(user)

    client.post(reverse("scouter:search-profile-approve", args=[persona.pk]))
    approved = SearchProfile.objects.for_user(user).get().approved_at
    client.post(reverse("scouter:search-profile-regenerate", args=[persona.pk]))

    assert approved is not None
    assert SearchProfile.objects.for_user(user).get().approved_at is None


# ------------------------------------------------------------------ sources
def test_source_preferences_page_saves_switches_and_board_tokens(user, client_for, settings):
    settings.SCOUTER_SOURCES = ["replay", "greenhouse"]
    persona = onboarded_persona(user)
    client = client_for(user)

    page = client.get(reverse("scouter:source-preferences", args=[persona.pk])).content.decode()
    response = client.post(
        reverse("scouter:source-preferences", args=[persona.pk]), {"enabled": ["greenhouse"], "boards-greenhouse": "stripe, airbnb"}
    )

    assert 'name="boards-greenhouse"' in page and 'name="boards-replay"' not in page
    assert response.status_code == 302
    prefs = SourcePreference.objects.for_user(user).filter(persona=persona)
    assert [(p.source_key, p.is_enabled, p.board_tokens) for p in prefs] == [("replay", False, []), ("greenhouse", True, ["stripe", "airbnb"])]


def test_source_status_shows_health_to_users_and_details_to_staff(user, client_for, settings):
    settings.SCOUTER_SOURCES = ["replay", "remoteok"]
    SourceHealth.objects.create(
        source_key="remoteok", success_count=3, timeout_count=2, last_error="timeout: remoteok timed out", last_error_kind="timeout",
        last_run_at=timezone.now(), last_error_at=timezone.now(),
    )

    as_user = client_for(user).get(reverse("scouter:source-status")).content.decode()
    user.is_staff = True
    user.save()
    as_staff = client_for(user).get(reverse("scouter:source-status")).content.decode()

    assert 'data-source="replay"' in as_user and 'data-source="remoteok"' in as_user
    assert 'data-col="success">3' in as_user and 'data-col="errors">2' in as_user
    assert "remoteok timed out" not in as_user
    assert "remoteok timed out" in as_staff


@pytest.mark.parametrize("count", [1, 3])
def test_source_status_queries_do_not_grow_with_sources(user, client_for, settings, django_assert_num_queries, count):
    keys = ["replay", "remoteok", "remotive"][:count]
    settings.SCOUTER_SOURCES = keys
    for key in keys:
        SourceHealth.objects.create(source_key=key, success_count=1)
    client = client_for(user)
    client.get(reverse("core:dashboard"))  # warm the session

    with django_assert_num_queries(8):  # session and user (signed-in request), then one read of the health rows
        response = client.get(reverse("scouter:source-status"))

    assert response.content.decode().count("data-source=") == count


@pytest.mark.parametrize("count", [1, 3])
def test_dashboard_scout_card_queries_do_not_grow_with_personas(user, client_for, django_assert_max_num_queries, count):
    for i in range(count):
        persona = onboarded_persona(user, full_name=f"Persona {i}")
        ScoutRunFactory(persona=persona, status="done")
    client = client_for(user)
    client.get(reverse("core:dashboard"))

    from scouter.selectors import dashboard_scouting

    with django_assert_max_num_queries(2):
        items = dashboard_scouting(user)

    assert [item.run is not None for item in items] == [True] * count


def test_a_finished_run_page_explains_best_matches_the_surfacing_pass_made(user, client_for):
    from jobpool.models import DiscoveryMethod, PersonaJob
    from jobpool.tests.matching_factories import pooled_postings

    persona = onboarded_persona(user)
    run = ScoutRunFactory(persona=persona, status="done", finished_at=timezone.now())
    [posting] = pooled_postings(1)
    link = PersonaJob.objects.for_user(user).create(
        owner=user, persona=persona, posting=posting, discovery_method=DiscoveryMethod.POOL,
        fit_score=77, stretch_score=50, scored_at=timezone.now(), score_details={},
    )

    body = client_for(user).get(reverse("scouter:run-detail", args=[run.pk])).content.decode()

    link.refresh_from_db()
    assert link.score_details["fit"]["band"]
    assert f"Fit {link.fit_score} · {link.score_details['fit']['band']}" in body
