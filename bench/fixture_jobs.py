"""Realistic scoring inputs for benchmarks: real recorded postings and generated personas.

Postings come from the recorded job-board payloads (shared/fixtures/job_sources, or
BENCH_JOB_SOURCES) parsed by the scouter's own adapters. Skills are found with the
committed skills taxonomy (names and any-case aliases, whole words); a skill is
"preferred" when it first appears after a nice-to-have cue, else required, and a
"N+ years" mention right before it sets its years. Personas are drawn from role
archetypes with a fixed seed, so every run scores the same pairs.
"""

from __future__ import annotations

import csv
import os
import random
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jobpool.scoring import (  # noqa: E402
    CustomDealbreaker,
    JobFacts,
    JobLocation,
    JobSkillFact,
    PersonaProfile,
    PersonaSkill,
)
from jobpool.scoring.text import tokens  # noqa: E402

JOB_SOURCES = Path(os.environ.get("BENCH_JOB_SOURCES", "/work/shared/fixtures/job_sources"))
TAXONOMY = ROOT / "skills" / "data" / "taxonomy.csv"
NOW = datetime(2026, 8, 1, tzinfo=UTC)
_PREFERRED_CUE = re.compile(r"nice to have|nice-to-have|preferred|bonus|a plus|desirable|good to have")
MAX_PHRASE_TOKENS = 4
_YEARS_BEFORE = re.compile(r"(\d{1,2})\+?\s*(?:years?|yrs)")


def load_vocabulary() -> dict[str, tuple[str, str]]:
    """Lower-case phrase → (canonical name, kind) from the skills taxonomy."""
    vocabulary: dict[str, tuple[str, str]] = {}
    with TAXONOMY.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            forms = [row["name"]] if row["name_match"] == "any" else []
            forms += [a for a in (row["aliases"] or "").split(";") if a.strip()]
            for form in forms:
                key = " ".join(tokens(form))
                if key and key.count(" ") < MAX_PHRASE_TOKENS:
                    vocabulary.setdefault(key, (row["name"], row["kind"]))
    return vocabulary


def extract_skills(text: str, vocabulary) -> tuple[list[JobSkillFact], list[JobSkillFact]]:
    words = tokens(text)
    cue_at = None
    match = _PREFERRED_CUE.search(" ".join(words))
    if match:
        cue_at = len(" ".join(words)[: match.start()].split())
    found: dict[str, tuple[int, str, float | None]] = {}
    for start in range(len(words)):
        for size in range(MAX_PHRASE_TOKENS, 0, -1):
            hit = vocabulary.get(" ".join(words[start : start + size]))
            if hit and hit[0] not in found:
                before = " ".join(words[max(0, start - 6) : start])
                years = _YEARS_BEFORE.search(before)
                found[hit[0]] = (start, hit[1], float(years.group(1)) if years else None)
                break
    required, preferred = [], []
    for name, (position, kind, years) in sorted(found.items(), key=lambda item: item[1][0]):
        fact = JobSkillFact(name, kind, years)
        (preferred if cue_at is not None and position > cue_at else required).append(fact)
    return required[:12], preferred[:8]


def load_postings():
    """Every recorded posting, parsed by the scouter adapter of its source."""
    from scouter.sources.registry import LIVE_SOURCES, get_source

    per_file = []
    for folder in sorted(p for p in JOB_SOURCES.iterdir() if p.is_dir()):
        if folder.name not in LIVE_SOURCES:
            continue
        source = get_source(folder.name)
        for path in sorted(folder.iterdir()):
            page = source.parse_page(source.decode(path.read_bytes()))
            per_file.append([(folder.name, path.name, posting) for posting in page.postings])
    # Interleave the files so any prefix mixes every board.
    postings = []
    for rank in range(max(len(rows) for rows in per_file)):
        postings.extend(rows[rank] for rows in per_file if rank < len(rows))
    return postings


def to_job_facts(posting, vocabulary) -> JobFacts:
    text = posting.description_text or ""
    required, preferred = extract_skills(f"{posting.requirements}\n{text}", vocabulary)
    loc = posting.location
    return JobFacts(
        title=posting.title,
        company_name=posting.company_name,
        location=JobLocation(
            city=getattr(loc, "city", "") or "",
            region=getattr(loc, "region", "") or "",
            country=getattr(loc, "country", "") or "",
            raw=posting.location_raw or "",
        ),
        work_model=posting.work_model,
        seniority=posting.seniority,
        employment_type=posting.employment_type,
        salary_min=float(posting.salary_min) if posting.salary_min is not None else None,
        salary_max=float(posting.salary_max) if posting.salary_max is not None else None,
        salary_currency=posting.salary_currency or None,
        salary_period=posting.salary_period or "year",
        years_min=posting.years_min,
        years_max=posting.years_max,
        description_text=text,
        culture_text=posting.culture_text,
        required_skills=tuple(required),
        preferred_skills=tuple(preferred),
        posted_at=posting.posted_at,
    )


