"""Pure scoring: dealbreakers, fit, stretch, ghost score and explanations. No ORM imports.

Callers build `PersonaProfile` / `JobFacts` from their models and call `score()`; batch callers
prepare each persona and job once (`prepare_persona`, `prepare_job`) and score the prepared forms.
See docs/scoring.md for every rule, weight, neutral value and band.
"""

from .bands import fit_band, ghost_band, is_growth_role, stretch_band
from .dealbreakers import CUSTOM_FIELDS, DealbreakerOutcome, check_dealbreakers
from .engine import score
from .fingerprint import job_fingerprint, persona_fingerprint
from .ghost import GhostResult, GhostSignal, compute_ghost, rule_based_vagueness
from .inputs import CustomDealbreaker, JobFacts, JobLocation, JobSkillFact, PersonaProfile, PersonaSkill
from .prepared import PreparedJob, PreparedPersona, prepare_job, prepare_persona
from .result import SCORING_VERSION, Component, Explanation, ScoreResult
from .titles import lexical_similarity, normalise_title, titles_similar

__all__ = [
    "CUSTOM_FIELDS",
    "SCORING_VERSION",
    "Component",
    "CustomDealbreaker",
    "DealbreakerOutcome",
    "Explanation",
    "GhostResult",
    "GhostSignal",
    "JobFacts",
    "JobLocation",
    "JobSkillFact",
    "PersonaProfile",
    "PersonaSkill",
    "PreparedJob",
    "PreparedPersona",
    "ScoreResult",
    "check_dealbreakers",
    "compute_ghost",
    "fit_band",
    "ghost_band",
    "is_growth_role",
    "job_fingerprint",
    "lexical_similarity",
    "normalise_title",
    "persona_fingerprint",
    "prepare_job",
    "prepare_persona",
    "rule_based_vagueness",
    "score",
    "stretch_band",
    "titles_similar",
]
