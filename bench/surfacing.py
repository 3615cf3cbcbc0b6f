"""Surfacing benchmark: N new pool postings against M onboarded personas, link writes included, on PostgreSQL.

    DATABASE_URL=postgres://app:app@127.0.0.1:55500/app_mat_bench OPENBLAS_NUM_THREADS=2 \\
        .venv/bin/python bench/surfacing.py [--jobs 10000] [--personas 10000] [--reference 1000]

Data (synthetic but realistic, fixed seed):
- postings: every recorded posting in shared/fixtures/job_sources, parsed by the scouter's adapters
  and prepared by the pool's intake (skills extracted by the taxonomy), repeated with varied
  titles (seniority prefixes, a few title rewrites) and companies until there are N;
- personas: M users, each with one persona from bench/fixture_jobs.py's role archetypes (skills,
  seniority, targets, remote preference, salary floor, commutable cities; thresholds 50-75);
- vectors: REAL all-MiniLM-L6-v2 title vectors (each distinct title embedded once; the embedding
  time is reported separately and is not part of the pass).

Timed: `jobpool.matching.surfacing.run_pass()` end to end (load personas, similarity, prescreen,
full score, bulk link writes, progress rows), as process CPU seconds and wall seconds. Then the
reference's per-pair loop (reference §4.3: substring prescreen on skill names, lightweight fit,
one savepoint insert per link) on a K × K sample, and the ratio per pair.

The bench database is created and dropped (or emptied) by bench/dedup_common.py.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dedup_common import backend_cpu_seconds, setup_bench_database  # noqa: E402

TITLE_PREFIXES = ["", "", "Senior ", "Lead ", "Junior ", "Staff ", "Principal "]
TITLE_SUFFIXES = ["", "", "", " (Remote)", " II", " - Contract"]


def build_postings(count: int, rng: random.Random):
    """(JobPosting, [JobSkill]) rows: the recorded postings prepared once, then varied."""
    from fixture_jobs import load_postings

    from jobpool import normalize
    from jobpool.dedup import get_sources
    from jobpool.intake import prepare
    from jobpool.models import JobPosting, JobSkill
    from scouter.pipeline import to_posting_input

    base = []
    for _, _, posting in load_postings():
        try:
            base.append(prepare(to_posting_input(posting)))
        except Exception:  # noqa: BLE001 - a recording the content check refuses is simply left out
            continue
    sources = get_sources({p.input.source for p in base if p.input.source in _known()})
    base = [p for p in base if p.input.source in sources]
    postings, skills = [], []
    for n in range(count):
        prepared = base[n % len(base)]
        spec = prepared.input
        title = f"{rng.choice(TITLE_PREFIXES)}{spec.title}{rng.choice(TITLE_SUFFIXES)}"[:300]
        company = spec.company_name if n < len(base) else f"{spec.company_name} {n // len(base)}"
        posting = JobPosting(
            id=uuid.uuid4(),
            source=sources[spec.source],
            external_id=f"bench-{n}",
            title=title,
            title_canonical=normalize.canonical_title(title),
            company_name=company[:200],
            company_canonical=normalize.canonical_company(company)[:200],
            location=spec.location[:300],
            location_canonical=prepared.location_canonical[:300],
            work_model=spec.work_model if spec.work_model in ("remote", "hybrid", "onsite") else "unknown",
            seniority=spec.seniority or "",
            salary_min=prepared.salary_min,
            salary_max=prepared.salary_max,
            salary_currency=(spec.salary_currency or "")[:3],
            salary_period=spec.salary_period or "",
            description=prepared.description,
            description_text=prepared.description_text,
            years_min=spec.years_min,
            years_max=spec.years_max if spec.years_min is None or (spec.years_max or 99) >= spec.years_min else None,
            posted_at=spec.posted_at,
            content_hash=f"{n:064x}",
        )
        postings.append(posting)
        skills.extend(
            JobSkill(posting=posting, name=s.name, kind=s.kind, is_required=s.is_required, years_requested=s.years_requested)
            for s in prepared.skills
        )
    return postings, skills


def _known():
    from jobpool.dedup import KNOWN_SOURCES

    return KNOWN_SOURCES


def build_personas(count: int, rng: random.Random):
    from django.utils import timezone
    from fixture_jobs import make_personas

    from accounts.models import User
    from personas.models import Persona, PersonaSkill

    users, personas, skills = [], [], []
    now = timezone.now()
    for n, profile in enumerate(make_personas(count)):
        user = User(id=uuid.uuid4(), email=f"bench-{n}@example.com", password="!")
        persona = Persona(
            id=uuid.uuid4(),
            owner=user,
            full_name=f"Bench Persona {n}",
            current_role=profile.current_role,
            years_experience=int(profile.years_experience or 0),
            target_roles=list(profile.target_roles),
            target_skills=list(profile.target_skills),
            commutable_cities=[c for c in profile.commutable_cities if c != "Remote"],
            remote_preference=profile.remote_preference,
            minimum_base_salary=profile.minimum_base_salary,
            visa_sponsorship_required=profile.visa_sponsorship_required,
            minimum_fit_threshold=rng.choice([50, 55, 60, 65, 70, 75]),
            onboarding_step="review",
            onboarding_completed_at=now,
        )
        users.append(user)
        personas.append(persona)
        for position, skill in enumerate(profile.skills):
            skills.append(
                PersonaSkill(
                    owner=user, persona=persona, name=skill.name, normalized_name=skill.name, skill_type=skill.kind,
                    proficiency=skill.proficiency, years_used=int(skill.years_used or 0), position=position,
                )
            )
    return users, personas, skills


def load_vectors(postings, personas) -> float:
    """Real MiniLM title vectors: each distinct text embedded once. Returns the embedding CPU seconds."""
    from django.db import connection

    from jobpool.embeddings import cache_key
    from jobpool.matching import vectors
    from jobpool.models import JobVector, PersonaVector

    model = vectors.provider()
    texts = {p.title for p in postings}
    persona_texts = {}
    for persona in personas:
        persona_texts[persona.pk] = vectors.persona_texts(persona)
        texts.update(persona_texts[persona.pk].values())
    ordered = sorted(texts)
    started = time.process_time()
    matrix = model.embed(ordered, batch_size=64)
    spent = time.process_time() - started
    by_text = dict(zip(ordered, matrix, strict=True))
    with connection.cursor() as cursor:  # loading into an HNSW-indexed table is slow: build the index after
        cursor.execute("DROP INDEX IF EXISTS jobpool_jobvector_hnsw")
    JobVector.objects.bulk_create(
        [
            JobVector(posting=p, kind="title", model_id=model.model_id, text_key=cache_key(model.model_id, p.title), vector=by_text[p.title])
            for p in postings
        ],
        batch_size=2_000,
    )
    PersonaVector.unscoped.bulk_create(
        [
            PersonaVector(
                owner_id=persona.owner_id, persona=persona, kind=kind, model_id=model.model_id,
                text_key=cache_key(model.model_id, text), vector=by_text[text],
            )
            for persona in personas
            for kind, text in persona_texts[persona.pk].items()
        ],
        batch_size=2_000,
    )
    from jobpool.embeddings.pgvector import hnsw_index_sql

    with connection.cursor() as cursor:
        cursor.execute(hnsw_index_sql("jobpool_jobvector", "vector", "jobpool_jobvector_hnsw"))
    return spent


# ------------------------------------------------------------------ the reference's loop (§4.3)
REF_WORK_MODEL = {
    "remote_only": {"remote": 100, "hybrid": 30, "onsite": 0},
    "hybrid_ok": {"remote": 90, "hybrid": 100, "onsite": 40},
    "onsite_ok": {"remote": 80, "hybrid": 90, "onsite": 100},
}


def reference_pass(postings, personas, persona_skills) -> tuple[float, float, int]:
    """The reference's per-pair loop, links written one savepoint each (rolled back). Returns CPU s, wall s, links."""
    from django.db import transaction
    from django.utils import timezone

    from jobpool.models import PersonaJob

    links = 0
    with transaction.atomic():
        # The sample starts unlinked, as the reference's pass would see it (all rolled back at the end).
        PersonaJob.unscoped.filter(posting__in=postings).delete()
        cpu, wall = time.process_time(), time.perf_counter()
        for posting in postings:
            text = f"{posting.title}\n{posting.description_text}".lower()
            for persona in personas:
                names = persona_skills[persona.pk]
                if not any(name.lower() in text for name in names):
                    continue
                hard = [n for n in names if n.lower() in text]
                share = len(hard) / len(names)
                hard_score = 100.0 if share >= 0.3 else share / 0.3 * 100
                years = persona.years_experience
                if posting.years_min is None or years is None:
                    experience = 70.0
                elif years < posting.years_min:
                    experience = max(0.0, 100 - 20 * (posting.years_min - years))
                elif posting.years_max is not None and years > posting.years_max:
                    experience = max(0.0, 100 - 5 * (years - posting.years_max))
                else:
                    experience = 100.0
                table = REF_WORK_MODEL.get(persona.remote_preference)
                work = 100.0 if table is None else (table.get(posting.work_model, 70.0))
                fit = round(0.40 * hard_score + 0.15 * 70 + 0.25 * experience + 0.10 * 70 + 0.10 * work)
                if fit >= persona.minimum_fit_threshold:
                    with transaction.atomic():
                        PersonaJob.unscoped.create(
                            owner_id=persona.owner_id, persona=persona, posting=posting, discovery_method="pool",
                            fit_score=fit, scored_at=timezone.now(),
                        )
                    links += 1
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        transaction.set_rollback(True)
    return cpu, wall, links


