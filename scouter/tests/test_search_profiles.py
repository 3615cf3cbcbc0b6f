"""Deriving search profiles and their fingerprint (pure)."""

from __future__ import annotations

import pytest

from scouter.search_profiles import PersonaFacts, clean_search, core_role, derive, fingerprint, parse_terms, widen

pytestmark = pytest.mark.smoke

FACTS = PersonaFacts(
    current_role="Backend Engineer",
    past_titles=["Backend Engineer", "Software Engineer"],
    hard_skills=["Python", "Django", "PostgreSQL"],
    target_roles=["Staff Engineer"],
    target_skills=["Kubernetes", "Go"],
    stretch_appetite="medium",
    home_city="Portland",
    remote_preference="hybrid_ok",
)


def test_derive_fit_searches_from_current_and_past_titles_with_strongest_skills():
    fit, _ = derive(FACTS)

    assert fit == [
        {"label": "Backend Engineer", "keywords": ["Python", "Django", "PostgreSQL"], "titles": ["Backend Engineer"], "location": "Portland", "remote_only": False},
        {"label": "Software Engineer", "keywords": ["Python", "Django", "PostgreSQL"], "titles": ["Software Engineer"], "location": "Portland", "remote_only": False},
    ]


def test_derive_stretch_searches_from_target_roles_and_skills():
    _, stretch = derive(FACTS)

    assert stretch == [
        {"label": "Staff Engineer", "keywords": ["Kubernetes", "Go"], "titles": ["Staff Engineer", "Principal Engineer"], "location": "Portland", "remote_only": False}
    ]


@pytest.mark.parametrize(
    ("appetite", "expected"),
    [
        ("low", ["Backend Engineer"]),
        ("medium", ["Backend Engineer", "Senior Backend Engineer"]),
        ("high", ["Backend Engineer", "Senior Backend Engineer", "Staff Backend Engineer"]),
    ],
)
def test_widen_reaches_further_with_more_appetite(appetite, expected):
    assert widen("Backend Engineer", appetite) == expected


def test_widen_starts_from_the_roles_own_level():
    assert widen("Senior Data Engineer", "high") == ["Senior Data Engineer", "Staff Data Engineer", "Principal Data Engineer"]


def test_high_appetite_adds_the_core_role_as_a_keyword():
    _, stretch = derive(PersonaFacts(target_roles=["Senior Product Manager"], stretch_appetite="high"))

    assert stretch[0]["keywords"] == ["Product Manager"]


def test_remote_only_persona_searches_remote_work_anywhere():
    fit, stretch = derive(PersonaFacts(current_role="Designer", target_roles=["Design Lead"], home_city="Lyon", remote_preference="remote_only"))

    assert [(s["location"], s["remote_only"]) for s in fit + stretch] == [("", True), ("", True)]


def test_derive_without_titles_falls_back_to_skills():
    fit, stretch = derive(PersonaFacts(hard_skills=["Excel"], target_skills=["Power BI"]))

    assert (fit[0]["label"], fit[0]["keywords"], stretch[0]["keywords"]) == ("My skills", ["Excel"], ["Power BI"])


def test_derive_of_an_empty_persona_is_empty():
    assert derive(PersonaFacts()) == ([], [])


def test_fingerprint_ignores_order_case_and_spacing():
    reordered = PersonaFacts(
        current_role="backend  engineer",
        past_titles=["Software Engineer", "Backend Engineer"],
        hard_skills=["postgresql", "Django", "Python"],
        target_roles=["Staff Engineer"],
        target_skills=["Go", "Kubernetes"],
        stretch_appetite="medium",
        home_city="Portland",
        remote_preference="hybrid_ok",
    )

    assert fingerprint(reordered) == fingerprint(FACTS)


@pytest.mark.parametrize(
    "change",
    [
        {"hard_skills": ["Python"]},
        {"target_roles": ["Engineering Manager"]},
        {"target_skills": ["Rust"]},
        {"stretch_appetite": "high"},
        {"home_city": "Seattle"},
        {"remote_preference": "remote_only"},
        {"current_role": "Data Engineer"},
    ],
)
def test_fingerprint_changes_with_each_input(change):
    changed = PersonaFacts(**{**FACTS.__dict__, **change})

    assert fingerprint(changed) != fingerprint(FACTS)


def test_core_role_drops_level_words():
    assert [core_role(t) for t in ("Sr. Data Engineer", "Lead Designer", "Engineer")] == ["Data Engineer", "Designer", "Engineer"]


def test_clean_search_normalises_user_input():
    cleaned = clean_search({"label": "", "titles": " Data  Engineer ,data engineer, ", "keywords": ["SQL", " sql"], "location": "  Berlin ", "remote_only": "on"})

    assert cleaned == {"label": "Data Engineer", "keywords": ["SQL"], "titles": ["Data Engineer"], "location": "Berlin", "remote_only": True}


def test_clean_search_drops_a_search_that_asks_for_nothing():
    assert clean_search({"label": "Empty", "titles": "", "keywords": []}) is None
    assert clean_search("not a dict") is None


def test_parse_terms_splits_on_commas_and_lines():
    assert parse_terms("Python, Go\nRust,,python") == ["Python", "Go", "Rust"]
