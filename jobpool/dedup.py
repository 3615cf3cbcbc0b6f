"""THE dedup service: every intake path puts postings into the pool through `ingest` / `ingest_many`.

Order of checks (first match wins; docs/pool.md):

1. same source + external id   -> refresh the facts and last_verified_at (never
   first_seen_at, quarantine or activity);
2. same normalised content hash among active postings -> a sighting on it;
3. same canonical apply/source URL, confirmed by content -> a sighting on it;
4. near-duplicate of a posting of the same company (LSH band keys, then exact
   verification) -> a cross-post (a sighting on it) or a repost (a new posting
   linked to it, repost count carried);
5. otherwise a new posting.

Whatever the outcome, the caller's persona gets its link. Every batch runs in
one transaction; new postings are inserted in savepoints and the unique
constraints settle races: the loser re-reads the winner and records a
sighting on it. Lookups are batched (a handful of queries per batch, whatever
its size), which is also what `ingest` (a batch of one) uses.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from jobpool import bulk, lsh, minhash, normalize, similarity
from jobpool.content_security import ContentSecurityViolation
from jobpool.intake import PostingInput, PreparedPosting, prepare
from jobpool.merge import apply_better_facts, refresh_facts
from jobpool.models import (
    DedupDecision,
    DiscoveryMethod,
    JobPosting,
    JobSighting,
    JobSkill,
    JobSource,
    ModerationAction,
    PersonaJob,
    QuarantineStatus,
    SourceKind,
)
from jobpool.models.pool import KNOWN_SOURCES

logger = logging.getLogger(__name__)

QUARANTINE_PERIOD = datetime.timedelta(days=7)
# Postings per transaction in ingest_many: per batch costs (statements, commit) amortise; 5,000 took 0.33 ms of
# client + server CPU per posting against 0.38 ms at 1,000 (bench/dedup_bulk.py, docs/pool.md "Measured").
BATCH_SIZE = 5_000
URL_CANDIDATES = 5
_CONTENT_SNAPSHOT = (
    "title", "title_canonical", "company_name", "company_canonical", "location", "location_canonical",
    "description", "description_text", "content_hash",
)


@dataclass
class IngestResult:
    """What happened to one input. `decision`, `confidence` and `reason` are internal (never shown to users)."""

    posting: JobPosting | None
    decision: str
    confidence: float = 1.0
    reason: str = ""
    link: PersonaJob | None = None
    link_created: bool = False
    rejected: ContentSecurityViolation | None = None

    @property
    def posting_created(self) -> bool:
        return self.decision in (DedupDecision.CREATED, DedupDecision.REPOST)


@dataclass
class _Plan:
    prepared: PreparedPosting
    source: JobSource
    decision: str
    target_id: uuid.UUID
    confidence: float
    reason: str
    is_new: bool


def get_sources(keys: Iterable[str]) -> dict[str, JobSource]:
    """The JobSources with these keys; an allow-listed source missing from the table is created, any other key refused."""
    wanted = set(keys)
    unknown = wanted - KNOWN_SOURCES.keys()
    if unknown:
        raise JobSource.DoesNotExist(f"unknown job source key(s): {sorted(unknown)}")
    found = {source.key: source for source in JobSource.objects.filter(key__in=wanted)}
    for key in wanted - found.keys():
        name, kind = KNOWN_SOURCES[key]
        found[key], _ = JobSource.objects.get_or_create(key=key, defaults={"name": name, "kind": kind})
    return found


def is_independent_sighting(source: JobSource, method: str) -> bool:
    """A board polled by the scouter vouches for a job; a user's own submission does not."""
    return method == DiscoveryMethod.SCOUTER and source.kind in (SourceKind.API, SourceKind.FEED)


def ingest(posting: PostingInput, *, persona=None, method: str = DiscoveryMethod.SCOUTER) -> IngestResult:
    """Put one posting into the pool and link it to `persona` (when given).

    Raises ContentSecurityViolation when a text field carries an injection pattern.
    Side effects: may insert a JobPosting (with band keys, skills, a quarantine
    log entry), a JobSighting, update an existing posting's facts or quarantine,
    and insert the persona's PersonaJob.
    """
    prepared = prepare(posting)
    return ingest_prepared([prepared], persona=persona, method=method)[0]


