"""Bulk intake throughput into PostgreSQL, dedup and persona links included (goal >= 5,000 postings/s).

    DATABASE_URL=postgres://app:app@127.0.0.1:55500/app_pool_bench .venv/bin/python bench/dedup_bulk.py [--postings 20000]

A scouter-like stream built from real paragraphs, titles and locations
(bench/dedup_synthetic.py) with HTML descriptions: 70% new postings, 20%
re-sightings of a posting already sent (same board id), 10% the same text from
another board. Figures printed:

1. preparation (HTML cleaning, injection check, canonical forms, hash, MinHash
   keys; skills extraction measured separately) per core;
2. the database stage, jobpool.dedup.ingest_prepared in batches of 1,000: every
   lookup, decision, posting / band / sighting / skill insert and the persona
   link, committed;
3. end to end, jobpool.dedup.ingest_many in one process.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the database stage to FILE")
    args = parser.parse_args()
    setup_bench_database()

    from dedup_common import empty_pool
    from dedup_synthetic import load_corpus

    from accounts.models import User
    from jobpool.dedup import ingest_many, ingest_prepared
    from jobpool.intake import prepare
    from jobpool.models import JobPosting, JobSighting, MinHashBand, PersonaJob
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
            decisions[result.decision] += 1
    db_seconds, db_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    server_cpu = None if server_started is None else backend_cpu_seconds() - server_started
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    counts = (JobPosting.objects.count(), MinHashBand.objects.count(), JobSighting.objects.count(),
              PersonaJob.unscoped.filter(persona=persona).count())

    empty_pool()
    user = User.objects.create(email="bench-bulk2@example.com")
    persona = Persona.objects.create(owner=user, full_name="Bench Persona")
    end_to_end = inputs[: min(len(inputs), 5_000)]
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
    print(f"3. end to end:       {len(end_to_end) / e2e_seconds:8,.0f} postings/s in one process ({len(end_to_end):,} postings)"
          f"; CPU {e2e_cpu / len(end_to_end) * 1000:.3f} ms/posting")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
