"""The surfacing pass: offer new pool postings to every onboarded persona they fit.

The work queue is the database: every surfaceable posting (active, out of quarantine) without a
`SurfacedPosting` row is pending. A chunk of postings is matched and its links and its
`SurfacedPosting` rows are written in one transaction, so a killed worker loses only the chunk
it was on (redone by the next pass) and a rerun finds nothing to do. More than 50 new postings
in a window are simply more chunks; a posting released from quarantine later becomes pending
then. See docs/matching.md.

For one chunk of postings against every onboarded persona:

1. **Vectorised similarity** — the chunk's title vectors times the personas' title and
   target-role vectors (one BLAS product each), keeping pairs at or above
   `SURFACING_MIN_SIMILARITY`. Pairs whose work model the persona's remote preference rejects
   (the scorer's own table, `scoring.workmodel.accepts`) are dropped in the same pass.
2. **Keyword prescreen** — the survivors must share a token (a hard skill or a title word)
   between the persona's skills, title and target roles and the posting's skills and title.
   (Both tests must pass; the cheaper-per-pair one runs first, and that is the matrix product.)
3. **Full score** — `jobpool.scoring.score` (through `scoring_service`) for the best
   `SURFACING_CANDIDATES_PER_JOB` survivors of each posting, skipping personas already linked.
4. **Bulk link writes** — discovery method pool, where the dealbreakers pass and the fit is at
   least the persona's `minimum_fit_threshold`, at most `SURFACING_LINKS_PER_JOB` per posting,
   best fit first; `bulk_create(ignore_conflicts=True)` on the unique (persona, posting).

`surface_for_persona(persona_id)` runs the same steps the other way round for one persona that
was onboarded or changed: its nearest postings by title vector (pgvector's HNSW index on
PostgreSQL) plus postings naming its skills.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone
from psycopg.types.json import Jsonb

from jobpool import scoring
from jobpool.matching import profiles, vectors
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
    JobVectorKind,
    LinkStatus,
    PersonaJob,
    PersonaVectorKind,
    SkillKind,
    SurfacedPosting,
    SurfacingState,
)
from jobpool.scoring import workmodel
from jobpool.scoring.text import normalise_skill
from jobpool.scoring.titles import content_words, normalise_title
from personas.models import Persona, PersonaSkill

logger = logging.getLogger(__name__)

PREFERENCES = ("remote_only", "hybrid_ok", "onsite_ok", "no_preference")
WORK_MODELS = ("remote", "hybrid", "onsite", "unknown")
# ACCEPTS[work model code, preference code]: the scorer's remote-preference dealbreaker, as a table.
ACCEPTS = np.array([[workmodel.accepts(p, w) for p in PREFERENCES] for w in WORK_MODELS], dtype=bool)


@dataclass(frozen=True)
class Limits:
    chunk_size: int = 500
    min_similarity: float = 0.35
    candidates_per_job: int = 100
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


def title_tokens(*titles: str) -> set[str]:
    words: set[str] = set()
    for title in titles:
        if title:
            words |= content_words(normalise_title(title))
    return words


# ------------------------------------------------------------------ the personas' side
@dataclass
class PersonaIndex:
    """Every onboarded persona, as matrices and token sets; full profiles are built on demand."""

    personas: list[Persona]
    thresholds: np.ndarray
    preferences: np.ndarray  # codes into PREFERENCES
    tokens: list[frozenset[str]]
    hard: list[frozenset[str]]  # normalised hard-skill names, as the scorer keys them
    soft: list[frozenset[str]]
    years: list[float]
    title: np.ndarray  # (P, d) unit rows, zero where missing
    targets: np.ndarray
    has_vector: np.ndarray  # (P,) either vector present
    sides: dict = field(default_factory=dict)  # persona id → PreparedSide

    @classmethod
    def load(cls, persona_ids: Iterable | None = None, *, embed: bool = True) -> PersonaIndex:
        # Reason: the surfacing pass is a system task over every user's onboarded personas.
        rows = Persona.unscoped.filter(onboarding_completed_at__isnull=False)
        if persona_ids is not None:
            rows = rows.filter(pk__in=list(persona_ids))
        personas = list(rows.order_by("pk"))
        ids = [p.pk for p in personas]
        if embed and ids:
            ensure_vectors(persona_ids=ids)
        skills: dict = {}
        soft: dict = {}
        rows = PersonaSkill.unscoped.filter(persona_id__in=ids) if ids else PersonaSkill.unscoped.none()
        for pid, name, normalized, kind in rows.values_list("persona_id", "name", "normalized_name", "skill_type"):
            target = soft if kind == "soft" else skills
            target.setdefault(pid, set()).add(normalise_skill(profiles.canonical_skill(normalized or name)))
        tokens = [
            frozenset(skills.get(p.pk, set()) | title_tokens(p.current_role, *p.target_roles)) for p in personas
        ]
        hard = [frozenset(skills.get(p.pk, ())) for p in personas]
        soft_sets = [frozenset(soft.get(p.pk, ())) for p in personas]
        stored = vectors.persona_vectors(ids)
        title, has_title = vectors.stack(ids, stored, PersonaVectorKind.TITLE)
        targets, has_targets = vectors.stack(ids, stored, PersonaVectorKind.TARGETS)
        return cls(
            personas=personas,
            thresholds=np.array([p.minimum_fit_threshold for p in personas], dtype=np.int16),
            preferences=np.array([_code(PREFERENCES, p.remote_preference, 3) for p in personas], dtype=np.int8),
            tokens=tokens,
            hard=hard,
            soft=soft_sets,
            years=[float(p.years_experience or 0) for p in personas],
            title=title,
            targets=targets,
            has_vector=has_title | has_targets,
            sides={},
        )

    def __len__(self) -> int:
        return len(self.personas)

    def prepared(self, indices: Iterable[int]) -> None:
        """Build the full scoring profiles of these personas (bulk, constant queries) if not built yet."""
        needed = [self.personas[i] for i in indices if self.personas[i].pk not in self.sides]
        if not needed:
            return
        for pid, profile in profiles.persona_profiles(needed).items():
            self.sides[pid] = prepare_persona_side(profile)


def _code(values: Sequence[str], value: str, default: int) -> int:
    try:
        return values.index(value)
    except ValueError:
        return default


# ------------------------------------------------------------------ one chunk
def similarity(job_title: np.ndarray, index: PersonaIndex) -> np.ndarray:
    """(jobs, personas) best cosine of each job's title with each persona's title or target roles."""
    scores = job_title @ index.title.T
    np.maximum(scores, job_title @ index.targets.T, out=scores)
    return scores


def surface_postings(posting_ids: Sequence, *, index: PersonaIndex | None = None, limits: Limits | None = None) -> ChunkResult:
    """Match these postings (those still pending) against every onboarded persona and write the links.

    Side effects: missing title vectors embedded; PersonaJob links (method pool) created; one
    SurfacedPosting row per posting; the SurfacingState totals. Links and SurfacedPosting rows are
    written in one transaction.
    """
    limits = limits or Limits.from_settings()
    done = SurfacedPosting.objects.filter(posting_id__in=list(posting_ids)).values("posting_id")
    postings = list(
        JobPosting.objects.surfaceable().filter(pk__in=list(posting_ids)).exclude(pk__in=done).order_by("first_seen_at", "pk")
    )
    if not postings:
        return ChunkResult()
    ensure_vectors(posting_ids=[p.pk for p in postings])
    index = index if index is not None else PersonaIndex.load()
    now = timezone.now()
    seconds: dict = {}
    links, candidates = _match(postings, index, limits, now, seconds)
    started = time.process_time()
    with transaction.atomic():
        write_links(links)
        per_posting: dict = {}
        for link in links:
            per_posting[link.posting_id] = per_posting.get(link.posting_id, 0) + 1
        SurfacedPosting.objects.bulk_create(
            [
                SurfacedPosting(posting=p, surfaced_at=now, candidates=candidates.get(p.pk, 0), links_created=per_posting.get(p.pk, 0))
                for p in postings
            ],
            ignore_conflicts=True,
        )
        _record(len(postings), len(links), newest=max(p.first_seen_at for p in postings))
    seconds["writes"] = time.process_time() - started
    return ChunkResult(postings=len(postings), candidates=sum(candidates.values()), links=len(links), seconds=seconds)


def _match(
    postings: list[JobPosting], index: PersonaIndex, limits: Limits, now: datetime, seconds: dict | None = None
) -> tuple[list[PersonaJob], dict]:
    seconds = {} if seconds is None else seconds
    started = time.process_time()
    ids = [p.pk for p in postings]
    candidates: dict = {}
    if not len(index):
        return [], candidates
    stored = vectors.job_vectors(ids)
    job_title, job_has = vectors.stack(ids, stored, JobVectorKind.TITLE)
    scores = similarity(job_title, index)
    # Without vectors on one side, similarity cannot judge the pair: the keyword prescreen decides alone.
    scores[~job_has, :] = 1.0
    scores[:, ~index.has_vector] = 1.0
    work_models = np.array([_code(WORK_MODELS, p.work_model, 3) for p in postings], dtype=np.int8)
    scores[~ACCEPTS[work_models][:, index.preferences]] = -2.0
    skill_sets: dict = {}
    job_tokens = _job_tokens(postings, skill_sets)
    linked = _linked_pairs(ids)

    shortlist: list[tuple[int, list[int]]] = []
    for row, posting in enumerate(postings):
        line = scores[row]
        above = np.flatnonzero(line >= limits.min_similarity)
        if not above.size:
            continue
        order = above[np.argsort(-line[above], kind="stable")]
        tokens = job_tokens.get(posting.pk, frozenset())
        job_skills = skill_sets.get(posting.pk, (frozenset(), frozenset(), frozenset()))
        already = linked.get(posting.pk, ())
        chosen = []
        for i in order.tolist():
            persona = index.personas[i]
            if persona.pk in already or tokens.isdisjoint(index.tokens[i]):
                continue
            bound = fit_upper_bound(
                index.hard[i], index.soft[i], index.years[i], job_skills, posting, persona.remote_preference
            )
            if bound < index.thresholds[i] - 0.5:  # fit is rounded half up
                continue
            chosen.append(i)
            if len(chosen) >= limits.candidates_per_job:
                break
        if chosen:
            shortlist.append((row, chosen))
    seconds["similarity_prescreen"] = time.process_time() - started
    started = time.process_time()
    if not shortlist:
        return [], candidates
    index.prepared({i for _, chosen in shortlist for i in chosen})
    facts = profiles.job_facts([postings[row] for row, _ in shortlist])
    links: list[PersonaJob] = []
    for row, chosen in shortlist:
        posting = postings[row]
        job = prepare_job_side(facts[posting.pk], now=now)
        candidates[posting.pk] = len(chosen)
        passing = []
        for i in chosen:
            side = index.sides[index.personas[i].pk]
            result = scoring.score(side.prepared, job.prepared, now=now)
            if result.passed_dealbreakers and result.fit_score >= index.thresholds[i]:
                passing.append((result.fit_score, i, result))
        passing.sort(key=lambda item: -item[0])
        for _, i, result in passing[: limits.links_per_job]:
            links.append(_new_link(index.personas[i], posting, index.sides[index.personas[i].pk], job, now, result))
    seconds["full_score"] = time.process_time() - started
    return links, candidates


STAGING_TABLE = "jobpool_surfacing_links"


def write_links(links: list[PersonaJob]) -> None:
    """Insert links, skipping any (persona, posting) that exists already. Call inside a transaction.

    PostgreSQL: COPY into a session temp table, then one INSERT ... ON CONFLICT DO NOTHING (Django's
    bulk_create sends every column as a text array, and escaping the score details was most of the
    pass's time). Elsewhere: bulk_create(ignore_conflicts=True).
    Reason: the pass writes links for personas of many users; each owner comes from its persona.
    """
    if not links:
        return
    if connection.vendor != "postgresql":
        PersonaJob.unscoped.bulk_create(links, batch_size=2_000, ignore_conflicts=True)
        return
    fields = PersonaJob._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(PersonaJob._meta.db_table)
    json_fields = [isinstance(f, models.JSONField) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {STAGING_TABLE} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
        )
        cursor.execute(f"DELETE FROM {STAGING_TABLE}")  # noqa: S608 (constant name)
        with cursor.cursor.copy(f"COPY {STAGING_TABLE} ({columns}) FROM STDIN") as copy:
            for link in links:
                copy.write_row(
                    [
                        Jsonb(getattr(link, f.attname)) if is_json else getattr(link, f.attname)
                        for f, is_json in zip(fields, json_fields, strict=True)
                    ]
                )
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {STAGING_TABLE} ON CONFLICT DO NOTHING"  # noqa: S608
        )
        cursor.execute(f"DELETE FROM {STAGING_TABLE}")  # noqa: S608 (constant name)


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


def _job_tokens(postings: list[JobPosting], skill_sets: dict | None = None) -> dict:
    """{posting id: prescreen tokens}; fills `skill_sets` with {posting id: (required, preferred)} hard-skill names."""
    tokens = {p.pk: set(title_tokens(p.title)) for p in postings}
    required: dict = {pk: set() for pk in tokens}
    preferred: dict = {pk: set() for pk in tokens}
    soft: dict = {pk: set() for pk in tokens}
    skills = JobSkill.objects.filter(posting_id__in=list(tokens)).values_list("posting_id", "name", "is_required", "kind")
    for posting_id, name, is_required, kind in skills:
        name = normalise_skill(name)
        if kind == SkillKind.SOFT:
            soft[posting_id].add(name)
            continue
        tokens[posting_id].add(name)
        (required if is_required else preferred)[posting_id].add(name)
    if skill_sets is not None:
        for pk in tokens:
            skill_sets[pk] = (frozenset(required[pk]), frozenset(preferred[pk] - required[pk]), frozenset(soft[pk]))
    return {pk: frozenset(t) for pk, t in tokens.items()}


def experience_score(years: float, low: int | None, high: int | None) -> float:
    """The fit's experience component (docs/scoring.md), from the persona's years and the posting's range."""
    if low is None and high is None:
        return 70.0
    if low is not None and years < low:
        return max(0.0, 100.0 - 15.0 * (low - years))
    if high is not None and years > high:
        return max(50.0, 100.0 - 5.0 * (years - high))
    return 100.0


def fit_upper_bound(
    hard: frozenset,
    soft: frozenset,
    years: float,
    job_skills: tuple[frozenset, frozenset, frozenset],
    posting: JobPosting,
    preference: str,
) -> float:
    """A fit the full score cannot exceed, so a pair below the persona's threshold can skip it.

    Every shared hard skill at full weight (years ignored), the title at 100, experience exact,
    logistics from the work-model table before the commute factor. Soft skills as the scorer
    computes them without vectors (profiles never carries soft-skill or culture vectors): 50, or
    50 + 50 x the share of the posting's soft skills the persona lists.
    """
    required, preferred, job_soft = job_skills
    soft_points = 50.0 + 50.0 * len(job_soft & soft) / len(job_soft) if job_soft and soft else 50.0
    if required or preferred:
        hard_points = (80.0 * len(required & hard) / len(required) if required else 80.0) + (
            20.0 * len(preferred & hard) / len(preferred) if preferred else 20.0
        )
    else:
        hard_points = 70.0
    experience = experience_score(years, posting.years_min, posting.years_max)
    logistics = workmodel.fit(preference, posting.work_model)
    return 0.40 * hard_points + 0.15 * soft_points + 0.25 * experience + 0.10 * 100.0 + 0.10 * logistics


def _linked_pairs(posting_ids: list) -> dict:
    linked: dict = {}
    # Reason: the pass must skip every persona already linked to a posting, whoever owns it.
    for posting_id, persona_id in PersonaJob.unscoped.filter(posting_id__in=posting_ids).values_list("posting_id", "persona_id"):
        linked.setdefault(posting_id, set()).add(persona_id)
    return linked


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
            index = PersonaIndex.load()
            result.seconds["persona_index"] = time.process_time() - started
        chunk = surface_postings(batch, index=index, limits=limits)
        if not chunk.postings:  # the batch was surfaced by someone else meanwhile
            continue
        result.chunks += 1
        result.postings += chunk.postings
        result.candidates += chunk.candidates
        result.links += chunk.links
        for stage, spent in chunk.seconds.items():
            result.seconds[stage] = result.seconds.get(stage, 0.0) + spent
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
    index = PersonaIndex.load([persona_id])
    if not len(index):
        return 0
    persona = index.personas[0]
    candidate_ids: dict = {}
    for matrix in (index.title, index.targets):
        if matrix[0].any():
            for posting_id, cosine in vectors.nearest_postings(matrix[0], limits.persona_candidates):
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
    postings = [p for p in postings if not tokens[p.pk].isdisjoint(index.tokens[0])]
    if not postings:
        return 0
    ensure_vectors(posting_ids=[p.pk for p in postings])
    index.prepared([0])
    side = index.sides[persona.pk]
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
