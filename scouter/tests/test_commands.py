"""manage.py scout and manage.py seed_demo_pool."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from accounts.tests.factories import UserFactory
from jobpool.models import JobPosting, PersonaJob
from personas.models import Persona
from scouter import services
from scouter.models import ScoutRun
from scouter.tests.factories import onboarded_persona

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("replay_sources")]


def _call(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_scout_command_runs_one_persona_with_a_progress_bar_and_a_summary(user):
    persona = onboarded_persona(user)
    profile = services.ensure_persona_scouting(persona)
    services.update_search_profile(profile, fit_searches=[{"titles": ["Staff Engineer"]}], stretch_searches=[])

    out, err = _call("scout", "--persona", str(persona.pk))

    run = ScoutRun.objects.for_user(user).get()
    assert (run.trigger, run.status) == ("command", "done")
    assert out == (
        f"Scouted 1 persona: {run.found} found, {run.new} new, {run.already_pooled} already pooled, "
        f"{run.scored} scored, 0 source errors, 0 failed runs.\n"
    )
    assert "Riley Backend" in err and "1/1" in err  # the tqdm bar on stderr


def test_scout_command_limits_the_run_to_one_source(user, settings):
    settings.SCOUTER_SOURCES = ["replay", "remoteok"]
    persona = onboarded_persona(user)
    profile = services.ensure_persona_scouting(persona)
    services.update_search_profile(profile, fit_searches=[{"titles": ["Staff Engineer"]}], stretch_searches=[])

    _call("scout", "--persona", str(persona.pk), "--source", "replay", "--no-progress")

    assert list(ScoutRun.objects.for_user(user).get().source_breakdown) == ["replay"]


def test_scout_command_without_persona_scouts_every_onboarded_persona(user, other_user):
    for owner in (user, other_user):
        profile = services.ensure_persona_scouting(onboarded_persona(owner))
        services.update_search_profile(profile, fit_searches=[{"titles": ["Principal Engineer"]}], stretch_searches=[])

    out, _ = _call("scout", "--no-progress")

    assert out.startswith("Scouted 2 personas: ")
    # Reason: a test inspecting system-wide rows.
    assert ScoutRun.unscoped.filter(status="done").count() == 2


@pytest.mark.parametrize(("args", "message"), [(("--persona", "not-a-uuid"), "no persona"), (("--source", "nope"), "unknown source")])
def test_scout_command_rejects_bad_arguments(args, message):
    with pytest.raises(CommandError, match=message):
        _call("scout", *args)


def test_seed_demo_pool_creates_the_demo_persona_and_scores_its_matches():
    demo = UserFactory(email="demo@zentropy.local")

    out, _ = _call("seed_demo_pool", "--no-progress")

    persona = Persona.objects.for_user(demo).get()
    links = PersonaJob.objects.for_user(demo).filter(persona=persona)
    assert persona.is_onboarded and persona.full_name == "Jordan Rivera"
    assert links.filter(fit_score__isnull=False).count() > 10
    assert JobPosting.objects.count() > 50
    assert "Demo pool ready:" in out


def test_seed_demo_pool_is_idempotent():
    demo = UserFactory(email="demo@zentropy.local")
    _call("seed_demo_pool", "--no-progress")
    postings, links = JobPosting.objects.count(), PersonaJob.objects.for_user(demo).count()

    out, _ = _call("seed_demo_pool", "--no-progress")

    assert Persona.objects.for_user(demo).count() == 1
    assert (JobPosting.objects.count(), PersonaJob.objects.for_user(demo).count()) == (postings, links)
    assert "scout skipped" in out


def test_seed_demo_pool_needs_the_demo_user():
    with pytest.raises(CommandError, match="seed_demo"):
        _call("seed_demo_pool")
