"""What the scorer reads: plain, frozen facts about a persona and a job.

Callers (the scouter run, the surfacing pass, rescoring) build these from their
models; scoring never touches the ORM. Lists may be passed as lists or tuples.
Enumerations are lower-case strings so they survive JSON round trips.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

# Persona skill proficiency levels, weakest first.
PROFICIENCIES = ("learning", "familiar", "proficient", "expert")
SKILL_KINDS = ("hard", "soft")
REMOTE_PREFERENCES = ("remote_only", "hybrid_ok", "onsite_ok", "no_preference")
WORK_MODELS = ("remote", "hybrid", "onsite", "unknown")
STRETCH_APPETITES = ("low", "medium", "high")
VISA_ANSWERS = ("yes", "no", "unknown")
SENIORITIES = ("entry", "mid", "senior", "lead", "executive")
DEALBREAKER_MODES = ("exclude", "require")
SALARY_PERIODS = ("year", "month", "week", "day", "hour")

Vector = Sequence[float]


@dataclass(frozen=True, slots=True)
class PersonaSkill:
    """One skill of the persona, named by its canonical taxonomy name."""

    name: str
    kind: str = "hard"
    proficiency: str = "proficient"
    years_used: float | None = None
    last_used: int | None = None


@dataclass(frozen=True, slots=True)
class CustomDealbreaker:
    """A user-defined rule: exclude jobs whose `field` matches `value`, or require that it does.

    Supported fields and their matching rules are listed in `dealbreakers.CUSTOM_FIELDS`.
    """

    mode: str
    field: str
    value: str


@dataclass(frozen=True)
class PersonaProfile:
    skills: Sequence[PersonaSkill] = ()
    years_experience: float | None = None
    current_role: str = ""
    # Titles from the work history; the fit's role-title component matches any of them.
    past_titles: Sequence[str] = ()
    target_roles: Sequence[str] = ()
    target_skills: Sequence[str] = ()
    remote_preference: str = "no_preference"
    minimum_base_salary: int | None = None
    salary_currency: str | None = None
    commutable_cities: Sequence[str] = ()
    relocation_cities: Sequence[str] = ()
    home_city: str = ""
    home_state: str = ""
    home_country: str = ""
    visa_sponsorship_required: bool = False
    industry_exclusions: Sequence[str] = ()
    company_exclusions: Sequence[str] = ()
    stretch_appetite: str = "medium"
    custom_dealbreakers: Sequence[CustomDealbreaker] = ()
    # Optional embedding vectors (any dimension, same model as the job's vectors).
    soft_skills_embedding: Vector | None = None
    title_embedding: Vector | None = None
    target_roles_embedding: Vector | None = None


@dataclass(frozen=True, slots=True)
class JobSkillFact:
    """A skill the posting asks for, by canonical taxonomy name."""

    name: str
    kind: str = "hard"
    years_requested: float | None = None


@dataclass(frozen=True, slots=True)
class JobLocation:
    city: str = ""
    region: str = ""
    country: str = ""
    raw: str = ""

    @property
    def is_known(self) -> bool:
        return bool(self.city or self.raw)


@dataclass(frozen=True)
class JobFacts:
    title: str
    company_name: str = ""
    industry: str = ""
    location: JobLocation = field(default_factory=JobLocation)
    work_model: str = "unknown"
    seniority: str = ""
    employment_type: str = ""
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str = "year"
    years_min: float | None = None
    years_max: float | None = None
    description_text: str = ""
    culture_text: str = ""
    required_skills: Sequence[JobSkillFact] = ()
    preferred_skills: Sequence[JobSkillFact] = ()
    visa_sponsorship: str = "unknown"
    # Ghost-score inputs.
    posted_at: datetime | None = None
    first_seen_at: datetime | None = None
    application_deadline: datetime | None = None
    repost_count: int = 0
    # A 0-100 vagueness rating from an LLM, when one is configured; else a rule-based measure is used.
    vagueness: int | None = None
    # A ghost score already computed and stored on the posting; used as is when present.
    ghost_score: int | None = None
    # Optional embedding vectors (same model as the persona's).
    title_embedding: Vector | None = None
    culture_embedding: Vector | None = None
