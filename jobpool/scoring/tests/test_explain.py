"""Explanations: plain sentences built by rules (reference §6.5), and the stored JSON form."""

from __future__ import annotations

import json
from datetime import timedelta

from jobpool.scoring import SCORING_VERSION, JobLocation, score
from jobpool.scoring.tests.builders import NOW, backend_job, backend_persona, without_skills


def test_explanation_strong_match_lists_strengths_and_stretch():
    result = score(backend_persona(), backend_job(), now=NOW)

    assert result.explanation.strengths == (
        "You have 3 of the 3 required skills: Python, Django and PostgreSQL.",
        "Your 6 years of experience fit the 4–8 years asked for.",
        "The title is close to your own: Backend Engineer.",
    )
    assert result.explanation.gaps == ()
    assert result.explanation.stretch == (
        "It uses your target skills: Kubernetes and Go.",
        "It is a step up, from mid-level to senior.",
    )
    assert result.explanation.warnings == ()


def test_explanation_names_missing_required_skills_and_short_experience():
    persona = without_skills(backend_persona(years_experience=1), "Django", "PostgreSQL")

    result = score(persona, backend_job(), now=NOW)

    assert result.explanation.strengths == ("The title is close to your own: Backend Engineer.",)
    assert result.explanation.gaps == (
        "Missing required skills: Django and PostgreSQL.",
        "The role asks for 4–8 years of experience; you have 1 year.",
    )


def test_explanation_mentions_years_short_on_a_skill():
    from jobpool.scoring import JobSkillFact

    job = backend_job(required_skills=(JobSkillFact("Python", "hard", 10),), preferred_skills=())

    result = score(backend_persona(), job, now=NOW)

    assert "The posting asks for 10 years of Python; your profile shows about 7 years." in result.explanation.gaps


def test_explanation_warns_about_missing_salary_and_ghost_job():
    job = backend_job(
        salary_min=None,
        salary_max=None,
        posted_at=NOW - timedelta(days=95),
        repost_count=3,
        vagueness=80,
    )

    result = score(backend_persona(minimum_base_salary=None), job, now=NOW)

    assert result.explanation.warnings == (
        "The posting does not give a salary.",
        "This posting may be a ghost job (ghost score 79, High Risk): open 95 days, reposted 3 times, "
        "missing salary and the description is vague.",
    )


def test_explanation_does_not_repeat_undisclosed_salary_when_floor_set():
    result = score(backend_persona(), backend_job(salary_min=None, salary_max=None), now=NOW)

    assert result.warnings == ("The salary is not disclosed, so your minimum could not be checked.",)


def test_explanation_gap_for_poor_logistics():
    job = backend_job(work_model="onsite", location=JobLocation(city="Austin"))

    result = score(backend_persona(remote_preference="onsite_ok"), job, now=NOW)
    hybrid = score(backend_persona(remote_preference="hybrid_ok"), job, now=NOW)

    assert not any("location preferences" in gap for gap in result.explanation.gaps)
    assert "The job is on-site; you prefer hybrid or remote." in hybrid.explanation.gaps


def test_as_dict_is_json_serialisable_and_complete():
    result = score(backend_persona(), backend_job(), now=NOW)

    data = json.loads(json.dumps(result.as_dict()))

    assert data["version"] == SCORING_VERSION
    assert data["fit"]["score"] == result.fit_score
    assert data["fit"]["band"] == "Medium"
    assert sorted(data["fit"]["components"]) == ["experience", "hard_skills", "logistics", "role_title", "soft_skills"]
    assert sorted(data["stretch"]["components"]) == ["growth", "target_role", "target_skills"]
    assert data["fit"]["components"]["hard_skills"] == {
        "score": 93.3,
        "weight": 0.4,
        "method": "rules",
        "inputs": {
            "required": {"matched": ["Python", "Django", "PostgreSQL"], "missing": [], "short_on_years": []},
            "preferred": {
                "matched": ["Docker", "Amazon Web Services"],
                "missing": ["Kubernetes"],
                "short_on_years": [],
            },
        },
    }
    assert [s["name"] for s in data["ghost"]["signals"]] == [
        "days_open",
        "reposts",
        "vagueness",
        "missing_fields",
        "seniority_mismatch",
    ]
    assert data["explanation"]["strengths"] == list(result.explanation.strengths)