ARCHETYPES = {
    "Backend Engineer": [
        "Python",
        "Django",
        "PostgreSQL",
        "Docker",
        "Amazon Web Services",
        "Redis",
        "Go",
        "Kubernetes",
    ],
    "Frontend Engineer": ["JavaScript", "TypeScript", "React", "CSS", "HTML", "Next.js", "GraphQL", "Figma"],
    "Data Analyst": ["SQL", "Microsoft Excel", "Tableau", "Python", "Power BI", "Statistics", "Looker"],
    "Data Scientist": ["Python", "Machine Learning", "SQL", "PyTorch", "Statistics", "pandas", "Spark"],
    "DevOps Engineer": ["Kubernetes", "Terraform", "Amazon Web Services", "Docker", "Linux", "Ansible", "CI/CD"],
    "Product Manager": ["Product Management", "Agile", "Jira", "SQL", "Roadmapping", "User Research"],
    "Product Designer": ["Figma", "User Research", "Prototyping", "UX Design", "Design Systems"],
    "Account Executive": ["Salesforce", "B2B Sales", "Negotiation", "HubSpot", "Lead Generation"],
    "Marketing Manager": ["SEO", "Content Marketing", "Google Analytics", "HubSpot", "Copywriting"],
    "Customer Success Manager": ["Salesforce", "Zendesk", "Customer Success", "Onboarding", "Account Management"],
    "Recruiter": ["Recruiting", "Sourcing", "Applicant Tracking Systems", "LinkedIn Recruiter", "Interviewing"],
    "Accountant": ["Accounting", "Microsoft Excel", "Financial Reporting", "GAAP", "QuickBooks", "SAP"],
}
SOFT = ["Communication", "Leadership", "Teamwork", "Problem Solving", "Mentoring", "Stakeholder Management"]
TARGETS = {
    "Backend Engineer": ("Staff Engineer", "Engineering Manager"),
    "Frontend Engineer": ("Senior Frontend Engineer", "Design Engineer"),
    "Data Analyst": ("Data Scientist", "Analytics Manager"),
    "Data Scientist": ("Machine Learning Engineer", "Lead Data Scientist"),
    "DevOps Engineer": ("Site Reliability Engineer", "Platform Engineer"),
    "Product Manager": ("Senior Product Manager", "Head of Product"),
    "Product Designer": ("Senior Product Designer", "Design Lead"),
    "Account Executive": ("Sales Manager", "Enterprise Account Executive"),
    "Marketing Manager": ("Head of Marketing", "Growth Marketing Manager"),
    "Customer Success Manager": ("Head of Customer Success", "Account Manager"),
    "Recruiter": ("Talent Acquisition Lead", "HR Business Partner"),
    "Accountant": ("Financial Analyst", "Finance Manager"),
}
CITIES = ["Austin", "London", "New York", "Bangalore", "Berlin", "Toronto", "San Francisco", "Remote"]


def make_personas(count: int, seed: int = 7) -> list[PersonaProfile]:
    rng = random.Random(seed)
    personas = []
    roles = list(ARCHETYPES)
    for index in range(count):
        role = roles[index % len(roles)]
        pool = ARCHETYPES[role]
        chosen = rng.sample(pool, k=rng.randint(3, len(pool)))
        persona_skills = [
            PersonaSkill(
                name, "hard", rng.choice(["familiar", "proficient", "expert"]), years_used=rng.choice([None, 2, 5])
            )
            for name in chosen
        ]
        persona_skills += [PersonaSkill(name, "soft", "proficient") for name in rng.sample(SOFT, k=2)]
        seniority = rng.choice(["", "", "Senior ", "Junior ", "Lead "])
        dealbreakers = []
        if rng.random() < 0.2:
            dealbreakers.append(CustomDealbreaker("exclude", "title", rng.choice(["intern", "sales", "contract"])))
        personas.append(
            PersonaProfile(
                skills=tuple(persona_skills),
                years_experience=float(rng.randint(0, 15)),
                current_role=f"{seniority}{role}",
                target_roles=TARGETS[role],
                target_skills=tuple(rng.sample(pool, k=2)),
                remote_preference=rng.choice(["remote_only", "hybrid_ok", "onsite_ok", "no_preference"]),
                minimum_base_salary=rng.choice([None, 40_000, 80_000, 120_000]),
                salary_currency="USD",
                commutable_cities=tuple(rng.sample(CITIES, k=rng.randint(0, 2))),
                visa_sponsorship_required=rng.random() < 0.15,
                industry_exclusions=("Gambling",) if rng.random() < 0.1 else (),
                stretch_appetite=rng.choice(["low", "medium", "high"]),
                custom_dealbreakers=tuple(dealbreakers),
            )
        )
    return personas


def make_jobs(count: int) -> list[JobFacts]:
    vocabulary = load_vocabulary()
    postings = load_postings()
    return [to_job_facts(posting, vocabulary) for _, _, posting in postings[:count]]
