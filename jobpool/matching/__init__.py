"""Matching wired into the pool: stored vectors, scoring links, the surfacing pass, rescoring.

The public calls (see docs/matching.md):

    from jobpool.matching import score_links, request_surfacing, request_rescore

    score_links(persona, link_ids)      # after a scout run: score the persona's new or stale links
    request_surfacing()                 # after a scout run: enqueue the surfacing pass on commit
    request_rescore(persona_id)         # after a persona changes: rescore + surface, on commit

    explain_links(links)                # before showing links: build the explanation of surfaced ones

Modules: profiles (ORM → scorer inputs), vectors (the embedding store), scoring_service
(the one scoring path), candidates (the pass's arithmetic), surfacing (the pass and its writes),
explained (explanations on first read), tasks (Celery).
"""

from __future__ import annotations

from jobpool.matching.dispatch import request_rescore, request_rescore_for_user, request_surfacing
from jobpool.matching.explained import explain_links
from jobpool.matching.scoring_service import rescore_persona, score_links, score_persona_against

__all__ = [
    "explain_links",
    "request_rescore", "request_rescore_for_user", "request_surfacing", "rescore_persona", "score_links", "score_persona_against"]