def ingest_many(
    postings: Iterable[PostingInput], *, persona=None, method: str = DiscoveryMethod.SCOUTER, batch_size: int = BATCH_SIZE
) -> list[IngestResult]:
    """`ingest` for many postings with batched lookups and writes (the scouter's and the benchmarks' path).

    A posting that fails the content check is skipped (its result carries `rejected`); the others go in.
    Side effects: as `ingest`, one transaction per batch.
    """
    results: list[IngestResult] = []
    batch: list[PreparedPosting] = []
    positions: list[int] = []
    for posting in postings:
        try:
            batch.append(prepare(posting))
            positions.append(len(results))
            results.append(None)  # type: ignore[arg-type]
        except ContentSecurityViolation as violation:
            results.append(IngestResult(posting=None, decision="rejected", confidence=0.0, rejected=violation))
        if len(batch) >= batch_size:
            for index, result in zip(positions, ingest_prepared(batch, persona=persona, method=method), strict=True):
                results[index] = result
            batch, positions = [], []
    if batch:
        for index, result in zip(positions, ingest_prepared(batch, persona=persona, method=method), strict=True):
            results[index] = result
    return results


def shard_by_company(postings: Sequence[PreparedPosting], shards: int) -> list[list[PreparedPosting]]:
    """Split a stream for `shards` concurrent writers without changing any decision.

    Same content (the hash covers the company) and near-duplicates (band keys carry the company) only match
    within one canonical company, so each company goes to one shard, in stream order, and those decisions are
    the ones a single writer makes. A board id seen again under another company name, inserted meanwhile by
    another shard, is a unique conflict: the loser re-reads the winner (`_insert_postings`). The one match that
    may cross companies, a shared URL confirmed by content, is only seen within a shard; across shards it is
    left to `dedup_pool`, like any near-duplicate written concurrently.
    """
    out: list[list[PreparedPosting]] = [[] for _ in range(shards)]
    for prepared in postings:
        out[minhash.company_key(prepared.company_canonical) % shards].append(prepared)
    return out


@dataclass(frozen=True)
class Match:
    """What dedup would do with a posting, without doing it (read-only)."""

    decision: str
    posting: JobPosting | None  # the existing posting it matches (for a repost: the older one)
    confidence: float
    reason: str


def find_match(prepared: PreparedPosting) -> Match:
    """The dedup decision for one prepared posting: a few indexed reads, no writes."""
    key = prepared.input.source
    if key not in KNOWN_SOURCES:
        raise JobSource.DoesNotExist(f"unknown job source key(s): {[key]}")
    name, kind = KNOWN_SOURCES[key]
    source = JobSource(key=key, name=name, kind=kind)  # its id arrives with the identity lookup: one round trip fewer
    view = _PoolView([(prepared, source)], source_by_key=True)
    plan = _decide(view, prepared, source, timezone.now())
    if plan.decision == DedupDecision.CREATED:
        return Match(plan.decision, None, plan.confidence, plan.reason)
    return Match(plan.decision, view.postings[plan.target_id], plan.confidence, plan.reason)


