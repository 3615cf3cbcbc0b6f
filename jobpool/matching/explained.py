"""Explanations built when a link is first read, for links scored without one.

The surfacing pass decides hundreds of thousands of links with `scoring.batch` (the scorer's
rules as array arithmetic) and stores their fit, stretch and fingerprint but no
`score_details`: most surfaced links are never opened, and the sentences cost more than the
decision. Every read path (the Opportunities pages, the job page, the API, the export) passes
the links it is about to show through `explain_links`, which runs `scoring.score` — the one
scoring function — for the links that have scores but no details, and stores the result, so a
link is explained at most once and reads exactly like one the scouter scored.

If the facts changed since the link was scored, the fresh result is stored whole (scores and
fingerprint too): what the user reads is always what the scorer says now.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from jobpool.matching import profiles
from jobpool.matching.scoring_service import SCORE_FIELDS, link_fields, prepare_job_side, prepare_persona_side
from jobpool.models import JobPosting, PersonaJob
from personas.models import Persona


def needs_explanation(link: PersonaJob) -> bool:
    return link.scored_at is not None and not link.score_details


def explain_links(links: Iterable[PersonaJob], *, save: bool = True) -> int:
    """Fill `score_details` (and refresh the scores) of the links scored without an explanation.

    A constant number of queries for any number of links (their personas and postings are read
    in bulk, whether or not the caller selected them). Returns how many links were explained.
    Side effects: with `save`, one bulk update of those links' score fields.
    """
    pending = [link for link in links if needs_explanation(link)]
    if not pending:
        return 0
    # Reason: the links are the caller's own (already owner-scoped); their personas share the owner.
    personas = Persona.unscoped.in_bulk({link.persona_id for link in pending})
    postings = JobPosting.objects.in_bulk({link.posting_id for link in pending})
    sides = {pk: prepare_persona_side(profile) for pk, profile in profiles.persona_profiles(list(personas.values())).items()}
    facts = profiles.job_facts(postings.values())
    now = timezone.now()
    jobs: dict = {}
    for link in pending:
        if link.posting_id not in jobs:
            jobs[link.posting_id] = prepare_job_side(facts[link.posting_id], now=now)
        _, fields = link_fields(sides[link.persona_id], jobs[link.posting_id], now=now)
        fields["scored_at"] = link.scored_at if _same_scores(link, fields) else now
        for name, value in fields.items():
            setattr(link, name, value)
    if save:
        owner_ids = {link.owner_id for link in pending}
        for owner_id in owner_ids:
            PersonaJob.objects.for_owner_id(owner_id).bulk_update(
                [link for link in pending if link.owner_id == owner_id], SCORE_FIELDS, batch_size=500
            )
    return len(pending)


def _same_scores(link: PersonaJob, fields: dict) -> bool:
    return (link.fit_score, link.stretch_score, link.score_fingerprint) == (
        fields["fit_score"],
        fields["stretch_score"],
        fields["score_fingerprint"],
    )