def reuse_bench_database() -> bool:
    """With --keep: configure Django on the bench database; True when it already holds bench personas."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres") or "bench" not in url.rsplit("/", 1)[-1]:
        raise SystemExit("set DATABASE_URL to a PostgreSQL database whose name contains 'bench', e.g. .../app_mat_bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zentropy.settings")
    os.environ.setdefault("DATA_DIR", "/tmp/zentropy_bench")
    import django
    import psycopg

    try:
        django.setup()
        from personas.models import Persona

        return Persona.unscoped.filter(full_name__startswith="Bench Persona").exists()
    except (psycopg.OperationalError, django.db.utils.OperationalError, django.db.utils.ProgrammingError):
        return False


def existing_data():
    """The kept bench data, with every surfacing result of an earlier run removed."""
    from jobpool.models import JobPosting, PersonaJob, SurfacedPosting, SurfacingState
    from personas.models import Persona, PersonaSkill

    PersonaJob.unscoped.all().delete()
    SurfacedPosting.objects.all().delete()
    SurfacingState.objects.all().delete()
    postings = list(JobPosting.objects.order_by("external_id"))
    personas = list(Persona.unscoped.filter(full_name__startswith="Bench Persona").order_by("full_name"))
    persona_skills = list(PersonaSkill.unscoped.filter(persona__in=personas))
    print(f"reusing the kept bench data: {len(postings):,} postings, {len(personas):,} personas")
    return postings, personas, persona_skills


def build_data(args):
    from django.db import connection

    from accounts.models import User
    from jobpool.models import JobPosting, JobSkill
    from personas.models import Persona, PersonaSkill

    rng = random.Random(11)
    t0 = time.perf_counter()
    postings, job_skills = build_postings(args.jobs, rng)
    users, personas, persona_skills = build_personas(args.personas, rng)
    User.objects.bulk_create(users, batch_size=2_000)
    Persona.unscoped.bulk_create(personas, batch_size=2_000)
    PersonaSkill.unscoped.bulk_create(persona_skills, batch_size=5_000)
    JobPosting.objects.bulk_create(postings, batch_size=1_000)
    JobSkill.objects.bulk_create(job_skills, batch_size=5_000)
    embed_cpu = load_vectors(postings, personas)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"setup: {len(postings)} postings ({len(job_skills)} skills), {len(personas)} personas "
          f"({len(persona_skills)} skills) in {time.perf_counter() - t0:.1f} s; "
          f"real MiniLM title vectors: {embed_cpu:.1f} CPU s to embed the distinct texts (not part of the pass)")
    return postings, personas, persona_skills


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=10_000)
    parser.add_argument("--personas", type=int, default=10_000)
    parser.add_argument("--reference", type=int, default=1_000, help="jobs and personas in the reference sample")
    parser.add_argument("--profile", action="store_true", help="print the pass's cProfile top 30 (slows it down)")
    parser.add_argument(
        "--processes", type=int, default=1,
        help="split the pass's chunks over this many worker processes, as Celery workers would (default 1)",
    )
    parser.add_argument("--warm", action="store_true", help="then time a second pass with the persona arrays kept")
    parser.add_argument(
        "--keep", action="store_true",
        help="keep the bench data afterwards and reuse it when present (only the pass's links are redone)",
    )
    args = parser.parse_args()
    if args.keep and reuse_bench_database():
        data = existing_data()
    else:
        setup_bench_database()
        data = build_data(args)
    run_measurements(args, *data)
    if args.keep:
        # Leave without the clean-up setup_bench_database registered (it would empty the bench data).
        from django.db import connections

        connections.close_all()
        sys.stdout.flush()
        os._exit(0)


def run_in_processes(count: int):
    """The pass as `count` Celery workers would run it: each process loads the personas once and takes
    every count-th chunk. Returns the summed PassResult and the CPU seconds of all processes."""
    import multiprocessing
    import resource

    from django.db import connections

    from jobpool.matching import surfacing

    surfacing.start_pass()
    chunks = surfacing.chunks()
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(count) as pool:
        parts = pool.map(_worker, [chunks[k::count] for k in range(count)])
    surfacing.finish_pass()
    result = surfacing.PassResult()
    for part in parts:
        result.add(part)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, children.ru_utime + children.ru_stime + time.process_time()


def _worker(chunk_ids):
    from django.db import connections

    from jobpool.matching import surfacing
    from jobpool.matching.candidates import PersonaIndex

    connections.close_all()
    result = surfacing.PassResult()
    started = time.process_time()
    index = PersonaIndex.load()
    result.seconds["persona_index"] = time.process_time() - started
    for ids in chunk_ids:
        result.add(surfacing.surface_postings(ids, index=index))
    connections.close_all()
    return result


def run_measurements(args, postings, personas, persona_skills) -> None:
    from jobpool.matching import surfacing
    from jobpool.models import PersonaJob, SurfacedPosting

    rng = random.Random(12)
    print("surfacing...", flush=True)
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    backend = backend_cpu_seconds() if args.processes == 1 else None
    cpu, wall = time.process_time(), time.perf_counter()
    if args.processes > 1:
        result, cpu = run_in_processes(args.processes)
    else:
        result = surfacing.run_pass()
        cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    linked = PersonaJob.unscoped.count()
    who = f"{args.processes} processes" if args.processes > 1 else "this process"
    print(f"surfacing {len(postings):,} new postings x {len(personas):,} personas: "
          f"{cpu:.2f} s CPU ({who}), {wall:.2f} s wall; {result.chunks} chunks, "
          f"{result.candidates:,} pairs fully scored, {result.links:,} links written ({linked:,} in the table), "
          f"{SurfacedPosting.objects.count():,} postings marked surfaced")
    pairs = len(postings) * len(personas)
    print(f"  = {pairs / wall / 1e6:.1f} M pairs/s wall; links per posting: {result.links / max(1, len(postings)):.1f}")
    stages = ", ".join(f"{stage} {spent:.2f}" for stage, spent in result.seconds.items())
    print(f"  CPU seconds by stage: {stages}")
    if backend is not None and (after := backend_cpu_seconds()) is not None:
        print(f"  PostgreSQL backend CPU for the pass: {after - backend:.2f} s (queries, COPY, index and foreign-key upkeep)")
    if args.warm and args.processes == 1:
        # What a beat pass in a long-lived worker costs: the same postings again (their links and surfaced
        # marks removed), with the persona arrays still in memory because no persona changed.
        from jobpool.models import SurfacingState

        PersonaJob.unscoped.all().delete()
        SurfacedPosting.objects.all().delete()
        SurfacingState.objects.all().delete()
        backend = backend_cpu_seconds()
        cpu, wall = time.process_time(), time.perf_counter()
        again = surfacing.run_pass()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        server = (backend_cpu_seconds() or 0.0) - (backend or 0.0)
        stages = ", ".join(f"{stage} {spent:.2f}" for stage, spent in again.seconds.items())
        print(f"warm worker (persona arrays kept): {cpu:.2f} s CPU (this process) + {server:.2f} s PostgreSQL, "
              f"{wall:.2f} s wall; {again.links:,} links; by stage: {stages}")
    if not args.reference:
        return
    k = min(args.reference, len(postings), len(personas))
    sample_postings = postings[:k]
    sample_personas = rng.sample(personas, k)
    names: dict = {}
    for skill in persona_skills:
        if skill.skill_type == "hard":
            names.setdefault(skill.persona_id, []).append(skill.name)
    for persona in sample_personas:
        names.setdefault(persona.pk, [])
    sample_personas = [p for p in sample_personas if names[p.pk]]
    ref_cpu, ref_wall, ref_links = reference_pass(sample_postings, sample_personas, names)
    ref_pairs = len(sample_postings) * len(sample_personas)
    per_pair_ref = ref_wall / ref_pairs
    per_pair_ours = wall / pairs
    print(f"reference per-pair loop on {len(sample_postings):,} x {len(sample_personas):,}: {ref_cpu:.2f} s CPU, "
          f"{ref_wall:.2f} s wall, {ref_links:,} links (rolled back); {per_pair_ref * 1e6:.2f} µs per pair")
    print(f"ratio (wall per pair, reference / ours): {per_pair_ref / per_pair_ours:,.0f}x; "
          f"the reference would take about {per_pair_ref * pairs:,.0f} s for {len(postings):,} x {len(personas):,}")


if __name__ == "__main__":
    main()
