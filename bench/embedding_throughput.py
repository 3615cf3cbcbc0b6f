"""Embedding throughput of the default model (all-MiniLM-L6-v2 in numpy) on real job texts.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/embedding_throughput.py [--short 256] [--long 48] [--batch-sizes 16,32,64]

Texts are the recorded postings in shared/fixtures/job_sources (or
BENCH_JOB_SOURCES), parsed by the scouter's adapters: titles for short inputs,
title + description (cut by the model at 256 word pieces) for long ones.
Prints the cold load time, then texts/s (wall clock), word pieces/s and
texts per CPU-second per batch size, and the cost of a fully cached pass. Figures, not assertions.

BLAS threads matter: on a busy machine OpenBLAS threads spin-wait on each
other and a 2-thread run can be several times slower than a 1-thread run, so
compare OPENBLAS_NUM_THREADS=1 and unset (docs/embeddings.md, "Threads").
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _texts(short_count: int, long_count: int) -> tuple[list[str], list[str]]:
    from fixture_jobs import load_postings

    postings = [posting for _source, _file, posting in load_postings()]
    titles = list(dict.fromkeys(p.title for p in postings if p.title))[:short_count]
    bodies = [f"{p.title}\n{p.description_text}" for p in postings if len(p.description_text or "") > 1500]
    return titles, list(dict.fromkeys(bodies))[:long_count]


def _measure(provider, texts: list[str], batch_size: int, repeats: int) -> tuple[float, float]:
    """Best wall time and best CPU time of `repeats` runs.

    The machine is shared: wall time says what this process got, CPU time what
    the work costs (with one BLAS thread, CPU time is compute time).
    """
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        provider.embed(texts, batch_size=batch_size)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", type=int, default=256, help="titles to embed (default 256)")
    parser.add_argument("--long", type=int, default=48, help="descriptions to embed (default 48)")
    parser.add_argument("--batch-sizes", default="16,32,64")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    batch_sizes = [int(b) for b in args.batch_sizes.split(",")]

    start = time.perf_counter()
    from jobpool.embeddings.minilm import MiniLMProvider

    provider = MiniLMProvider()
    provider.load()
    load_seconds = time.perf_counter() - start

    titles, bodies = _texts(args.short, args.long)
    print(f"model      {provider.model_id} ({provider.dimensions} dims, numpy, no torch)")
    threads = os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS") or "unset (all cores)"
    load_avg = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine    {os.cpu_count()} CPUs visible, BLAS threads {threads}, load average {load_avg}")
    print(f"load       {load_seconds:.2f} s (import + tokenizer + safetensors weights, cold in this process)")
    provider.embed(titles[:8])  # first-call allocations out of the timings

    print()
    print(f"{'inputs':<28}{'batch':>6}{'texts/s':>10}{'tokens/s':>10}{'ms/text':>9}{'texts/cpu-s':>13}")
    for label, texts in (("short: job titles", titles), ("long: title + description", bodies)):
        tokens = sum(provider.token_counts(texts))
        for batch_size in batch_sizes:
            seconds, cpu = _measure(provider, texts, batch_size, args.repeats)
            print(
                f"{label:<28}{batch_size:>6}{len(texts) / seconds:>10.1f}{tokens / seconds:>10.0f}"
                f"{1000 * seconds / len(texts):>9.2f}{len(texts) / cpu:>13.1f}"
            )
        print(f"{'':<28}{len(texts)} texts, {tokens / len(texts):.1f} word pieces per text on average")

    from jobpool.embeddings.cache import InMemoryLRUCache, embed_cached

    cache = InMemoryLRUCache(max_entries=len(titles) + len(bodies))
    everything = titles + bodies
    embed_cached(provider, everything, cache=cache)
    start = time.perf_counter()
    embed_cached(provider, everything, cache=cache)
    cached = time.perf_counter() - start
    print()
    print(f"cached     {len(everything) / cached:,.0f} texts/s when every text is already cached (hash + lookup)")


if __name__ == "__main__":
    main()
