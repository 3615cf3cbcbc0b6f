"""Persona and job builders for the scoring tests: a realistic base, changed per test with `replace`."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from jobpool.scoring import JobFacts, JobLocation, JobSkillFact, PersonaProfile, PersonaSkill

NOW = datetime(2026, 8, 1, 12, 0, tzinfo=UTC)

BACKEND_SKILLS = (
    PersonaSkill("Python", "hard", "expert", years_used=7),
    PersonaSkill("Django", "hard", "expert", years_used=6),
    PersonaSkill("PostgreSQL", "hard", "proficient", years_used=5),
    PersonaSkill("Docker", "hard", "proficient"),
    PersonaSkill("Amazon Web Services", "hard", "familiar"),
    PersonaSkill("Communication", "soft", "proficient"),
)


def backend_persona(**changes) -> PersonaProfile:
    """A backend engineer with six years' experience in Austin who would take hybrid work."""
    base = PersonaProfile(
        skills=BACKEND_SKILLS,
        years_experience=6,
        current_role="Backend Engineer",
        past_titles=("Software Developer",),
        target_roles=("Engineering Manager",),
        target_skills=("People Management", "Kubernetes", "Go"),
        remote_preference="hybrid_ok",
        minimum_base_salary=120_000,
        salary_currency="USD",
        commutable_cities=("Austin, TX",),
        home_city="Austin",
        home_state="TX",
        home_country="US",
    )
    return replace(base, **changes)


def skills(*names: str, kind: str = "hard") -> tuple[JobSkillFact, ...]:
    return tuple(JobSkillFact(name, kind) for name in names)


def backend_job(**changes) -> JobFacts:
    """A hybrid senior backend role in Austin: three required skills, three nice-to-haves."""
    base = JobFacts(
        title="Senior Backend Engineer",
        company_name="Lattice Freight, Inc.",
        industry="Logistics",
        location=JobLocation(city="Austin", region="TX", country="US", raw="Austin, TX"),
        work_model="hybrid",
        seniority="senior",
        employment_type="full_time",
        salary_min=140_000,
        salary_max=175_000,
        salary_currency="USD",
        years_min=4,
        years_max=8,
        description_text=(
            "You will design and run the Python services behind our freight marketplace. "
            "Responsibilities include owning Django APIs, PostgreSQL schemas and our Go ingestion "
            "workers, and mentoring two engineers. Requirements: 4+ years building web backends."
        ),
        required_skills=skills("Python", "Django", "PostgreSQL"),
        preferred_skills=skills("Docker", "Amazon Web Services", "Kubernetes"),
        visa_sponsorship="unknown",
        posted_at=datetime(2026, 7, 20, tzinfo=UTC),
        application_deadline=datetime(2026, 9, 1, tzinfo=UTC),
    )
    return replace(base, **changes)


def without_skills(persona: PersonaProfile, *names: str) -> PersonaProfile:
    return replace(persona, skills=tuple(s for s in persona.skills if s.name not in names))
