"""The scouter's one door into matching: score a run's links, ask for a surfacing pass.

Scoring itself is the pool's (`jobpool.scoring.score`, ARCHITECTURE §7): the same
function serves the scouter, surfacing and rescoring. This adapter builds the
scorer's plain inputs from the ORM in a fixed number of queries and writes the
scores on the persona's links in bulk.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.utils import timezone

from jobpool import scoring
from jobpool.models import JobPosting, JobSkill, PersonaJob
from personas.models import CustomDealbreaker, Persona, PersonaSkill, WorkHistory

logger = logging.getLogger(__name__)

SURFACE_TASK = "jobpool.surface_pool"


def persona_profile(persona: Persona) -> scoring.PersonaProfile:
    """The scorer's view of a persona (three queries: skills, roles, dealbreakers)."""
    owner_id = persona.owner_id
    skills = PersonaSkill.objects.for_owner_id(owner_id).filter(persona=persona)
    roles = WorkHistory.objects.for_owner_id(owner_id).filter(persona=persona).order_by("-is_current", "-start_date")
    rules = CustomDealbreaker.objects.for_owner_id(owner_id).filter(persona=persona)
    return scoring.PersonaProfile(
        skills=tuple(
            scoring.PersonaSkill(
                name=s.normalized_name or s.name,
                kind=s.skill_type,
                proficiency=s.proficiency,
                years_used=s.years_used,
                last_used=s.last_used,
            )
            for s in skills
        ),
        years_experience=persona.years_experience,
        current_role=persona.current_role,
        past_titles=tuple(r.title for r in roles),
        target_roles=tuple(persona.target_roles),
        target_skills=tuple(persona.target_skills),
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
        custom_dealbreakers=tuple(scoring.CustomDealbreaker(r.mode, r.job_field, r.value) for r in rules),
    )


def job_facts(posting: JobPosting, skills: Iterable[JobSkill]) -> scoring.JobFacts:
    """The scorer's view of a pooled posting and its extracted skills."""
    required, preferred = [], []
    for skill in skills:
        fact = scoring.JobSkillFact(name=skill.name, kind=skill.kind, years_requested=skill.years_requested)
        (required if skill.is_required else preferred).append(fact)
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
    )


def score_links(persona: Persona, link_ids: Iterable) -> int:
    """Score the persona's links among `link_ids` that have no score yet; return how many were scored.

    Side effects: fit/stretch scores, failed dealbreakers, score details and
    scored_at written on those links (one bulk update).
    """
    ids = list(dict.fromkeys(link_ids))
    if not ids:
        return 0
    links = list(
        PersonaJob.objects.for_owner_id(persona.owner_id)
        .filter(persona=persona, pk__in=ids, scored_at__isnull=True)
        .select_related("posting")
    )
    if not links:
        return 0
    skills: dict = {}
    for skill in JobSkill.objects.filter(posting_id__in={link.posting_id for link in links}):
        skills.setdefault(skill.posting_id, []).append(skill)
    now = timezone.now()
    prepared_persona = scoring.prepare_persona(persona_profile(persona))
    for link in links:
        facts = scoring.prepare_job(job_facts(link.posting, skills.get(link.posting_id, ())), now=now)
        result = scoring.score(prepared_persona, facts, now=now)
        link.fit_score, link.stretch_score = result.stored_scores
        link.failed_dealbreakers = list(result.failed_dealbreakers)
        link.score_details = result.as_dict()
        link.scored_at = now
    PersonaJob.objects.for_owner_id(persona.owner_id).bulk_update(
        links, ["fit_score", "stretch_score", "failed_dealbreakers", "score_details", "scored_at"], batch_size=500
    )
    return len(links)


def request_surfacing() -> None:
    """Ask the pool's surfacing pass to offer new postings to other personas (when that task exists)."""
    from celery import current_app

    task = current_app.tasks.get(SURFACE_TASK)
    if task is not None:
        task.delay()
