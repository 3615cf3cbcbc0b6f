"""Fingerprints tell rescoring when stored scores are stale."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from jobpool.scoring import CustomDealbreaker, compute_ghost, job_fingerprint, persona_fingerprint
from jobpool.scoring.tests.builders import NOW, backend_job, backend_persona


def test_persona_fingerprint_is_stable_for_equal_facts():
    assert persona_fingerprint(backend_persona()) == persona_fingerprint(backend_persona())


def test_persona_fingerprint_changes_with_any_scored_fact():
    base = persona_fingerprint(backend_persona())

    changed = [
        backend_persona(years_experience=7),
        backend_persona(target_skills=("Rust",)),
        backend_persona(remote_preference="remote_only"),
        backend_persona(custom_dealbreakers=(CustomDealbreaker("exclude", "title", "sales"),)),
        backend_persona(soft_skills_embedding=[0.1, 0.2]),
    ]

    assert all(persona_fingerprint(p) != base for p in changed)


def test_persona_fingerprint_ignores_float_noise_in_vectors():
    first = backend_persona(title_embedding=[0.1234561, 0.5])
    second = backend_persona(title_embedding=[0.1234559, 0.5])

    assert persona_fingerprint(first) == persona_fingerprint(second)


def test_job_fingerprint_changes_with_facts():
    assert job_fingerprint(backend_job()) != job_fingerprint(replace(backend_job(), salary_max=1))


def test_ghost_reads_plain_dates():
    job = backend_job(posted_at=date(2026, 5, 1))

    assert compute_ghost(job, now=NOW).signals[0].detail == "open 92 days"
