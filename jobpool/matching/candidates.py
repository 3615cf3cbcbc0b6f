"""Which personas a chunk of new postings should be offered to: the surfacing pass's arithmetic.

`PersonaIndex.load()` reads every onboarded persona once per pass into arrays
(`scoring.batch.PersonaColumns` plus prescreen tokens and thresholds). `match_chunk(postings,
index)` then decides a chunk of postings against all of them, without a per-pair Python loop:

1. **Similarity** — the chunk's title vectors times the personas' title and target-role
   matrices (two float32 BLAS products); a pair keeps the better cosine. Pairs below
   `min_similarity`, pairs the persona's remote preference rejects (the scorer's own table) and
   pairs already linked are dropped. A side without a vector leaves the decision to the keywords.
2. **Candidates** — each posting's `candidates_per_job` most similar survivors (a partial sort
   of the survivors only).
3. **Keyword prescreen** — the pair must share a token: a hard skill, or a title content word,
   between the persona's skills, title and target roles and the posting's skills and title.
4. **Full score** — `scoring.batch.score_pairs` (the scorer's rules as array arithmetic, the
   same numbers as `scoring.score`) for every candidate of the chunk at once.
5. **Selection** — dealbreakers passed and fit at least the persona's threshold; per posting
   the best `links_per_job` by fit (then similarity).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

import numpy as np
from django.db.models import CharField, Count, Max
from django.db.models.functions import Cast

from jobpool import scoring
from jobpool.matching import profiles
from jobpool.matching.scoring_service import combined_fingerprint, ensure_vectors, job_fingerprint, persona_fingerprint
from jobpool.models import JobPosting, PersonaJob, PersonaVector
from jobpool.scoring.batch import ACCEPTS, Cells, JobColumns, PersonaColumns, score_pairs
from jobpool.scoring.titles import content_words, normalise_title
from personas.models import CustomDealbreaker, Persona, PersonaSkill, WorkHistory


def title_tokens(*titles: str) -> set[str]:
    words: set[str] = set()
    for title in titles:
        if title:
            words |= content_words(normalise_title(title))
    return words


@dataclass
class PersonaIndex:
    """Every onboarded persona as arrays for the pass (row i = `ids[i]`)."""

    ids: list
    owners: list
    thresholds: np.ndarray
    columns: PersonaColumns
    profiles: dict  # persona id → scoring.PersonaProfile (fingerprints are taken from it on demand)
    token_ids: dict[str, int]
    tokens: Cells  # (persona row, token id) → the persona has the token
    stacked_vectors: np.ndarray  # (2 × personas, d): title vectors, then target-role vectors
    _fingerprints: dict = field(default_factory=dict)

    @classmethod
    def load(cls, persona_ids: Iterable | None = None, *, embed: bool = True) -> PersonaIndex:
        # Reason: the surfacing pass is a system task over every user's onboarded personas.
        scope = Persona.unscoped.filter(onboarding_completed_at__isnull=False)
        if persona_ids is not None:
            scope = scope.filter(pk__in=list(persona_ids))
        if embed:
            embed_missing(scope)
        personas = list(scope.order_by("pk"))
        found = profiles.persona_profiles(personas, scope=scope if persona_ids is None else None)
        prepared = [scoring.prepare_persona(found[p.pk]) for p in personas]
        token_ids: dict[str, int] = {}
        cells = []
        for row, (persona, side) in enumerate(zip(personas, prepared, strict=True)):
            for token in side.hard_years.keys() | title_tokens(persona.current_role, *persona.target_roles):
                cells.append((row, token_ids.setdefault(token, len(token_ids))))
        tokens = Cells([(row, column, True) for row, column in cells], len(token_ids), False, bool)
        columns = PersonaColumns.build(prepared)
        return cls(
            ids=[p.pk for p in personas],
            owners=[p.owner_id for p in personas],
            thresholds=np.array([p.minimum_fit_threshold for p in personas], dtype=np.int16),
            columns=columns,
            profiles=found,
            token_ids=token_ids,
            tokens=tokens,
            stacked_vectors=np.vstack([columns.title_vectors, columns.target_vectors]),
        )

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def id_text(self) -> list[str]:
        return [str(pk) for pk in self.ids]

    @cached_property
    def owner_text(self) -> list[str]:
        return [str(pk) for pk in self.owners]

    def fingerprint(self, row: int) -> str:
        """The persona's scoring fingerprint (scoring_service.persona_fingerprint), computed once per pass."""
        pk = self.ids[row]
        if pk not in self._fingerprints:
            self._fingerprints[pk] = persona_fingerprint(self.profiles[pk])
        return self._fingerprints[pk]


