"""The one place links get their scores: the scouter run, the surfacing pass and rescoring all come here.

- `link_fields(prepared persona, prepared job, ...)`: the PersonaJob fields for one pair
  (fit, stretch, failed dealbreakers, score details, scored_at, score_fingerprint), from
  `jobpool.scoring.score`. Everything below builds on it, so a job's score never depends on
  how it arrived.
- `score_links(persona, link_ids)`: score the persona's links among `link_ids` (new or stale).
- `score_persona_against(persona, postings)`: score the persona's links to those postings.
- `rescore_persona(persona_id)`: recompute every stale link of a persona (the background job
  run after the persona changes, and the dashboard's "Rescore my matches").

Staleness: a link stores sha256(persona fingerprint + job fingerprint) of the facts it was scored
from (`jobpool.scoring.fingerprint` of every fact the scorer reads, plus a byte hash of the vectors
and SCORING_VERSION). A different value now means the scores are stale.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np
from django.utils import timezone

from jobpool import scoring
from jobpool.embeddings import EmbeddingError
from jobpool.matching import profiles, vectors
from jobpool.models import JobPosting, PersonaJob
from personas.models import Persona

logger = logging.getLogger(__name__)

SCORE_FIELDS = ["fit_score", "stretch_score", "failed_dealbreakers", "score_details", "scored_at", "score_fingerprint"]
BATCH = 500


VECTOR_FIELDS = {
    "persona": ("soft_skills_embedding", "title_embedding", "target_roles_embedding"),
    "job": ("title_embedding", "culture_embedding"),
}


def _vector_digest(vectors) -> str:
    # Rounded as scoring.fingerprint rounds them, hashed as bytes (per-float JSON costs ~6 ms a persona).
    digest = hashlib.sha256()
    for vector in vectors:
        digest.update(b"-" if vector is None else np.round(np.asarray(vector, dtype=np.float64), 5).tobytes())
    return digest.hexdigest()


def persona_fingerprint(profile: scoring.PersonaProfile) -> str:
    """`scoring.persona_fingerprint` of the facts, with the vectors hashed as bytes."""
    fields = VECTOR_FIELDS["persona"]
    facts = scoring.persona_fingerprint(replace(profile, **dict.fromkeys(fields)))
    return hashlib.sha256(f"{facts}:{_vector_digest(getattr(profile, f) for f in fields)}".encode()).hexdigest()


def job_fingerprint(facts: scoring.JobFacts) -> str:
    """`scoring.job_fingerprint` of the facts, with the vectors hashed as bytes."""
    fields = VECTOR_FIELDS["job"]
    plain = scoring.job_fingerprint(replace(facts, **dict.fromkeys(fields)))
    return hashlib.sha256(f"{plain}:{_vector_digest(getattr(facts, f) for f in fields)}".encode()).hexdigest()


def combined_fingerprint(persona_fp: str, job_fp: str) -> str:
    return hashlib.sha256(f"{persona_fp}:{job_fp}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class PreparedSide:
    """A prepared persona or job with its scoring fingerprint."""

    prepared: object
    fingerprint: str


def prepare_persona_side(profile: scoring.PersonaProfile) -> PreparedSide:
    return PreparedSide(scoring.prepare_persona(profile), persona_fingerprint(profile))


def prepare_job_side(facts: scoring.JobFacts, *, now: datetime) -> PreparedSide:
    return PreparedSide(scoring.prepare_job(facts, now=now), job_fingerprint(facts))


def link_fields(
    persona: PreparedSide, job: PreparedSide, *, now: datetime, result: scoring.ScoreResult | None = None
) -> tuple[scoring.ScoreResult, dict]:
    """Score one pair (or take the caller's `result` of exactly this pair); return it and the PersonaJob fields."""
    result = result or scoring.score(persona.prepared, job.prepared, now=now)
    fit, stretch = result.stored_scores
    return result, {
        "fit_score": fit,
        "stretch_score": stretch,
        "failed_dealbreakers": list(result.failed_dealbreakers),
        "score_details": result.as_dict(),
        "scored_at": now,
        "score_fingerprint": combined_fingerprint(persona.fingerprint, job.fingerprint),
    }


def ensure_vectors(*, posting_ids: Iterable = (), persona_ids: Iterable = ()) -> None:
    """Embed what is missing before scoring. An unavailable provider only costs the vector components.

    Side effects: JobVector / PersonaVector rows (jobpool.matching.vectors).
    """
    try:
        vectors.embed_postings(posting_ids)
        vectors.embed_personas(persona_ids)
    except (EmbeddingError, ValueError) as exc:
        logger.warning("embedding unavailable, scoring without vectors: %s", exc)


def _score_link_rows(persona: Persona, links: Sequence[PersonaJob], *, only_stale: bool, now: datetime) -> int:
    """Score `links` (all the persona's, postings loaded) and bulk-write the stale ones; returns how many."""
    if not links:
        return 0
    side = prepare_persona_side(profiles.persona_profile(persona))
    facts = profiles.job_facts([link.posting for link in links])
    changed = []
    for link in links:
        job_facts = facts[link.posting_id]
        job_fp = job_fingerprint(job_facts)
        if only_stale and link.scored_at is not None and link.score_fingerprint == combined_fingerprint(
            side.fingerprint, job_fp
        ):
            continue
        _, fields = link_fields(side, PreparedSide(scoring.prepare_job(job_facts, now=now), job_fp), now=now)
        for name, value in fields.items():
            setattr(link, name, value)
        changed.append(link)
    if changed:
        PersonaJob.objects.for_owner_id(persona.owner_id).bulk_update(changed, SCORE_FIELDS, batch_size=BATCH)
    return len(changed)


def score_links(persona: Persona, link_ids: Iterable, *, only_stale: bool = True) -> int:
    """Score the persona's links among `link_ids` that are unscored or stale; returns how many were written.

    This is what the scouter calls after a run. Side effects: missing title vectors embedded
    (ensure_vectors); score fields written on those links in bulk.
    """
    ids = list(dict.fromkeys(link_ids))
    if not ids:
        return 0
    now = timezone.now()
    written = 0
    for start in range(0, len(ids), BATCH):
        links = list(
            PersonaJob.objects.for_owner_id(persona.owner_id)
            .filter(persona=persona, pk__in=ids[start : start + BATCH])
            .select_related("posting")
        )
        ensure_vectors(posting_ids=[link.posting_id for link in links], persona_ids=[persona.pk])
        written += _score_link_rows(persona, links, only_stale=only_stale, now=now)
    return written


def score_persona_against(persona: Persona, postings: Iterable[JobPosting], *, only_stale: bool = False) -> int:
    """Score the persona's links to `postings` (postings it has no link to are ignored); returns how many."""
    posting_ids = [p.pk for p in postings]
    link_ids = (
        PersonaJob.objects.for_owner_id(persona.owner_id)
        .filter(persona=persona, posting_id__in=posting_ids)
        .values_list("pk", flat=True)
    )
    return score_links(persona, list(link_ids), only_stale=only_stale)


def rescore_persona(persona_id, *, force: bool = False) -> int:
    """Recompute the persona's stale link scores (every link with `force`); returns how many were written.

    Quietly returns 0 when the persona is gone. Side effects: the persona's and its postings'
    missing vectors embedded; score fields of stale links written in batches of 500.
    """
    # Reason: a system task receives a primitive id; the persona row carries its owner.
    persona = Persona.unscoped.filter(pk=persona_id).first()
    if persona is None:
        return 0
    ensure_vectors(persona_ids=[persona.pk])
    links = PersonaJob.objects.for_owner_id(persona.owner_id).filter(persona=persona)
    link_ids = list(links.order_by("discovered_at", "pk").values_list("pk", flat=True))
    return score_links(persona, link_ids, only_stale=not force)
