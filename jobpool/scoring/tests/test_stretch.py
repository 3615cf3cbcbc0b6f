"""Stretch components (reference §6.4) and title rules (§9 item 11)."""

from __future__ import annotations

import pytest

from jobpool.scoring import normalise_title, prepare_job, prepare_persona, titles_similar
from jobpool.scoring.stretch import growth, target_role, target_skills
from jobpool.scoring.tests.builders import NOW, backend_job, backend_persona, skills
from jobpool.scoring.titles import title_level


def prepared(persona=None, job=None):
    return prepare_persona(persona or backend_persona()), prepare_job(job or backend_job(), now=NOW)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Senior Scrum Master", "Scrum Master"),  # contains
        ("Scrum Master II", "Scrum Master 2"),  # Levenshtein
        ("Agile Coach / Scrum Master", "Scrum Master / Agile Coach"),  # word overlap
        ("Sofware Engineer", "Software Engineer"),  # a spelling slip
    ],
)
def test_titles_similar(a, b):
    assert titles_similar(normalise_title(a), normalise_title(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Scrum Master", "Product Owner"),
        ("QA Engineer", "ML Engineer"),  # 2 edits apart, but different roles
        ("CTO", "CFO"),
        ("Java Developer", "JavaScript Developer"),
    ],
)
def test_titles_not_similar(a, b):
    assert not titles_similar(normalise_title(a), normalise_title(b))


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Junior Data Analyst", "junior"),
        ("Software Engineer", None),
        ("Sr. Software Engineer", "senior"),
        ("Staff Engineer", "lead"),
        ("Chief of Staff", "lead"),
        ("Director of Engineering", "director"),
        ("Head of Data", "director"),
        ("Vice President, Sales", "vp"),
        ("Chief Technology Officer", "c_level"),
        ("Marketing Intern", "junior"),
    ],
)
def test_title_level(title, level):
    assert title_level(normalise_title(title)) == level


def test_target_role_exact_is_100():
    component = target_role(*prepared(job=backend_job(title="Engineering Manager")))

    assert (component.score, component.method) == (100, "exact")


def test_target_role_unrelated_title_gets_formula_minimum_30():
    component = target_role(*prepared(job=backend_job(title="Pastry Chef")))

    assert component.score == pytest.approx(30)


def test_target_role_similar_title_scores_high():
    component = target_role(*prepared(job=backend_job(title="Senior Engineering Manager")))

    assert component.score == pytest.approx(30 + 1.8 * 35)


def test_target_role_neutral_without_targets():
    assert target_role(*prepared(persona=backend_persona(target_roles=()))).score == 50


@pytest.mark.parametrize(
    ("targets", "expected"),
    [
        ((), 50),
        (("Rust",), 20),
        (("Kubernetes",), 50),
        (("Kubernetes", "Go"), 75),
        (("Kubernetes", "Go", "Django"), 100),
        (("Kubernetes", "Go", "Django", "Python"), 100),
    ],
)
def test_target_skills_counts_mentions(targets, expected):
    component = target_skills(*prepared(persona=backend_persona(target_skills=targets)))

    assert component.score == expected


def test_target_skills_found_by_whole_words_not_substrings():
    job = backend_job(description_text="Google-scale Gopher pipelines.", preferred_skills=skills("Docker"))

    component = target_skills(*prepared(persona=backend_persona(target_skills=("Go",)), job=job))

    assert component.inputs["mentioned"] == []


@pytest.mark.parametrize(
    ("current", "title", "seniority", "expected"),
    [
        ("Backend Engineer", "Senior Backend Engineer", "", 100),
        ("Senior Backend Engineer", "Senior Backend Engineer", "", 70),
        ("Engineering Lead", "Backend Engineer", "", 30),
        ("Backend Engineer", "Backend Engineer", "lead", 100),  # level from the seniority field
        ("", "Backend Engineer", "", 50),
    ],
)
def test_growth_compares_levels(current, title, seniority, expected):
    persona = backend_persona(current_role=current)
    job = backend_job(title=title, seniority=seniority)

    assert growth(*prepared(persona, job)).score == expected