# ---------------------------------------------------------------- the pool as one batch sees it
class _PoolView:
    """The existing rows one batch may match, loaded in a few queries, plus the batch's own new postings."""

    def __init__(self, batch: Sequence[tuple[PreparedPosting, JobSource]], *, source_by_key: bool = False) -> None:
        self.postings: dict[uuid.UUID, JobPosting] = {}
        self.by_ext: dict[tuple[int, str], uuid.UUID] = {}
        self.by_hash: dict[str, uuid.UUID] = {}
        self.by_url: dict[str, set[uuid.UUID]] = {}
        self.by_band: dict[int, list[uuid.UUID]] = {}
        self.new_ids: set[uuid.UUID] = set()
        self._shingles: dict[uuid.UUID, set[int]] = {}
        self._new_prepared: dict[uuid.UUID, PreparedPosting] = {}
        self._load(batch, source_by_key)

    def _load(self, batch: Sequence[tuple[PreparedPosting, JobSource]], source_by_key: bool) -> None:
        found: lsh.Lookup | None = None
        if source_by_key:
            # find_match: one posting whose source is an unsaved stand-in; identity and candidates in one round trip.
            ((prepared, source),) = batch
            postings, found, candidates = lsh.identify(
                source.key, prepared.input.external_id, prepared.content_hash, prepared.band_keys, prepared.url_keys
            )
            for posting in postings:
                if posting.matched_source_id is not None:
                    source.pk = posting.matched_source_id  # the stand-in learns its id here
                self._remember(posting)
            for posting in candidates:  # few candidates came as full rows: no second round trip below
                self.postings[posting.pk] = posting
        else:
            by_source: dict[int | str, list[str]] = {}
            for prepared, source in batch:
                if prepared.input.external_id:
                    by_source.setdefault(source.pk, []).append(prepared.input.external_id)
            for posting in lsh.postings_by_identity(by_source, [p.content_hash for p, _ in batch]):
                self._remember(posting)
        unresolved = [
            p
            for p, s in batch
            if (s.pk, p.input.external_id) not in self.by_ext and p.content_hash not in self.by_hash
        ]
        if not unresolved:
            return
        by_band, by_url, keys = found or lsh.lookup(
            (key for p in unresolved for key in p.band_keys), (key for p in unresolved for key in p.url_keys)
        )
        self.by_band, self.by_url = {key: list(ids) for key, ids in by_band.items()}, dict(by_url)
        # Cheap columns first: a big company's postings share boilerplate bands, but few share title and place.
        plausible: set[uuid.UUID] = set()
        for p in unresolved:
            for pid in {i for key in p.url_keys for i in self.by_url.get(key, ())} | {
                i for key in p.band_keys for i in self.by_band.get(key, ())
            }:
                if pid in keys and _plausible_keys(p, *keys[pid], same_company=pid not in self._url_ids(p)):
                    plausible.add(pid)
        for posting in lsh.postings_by_id(plausible - self.postings.keys()):
            self.postings[posting.pk] = posting

    def _url_ids(self, prepared: PreparedPosting) -> set[uuid.UUID]:
        return {i for key in prepared.url_keys for i in self.by_url.get(key, ())}

    def _remember(self, posting: JobPosting) -> None:
        self.postings[posting.pk] = posting
        if posting.external_id:
            self.by_ext[(posting.source_id, posting.external_id)] = posting.pk
        if posting.is_active:
            self.by_hash[posting.content_hash] = posting.pk

    def add_new(self, posting: JobPosting, prepared: PreparedPosting) -> None:
        self._remember(posting)
        pid = posting.pk
        self.new_ids.add(pid)
        self._new_prepared[pid] = prepared  # its shingle set is built only if something is compared with it
        for key in prepared.url_keys:
            self.by_url.setdefault(key, set()).add(pid)
        by_band = self.by_band
        for key in prepared.band_keys:  # a band row is unique per (key, posting): lists, no sets needed
            ids = by_band.get(key)
            if ids is None:
                by_band[key] = [pid]
            else:
                ids.append(pid)

    def shingles(self, posting: JobPosting) -> set[int]:
        cached = self._shingles.get(posting.pk)
        if cached is None and posting.pk in self._new_prepared:
            cached = self._shingles[posting.pk] = self._new_prepared[posting.pk].shingle_set
        if cached is None:
            tokens = normalize.words(posting.description_text)
            cached = self._shingles[posting.pk] = set(minhash.shingle_hashes(tokens).tolist())
        return cached


