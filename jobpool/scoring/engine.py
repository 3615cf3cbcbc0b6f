"""`score()`: the one scoring function used by the scouter, the surfacing pass and rescoring."""

from __future__ import annotations

from datetime import datetime

from .bands import fit_band, is_growth_role, stretch_band
from .dealbreakers import check_dealbreakers
from .explain import score_warnings
from .fit import fit_components
from .ghost import compute_ghost
from .inputs import JobFacts, PersonaProfile
from .prepared import PreparedJob, PreparedPersona, prepare_job, prepare_persona
from .result import ScoreResult, round_half_up
from .stretch import stretch_components


def score(
    persona: PersonaProfile | PreparedPersona,
    job: JobFacts | PreparedJob,
    *,
    now: datetime | None = None,
    similarity: float | None = None,
) -> ScoreResult:
    """Dealbreakers, fit, stretch, ghost and explanation for one persona–job pair.

    Pure and deterministic for the same inputs and `now` (which only dates the ghost score).
    Pass prepared forms (`prepare_persona`, `prepare_job`) to score many pairs cheaply.
    `similarity` is a cosine in [-1, 1] between the persona's soft-skills/profile vector and
    the job's culture vector that a batch caller already computed; it replaces the per-pair
    vector maths of the soft-skills component.
    """
    prepared_persona = persona if isinstance(persona, PreparedPersona) else prepare_persona(persona)
    prepared_job = job if isinstance(job, PreparedJob) else prepare_job(job, now=now)
    # A job prepared with ghost=False (the surfacing pass decides links without it) gets it here.
    ghost = prepared_job.ghost or compute_ghost(prepared_job.facts, now=now)
    outcome = check_dealbreakers(prepared_persona, prepared_job)
    fit_parts = fit_components(prepared_persona, prepared_job, similarity)
    stretch_parts = stretch_components(prepared_persona, prepared_job)
    fit = round_half_up(sum(c.score * c.weight for c in fit_parts))
    stretch = round_half_up(sum(c.score * c.weight for c in stretch_parts))
    return ScoreResult(
        passed_dealbreakers=outcome.passed,
        failed_dealbreakers=outcome.reasons,
        failed_checks=outcome.failed_checks,
        warnings=score_warnings(outcome.warnings, prepared_job, ghost),
        fit_score=fit,
        stretch_score=stretch,
        fit_band=fit_band(fit),
        stretch_band=stretch_band(stretch),
        is_growth_role=is_growth_role(fit, stretch),
        components={c.name: c for c in (*fit_parts, *stretch_parts)},
        ghost=ghost,
        persona=prepared_persona,
        job=prepared_job,
    )
