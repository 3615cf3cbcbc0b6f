import pytest

from skills.normalize import NormalizedSkill, canonical_name, canonical_or_cleaned, normalize_skill


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("JS", NormalizedSkill("JavaScript", "hard", "programming_language")),
        ("k8s", NormalizedSkill("Kubernetes", "hard", "devops")),
        ("Postgres", NormalizedSkill("PostgreSQL", "hard", "database")),
        ("golang", NormalizedSkill("Go", "hard", "programming_language")),
        ("communication skills", NormalizedSkill("Communication", "soft", "soft_skill")),
        ("  Stakeholder   management ", NormalizedSkill("Stakeholder Management", "soft", "soft_skill")),
    ],
)
def test_normalize_skill_maps_spellings_to_canonical_entries(name, expected):
    assert normalize_skill(name) == expected


@pytest.mark.parametrize(("name", "canonical"), [("go", "Go"), ("r", "R"), ("C", "C"), ("swift", "Swift")])
def test_normalize_skill_resolves_ambiguous_words_without_context(name, canonical):
    assert normalize_skill(name).name == canonical


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("Python 3.11", "Python"), ("React (hooks)", "React"), ("Go programming", "Go"), ("leadership skills", "Leadership")],
)
def test_normalize_skill_ignores_versions_and_filler_words(name, canonical):
    assert normalize_skill(name).name == canonical


@pytest.mark.parametrize("name", ["", "   ", "Underwater basket weaving", "the"])
def test_normalize_skill_returns_none_for_unknown_names(name):
    assert normalize_skill(name) is None


def test_canonical_or_cleaned_returns_canonical_name_when_known():
    assert canonical_or_cleaned("reactjs") == "React"


def test_canonical_or_cleaned_tidies_unknown_names():
    assert canonical_or_cleaned("  Underwater   basket weaving ") == "Underwater basket weaving"


def test_canonical_name_is_none_for_unknown_names():
    assert (canonical_name("psql"), canonical_name("Basket weaving")) == ("PostgreSQL", None)