# ---------------------------------------------------------------- deciding
def _decide(view: _PoolView, prepared: PreparedPosting, source: JobSource, now: datetime.datetime) -> _Plan:
    ext = prepared.input.external_id
    if ext and (source.pk, ext) in view.by_ext:
        return _Plan(prepared, source, DedupDecision.SAME_SOURCE_ID, view.by_ext[(source.pk, ext)], 1.0, "same source and external id", False)
    if prepared.content_hash in view.by_hash:
        return _Plan(prepared, source, DedupDecision.SAME_CONTENT, view.by_hash[prepared.content_hash], 1.0, "same normalised content", False)

    for key in prepared.url_keys:
        for posting_id in sorted(view.by_url.get(key, ()), key=str)[:URL_CANDIDATES]:
            candidate = view.postings.get(posting_id)
            if candidate is None or not candidate.is_active:
                continue
            verdict = _verify(view, prepared, candidate, similarity.URL_CONFIRM_JACCARD)
            if verdict.same_job:
                if _is_repost(prepared, candidate, now)[0]:
                    break  # a later requisition at the same URL: the near-duplicate step links it as a repost
                return _Plan(prepared, source, DedupDecision.SAME_URL, candidate.pk, verdict.jaccard, f"same URL; {verdict.reason}", False)

    best: tuple[float, datetime.datetime, JobPosting, similarity.Verdict] | None = None
    hits = Counter(pid for key in prepared.band_keys for pid in view.by_band.get(key, ()))
    verified = 0
    for posting_id, _count in hits.most_common():
        candidate = view.postings.get(posting_id)
        if candidate is None or not _plausible(prepared, candidate):
            continue  # cheap checks first: a company's many same-text postings for other cities are skipped here
        verified += 1
        if verified > similarity.MAX_CANDIDATES:
            break
        verdict = _verify(view, prepared, candidate, similarity.NEAR_DUPLICATE_JACCARD)
        if verdict.same_job:
            rank = (verdict.jaccard, candidate.first_seen_at, candidate, verdict)
            if best is None or rank[:2] > best[:2]:
                best = rank
    if best is not None:
        candidate, verdict = best[2], best[3]
        repost, why = _is_repost(prepared, candidate, now)
        if repost:
            return _Plan(prepared, source, DedupDecision.REPOST, candidate.pk, verdict.jaccard, f"{why}; {verdict.reason}", True)
        return _Plan(prepared, source, DedupDecision.CROSS_POST, candidate.pk, verdict.jaccard, f"{why}; {verdict.reason}", False)
    return _Plan(prepared, source, DedupDecision.CREATED, uuid.uuid4(), 1.0, "no match", True)


def _is_repost(prepared: PreparedPosting, candidate: JobPosting, now: datetime.datetime) -> tuple[bool, str]:
    return similarity.is_repost(
        candidate_active=candidate.is_active,
        candidate_posted=candidate.posted_at or candidate.first_seen_at,
        incoming_posted=prepared.posted_at or now,
    )


def _plausible(prepared: PreparedPosting, candidate: JobPosting) -> bool:
    return _plausible_keys(prepared, candidate.company_canonical, candidate.title_canonical, candidate.location_canonical)


def _plausible_keys(prepared: PreparedPosting, company: str, title: str, location: str, *, same_company: bool = True) -> bool:
    """The cheap checks before exact verification (a URL candidate need not name the company the same way)."""
    return (
        (company == prepared.company_canonical or not same_company)
        and similarity.titles_similar(prepared.title_canonical, title)
        and similarity.locations_compatible(prepared.location_canonical, location)
    )


def _verify(view: _PoolView, prepared: PreparedPosting, candidate: JobPosting, min_jaccard: float) -> similarity.Verdict:
    return similarity.verify(
        title_a=prepared.title_canonical,
        title_b=candidate.title_canonical,
        location_a=prepared.location_canonical,
        location_b=candidate.location_canonical,
        shingles_a=prepared.shingle_set,
        shingles_b=view.shingles(candidate),
        min_jaccard=min_jaccard,
    )


