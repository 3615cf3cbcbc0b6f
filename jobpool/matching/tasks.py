"""Matching tasks (thin wrappers; schedules in zentropy/schedules.py). Registered through jobpool.tasks.

- `jobpool.surface_pool` (beat, every 15 minutes; also after each scout run): splits the pending
  postings into chunks and enqueues one `jobpool.surface_chunk` per chunk.
- `jobpool.surface_chunk`: matches one chunk of postings against every onboarded persona. A worker
  loads the personas once per pass (the chunks of one pass carry its id) and reuses them for
  every chunk of that pass it receives.
- `jobpool.rescore_persona`: after a persona changes (or "Rescore my matches"): embeds it,
  rescores its stale links, then offers it the pool's postings.
- `jobpool.embed_pending` (beat, every 5 minutes): title vectors for postings that lack one.
"""

from __future__ import annotations

import logging
import uuid

from celery import shared_task

from jobpool.embeddings import EmbeddingError
from jobpool.matching import candidates, scoring_service, surfacing, vectors

logger = logging.getLogger(__name__)

EMBED_BATCH = 2_000
MAX_CHUNKS_PER_PASS = 200  # 100,000 postings at the default chunk size; the next pass takes the rest


@shared_task(name="jobpool.surface_pool", ignore_result=True)
def surface_pool() -> int:
    """Fan the pending postings out in chunks; returns how many chunks were enqueued."""
    surfacing.start_pass()
    chunks = surfacing.chunks()[:MAX_CHUNKS_PER_PASS]
    pass_id = uuid.uuid4().hex
    for ids in chunks:
        surface_chunk.delay(posting_ids=[str(pk) for pk in ids], pass_id=pass_id)
    if chunks:
        logger.info("surfacing: %d chunks enqueued", len(chunks))
    return len(chunks)


@shared_task(
    name="jobpool.surface_chunk",
    ignore_result=True,
    acks_late=True,
    autoretry_for=(EmbeddingError,),
    retry_backoff=30,
    max_retries=5,
)
def surface_chunk(*, posting_ids: list[str], pass_id: str = "") -> int:
    """Surface one chunk (postings already surfaced are skipped); returns links created."""
    index = candidates.index_for_pass(pass_id) if pass_id else None
    result = surfacing.surface_postings(posting_ids, index=index)
    surfacing.finish_pass()
    return result.links


@shared_task(name="jobpool.rescore_persona", ignore_result=True, acks_late=True)
def rescore_persona(*, persona_id: str, force: bool = False) -> int:
    """Rescore a persona's stale links, then surface the pool to it; quietly 0 when the persona is gone."""
    rescored = scoring_service.rescore_persona(persona_id, force=force)
    surfaced = surfacing.surface_for_persona(persona_id)
    return rescored + surfaced


@shared_task(
    name="jobpool.embed_pending", ignore_result=True, autoretry_for=(EmbeddingError,), retry_backoff=60, max_retries=3
)
def embed_pending() -> int:
    """Title vectors for surfaceable postings that have none yet (oldest first, bounded per run)."""
    return vectors.embed_postings(vectors.postings_missing_vectors(EMBED_BATCH))
