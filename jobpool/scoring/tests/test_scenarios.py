"""The reference's scoring scenarios (§6.6), on realistic personas and jobs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jobpool.scoring import JobLocation, PersonaProfile, PersonaSkill, score
from jobpool.scoring.tests.builders import NOW, backend_job, backend_persona, skills, without_skills


@pytest.mark.smoke
def test_score_perfect_match_fits_at_least_80():
    result = score(backend_persona(), backend_job(), now=NOW)

    assert result.passed_dealbreakers
    assert result.fit_score >= 80
    assert result.fit_score == 89


def test_score_missing_one_required_skill_fits_70_to_80():
    persona = without_skills(backend_persona(), "PostgreSQL")

    result = score(persona, backend_job(), now=NOW)

    assert 70 <= result.fit_score <= 80
    assert result.components["hard_skills"].inputs["required"]["missing"] == ["PostgreSQL"]


def test_score_missing_three_required_skills_fits_below_65_with_hard_skills_below_25():
    persona = without_skills(backend_persona(), "Python", "Django", "PostgreSQL")

    result = score(persona, backend_job(), now=NOW)

    assert result.fit_score < 65
    assert result.components["hard_skills"].score < 25


def test_score_two_years_short_gives_experience_70_and_fit_70_to_85():
    persona = backend_persona(years_experience=2)

    result = score(persona, backend_job(), now=NOW)

    assert result.components["experience"].score == 70
    assert 70 <= result.fit_score <= 85


def test_score_exact_target_role_stretches_at_least_85():
    job = backend_job(
        title="Engineering Manager",
        description_text="Lead a team of eight: people management, hiring, and our Go and Kubernetes platform.",
    )

    result = score(backend_persona(), job, now=NOW)

    assert result.components["target_role"].score == 100
    assert result.stretch_score >= 85


def test_score_two_target_skills_in_job_stretches_55_to_70():
    result = score(backend_persona(), backend_job(), now=NOW)

    assert result.components["target_skills"].inputs["mentioned"] == ["Kubernetes", "Go"]
    assert 55 <= result.stretch_score <= 70


def test_score_career_changer_fits_below_70_and_stretches_at_least_80():
    teacher = PersonaProfile(
        skills=(
            PersonaSkill("Python", "hard", "familiar"),
            PersonaSkill("SQL", "hard", "learning"),
            PersonaSkill("Communication", "soft", "expert"),
        ),
        years_experience=8,
        current_role="High School Teacher",
        target_roles=("Data Analyst",),
        target_skills=("SQL", "Python", "Tableau"),
        remote_preference="no_preference",
    )
    job = backend_job(
        title="Data Analyst",
        seniority="mid",
        years_min=2,
        years_max=4,
        required_skills=skills("SQL", "Python", "Tableau", "Microsoft Excel"),
        preferred_skills=skills("Power BI"),
        description_text="Build Tableau dashboards and SQL models for the operations team.",
    )

    result = score(teacher, job, now=NOW)

    assert result.fit_score < 70
    assert result.stretch_score >= 80
    assert result.is_growth_role


def test_score_safety_seeker_fits_at_least_85_and_stretches_below_60():
    persona = backend_persona(target_skills=("People Management", "Terraform"))
    job = backend_job(title="Backend Engineer", seniority="mid", location=JobLocation(city="Austin", raw="Austin"))

    result = score(persona, job, now=NOW)

    assert result.fit_score >= 85
    assert result.stretch_score < 60


def test_score_same_inputs_give_identical_results():
    first = score(backend_persona(), backend_job(), now=NOW).as_dict()
    second = score(backend_persona(), backend_job(), now=NOW).as_dict()

    assert first == second


def test_score_prepared_inputs_match_raw_inputs():
    from jobpool.scoring import prepare_job, prepare_persona

    raw = score(backend_persona(), backend_job(), now=NOW)
    prepared = score(prepare_persona(backend_persona()), prepare_job(backend_job(), now=NOW))

    assert prepared.as_dict() == raw.as_dict()


def test_score_failed_dealbreaker_still_reports_scores_but_stores_none():
    persona = backend_persona(remote_preference="remote_only")

    result = score(persona, backend_job(), now=NOW)

    assert not result.passed_dealbreakers
    assert result.stored_scores == (None, None)
    assert replace(result, passed_dealbreakers=True).stored_scores == (result.fit_score, result.stretch_score)
