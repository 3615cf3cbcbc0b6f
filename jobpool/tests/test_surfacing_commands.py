"""manage.py surface_pool and rescore, and the beat schedule that runs the pass."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import ModelEntry

from jobpool.matching import score_links
from jobpool.models import PersonaJob, SurfacedPosting
from jobpool.tests.matching_factories import onboarded_persona, pooled_postings
from personas.tests.factories import PersonaSkillFactory
from zentropy.celery import app

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command(*args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue().strip()


@pytest.mark.smoke
def test_surface_pool_command_runs_the_pass_and_prints_a_summary():
    seeker = onboarded_persona()
    pooled_postings(3)

    dry = _run("surface_pool", "--dry-run")
    summary = _run("surface_pool", "--chunk-size", "2")

    assert dry == "3 postings pending; nothing written (dry run)."
    assert summary == "Surfaced 3 postings in 2 chunks: 3 pairs scored, 3 links created."
    assert PersonaJob.objects.for_user(seeker.owner).count() == 3
    assert SurfacedPosting.objects.count() == 3


def test_rescore_command_rescores_only_stale_links():
    persona = onboarded_persona(skills=("Python",))
    pooled_postings(2, persona=persona)
    score_links(persona, PersonaJob.objects.for_user(persona.owner).values_list("pk", flat=True))

    fresh = _run("rescore")
    PersonaSkillFactory(persona=persona, name="Django")
    stale = _run("rescore", "--persona", str(persona.pk))

    assert fresh == "Checked 1 personas: 0 links rescored."
    assert stale == "Checked 1 personas: 2 links rescored."


def test_beat_schedule_installs_the_surfacing_pass_every_fifteen_minutes_idempotently():
    # What DatabaseScheduler.update_from_dict does for each entry when beat starts (twice: a restart).
    for _ in range(2):
        for name, entry in app.conf.beat_schedule.items():
            ModelEntry.from_entry(name, app=app, **entry)

    surfacing = PeriodicTask.objects.get(name="jobpool-surface-pool")
    assert PeriodicTask.objects.filter(task="jobpool.surface_pool").count() == 1
    assert (surfacing.crontab.minute, surfacing.crontab.hour) == ("7,22,37,52", "*")
    assert PeriodicTask.objects.get(name="jobpool-embed-pending").task == "jobpool.embed_pending"
