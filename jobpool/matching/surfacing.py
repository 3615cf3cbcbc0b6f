"""The surfacing pass: offer new pool postings to every onboarded persona they fit.

The work queue is the database: every surfaceable posting (active, out of quarantine) without a
`SurfacedPosting` row is pending. A chunk of postings is matched and its links and its
`SurfacedPosting` rows are written in one transaction, so a killed worker loses only the chunk
it was on (redone by the next pass) and a rerun finds nothing to do. More than 50 new postings
in a window are simply more chunks; a posting released from quarantine later becomes pending
then. See docs/matching.md.

For one chunk of postings against every onboarded persona, `candidates.match_chunk` does the
arithmetic (similarity, candidates, keyword prescreen, the full score as array arithmetic,
selection; see its docstring) and this module writes the links: discovery method pool, status
Discovered, fit, stretch and the score fingerprint. The explanation (`score_details`) is left
empty and built by `scoring.score` the first time someone reads the link
(`jobpool.matching.explained`), so the pass never spends time on sentences nobody may read.

`surface_for_persona(persona_id)` runs the other way round for one persona that was onboarded
or changed: its nearest postings by title vector (pgvector's HNSW index on PostgreSQL) plus
postings naming its skills, scored with `scoring.score` (explanations included).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone

from jobpool import scoring
from jobpool.matching import profiles, vectors
from jobpool.matching.candidates import ChunkMatches, PersonaIndex, current_index, match_chunk, title_tokens
from jobpool.matching.scoring_service import (
    PreparedSide,
    ensure_vectors,
    link_fields,
    prepare_job_side,
    prepare_persona_side,
)
from jobpool.models import (
    DiscoveryMethod,
    JobPosting,
    JobSkill,
    LinkStatus,
    PersonaJob,
    SkillKind,
    SurfacedPosting,
    SurfacingState,
)
from jobpool.scoring.text import normalise_skill
from personas.models import Persona, PersonaSkill

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class Limits:
    chunk_size: int = 500
    min_similarity: float = 0.35
    candidates_per_job: int = 200
    links_per_job: int = 100
    persona_candidates: int = 300
    links_per_persona: int = 100

    @classmethod
    def from_settings(cls) -> Limits:
        """Defaults, overridden by SURFACING_<NAME> settings when the deployment sets them."""
        base = cls()
        return cls(**{name: getattr(settings, f"SURFACING_{name.upper()}", getattr(base, name)) for name in cls.__dataclass_fields__})


@dataclass
class ChunkResult:
    postings: int = 0
    candidates: int = 0
    links: int = 0
    # Process CPU seconds per stage, for the benchmark: similarity + prescreen, full score, link writes.
    seconds: dict = field(default_factory=dict)


@dataclass
class PassResult:
    chunks: int = 0
    postings: int = 0
    candidates: int = 0
    links: int = 0
    seconds: dict = field(default_factory=dict)

    def add(self, part: ChunkResult | PassResult) -> None:
        """Count a chunk (or a worker's share of a pass) into this pass's totals."""
        self.chunks += part.chunks if isinstance(part, PassResult) else 1
        self.postings += part.postings
        self.candidates += part.candidates
        self.links += part.links
        for stage, spent in part.seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + spent


def surface_postings(posting_ids: Sequence, *, index: PersonaIndex | None = None, limits: Limits | None = None) -> ChunkResult:
    """Match these postings (those still pending) against every onboarded persona and write the links.

    Side effects: missing title vectors embedded; PersonaJob links (method pool) created; one
    SurfacedPosting row per posting; the SurfacingState totals. Links and SurfacedPosting rows are
    written in one transaction.
    """
    limits = limits or Limits.from_settings()
    done = SurfacedPosting.objects.filter(posting_id__in=list(posting_ids)).values("posting_id")
    postings = list(
        JobPosting.objects.surfaceable()
        .filter(pk__in=list(posting_ids))
        .exclude(pk__in=done)
        .only(*profiles.FACT_FIELDS)
        .order_by("first_seen_at", "pk")
    )
    if not postings:
        return ChunkResult()
    ensure_vectors(posting_ids=[p.pk for p in postings])
    index = index if index is not None else current_index()
    now = timezone.now()
    seconds: dict = {}
    matches = _match(postings, index, limits, now, seconds)
    started = time.process_time()
    with transaction.atomic():
        made = write_links(_link_rows(postings, index, matches, now), now=now)
        per_posting = np.bincount(matches.job_rows, minlength=len(postings))
        SurfacedPosting.objects.bulk_create(
            [
                SurfacedPosting(
                    posting=p, surfaced_at=now, candidates=int(matches.candidates[row]), links_created=int(per_posting[row])
                )
                for row, p in enumerate(postings)
            ],
            ignore_conflicts=True,
        )
        _record(len(postings), made, newest=max(p.first_seen_at for p in postings))
    seconds["writes"] = time.process_time() - started
    return ChunkResult(postings=len(postings), candidates=int(matches.candidates.sum()), links=made, seconds=seconds)


def _match(postings: list[JobPosting], index: PersonaIndex, limits: Limits, now: datetime, seconds: dict) -> ChunkMatches:
    if not len(index):
        empty = np.zeros(0, dtype=np.intp)
        return ChunkMatches(empty, empty, empty, empty, np.zeros(len(postings), dtype=np.intp))
    return match_chunk(postings, index, limits, now, seconds)


@dataclass(frozen=True, slots=True)
class LinkRow:
    """One surfaced link before it is written (the pass writes thousands; no model instances)."""

    owner_id: object
    persona_id: object
    posting_id: object
    fit_score: int
    stretch_score: int
    score_fingerprint: str


def _link_rows(postings: list[JobPosting], index: PersonaIndex, matches: ChunkMatches, now: datetime) -> list[LinkRow]:
    cache: dict = {}
    posting_ids = [str(p.pk) for p in postings]
    return [
        LinkRow(
            owner_id=index.owner_text[p],
            persona_id=index.id_text[p],
            posting_id=posting_ids[j],
            fit_score=int(fit),
            stretch_score=int(stretch),
            score_fingerprint=matches.fingerprint(index, j, p, cache),
        )
        for j, p, fit, stretch in zip(
            matches.job_rows.tolist(), matches.persona_rows.tolist(), matches.fit.tolist(), matches.stretch.tolist(), strict=True
        )
    ]


STAGING_TABLE = "jobpool_surfacing_links"


# Written by the pass; the rest take their defaults (not a favourite, not dismissed, no failed dealbreakers,
# no explanation yet).
_COPIED = ("owner_id", "persona_id", "posting_id", "fit_score", "stretch_score", "score_fingerprint")
_CONSTANT = ("status", "is_favorite", "failed_dealbreakers", "score_details", "discovery_method", "discovered_at", "scored_at")


def write_links(rows: list[LinkRow], *, now: datetime | None = None) -> int:
    """Insert pool links, skipping any (persona, posting) that exists already; returns how many were new.

    Call inside a transaction. PostgreSQL: one COPY of a preformatted text block straight into the
    table (about 4x faster than INSERT ... ON CONFLICT); if a pair got its link meanwhile (the unique
    (persona, posting) refuses the COPY), the rows go again through a temp table and
    INSERT ... ON CONFLICT DO NOTHING. Elsewhere: bulk_create(ignore_conflicts=True).
    Reason: the pass writes links for personas of many users; each owner comes from its persona.
    """
    if not rows:
        return 0
    now = now or timezone.now()
    if connection.vendor != "postgresql":
        before = PersonaJob.unscoped.count()
        PersonaJob.unscoped.bulk_create(
            [
                PersonaJob(
                    **{name: getattr(row, name) for name in _COPIED},
                    status=LinkStatus.DISCOVERED, discovery_method=DiscoveryMethod.POOL, discovered_at=now, scored_at=now,
                )
                for row in rows
            ],
            batch_size=2_000,
            ignore_conflicts=True,
        )
        return PersonaJob.unscoped.count() - before
    try:
        with transaction.atomic():  # a savepoint: a link made meanwhile by someone else undoes only this
            _copy_links(rows, now)
        return len(rows)
    except IntegrityError:
        return _insert_links_skipping_existing(rows, now)


def _random_uuids(count: int) -> list[str]:
    """`count` random (version 4) UUIDs as 32 hex digits, from the OS's secure generator in one call."""
    raw = np.frombuffer(os.urandom(16 * count), dtype=np.uint8).reshape(count, 16).copy()
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    text = raw.tobytes().hex()
    return [text[i : i + 32] for i in range(0, len(text), 32)]


def _copy_links(rows: list[LinkRow], now: datetime) -> None:
    """COPY the links straight into the table (the pass already left out pairs that had a link)."""
    table = connection.ops.quote_name(PersonaJob._meta.db_table)
    stamp = now.isoformat()
    constant = f"{LinkStatus.DISCOVERED}\tf\t[]\t{{}}\t{DiscoveryMethod.POOL}\t{stamp}\t{stamp}\n"
    block = "".join(
        f"{pk}\t{r.owner_id}\t{r.persona_id}\t{r.posting_id}\t{r.fit_score}\t{r.stretch_score}\t{r.score_fingerprint}\t{constant}"
        for pk, r in zip(_random_uuids(len(rows)), rows, strict=True)
    )
    columns = ", ".join(("id", *_COPIED, *_CONSTANT))
    # psycopg's own COPY: its errors become Django's (IntegrityError) only through the wrapper.
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        copy.write(block)


def _insert_links_skipping_existing(rows: list[LinkRow], now: datetime) -> int:
    """COPY into a session temp table, then INSERT ... ON CONFLICT DO NOTHING (when a pair got a link meanwhile)."""
    table = connection.ops.quote_name(PersonaJob._meta.db_table)
    block = "".join(
        f"{r.owner_id}\t{r.persona_id}\t{r.posting_id}\t{r.fit_score}\t{r.stretch_score}\t{r.score_fingerprint}\n"
        for r in rows
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {STAGING_TABLE} (owner_id uuid, persona_id uuid, posting_id uuid, "
            "fit_score smallint, stretch_score smallint, score_fingerprint varchar(64)) ON COMMIT DELETE ROWS"
        )
        cursor.execute(f"DELETE FROM {STAGING_TABLE}")  # noqa: S608 (constant name)
        with cursor.cursor.copy(f"COPY {STAGING_TABLE} ({', '.join(_COPIED)}) FROM STDIN") as copy:
            copy.write(block)
        cursor.execute(
            f"INSERT INTO {table} (id, {', '.join(_COPIED)}, {', '.join(_CONSTANT)}) "  # noqa: S608
            f"SELECT gen_random_uuid(), {', '.join(_COPIED)}, %s, false, '[]'::jsonb, '{{}}'::jsonb, %s, %s, %s "
            f"FROM {STAGING_TABLE} ON CONFLICT DO NOTHING",
            [LinkStatus.DISCOVERED, DiscoveryMethod.POOL, now, now],
        )
        made = cursor.rowcount
        cursor.execute(f"DELETE FROM {STAGING_TABLE}")  # noqa: S608 (constant name)
    return made


def _new_link(
    persona: Persona, posting: JobPosting, side: PreparedSide, job: PreparedSide, now: datetime, result=None
) -> PersonaJob:
    _, fields = link_fields(side, job, now=now, result=result)
    return PersonaJob(
        owner_id=persona.owner_id,
        persona_id=persona.pk,
        posting_id=posting.pk,
        status=LinkStatus.DISCOVERED,
        discovery_method=DiscoveryMethod.POOL,
        discovered_at=now,
        **fields,
    )


def _job_tokens(postings: list[JobPosting]) -> dict:
    """{posting id: prescreen tokens}: its title words and hard-skill names."""
    tokens = {p.pk: set(title_tokens(p.title)) for p in postings}
    skills = JobSkill.objects.filter(posting_id__in=list(tokens)).exclude(kind=SkillKind.SOFT)
    for posting_id, name in skills.values_list("posting_id", "name"):
        tokens[posting_id].add(normalise_skill(name))
    return {pk: frozenset(t) for pk, t in tokens.items()}


def _record(postings: int, links: int, *, newest: datetime) -> None:
    state, _ = SurfacingState.objects.select_for_update().get_or_create(name="pool")
    state.total_postings += postings
    state.total_links += links
    state.last_postings += postings
    state.last_links += links
    if state.high_water_mark is None or newest > state.high_water_mark:
        state.high_water_mark = newest
    state.save()


# ------------------------------------------------------------------ the pass
def pending_postings(limit: int | None = None) -> list:
    """Ids of surfaceable postings not surfaced yet, oldest first (the pass's queue)."""
    done = SurfacedPosting.objects.values("posting_id")
    queue = JobPosting.objects.surfaceable().exclude(pk__in=done).order_by("first_seen_at", "pk").values_list("pk", flat=True)
    return list(queue[:limit] if limit else queue)


def pending_count() -> int:
    return JobPosting.objects.surfaceable().exclude(pk__in=SurfacedPosting.objects.values("posting_id")).count()


def start_pass() -> None:
    """Mark the start of a pass (operators see it in the admin); counts of the last pass restart at 0."""
    SurfacingState.objects.update_or_create(
        name="pool", defaults={"last_started_at": timezone.now(), "last_postings": 0, "last_links": 0}
    )


def finish_pass() -> None:
    SurfacingState.objects.filter(name="pool").update(last_finished_at=timezone.now())


def chunks(limits: Limits | None = None, *, max_postings: int | None = None) -> list[list]:
    """The pending postings split into chunks of `limits.chunk_size` ids."""
    limits = limits or Limits.from_settings()
    ids = pending_postings(max_postings)
    return [ids[start : start + limits.chunk_size] for start in range(0, len(ids), limits.chunk_size)]


def run_pass(
    *, limits: Limits | None = None, on_chunk: Callable[[ChunkResult], None] | None = None, index: PersonaIndex | None = None
) -> PassResult:
    """The whole pass in this process, chunk after chunk until nothing is pending.

    Side effects: as `surface_postings` for every chunk; SurfacingState start/finish times.
    """
    limits = limits or Limits.from_settings()
    start_pass()
    result = PassResult()
    while True:
        batch = pending_postings(limits.chunk_size)
        if not batch:
            break
        if index is None:
            started = time.process_time()
            index = current_index()
            result.seconds["persona_index"] = time.process_time() - started
        chunk = surface_postings(batch, index=index, limits=limits)
        if not chunk.postings:  # the batch was surfaced by someone else meanwhile
            continue
        result.add(chunk)
        if on_chunk is not None:
            on_chunk(chunk)
    finish_pass()
    return result


# ------------------------------------------------------------------ one persona against the pool
def surface_for_persona(persona_id, *, limits: Limits | None = None) -> int:
    """Offer the pool's postings to one onboarded persona (after onboarding or a change); returns links made.

    Candidates: the postings with the nearest title vectors to the persona's title and target
    roles (HNSW on PostgreSQL), plus postings that name one of its hard skills; then the same
    prescreen, full score and threshold as the pass. Side effects: PersonaJob links (method pool).
    """
    limits = limits or Limits.from_settings()
    # Reason: a system task receives a primitive id; the persona row carries its owner.
    persona = Persona.unscoped.filter(pk=persona_id, onboarding_completed_at__isnull=False).first()
    if persona is None:
        return 0
    ensure_vectors(persona_ids=[persona.pk])
    profile = profiles.persona_profile(persona)
    side = prepare_persona_side(profile)
    candidate_ids: dict = {}
    for vector in (side.prepared.title_vector, side.prepared.target_vector):
        if vector is not None:
            for posting_id, cosine in vectors.nearest_postings(vector.astype(np.float32), limits.persona_candidates):
                if cosine >= limits.min_similarity:
                    candidate_ids[posting_id] = max(cosine, candidate_ids.get(posting_id, -1.0))
    by_skill = (
        JobSkill.objects.filter(name__in=_skill_names(persona), posting__in=JobPosting.objects.surfaceable())
        .values_list("posting_id", flat=True)
        .distinct()[: limits.persona_candidates]
    )
    for posting_id in by_skill:
        candidate_ids.setdefault(posting_id, 0.0)
    linked = set(PersonaJob.objects.for_owner_id(persona.owner_id).filter(persona=persona).values_list("posting_id", flat=True))
    ids = [pk for pk in candidate_ids if pk not in linked]
    if not ids:
        return 0
    postings = list(JobPosting.objects.surfaceable().filter(pk__in=ids))
    tokens = _job_tokens(postings)
    own_tokens = side.prepared.hard_years.keys() | title_tokens(persona.current_role, *persona.target_roles)
    postings = [p for p in postings if not tokens[p.pk].isdisjoint(own_tokens)]
    if not postings:
        return 0
    ensure_vectors(posting_ids=[p.pk for p in postings])
    now = timezone.now()
    facts = profiles.job_facts(postings)
    passing = []
    for posting in postings:
        job = prepare_job_side(facts[posting.pk], now=now)
        result = scoring.score(side.prepared, job.prepared, now=now)
        if result.passed_dealbreakers and result.fit_score >= persona.minimum_fit_threshold:
            passing.append((result.fit_score, posting, job, result))
    passing.sort(key=lambda item: -item[0])
    links = [
        _new_link(persona, posting, side, job, now, result)
        for _, posting, job, result in passing[: limits.links_per_persona]
    ]
    PersonaJob.objects.for_owner_id(persona.owner_id).bulk_create(links, batch_size=1_000, ignore_conflicts=True)
    return len(links)


def _skill_names(persona: Persona) -> list[str]:
    names = PersonaSkill.objects.for_owner_id(persona.owner_id).filter(persona=persona, skill_type="hard")
    return sorted({profiles.canonical_skill(n or m) for n, m in names.values_list("normalized_name", "name")})


def latest_surfaced_at() -> datetime | None:
    return SurfacedPosting.objects.aggregate(latest=Max("surfaced_at"))["latest"]
