"""One scouting run: fetch the persona's sources, pool the postings, score the links, count everything.

    fetch enabled sources (one search per search-profile entry, sources in parallel)
      -> SourcePosting -> PostingInput -> jobpool.dedup.ingest_many(method="scouter")
         (content checks, dedup, skills extracted on intake, the persona's links,
          quarantined manual posts released by this independent sighting)
      -> embed and score the persona's new links (jobpool.matching)
      -> counters on the ScoutRun after every source; SourceHealth per source result

A failing source (an HTTP error, a crashing adapter, a pool write that fails)
is recorded in its own breakdown entry and in SourceHealth; the others go on.
The counters live in the database row, so the page polling it sees progress
and a killed worker loses nothing but the current source.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed

import httpx
from django.conf import settings
from django.db.models import F
from django.utils import timezone

from jobpool.dedup import ingest_many
from jobpool.intake import PostingInput
from jobpool.models import DiscoveryMethod
from scouter import health, scheduling
from scouter.matching import request_surfacing, score_links
from scouter.models import PollingConfiguration, RunStatus, RunTrigger, ScoutRun, SearchProfile, SourcePreference
from scouter.services import COMPANY_BOARDS, ensure_persona_scouting
from scouter.sources.base import JobSource, SearchQuery, SourcePosting, SourceResult
from scouter.sources.fetch import run_source
from scouter.sources.http import make_client
from scouter.sources.registry import enabled_sources

logger = logging.getLogger(__name__)

MAX_PAGES_PER_SEARCH = 5
FETCH_WORKERS = 4

Progress = Callable[[ScoutRun], None]


# ------------------------------------------------------------------ what to fetch
def source_env() -> dict[str, str]:
    """The environment the adapters read: the process's (API keys, board defaults) plus our settings."""
    env = dict(os.environ)
    env["SCOUTER_SOURCES"] = ",".join(settings.SCOUTER_SOURCES)
    env["SCOUTER_REPLAY_DIR"] = str(settings.SCOUTER_REPLAY_DIR)
    return env


def queries_for(profile: SearchProfile, preferences: Iterable[SourcePreference], *, since=None) -> list[SearchQuery]:
    """One query per search of the profile (one empty query when it has none), with the persona's boards.

    A stale profile keeps being used as the user last saw it: the page says it is
    stale and the user decides (the reference never regenerated it either).
    """
    boards = {p.source_key: tuple(p.board_tokens) for p in preferences if p.source_key in COMPANY_BOARDS and p.board_tokens}
    searches = profile.searches or [{}]
    return [
        SearchQuery(
            keywords=tuple(search.get("keywords") or ()),
            titles=tuple(search.get("titles") or ()),
            location=search.get("location") or None,
            remote_only=bool(search.get("remote_only")),
            since=since,
            max_pages=MAX_PAGES_PER_SEARCH,
            board_tokens=boards,
        )
        for search in searches
    ]


def sources_for(preferences: Iterable[SourcePreference], env: Mapping[str, str]) -> tuple[list[JobSource], list[tuple[str, str]]]:
    """The operator's runnable sources the persona has not turned off, and the skipped ones with reasons."""
    disabled = {p.source_key for p in preferences if not p.is_enabled}
    runnable, skipped = enabled_sources(env)
    return [s for s in runnable if s.key not in disabled], skipped


def search_source(source: JobSource, queries: list[SearchQuery], client: httpx.Client) -> SourceResult:
    """Every query against one source, merged into one result (postings once each, errors all kept)."""
    merged = SourceResult(source=source.key)
    seen: set[tuple[str, str]] = set()
    for query in queries:
        result = run_source(source, query, client)
        merged.pages_fetched += result.pages_fetched
        merged.skipped_items += result.skipped_items
        merged.errors.extend(result.errors)
        merged.skipped_reason = merged.skipped_reason or result.skipped_reason
        for posting in result.postings:
            key = (posting.source, posting.external_id or posting.source_url or f"{posting.title}|{posting.company_name}")
            if key not in seen:
                seen.add(key)
                merged.postings.append(posting)
    return merged


# ------------------------------------------------------------------ mapping
def to_posting_input(posting: SourcePosting) -> PostingInput:
    """A board's posting as the pool's intake takes it."""
    return PostingInput(
        source=posting.source,
        title=posting.title,
        company_name=posting.company_name or "Unknown company",
        description_html=posting.description_html,
        description_text=posting.description_text,
        external_id=posting.external_id or None,
        company_url=posting.company_url or "",
        location=posting.location.display or posting.location_raw,
        work_model=posting.work_model,
        seniority=posting.seniority,
        salary_min=posting.salary_min,
        salary_max=posting.salary_max,
        salary_currency=posting.salary_currency,
        salary_period=posting.salary_period,
        requirements=posting.requirements,
        culture_text=posting.culture_text,
        years_min=posting.years_min,
        years_max=posting.years_max,
        posted_at=posting.posted_at,
        application_deadline=posting.deadline,
        source_url=posting.source_url or "",
        apply_url=posting.apply_url or "",
    )


