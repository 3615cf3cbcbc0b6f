"""Full scoring throughput: persona–job pairs scored per second (issue 5, section 7; target ≥ 2,000/s).

Builds 200 personas × 500 real recorded postings (bench/fixture_jobs.py), prepares each once,
then scores every pair with `jobpool.scoring.score` (dealbreakers, fit, stretch and the
components' inputs). Also times the same pairs with the stored JSON (`as_dict()`, which
builds the explanation sentences) on a sample, and raw unprepared calls on a sample.

    .venv/bin/python bench/scoring_throughput.py [--personas 200] [--jobs 500]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import time

from fixture_jobs import NOW, make_jobs, make_personas

from jobpool.scoring import prepare_job, prepare_persona, score


def timed(label: str, pairs: int, run) -> tuple[float, float]:
    """Pairs per wall-clock second and per CPU second (the machine is shared, so both are printed)."""
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    run()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    rate, cpu_rate = pairs / elapsed, pairs / cpu
    print(
        f"{label:<44} {pairs:>8,} pairs  wall {elapsed:6.2f} s = {rate:>8,.0f}/s   "
        f"cpu {cpu:6.2f} s = {cpu_rate:>8,.0f}/s"
    )
    return rate, cpu_rate


def with_title_vectors(personas, jobs):
    """The inputs with real all-MiniLM-L6-v2 vectors of their titles and target roles, as production stores them."""
    from dataclasses import replace

    from jobpool.embeddings.minilm import MiniLMProvider

    model = MiniLMProvider()
    persona_texts = [(p.current_role, ", ".join(p.target_roles)) for p in personas]
    texts = sorted({t for pair in persona_texts for t in pair if t} | {j.title for j in jobs if j.title})
    start = time.process_time()
    by_text = dict(zip(texts, model.embed(texts, batch_size=64), strict=True))
    print(f"title vectors: {len(texts)} distinct texts embedded in {time.process_time() - start:.1f} CPU s (not timed below)")
    personas = [
        replace(p, title_embedding=by_text.get(title), target_roles_embedding=by_text.get(targets))
        for p, (title, targets) in zip(personas, persona_texts, strict=True)
    ]
    jobs = [replace(j, title_embedding=by_text.get(j.title)) for j in jobs]
    return personas, jobs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--personas", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--sample", type=int, default=10_000, help="pairs for the as_dict and unprepared runs")
    parser.add_argument(
        "--no-vectors", dest="vectors", action="store_false",
        help="score without title vectors (the lexical title rules; default: real MiniLM title vectors)",
    )
    args = parser.parse_args()

    start = time.perf_counter()
    personas = make_personas(args.personas)
    jobs = make_jobs(args.jobs)
    print(
        f"inputs: {len(personas)} personas × {len(jobs)} real postings, loaded in {time.perf_counter() - start:.1f} s"
    )
    skills_per_job = [len(j.required_skills) + len(j.preferred_skills) for j in jobs]
    print(f"skills per posting: median {statistics.median(skills_per_job):.0f}, max {max(skills_per_job)}")

    if args.vectors:
        personas, jobs = with_title_vectors(personas, jobs)

    start = time.perf_counter()
    prepared_personas = [prepare_persona(p) for p in personas]
    prepared_jobs = [prepare_job(j, now=NOW) for j in jobs]
    print(
        f"prepare: {time.perf_counter() - start:.2f} s for {len(personas) + len(jobs)} inputs (once per persona / job)"
    )

    total = len(personas) * len(jobs)
    summary = {"passed": 0, "fit": []}

    def full_grid() -> None:
        for persona in prepared_personas:
            for job in prepared_jobs:
                result = score(persona, job)
                if result.passed_dealbreakers:
                    summary["passed"] += 1
                summary["fit"].append(result.fit_score)

    rate, cpu_rate = timed("score(), prepared inputs, every pair", total, full_grid)

    sample = [(p, j) for p in prepared_personas for j in prepared_jobs][: args.sample]
    timed("score() + as_dict() (explanation, JSON)", len(sample), lambda: [score(p, j).as_dict() for p, j in sample])
    raw_sample = [(p, j) for p in personas[:20] for j in jobs[:100]][: min(args.sample, 2_000)]
    timed(
        "score() on raw inputs (prepared per call)",
        len(raw_sample),
        lambda: [score(p, j, now=NOW) for p, j in raw_sample],
    )

    # The same grid through the array form the surfacing pass uses (scoring.batch), checked pair by pair.
    import numpy as np

    from jobpool.scoring.batch import JobColumns, PersonaColumns, score_pairs

    columns = PersonaColumns.build(prepared_personas)
    job_columns = JobColumns(prepared_jobs, columns)
    rows_p, rows_j = (a.ravel() for a in np.meshgrid(np.arange(len(personas)), np.arange(len(jobs))))
    batch: dict = {}
    batch_rate, batch_cpu_rate = timed(
        "scoring.batch.score_pairs, every pair", total, lambda: batch.update(r=score_pairs(columns, job_columns, rows_p, rows_j))
    )
    expected = {(p, j): f for (p, j), f in zip(((p, j) for p in range(len(personas)) for j in range(len(jobs))), summary["fit"], strict=True)}
    mismatches = sum(int(batch["r"].fit[k]) != expected[(rows_p[k], rows_j[k])] for k in range(total))
    print(f"  array form: {mismatches} fit mismatches with score() over {total:,} pairs; "
          f"{batch['r'].scalar:,} pairs handed to score() (custom rules, lexical titles, rounding edges)")

    fits = summary["fit"]
    print(
        f"pairs passing dealbreakers: {summary['passed']:,} of {total:,}; "
        f"fit median {statistics.median(fits):.0f}, p90 {sorted(fits)[int(len(fits) * 0.9)]}"
    )
    print(
        f"RESULT full scoring throughput: {rate:,.0f} pairs/s wall-clock, {cpu_rate:,.0f} pairs per CPU-second "
        f"on one core (target ≥ 2,000; load average {os.getloadavg()[0]:.1f} while measuring); "
        f"array form {batch_rate:,.0f} pairs/s wall, {batch_cpu_rate:,.0f} per CPU-second"
    )


if __name__ == "__main__":
    main()
