"""Properties of the scorer that hold for any persona and job (Hypothesis)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from jobpool.scoring import (
    CustomDealbreaker,
    JobFacts,
    JobLocation,
    JobSkillFact,
    PersonaProfile,
    PersonaSkill,
    compute_ghost,
    lexical_similarity,
    normalise_title,
    score,
)
from jobpool.scoring.tests.builders import NOW

SKILLS = ["Python", "Django", "PostgreSQL", "Go", "Kubernetes", "React", "SQL", "Tableau", "Excel", "Rust", "Java"]
SOFT = ["Communication", "Mentoring", "Leadership", "Teamwork"]
TITLES = [
    "Backend Engineer",
    "Senior Backend Engineer",
    "Data Analyst",
    "Engineering Manager",
    "Scrum Master II",
    "Product Owner",
    "Staff Data Engineer",
    "Pastry Chef",
    "",
]
CITIES = ["Austin", "Denver", "London", "Berlin"]

years = st.one_of(st.none(), st.integers(min_value=0, max_value=30).map(float))
persona_skills = st.lists(
    st.builds(
        PersonaSkill,
        name=st.sampled_from(SKILLS + SOFT),
        kind=st.sampled_from(["hard", "soft"]),
        proficiency=st.sampled_from(["learning", "familiar", "proficient", "expert"]),
        years_used=years,
    ),
    max_size=8,
)
job_skills = st.lists(
    st.builds(
        JobSkillFact,
        name=st.sampled_from(SKILLS + SOFT),
        kind=st.sampled_from(["hard", "soft"]),
        years_requested=st.one_of(st.none(), st.integers(min_value=1, max_value=12).map(float)),
    ),
    max_size=6,
)
personas = st.builds(
    PersonaProfile,
    skills=persona_skills,
    years_experience=years,
    current_role=st.sampled_from(TITLES),
    target_roles=st.lists(st.sampled_from(TITLES), max_size=2),
    target_skills=st.lists(st.sampled_from(SKILLS), max_size=4),
    remote_preference=st.sampled_from(["remote_only", "hybrid_ok", "onsite_ok", "no_preference"]),
    minimum_base_salary=st.one_of(st.none(), st.integers(min_value=30_000, max_value=250_000)),
    commutable_cities=st.lists(st.sampled_from(CITIES), max_size=2),
    industry_exclusions=st.lists(st.sampled_from(["Gambling", "Tobacco"]), max_size=1),
    visa_sponsorship_required=st.booleans(),
    soft_skills_embedding=st.one_of(st.none(), st.lists(st.floats(-1, 1), min_size=3, max_size=3)),
)
jobs = st.builds(
    JobFacts,
    title=st.sampled_from(TITLES),
    industry=st.sampled_from(["", "Gambling", "Logistics"]),
    location=st.builds(JobLocation, city=st.sampled_from(CITIES + [""])),
    work_model=st.sampled_from(["remote", "hybrid", "onsite", "unknown"]),
    seniority=st.sampled_from(["", "entry", "mid", "senior", "lead", "executive"]),
    salary_max=st.one_of(st.none(), st.integers(min_value=20_000, max_value=300_000).map(float)),
    years_min=years,
    years_max=years,
    description_text=st.text(max_size=200),
    required_skills=job_skills,
    preferred_skills=job_skills,
    visa_sponsorship=st.sampled_from(["yes", "no", "unknown"]),
    repost_count=st.integers(min_value=0, max_value=5),
    culture_embedding=st.one_of(st.none(), st.lists(st.floats(-1, 1), min_size=3, max_size=3)),
)
similarities = st.one_of(st.none(), st.floats(min_value=-1, max_value=1))


@settings(max_examples=150, deadline=None)
@given(personas, jobs, similarities)
def test_scores_stay_within_0_and_100(persona, job, similarity):
    result = score(persona, job, now=NOW, similarity=similarity)

    assert 0 <= result.fit_score <= 100
    assert 0 <= result.stretch_score <= 100
    assert 0 <= result.ghost.score <= 100
    assert all(0 <= c.score <= 100 for c in result.components.values())
    assert result.passed_dealbreakers is (not result.failed_dealbreakers)
    assert result.as_dict()["explanation"]["dealbreakers"] == list(result.failed_dealbreakers)


@settings(max_examples=100, deadline=None)
@given(personas, jobs)
def test_score_is_deterministic(persona, job):
    assert score(persona, job, now=NOW).as_dict() == score(persona, job, now=NOW).as_dict()


@settings(max_examples=150, deadline=None)
@given(personas, jobs, st.data())
def test_adding_a_skill_the_job_asks_for_never_lowers_hard_skills(persona, job, data):
    asked = [s.name for s in (*job.required_skills, *job.preferred_skills) if s.kind == "hard"]
    if not asked:
        return
    name = data.draw(st.sampled_from(asked))
    proficiency = data.draw(st.sampled_from(["learning", "familiar", "proficient", "expert"]))
    richer = replace(persona, skills=(*persona.skills, PersonaSkill(name, "hard", proficiency)))

    before = score(persona, job, now=NOW)
    after = score(richer, job, now=NOW)

    assert after.components["hard_skills"].score >= before.components["hard_skills"].score
    assert after.fit_score >= before.fit_score


@settings(max_examples=100, deadline=None)
@given(personas, jobs)
def test_raising_every_proficiency_never_lowers_hard_skills(persona, job):
    experts = replace(persona, skills=tuple(replace(s, proficiency="expert") for s in persona.skills))

    before = score(persona, job, now=NOW).components["hard_skills"].score
    after = score(experts, job, now=NOW).components["hard_skills"].score

    assert after >= before


@settings(max_examples=100, deadline=None)
@given(personas, jobs, st.integers(min_value=1, max_value=40))
def test_more_years_never_lower_experience_below_the_minimum(persona, job, extra):
    if job.years_min is None:
        return
    current = persona.years_experience or 0.0
    more = min(current + extra, max(job.years_min, current))
    before = score(persona, job, now=NOW).components["experience"].score
    after = score(replace(persona, years_experience=more), job, now=NOW).components["experience"].score

    assert after >= before


@settings(max_examples=100, deadline=None)
@given(personas, jobs, st.integers(min_value=0, max_value=100_000))
def test_a_higher_salary_never_fails_the_floor(persona, job, raise_by):
    richer = replace(job, salary_max=(job.salary_max or 0) + raise_by if job.salary_max else None)

    before = score(persona, job, now=NOW)
    after = score(persona, richer, now=NOW)

    if "minimum_base_salary" not in before.failed_checks:
        assert "minimum_base_salary" not in after.failed_checks


@settings(max_examples=100, deadline=None)
@given(
    personas, jobs, st.sampled_from(["title", "company", "description", "work_model", "skill"]), st.text(max_size=12)
)
def test_adding_a_custom_dealbreaker_never_unfails_a_job(persona, job, field, value):
    stricter = replace(
        persona, custom_dealbreakers=(*persona.custom_dealbreakers, CustomDealbreaker("exclude", field, value))
    )

    before = score(persona, job, now=NOW)
    after = score(stricter, job, now=NOW)

    assert set(before.failed_checks) <= set(after.failed_checks)


@settings(max_examples=100, deadline=None)
@given(jobs, st.integers(min_value=0, max_value=5))
def test_more_reposts_never_lower_the_ghost_score(job, more):
    assert (
        compute_ghost(replace(job, repost_count=job.repost_count + more), now=NOW).score
        >= compute_ghost(job, now=NOW).score
    )


@given(st.sampled_from(TITLES), st.sampled_from(TITLES))
def test_title_similarity_is_symmetric_and_bounded(a, b):
    forward = lexical_similarity(normalise_title(a), normalise_title(b))

    assert forward == lexical_similarity(normalise_title(b), normalise_title(a))
    assert 0.0 <= forward <= 1.0