def _new_posting(plan: _Plan, view: _PoolView, method: str, now: datetime.datetime) -> JobPosting:
    prepared, source = plan.prepared, plan.source
    data = prepared.input
    previous = view.postings[plan.target_id] if plan.decision == DedupDecision.REPOST else None
    quarantined = source.is_user_submitted
    posting = bulk.build(
        JobPosting,
        id=plan.target_id if previous is None else uuid.uuid4(),
        source_id=source.pk,
        external_id=data.external_id or None,
        title=data.title[:300],
        title_canonical=prepared.title_canonical[:300],
        company_name=data.company_name[:200],
        company_canonical=prepared.company_canonical[:200],
        company_url=(data.company_url or "")[:500],
        location=(data.location or "")[:300],
        location_canonical=prepared.location_canonical[:300],
        work_model=data.work_model or "unknown",
        seniority=data.seniority or "",
        salary_min=prepared.salary_min,
        salary_max=prepared.salary_max,
        salary_currency=(data.salary_currency or "")[:3].upper(),
        salary_period=data.salary_period or "",
        description=prepared.description,
        description_text=prepared.description_text,
        requirements=data.requirements or "",
        culture_text=data.culture_text or "",
        years_min=data.years_min,
        years_max=data.years_max,
        posted_at=data.posted_at,
        application_deadline=data.application_deadline,
        source_url=(data.source_url or "")[:2000],
        apply_url=(data.apply_url or "")[:2000],
        raw_text=data.raw_text or "",
        content_hash=prepared.content_hash,
        previous_posting_id=None if previous is None else previous.pk,
        repost_count=0 if previous is None else previous.repost_count + 1,
        first_seen_at=now,
        last_verified_at=now,
        quarantine_status=QuarantineStatus.QUARANTINED if quarantined else QuarantineStatus.CLEAR,
        quarantined_at=now if quarantined else None,
        quarantine_expires_at=now + QUARANTINE_PERIOD if quarantined else None,
    )
    JobPosting.source.field.set_cached_value(posting, source)
    return posting


# ---------------------------------------------------------------- writing
def ingest_prepared(batch: list[PreparedPosting], *, persona, method: str) -> list[IngestResult]:
    """Dedup and store postings already prepared (jobpool.intake.prepare), e.g. in the scouter's worker processes.

    Side effects: as `ingest`, in one transaction.
    """
    now = timezone.now()
    with transaction.atomic():
        sources = get_sources(prepared.input.source for prepared in batch)
        pairs = [(prepared, sources[prepared.input.source]) for prepared in batch]
        view = _PoolView(pairs)
        plans: list[_Plan] = []
        new_postings: dict[uuid.UUID, tuple[JobPosting, PreparedPosting]] = {}
        changed: dict[uuid.UUID, set[str]] = {}
        content_changes: dict[uuid.UUID, PreparedPosting] = {}
        releases: set[uuid.UUID] = set()
        for prepared, source in pairs:
            plan = _decide(view, prepared, source, now)
            if plan.is_new:
                posting = _new_posting(plan, view, method, now)
                view.add_new(posting, prepared)
                new_postings[posting.pk] = (posting, prepared)
                plan.target_id = posting.pk
            else:
                _merge_into(view, plan, method, now, changed, content_changes, releases)
            plans.append(plan)

        redirects = _insert_postings(view, new_postings, plans)
        inserted = [(p, prep) for pid, (p, prep) in new_postings.items() if pid not in redirects]
        lsh.insert_bands((posting.pk, prep.band_keys) for posting, prep in inserted)
        _insert_skills(inserted)
        _log_quarantines([posting for posting, _ in inserted if posting.quarantine_status == QuarantineStatus.QUARANTINED], now)
        _save_changes(view, changed, content_changes, redirects)
        _log_releases(releases, redirects, now)
        new_ids = {posting.pk for posting, _ in inserted}
        _record_sightings(plans, redirects, new_ids, method, now)
        links = _link(persona, plans, redirects, new_ids, method, now) if persona is not None else {}

    results = []
    for plan in plans:
        target = redirects.get(plan.target_id, plan.target_id)
        link, created = links.get(target, (None, False))
        decision = plan.decision if plan.target_id not in redirects else DedupDecision.SAME_CONTENT
        results.append(
            IngestResult(view.postings[target], decision, plan.confidence, plan.reason, link=link, link_created=created)
        )
    return results


