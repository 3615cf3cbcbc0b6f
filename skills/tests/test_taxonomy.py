from collections import Counter

import pytest

from skills.taxonomy import (
    KINDS,
    TAXONOMY_PATH,
    SkillEntry,
    TaxonomyError,
    _read_entries,
    build_taxonomy,
    load_taxonomy,
)
from skills.tokens import phrase_key, tokenize


def _entry(name: str, aliases: tuple[str, ...] = (), **kwargs) -> SkillEntry:
    fields = {"category": "programming_language", "kind": "hard", "name_match": "any", "cased": (), "guarded": ()}
    fields.update(kwargs)
    return SkillEntry(name=name, aliases=aliases, **fields)


@pytest.mark.smoke
def test_taxonomy_has_at_least_1500_entries():
    taxonomy = load_taxonomy()

    assert len(taxonomy.entries) >= 1500


def test_taxonomy_canonical_names_are_unique_ignoring_case():
    names = Counter(entry.name.casefold() for entry in _read_entries(TAXONOMY_PATH))

    assert [name for name, count in names.items() if count > 1] == []


def test_taxonomy_every_spelling_belongs_to_one_entry():
    owners: dict[tuple[str, ...], set[str]] = {}
    for entry in _read_entries(TAXONOMY_PATH):
        spellings = (entry.name, *entry.aliases, *entry.cased, *entry.guarded)
        for spelling in spellings:
            owners.setdefault(phrase_key(spelling), set()).add(entry.name)

    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_taxonomy_entries_are_well_formed():
    entries = _read_entries(TAXONOMY_PATH)

    assert {entry.kind for entry in entries} <= set(KINDS)
    assert all(entry.name == entry.name.strip() and entry.category for entry in entries)
    assert all(all(alias and alias == alias.strip() for alias in entry.aliases) for entry in entries)


def test_taxonomy_every_entry_can_be_found_in_text():
    taxonomy = load_taxonomy()
    matchable = {form.entry.name for form in taxonomy.forms}

    assert [entry.name for entry in taxonomy.entries if entry.name not in matchable] == []


def test_taxonomy_short_aliases_are_not_common_words():
    taxonomy = load_taxonomy()
    loose = {form.text.lower() for form in taxonomy.forms if form.mode == "any"}

    assert loose.isdisjoint({"rest", "go", "r", "c", "spa", "ids", "doe", "arrow", "spark", "vault", "access", "excel"})


def test_taxonomy_spans_the_expected_categories():
    categories = {entry.category for entry in load_taxonomy().entries}

    assert {
        "programming_language", "frontend", "backend", "database", "cloud", "devops", "data_ml", "security",
        "design", "methods", "finance", "healthcare", "sales", "marketing", "certification", "soft_skill",
    } <= categories


def test_taxonomy_has_both_kinds():
    kinds = Counter(entry.kind for entry in load_taxonomy().entries)

    assert kinds["hard"] > 1000
    assert kinds["soft"] >= 50


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("js", "JavaScript"),
        ("k8s", "Kubernetes"),
        ("postgres", "PostgreSQL"),
        ("psql", "PostgreSQL"),
        ("golang", "Go"),
        ("reactjs", "React"),
        ("node.js", "Node.js"),
        ("ci/cd", "CI/CD"),
        ("aws saa", "AWS Certified Solutions Architect"),
        ("okr", "OKRs"),
        ("stakeholder management", "Stakeholder Management"),
    ],
)
def test_taxonomy_alias_resolves_to_canonical_entry(spelling, canonical):
    taxonomy = load_taxonomy()

    assert taxonomy.by_key[phrase_key(spelling)].name == canonical


def test_build_taxonomy_rejects_a_spelling_shared_by_two_entries():
    entries = [_entry("JavaScript", ("js",)), _entry("JSON Schema", ("js",))]

    with pytest.raises(TaxonomyError, match="already belongs to 'JavaScript'"):
        build_taxonomy(entries)


def test_build_taxonomy_rejects_duplicate_names():
    with pytest.raises(TaxonomyError, match="duplicate canonical name"):
        build_taxonomy([_entry("Python"), _entry("python")])


def test_build_taxonomy_rejects_a_name_that_is_another_entrys_alias():
    with pytest.raises(TaxonomyError):
        build_taxonomy([_entry("Go", ("golang",)), _entry("Golang")])


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("C++ and C#", ["C++", "and", "C#"]),
        ("Node.js, .NET", ["Node", ".", "js", ".", "NET"]),
        ("CI/CD", ["CI", "/", "CD"]),
        ("R&D", ["R", "&", "D"]),
        ("full-stack", ["full", "stack"]),
        ("end. Next", ["end", "Next"]),
    ],
)
def test_tokenize_keeps_symbols_that_belong_to_skill_names(text, tokens):
    assert [t.text for t in tokenize(text)] == tokens