# ------------------------------------------------------------------ the run
def execute_run(
    run: ScoutRun,
    *,
    env: Mapping[str, str] | None = None,
    client: httpx.Client | None = None,
    on_progress: Progress | None = None,
) -> ScoutRun:
    """Run `run` to the end and return it refreshed (status done, or failed with a message).

    Side effects: pool postings, sightings, skills and the persona's links
    (via jobpool.dedup), link scores, the run's counters and breakdown,
    SourceHealth rows, the persona's PollingConfiguration (last/next poll).
    """
    persona = run.persona
    owner_id = run.owner_id
    runs = ScoutRun.objects.for_owner_id(owner_id).filter(pk=run.pk)
    started = timezone.now()
    runs.update(status=RunStatus.RUNNING, started_at=started)
    try:
        profile = ensure_persona_scouting(persona)
        preferences = list(SourcePreference.objects.for_owner_id(owner_id).filter(persona=persona))
        polling = PollingConfiguration.objects.for_owner_id(owner_id).get(persona=persona)
        since = scheduling.since_for(polling.last_poll_at, scheduled=run.trigger == RunTrigger.SCHEDULED)
        env = source_env() if env is None else env
        sources, skipped = sources_for(preferences, env)
        queries = queries_for(profile, preferences, since=since)
        breakdown = {key: {"status": "skipped", "message": reason} for key, reason in skipped}
        runs.update(sources_total=len(sources), source_breakdown=breakdown)
        for key, reason in skipped:
            health.record_result(SourceResult(source=key, skipped_reason=reason))
        _notify(run, on_progress)

        link_ids: list = []
        own_client = client is None
        http_client = client or make_client()
        try:
            with ThreadPoolExecutor(max_workers=FETCH_WORKERS, thread_name_prefix="scout") as pool:
                futures = {pool.submit(search_source, source, queries, http_client): source for source in sources}
                for future in as_completed(futures):
                    result = future.result()  # search_source never raises: run_source records failures
                    runs.update(found=F("found") + len(result.postings), errors=F("errors") + len(result.errors))

                    def counted(new: int, pooled: int, errors: int) -> None:
                        # Each board's batch shows on the page as soon as it is pooled.
                        runs.update(new=F("new") + new, already_pooled=F("already_pooled") + pooled, errors=F("errors") + errors)
                        _notify(run, on_progress)

                    entry, links = _pool_result(run, result, on_batch=counted)
                    link_ids.extend(links)
                    breakdown[result.source] = entry
                    runs.update(sources_done=F("sources_done") + 1, source_breakdown=breakdown)
                    _notify(run, on_progress)
        finally:
            if own_client:
                http_client.close()

        scored = score_links(persona, link_ids)
        runs.update(status=RunStatus.DONE, finished_at=timezone.now(), scored=scored)
        _after_run(persona)
    except Exception as exc:
        logger.exception("scout run %s failed", run.pk)
        runs.update(status=RunStatus.FAILED, finished_at=timezone.now(), error_message=f"{type(exc).__name__}: {exc}"[:500])
    # A failed run waits for its next slot too: a persistently failing persona is not retried every pass.
    _schedule_next(persona, timezone.now())
    run.refresh_from_db()
    _notify(run, on_progress, refresh=False)
    return run


def _pool_result(run: ScoutRun, result: SourceResult, *, on_batch: Callable[[int, int, int], None]) -> tuple[dict, list]:
    """Hand one source's postings to the pool; count what happened.

    Postings go in by the board that published them (replay carries several), so a batch the
    pool refuses costs only that board's postings: it is counted as this source's error.
    `on_batch(new, already_pooled, errors)` reports each board's batch as it is done.
    """
    health.record_result(result)
    entry = {
        "status": result.outcome,
        "found": len(result.postings),
        "new": 0,
        "already_pooled": 0,
        "rejected": 0,
        "errors": len(result.errors),
        "message": str(result.errors[-1])[:300] if result.errors else "",
    }
    links = []
    by_board: dict[str, list[SourcePosting]] = {}
    for posting in result.postings:
        by_board.setdefault(posting.source, []).append(posting)
    refused = 0
    for board, postings in by_board.items():
        try:
            outcomes = ingest_many([to_posting_input(p) for p in postings], persona=run.persona, method=DiscoveryMethod.SCOUTER)
        except Exception as exc:  # noqa: BLE001 - one board's refused batch must not stop the run
            logger.exception("pooling postings from %s (%s) failed", result.source, board)
            refused += 1
            entry["errors"] += 1
            entry["message"] = f"could not pool {len(postings)} postings from {board}: {type(exc).__name__}: {exc}"[:300]
            on_batch(0, 0, 1)
            continue
        new = sum(1 for o in outcomes if o.rejected is None and o.posting_created)
        pooled = sum(1 for o in outcomes if o.rejected is None and not o.posting_created)
        entry["new"] += new
        entry["already_pooled"] += pooled
        entry["rejected"] += sum(1 for o in outcomes if o.rejected is not None)
        links.extend(o.link.pk for o in outcomes if o.link is not None)
        on_batch(new, pooled, 0)
    if refused:
        entry["status"] = "partial" if refused < len(by_board) else "failed"
    return entry, links


def _schedule_next(persona, finished) -> None:
    PollingConfiguration.objects.for_owner_id(persona.owner_id).filter(persona=persona).update(
        last_poll_at=finished,
        next_poll_at=scheduling.next_poll_after(persona.polling_frequency, finished),
        updated_at=finished,
    )


def _after_run(persona) -> None:
    """Offer the new postings to everyone else: the pool's surfacing pass, when it is installed."""
    request_surfacing()


def _notify(run: ScoutRun, on_progress: Progress | None, *, refresh: bool = True) -> None:
    if on_progress is not None:
        if refresh:
            run.refresh_from_db()
        on_progress(run)
