"""Fit components (reference §6.3): hard and soft skills, experience, role title, logistics."""

from __future__ import annotations

import pytest

from jobpool.scoring import JobLocation, JobSkillFact, PersonaSkill, prepare_job, prepare_persona, score
from jobpool.scoring.fit import experience, hard_skills, logistics, role_title, soft_skills
from jobpool.scoring.tests.builders import NOW, backend_job, backend_persona, skills


def prepared(persona=None, job=None):
    return prepare_persona(persona or backend_persona()), prepare_job(job or backend_job(), now=NOW)


def test_hard_skills_all_required_met_and_two_of_three_preferred():
    component = hard_skills(*prepared())

    assert component.score == pytest.approx(80 + 20 * 2 / 3)
    assert component.inputs["preferred"]["missing"] == ["Kubernetes"]


def test_hard_skills_neutral_when_job_lists_none():
    component = hard_skills(*prepared(job=backend_job(required_skills=(), preferred_skills=())))

    assert (component.score, component.method) == (70, "neutral")


def test_hard_skills_no_required_skills_gives_full_required_share():
    job = backend_job(required_skills=(), preferred_skills=skills("Docker", "Kubernetes"))

    component = hard_skills(*prepared(job=job))

    assert component.score == pytest.approx(80 + 20 * 0.5)


def test_hard_skills_aliases_match_canonical_names():
    job = backend_job(required_skills=skills("python", "postgres", "django"), preferred_skills=skills("aws"))

    component = hard_skills(*prepared(job=job))

    assert component.score == 100


@pytest.mark.parametrize(
    ("proficiency", "years_used", "requested", "expected_weight"),
    [
        ("expert", None, 5, 1.0),  # expert = 6 years ≥ 5
        ("proficient", None, 5, 1 - 0.15 * 1.5),  # 3.5 years, 1.5 short
        ("learning", None, 10, 0.2),  # floor
        ("learning", 5, 5, 1.0),  # recorded years count
    ],
)
def test_hard_skills_years_requested_weighs_proficiency(proficiency, years_used, requested, expected_weight):
    persona = backend_persona(skills=(PersonaSkill("Rust", "hard", proficiency, years_used=years_used),))
    job = backend_job(required_skills=(JobSkillFact("Rust", "hard", requested),), preferred_skills=())

    component = hard_skills(*prepared(persona, job))

    assert component.score == pytest.approx(expected_weight * 80 + 20)


def test_soft_skills_neutral_50_without_culture_or_soft_skills():
    component = soft_skills(*prepared(), None)

    assert (component.score, component.method) == (50, "neutral")


def test_soft_skills_lexical_share_of_posting_soft_skills():
    job = backend_job(required_skills=(*skills("Python"), *skills("Communication", "Mentoring", kind="soft")))

    component = soft_skills(*prepared(job=job), None)

    assert component.score == 75
    assert component.inputs == {"matched": ["Communication"], "missing": ["Mentoring"]}


def test_soft_skills_uses_embeddings_when_both_present():
    persona = backend_persona(soft_skills_embedding=[1.0, 0.0])
    job = backend_job(culture_embedding=[0.0, 2.0])

    component = soft_skills(*prepared(persona, job), None)

    assert (component.score, component.method) == (50, "embedding")


def test_soft_skills_precomputed_similarity_wins():
    persona = backend_persona(soft_skills_embedding=[1.0, 0.0])
    job = backend_job(culture_embedding=[1.0, 0.0])

    component = soft_skills(*prepared(persona, job), 0.2)

    assert component.score == pytest.approx(60)
    assert component.method == "precomputed"


@pytest.mark.parametrize(
    ("years", "low", "high", "expected"),
    [
        (6, 4, 8, 100),
        (4, 4, 8, 100),
        (2, 4, 8, 70),  # 2 under: 100 - 15 × 2
        (0, 8, None, 0),  # floor 0
        (None, 2, None, 70),  # unknown persona years count as 0
        (10, 4, 8, 90),  # 2 over: 100 - 5 × 2
        (30, 4, 8, 50),  # floor 50
        (6, None, None, 70),  # no requirement: neutral
        (6, None, 5, 95),
    ],
)
def test_experience_rules(years, low, high, expected):
    component = experience(
        *prepared(backend_persona(years_experience=years), backend_job(years_min=low, years_max=high))
    )

    assert component.score == pytest.approx(expected)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Backend Engineer", 100),  # exact
        ("backend engineer!", 100),  # normalised exact
        ("Software Developer", 100),  # a past title
        ("Senior Backend Engineer", 90),  # contains → similar (0.9 → cosine 0.8)
        ("Pastry Chef", 0),  # nothing in common
    ],
)
def test_role_title_lexical(title, expected):
    component = role_title(*prepared(job=backend_job(title=title)))

    assert component.score == pytest.approx(expected)


def test_role_title_neutral_without_persona_titles():
    persona = backend_persona(current_role="", past_titles=())

    assert role_title(*prepared(persona=persona)).score == 70


def test_role_title_uses_title_embeddings_when_present():
    persona = backend_persona(title_embedding=[1.0, 1.0])
    job = backend_job(title="Platform Engineer", title_embedding=[1.0, 1.0])

    component = role_title(*prepared(persona, job))

    assert (component.score, component.method) == (pytest.approx(100), "embedding")


@pytest.mark.parametrize(
    ("preference", "work_model", "expected"),
    [
        ("remote_only", "remote", 100),
        ("remote_only", "hybrid", 50),
        ("remote_only", "onsite", 0),
        ("hybrid_ok", "remote", 100),
        ("hybrid_ok", "hybrid", 100),
        ("hybrid_ok", "onsite", 60),
        ("hybrid_ok", "unknown", 60),  # unknown counts as on-site, as in the dealbreaker
        ("onsite_ok", "onsite", 100),
        ("no_preference", "unknown", 100),
    ],
)
def test_logistics_work_model_matrix(preference, work_model, expected):
    component = logistics(*prepared(backend_persona(remote_preference=preference), backend_job(work_model=work_model)))

    assert component.score == expected


def test_logistics_outside_commutable_cities_multiplies_by_0_7():
    job = backend_job(work_model="onsite", location=JobLocation(city="Denver"))

    component = logistics(*prepared(backend_persona(remote_preference="onsite_ok"), job))

    assert component.score == pytest.approx(70)
    assert component.inputs["outside_commute"] is True


def test_fit_is_rounded_weighted_sum_of_components():
    result = score(backend_persona(), backend_job(), now=NOW)

    weighted = sum(c.score * c.weight for c in result.components.values() if c.group == "fit")
    assert result.fit_score == int(weighted + 0.5)
    assert sorted(c.weight for c in result.components.values() if c.group == "fit") == [0.1, 0.1, 0.15, 0.25, 0.4]