def embed_missing(personas) -> None:
    """Vectors for the personas (a queryset) that have none. Vectors follow persona edits (the
    rescoring task embeds them), so only personas that never got one are left for the pass."""
    # Reason: system matching reads the vectors of every onboarded persona.
    missing = list(personas.exclude(pk__in=PersonaVector.unscoped.values("persona_id")).values_list("pk", flat=True))
    if missing:
        ensure_vectors(persona_ids=missing)


_WARM: dict = {}


def persona_generation() -> tuple:
    """Changes whenever anything the index holds may have changed: the count and latest update of
    onboarded personas, of each part the scorer reads, and of persona vectors (5 small aggregates)."""
    # Reason: a system check over every user's personas; only counts and timestamps leave the database.
    parts = (
        Persona.unscoped.filter(onboarding_completed_at__isnull=False),
        PersonaSkill.unscoped.all(),
        WorkHistory.unscoped.all(),
        CustomDealbreaker.unscoped.all(),
        PersonaVector.unscoped.all(),
    )
    # The largest (random UUID) key too: two states with equal counts and timestamps (a frozen clock in
    # tests) still differ.
    return tuple(tuple(qs.aggregate(n=Count("pk"), last=Max("updated_at"), top=Max(Cast("pk", CharField()))).values()) for qs in parts)


def current_index() -> PersonaIndex:
    """The persona index, kept in this process between passes while `persona_generation()` is unchanged.

    A Celery worker runs a pass every 15 minutes; most of the time no persona changed, and reading
    10,000 personas again would cost seconds for nothing.
    """
    # Reason: the pass is a system task over every user's onboarded personas.
    embed_missing(Persona.unscoped.filter(onboarding_completed_at__isnull=False))
    generation = persona_generation()  # before loading: an edit made while loading shows next time
    if _WARM.get("generation") != generation:
        _WARM.clear()
        _WARM.update(generation=generation, index=PersonaIndex.load(embed=False))
    return _WARM["index"]


def index_for_pass(pass_id: str) -> PersonaIndex:
    """The persona index for the chunks of one pass: checked once per pass and process, then reused.

    A persona edited during a pass is seen by the next pass (and is offered the pool at once by its
    own rescoring task).
    """
    if _WARM.get("pass_id") != pass_id:
        index = current_index()
        _WARM["pass_id"] = pass_id
        return index
    return _WARM["index"]


@dataclass
class ChunkMatches:
    """The links a chunk should get: parallel arrays over the chosen pairs, plus figures."""

    job_rows: np.ndarray
    persona_rows: np.ndarray
    fit: np.ndarray
    stretch: np.ndarray
    candidates: np.ndarray  # per posting of the chunk: pairs fully scored
    jobs: list = field(default_factory=list)  # the chunk's scoring.PreparedJob, by posting row
    facts: list = field(default_factory=list)  # the chunk's scoring.JobFacts, by posting row

    def fingerprint(self, index: PersonaIndex, job_row: int, persona_row: int, cache: dict) -> str:
        if job_row not in cache:
            cache[job_row] = job_fingerprint(self.facts[job_row])
        return combined_fingerprint(index.fingerprint(persona_row), cache[job_row])


def similarity(jobs: JobColumns, index: PersonaIndex) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(best, title, target) cosine matrices (jobs × personas, float32); best is 1.0 where a side has no vector.

    One BLAS product against the personas' title and target matrices stacked; title / target are
    views of it, set to -1 where the persona has no such vector (those pairs' title rules go to
    `score()` in `scoring.batch`, which never reads these cells).
    """
    columns = index.columns
    both = jobs.title_vectors.astype(np.float32) @ index.stacked_vectors.T
    title, target = both[:, : len(index)], both[:, len(index) :]
    title[:, ~columns.has_title_vector] = -1.0
    target[:, ~columns.has_target_vector] = -1.0
    best = np.maximum(title, target)
    best[:, ~(columns.has_title_vector | columns.has_target_vector)] = 1.0
    best[~jobs.has_title_vector, :] = 1.0
    return best, title, target


def _top_per_row(scores: np.ndarray, keep: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's `limit` highest scores among the kept cells (a partial sort of those only)."""
    rows, cols = [], []
    for row in range(scores.shape[0]):
        chosen = np.flatnonzero(keep[row])
        if chosen.size > limit:
            chosen = chosen[np.argpartition(-scores[row, chosen], limit - 1)[:limit]]
        rows.append(np.full(chosen.size, row, dtype=np.intp))
        cols.append(chosen)
    return (np.concatenate(rows), np.concatenate(cols)) if rows else (np.zeros(0, np.intp), np.zeros(0, np.intp))


