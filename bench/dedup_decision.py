"""Dedup decision latency for one incoming posting against a large pool, and the reference's method.

    DATABASE_URL=postgres://app:app@127.0.0.1:55500/app_pool_bench .venv/bin/python bench/dedup_decision.py [--pool 100000]

Fills the bench database with --pool synthetic postings (bench/dedup_synthetic.py),
then times jobpool.dedup.find_match (source id, content hash, URL, LSH band
lookup plus exact verification: the whole decision, no writes) for --incoming
postings: a quarter re-sightings of the same board id, a quarter the same text
from another board, a quarter agency copies (near-duplicates), a quarter new
jobs at existing companies. Preparation (cleaning, keys) is timed separately.

In the same run the reference's method is timed on the same inputs: its exact
lookups, then up to 100 active postings of the same company, title filter,
and difflib.SequenceMatcher ratio on whitespace-collapsed descriptions
(first > 0.85 wins, else best > 0.70). Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import difflib
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedup_common import percentile, setup_bench_database  # noqa: E402


def reference_decide(prepared, source_id: int):
    """The reference's deduplicate_and_save checks, read-only (reference §4.1), given an index on company."""
    from jobpool.models import JobPosting
    from jobpool.similarity import titles_similar

    data = prepared.input
    if data.external_id:
        hit = JobPosting.objects.filter(source_id=source_id, external_id=data.external_id).first()
        if hit:
            return "same_source_id"
    if JobPosting.objects.filter(content_hash=prepared.content_hash).first():
        return "same_content"
    incoming = " ".join(prepared.description_text.split())[:50_000]
    best = 0.0
    for title, text in (
        JobPosting.objects.filter(is_active=True, company_canonical=prepared.company_canonical)
        .values_list("title_canonical", "description_text")[:100]
    ):
        if not titles_similar(prepared.title_canonical, title):
            continue
        ratio = difflib.SequenceMatcher(None, incoming, " ".join(text.split())[:50_000]).ratio()
        if ratio > 0.85:
            return "repost"
        best = max(best, ratio)
    return "repost" if best > 0.70 else "created"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pool", type=int, default=100_000)
    parser.add_argument("--incoming", type=int, default=800)
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the find_match loop to FILE")
    parser.add_argument("--reference-budget", type=float, default=90.0, help="seconds to spend timing the reference")
    args = parser.parse_args()
    setup_bench_database()

    from dedup_synthetic import _build, copy_into_pool, load_corpus, make_postings

    from jobpool.dedup import find_match
    from jobpool.intake import PostingInput, prepare
    from jobpool.models import JobSource

    started = time.perf_counter()
    corpus = load_corpus()
    pool, names = make_postings(corpus, args.pool)
    sources = dict(JobSource.objects.values_list("key", "pk"))
    for start in range(0, len(pool), 20_000):
        copy_into_pool(pool[start : start + 20_000], sources)
    print(f"pool: {len(pool):,} postings, {len(pool) * 20:,} band rows, loaded in {time.perf_counter() - started:.0f} s")

    rng = random.Random(11)
    big = names[:50]
    incoming: list[tuple[str, PostingInput]] = []
    for n in range(args.incoming):
        base = rng.choice(pool)
        common = dict(title=base.title, company_name=base.company, location=base.location, skills=[])
        kind = ("resight", "same_content", "near_duplicate", "new")[n % 4]
        if kind == "resight":
            data = PostingInput(source=base.source, external_id=base.external_id, description_text=base.text, **common)
        elif kind == "same_content":
            data = PostingInput(source="rss", external_id=f"in-{n}", description_text=base.text, **common)
        elif kind == "near_duplicate":
            text = "Our client is hiring. Apply through our agency today.\n\n" + base.text + "\n\nWe are an equal opportunity agency."
            data = PostingInput(source="adzuna", external_id=f"in-{n}", description_text=text, **common)
        else:
            fresh = _build(corpus, rng.choice(big), f"About {n}", rng.sample(range(len(corpus.paragraphs)), 4), rng, n)
            data = PostingInput(source="lever", external_id=f"in-{n}", title=fresh.title, company_name=fresh.company,
                                location=fresh.location, description_text=fresh.text, skills=[])
        incoming.append((kind, data))

    prep_times, prepared = [], []
    for kind, data in incoming:
        t = time.perf_counter()
        prepared.append((kind, prepare(dataclasses.replace(data, skills=None))))
        prep_times.append((time.perf_counter() - t) * 1000)

    for _, p in prepared[:20]:
        find_match(p)  # warm caches and connections
    ours, ours_cpu, outcomes, by_kind, cpu_by_kind = [], [], Counter(), defaultdict(list), defaultdict(list)
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    for kind, p in prepared:
        t, c = time.perf_counter(), time.process_time()
        match = find_match(p)
        elapsed, cpu = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
        ours.append(elapsed)
        ours_cpu.append(cpu)
        by_kind[kind].append(elapsed)
        cpu_by_kind[kind].append(cpu)
        outcomes[(kind, match.decision)] += 1
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)

    # The reference looks postings up by company and by content hash (active or not): give it the indexes it
    # needs (the pool has neither since migration 0005: no query of ours needs them), dropped afterwards.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE INDEX IF NOT EXISTS bench_reference_company_idx ON jobpool_jobposting (company_canonical, title_canonical)")
        cursor.execute("CREATE INDEX IF NOT EXISTS bench_reference_hash_idx ON jobpool_jobposting (content_hash)")
        cursor.execute("ANALYZE jobpool_jobposting")
    theirs = []
    budget_end = time.perf_counter() + args.reference_budget
    for _kind, p in prepared:
        if time.perf_counter() > budget_end:
            break
        t = time.perf_counter()
        reference_decide(p, sources[p.input.source])
        theirs.append((time.perf_counter() - t) * 1000)

    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS bench_reference_company_idx, bench_reference_hash_idx")

    def line(name, values):
        return (f"{name:<34} n={len(values):>4}  p50 {percentile(values, 50):8.2f} ms  p95 {percentile(values, 95):8.2f} ms"
                f"  p99 {percentile(values, 99):8.2f} ms")

    print(line("prepare (clean, check, keys, skills)", prep_times))
    print(line("dedup decision (find_match)", ours))
    for kind, values in by_kind.items():
        print(line(f"  {kind}", values))
    print(line("  this process's CPU per decision", ours_cpu))
    for kind, values in cpu_by_kind.items():
        print(line(f"    CPU {kind}", values))
    print(line("reference (SequenceMatcher, ≤100)", theirs))
    print(f"reference / ours at p95: {percentile(theirs, 95) / max(percentile(ours, 95), 1e-9):.0f}x;"
          f" at p50: {percentile(theirs, 50) / max(percentile(ours, 50), 1e-9):.0f}x")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("decisions:", ", ".join(f"{k}->{d}: {c}" for (k, d), c in sorted(outcomes.items())))


if __name__ == "__main__":
    main()
