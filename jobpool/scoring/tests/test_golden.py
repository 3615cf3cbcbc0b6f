"""The golden set: real recorded postings × written personas, with bands worked out from the rules by hand.

bench/data/scoring_golden/ holds jobs.json (facts taken from recorded job-board payloads,
skills curated as the extractor should find them), personas.json and pairs.json (expected
dealbreaker outcome, fit and stretch with their bands, and a one-line reason). No embedding
vectors are given, so the lexical title rules apply throughout.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import pytest

from jobpool.scoring import (
    CustomDealbreaker,
    JobFacts,
    JobLocation,
    JobSkillFact,
    PersonaProfile,
    PersonaSkill,
    score,
)

GOLDEN = Path(__file__).resolve().parents[3] / "bench" / "data" / "scoring_golden"
NOW = datetime(2026, 8, 1, tzinfo=UTC)


def _load(name: str):
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def _moment(value: str | None) -> datetime | None:
    if value is None:
        return None
    if len(value) == 10:
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), tzinfo=UTC)
    return datetime.fromisoformat(value)


def job_from(data: dict) -> JobFacts:
    fields = {k: v for k, v in data.items() if k not in ("source", "location", "required_skills", "preferred_skills")}
    fields["posted_at"] = _moment(fields.pop("posted_at"))
    fields["application_deadline"] = _moment(fields.pop("application_deadline"))
    return JobFacts(
        **fields,
        location=JobLocation(**data["location"]),
        required_skills=tuple(JobSkillFact(**s) for s in data["required_skills"]),
        preferred_skills=tuple(JobSkillFact(**s) for s in data["preferred_skills"]),
    )


def persona_from(data: dict) -> PersonaProfile:
    fields = {k: v for k, v in data.items() if k not in ("about", "skills", "custom_dealbreakers")}
    return PersonaProfile(
        **fields,
        skills=tuple(PersonaSkill(**s) for s in data["skills"]),
        custom_dealbreakers=tuple(CustomDealbreaker(**r) for r in data.get("custom_dealbreakers", ())),
    )


@cache
def golden():
    jobs = {key: job_from(value) for key, value in _load("jobs.json").items()}
    personas = {key: persona_from(value) for key, value in _load("personas.json").items()}
    return jobs, personas, _load("pairs.json")


PAIRS = _load("pairs.json")


def test_golden_set_has_at_least_30_pairs_over_real_postings():
    jobs, personas, pairs = golden()

    assert len(pairs) >= 30
    assert {p["job"] for p in pairs} == set(jobs)
    assert {p["persona"] for p in pairs} == set(personas)
    assert all(j["source"]["board"] and j["source"]["external_id"] for j in _load("jobs.json").values())
    assert all(p["why"] for p in pairs)


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p['persona']}-{p['job']}" for p in PAIRS])
def test_golden_pair_matches_expected_bands(pair):
    jobs, personas, _ = golden()

    result = score(personas[pair["persona"]], jobs[pair["job"]], now=NOW)

    assert (result.passed_dealbreakers, list(result.failed_checks)) == (pair["passed"], pair["failed_checks"])
    assert (result.fit_band, result.stretch_band) == (pair["fit_band"], pair["stretch_band"]), pair["why"]
    # The hand-worked figures, allowing one point for where rounding falls.
    assert abs(result.fit_score - pair["fit"]) <= 1
    assert abs(result.stretch_score - pair["stretch"]) <= 1


@pytest.mark.smoke
def test_golden_scores_correlate_with_hand_worked_scores():
    jobs, personas, pairs = golden()
    computed = [score(personas[p["persona"]], jobs[p["job"]], now=NOW) for p in pairs]

    fit_r = _pearson([r.fit_score for r in computed], [p["fit"] for p in pairs])
    stretch_r = _pearson([r.stretch_score for r in computed], [p["stretch"] for p in pairs])

    # The reference's golden-set target is a correlation above 0.8.
    assert fit_r > 0.8
    assert stretch_r > 0.8


def _pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / (var_x * var_y) ** 0.5