def _share_a_token(index: PersonaIndex, postings: Sequence[JobPosting], jobs: JobColumns, j: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The keyword prescreen per pair: a hard skill or title word in common."""
    cells: list[list[int]] = []
    for posting, job in zip(postings, jobs.jobs, strict=True):
        names = {name for name, _, _ in (*job.required_hard, *job.preferred_hard)} | title_tokens(posting.title)
        cells.append([index.token_ids[t] for t in names if t in index.token_ids])
    ptr = np.zeros(len(cells) + 1, dtype=np.intp)
    np.cumsum([len(c) for c in cells], out=ptr[1:])
    flat = np.array([c for row in cells for c in row], dtype=np.intp)
    counts = ptr[j + 1] - ptr[j]
    pair = np.repeat(np.arange(j.size), counts)
    cell = np.repeat(ptr[j], counts) + (np.arange(pair.size) - np.repeat(np.cumsum(counts) - counts, counts))
    hits = index.tokens.dense(len(index), flat).get(p[pair], flat[cell])
    return np.bincount(pair[hits], minlength=j.size) > 0


def linked_pairs(posting_ids: list, index: PersonaIndex) -> tuple[np.ndarray, np.ndarray]:
    """(posting row, persona row) of the pairs that already have a link, whoever made it."""
    row_of_posting = {pk: row for row, pk in enumerate(posting_ids)}
    row_of_persona = {pk: row for row, pk in enumerate(index.ids)}
    jobs, personas = [], []
    # Reason: the pass must skip every persona already linked to a posting, whoever owns it.
    for posting_id, persona_id in PersonaJob.unscoped.filter(posting_id__in=posting_ids).values_list("posting_id", "persona_id"):
        if persona_id in row_of_persona:
            jobs.append(row_of_posting[posting_id])
            personas.append(row_of_persona[persona_id])
    return np.array(jobs, dtype=np.intp), np.array(personas, dtype=np.intp)


def match_chunk(postings: Sequence[JobPosting], index: PersonaIndex, limits, now: datetime, seconds: dict) -> ChunkMatches:
    """Decide which personas each posting goes to (see the module docstring); writes nothing."""
    started = time.process_time()
    ids = [p.pk for p in postings]
    facts_by_id = profiles.job_facts(postings)
    facts = [facts_by_id[pk] for pk in ids]
    prepared = [scoring.prepare_job(f, now=now, ghost=False) for f in facts]
    jobs = JobColumns(prepared, index.columns)
    seconds["prepare_jobs"] = seconds.get("prepare_jobs", 0.0) + time.process_time() - started

    started = time.process_time()
    best, title, target = similarity(jobs, index)
    keep = best >= limits.min_similarity
    keep &= ACCEPTS[jobs.model][:, index.columns.preference]
    done_j, done_p = linked_pairs(ids, index)
    keep[done_j, done_p] = False
    j, p = _top_per_row(best, keep, limits.candidates_per_job)
    screened = _share_a_token(index, postings, jobs, j, p)
    j, p = j[screened], p[screened]
    seconds["similarity_prescreen"] = seconds.get("similarity_prescreen", 0.0) + time.process_time() - started

    started = time.process_time()
    candidates = np.bincount(j, minlength=len(jobs))
    scores = score_pairs(index.columns, jobs, p, j, title_cosines=title[j, p], target_cosines=target[j, p], now=now)
    chosen = scores.passed & (scores.fit >= index.thresholds[p])
    j, p, fit, stretch, sim = j[chosen], p[chosen], scores.fit[chosen], scores.stretch[chosen], best[j[chosen], p[chosen]]
    order = np.lexsort((-sim, -fit.astype(np.int32), j))  # by posting, best fit first, then most similar
    j, p, fit, stretch = j[order], p[order], fit[order], stretch[order]
    starts = np.searchsorted(j, j, side="left")
    within = (np.arange(j.size) - starts) < limits.links_per_job
    seconds["full_score"] = seconds.get("full_score", 0.0) + time.process_time() - started
    return ChunkMatches(
        job_rows=j[within],
        persona_rows=p[within],
        fit=fit[within],
        stretch=stretch[within],
        candidates=candidates,
        jobs=prepared,
        facts=facts,
    )


