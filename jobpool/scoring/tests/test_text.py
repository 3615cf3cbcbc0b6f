"""Text folding and whole-word phrase lookups shared by every rule."""

from __future__ import annotations

import pytest

from jobpool.scoring.text import fold, normalise_company, normalise_place, normalise_skill, phrase_key, text_index


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("  Café   Crème ", "cafe creme"),
        ("Ｐｙｔｈｏｎ", "python"),
        ("Gdańsk", "gdansk"),
        ("STRASSE", "strasse"),
        ("", ""),
    ],
)
def test_fold_lowers_strips_accents_and_spaces(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize(("phrase", "found"), [("Apache Spark", True), ("spark", True), ("Spa", False), ("c++", True)])
def test_text_index_finds_whole_word_phrases(phrase, found):
    index = text_index("We use Apache Spark, C++ and Node.js daily.")

    assert (phrase_key(phrase) in index) is found


def test_skill_aliases_and_names():
    assert [normalise_skill(n) for n in ("K8s", "postgres", "ReactJS", "Go")] == [
        "kubernetes",
        "postgresql",
        "react",
        "go",
    ]


def test_company_and_place_normalisation():
    assert normalise_company("Acme, Inc.") == normalise_company("ACME") == "acme"
    assert normalise_place("Austin, TX") == normalise_place("austin") == "austin"