def _merge_into(view, plan: _Plan, method, now, changed, content_changes, releases) -> None:
    target = view.postings[plan.target_id]
    fields = changed.setdefault(target.pk, set())
    is_new = target.pk in view.new_ids
    snapshot = {name: getattr(target, name) for name in _CONTENT_SNAPSHOT}
    if plan.decision == DedupDecision.SAME_SOURCE_ID:
        fields |= refresh_facts(target, plan.prepared)
        if plan.prepared.content_hash != target.content_hash and not is_new:
            content_changes.setdefault(target.pk, snapshot)
    else:
        better = apply_better_facts(target, plan.prepared)
        if "description" in better and not is_new:
            content_changes.setdefault(target.pk, snapshot)
        fields |= better
        if target.quarantine_status == QuarantineStatus.QUARANTINED and is_independent_sighting(plan.source, method):
            target.quarantine_status = QuarantineStatus.CLEAR
            target.quarantine_expires_at = None
            fields |= {"quarantine_status", "quarantine_expires_at"}
            releases.add(target.pk)
    if not is_new:
        target.last_verified_at = now
        fields.add("last_verified_at")


def _insert_postings(view: _PoolView, new_postings, plans: list[_Plan]) -> dict[uuid.UUID, uuid.UUID]:
    """Insert the batch's new postings; returns {lost id: winner id} for rows another writer inserted first."""
    if not new_postings:
        return {}
    rows = [posting for posting, _ in new_postings.values()]
    try:
        with transaction.atomic():
            bulk.copy_insert(JobPosting, rows)
        return {}
    except IntegrityError:
        pass
    redirects: dict[uuid.UUID, uuid.UUID] = {}
    for posting in rows:
        if posting.previous_posting_id in redirects:
            posting.previous_posting_id = redirects[posting.previous_posting_id]
        try:
            with transaction.atomic():
                posting.save(force_insert=True)
        except IntegrityError:
            winner = _winner_of(posting)
            if winner is None:
                raise
            logger.info("dedup race: posting %s lost to %s", posting.pk, winner.pk)
            redirects[posting.pk] = winner.pk
            view.postings[winner.pk] = winner
    return redirects


def _winner_of(posting: JobPosting) -> JobPosting | None:
    """The row that beat `posting` to a unique constraint (same source id, or same active content)."""
    if posting.external_id:
        winner = JobPosting.objects.filter(source_id=posting.source_id, external_id=posting.external_id).first()
        if winner is not None:
            return winner
    return JobPosting.objects.filter(content_hash=posting.content_hash, is_active=True).first()


def _insert_skills(inserted: list[tuple[JobPosting, PreparedPosting]]) -> None:
    skills = [
        JobSkill(
            posting=posting,
            name=skill.name,
            kind=skill.kind,
            is_required=skill.is_required,
            years_requested=skill.years_requested,
        )
        for posting, prepared in inserted
        for skill in prepared.skills
    ]
    if skills:
        JobSkill.objects.bulk_create(skills, batch_size=2_000, ignore_conflicts=True)


def _log_quarantines(postings: list[JobPosting], now) -> None:
    if postings:
        ModerationAction.objects.bulk_create(
            ModerationAction(posting=p, action=ModerationAction.Action.QUARANTINE, reason="user submission", created_at=now)
            for p in postings
        )


def _log_releases(released: set[uuid.UUID], redirects, now) -> None:
    if released:
        ModerationAction.objects.bulk_create(
            ModerationAction(
                posting_id=redirects.get(pid, pid),
                action=ModerationAction.Action.RELEASE_SIGHTING,
                reason="seen independently by the scouter",
                created_at=now,
            )
            for pid in released
        )


def _save_changes(view: _PoolView, changed, content_changes, redirects) -> None:
    """Write merged facts to existing postings; a content change also re-keys the hash and band rows."""
    by_fields: dict[frozenset[str], list[JobPosting]] = {}
    for posting_id, fields in changed.items():
        if posting_id in view.new_ids or not fields:
            continue  # new rows were inserted with their merged facts
        if posting_id in content_changes:
            _save_content_change(view.postings[posting_id], content_changes[posting_id], fields)
            continue
        by_fields.setdefault(frozenset(fields), []).append(view.postings[posting_id])
    for fields, postings in by_fields.items():
        if fields == {"last_verified_at"}:
            # The common re-poll: nothing changed but the time, one value for all.
            JobPosting.objects.filter(pk__in=[p.pk for p in postings]).update(last_verified_at=postings[0].last_verified_at)
        else:
            JobPosting.objects.bulk_update(postings, sorted(fields), batch_size=500)


