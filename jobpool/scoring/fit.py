"""Fit score (reference §6.3): how well the persona matches the job as it is today.

fit = round(0.40 hard skills + 0.15 soft skills + 0.25 experience + 0.10 role title + 0.10 logistics),
each component 0-100; missing data gives the neutral 70 unless a rule below says otherwise.
"""

from __future__ import annotations

from . import workmodel
from .prepared import PreparedJob, PreparedPersona, cosine, located_in
from .result import Component
from .titles import as_cosine, lexical_similarity

WEIGHTS = {"hard_skills": 0.40, "soft_skills": 0.15, "experience": 0.25, "role_title": 0.10, "logistics": 0.10}
NEUTRAL = 70.0
# Soft skills with nothing to compare: the reference's zero culture vector, (0 + 1) × 50.
SOFT_NEUTRAL = 50.0
REQUIRED_POINTS = 80.0
PREFERRED_POINTS = 20.0
SKILL_YEARS_PENALTY = 0.15
MIN_SHORT_SKILL_WEIGHT = 0.2
UNDER_PENALTY_PER_YEAR = 15.0
OVER_PENALTY_PER_YEAR = 5.0
OVER_FLOOR = 50.0


def _weigh_skills(persona: PreparedPersona, skills: tuple[tuple[str, float | None, str], ...]):
    """Average weight of a skill list (1 per met skill, less when short on years, 0 when missing)."""
    total = 0.0
    matched: list[str] = []
    missing: list[str] = []
    short: list[dict] = []
    for name, requested, display in skills:
        have = persona.hard_years.get(name)
        if have is None:
            missing.append(display)
            continue
        matched.append(display)
        if requested is None or have >= requested:
            total += 1.0
        else:
            total += max(MIN_SHORT_SKILL_WEIGHT, 1.0 - SKILL_YEARS_PENALTY * (requested - have))
            short.append({"skill": display, "years_requested": requested, "years_claimed": have})
    return total / len(skills), matched, missing, short


def hard_skills(persona: PreparedPersona, job: PreparedJob) -> Component:
    if not job.required_hard and not job.preferred_hard:
        return Component(
            "hard_skills", "fit", WEIGHTS["hard_skills"], NEUTRAL, "neutral", {"reason": "no hard skills listed"}
        )
    inputs: dict = {}
    points = 0.0
    for label, skills, share in (
        ("required", job.required_hard, REQUIRED_POINTS),
        ("preferred", job.preferred_hard, PREFERRED_POINTS),
    ):
        if not skills:
            # Nothing asked in this group: nothing can be missing, so its share is full.
            points += share
            continue
        average, matched, missing, short = _weigh_skills(persona, skills)
        points += average * share
        inputs[label] = {"matched": matched, "missing": missing, "short_on_years": short}
    return Component("hard_skills", "fit", WEIGHTS["hard_skills"], points, "rules", inputs)


def soft_skills(persona: PreparedPersona, job: PreparedJob, similarity: float | None) -> Component:
    weight = WEIGHTS["soft_skills"]
    if similarity is not None:
        cos = max(-1.0, min(1.0, float(similarity)))
        return Component("soft_skills", "fit", weight, (cos + 1.0) * 50.0, "precomputed", {"cosine": round(cos, 4)})
    cos = cosine(persona.soft_vector, job.culture_vector)
    if cos is not None:
        return Component("soft_skills", "fit", weight, (cos + 1.0) * 50.0, "embedding", {"cosine": round(cos, 4)})
    if job.soft and persona.soft:
        matched = [display for name, display in job.soft if name in persona.soft]
        missing = [display for name, display in job.soft if name not in persona.soft]
        share = len(matched) / len(job.soft)
        return Component(
            "soft_skills", "fit", weight, (share + 1.0) * 50.0, "lexical", {"matched": matched, "missing": missing}
        )
    reason = "no soft skills on the persona" if job.soft else "no culture text or soft skills on the posting"
    return Component("soft_skills", "fit", weight, SOFT_NEUTRAL, "neutral", {"reason": reason})


def experience(persona: PreparedPersona, job: PreparedJob) -> Component:
    weight = WEIGHTS["experience"]
    low, high = job.facts.years_min, job.facts.years_max
    if low is None and high is None:
        return Component("experience", "fit", weight, NEUTRAL, "neutral", {"reason": "no years requested"})
    if low is not None and high is not None and low > high:
        low, high = high, low
    years = float(persona.profile.years_experience or 0.0)
    inputs = {"years": years, "years_min": low, "years_max": high}
    if low is not None and years < low:
        value = max(0.0, 100.0 - UNDER_PENALTY_PER_YEAR * (low - years))
    elif high is not None and years > high:
        value = max(OVER_FLOOR, 100.0 - OVER_PENALTY_PER_YEAR * (years - high))
    else:
        value = 100.0
    return Component("experience", "fit", weight, value, "rules", inputs)


def role_title(persona: PreparedPersona, job: PreparedJob) -> Component:
    weight = WEIGHTS["role_title"]
    if not job.title or not persona.titles:
        return Component("role_title", "fit", weight, NEUTRAL, "neutral", {"reason": "no title to compare"})
    if job.title in persona.titles:
        return Component("role_title", "fit", weight, 100.0, "exact", {"matched_title": job.title})
    cos = cosine(persona.title_vector, job.title_vector)
    if cos is not None:
        return Component("role_title", "fit", weight, (cos + 1.0) * 50.0, "embedding", {"cosine": round(cos, 4)})
    best, best_title = max((lexical_similarity(title, job.title), title) for title in persona.titles)
    cos = as_cosine(best)
    inputs = {"similarity": round(best, 4), "cosine": round(cos, 4), "closest": best_title}
    return Component("role_title", "fit", weight, (cos + 1.0) * 50.0, "lexical", inputs)


def logistics(persona: PreparedPersona, job: PreparedJob) -> Component:
    preference = persona.remote_preference
    value = float(workmodel.fit(preference, job.work_model))
    outside = (
        persona.commute_limited
        and workmodel.effective_model(job.work_model) != "remote"
        and not located_in(job, persona.acceptable_places)
    )
    if outside:
        value *= workmodel.OUTSIDE_COMMUTE_FACTOR
    inputs = {"remote_preference": preference, "work_model": job.work_model, "outside_commute": outside}
    return Component("logistics", "fit", WEIGHTS["logistics"], value, "rules", inputs)


def fit_components(persona: PreparedPersona, job: PreparedJob, similarity: float | None) -> tuple[Component, ...]:
    return (
        hard_skills(persona, job),
        soft_skills(persona, job, similarity),
        experience(persona, job),
        role_title(persona, job),
        logistics(persona, job),
    )
