"""The quality floor on the hand-labelled postings (figures printed by bench/skills_quality.py)."""

import pytest

from skills.quality import evaluate, load_labelled_postings
from skills.taxonomy import load_taxonomy

FLOOR = 0.85


@pytest.fixture(scope="module")
def labelled():
    return load_labelled_postings()


@pytest.fixture(scope="module")
def report(labelled):
    return evaluate(labelled)


def test_labelled_set_has_at_least_30_real_postings_from_many_sources(labelled):
    assert len(labelled) >= 30
    assert len({p.source for p in labelled}) >= 8
    assert all(p.file.startswith(f"{p.source}/") and p.posting_id and (p.html or p.text) for p in labelled)


def test_labels_use_canonical_taxonomy_names(labelled):
    names = {entry.name for entry in load_taxonomy().entries}

    assert sorted({n for p in labelled for n in p.expected} - names) == []


def test_labels_mark_both_required_and_preferred_skills(labelled):
    flags = [required for p in labelled for required in p.expected.values()]

    assert flags.count(True) > 100
    assert flags.count(False) > 30


@pytest.mark.smoke
def test_extraction_precision_stays_above_the_floor(report):
    assert report.precision >= FLOOR, f"precision {report.precision:.3f}"


@pytest.mark.smoke
def test_extraction_recall_stays_above_the_floor(report):
    assert report.recall >= FLOOR, f"recall {report.recall:.3f}"


def test_extraction_required_vs_preferred_accuracy_stays_above_the_floor(report):
    assert report.requiredness_accuracy >= FLOOR, f"required/preferred accuracy {report.requiredness_accuracy:.3f}"


def test_evaluate_counts_misses_extras_and_requiredness(labelled):
    posting = labelled[0]
    expected = list(posting.expected.items())
    (first, first_required), rest = expected[0], expected[1:]
    fake = [
        type("S", (), {"name": name, "is_required": required})()
        for name, required in [(first, not first_required), ("Not A Label", True)]
    ]

    report = evaluate([posting], extractor=lambda _p: fake)

    assert (report.true_positives, report.false_positives, report.false_negatives) == (1, 1, len(rest))
    assert (report.requiredness_correct, report.results[0].wrong_requiredness) == (0, [first])
