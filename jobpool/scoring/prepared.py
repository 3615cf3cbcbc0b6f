"""Per-persona and per-job normalised structures, built once and reused across many pairs.

Batch callers (the surfacing pass, rescoring) call `prepare_persona` once per persona and
`prepare_job` once per job, then score every pair from the prepared forms; `score()` also
accepts raw inputs and prepares them on the fly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from .bands import ghost_band
from .ghost import GhostResult, compute_ghost
from .inputs import CustomDealbreaker, JobFacts, PersonaProfile, Vector
from .text import (
    TextIndex,
    enum_value,
    fold,
    normalise_company,
    normalise_place,
    normalise_skill,
    phrase_key,
    text_index,
)
from .titles import SENIORITY_LEVELS, normalise_title, title_level

# The reference converts proficiency to years before comparing with a posting's requirement.
PROFICIENCY_YEARS = {"learning": 0.5, "familiar": 1.5, "proficient": 3.5, "expert": 6.0}
# Salaries are compared per year; these are the usual full-time multipliers.
ANNUAL_FACTOR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


def unit_vector(vector: Vector | None) -> np.ndarray | None:
    """The vector scaled to length 1 (so a dot product is a cosine), or None when absent, zero or not finite."""
    if vector is None:
        return None
    values = np.asarray(vector, dtype=np.float64).ravel()
    if values.size == 0 or not np.all(np.isfinite(values)):
        return None
    norm = float(np.linalg.norm(values))
    if norm == 0.0:
        return None
    return values / norm


def cosine(a: np.ndarray | None, b: np.ndarray | None) -> float | None:
    if a is None or b is None or a.shape != b.shape:
        return None
    return max(-1.0, min(1.0, float(a @ b)))


@dataclass(frozen=True, slots=True)
class PreparedDealbreaker:
    mode: str
    field: str
    value: str
    phrase: str


@dataclass(frozen=True, slots=True, eq=False)
class PreparedPersona:
    profile: PersonaProfile
    # Hard skills: normalised name → (years the persona can claim, display name).
    hard_years: dict[str, float]
    soft: frozenset[str]
    titles: tuple[str, ...]
    # Normalised title → as the persona wrote it, for explanations.
    title_display: dict[str, str]
    current_level: str | None
    target_roles: tuple[str, ...]
    # Target skills: (normalised name, phrase key, display name).
    target_skills: tuple[tuple[str, str, str], ...]
    remote_preference: str
    salary_floor: float | None
    salary_currency: str | None
    commute_limited: bool
    acceptable_places: tuple[str, ...]
    industry_exclusions: frozenset[str]
    company_exclusions: frozenset[str]
    custom_dealbreakers: tuple[PreparedDealbreaker, ...]
    soft_vector: np.ndarray | None
    title_vector: np.ndarray | None
    target_vector: np.ndarray | None


def located_in(job: PreparedJob, places: tuple[str, ...]) -> bool:
    """Whether the posting's location names one of the places as whole words.

    "London" matches "Islington, North London" and "Austin" matches "Austin, TX": boards write
    districts and regions around the city, so exact equality (the reference's rule) misses them.
    """
    index = job.field_index["location"]
    return any(place in index for place in places)


@dataclass(frozen=True, slots=True, eq=False)
class PreparedJob:
    facts: JobFacts
    title: str
    level: str | None
    # Hard skills: (normalised name, years requested, display name).
    required_hard: tuple[tuple[str, float | None, str], ...]
    preferred_hard: tuple[tuple[str, float | None, str], ...]
    soft: tuple[tuple[str, str], ...]
    skill_names: frozenset[str]
    text_index: TextIndex
    field_index: dict[str, TextIndex]
    work_model: str
    place: str
    annual_salary_min: float | None
    annual_salary_max: float | None
    salary_currency: str | None
    industry: str
    company: str
    visa_sponsorship: str
    # None when prepared with ghost=False; score() then computes it.
    ghost: GhostResult | None
    title_vector: np.ndarray | None
    culture_vector: np.ndarray | None


def _claimable_years(proficiency: str, years_used: float | None) -> float:
    # Recorded years of use are direct evidence; the proficiency conversion is the reference's floor.
    by_level = PROFICIENCY_YEARS.get(fold(proficiency), PROFICIENCY_YEARS["proficient"])
    return max(by_level, float(years_used)) if years_used is not None and years_used > 0 else by_level


def prepare_persona(persona: PersonaProfile) -> PreparedPersona:
    hard_years: dict[str, float] = {}
    soft: set[str] = set()
    for skill in persona.skills:
        name = normalise_skill(skill.name)
        if not name:
            continue
        if fold(skill.kind) == "soft":
            soft.add(name)
        else:
            years = _claimable_years(skill.proficiency, skill.years_used)
            hard_years[name] = max(years, hard_years.get(name, 0.0))
    title_display: dict[str, str] = {}
    for written in (persona.current_role, *persona.past_titles):
        if normalise_title(written):
            title_display.setdefault(normalise_title(written), written.strip())
    titles = tuple(title_display)
    current = normalise_title(persona.current_role)
    places = [normalise_place(p) for p in (*persona.commutable_cities, *persona.relocation_cities, persona.home_city)]
    targets = []
    for name in persona.target_skills:
        canonical = normalise_skill(name)
        if canonical:
            targets.append((canonical, phrase_key(name), name.strip()))
    return PreparedPersona(
        profile=persona,
        hard_years=hard_years,
        soft=frozenset(soft),
        titles=titles,
        title_display=title_display,
        current_level=(title_level(current) or "mid") if current else None,
        target_roles=tuple(dict.fromkeys(t for t in (normalise_title(r) for r in persona.target_roles) if t)),
        target_skills=tuple(dict.fromkeys(targets)),
        remote_preference=enum_value(persona.remote_preference) or "no_preference",
        salary_floor=float(persona.minimum_base_salary) if persona.minimum_base_salary else None,
        salary_currency=(persona.salary_currency or "").strip().upper() or None,
        commute_limited=any(normalise_place(p) for p in persona.commutable_cities),
        acceptable_places=tuple(dict.fromkeys(p for p in places if p)),
        industry_exclusions=frozenset(f for f in (fold(i) for i in persona.industry_exclusions) if f),
        company_exclusions=frozenset(c for c in (normalise_company(n) for n in persona.company_exclusions) if c),
        custom_dealbreakers=tuple(_prepare_custom(rule) for rule in persona.custom_dealbreakers),
        soft_vector=unit_vector(persona.soft_skills_embedding),
        title_vector=unit_vector(persona.title_embedding),
        target_vector=unit_vector(persona.target_roles_embedding),
    )


def _prepare_custom(rule: CustomDealbreaker) -> PreparedDealbreaker:
    return PreparedDealbreaker(
        mode=fold(rule.mode),
        field=fold(rule.field).replace(" ", "_"),
        value=rule.value.strip(),
        phrase=phrase_key(rule.value),
    )


def _hard_facts(skills) -> tuple[tuple[str, float | None, str], ...]:
    seen: dict[str, tuple[str, float | None, str]] = {}
    for skill in skills:
        name = normalise_skill(skill.name)
        if name and fold(skill.kind) != "soft" and name not in seen:
            years = skill.years_requested if skill.years_requested and skill.years_requested > 0 else None
            seen[name] = (name, years, skill.name.strip())
    return tuple(seen.values())


def _annual(amount: float | None, period: str) -> float | None:
    if amount is None or amount <= 0:
        return None
    return float(amount) * ANNUAL_FACTOR.get(fold(period), 1)


def prepare_job(job: JobFacts, *, now: datetime | None = None, ghost: bool = True) -> PreparedJob:
    """The job's normalised form. `ghost=False` skips the ghost score (a third of the cost), which
    only the explanation reads: batch deciders (`scoring.batch`) never need it."""
    required = _hard_facts(job.required_skills)
    required_names = {name for name, _, _ in required}
    preferred = tuple(s for s in _hard_facts(job.preferred_skills) if s[0] not in required_names)
    soft = {
        normalise_skill(s.name): s.name.strip()
        for s in (*job.required_skills, *job.preferred_skills)
        if fold(s.kind) == "soft" and normalise_skill(s.name)
    }
    title = normalise_title(job.title)
    level = title_level(title) or SENIORITY_LEVELS.get(fold(job.seniority)) or ("mid" if title else None)
    loc = job.location
    location_text = " ".join(p for p in (loc.city, loc.region, loc.country, loc.raw) if p)
    if job.ghost_score is not None:
        ghost_result = GhostResult(score=job.ghost_score, band=ghost_band(job.ghost_score), signals=())
    else:
        ghost_result = compute_ghost(job, now=now) if ghost else None
    work_model = enum_value(job.work_model).replace("_", "")  # "on-site", "On Site" → "onsite"
    return PreparedJob(
        facts=job,
        title=title,
        level=level,
        required_hard=required,
        preferred_hard=preferred,
        soft=tuple(soft.items()),
        skill_names=frozenset(normalise_skill(s.name) for s in (*job.required_skills, *job.preferred_skills)),
        text_index=text_index(f"{job.title}\n{job.description_text}\n{job.culture_text}"),
        field_index={
            "title": text_index(job.title),
            "company": text_index(job.company_name),
            "industry": text_index(job.industry),
            "location": text_index(location_text),
        },
        work_model=work_model if work_model in ("remote", "hybrid", "onsite") else "unknown",
        place=normalise_place(loc.city or loc.raw or loc.region or loc.country),
        annual_salary_min=_annual(job.salary_min, job.salary_period),
        annual_salary_max=_annual(job.salary_max, job.salary_period),
        salary_currency=(job.salary_currency or "").strip().upper() or None,
        industry=fold(job.industry),
        company=normalise_company(job.company_name),
        visa_sponsorship=fold(job.visa_sponsorship) or "unknown",
        ghost=ghost_result,
        title_vector=unit_vector(job.title_embedding),
        culture_vector=unit_vector(job.culture_embedding),
    )
