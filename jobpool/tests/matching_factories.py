"""Builders for the matching and surfacing tests: onboarded personas with skills, pooled postings with skills."""

from __future__ import annotations

from django.utils import timezone

from jobpool.dedup import ingest_many
from jobpool.intake import SkillInput
from jobpool.models import DiscoveryMethod, JobPosting
from jobpool.tests.factories import posting_input
from personas.tests.factories import PersonaFactory, PersonaSkillFactory

BACKEND_SKILLS = ("Python", "Django", "PostgreSQL")


def onboarded_persona(*, skills=BACKEND_SKILLS, onboarded: bool = True, **fields):
    """A backend engineer persona (remote or not, no commute limits) with hard skills; onboarded unless told."""
    values = dict(
        current_role="Backend Engineer",
        target_roles=["Senior Backend Engineer"],
        target_skills=["Kubernetes"],
        commutable_cities=[],
        remote_preference="no_preference",
        minimum_base_salary=None,
        years_experience=6,
        minimum_fit_threshold=50,
        onboarding_completed_at=timezone.now() if onboarded else None,
    )
    values.update(fields)
    persona = PersonaFactory(**values)
    for name in skills:
        PersonaSkillFactory(persona=persona, name=name, years_used=6)
    return persona


def pooled_postings(count: int, *, persona=None, skills=BACKEND_SKILLS, method=DiscoveryMethod.SCOUTER, **fields) -> list[JobPosting]:
    """`count` distinct remote postings in the pool (through dedup, as production does), with required skills."""
    values = dict(title="Backend Engineer", work_model="remote", location="Remote")
    values.update(fields)
    inputs = [
        posting_input(skills=[SkillInput(name) for name in skills], **values)
        for _ in range(count)
    ]
    results = ingest_many(inputs, persona=persona, method=method)
    return [r.posting for r in results]
