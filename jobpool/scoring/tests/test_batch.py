"""The array form of score() (`scoring.batch`) gives, pair for pair, what score() gives.

Each test also checks that the array path really decided most pairs (`BatchScores.scalar`
counts the pairs handed back to score()), so a kernel that quietly fell back to score() for
everything could not pass.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobpool.scoring import CustomDealbreaker, JobLocation, prepare_job, prepare_persona, score
from jobpool.scoring.batch import JobColumns, PersonaColumns, score_candidates, score_pairs
from jobpool.scoring.tests.builders import NOW
from jobpool.scoring.tests.test_golden import golden
from jobpool.scoring.tests.test_properties import jobs as job_strategy
from jobpool.scoring.tests.test_properties import personas as persona_strategy

DIMS = 8


def vector_for(text: str, dims: int = DIMS) -> list[float]:
    """A fixed pseudo-embedding per text (titles sharing words get nearby vectors)."""
    total = np.zeros(dims)
    for word in text.lower().split() or [""]:
        seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:4], "little")
        total += np.random.default_rng(seed).normal(size=dims)
    return total.tolist()


def with_vectors(persona):
    return replace(
        persona,
        title_embedding=vector_for(persona.current_role) if persona.current_role else None,
        target_roles_embedding=vector_for(" ".join(persona.target_roles)) if persona.target_roles else None,
    )


def assert_same_as_score(personas, jobs, *, cosines: bool = False):
    """Score every pair in one shuffled batch and compare each with score(); returns the pairs score() decided."""
    prepared = [prepare_persona(p) for p in personas]
    columns = PersonaColumns.build(prepared)
    prepared_jobs = [prepare_job(facts, now=NOW, ghost=False) for facts in jobs]
    job_columns = JobColumns(prepared_jobs, columns)
    p, j = (a.ravel() for a in np.meshgrid(np.arange(len(prepared)), np.arange(len(prepared_jobs))))
    order = np.random.default_rng(len(p)).permutation(len(p))
    p, j = p[order], j[order]
    given = {}
    if cosines:
        job32 = job_columns.title_vectors.astype(np.float32)
        given = {
            "title_cosines": np.einsum("ij,ij->i", columns.title_vectors[p], job32[j]),
            "target_cosines": np.einsum("ij,ij->i", columns.target_vectors[p], job32[j]),
        }
    batch = score_pairs(columns, job_columns, p, j, now=NOW, **given)
    for k in range(len(p)):
        expected = score(prepared[p[k]], prepared_jobs[j[k]], now=NOW)
        got = (bool(batch.passed[k]), int(batch.fit[k]), int(batch.stretch[k]))
        assert got == (expected.passed_dealbreakers, expected.fit_score, expected.stretch_score), (
            personas[p[k]],
            jobs[j[k]],
        )
    return batch.scalar


def golden_inputs():
    jobs, personas, _ = golden()
    return list(personas.values()), list(jobs.values())


def test_every_golden_persona_against_every_golden_job_with_lexical_titles():
    personas, jobs = golden_inputs()

    assert_same_as_score(personas, jobs)


def test_every_golden_pair_with_vectors_is_decided_by_the_array_path():
    personas, jobs = golden_inputs()
    personas = [with_vectors(replace(p, custom_dealbreakers=())) for p in personas]
    jobs = [replace(j, title_embedding=vector_for(j.title)) for j in jobs]

    scalar_rows = assert_same_as_score(personas, jobs)

    pairs = len(personas) * len(jobs)
    assert pairs >= 100
    assert scalar_rows <= pairs * 0.02  # only rounding edges


def test_float32_cosines_from_a_matrix_product_give_the_same_scores():
    personas, jobs = golden_inputs()
    personas = [with_vectors(replace(p, custom_dealbreakers=())) for p in personas]
    jobs = [replace(j, title_embedding=vector_for(j.title)) for j in jobs]

    assert_same_as_score(personas, jobs, cosines=True)


def test_custom_dealbreakers_and_soft_vectors_go_to_score():
    personas, jobs = golden_inputs()
    ruled = replace(with_vectors(personas[0]), custom_dealbreakers=(CustomDealbreaker("exclude", "description", "python"),))
    job = replace(jobs[0], title_embedding=vector_for(jobs[0].title))
    columns = PersonaColumns.build([prepare_persona(ruled), prepare_persona(with_vectors(personas[1]))])

    batch = score_candidates(columns, prepare_job(job, now=NOW), np.arange(2))

    assert batch.scalar >= 1
    assert_same_as_score([ruled, with_vectors(personas[1])], [job])


def test_commute_salary_currency_and_exclusions_match_score():
    personas, jobs = golden_inputs()
    base = with_vectors(replace(personas[0], custom_dealbreakers=()))
    variants = [
        replace(base, commutable_cities=("Austin",), relocation_cities=("New York",)),
        replace(base, commutable_cities=("San Francisco",), minimum_base_salary=150_000, salary_currency="USD"),
        replace(base, minimum_base_salary=90_000, salary_currency="EUR"),
        replace(base, company_exclusions=(jobs[0].company_name,), industry_exclusions=("Software",)),
        replace(base, visa_sponsorship_required=True, remote_preference="remote_only"),
        replace(base, years_experience=None, current_role="", target_roles=()),
        # One target skill written two ways counts twice in score(); the array form must agree.
        replace(base, target_skills=("Python", "python", "SQL")),
    ]
    places = ["Austin, TX", "New York, NY", "San Francisco Bay Area", "Remote", ""]
    variant_jobs = [
        replace(j, title_embedding=vector_for(j.title), location=JobLocation(raw=place), salary_currency=currency,
                industry=industry, visa_sponsorship=visa)
        for j in jobs[:6]
        for place, currency, industry, visa in zip(places, ["USD", "EUR", None, "USD", "GBP"], ["Software", "", "Retail", "", "Software"], ["no", "yes", "unknown", "no", "no"], strict=True)
    ]

    assert_same_as_score(variants, variant_jobs)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(persona_strategy, min_size=1, max_size=6),
    st.lists(job_strategy, min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_any_personas_against_any_jobs_match_score(personas, jobs, vectors, cosines):
    if vectors:
        personas = [with_vectors(p) for p in personas]
        jobs = [replace(j, title_embedding=vector_for(j.title)) for j in jobs]

    assert_same_as_score(personas, jobs, cosines=cosines)


@pytest.mark.smoke
def test_rows_may_be_any_subset_in_any_order():
    personas, jobs = golden_inputs()
    prepared = [prepare_persona(with_vectors(p)) for p in personas]
    columns = PersonaColumns.build(prepared)
    job = prepare_job(replace(jobs[2], title_embedding=vector_for(jobs[2].title)), now=NOW)
    rows = np.array([3, 0, 2])

    batch = score_candidates(columns, job, rows)

    assert batch.rows.tolist() == [3, 0, 2]
    assert [int(f) for f in batch.fit] == [score(prepared[r], job).fit_score for r in rows]
    assert score_candidates(columns, job, np.array([], dtype=int)).fit.size == 0
