"""Ghost score (reference §5.5 and §9 item 20)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from jobpool.scoring import JobLocation, compute_ghost, ghost_band, rule_based_vagueness
from jobpool.scoring.ghost import days_open_score, missing_fields_score, repost_score, seniority_mismatch_score
from jobpool.scoring.tests.builders import NOW, backend_job


def signal(result, name):
    return next(s for s in result.signals if s.name == name)


@pytest.mark.parametrize(("days", "expected"), [(0, 0), (30, 0), (31, 50), (60, 50), (61, 100), (400, 100)])
def test_ghost_days_open_boundaries(days, expected):
    assert days_open_score(days) == expected
    job = backend_job(posted_at=NOW - timedelta(days=days))
    assert signal(compute_ghost(job, now=NOW), "days_open").score == expected


def test_ghost_days_open_falls_back_to_first_seen():
    job = backend_job(posted_at=None, first_seen_at=NOW - timedelta(days=45))

    assert signal(compute_ghost(job, now=NOW), "days_open").score == 50


@pytest.mark.parametrize(("reposts", "expected"), [(0, 0), (1, 30), (2, 60), (3, 100), (9, 100)])
def test_ghost_repost_scores(reposts, expected):
    assert repost_score(reposts) == expected


@pytest.mark.parametrize(("missing", "expected"), [(0, 0), (1, 33), (2, 67), (3, 100)])
def test_ghost_missing_field_scores(missing, expected):
    assert missing_fields_score(missing) == expected


def test_ghost_counts_missing_salary_deadline_and_location():
    job = backend_job(
        salary_min=None, salary_max=None, application_deadline=None, location=JobLocation(), work_model="onsite"
    )

    result = compute_ghost(job, now=NOW)

    assert signal(result, "missing_fields").score == 100
    assert signal(result, "missing_fields").detail == "missing salary, deadline and location"


def test_ghost_remote_job_without_location_does_not_miss_location():
    job = backend_job(location=JobLocation(), work_model="remote")

    assert signal(compute_ghost(job, now=NOW), "missing_fields").score == 0


@pytest.mark.parametrize(
    ("seniority", "years_min", "expected"),
    [
        ("senior", 5, 0),
        ("senior", 3, 0),  # 2 under the range: tolerated
        ("senior", 2, 100),  # 3 under
        ("entry", 4, 0),
        ("entry", 5, 100),  # 3 over 0-2
        ("executive", 7, 100),
        ("", 1, 0),
        ("mid", None, 0),
    ],
)
def test_ghost_seniority_mismatch(seniority, years_min, expected):
    assert seniority_mismatch_score(seniority, years_min) == expected


def test_ghost_uses_llm_vagueness_when_given():
    result = compute_ghost(backend_job(vagueness=90), now=NOW)

    assert signal(result, "vagueness").score == 90
    assert signal(result, "vagueness").detail == "rated by the language model"


def test_rule_based_vagueness_rates_filler_above_specific_posting():
    vague = "Join our fast-paced, dynamic team of rockstar self-starters! Competitive salary. Immediate start."
    specific = backend_job().description_text * 5

    assert rule_based_vagueness(vague, 0) == 100
    assert rule_based_vagueness(specific, 6) < 30


def test_ghost_weighted_total_and_band():
    job = backend_job(posted_at=NOW - timedelta(days=90), repost_count=2, vagueness=50)

    result = compute_ghost(job, now=NOW)

    # 0.3 × 100 + 0.3 × 60 + 0.2 × 50 + 0.1 × 0 + 0.1 × 0
    assert result.score == 58
    assert result.band == "Elevated"


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "Fresh"),
        (25, "Fresh"),
        (26, "Moderate"),
        (50, "Moderate"),
        (51, "Elevated"),
        (75, "Elevated"),
        (76, "High Risk"),
    ],
)
def test_ghost_bands(score, band):
    assert ghost_band(score) == band


def test_ghost_naive_datetimes_are_read_as_utc():
    job = backend_job(posted_at=(NOW - timedelta(days=31)).replace(tzinfo=None))

    assert signal(compute_ghost(job, now=NOW), "days_open").score == 50
