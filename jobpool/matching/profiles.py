"""ORM rows → the scorer's plain inputs, in bulk, with a fixed number of queries.

`persona_profiles(personas)` builds a `scoring.PersonaProfile` for each persona (skills
normalised through the skills taxonomy, work-history titles, custom dealbreakers, stored
vectors); `job_facts(postings)` builds `scoring.JobFacts` from postings, their `JobSkill`
rows and stored vectors. Both cost the same number of queries for 1 row or 10,000.

These run in system context (the scouter run, the surfacing pass, rescoring): personas of
many owners are read together through the `unscoped` managers, always filtered by the
persona ids the caller already holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from django.db.models import QuerySet

from jobpool import scoring
from jobpool.matching import vectors
from jobpool.models import JobPosting, JobSkill
from personas.models import CustomDealbreaker, Persona, PersonaSkill, WorkHistory
from skills.normalize import canonical_or_cleaned


@lru_cache(maxsize=20_000)
def canonical_skill(name: str) -> str:
    """The taxonomy's canonical name for a persona's skill (as written when the taxonomy does not know it)."""
    return canonical_or_cleaned(name)


def persona_profiles(personas: Sequence[Persona], *, with_vectors: bool = True, scope: QuerySet | None = None) -> dict:
    """{persona id: PersonaProfile} for `personas` (4 queries, 5 with vectors).

    `scope`: a queryset selecting exactly these personas, filtered on as a subquery instead of an id
    list (binding 10,000 UUIDs into each of the five queries costs more than running them).
    """
    ids = [p.pk for p in personas]
    if not ids:
        return {}
    if scope is not None:
        ids = scope.values("pk")
    skills: dict = defaultdict(list)
    # Reason: system matching reads the parts of personas the caller already holds, across owners.
    rows = PersonaSkill.unscoped.filter(persona_id__in=ids).order_by("position", "created_at")
    for persona_id, normalized, name, kind, proficiency, years_used, last_used in rows.values_list(
        "persona_id", "normalized_name", "name", "skill_type", "proficiency", "years_used", "last_used"
    ):
        skills[persona_id].append(
            scoring.PersonaSkill(
                name=canonical_skill(normalized or name),
                kind=kind,
                proficiency=proficiency,
                years_used=years_used or None,
                last_used=last_used,
            )
        )
    titles: dict = defaultdict(list)
    roles = WorkHistory.unscoped.filter(persona_id__in=ids).order_by("-is_current", "-start_date", "position")
    for persona_id, title in roles.values_list("persona_id", "title"):
        titles[persona_id].append(title)
    rules: dict = defaultdict(list)
    for persona_id, mode, field, value in CustomDealbreaker.unscoped.filter(persona_id__in=ids).values_list(
        "persona_id", "mode", "job_field", "value"
    ):
        rules[persona_id].append(scoring.CustomDealbreaker(mode, field, value))
    stored = vectors.persona_vectors(ids) if with_vectors else {}
    return {
        p.pk: _profile(p, skills[p.pk], titles[p.pk], rules[p.pk], stored.get(p.pk, {}))
        for p in personas
    }


def persona_profile(persona: Persona, *, with_vectors: bool = True) -> scoring.PersonaProfile:
    return persona_profiles([persona], with_vectors=with_vectors)[persona.pk]


def _profile(persona: Persona, skills, titles, rules, stored: dict) -> scoring.PersonaProfile:
    return scoring.PersonaProfile(
        skills=tuple(skills),
        years_experience=persona.years_experience,
        current_role=persona.current_role,
        past_titles=tuple(titles),
        target_roles=tuple(persona.target_roles),
        target_skills=tuple(canonical_skill(name) for name in persona.target_skills),
        remote_preference=persona.remote_preference,
        minimum_base_salary=persona.minimum_base_salary,
        salary_currency=persona.salary_currency or None,
        commutable_cities=tuple(persona.commutable_cities),
        relocation_cities=tuple(persona.relocation_cities),
        home_city=persona.home_city,
        home_state=persona.home_state,
        home_country=persona.home_country,
        visa_sponsorship_required=persona.visa_sponsorship_required,
        industry_exclusions=tuple(persona.industry_exclusions),
        company_exclusions=tuple(persona.company_exclusions),
        stretch_appetite=persona.stretch_appetite,
        custom_dealbreakers=tuple(rules),
        title_embedding=stored.get("title"),
        target_roles_embedding=stored.get("targets"),
    )


# The posting columns `facts_for` reads: callers loading many postings only for scoring can `.only()` these.
FACT_FIELDS = (
    "title", "company_name", "location", "work_model", "seniority", "salary_min", "salary_max", "salary_currency",
    "salary_period", "years_min", "years_max", "description_text", "culture_text", "posted_at", "first_seen_at",
    "application_deadline", "repost_count", "ghost_score",
)


def job_facts(postings: Iterable[JobPosting], *, with_vectors: bool = True) -> dict:
    """{posting id: JobFacts} for `postings` (1 query for skills, 1 more with vectors)."""
    postings = list(postings)
    ids = [p.pk for p in postings]
    if not ids:
        return {}
    skills: dict = defaultdict(list)
    for posting_id, name, kind, required, years in JobSkill.objects.filter(posting_id__in=ids).values_list(
        "posting_id", "name", "kind", "is_required", "years_requested"
    ):
        skills[posting_id].append((name, kind, required, years))
    stored = vectors.job_vectors(ids) if with_vectors else {}
    return {p.pk: facts_for(p, skills[p.pk], stored.get(p.pk, {})) for p in postings}


def facts_for(posting: JobPosting, skills: Iterable[tuple], stored: dict | None = None) -> scoring.JobFacts:
    """One posting's facts from its row, its (name, kind, is_required, years) skills and stored vectors."""
    required, preferred = [], []
    for name, kind, is_required, years in skills:
        fact = scoring.JobSkillFact(name=name, kind=kind, years_requested=years)
        (required if is_required else preferred).append(fact)
    stored = stored or {}
    return scoring.JobFacts(
        title=posting.title,
        company_name=posting.company_name,
        location=scoring.JobLocation(raw=posting.location),
        work_model=posting.work_model,
        seniority=posting.seniority,
        salary_min=float(posting.salary_min) if posting.salary_min is not None else None,
        salary_max=float(posting.salary_max) if posting.salary_max is not None else None,
        salary_currency=posting.salary_currency or None,
        salary_period=posting.salary_period or "year",
        years_min=posting.years_min,
        years_max=posting.years_max,
        description_text=posting.description_text,
        culture_text=posting.culture_text,
        required_skills=tuple(required),
        preferred_skills=tuple(preferred),
        posted_at=posting.posted_at,
        first_seen_at=posting.first_seen_at,
        application_deadline=posting.application_deadline,
        repost_count=posting.repost_count,
        ghost_score=posting.ghost_score,
        title_embedding=stored.get("title"),
    )