def _save_content_change(posting: JobPosting, snapshot: dict[str, object], fields: set[str]) -> None:
    """Adopt a new text (a refresh or a longer description): new hash and band keys.

    When another active posting already has the new hash, the old content is kept and only the other facts saved.
    """
    posting.content_hash = normalize.content_hash(
        title=posting.title,
        company=posting.company_name,
        location=posting.location,
        description_words=normalize.words(posting.description_text),
    )
    content = set(_CONTENT_SNAPSHOT)
    try:
        with transaction.atomic():
            lsh.delete_bands([posting.pk])  # keyed by the text still stored: before the save
            posting.save(update_fields=sorted(fields | content))
            lsh.add_bands(posting.pk, lsh.stored_keys(posting.description_text, posting.company_canonical))
    except IntegrityError:
        for name, value in snapshot.items():
            setattr(posting, name, value)
        keep = fields - content
        if keep:
            posting.save(update_fields=sorted(keep))


def _record_sightings(plans: list[_Plan], redirects, new_ids: set[uuid.UUID], method: str, now) -> None:
    """One sighting per (posting, source, id, URL): new postings' rows are inserted, others upserted (last_seen_at).

    Rows are plain tuples (no model instances): new postings' rows cannot conflict and go in by COPY.
    """
    rows: dict[tuple, tuple] = {}
    for plan in plans:
        data = plan.prepared.input
        url = data.source_url or data.apply_url or ""
        url_key = plan.prepared.sighting_url_key
        posting_id = redirects.get(plan.target_id, plan.target_id)
        key = (posting_id, plan.source.pk, data.external_id or "", url_key)
        rows[key] = (*key, url[:2000], method, plan.decision, plan.reason[:300], round(plan.confidence, 4), now, now)
    fresh = [row for row in rows.values() if row[0] in new_ids]
    bulk.copy_rows(JobSighting, _SIGHTING_COLUMNS, fresh)
    seen = [row for row in rows.values() if row[0] not in new_ids]
    bulk.upsert_rows(
        JobSighting, _SIGHTING_COLUMNS, seen, unique=("posting_id", "source_id", "external_id", "url_key"),
        update=("last_seen_at",),
    )


_SIGHTING_COLUMNS = (
    "posting_id", "source_id", "external_id", "url_key", "url", "method", "decision", "reason", "confidence", "seen_at",
    "last_seen_at",
)


def _link(persona, plans: list[_Plan], redirects, new_ids: set[uuid.UUID], method: str, now) -> dict[uuid.UUID, tuple[PersonaJob, bool]]:
    """The persona's link to every resulting posting, created where missing (races settled by the unique link).

    Links to postings this batch created cannot exist yet and are inserted directly; the others are looked up first.
    """
    posting_ids = list(dict.fromkeys(redirects.get(p.target_id, p.target_id) for p in plans))
    links: dict[uuid.UUID, tuple[PersonaJob, bool]] = {}
    fresh = [
        bulk.build(
            PersonaJob, id=uuid.uuid4(), owner_id=persona.owner_id, persona_id=persona.pk, posting_id=pid,
            discovery_method=method, discovered_at=now,
        )
        for pid in posting_ids
        if pid in new_ids
    ]
    for link in fresh:
        PersonaJob.persona.field.set_cached_value(link, persona)
    bulk.copy_insert(PersonaJob, fresh)
    links.update({link.posting_id: (link, True) for link in fresh})
    older = [pid for pid in posting_ids if pid not in new_ids]
    if not older:
        return links
    scoped = PersonaJob.objects.for_owner_id(persona.owner_id).filter(persona=persona)
    existing = {link.posting_id: link for link in scoped.filter(posting_id__in=older)}
    links.update({pid: (link, False) for pid, link in existing.items()})
    missing = [pid for pid in older if pid not in existing]
    if missing:
        PersonaJob.objects.bulk_create(
            [
                PersonaJob(owner_id=persona.owner_id, persona=persona, posting_id=pid, discovery_method=method, discovered_at=now)
                for pid in missing
            ],
            ignore_conflicts=True,
        )
        links.update({link.posting_id: (link, True) for link in scoped.filter(posting_id__in=missing)})
    return links
