"""Bulk intake throughput into PostgreSQL, dedup and persona links included (goal >= 5,000 postings/s).

    DATABASE_URL=postgres://app:app@127.0.0.1:55500/app_pool_bench .venv/bin/python bench/dedup_bulk.py [--postings 20000]

A scouter-like stream built from real paragraphs, titles and locations
(bench/dedup_synthetic.py) with HTML descriptions: 70% new postings, 20%
re-sightings of a posting already sent (same board id), 10% the same text from
another board. Figures printed:

1. preparation (HTML cleaning, injection check, canonical forms, hash, MinHash
   keys; skills extraction measured separately) per core;
2. the database stage, jobpool.dedup.ingest_prepared in batches of 5,000 (--batch): every
   lookup, decision, posting / band / sighting / skill insert and the persona
   link, committed;
3. end to end, jobpool.dedup.ingest_many in one process.

With --workers N (default 2), 2b. the database stage and 3b. end to end (preparation included) also run in N
forked processes, each with its own connection, the stream sharded by canonical company
(jobpool.dedup.shard_by_company); the bench checks the decisions equal the single process's. CPU per posting
is printed for the processes and for their PostgreSQL backends (read from /proc when the server is local).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedup_common import backend_cpu_seconds, setup_bench_database  # noqa: E402


def stream(corpus, count: int, seed: int):
    from dedup_synthetic import make_postings

    from jobpool.intake import PostingInput

    rng = random.Random(seed)
    fresh, _ = make_postings(corpus, count, seed=seed)
    sent: list = []
    out = []
    for synthetic in fresh:
        roll = rng.random()
        if sent and roll < 0.2:
            out.append(dataclasses.replace(rng.choice(sent)))
            continue
        html = "".join(f"<p>{paragraph}</p>" for paragraph in synthetic.text.split("\n\n"))
        posting = PostingInput(
            source=synthetic.source, external_id=synthetic.external_id, title=synthetic.title,
            company_name=synthetic.company, location=synthetic.location, description_html=html,
            source_url=f"https://{synthetic.source}.example/jobs/{synthetic.external_id}", skills=[],
        )
        if sent and roll < 0.3:
            posting = dataclasses.replace(
                rng.choice(sent), source="rss", external_id=f"rss-{synthetic.external_id}", source_url=""
            )
        sent.append(posting)
        out.append(posting)
    return out


def _worker(job, shard, persona, batch: int, queue) -> None:
    """One forked writer: its own connection, its shard in batches; reports decisions and CPU (client, backend)."""
    try:
        _work(job, shard, persona, batch, queue)
    except BaseException as exc:
        queue.put(exc)
        raise


def _work(job, shard, persona, batch: int, queue) -> None:
    from dedup_common import backend_cpu_seconds

    from jobpool.dedup import ingest_many, ingest_prepared

    decisions: Counter = Counter()
    cpu, server = time.process_time(), backend_cpu_seconds()
    if job == "database":
        for start in range(0, len(shard), batch):
            decisions.update(str(r.decision) for r in ingest_prepared(shard[start : start + batch], persona=persona, method="scouter"))
    else:
        decisions.update(str(r.decision) for r in ingest_many(shard, persona=persona, batch_size=batch))
    server_cpu = None if server is None else backend_cpu_seconds() - server
    queue.put((dict(decisions), time.process_time() - cpu, server_cpu))


def run_sharded(job: str, shards: list, persona, batch: int):
    """Run `job` ("database": ingest_prepared; "end_to_end": ingest_many) over the shards in forked processes.

    Returns (wall seconds, decisions, client CPU seconds, backend CPU seconds or None), all processes summed.
    """
    import multiprocessing

    from django.db import connections

    connections.close_all()  # each child opens its own connection
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    started = time.perf_counter()
    processes = [context.Process(target=_worker, args=(job, shard, persona, batch, queue)) for shard in shards]
    for process in processes:
        process.start()
    reports = [queue.get() for _ in processes]
    failed = [report for report in reports if isinstance(report, BaseException)]
    if failed:
        raise RuntimeError("a writer process failed") from failed[0]
    for process in processes:
        process.join()
    wall = time.perf_counter() - started
    decisions: Counter = Counter()
    for report in reports:
        decisions.update(report[0])
    servers = [r[2] for r in reports]
    return wall, decisions, sum(r[1] for r in reports), None if None in servers else sum(servers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=5_000, help="postings per transaction (jobpool.dedup.BATCH_SIZE)")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the database stage to FILE")
    parser.add_argument("--workers", type=int, default=2, help="processes for the sharded runs (0: skip them)")
    args = parser.parse_args()
    setup_bench_database()

    from dedup_common import empty_pool
    from dedup_synthetic import load_corpus

    from accounts.models import User
    from jobpool.dedup import ingest_many, ingest_prepared, shard_by_company
    from jobpool.intake import prepare
    from jobpool.minhash import company_key
    from jobpool.models import JobPosting, JobSighting, MinHashBand, PersonaJob
    from jobpool.normalize import canonical_company
    from personas.models import Persona

    corpus = load_corpus()
    inputs = stream(corpus, args.postings, seed=3)
    user = User.objects.create(email="bench-bulk@example.com")
    persona = Persona.objects.create(owner=user, full_name="Bench Persona")

    started, cpu_started = time.perf_counter(), time.process_time()
    prepared = [prepare(posting) for posting in inputs]
    prep_seconds, prep_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    sample = [dataclasses.replace(p, skills=None) for p in inputs[:300]]
    t = time.perf_counter()
    for posting in sample:
        prepare(posting)
    skills_ms = ((time.perf_counter() - t) - prep_seconds * len(sample) / len(inputs)) / len(sample) * 1000

    decisions: Counter = Counter()
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    started, cpu_started, server_started = time.perf_counter(), time.process_time(), backend_cpu_seconds()
    for start in range(0, len(prepared), args.batch):
        for result in ingest_prepared(prepared[start : start + args.batch], persona=persona, method="scouter"):
            decisions[str(result.decision)] += 1
    db_seconds, db_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    server_cpu = None if server_started is None else backend_cpu_seconds() - server_started
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    counts = (JobPosting.objects.count(), MinHashBand.objects.count(), JobSighting.objects.count(),
              PersonaJob.unscoped.filter(persona=persona).count())

    end_to_end = inputs[: min(len(inputs), 5_000)]
    sharded = sharded_e2e = None
    if args.workers > 1:
        # 2b. the same database stage over N processes, the stream sharded by company (decisions must not change)
        empty_pool()
        user = User.objects.create(email="bench-bulk3@example.com")
        persona = Persona.objects.create(owner=user, full_name="Bench Persona")
        sharded = run_sharded("database", shard_by_company(prepared, args.workers), persona, args.batch)
        sharded_counts = (JobPosting.objects.count(), MinHashBand.objects.count(), JobSighting.objects.count(),
                          PersonaJob.unscoped.filter(persona=persona).count())
        # 3b. end to end over N processes: each shards by canonical company, then prepares and ingests its part
        empty_pool()
        user = User.objects.create(email="bench-bulk4@example.com")
        persona = Persona.objects.create(owner=user, full_name="Bench Persona")
        by_company: list[list] = [[] for _ in range(args.workers)]
        shard_started = time.perf_counter()
        for posting in inputs:
            by_company[company_key(canonical_company(posting.company_name)[:200]) % args.workers].append(posting)
        shard_seconds = time.perf_counter() - shard_started
        sharded_e2e = run_sharded("end_to_end", by_company, persona, args.batch)
        sharded_e2e = (sharded_e2e[0] + shard_seconds, *sharded_e2e[1:])

    empty_pool()
    user = User.objects.create(email="bench-bulk2@example.com")
    persona = Persona.objects.create(owner=user, full_name="Bench Persona")
    started, cpu_started = time.perf_counter(), time.process_time()
    ingest_many(end_to_end, persona=persona, batch_size=args.batch)
    e2e_seconds, e2e_cpu = time.perf_counter() - started, time.process_time() - cpu_started

    print(f"stream: {len(inputs):,} postings; decisions {dict(decisions)}")
    print(f"stored: {counts[0]:,} postings, {counts[1]:,} band rows, {counts[2]:,} sightings, {counts[3]:,} links")
    print(f"1. prepare:          {len(inputs) / prep_seconds:8,.0f} postings/s per core "
          f"({prep_seconds / len(inputs) * 1000:.2f} ms each; skills extraction adds {skills_ms:.2f} ms)"
          f"; CPU {prep_cpu / len(inputs) * 1000:.3f} ms/posting")
    print(f"2. database stage:   {len(inputs) / db_seconds:8,.0f} postings/s (batches of {args.batch:,}, links included)"
          f"; this process's CPU {db_cpu / len(inputs) * 1000:.3f} ms/posting = {len(inputs) / max(db_cpu, 1e-9):,.0f}/s per core")
    if server_cpu is not None:
        both = db_cpu + server_cpu
        print(f"   PostgreSQL backend CPU {server_cpu / len(inputs) * 1000:.3f} ms/posting; client + server "
              f"{both / len(inputs) * 1000:.3f} ms/posting = {len(inputs) / max(both, 1e-9):,.0f}/s of CPU")
    if sharded is not None:
        wall, shard_decisions, client, server = sharded
        same = "same decisions as one process" if shard_decisions == decisions else f"DECISIONS DIFFER: {dict(shard_decisions)}"
        print(f"2b. database stage in {args.workers} processes (sharded by company): {len(inputs) / wall:8,.0f} postings/s"
              f"; {same}; stored {sharded_counts[0]:,} postings, {sharded_counts[1]:,} band rows, "
              f"{sharded_counts[2]:,} sightings, {sharded_counts[3]:,} links")
        line = f"   CPU per posting: the processes {client / len(inputs) * 1000:.3f} ms"
        if server is not None:
            line += f", their PostgreSQL backends {server / len(inputs) * 1000:.3f} ms"
        print(line)
    print(f"3. end to end:       {len(end_to_end) / e2e_seconds:8,.0f} postings/s in one process ({len(end_to_end):,} postings)"
          f"; CPU {e2e_cpu / len(end_to_end) * 1000:.3f} ms/posting")
    if sharded_e2e is not None:
        wall, _, client, server = sharded_e2e
        line = (f"3b. end to end in {args.workers} processes (prepare + database, {len(inputs):,} postings): "
                f"{len(inputs) / wall:8,.0f} postings/s; CPU per posting: the processes {client / len(inputs) * 1000:.3f} ms")
        if server is not None:
            line += f", their backends {server / len(inputs) * 1000:.3f} ms"
        print(line)
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
