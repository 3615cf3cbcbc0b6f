"""Skills extraction: precision/recall on the labelled postings, taxonomy size, and speed.

    .venv/bin/python bench/skills_quality.py [--details] [--repeats 3]

Quality: every posting in bench/data/skills_labels/ (real postings from the
recorded job-board payloads, labelled by hand) goes through
skills.extract.extract_skills; precision and recall are micro-averaged over
(posting, skill) pairs, and the required/preferred accuracy is measured over
the skills both the labels and the extractor found. --details prints each
posting's misses, extras and required/preferred disagreements.

Speed: every recorded posting in shared/fixtures/job_sources (or
BENCH_JOB_SOURCES), parsed by the scouter's adapters, is extracted from its
title and HTML description; the best of --repeats passes is reported (the
machine is shared, the best pass is the least disturbed). Figures, not
assertions: the floor test is skills/tests/test_quality.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from skills.extract import extract_skills  # noqa: E402
from skills.quality import QualityReport, evaluate, load_labelled_postings  # noqa: E402
from skills.taxonomy import load_taxonomy  # noqa: E402


def _print_taxonomy() -> None:
    taxonomy = load_taxonomy()
    kinds = Counter(e.kind for e in taxonomy.entries)
    guarded = sum(1 for e in taxonomy.entries if e.name_match == "guarded" or e.guarded)
    print(
        f"taxonomy: {len(taxonomy.entries)} canonical skills ({kinds['hard']} hard, {kinds['soft']} soft) "
        f"in {len({e.category for e in taxonomy.entries})} categories, {taxonomy.alias_count} aliases, "
        f"{guarded} entries with context-guarded spellings"
    )


def _print_quality(report: QualityReport, details: bool) -> None:
    postings = [r.posting for r in report.results]
    print(
        f"labelled set: {len(postings)} postings from {len({p.source for p in postings})} sources, "
        f"{sum(len(p.expected) for p in postings)} labelled skills"
    )
    print(
        f"precision {report.precision:.3f}   recall {report.recall:.3f}   F1 {report.f1:.3f}   "
        f"required/preferred accuracy {report.requiredness_accuracy:.3f}"
    )
    print(f"  true positives {report.true_positives}, false positives {report.false_positives}, "
          f"false negatives {report.false_negatives}")
    per_source: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for result in report.results:
        counts = per_source[result.posting.source]
        counts[0] += len(result.posting.expected) - len(result.missed)
        counts[1] += len(result.extra)
        counts[2] += len(result.missed)
    for source, (tp, fp, fn) in sorted(per_source.items()):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        print(f"  {source:<15} precision {precision:.2f}  recall {recall:.2f}")
    if details:
        for result in report.results:
            print(f"\n{result.posting.path.name}")
            print(f"  missed: {result.missed}")
            print(f"  extra:  {result.extra}")
            wrong = [(n, "required" if result.posting.expected[n] else "preferred") for n in result.wrong_requiredness]
            print(f"  labelled otherwise: {wrong}")


def _speed_inputs() -> tuple[str, list[tuple[str, str, str]]]:
    """(description of the set, [(title, text, html)]) for the speed run."""
    try:
        from fixture_jobs import load_postings

        postings = [p for _source, _file, p in load_postings()]
        rows = [(p.title or "", p.description_text or "", p.description_html or "") for p in postings]
        return "recorded postings in shared/fixtures/job_sources (scouter adapters)", rows
    except Exception as exc:  # noqa: BLE001 - the fixtures or the scouter may be missing; the labels suffice
        print(f"(fixture set unavailable: {exc}; timing the labelled postings instead)")
        labelled = load_labelled_postings()
        return "labelled postings", [(p.title, p.text or "", p.html or "") for p in labelled]


def _print_speed(repeats: int) -> None:
    label, rows = _speed_inputs()
    extract_skills("warm up the taxonomy index")
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        found = sum(len(extract_skills(text, html or None, title=title)) for title, text, html in rows)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    chars = sum(len(text) + len(html) for _t, text, html in rows)
    print(f"speed on {len(rows)} {label}, one process, best of {repeats}:")
    print(
        f"  {len(rows) / best_cpu:,.0f} postings/s of CPU time ({best_cpu * 1000 / len(rows):.2f} ms each, "
        f"{chars / best_cpu / 1e6:.1f} MB/s of text+HTML); {len(rows) / best_wall:,.0f} postings/s wall clock "
        f"on this shared machine; {found / len(rows):.1f} skills per posting"
    )
    start = time.perf_counter()
    load_taxonomy.cache_clear()
    from skills.matcher import default_matcher

    default_matcher.cache_clear()
    extract_skills("cold start")
    print(f"cold start (parse taxonomy, build index): {(time.perf_counter() - start) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--details", action="store_true", help="print each labelled posting's differences")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the fixture set (best is kept)")
    args = parser.parse_args()
    _print_taxonomy()
    _print_quality(evaluate(load_labelled_postings()), args.details)
    _print_speed(max(1, args.repeats))


if __name__ == "__main__":
    main()
