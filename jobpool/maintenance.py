"""Pool maintenance: find duplicates that slipped in (races, older rules) and merge them.

`dedup_pool` walks the pool oldest first. For each posting it asks the LSH
blocking index for older postings of the same company, verifies them exactly
(jobpool.similarity), and then either merges the newer posting into the older
one (the same job: a cross-post) or, when it is a later requisition, links it
as a repost. Rejected postings are never merged (a moderator's decision stands).
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from django.db import IntegrityError, transaction

from jobpool import lsh, minhash, normalize, similarity
from jobpool.content_security import ContentSecurityViolation
from jobpool.intake import PostingInput, prepare
from jobpool.merge import apply_better_facts
from jobpool.models import (
    DedupDecision,
    JobPosting,
    JobReport,
    JobSighting,
    JobSkill,
    LinkStatus,
    ModerationAction,
    PersonaJob,
    QuarantineStatus,
    ReportStatus,
)

logger = logging.getLogger(__name__)
CHUNK = 500


@dataclass
class DedupStats:
    scanned: int = 0
    merged: int = 0
    reposts_linked: int = 0
    links_moved: int = 0
    link_conflicts: int = 0

    def summary(self, *, dry_run: bool) -> str:
        prefix = "dry run: would merge" if dry_run else "merged"
        return (
            f"dedup_pool: scanned {self.scanned} postings; {prefix} {self.merged} duplicates; "
            f"reposts linked {self.reposts_linked}; links moved {self.links_moved}; "
            f"persona conflicts {self.link_conflicts}"
        )


def _chunks(ids: list[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _shingles(posting: JobPosting) -> set[int]:
    return set(minhash.shingle_hashes(normalize.words(posting.description_text)).tolist())


def _band_keys(posting: JobPosting, shingles: set[int]) -> list[int]:
    signature = minhash.signature(np.fromiter(shingles, dtype=np.uint64, count=len(shingles)))
    return minhash.band_keys(signature, minhash.company_key(posting.company_canonical))


def dedup_pool(*, dry_run: bool = False, progress: Callable[[int], None] | None = None) -> DedupStats:
    """Merge near-duplicates found after the fact and link reposts; returns the counts.

    Side effects (unless dry_run): duplicate postings are deleted after their links, sightings,
    skills, reports, moderation log and reposts are moved to the kept posting; better facts are
    merged into it; reposts get their previous posting and repost count. Safe to run twice.
    """
    stats = DedupStats()
    # System scope: maintenance over the whole shared pool.
    order = list(JobPosting.objects.order_by("first_seen_at", "id").values_list("pk", "first_seen_at"))
    rank = {pk: index for index, (pk, _) in enumerate(order)}
    gone: set[uuid.UUID] = set()
    for chunk in _chunks([pk for pk, _ in order]):
        postings = [p for p in JobPosting.objects.filter(pk__in=chunk) if p.pk not in gone]
        postings.sort(key=lambda p: rank[p.pk])
        shingles = {p.pk: _shingles(p) for p in postings}
        keys = {p.pk: _band_keys(p, shingles[p.pk]) for p in postings}
        by_key = lsh.postings_by_key(k for ks in keys.values() for k in ks)
        candidate_ids = {pid for ids in by_key.values() for pid in ids} - gone
        candidates = {c.pk: c for c in JobPosting.objects.filter(pk__in=candidate_ids)}
        for posting in postings:
            stats.scanned += 1
            if progress:
                progress(1)
            if posting.pk in gone or posting.quarantine_status == QuarantineStatus.REJECTED:
                continue
            best = _best_older_match(posting, shingles[posting.pk], keys[posting.pk], by_key, candidates, rank, gone)
            if best is None:
                continue
            older, verdict = best
            repost, _why = similarity.is_repost(
                candidate_active=older.is_active,
                candidate_posted=older.posted_at or older.first_seen_at,
                incoming_posted=posting.posted_at or posting.first_seen_at,
            )
            if repost:
                if posting.previous_posting_id is None:
                    stats.reposts_linked += 1
                    if not dry_run:
                        JobPosting.objects.filter(pk=posting.pk).update(
                            previous_posting=older, repost_count=older.repost_count + 1
                        )
                continue
            stats.merged += 1
            gone.add(posting.pk)
            if dry_run:
                stats.links_moved += PersonaJob.unscoped.filter(posting=posting).count()
                continue
            moved, conflicts = merge_postings(duplicate=posting, keep=older, reason=verdict.reason)
            stats.links_moved += moved
            stats.link_conflicts += conflicts
    return stats


def _best_older_match(posting, shingles, keys, by_key, candidates, rank, gone):
    hits = Counter(pid for key in keys for pid in by_key.get(key, ()) if pid != posting.pk and pid not in gone)
    best = None
    verified = 0
    for pid, _count in hits.most_common():
        older = candidates.get(pid)
        if older is None or rank.get(pid, 1 << 62) >= rank[posting.pk]:
            continue
        if older.company_canonical != posting.company_canonical or older.quarantine_status == QuarantineStatus.REJECTED:
            continue
        if not similarity.titles_similar(posting.title_canonical, older.title_canonical) or not similarity.locations_compatible(
            posting.location_canonical, older.location_canonical
        ):
            continue
        verified += 1
        if verified > similarity.MAX_CANDIDATES:
            break
        verdict = similarity.verify(
            title_a=posting.title_canonical,
            title_b=older.title_canonical,
            location_a=posting.location_canonical,
            location_b=older.location_canonical,
            shingles_a=shingles,
            shingles_b=_shingles(older),
        )
        if verdict.same_job and (best is None or verdict.jaccard > best[1].jaccard):
            best = (older, verdict)
    return best


def merge_postings(*, duplicate: JobPosting, keep: JobPosting, reason: str) -> tuple[int, int]:
    """Fold `duplicate` into `keep` and delete it; returns (links moved, persona conflicts).

    Side effects: links re-pointed (a persona linked to both keeps one link, with the more advanced
    status and either favourite), sightings, skills, reports, moderation log and reposts re-pointed,
    better facts merged into `keep`, the duplicate's band keys and row deleted.
    """
    moved = conflicts = 0
    with transaction.atomic():
        # System scope: re-pointing every user's links from one shared posting to another.
        kept_links = {link.persona_id: link for link in PersonaJob.unscoped.filter(posting=keep)}
        for link in PersonaJob.unscoped.filter(posting=duplicate):
            other = kept_links.get(link.persona_id)
            if other is None:
                link.posting = keep
                link.save(update_fields=["posting"])
                moved += 1
                continue
            conflicts += 1
            if link.status == LinkStatus.APPLIED or (link.status == LinkStatus.DISCOVERED and other.status == LinkStatus.DISMISSED):
                other.status, other.dismissed_at = link.status, link.dismissed_at
            other.is_favorite = other.is_favorite or link.is_favorite
            other.save(update_fields=["status", "dismissed_at", "is_favorite"])
            link.delete()
        for sighting in JobSighting.objects.filter(posting=duplicate):
            sighting.posting = keep
            try:
                with transaction.atomic():
                    sighting.save(update_fields=["posting"])
            except IntegrityError:
                sighting.delete()
        JobSighting.objects.create(
            posting=keep, source_id=duplicate.source_id, external_id=f"merged:{duplicate.pk}", url=duplicate.source_url[:2000],
            url_key=normalize.canonical_url(duplicate.source_url), method="system", decision=DedupDecision.MERGED,
            reason=reason[:300], confidence=1.0,
        )
        have = set(JobSkill.objects.filter(posting=keep).values_list("name", flat=True))
        JobSkill.objects.filter(posting=duplicate).exclude(name__in=have).update(posting=keep)
        JobSkill.objects.filter(posting=duplicate).delete()
        # System scope: reports are re-pointed for the moderators, whoever filed them.
        open_reporters = set(
            JobReport.unscoped.filter(posting=keep, status=ReportStatus.OPEN).values_list("owner_id", flat=True)
        )
        JobReport.unscoped.filter(posting=duplicate, status=ReportStatus.OPEN, owner_id__in=open_reporters).update(
            status=ReportStatus.DISMISSED, decision_note="merged into a duplicate report"
        )
        JobReport.unscoped.filter(posting=duplicate).update(posting=keep)
        ModerationAction.objects.filter(posting=duplicate).update(posting=keep)
        JobPosting.objects.filter(previous_posting=duplicate).update(previous_posting=keep)
        _merge_visibility(duplicate, keep)
        _merge_facts(duplicate, keep)
        lsh.delete_bands([duplicate.pk])
        duplicate.delete()
    return moved, conflicts


def _merge_visibility(duplicate: JobPosting, keep: JobPosting) -> None:
    """The stricter moderation state wins, except that an independently seen copy releases a timed quarantine."""
    if duplicate.quarantine_status == QuarantineStatus.HELD and keep.quarantine_status != QuarantineStatus.REJECTED:
        keep.quarantine_status, keep.quarantine_expires_at = QuarantineStatus.HELD, None
    elif keep.quarantine_status == QuarantineStatus.QUARANTINED and duplicate.quarantine_status == QuarantineStatus.CLEAR:
        keep.quarantine_status, keep.quarantine_expires_at = QuarantineStatus.CLEAR, None
    JobPosting.objects.filter(pk=keep.pk).update(
        quarantine_status=keep.quarantine_status, quarantine_expires_at=keep.quarantine_expires_at
    )


def _merge_facts(duplicate: JobPosting, keep: JobPosting) -> None:
    data = PostingInput(
        source="manual", title=duplicate.title, company_name=duplicate.company_name, description_html=duplicate.description,
        description_text=duplicate.description_text, location=duplicate.location, work_model=duplicate.work_model,
        seniority=duplicate.seniority, salary_min=duplicate.salary_min, salary_max=duplicate.salary_max,
        salary_currency=duplicate.salary_currency, salary_period=duplicate.salary_period, requirements=duplicate.requirements,
        culture_text=duplicate.culture_text, years_min=duplicate.years_min, years_max=duplicate.years_max,
        posted_at=duplicate.posted_at, application_deadline=duplicate.application_deadline, source_url=duplicate.source_url,
        apply_url=duplicate.apply_url, company_url=duplicate.company_url, skills=[],
    )
    try:
        prepared = prepare(data)
    except ContentSecurityViolation:
        return
    changed = apply_better_facts(keep, prepared)
    changed -= {"description", "description_text"}  # the kept text (and its hash and band keys) stays
    if duplicate.first_seen_at < keep.first_seen_at:
        keep.first_seen_at = duplicate.first_seen_at
        changed.add("first_seen_at")
    if changed:
        keep.save(update_fields=sorted(changed))

